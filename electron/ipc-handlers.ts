/**
 * What main does for each IPC channel, written against small injected dependencies (dialogs,
 * folders, the clock) so it runs in Node tests without the Electron binary; main.ts supplies
 * the real ones. `handleIpcRequest` is the single gate every request passes: sender check,
 * payload validation, then the handler.
 *
 * File access is limited to the user's choices (files/file-grants.ts): a path the user picked
 * in an open or save dialog, an "Open recent" entry they clicked in main's menu, or the source
 * of an autosave main wrote from such a choice. Being in the recent list is not enough: a
 * renderer naming a recent file without the click is refused. A renderer cannot name any other
 * file, and autosave never takes a path from it: it names the document by the id main handed
 * out with the open or save reply, main remembers the path.
 *
 * Autosave requests run one at a time in arrival order, so a clear sent after a write (a save
 * after an autosave) always wins. A damaged autosave is moved aside, never deleted, and the
 * reply says where it went; a recovery offered at start is moved aside before this run's
 * first autosave unless the user discarded it. At start, `removeStaleTempFiles` removes what killed atomic saves
 * left beside the files main writes (the recent list, the autosave, the recent lab files).
 *
 * Exports (a pcapng capture, a scenario progress file) always go through a save dialog: the
 * renderer only suggests a plain file name, and the chosen path is not granted for later use.
 *
 * Leaves out: remembering the folder of the last export between runs.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  MAX_LAB_TEXT_CHARS,
  PCAPNG_EXTENSION,
  type AppInfo,
  type AppLanguage,
  type AutosaveRecovery,
  type AutosaveWriteReply,
  type IpcInvokeChannel,
  type IpcReply,
  type IpcRequest,
  type OpenLabReply,
  type SaveFileReply,
  type SaveLabReply,
} from './ipc-contract';
import { validateIpcRequest } from './ipc-validation';
import { isTrustedSender, type IpcSenderFacts, type TrustedSenders } from './ipc-sender';
import { removeStaleTempFiles, writeFileAtomic } from './files/atomic-write';
import { autosavePath, clearAutosave, keepDamagedAutosave, keepOfferedAutosave, readAutosave, writeAutosave } from './files/autosave';
import { createFileGrants } from './files/file-grants';
import { addRecentFile, hasRecentFile, loadRecentFiles, saveRecentFiles } from './files/recent-files';

export const LAB_FILE_EXTENSION = '.v6lab.yaml';

export interface IpcHandlerDeps {
  readonly appInfo: AppInfo;
  /** Folder for autosave and the recent list (Electron's userData). */
  readonly userDataDir: string;
  /** Shows the open dialog; null when canceled. */
  readonly chooseOpenPath: () => Promise<string | null>;
  /** Shows the save dialog, starting at `suggestedPath`; null when canceled. */
  readonly chooseSavePath: (suggestedPath: string | null) => Promise<string | null>;
  /** Shows the save dialog for an export, suggesting `suggestedName`; null when canceled. */
  readonly chooseExportPath: (suggestedName: string, kind: ExportFileKind) => Promise<string | null>;
  readonly nowMs: () => number;
  readonly onLanguageChanged: (language: AppLanguage) => void;
  /** Called after the recent list changes, so the menu can be rebuilt. */
  readonly onRecentFilesChanged: (recentFiles: readonly string[]) => void;
}

/** What an export holds, so the dialog can filter on it (`capture`: *.pcapng; `text`: its own extension). */
export type ExportFileKind = 'capture' | 'text';

export type IpcHandlers = { [C in IpcInvokeChannel]: (request: IpcRequest<C>) => Promise<IpcReply<C>> };

export interface IpcHandlerSet {
  readonly handlers: IpcHandlers;
  /** The recent list as last loaded or changed (for the menu). */
  recentFiles(): readonly string[];
  /** Loads the recent list from disk; call once at start. */
  loadRecent(): Promise<void>;
  clearRecent(): Promise<void>;
  /**
   * The user clicked `path` in main's "Open recent" menu: grants it, so the renderer's
   * lab:open that follows may read it. A path not in the recent list is not granted.
   */
  grantRecentChoice(path: string): boolean;
  /**
   * Removes temporary files that killed atomic saves left beside the files main writes (call
   * at start, after loadRecent). Returns the paths removed.
   */
  removeStaleTempFiles(): Promise<string[]>;
}

