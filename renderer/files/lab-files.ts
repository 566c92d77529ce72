/**
 * Where lab files go: one interface over the desktop shell (the preload's `window.v6lab`:
 * native dialogs, atomic saves, autosave in the user-data folder, recent files in the File
 * menu) and, when that is absent (a plain browser, the end-to-end tests), a browser store in
 * localStorage with the same replies, so every flow — save, reopen, autosave, recovery — runs
 * the same code in both.
 *
 * Autosave names its document by path here, as the rest of the renderer does; the desktop
 * adapter turns that path into the document id main handed out with the open, save or
 * recovery reply (main trusts ids it chose, never a renderer's path), and turns a failed
 * write into a rejection so the autosave schedule retries it.
 */
import type { AutosaveRecovery, DocumentId, MenuCommand, OpenLabReply, SaveLabReply, V6LabDesktopApi } from '../../electron/ipc-contract';

export interface LabFiles {
  /** 'desktop' shows native dialogs itself; 'browser' needs the app's own open and save-as dialogs. */
  readonly kind: 'desktop' | 'browser';
  /** Without a path the desktop shows its open dialog; the browser store needs a name. */
  open(path?: string): Promise<OpenLabReply>;
  /** Without a path the desktop shows its save dialog; the browser store needs a name. */
  save(text: string, path?: string): Promise<SaveLabReply>;
  /** Resolves once the autosave is stored; rejects when it could not be (the caller retries). */
  writeAutosave(text: string, sourcePath: string | null): Promise<void>;
  readAutosave(): Promise<AutosaveRecovery>;
  clearAutosave(): Promise<void>;
  /** Files saved or opened lately, newest first (the desktop lists them in its File menu instead). */
  listRecent(): Promise<readonly string[]>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export function createDesktopLabFiles(api: V6LabDesktopApi): LabFiles {
  // The id main gave for each path it handed out in this run.
  const documentIds = new Map<string, DocumentId>();
  const learn = <R extends OpenLabReply | SaveLabReply | AutosaveRecovery>(reply: R): R => {
    if (reply.kind === 'opened' || reply.kind === 'saved') documentIds.set(reply.path, reply.documentId);
    if (reply.kind === 'found' && reply.sourcePath !== null && reply.documentId !== null) documentIds.set(reply.sourcePath, reply.documentId);
    return reply;
  };
  return {
    kind: 'desktop',
    open: async (path) => learn(await api.openLab(path)),
    save: async (text, path) => learn(await api.saveLab(text, path)),
    writeAutosave: async (text, sourcePath) => {
      // A path main never handed out cannot happen in the app; if it did, the text is still
      // kept, as an untitled lab, rather than failing every autosave.
      const documentId = sourcePath === null ? null : (documentIds.get(sourcePath) ?? null);
      const reply = await api.writeAutosave(text, documentId);
      if (reply.kind === 'failed') throw new Error(reply.message);
    },
    readAutosave: async () => learn(await api.readAutosave()),
    clearAutosave: () => api.clearAutosave(),
    listRecent: async () => [],
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}

/** The file name at the end of a desktop path or browser-store name. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
