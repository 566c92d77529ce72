/**
 * The live simulation in a real Chromium, as a trainee would use it: build a router and two PCs,
 * double-click the router to open its console and configure IPv6 by typing, ping from a PC's
 * console, switch to simulation mode, step to an ICMPv6 echo, open it in the packet inspector,
 * select a field and see its bytes highlighted, step back, and export a capture.
 * Screenshots of every stage go to test-artifacts/e2e/sim-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, saveScreenshot, type AppUnderTest } from './harness';
import { type Point, clickCanvas, screenText, typeLines } from './page-actions';

const chromium = chromiumPath();

/** Canvas-relative points (zoom 1, no pan on a new lab). */
const ROUTER: Point = { x: 420, y: 130 };
const PC1: Point = { x: 240, y: 330 };
const PC2: Point = { x: 600, y: 330 };

describe.skipIf(!chromium)('live simulation in Chromium', { timeout: 90_000 }, () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds a router and two PCs and cables them', async () => {
    const { page } = app;
    await page.getByTestId('welcome-start-empty').click();
    for (const [kind, point] of [['router', ROUTER], ['pc', PC1], ['pc', PC2]] as const) {
      await page.getByTestId(`palette-${kind}`).click();
      await clickCanvas(page, point);
    }
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('3 thiết bị');
    // Cable mode stays on for both cables; Esc ends it.
    await page.getByTestId('toolbar-connect').click();
    for (const pc of [PC1, PC2]) {
      await clickCanvas(page, ROUTER);
      await clickCanvas(page, pc);
      await page.getByTestId('connect-dialog').waitFor();
      await page.getByTestId('connect-confirm').click();
      await page.getByTestId('connect-dialog').waitFor({ state: 'detached' });
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('status-links').textContent()).toBe('2 liên kết');
    // The mode bar is there from the start, in realtime mode with the clock running.
    expect(await page.getByTestId('mode-realtime').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).not.toBe('0:00:00.000');
    await saveScreenshot(page, 'sim-01-built');
  });

  it('double-clicking the router opens its console, and IPv6 is configured by typing', async () => {
    const { page } = app;
    await clickCanvas(page, ROUTER, { double: true });
    await page.getByTestId('terminal-R1').waitFor();
    await expect.poll(() => screenText(page, 'R1')).toContain('R1>');
    // The first screen draws the prompt once (it was `R1>R1>`).
    await page.waitForTimeout(300);
    expect((await screenText(page, 'R1')).trim()).toBe('R1>');
    await page.getByTestId('terminal-R1').click();
    await typeLines(page, ['enable', 'conf t', 'ipv6 unicast-routing', 'int g0/0', 'ipv6 address 2001:db8:6803:10::1/64', 'no shut', 'end']);
    await expect.poll(() => screenText(page, 'R1')).toMatch(/R1\(config-if\)#end\s*\nR1#/);
    // `?` lists what may come next, as on IOS.
    await page.keyboard.type('show ipv6 ?');
    await expect.poll(() => screenText(page, 'R1')).toContain('interface');
    await page.keyboard.press('Control+u');
    await typeLines(page, ['show ipv6 interface brief']);
    await expect.poll(() => screenText(page, 'R1')).toContain('2001:DB8:6803:10::1');
    await saveScreenshot(page, 'sim-02-router-console');
  });

  it('pings the router from PC1\'s console over IPv6 (realtime, 100×)', async () => {
    const { page } = app;
    await page.getByTestId('sim-speed-100').click();
    await clickCanvas(page, PC1, { double: true });
    await page.getByTestId('terminal-PC1').waitFor();
    // The properties card of the selected device says how its console opens.
    expect(await page.getByTestId('properties-console-hint').textContent()).toContain('Nhấp đúp');
    await expect.poll(() => screenText(page, 'PC1')).toContain('>');
    // Router advertisements give PC1 its SLAAC address within seconds of virtual time.
    await page.waitForTimeout(1500);
    expect((await screenText(page, 'PC1')).trim()).toBe('C:\\Users\\Admin>');
    await page.getByTestId('terminal-PC1').click();
    await typeLines(page, ['ping -6 2001:db8:6803:10::1']);
    await expect.poll(() => screenText(page, 'PC1')).toMatch(/^C:\\Users\\Admin>ping -6/);
    await expect.poll(() => screenText(page, 'PC1'), { timeout: 20_000 }).toMatch(/Reply from 2001:db8:6803:10::1/);
    await expect.poll(() => screenText(page, 'PC1'), { timeout: 20_000 }).toContain('Lost = 0');
    expect(await page.getByTestId('terminal-tab-R1').count()).toBe(1);
    // The realtime mode bar is a strip of the layout under the canvas: it covers no device and
    // is no wider than the canvas column.
    const bar = (await page.getByTestId('mode-bar').boundingBox())!;
    const canvasBox = (await page.locator('.canvas-area').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(canvasBox.y + canvasBox.height - 1);
    expect(bar.x).toBeGreaterThanOrEqual(canvasBox.x - 1);
    expect(bar.x + bar.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width + 1);
    await saveScreenshot(page, 'sim-03-pc-ping');
  });

  it('in simulation mode, steps to the ICMPv6 echo request and shows it moving on the link', async () => {
    const { page } = app;
    await page.getByTestId('mode-simulation').click();
    await page.getByTestId('event-panel').waitFor();
    await page.getByTestId('terminal-PC1').click();
    await typeLines(page, ['ping -6 -n 1 2001:db8:6803:10::1']);
    const clockBefore = await page.getByTestId('sim-clock').textContent();
    await page.waitForTimeout(300);
    // Time stands still until asked.
    expect(await page.getByTestId('sim-clock').textContent()).toBe(clockBefore);
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.getByTestId('sim-step-forward').click();
      await expect.poll(() => page.getByTestId('sim-step-forward').isDisabled()).toBe(false);
      found = (await page.locator('[data-testid="event-row"][data-class="ICMPv6"]').count()) > 0;
    }
    expect(found).toBe(true);
    await page.waitForTimeout(800);
    await saveScreenshot(page, 'sim-04-simulation-step');
  });

  it('opens the echo in the inspector: decision, layers, and the hex bytes of a selected field', async () => {
    const { page } = app;
    const echo = page.locator('[data-testid="event-row"][data-class="ICMPv6"]').first();
    expect(await echo.textContent()).toContain('Echo (ping) request');
    const device = await echo.locator('.event-row__device').textContent();
    await echo.click();
    const inspector = page.getByTestId('packet-inspector');
    await inspector.waitFor();
    await expect.poll(() => page.getByTestId('inspector-layer').allTextContents()).toEqual([expect.stringContaining('Ethernet II'), expect.stringContaining('IPv6'), expect.stringContaining('ICMPv6')]);
    // The decision names the device of the event, in words.
    expect(await page.getByTestId('inspector-decision').textContent()).toContain(`${device}:`);
    await page.locator('[data-testid="inspector-field"][data-field="Hop Limit"]').click();
    const selected = page.locator('[data-testid="hex-view"] .pdu-hex__byte--selected');
    await expect.poll(() => selected.count()).toBe(1);
    // Hop Limit 128 (Windows) or 64: one byte, at offset 14 + 7.
    expect(await selected.getAttribute('data-offset')).toBe('21');
    await saveScreenshot(page, 'sim-05-inspector-field');
    // Pointing at a byte of the source address highlights that field in the tree.
    await page.locator('[data-testid="hex-view"] [data-offset="30"]').hover();
    await expect.poll(() => page.locator('.pdu-field--hovered').first().getAttribute('data-field')).toBe('Source Address');
    await saveScreenshot(page, 'sim-06-inspector-hover');
  });

  it('steps back (a replay from the seed) and forward again to the same events', async () => {
    const { page } = app;
    const counted = async () => Number(/(\d+)$/.exec((await page.getByTestId('event-count').textContent()) ?? '')?.[1]);
    const before = await counted();
    await page.getByTestId('sim-step-back').click();
    await expect.poll(counted).toBeLessThan(before);
    await page.getByTestId('sim-step-forward').click();
    await expect.poll(counted).toBe(before);
    await saveScreenshot(page, 'sim-07-step-back-forward');
  });

  it('speaks English one click away: controls, event list and the decision in words', async () => {
    const { page } = app;
    await page.getByTestId('event-row').last().click();
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('mode-simulation').textContent()).toBe('Simulation');
    await expect.poll(() => page.getByTestId('inspector-decision').textContent()).toMatch(/^(Router R1|Workstation \(PC\) PC1): /);
    await saveScreenshot(page, 'sim-08-inspector-en');
    await page.getByTestId('language-vi').click();
  });

  it('logged no console error and asked no other origin for anything', () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
