/**
 * Simulation mode as a beginner uses it in Packet Tracer (issue 16 item 9), in a real Chromium:
 * the Add Simple PDU tool sends a ping from PC1 to SRV1 with no console (IPv6, then IPv4 from
 * PC2), stepping shows its envelopes on the canvas, a click on an envelope opens that frame in
 * the inspector, and the play speed control sets how fast Play steps.
 * Screenshots: test-artifacts/e2e/pdu-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, saveScreenshot, type AppUnderTest } from './harness';

const chromium = chromiumPath();

/** Positions in the sample lab (docs/examples/dual-stack-lan.v6lab.yaml). */
const MODEL = { PC1: { x: 200, y: 400 }, PC2: { x: 400, y: 400 }, SRV1: { x: 600, y: 400 } } as const;

/** Clicks a device of the sample lab where the canvas draws it (its model position through the view's zoom and pan). */
async function clickDevice(page: Page, name: keyof typeof MODEL): Promise<void> {
  const canvas = page.getByTestId('topology-canvas');
  const box = (await canvas.boundingBox())!;
  const zoom = Number(await canvas.getAttribute('data-zoom'));
  const [panX, panY] = ((await canvas.getAttribute('data-pan')) ?? '0,0').split(',').map(Number) as [number, number];
  await page.mouse.click(box.x + MODEL[name].x * zoom + panX, box.y + MODEL[name].y * zoom + panY);
}

/** The envelopes drawn now: seq and position in the canvas area. */
async function envelopes(page: Page): Promise<{ seq: number; x: number; y: number }[]> {
  const text = (await page.getByTestId('packet-overlay').getAttribute('data-envelopes')) ?? '';
  return text
    .split(';')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [seq, at] = entry.split('@') as [string, string];
      const [x, y] = at.split(',').map(Number) as [number, number];
      return { seq: Number(seq), x, y };
    });
}

describe.skipIf(!chromium)('Add Simple PDU and envelopes in Chromium', { timeout: 120_000 }, () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends an IPv6 ping from PC1 to SRV1 without a console', async () => {
    const { page } = app;
    await page.getByTestId('welcome-open-sample').first().click();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('5 thiết bị');
    // Let addresses settle (SLAAC, duplicate address detection) at 100×.
    await page.getByTestId('sim-speed-100').click();
    await expect.poll(async () => (await page.getByTestId('sim-clock').textContent()) ?? '', { timeout: 20_000 }).toMatch(/^0:00:[1-5]\d\./);
    await page.getByTestId('mode-simulation').click();
    await page.getByTestId('event-panel').waitFor();
    await page.getByTestId('toolbar-pdu').click();
    expect(await page.getByTestId('canvas-hint').textContent()).toContain('PDU đơn giản: bấm thiết bị gửi ping');
    expect(await page.getByTestId('pdu-family-6').getAttribute('aria-checked')).toBe('true');
    await clickDevice(page, 'PC1');
    await expect.poll(() => page.getByTestId('canvas-hint').textContent()).toContain('PDU đơn giản từ PC1');
    await clickDevice(page, 'SRV1');
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('PC1 đã gửi ping tới SRV1 (2001:db8:6803:10::10).');
    // No console was opened for it.
    expect(await page.getByTestId('terminal-PC1').count()).toBe(0);
    await saveScreenshot(page, 'pdu-01-sent');
  });

  it('steps show the envelopes; a click on one opens that frame in the inspector', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    let echo = false;
    for (let i = 0; i < 12 && !echo; i++) {
      await page.getByTestId('sim-step-forward').click();
      await expect.poll(() => page.getByTestId('sim-step-forward').isDisabled()).toBe(false);
      echo = (await page.locator('[data-testid="event-row"][data-class="ICMPv6"][title*="Echo (ping) request"]').count()) > 0;
    }
    expect(echo).toBe(true);
    await page.waitForTimeout(900);
    const shown = await envelopes(page);
    expect(shown.length).toBeGreaterThan(0);
    const target = shown[shown.length - 1]!;
    // SRV1, the last device picked, is selected: a click that reached the canvas background would unselect it.
    expect(await page.getByTestId('properties-console-hint').count()).toBe(1);
    const overlay = (await page.getByTestId('packet-overlay').boundingBox())!;
    await page.mouse.click(overlay.x + target.x, overlay.y + target.y);
    await page.getByTestId('packet-inspector').waitFor();
    await expect.poll(() => page.locator('[data-testid="event-row"][aria-selected="true"]').getAttribute('data-seq')).toBe(String(target.seq));
    // The click went to the envelope, not to the canvas: the selection is unchanged.
    expect(await page.getByTestId('properties-console-hint').count()).toBe(1);
    await saveScreenshot(page, 'pdu-02-envelope-opened');
  });

  it('sends an IPv4 ping from PC2 to SRV1 when IPv4 is chosen', async () => {
    const { page } = app;
    await page.getByTestId('toolbar-pdu').click();
    await page.getByTestId('pdu-family-4').click();
    expect(await page.getByTestId('pdu-family-4').getAttribute('aria-checked')).toBe('true');
    await clickDevice(page, 'PC2');
    await clickDevice(page, 'SRV1');
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('PC2 đã gửi ping tới SRV1 (192.168.10.10).');
    await page.keyboard.press('Escape');
    let echo = false;
    for (let i = 0; i < 12 && !echo; i++) {
      await page.getByTestId('sim-step-forward').click();
      await expect.poll(() => page.getByTestId('sim-step-forward').isDisabled()).toBe(false);
      echo = (await page.locator('[data-testid="event-row"][data-class="ICMP"]').count()) > 0;
    }
    expect(echo).toBe(true);
    await page.waitForTimeout(900);
    await saveScreenshot(page, 'pdu-03-ipv4');
  });

  it('the play speed control sets how fast Play steps', async () => {
    const { page } = app;
    expect(await page.getByTestId('sim-play-speed-normal').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('sim-play-speed-fast').click();
    expect(await page.getByTestId('sim-play-speed-fast').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('sim-play-speed-normal').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('sim-play-speed-fast').textContent()).toBe('Fast');
    await saveScreenshot(page, 'pdu-04-play-speed-en');
    await page.getByTestId('language-vi').click();
  });

  it('logged no console error and asked no other origin for anything', () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
