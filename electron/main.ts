/**
 * The Electron main process, kept thin (as Electron Fiddle's src/main): one window showing the
 * built renderer from dist/renderer through the app://v6lab/ protocol (app-protocol.ts), the
 * application menu, and the IPC handlers for files and autosave. Security follows Electron's
 * checklist: sandboxed renderer with context isolation and no Node, a custom protocol instead
 * of file: URLs, a strict CSP, permission requests refused, navigation and new windows denied,
 * middle-click (auxclick) off, every request to anything but the app's own origin cancelled,
 * IPC only from our own page. The packaged app also has its Electron fuses set
 * (electron-builder.yml). Closing with unsaved changes asks first (unsaved-changes.ts).
 *
 * Leaves out: auto-update (the app is offline by design) and a dev-server mode.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { extname, join } from 'node:path';
import { buildAppMenuTemplate } from './app-menu';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';
import { IPC_INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, type AppLanguage, type MenuCommand } from './ipc-contract';
import { createIpcHandlers, handleIpcRequest, LAB_FILE_EXTENSION } from './ipc-handlers';
import type { TrustedSenders } from './ipc-sender';
import { MENU_LABELS } from './menu-labels';
import { isAllowedRequestUrl } from './request-filter';
import { answerWillPreventUnload } from './unsaved-changes';

// dist-electron/main.cjs → dist/renderer/, served as app://v6lab/
const rendererDir = join(__dirname, '..', 'dist', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const isDev = !app.isPackaged;

const windowContentsIds = new Set<number>();
const trusted: TrustedSenders = { webContentsIds: windowContentsIds, appPageUrl: APP_PAGE_URL };
let language: AppLanguage = 'vi';

// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();
// Must happen before the app is ready: gives app:// an origin of its own ('self' in the CSP).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// A second copy hands over to the first (which comes to the front) and exits.
const isFirstInstance = app.requestSingleInstanceLock();

const ipc = createIpcHandlers({
  appInfo: { name: 'V6Lab', version: app.getVersion(), platform: process.platform, electronVersion: process.versions.electron ?? '' },
  userDataDir: app.getPath('userData'),
  chooseOpenPath: async () => {
    const labels = MENU_LABELS[language];
    const owner = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title: labels.openDialogTitle,
      properties: ['openFile'],
      filters: [
        { name: labels.labFileFilter, extensions: ['yaml', 'yml'] },
        { name: labels.allFilesFilter, extensions: ['*'] },
      ],
    };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  chooseSavePath: async (suggestedPath) => {
    const labels = MENU_LABELS[language];
    const owner = BrowserWindow.getFocusedWindow();
    const options: Electron.SaveDialogOptions = {
      title: labels.saveDialogTitle,
      defaultPath: suggestedPath ?? `lab${LAB_FILE_EXTENSION}`,
      filters: [{ name: labels.labFileFilter, extensions: ['yaml', 'yml'] }],
    };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  chooseExportPath: async (suggestedName, kind) => {
    const labels = MENU_LABELS[language];
    const owner = BrowserWindow.getFocusedWindow();
    const extension = extname(suggestedName).replace(/^\./, '');
    const options: Electron.SaveDialogOptions = {
      title: kind === 'capture' ? labels.exportCaptureDialogTitle : labels.saveTextDialogTitle,
      defaultPath: suggestedName,
      filters:
        kind === 'capture'
          ? [{ name: labels.captureFileFilter, extensions: ['pcapng'] }]
          : /^ya?ml$/i.test(extension)
            ? [{ name: labels.yamlFileFilter, extensions: ['yaml', 'yml'] }]
            : [{ name: labels.allFilesFilter, extensions: ['*'] }],
    };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  nowMs: () => Date.now(),
  onLanguageChanged: (next) => {
    language = next;
    rebuildMenu();
  },
  onRecentFilesChanged: () => rebuildMenu(),
});

function sendMenuCommand(command: MenuCommand): void {
  // Clicking an "Open recent" entry is the user's choice of that file: grant it for the
  // renderer's lab:open that follows (a renderer naming a recent file by itself is refused).
  if (command.command === 'open-recent' && !ipc.grantRecentChoice(command.path)) return;
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  target?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function showAbout(): void {
  const labels = MENU_LABELS[language];
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: labels.about,
    message: `V6Lab ${app.getVersion()}`,
    detail: `${labels.aboutDetail}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  };
  const owner = BrowserWindow.getFocusedWindow();
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}

function rebuildMenu(): void {
  if (!app.isReady()) return;
  const template = buildAppMenuTemplate({
    language,
    platform: process.platform,
    isDev,
    recentFiles: ipc.recentFiles(),
    sendCommand: sendMenuCommand,
    showAbout,
    clearRecentFiles: () => void ipc.clearRecent(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function registerIpc(): void {
  for (const channel of IPC_INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      handleIpcRequest(
        channel,
        { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent === null },
        payload,
        trusted,
        ipc.handlers,
      ),
    );
  }
}

function hardenSession(): void {
  const defaultSession = session.defaultSession;
  // The renderer's files, and nothing outside its folder.
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // Nothing comes from the network or the disk: only the app's origin (and devtools in development).
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, { isDev }) });
  });
  // The protocol handler sets the policy on its own responses too; this covers any other response.
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'V6Lab',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: isDev,
      // Middle-click would open links in a new window (denied anyway); do not raise it at all.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contentsId = window.webContents.id;
  windowContentsIds.add(contentsId);
  window.on('closed', () => windowContentsIds.delete(contentsId));
  window.once('ready-to-show', () => window.show());
  // The renderer cancels beforeunload only while the lab has unsaved changes; ask before losing them.
  window.webContents.on('will-prevent-unload', (event) => {
    answerWillPreventUnload(event, language, (question) => dialog.showMessageBoxSync(window, question));
  });
  void window.loadURL(APP_PAGE_URL);
  return window;
}

function start(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    hardenSession();
    registerIpc();
    await ipc.loadRecent();
    // What killed saves left behind, before this run writes anything.
    await ipc.removeStaleTempFiles().catch(() => []);
    rebuildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

if (isFirstInstance) start();
else app.quit();