export function recentFilesPath(userDataDir: string): string {
  return join(userDataDir, 'recent-files.json');
}

export function autosaveDir(userDataDir: string): string {
  return join(userDataDir, 'autosave');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Adds the lab extension when a save dialog returned a bare name (GTK dialogs do not). */
export function withLabExtension(path: string): string {
  return /\.ya?ml$/i.test(path) ? path : `${path}${LAB_FILE_EXTENSION}`;
}

/**
 * Gives a path from a save dialog the extension of the suggested name when it has none (GTK
 * dialogs return what the user typed); a capture always ends in .pcapng.
 */
export function withExportExtension(path: string, suggestedName: string, kind: ExportFileKind): string {
  if (kind === 'capture') return path.toLowerCase().endsWith(PCAPNG_EXTENSION) ? path : `${path}${PCAPNG_EXTENSION}`;
  return extname(path) === '' ? `${path}${extname(suggestedName)}` : path;
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlerSet {
  let recent: string[] = [];
  const grants = createFileGrants();
  const isGranted = (path: string) => grants.isGranted(path);
  // Autosave operations in arrival order (one window, one renderer: its requests arrive in the order sent).
  let autosaveQueue: Promise<unknown> = Promise.resolve();
  const inAutosaveOrder = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = autosaveQueue.then(operation, operation);
    autosaveQueue = next.catch(() => undefined);
    return next;
  };

  async function remember(path: string): Promise<void> {
    recent = addRecentFile(recent, path);
    deps.onRecentFilesChanged(recent);
    // Losing the recent list is harmless; it must never fail an open or a save.
    await saveRecentFiles(recentFilesPath(deps.userDataDir), recent).catch(() => undefined);
  }

  async function openLab(request: IpcRequest<'lab:open'>): Promise<OpenLabReply> {
    let path = request.path;
    if (path !== null && !isGranted(path)) {
      return { kind: 'failed', message: `lab:open: ${path} is not a file you chose in this app; use Open… to choose it` };
    }
    if (path === null) path = await deps.chooseOpenPath();
    if (path === null) return { kind: 'canceled' };
    try {
      const info = await stat(path);
      if (info.size > MAX_LAB_TEXT_CHARS) return { kind: 'failed', message: `${path}: too large for a lab file (${info.size} bytes)` };
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      const documentId = grants.grant(path);
      await remember(path);
      return { kind: 'opened', path, text, documentId };
    } catch (error) {
      return { kind: 'failed', message: `${path}: cannot open: ${messageOf(error)}` };
    }
  }

  async function saveLab(request: IpcRequest<'lab:save'>): Promise<SaveLabReply> {
    let path = request.path;
    if (path !== null && !isGranted(path)) {
      return { kind: 'failed', message: `lab:save: ${path} is not a file you chose in this app; use Save as… to choose it` };
    }
    if (path === null) {
      const chosen = await deps.chooseSavePath(null);
      if (chosen === null) return { kind: 'canceled' };
      path = withLabExtension(chosen);
    }
    try {
      await writeFileAtomic(path, request.text);
    } catch (error) {
      return { kind: 'failed', message: messageOf(error) };
    }
    const documentId = grants.grant(path);
    await remember(path);
    return { kind: 'saved', path, documentId };
  }

  async function exportFile(suggestedName: string, kind: ExportFileKind, data: string | Uint8Array): Promise<SaveFileReply> {
    const chosen = await deps.chooseExportPath(suggestedName, kind);
    if (chosen === null) return { kind: 'canceled' };
    const path = withExportExtension(chosen, suggestedName, kind);
    try {
      await writeFileAtomic(path, data);
    } catch (error) {
      return { kind: 'failed', message: messageOf(error) };
    }
    return { kind: 'saved', path };
  }

  // savedAtMs of the autosave offered as a recovery in this run, until it is kept or discarded.
  let offeredSavedAtMs: number | null = null;

  async function writeSnapshot({ text, documentId }: IpcRequest<'autosave:write'>): Promise<AutosaveWriteReply> {
    const sourcePath = documentId === null ? null : grants.pathOf(documentId);
    if (sourcePath === undefined) {
      return { kind: 'failed', message: `autosave:write: ${JSON.stringify(documentId)} is not a document this app opened or saved` };
    }
    const dir = autosaveDir(deps.userDataDir);
    // The snapshot offered at start is kept before the first write replaces it (the user may
    // have closed the offer without recovering or discarding it).
    if (offeredSavedAtMs !== null) {
      const kept = await keepOfferedAutosave(dir, offeredSavedAtMs);
      if (!kept.kept && (await readAutosave(dir)).kind !== 'none') return { kind: 'failed', message: kept.message };
      offeredSavedAtMs = null;
    }
    const savedAtMs = deps.nowMs();
    try {
      await writeAutosave(autosaveDir(deps.userDataDir), { text, sourcePath, savedAtMs });
    } catch (error) {
      return { kind: 'failed', message: messageOf(error) };
    }
    return { kind: 'written', savedAtMs };
  }

  async function readRecovery(): Promise<AutosaveRecovery> {
    const dir = autosaveDir(deps.userDataDir);
    const result = await readAutosave(dir);
    if (result.kind === 'none') return result;
    if (result.kind === 'damaged') {
      const kept = await keepDamagedAutosave(dir, deps.nowMs());
      return kept.kept
        ? { kind: 'damaged', message: result.message, keptAt: kept.path }
        : { kind: 'damaged', message: `${result.message}; ${kept.message}`, keptAt: null };
    }
    // The source path is main's own record of a file the user chose in an earlier run (never
    // a renderer's word), so recovering the text may save back to it.
    const { text, savedAtMs, sourcePath } = result.snapshot;
    offeredSavedAtMs = savedAtMs;
    const documentId = sourcePath === null ? null : grants.grant(sourcePath);
    return { kind: 'found', text, savedAtMs, sourcePath, documentId };
  }

  const handlers: IpcHandlers = {
    'app:get-info': async () => deps.appInfo,
    'app:set-language': async ({ language }) => {
      deps.onLanguageChanged(language);
      return null;
    },
    'lab:open': openLab,
    'lab:save': saveLab,
    'autosave:write': (request) => inAutosaveOrder(() => writeSnapshot(request)),
    'autosave:read': () => inAutosaveOrder(readRecovery),
    'autosave:clear': () =>
      inAutosaveOrder(async () => {
        // A save, a new lab or an explicit discard: the user answered, nothing to keep.
        offeredSavedAtMs = null;
        await clearAutosave(autosaveDir(deps.userDataDir));
        return null;
      }),
    'capture:save': ({ fileName, bytes }) => exportFile(fileName, 'capture', bytes),
    'text:save': ({ fileName, text }) => exportFile(fileName, 'text', text),
  };

  return {
    handlers,
    recentFiles: () => recent,
    async loadRecent() {
      recent = await loadRecentFiles(recentFilesPath(deps.userDataDir));
      deps.onRecentFilesChanged(recent);
    },
    async clearRecent() {
      recent = [];
      deps.onRecentFilesChanged(recent);
      await saveRecentFiles(recentFilesPath(deps.userDataDir), recent).catch(() => undefined);
    },
    grantRecentChoice(path) {
      if (!hasRecentFile(recent, path)) return false;
      grants.grant(path);
      return true;
    },
    removeStaleTempFiles: () =>
      inAutosaveOrder(() => removeStaleTempFiles([recentFilesPath(deps.userDataDir), autosavePath(autosaveDir(deps.userDataDir)), ...recent])),
  };
}

export class IpcRequestRefused extends Error {
  override name = 'IpcRequestRefused';
}

/**
 * The gate for one request: refuses foreign senders and bad payloads (rejecting with a clear
 * message, which the renderer's invoke() sees), then runs the channel's handler.
 */
export async function handleIpcRequest<C extends IpcInvokeChannel>(
  channel: C,
  sender: IpcSenderFacts,
  payload: unknown,
  trusted: TrustedSenders,
  handlers: IpcHandlers,
): Promise<IpcReply<C>> {
  if (!isTrustedSender(sender, trusted)) {
    throw new IpcRequestRefused(`${channel}: ignored a request from a sender this app did not create (${sender.frameUrl ?? 'no frame'})`);
  }
  const validation = validateIpcRequest(channel, payload);
  if (!validation.ok) throw new IpcRequestRefused(validation.message);
  const handler = handlers[channel] as (request: IpcRequest<C>) => Promise<IpcReply<C>>;
  return handler(validation.value);
}
