/**
 * A large lab whose file has no positions (issue 16 item 14), in a real Chromium: a generated
 * 300-device lab in zones opens laid out by cytoscape-fcose (zones as groups), stored with its layout
 * (reopened, it needs none); the device search centres on a device by name and selects it; the zone list
 * fits the view to one zone. Screenshots: test-artifacts/e2e/large-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeLab } from '../../sim-core/lab/serialize-lab';
import { chromiumPath } from '../helpers/external-tools';
import { generateBigLabWithoutPositions } from './big-lab';
import { openApp, saveScreenshot, type AppUnderTest } from './harness';

const chromium = chromiumPath();

describe.skipIf(!chromium)('a large lab without positions in Chromium', { timeout: 120_000 }, () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens laid out, zones as groups, and keeps the layout when reopened', async () => {
    const { page } = app;
    const text = serializeLab(generateBigLabWithoutPositions(30));
    expect(text).not.toContain('position');
    await page.getByTestId('welcome-start-empty').click();
    await page.getByTestId('toolbar-open').click();
    await page.getByTestId('open-browser-input').setInputFiles({ name: 'province.v6lab.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid="topology-canvas"][data-rendered-devices="300"]', { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('status-message').textContent()).toContain('đã tự sắp xếp 300 thiết bị chưa có vị trí');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'large-01-laid-out');
    // The browser store keeps the lab with its layout: reopened, it needs no layout and has the same positions.
    const zoomed = await page.getByTestId('topology-canvas').getAttribute('data-zoom');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    await page.getByTestId('toolbar-new').click();
    await page.getByTestId('toolbar-open').click();
    await page.getByTestId('open-browser-file').filter({ hasText: 'province.v6lab.yaml' }).click();
    await page.waitForSelector('[data-testid="topology-canvas"][data-rendered-devices="300"]', { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('Đã mở province.v6lab.yaml: 300 thiết bị, 299 liên kết');
    expect(await page.getByTestId('topology-canvas').getAttribute('data-zoom')).toBe(zoomed);
  });

  it('finds a device by name and centres the view on it', async () => {
    const { page } = app;
    const canvas = page.getByTestId('topology-canvas');
    const zoomBefore = Number(await canvas.getAttribute('data-zoom'));
    expect(zoomBefore).toBeLessThan(1);
    await page.getByTestId('device-search').fill('pc123');
    await page.getByTestId('device-search').press('Enter');
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('Đã tìm thấy PC123.');
    await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeGreaterThanOrEqual(1);
    // Selected: its properties card shows it.
    await expect.poll(() => page.locator('.properties').textContent()).toContain('PC123');
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'large-02-found-device');
    await page.getByTestId('device-search').fill('no-such-box');
    await page.getByTestId('device-search').press('Enter');
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('Không có thiết bị nào tên giống “no-such-box”.');
  });

  it('fits the view to one zone', async () => {
    const { page } = app;
    const canvas = page.getByTestId('topology-canvas');
    await page.getByTestId('zoom-fit').click();
    const fittedAll = Number(await canvas.getAttribute('data-zoom'));
    const zone = page.getByTestId('fit-zone');
    const options = await zone.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    await zone.selectOption({ index: 1 });
    await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeGreaterThan(fittedAll * 1.5);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'large-03-fit-zone');
  });

  it('logged no console error and asked no other origin for anything', () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
