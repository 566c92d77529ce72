/**
 * What main does for each IPC channel, written against small injected dependencies (dialogs,
 * folders, the clock) so it runs in Node tests without the Electron binary; main.ts supplies
 * the real ones. `handleIpcRequest` is the single gate every request passes: sender check,
 * payload validation, then the handler.
 *
 * File access is limited to paths main handed out: a path the user picked in a dialog, a file
 * saved or opened in this run, or one in the recent list. A renderer cannot name any other file.
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
  type IpcInvokeChannel,
  type IpcReply,
  type IpcRequest,
  type OpenLabReply,
  type SaveFileReply,
  type SaveLabReply,
} from './ipc-contract';
import { validateIpcRequest } from './ipc-validation';
import { isTrustedSender, type IpcSenderFacts, type TrustedSenders } from './ipc-sender';
import { writeFileAtomic } from './files/atomic-write';
import { clearAutosave, readAutosave, writeAutosave } from './files/autosave';
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
  // Paths handed out during this run (opened or saved); the recent list is the rest.
  const grantedPaths = new Set<string>();
  const isGranted = (path: string) => grantedPaths.has(path) || hasRecentFile(recent, path);

  async function remember(path: string): Promise<void> {
    grantedPaths.add(path);
    recent = addRecentFile(recent, path);
    deps.onRecentFilesChanged(recent);
    // Losing the recent list is harmless; it must never fail an open or a save.
    await saveRecentFiles(recentFilesPath(deps.userDataDir), recent).catch(() => undefined);
  }

  async function openLab(request: IpcRequest<'lab:open'>): Promise<OpenLabReply> {
    let path = request.path;
    if (path !== null && !isGranted(path)) {
      return { kind: 'failed', message: `lab:open: ${path} is not a file this app opened before; use Open… to choose it` };
    }
    if (path === null) path = await deps.chooseOpenPath();
    if (path === null) return { kind: 'canceled' };
    try {
      const info = await stat(path);
      if (info.size > MAX_LAB_TEXT_CHARS) return { kind: 'failed', message: `${path}: too large for a lab file (${info.size} bytes)` };
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      await remember(path);
      return { kind: 'opened', path, text };
    } catch (error) {
      return { kind: 'failed', message: `${path}: cannot open: ${messageOf(error)}` };
    }
  }

  async function saveLab(request: IpcRequest<'lab:save'>): Promise<SaveLabReply> {
    let path = request.path;
    if (path !== null && !isGranted(path)) {
      return { kind: 'failed', message: `lab:save: ${path} is not a file this app opened or saved; use Save as… to choose it` };
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
    await remember(path);
    return { kind: 'saved', path };
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

  async function readRecovery(): Promise<AutosaveRecovery> {
    const result = await readAutosave(autosaveDir(deps.userDataDir));
    if (result.kind !== 'found') return result;
    // Offering to recover a file makes it legitimate to save back to it.
    if (result.snapshot.sourcePath !== null) grantedPaths.add(result.snapshot.sourcePath);
    return { kind: 'found', ...result.snapshot };
  }

  const handlers: IpcHandlers = {
    'app:get-info': async () => deps.appInfo,
    'app:set-language': async ({ language }) => {
      deps.onLanguageChanged(language);
      return null;
    },
    'lab:open': openLab,
    'lab:save': saveLab,
    'autosave:write': async ({ text, sourcePath }) => {
      await writeAutosave(autosaveDir(deps.userDataDir), { text, sourcePath, savedAtMs: deps.nowMs() });
      return null;
    },
    'autosave:read': readRecovery,
    'autosave:clear': async () => {
      await clearAutosave(autosaveDir(deps.userDataDir));
      return null;
    },
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
