/**
 * Where lab files go: one interface over the desktop shell (the preload's `window.v6lab`:
 * native dialogs, atomic saves, autosave in the user-data folder, recent files in the File
 * menu) and, when that is absent (a plain browser, the end-to-end tests), a browser store in
 * localStorage with the same replies, so every flow — save, reopen, autosave, recovery — runs
 * the same code in both.
 */
import type { AutosaveRecovery, MenuCommand, OpenLabReply, SaveLabReply, V6LabDesktopApi } from '../../electron/ipc-contract';

export interface LabFiles {
  /** 'desktop' shows native dialogs itself; 'browser' needs the app's own open and save-as dialogs. */
  readonly kind: 'desktop' | 'browser';
  /** Without a path the desktop shows its open dialog; the browser store needs a name. */
  open(path?: string): Promise<OpenLabReply>;
  /** Without a path the desktop shows its save dialog; the browser store needs a name. */
  save(text: string, path?: string): Promise<SaveLabReply>;
  writeAutosave(text: string, sourcePath: string | null): Promise<void>;
  readAutosave(): Promise<AutosaveRecovery>;
  clearAutosave(): Promise<void>;
  /** Files saved or opened lately, newest first (the desktop lists them in its File menu instead). */
  listRecent(): Promise<readonly string[]>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export function createDesktopLabFiles(api: V6LabDesktopApi): LabFiles {
  return {
    kind: 'desktop',
    open: (path) => api.openLab(path),
    save: (text, path) => api.saveLab(text, path),
    writeAutosave: (text, sourcePath) => api.writeAutosave(text, sourcePath),
    readAutosave: () => api.readAutosave(),
    clearAutosave: () => api.clearAutosave(),
    listRecent: async () => [],
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}

/** The file name at the end of a desktop path or browser-store name. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
