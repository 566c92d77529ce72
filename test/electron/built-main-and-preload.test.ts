/**
 * main.cjs and preload.cjs as Vite builds them, run in Node against a stand-in for the
 * `electron` module (the Electron binary cannot run here). Checks the window's security
 * options, the app:// protocol (registered as privileged before the app is ready, serving the
 * built renderer folder beside dist-electron and nothing outside it, the page loaded from
 * it), the session hardening, navigation and window-open denial, the IPC gate, the menu
 * language, and that the preload needs nothing but `electron` (a sandboxed preload can require
 * nothing else).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNELS } from '../../electron/ipc-contract';

const repoRoot = join(import.meta.dirname, '..', '..');

type Listener = (...args: unknown[]) => unknown;

/** A recording stand-in for the parts of Electron main.ts uses. */
const fakeElectronSource = `
const calls = { windows: [], handles: new Map(), appEvents: new Map(), menus: [], session: {}, messageBoxes: [], messageBoxAnswer: 1, privilegedSchemes: null, protocolHandlers: new Map(), readyResolved: false };
class FakeWebContents {
  constructor(id) { this.id = id; this.events = new Map(); this.sent = []; }
  on(name, fn) { this.events.set(name, fn); return this; }
  setWindowOpenHandler(fn) { this.windowOpenHandler = fn; }
  send(channel, payload) { this.sent.push([channel, payload]); }
}
let nextId = 1;
class BrowserWindow {
  constructor(options) { this.options = options; this.webContents = new FakeWebContents(nextId++); this.events = new Map(); calls.windows.push(this); }
  on(name, fn) { this.events.set(name, fn); return this; }
  once(name, fn) { this.events.set(name, fn); return this; }
  loadFile(path) { this.loadedFile = path; return Promise.resolve(); }
  loadURL(url) { this.loadedUrl = url; return Promise.resolve(); }
  show() {}
  static getAllWindows() { return calls.windows; }
  static getFocusedWindow() { return calls.windows[0] ?? null; }
}
const app = {
  isPackaged: false,
  enableSandbox() { calls.sandboxEnabled = true; },
  requestSingleInstanceLock() { return true; },
  quit() { calls.quit = true; },
  getPath(name) { return process.env.V6LAB_FAKE_USERDATA + '/' + name; },
  getVersion() { return '0.1.0'; },
  isReady() { return true; },
  on(name, fn) { calls.appEvents.set(name, fn); return app; },
  whenReady() { return Promise.resolve().then(() => { calls.readyResolved = true; }); },
};
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (calls.readyResolved) throw new Error('registerSchemesAsPrivileged after ready');
    calls.privilegedSchemes = schemes;
  },
  handle(scheme, handler) { calls.protocolHandlers.set(scheme, handler); },
};
const session = { defaultSession: {
  setPermissionRequestHandler(fn) { calls.session.permissionRequest = fn; },
  setPermissionCheckHandler(fn) { calls.session.permissionCheck = fn; },
  webRequest: {
    onBeforeRequest(fn) { calls.session.beforeRequest = fn; },
    onHeadersReceived(fn) { calls.session.headersReceived = fn; },
  },
} };
module.exports = {
  app, BrowserWindow, session, protocol,
  ipcMain: { handle(channel, fn) { calls.handles.set(channel, fn); } },
  Menu: { buildFromTemplate(t) { return t; }, setApplicationMenu(m) { calls.menus.push(m); } },
  dialog: {
    showMessageBoxSync(owner, options) { calls.messageBoxes.push({ owner, options }); return calls.messageBoxAnswer; },
  },
  __calls: calls,
};
`;

interface FakeCalls {
  windows: { options: { webPreferences: Record<string, unknown> }; loadedFile?: string; loadedUrl?: string; webContents: { id: number; events: Map<string, Listener> } }[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] | null;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  messageBoxes: { owner: unknown; options: { message: string; buttons: string[]; defaultId: number; cancelId: number } }[];
  messageBoxAnswer: number;
  handles: Map<string, Listener>;
  appEvents: Map<string, Listener>;
  menus: { label: string }[][];
  sandboxEnabled?: boolean;
  session: Record<string, Listener>;
}

let appDir: string;
let outDir: string;
let calls: FakeCalls;
let recentLab: string;
const appPageUrl = 'app://v6lab/index.html';

