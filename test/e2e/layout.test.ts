/**
 * The layout at the screens trainees have (issue 16, items 4–7), in a real Chromium at
 * 1280×720, 1366×768 and 1920×1080: course module 2 with consoles open and simulation mode with
 * the packet inspector. The palette folds by itself in a scenario, every pane keeps room, the
 * properties card never covers the zoom controls, the terminal tab strip stays one line however
 * many consoles are open, Ctrl+S in a console saves, splitters resize and are remembered, the opened event stays in view,
 * the scenario pane folds, and the canvas keeps the zoom the trainee set when the mode changes.
 * Screenshots go to test-artifacts/e2e/layout-<width>x<height>-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, saveScreenshot, type AppUnderTest } from './harness';

const chromium = chromiumPath();
const MODULE_2 = 'm02-dual-stack-slaac';
const DEVICES = ['R-STTTT', 'SW-STTTT', 'PC1', 'PC2', 'SRV-STTTT'];
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('element not visible');
  return found;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.type(line, { delay: 2 });
    await page.keyboard.press('Enter');
  }
}

async function zoomOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('topology-canvas').getAttribute('data-zoom'));
}

for (const size of SIZES) {
  const name = `layout-${size.width}x${size.height}`;
  describe.skipIf(!chromium)(`layout at ${size.width}×${size.height}`, { timeout: 120_000 }, () => {
    let app: AppUnderTest;

    beforeAll(async () => {
      app = await openApp(chromium!);
      await app.page.setViewportSize(size);
    });

    afterAll(async () => {
      await app?.close();
    });

    it('the welcome card points to the course; the palette is open outside a scenario', async () => {
      const { page } = app;
      expect(await page.getByTestId('palette').getAttribute('data-collapsed')).toBe('false');
      expect(await page.getByTestId('welcome-course').isVisible()).toBe(true);
      await saveScreenshot(page, `${name}-01-welcome`);
    });

    it('opening module 2 folds the palette to icons and leaves the canvas most of the width', async () => {
      const { page } = app;
      await page.getByTestId('welcome-course').click();
      await page.getByTestId(`course-open-${MODULE_2}`).click();
      await page.getByTestId('scenario-view').waitFor();
      await expect.poll(() => page.getByTestId('palette').getAttribute('data-collapsed')).toBe('true');
      expect((await box(page.getByTestId('palette'))).width).toBeLessThanOrEqual(60);
      const canvas = await box(page.getByTestId('topology-canvas'));
      expect(canvas.width).toBeGreaterThanOrEqual(size.width * 0.5);
      // The scenario pane's text is not cut at its edges.
      const pane = await box(page.getByTestId('scenario-pane'));
      expect(pane.x + pane.width).toBeLessThanOrEqual(size.width);
      const overflowing = await page.getByTestId('scenario-pane').evaluate((element) =>
        [...element.querySelectorAll('p, h2, h3, h4, li, span, button')].filter((node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflow === 'visible' && node.clientWidth > 0).map((node) => node.textContent),
      );
      expect(overflowing).toEqual([]);
      await saveScreenshot(page, `${name}-02-scenario`);
    });

    it('the properties card of a selected device leaves the zoom controls free', async () => {
      const { page } = app;
      const canvas = await box(page.getByTestId('topology-canvas'));
      // After the fit the switch is in the middle of module 2's diagram.
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.getByTestId('properties-panel').waitFor();
      expect(overlaps(await box(page.getByTestId('properties-panel')), await box(page.locator('.zoom-controls')))).toBe(false);
      await saveScreenshot(page, `${name}-03-properties`);
      await page.keyboard.press('Escape');
    });

    it('five consoles keep the terminal tab strip on one line, with the capture button in it', async () => {
      const { page } = app;
      for (const device of DEVICES) {
        await page.getByTestId(`scenario-console-${device}`).click();
        await page.getByTestId(`terminal-${device}`).waitFor();
      }
      const strip = await box(page.locator('.terminal-tabs'));
      expect(strip.height).toBeLessThanOrEqual(31);
      const capture = await box(page.getByTestId('capture-export'));
      expect(capture.y).toBeGreaterThanOrEqual(strip.y);
      expect(capture.y + capture.height).toBeLessThanOrEqual(strip.y + strip.height);
      expect(capture.x + capture.width).toBeLessThanOrEqual(strip.x + strip.width);
      for (const device of DEVICES) {
        const tab = await page.getByTestId(`terminal-tab-${device}`).boundingBox();
        if (tab !== null) expect(tab.y).toBeGreaterThanOrEqual(strip.y - 1);
      }
      await page.getByTestId('terminal-tab-R-STTTT').click();
      await page.getByTestId('terminal-R-STTTT').click();
      await typeLines(page, ['enable', 'configure terminal', 'ipv6 unicast-routing', 'interface GigabitEthernet0/0', 'ipv6 address 2001:db8:6803:10::1/64', 'end']);
      await saveScreenshot(page, `${name}-04-consoles`);
      // Ctrl+S with the console focused saves the lab (here: asks for a name), not XOFF.
      await page.keyboard.press('Control+s');
      await page.getByTestId('save-as-name').waitFor();
      await saveScreenshot(page, `${name}-04b-ctrl-s-from-console`);
      await page.keyboard.press('Escape');
      await page.getByTestId('save-as-name').waitFor({ state: 'detached' });
    });

    it('the dock splitter resizes the consoles and the size is remembered', async () => {
      const { page } = app;
      const dock = page.getByTestId('sim-dock');
      const before = await box(dock);
      const splitter = await box(page.getByTestId('dock-splitter'));
      await page.mouse.move(splitter.x + splitter.width / 2, splitter.y);
      await page.mouse.down();
      await page.mouse.move(splitter.x + splitter.width / 2, splitter.y - 60, { steps: 4 });
      await page.mouse.up();
      await expect.poll(async () => (await box(dock)).height).toBeGreaterThan(before.height + 50);
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('v6lab.layout') ?? '{}') as { dockHeightPx?: number });
      expect(stored.dockHeightPx).toBeGreaterThan(before.height + 50);
      // The canvas keeps room above the dock.
      expect((await box(page.getByTestId('topology-canvas'))).height).toBeGreaterThanOrEqual(150);
    });

    it('a zoom the trainee set survives switching to simulation mode', async () => {
      const { page } = app;
      await page.getByTestId('zoom-in').click();
      await expect.poll(() => zoomOf(page)).toBeGreaterThan(0);
      const zoom = await zoomOf(page);
      await page.getByTestId('mode-simulation').click();
      await page.getByTestId('event-panel').waitFor();
      await page.waitForTimeout(400);
      expect(await zoomOf(page)).toBeCloseTo(zoom, 3);
      const canvas = await box(page.getByTestId('topology-canvas'));
      expect(canvas.width).toBeGreaterThanOrEqual(size.width * 0.3);
    });

    it('the inspector gets room for layers and bytes, and the opened event stays in view', async () => {
      const { page } = app;
      for (let i = 0; i < 8; i++) {
        await page.getByTestId('sim-step-forward').click();
        await expect.poll(() => page.getByTestId('sim-step-forward').isDisabled()).toBe(false);
      }
      await saveScreenshot(page, `${name}-05-simulation`);
      const row = page.getByTestId('event-row').last();
      const seq = await row.getAttribute('data-seq');
      await row.click();
      await page.getByTestId('packet-inspector').waitFor();
      await page.getByTestId('inspector-layer').first().waitFor();
      await page.waitForTimeout(200);
      await saveScreenshot(page, `${name}-06-inspector`);
      const selected = page.locator(`[data-testid="event-row"][data-seq="${seq}"]`);
      const table = await box(page.getByTestId('event-table'));
      const selectedBox = await box(selected);
      expect(selectedBox.y).toBeGreaterThanOrEqual(table.y - 1);
      expect(selectedBox.y + selectedBox.height).toBeLessThanOrEqual(table.y + table.height + 1);
      expect((await box(page.locator('.inspector__tree'))).height).toBeGreaterThanOrEqual(90);
      expect((await box(page.locator('.inspector__bytes'))).height).toBeGreaterThanOrEqual(70);
    });

    it('folding the scenario pane gives the canvas its width back; unfolding brings the pane back', async () => {
      const { page } = app;
      const before = await box(page.getByTestId('topology-canvas'));
      await page.getByTestId('scenario-fold').click();
      await expect.poll(async () => (await box(page.getByTestId('topology-canvas'))).width).toBeGreaterThan(before.width + 200);
      await saveScreenshot(page, `${name}-07-scenario-folded`);
      await page.getByTestId('scenario-unfold').click();
      await page.getByTestId('scenario-view').waitFor();
      expect(app.errors).toEqual([]);
    });
  });
}

describe.skipIf(!chromium)('locked devices at 1280×720', { timeout: 120_000 }, () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
    await app.page.setViewportSize(SIZES[0]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('module 3 marks its locked devices with a drawn padlock (no emoji), and the pane text fits', async () => {
    const { page } = app;
    await page.getByTestId('course-button').click();
    await page.getByTestId('course-open-m03-static-routing-wan').click();
    await page.getByTestId('scenario-view').waitFor();
    const locked = page.locator('.device-chip--locked');
    expect(await locked.count()).toBeGreaterThan(0);
    expect(await locked.first().locator('svg[data-testid="lock-icon"]').count()).toBe(1);
    expect(await locked.first().evaluate((chip) => getComputedStyle(chip, '::before').content)).toMatch(/^(none|normal)$/);
    const chip = await box(locked.first());
    const pane = await box(page.getByTestId('scenario-pane'));
    expect(chip.x + chip.width).toBeLessThanOrEqual(pane.x + pane.width);
    await saveScreenshot(page, 'layout-1280x720-08-locked-devices');
    expect(app.errors).toEqual([]);
  });
});
