/**
 * Never losing work, in a real Chromium against the built renderer, as a trainee works: R1 is
 * configured at its console (hostname, ipv6 unicast-routing, an address) and PC1 pings it; a
 * server added while the network runs powers on alone (the clock, the consoles and the ping
 * carry on); the lab is saved, a new one started, the saved one reopened, and R1 runs the same
 * configuration; then more work is done, the tab is killed without saving, and the autosave
 * brings back the topology and every device's configuration. Screenshots go to
 * test-artifacts/e2e/save-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Lab } from '../../sim-core/lab/lab-document';
import { loadLab } from '../../sim-core/lab/load-lab';
import { DEVICE_ICON_PX } from '../../renderer/canvas/canvas-style';
import { computeFitViewport } from '../../renderer/canvas/fit-viewport';
import { chromiumPath } from '../helpers/external-tools';
import { openApp, saveScreenshot, VIEWPORT, type AppUnderTest } from './harness';
import { type Point, clickCanvas, screenText, typeLines } from './page-actions';

const chromium = chromiumPath();

/** Canvas-relative points (zoom 1, no pan on a new lab). */
const ROUTER: Point = { x: 420, y: 130 };
const PC1: Point = { x: 240, y: 330 };
const SERVER: Point = { x: 600, y: 330 };

async function openConsole(page: Page, device: string, at: Point): Promise<void> {
  await clickCanvas(page, at, { double: true });
  await page.getByTestId(`terminal-${device}`).waitFor();
  await page.getByTestId(`terminal-${device}`).click();
}

/**
 * Where a device is drawn after an opened lab was fitted to the canvas (the canvas adapter's fit:
 * the devices' positions plus room for the icon and the name, no zones here).
 */
async function fittedPoint(page: Page, lab: Lab, device: string): Promise<Point> {
  const box = await page.getByTestId('topology-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const xs = lab.devices.map((d) => d.position!.x);
  const ys = lab.devices.map((d) => d.position!.y);
  const model = { minX: Math.min(...xs) - DEVICE_ICON_PX, maxX: Math.max(...xs) + DEVICE_ICON_PX, minY: Math.min(...ys) - DEVICE_ICON_PX / 2, maxY: Math.max(...ys) + DEVICE_ICON_PX / 2 + 24 };
  const viewport = computeFitViewport(model, box.width, box.height, { min: 0.05, max: 1.5 });
  const at = lab.devices.find((d) => d.name === device)!.position!;
  return { x: at.x * viewport.zoom + viewport.pan.x, y: at.y * viewport.zoom + viewport.pan.y };
}

async function connect(page: Page, a: Point, b: Point): Promise<void> {
  await page.getByTestId('toolbar-connect').click();
  await clickCanvas(page, a);
  await clickCanvas(page, b);
  await page.getByTestId('connect-dialog').waitFor();
  await page.getByTestId('connect-confirm').click();
  await page.getByTestId('connect-dialog').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
}

/** `0:01:23.456` → seconds. */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-clock').textContent()) ?? '';
  const match = /(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
  if (!match) throw new Error(`clock reads '${text}'`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

async function storedFile(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate((fileName) => {
    const files = JSON.parse(localStorage.getItem('v6lab.files') ?? '{}') as Record<string, { text: string }>;
    return files[fileName]?.text;
  }, name);
}

async function autosaveText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('v6lab.autosave');
    if (raw === null) return '';
    const value = JSON.parse(raw) as { text?: unknown };
    return typeof value.text === 'string' ? value.text : raw;
  });
}

