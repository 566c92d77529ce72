/**
 * The browser stand-in for the desktop's files: labs saved under a name in localStorage (a
 * small file system of `name → { text, savedAtMs }`), the autosave in its own key, the recent
 * list ordered by last use. Replies are those of the IPC contract, failures included (a full
 * or disabled storage gives `{ kind: 'failed' }`, never a throw).
 */
import type { AutosaveRecovery } from '../../electron/ipc-contract';
import type { LabFiles } from './lab-files';

const FILES_KEY = 'v6lab.files';
const AUTOSAVE_KEY = 'v6lab.autosave';
/** Names kept in the recent list. */
export const MAX_RECENT_FILES = 10;

interface StoredFile {
  readonly text: string;
  readonly usedAtMs: number;
}

type StoredFiles = Record<string, StoredFile>;

function readJson(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function readFiles(storage: Storage): StoredFiles {
  const value = readJson(storage, FILES_KEY);
  if (typeof value !== 'object' || value === null) return {};
  const files: StoredFiles = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const candidate = entry as Partial<StoredFile> | null;
    if (candidate && typeof candidate.text === 'string' && typeof candidate.usedAtMs === 'number') files[name] = { text: candidate.text, usedAtMs: candidate.usedAtMs };
  }
  return files;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBrowserLabFiles(storage: Storage, nowMs: () => number = () => Date.now()): LabFiles {
  const touch = (name: string, text: string) => {
    const files = readFiles(storage);
    files[name] = { text, usedAtMs: nowMs() };
    storage.setItem(FILES_KEY, JSON.stringify(files));
  };
  return {
    kind: 'browser',
    open: async (path) => {
      if (path === undefined) return { kind: 'canceled' };
      const file = readFiles(storage)[path];
      if (!file) return { kind: 'failed', message: path };
      try {
        touch(path, file.text);
      } catch {
        // The recent order is a nicety; the file itself opened.
      }
      return { kind: 'opened', path, text: file.text };
    },
    save: async (text, path) => {
      if (path === undefined || path.trim() === '') return { kind: 'canceled' };
      try {
        touch(path, text);
        return { kind: 'saved', path };
      } catch (error) {
        return { kind: 'failed', message: message(error) };
      }
    },
    writeAutosave: async (text, sourcePath) => {
      try {
        storage.setItem(AUTOSAVE_KEY, JSON.stringify({ text, sourcePath, savedAtMs: nowMs() }));
      } catch {
        // Storage full: the next tick tries again.
      }
    },
    readAutosave: async (): Promise<AutosaveRecovery> => {
      const value = readJson(storage, AUTOSAVE_KEY) as { text?: unknown; sourcePath?: unknown; savedAtMs?: unknown } | null;
      if (value === null) return { kind: 'none' };
      if (typeof value.text !== 'string' || typeof value.savedAtMs !== 'number' || (value.sourcePath !== null && typeof value.sourcePath !== 'string')) {
        return { kind: 'damaged', message: AUTOSAVE_KEY };
      }
      return { kind: 'found', text: value.text, savedAtMs: value.savedAtMs, sourcePath: value.sourcePath as string | null };
    },
    clearAutosave: async () => {
      try {
        storage.removeItem(AUTOSAVE_KEY);
      } catch {
        // Nothing to clear.
      }
    },
    listRecent: async () =>
      Object.entries(readFiles(storage))
        .sort((a, b) => b[1].usedAtMs - a[1].usedAtMs)
        .slice(0, MAX_RECENT_FILES)
        .map(([name]) => name),
    onMenuCommand: () => () => undefined,
  };
}
