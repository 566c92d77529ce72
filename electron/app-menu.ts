/**
 * The application menu as a plain template (File, Edit, View, Help), built from the current
 * language, the recent files and whether this is a development run. It imports Electron's
 * types only, so tests build and inspect it in Node without the Electron binary; main turns it
 * into a Menu. Items the renderer handles call `sendCommand` with a typed MenuCommand; the few
 * main handles itself (about, clear recent) call the given callbacks; the rest are roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppLanguage, MenuCommand } from './ipc-contract';
import { MENU_LABELS } from './menu-labels';

export interface AppMenuOptions {
  readonly language: AppLanguage;
  readonly platform: NodeJS.Platform;
  /** Development run (not packaged): adds reload and developer tools. */
  readonly isDev: boolean;
  readonly recentFiles: readonly string[];
  readonly sendCommand: (command: MenuCommand) => void;
  readonly showAbout: () => void;
  readonly clearRecentFiles: () => void;
}

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[options.language];
  const send = (command: MenuCommand) => () => options.sendCommand(command);
  const isMac = options.platform === 'darwin';

  const recentItems: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: labels.noRecentFiles, enabled: false }]
      : [
          ...options.recentFiles.map((path): MenuItemConstructorOptions => ({ label: path, click: send({ command: 'open-recent', path }) })),
          { type: 'separator' },
          { label: labels.clearRecent, click: () => options.clearRecentFiles() },
        ];

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { id: 'file.new', label: labels.newLab, accelerator: 'CmdOrCtrl+N', click: send({ command: 'new' }) },
      { id: 'file.open', label: labels.open, accelerator: 'CmdOrCtrl+O', click: send({ command: 'open' }) },
      { id: 'file.open-recent', label: labels.openRecent, submenu: recentItems },
      { type: 'separator' },
      { id: 'file.save', label: labels.save, accelerator: 'CmdOrCtrl+S', click: send({ command: 'save' }) },
      { id: 'file.save-as', label: labels.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: send({ command: 'save-as' }) },
      { type: 'separator' },
      { id: 'file.export-capture', label: labels.exportCapture, accelerator: 'CmdOrCtrl+E', click: send({ command: 'export-capture' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: labels.quit, role: 'quit' } as const]),
    ],
  };

  // Undo/redo belong to the lab document (immer patches in the renderer), so they are commands,
  // not the native roles; cut/copy/paste stay native so text fields work (macOS needs them).
  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { id: 'edit.undo', label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: send({ command: 'undo' }) },
      { id: 'edit.redo', label: labels.redo, accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send({ command: 'redo' }) },
      { type: 'separator' },
      { label: labels.cut, role: 'cut' },
      { label: labels.copy, role: 'copy' },
      { label: labels.paste, role: 'paste' },
      { label: labels.selectAll, role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { label: labels.resetZoom, role: 'resetZoom' },
      { label: labels.zoomIn, role: 'zoomIn' },
      { label: labels.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: labels.toggleFullScreen, role: 'togglefullscreen' },
      ...(options.isDev
        ? [{ type: 'separator' } as const, { label: labels.reload, role: 'reload' } as const, { id: 'view.devtools', label: labels.toggleDevTools, role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help,
    role: 'help',
    submenu: [{ id: 'help.about', label: labels.about, click: () => options.showAbout() }],
  };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ label: 'V6Lab', submenu: [{ label: labels.about, click: () => options.showAbout() }, { type: 'separator' }, { role: 'hide' }, { role: 'unhide' }, { type: 'separator' }, { label: labels.quit, role: 'quit' }] }]
    : [];

  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}
