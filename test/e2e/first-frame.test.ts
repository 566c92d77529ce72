/**
 * The renderer's first frame in a real Chromium: the built app opens offline, shows its
 * Vietnamese frame, switches to English in one click, and neither logs an error nor asks any
 * other origin for anything. Screenshots land in test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, openAppFromFile, saveScreenshot, type AppUnderTest, type BrowserSession } from './harness';

const chromium = chromiumPath();

describe.skipIf(!chromium)('first frame in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp(chromium!);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens in Vietnamese: title, palette with the six device kinds, empty canvas, status bar', async () => {
    const { page } = app;
    expect(await page.title()).toBe('V6Lab — Phòng thí nghiệm IPv6');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.getByTestId('app-title').textContent()).toBe('V6Lab');
    expect(await page.getByRole('heading', { name: 'Thiết bị' }).isVisible()).toBe(true);
    const names = await page.locator('.palette__name').allTextContents();
    expect(names).toEqual(['Bộ định tuyến', 'Switch lớp 3', 'Switch lớp 2', 'Điểm truy cập Wi-Fi', 'Máy trạm (PC)', 'Máy chủ']);
    expect(await page.getByTestId('canvas-empty').textContent()).toContain('Sơ đồ đang trống');
    expect(await page.getByTestId('status-message').textContent()).toBe('Sẵn sàng');
    expect(await page.getByTestId('language-vi').getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'first-frame-vi');
  });

  it('fills the main area with the cytoscape canvas at 1280×800', async () => {
    const { page } = app;
    const surface = await page.getByTestId('topology-canvas').boundingBox();
    const palette = await page.locator('.palette').boundingBox();
    expect(surface).not.toBeNull();
    expect(palette).not.toBeNull();
    // Everything right of the palette, between the top bar and the status bar.
    expect(surface!.x).toBeCloseTo(palette!.x + palette!.width, 0);
    expect(surface!.x + surface!.width).toBeCloseTo(1280, 0);
    // The realtime strip (mode bar) sits under the canvas, so the canvas is a little shorter than the main area.
    expect(surface!.height).toBeGreaterThan(640);
    // cytoscape drew its layers into the container.
    expect(await page.locator('[data-testid="topology-canvas"] canvas').count()).toBeGreaterThan(0);
  });

  it('switches to English in one click and every visible string follows', async () => {
    const { page } = app;
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('V6Lab — IPv6 training lab');
    expect(await page.getByRole('heading', { name: 'Devices' }).isVisible()).toBe(true);
    expect(await page.locator('.palette__name').allTextContents()).toEqual([
      'Router',
      'Layer 3 switch',
      'Layer 2 switch',
      'Wi-Fi access point',
      'Workstation (PC)',
      'Server',
    ]);
    expect(await page.getByTestId('canvas-empty').textContent()).toContain('The diagram is empty');
    expect(await page.getByTestId('status-message').textContent()).toBe('Ready');
    expect(await page.locator('.status-bar').textContent()).toContain('0 devices');
    await saveScreenshot(page, 'first-frame-en');
  });

  it('selecting a device kind highlights it and names it in the status bar', async () => {
    const { page } = app;
    await page.getByTestId('palette-router').click();
    expect(await page.getByTestId('palette-router').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('status-message').textContent()).toBe('Selected: Router');
    await page.getByTestId('language-vi').click();
    await expect.poll(() => page.getByTestId('status-message').textContent()).toBe('Đã chọn: Bộ định tuyến');
    await saveScreenshot(page, 'first-frame-router-selected-vi');
  });

  it('remembers the language across a reload', async () => {
    const { page } = app;
    await page.getByTestId('language-en').click();
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('app-title').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Devices' }).isVisible()).toBe(true);
  });

  it('logged no console error (CSP violations included) and asked no other origin for anything', () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe.skipIf(!chromium)('first frame loaded from file:// (as Electron loads it)', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openAppFromFile(chromium!);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs with relative asset paths and the meta-tag CSP alone, without errors or outside requests', async () => {
    const { page } = session;
    expect(page.url()).toMatch(/^file:\/\/.*\/index\.html$/);
    expect(await page.title()).toBe('V6Lab — Phòng thí nghiệm IPv6');
    expect(await page.locator('[data-testid="topology-canvas"] canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await saveScreenshot(page, 'first-frame-file-url-en');
    expect(session.errors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