describe.skipIf(!chromium)('never losing work, in Chromium', { timeout: 180_000 }, () => {
  let app: AppUnderTest;
  let page: Page;
  /** R1's terminal after it was configured. */
  let r1Screen = '';

  beforeAll(async () => {
    app = await openApp(chromium!);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('R1 configured at its console, PC1 pings it', async () => {
    await page.getByTestId('welcome-start-empty').click();
    for (const [kind, point] of [['router', ROUTER], ['pc', PC1]] as const) {
      await page.getByTestId(`palette-${kind}`).click();
      await clickCanvas(page, point);
    }
    await connect(page, ROUTER, PC1);
    await page.getByTestId('sim-speed-100').click();
    await openConsole(page, 'R1', ROUTER);
    await expect.poll(() => screenText(page, 'R1')).toContain('R1>');
    await typeLines(page, ['enable', 'configure terminal', 'hostname EDGE1', 'ipv6 unicast-routing', 'interface g0/0', 'ipv6 address 2001:db8:6803:10::1/64', 'no shutdown', 'end']);
    await expect.poll(() => screenText(page, 'R1')).toMatch(/%SYS-5-CONFIG_I: Configured from console by console\s*\nEDGE1#/);
    r1Screen = await screenText(page, 'R1');
    await openConsole(page, 'PC1', PC1);
    await page.waitForTimeout(1500);
    await typeLines(page, ['ping -6 2001:db8:6803:10::1']);
    await expect.poll(() => screenText(page, 'PC1'), { timeout: 20_000 }).toContain('Lost = 0');
    await saveScreenshot(page, 'save-01-configured-and-pinged');
  });

  it('adding a server while it runs powers on just the server: clock, consoles and the ping carry on', async () => {
    const pcBefore = await screenText(page, 'PC1');
    const clockBefore = await clockSeconds(page);
    await page.getByTestId('palette-server').click();
    await clickCanvas(page, SERVER);
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('3 thiết bị');
    await connect(page, ROUTER, SERVER);
    await expect.poll(() => page.getByTestId('status-links').textContent()).toBe('2 liên kết');
    await page.waitForTimeout(800);
    // The clock went on from where it was, PC1's screen is what it was.
    expect(await clockSeconds(page)).toBeGreaterThan(clockBefore);
    expect(await screenText(page, 'PC1')).toBe(pcBefore);
    await page.getByTestId('terminal-tab-R1').click();
    // R1 did not boot again: its screen is what it was, no boot log reprinted.
    await page.waitForTimeout(300);
    expect(await screenText(page, 'R1')).toBe(r1Screen);
    await page.getByTestId('terminal-tab-PC1').click();
    await page.getByTestId('terminal-PC1').click();
    // The console dock shows 12 rows at 1280x800: a four-echo ping scrolls its own command line
    // off the screen. `cls` first, so what the screen shows after it is this ping's alone.
    await typeLines(page, ['cls']);
    await expect.poll(async () => (await screenText(page, 'PC1')).trim()).toBe('C:\\Users\\Admin>');
    await typeLines(page, ['ping -6 2001:db8:6803:10::1']);
    await expect.poll(() => screenText(page, 'PC1'), { timeout: 20_000 }).toMatch(/Pinging 2001:db8:6803:10::1 with 32 bytes of data:[\s\S]*Sent = 4, Received = 4, Lost = 0/);
    expect(await screenText(page, 'PC1')).not.toMatch(/General failure|transmit failed/);
    await saveScreenshot(page, 'save-02-server-added-while-running');
  });

  it('saving writes R1\'s running configuration; reopened, R1 runs the same configuration', async () => {
    await page.getByTestId('toolbar-save').click();
    await page.getByTestId('save-as-dialog').waitFor();
    await page.getByTestId('save-as-name').fill('cau-hinh-r1');
    await page.getByTestId('save-as-confirm').click();
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    const saved = (await storedFile(page, 'cau-hinh-r1.v6lab.yaml')) ?? '';
    const loaded = loadLab(saved, 'cau-hinh-r1.v6lab.yaml');
    if (!loaded.ok) throw new Error('the saved file does not load');
    const r1 = loaded.lab.devices.find((device) => device.name === 'R1')!;
    expect(r1.config).toContain('hostname EDGE1\n');
    expect(r1.config).toContain('\nipv6 unicast-routing\n');
    expect(r1.config).toMatch(/\ninterface GigabitEthernet0\/0\n[^!]* ipv6 address 2001:DB8:6803:10::1\/64\n/);
    expect(loaded.lab.devices.map((device) => device.name)).toEqual(['R1', 'PC1', 'SRV1']);

    await page.getByTestId('toolbar-new').click();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('0 thiết bị');
    await page.getByTestId('toolbar-open').click();
    await page.getByTestId('open-browser-dialog').waitFor();
    await page.getByTestId('open-browser-file').filter({ hasText: 'cau-hinh-r1.v6lab.yaml' }).click();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('3 thiết bị');
    await page.waitForTimeout(300);
    await openConsole(page, 'R1', await fittedPoint(page, loaded.lab, 'R1'));
    await expect.poll(() => screenText(page, 'R1')).toContain('EDGE1>');
    await typeLines(page, ['enable', 'show running-config | include hostname', 'show running-config | include unicast-routing', 'show running-config | include 2001']);
    await expect.poll(() => screenText(page, 'R1')).toMatch(/hostname EDGE1\s*\nEDGE1#show running-config \| include unicast-routing\s*\nipv6 unicast-routing\s*\nEDGE1#show running-config \| include 2001\s*\n ipv6 address 2001:DB8:6803:10::1\/64/);
    await saveScreenshot(page, 'save-03-reopened-same-running-config');
    for (const size of [{ width: 1280, height: 720 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await saveScreenshot(page, `save-03-reopened-${size.width}x${size.height}`);
    }
    await page.setViewportSize(VIEWPORT);
  });

  it('killed without saving, the autosave brings back the topology and every device\'s configuration', async () => {
    await page.getByTestId('palette-pc').click();
    // The top left corner is free in the fitted view.
    await clickCanvas(page, { x: 70, y: 70 });
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('4 thiết bị');
    await page.getByTestId('terminal-tab-R1').click();
    await page.getByTestId('terminal-R1').click();
    await typeLines(page, ['configure terminal', 'ipv6 route 2001:db8:99::/64 Null0', 'end']);
    await expect.poll(() => screenText(page, 'R1')).toMatch(/EDGE1\(config\)#end\s*\nEDGE1#/);
    // The autosave runs on its own clock: wait until it holds the route typed at the console.
    await expect.poll(() => autosaveText(page), { timeout: 70_000, interval: 1000 }).toContain('ipv6 route 2001:DB8:99::/64 Null0');
    await saveScreenshot(page, 'save-04-before-kill');

    // Kill: the tab goes away without a chance to save (no beforeunload), a new one opens.
    const killed = page;
    page = await app.context.newPage();
    await killed.close({ runBeforeUnload: false });
    await page.goto(app.server.url, { waitUntil: 'load' });
    await page.getByTestId('recovery-dialog').waitFor();
    await saveScreenshot(page, 'save-05-recovery-offered');
    await page.getByTestId('recovery-restore').click();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('4 thiết bị');
    expect(await page.getByTestId('status-links').textContent()).toBe('2 liên kết');
    const recovered = loadLab(await autosaveText(page), 'autosave.v6lab.yaml');
    if (!recovered.ok) throw new Error('the autosave does not load');
    await page.waitForTimeout(300);
    await openConsole(page, 'R1', await fittedPoint(page, recovered.lab, 'R1'));
    await expect.poll(() => screenText(page, 'R1')).toContain('EDGE1>');
    await typeLines(page, ['enable', 'show running-config | include ipv6']);
    await expect.poll(() => screenText(page, 'R1')).toMatch(/ipv6 unicast-routing[\s\S]* ipv6 address 2001:DB8:6803:10::1\/64[\s\S]*ipv6 route 2001:DB8:99::\/64 Null0/);
    await saveScreenshot(page, 'save-06-recovered');
  });

  it('opening a course scenario over unsaved work asks save or discard; after the scenario the trainee goes back to their lab', async () => {
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
    await page.getByTestId('course-button').click();
    await page.getByTestId('course-browser').waitFor();
    await page.getByTestId('course-open-m02-dual-stack-slaac').click();
    const dialog = page.getByTestId('confirm-discard-dialog');
    await dialog.waitFor();
    // Nothing was replaced yet.
    expect(await page.getByTestId('status-devices').textContent()).toBe('4 thiết bị');
    await saveScreenshot(page, 'save-07-course-asks-first');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('scenario-view').waitFor();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('5 thiết bị');
    const saved = loadLab((await storedFile(page, 'cau-hinh-r1.v6lab.yaml')) ?? '', 'saved.v6lab.yaml');
    if (!saved.ok) throw new Error('the saved file does not load');
    expect(saved.lab.devices).toHaveLength(4);
    expect(saved.lab.devices.find((device) => device.name === 'R1')!.config).toContain('ipv6 route 2001:DB8:99::/64 Null0');
    await saveScreenshot(page, 'save-08-in-the-scenario');
    await page.getByTestId('scenario-back-to-my-lab').click();
    await expect.poll(() => page.getByTestId('status-devices').textContent()).toBe('4 thiết bị');
    expect(await page.getByTestId('file-name').textContent()).toBe('cau-hinh-r1.v6lab.yaml');
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    await page.waitForTimeout(300);
    await openConsole(page, 'R1', await fittedPoint(page, saved.lab, 'R1'));
    await expect.poll(() => screenText(page, 'R1')).toContain('EDGE1>');
    await typeLines(page, ['enable', 'show running-config | include route']);
    await expect.poll(() => screenText(page, 'R1')).toContain('ipv6 route 2001:DB8:99::/64 Null0');
    await saveScreenshot(page, 'save-09-back-to-my-lab');
  });
});
