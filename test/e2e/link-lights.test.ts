/**
 * Link lights in a real Chromium (issue 16 item 8), as a trainee meets them: a router cabled to
 * a PC shows red at both ends while the router's port is still shut (IOS ports start shut);
 * after `no shutdown` at the router's console both ends turn green — the light comes from the
 * running network, not from the document's text. The drawn dots are checked by their pixels,
 * and the port-names toggle writes the interface names on the cable ends.
 * Screenshots: test-artifacts/e2e/lights-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, saveScreenshot, type AppUnderTest } from './harness';
import { type Point, clickCanvas } from './page-actions';

const chromium = chromiumPath();

/** Canvas-relative points (zoom 1, no pan on a new lab). */
const ROUTER: Point = { x: 300, y: 200 };
const PC: Point = { x: 600, y: 200 };

async function lights(page: Page): Promise<Record<string, string>> {
  const text = (await page.getByTestId('topology-canvas').getAttribute('data-link-lights')) ?? '';
  return Object.fromEntries(
    text
      .split(';')
      .filter((entry) => entry !== '')
      .map((entry) => entry.split('=') as [string, string]),
  );
}

/**
 * The colour most present near a canvas point among green, amber and red (the drawing is
 * cytoscape's stacked canvases; their pixels are read in the page).
 */
async function lightColourNear(page: Page, point: Point): Promise<'green' | 'amber' | 'red' | 'none'> {
  return page.evaluate(({ x, y }) => {
    const host = document.querySelector('[data-testid="topology-canvas"]')!;
    const counts = { green: 0, amber: 0, red: 0 };
    for (const canvas of host.querySelectorAll('canvas')) {
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const context = canvas.getContext('2d');
      if (context === null) continue;
      const radius = Math.round(40 * scale);
      const data = context.getImageData(Math.round(x * scale) - radius, Math.round(y * scale) - radius, radius * 2, radius * 2).data;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a < 200) continue;
        if (g > 130 && r < 80 && b < 100) counts.green++;
        else if (r > 190 && g > 110 && g < 170 && b < 60) counts.amber++;
        else if (r > 180 && g < 80 && b < 90) counts.red++;
      }
    }
    const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((p, q) => q[1] - p[1])[0]!;
    return best[1] >= 6 ? best[0] : 'none';
  }, point);
}

/** The router and PC on the line between them: a light sits just outside each icon. */
const ROUTER_END: Point = { x: ROUTER.x + 30, y: ROUTER.y };
const PC_END: Point = { x: PC.x - 30, y: PC.y };

describe.skipIf(!chromium)('link lights in Chromium', { timeout: 90_000 }, () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a router port left shut shows red at both cable ends', async () => {
    const { page } = app;
    await page.getByTestId('welcome-start-empty').click();
    for (const [kind, point] of [['router', ROUTER], ['pc', PC]] as const) {
      await page.getByTestId(`palette-${kind}`).click();
      await clickCanvas(page, point);
    }
    await page.getByTestId('toolbar-connect').click();
    await clickCanvas(page, ROUTER);
    await clickCanvas(page, PC);
    await page.getByTestId('connect-dialog').waitFor();
    await page.getByTestId('connect-confirm').click();
    await page.getByTestId('connect-dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await expect.poll(() => lights(page)).toEqual({ 'R1 GigabitEthernet0/0': 'admin-down', 'PC1 Ethernet0': 'down' });
    await expect.poll(() => lightColourNear(page, ROUTER_END)).toBe('red');
    expect(await lightColourNear(page, PC_END)).toBe('red');
    await saveScreenshot(page, 'lights-01-forgot-no-shutdown');
  });

  it('after `no shutdown` at the router console both ends turn green', async () => {
    const { page } = app;
    await clickCanvas(page, ROUTER, { double: true });
    await page.getByTestId('terminal-R1').waitFor();
    await page.getByTestId('terminal-R1').click();
    for (const line of ['enable', 'conf t', 'int g0/0', 'no shutdown', 'end']) {
      await page.keyboard.type(line, { delay: 5 });
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => lights(page)).toEqual({ 'R1 GigabitEthernet0/0': 'up', 'PC1 Ethernet0': 'up' });
    await expect.poll(() => lightColourNear(page, ROUTER_END)).toBe('green');
    expect(await lightColourNear(page, PC_END)).toBe('green');
    await saveScreenshot(page, 'lights-02-after-no-shutdown');
  });

  it('the port-names toggle writes the interface names on both cable ends', async () => {
    const { page } = app;
    await page.mouse.move(5, 5);
    const toggle = page.getByTestId('toggle-port-names');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.getAttribute('title')).toBe('Tên cổng ở hai đầu cáp');
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'lights-03-port-names');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });
});