beforeAll(async () => {
  // As packaged: <app>/dist-electron/main.cjs beside <app>/dist/renderer/.
  appDir = await mkdtemp(join(tmpdir(), 'v6lab-electron-build-'));
  outDir = join(appDir, 'dist-electron');
  await mkdir(join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
  await writeFile(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>V6Lab</title>');
  await writeFile(join(appDir, 'dist', 'renderer', 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(appDir, 'dist', 'secret.txt'), 'SECRET');
  const builder = await createBuilder({
    configFile: join(repoRoot, 'vite.electron.config.ts'),
    logLevel: 'warn',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
  });
  await builder.buildApp();
  await mkdir(join(outDir, 'node_modules', 'electron'), { recursive: true });
  await writeFile(join(outDir, 'node_modules', 'electron', 'index.js'), fakeElectronSource);
  process.env.V6LAB_FAKE_USERDATA = await mkdtemp(join(tmpdir(), 'v6lab-fake-userdata-'));
  // An earlier run left one lab in the recent list.
  recentLab = join(appDir, 'recent.v6lab.yaml');
  await writeFile(recentLab, 'devices: []\n');
  await mkdir(join(process.env.V6LAB_FAKE_USERDATA, 'userData'));
  await writeFile(join(process.env.V6LAB_FAKE_USERDATA, 'userData', 'recent-files.json'), JSON.stringify([recentLab]));
  const requireFromOut = createRequire(join(outDir, 'main.cjs'));
  requireFromOut('./main.cjs');
  calls = (requireFromOut('electron') as { __calls: FakeCalls }).__calls;
  // Let whenReady().then(...) finish (it loads the recent list, builds the menu, opens the window).
  for (let i = 0; i < 100 && calls.windows.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
});

describe('built main.cjs', () => {
  it('enables the sandbox for every renderer and opens one window with the secure options', () => {
    expect(calls.sandboxEnabled).toBe(true);
    const { webPreferences } = calls.windows[0]!.options;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences.preload).toBe(join(outDir, 'preload.cjs'));
  });

  it('registers app:// as a privileged standard, secure scheme before the app is ready, and loads the page from it', () => {
    expect(calls.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(calls.windows[0]!.loadedUrl).toBe(appPageUrl);
    expect(calls.windows[0]!.loadedFile).toBeUndefined();
  });

  it('serves the built renderer folder through app:// and nothing outside it', async () => {
    const handler = calls.protocolHandlers.get('app')!;
    const page = await handler(new Request(appPageUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'.*frame-ancestors 'none'$/);
    expect(await page.text()).toBe('<!doctype html><title>V6Lab</title>');
    const script = await handler(new Request('app://v6lab/assets/index-abc.js'));
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    for (const url of ['app://v6lab/../secret.txt', 'app://v6lab/%2e%2e/secret.txt', 'app://v6lab/..%2fsecret.txt', 'app://v6lab/..%2f..%2fdist-electron%2fmain.cjs']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toMatch(/SECRET|require\(/);
    }
  });

  it('refuses every permission request and check', () => {
    const answers: boolean[] = [];
    calls.session.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted));
    calls.session.permissionRequest!({}, 'notifications', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(calls.session.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });

  it('cancels network requests and adds the CSP header', () => {
    const decisions: unknown[] = [];
    for (const url of ['https://example.com/x.js', 'file:///app/dist/renderer/index.html', 'file:///etc/passwd', 'app://v6lab/assets/index-abc.js', 'app://other/x.js']) {
      calls.session.beforeRequest!({ url }, (d: unknown) => decisions.push(d));
    }
    expect(decisions).toEqual([{ cancel: true }, { cancel: true }, { cancel: true }, { cancel: false }, { cancel: true }]);
    let headers: Record<string, string[]> = {};
    calls.session.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, (d: { responseHeaders: Record<string, string[]> }) => (headers = d.responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['Content-Security-Policy']![0]).toMatch(/^default-src 'self'; script-src 'self';.*frame-ancestors 'none'$/);
  });

  it('denies navigation, redirects, webviews and new windows in every webContents', () => {
    const events = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = { on: (name: string, fn: Listener) => events.set(name, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) };
    calls.appEvents.get('web-contents-created')!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      events.get(name)!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
      expect(prevented, name).toBe(true);
    }
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('handles every contract channel, only for its own page', async () => {
    expect([...calls.handles.keys()].sort()).toEqual([...IPC_INVOKE_CHANNELS].sort());
    const window = calls.windows[0]!;
        const ours = { sender: { id: window.webContents.id }, senderFrame: { url: appPageUrl, parent: null } };
    expect(await calls.handles.get('app:get-info')!(ours, null)).toMatchObject({ name: 'V6Lab', version: '0.1.0' });
    const foreign = { sender: { id: 999 }, senderFrame: { url: appPageUrl, parent: null } };
    await expect(calls.handles.get('app:get-info')!(foreign, null)).rejects.toThrow(/did not create/);
    // Our window showing a file: page (the old way of loading) is no longer our page.
    const filePage = { sender: { id: window.webContents.id }, senderFrame: { url: 'file:///app/dist/renderer/index.html', parent: null } };
    await expect(calls.handles.get('app:get-info')!(filePage, null)).rejects.toThrow(/did not create/);
    await expect(calls.handles.get('lab:save')!(ours, { path: null, text: 5 })).rejects.toThrow(/lab:save: invalid request: text/);
  });

  it('opens a recent file only after the user clicks it in the File menu', async () => {
    const window = calls.windows[0]!;
    const ours = { sender: { id: window.webContents.id }, senderFrame: { url: appPageUrl, parent: null } };
    expect(await calls.handles.get('lab:open')!(ours, { path: recentLab })).toMatchObject({ kind: 'failed' });
    type Item = { id?: string; label?: string; click?: () => void; submenu?: Item[] };
    const file = (calls.menus.at(-1) as Item[])[0]!;
    const recent = file.submenu!.find((item) => item.id === 'file.open-recent')!;
    const entry = recent.submenu!.find((item) => item.label === recentLab)!;
    entry.click!();
    expect((window.webContents as unknown as { sent: unknown[][] }).sent.at(-1)).toEqual(['menu:command', { command: 'open-recent', path: recentLab }]);
    expect(await calls.handles.get('lab:open')!(ours, { path: recentLab })).toMatchObject({ kind: 'opened', path: recentLab, text: 'devices: []\n' });
  });

  it('builds the menu in Vietnamese, and again in English when the renderer switches language', async () => {
    expect(calls.menus.at(-1)!.map((item) => item.label)).toEqual(['Tệp', 'Sửa', 'Hiển thị', 'Trợ giúp']);
    const window = calls.windows[0]!;
    const ours = { sender: { id: window.webContents.id }, senderFrame: { url: appPageUrl, parent: null } };
    await calls.handles.get('app:set-language')!(ours, { language: 'en' });
    expect(calls.menus.at(-1)!.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });
});

describe('built main.cjs: closing with unsaved changes', () => {
  // Chromium raises will-prevent-unload only when the page cancelled beforeunload, which the
  // renderer does only while the lab is dirty.
  function preventUnload(): boolean {
    let allowed = false;
    calls.windows[0]!.webContents.events.get('will-prevent-unload')!({ preventDefault: () => (allowed = true) });
    return allowed;
  }

  it('asks "Discard unsaved changes?" on the window, defaulting to keep editing, and stays when kept', async () => {
    const window = calls.windows[0]!;
    const ours = { sender: { id: window.webContents.id }, senderFrame: { url: appPageUrl, parent: null } };
    await calls.handles.get('app:set-language')!(ours, { language: 'en' });
    calls.messageBoxes.length = 0;
    calls.messageBoxAnswer = 1;
    expect(preventUnload()).toBe(false);
    expect(calls.messageBoxes).toHaveLength(1);
    const { owner, options } = calls.messageBoxes[0]!;
    expect(owner).toBe(window);
    expect(options.message).toBe('Discard unsaved changes?');
    expect(options.buttons[options.defaultId]).toBe('Keep editing');
    expect(options.cancelId).toBe(options.defaultId);
  });

  it('lets the window close when the user discards, and asks in Vietnamese when the app is in Vietnamese', async () => {
    const window = calls.windows[0]!;
    const ours = { sender: { id: window.webContents.id }, senderFrame: { url: appPageUrl, parent: null } };
    await calls.handles.get('app:set-language')!(ours, { language: 'vi' });
    calls.messageBoxes.length = 0;
    calls.messageBoxAnswer = 0;
    expect(preventUnload()).toBe(true);
    expect(calls.messageBoxes[0]!.options.message).toBe('Bỏ các thay đổi chưa lưu?');
  });
});

describe('built preload.cjs', () => {
  it('requires nothing but electron and exposes only the typed API on window.v6lab', async () => {
    const source = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ kind: 'canceled' })), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return fakeElectron;
    };
    runInNewContext(source, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['v6lab']);
    const api = exposed.get('v6lab')!;
    expect(Object.keys(api).sort()).toEqual(['clearAutosave', 'getAppInfo', 'onMenuCommand', 'openLab', 'readAutosave', 'saveCapture', 'saveLab', 'saveText', 'setLanguage', 'writeAutosave']);
    await (api.openLab as () => Promise<unknown>)();
    await (api.saveLab as (text: string) => Promise<unknown>)('devices: []');
    const bytes = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a]);
    expect(await (api.saveCapture as (name: string, bytes: Uint8Array) => Promise<unknown>)('R1-Gi0-0.pcapng', bytes)).toEqual({ kind: 'canceled' });
    await (api.saveText as (name: string, text: string) => Promise<unknown>)('m.progress.yaml', 'x');
    await (api.writeAutosave as (text: string, documentId: string | null) => Promise<unknown>)('unsaved', 'doc-1');
    expect(invoked).toEqual([
      ['lab:open', { path: null }],
      ['lab:save', { path: null, text: 'devices: []' }],
      ['capture:save', { fileName: 'R1-Gi0-0.pcapng', bytes }],
      ['text:save', { fileName: 'm.progress.yaml', text: 'x' }],
      ['autosave:write', { text: 'unsaved', documentId: 'doc-1' }],
    ]);
  });
});
