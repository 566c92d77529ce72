/**
 * The browser stand-in for the desktop's files: labs saved under a name in localStorage (a
 * small file system of `name → { text, savedAtMs }`), the autosave in its own key, the recent
 * list ordered by last use. Replies are those of the IPC contract, failures included (a full
 * or disabled storage gives `{ kind: 'failed' }`, never a throw; a failed autosave rejects,
 * so the autosave schedule retries it). A name is its own document id here: the browser store
 * has no privileged side to protect. A damaged autosave is moved to its own key, never removed.
 */
import type { AutosaveRecovery } from '../../electron/ipc-contract';
import type { LabFiles } from './lab-files';

const FILES_KEY = 'v6lab.files';
const AUTOSAVE_KEY = 'v6lab.autosave';
/** Where a damaged autosave found at time T is kept: `v6lab.autosave.damaged-T`. */
export const DAMAGED_AUTOSAVE_KEY_PREFIX = 'v6lab.autosave.damaged-';
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

/** Moves the damaged autosave to its own key; returns that key, or null when storage refused. */
function keepDamaged(storage: Storage, nowMs: number): string | null {
  const key = `${DAMAGED_AUTOSAVE_KEY_PREFIX}${nowMs}`;
  try {
    storage.setItem(key, storage.getItem(AUTOSAVE_KEY) ?? '');
    storage.removeItem(AUTOSAVE_KEY);
    return key;
  } catch {
    return null;
  }
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
      return { kind: 'opened', path, text: file.text, documentId: path };
    },
    save: async (text, path) => {
      if (path === undefined || path.trim() === '') return { kind: 'canceled' };
      try {
        touch(path, text);
        return { kind: 'saved', path, documentId: path };
      } catch (error) {
        return { kind: 'failed', message: message(error) };
      }
    },
    // Storage full or disabled: setItem throws and the rejection makes the schedule retry.
    writeAutosave: async (text, sourcePath) => {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ text, sourcePath, savedAtMs: nowMs() }));
    },
    readAutosave: async (): Promise<AutosaveRecovery> => {
      let raw: string | null;
      try {
        raw = storage.getItem(AUTOSAVE_KEY);
      } catch {
        return { kind: 'none' };
      }
      if (raw === null) return { kind: 'none' };
      const value = readJson(storage, AUTOSAVE_KEY) as { text?: unknown; sourcePath?: unknown; savedAtMs?: unknown } | null;
      if (value === null || typeof value !== 'object') return { kind: 'damaged', message: `${AUTOSAVE_KEY}: not valid JSON`, keptAt: keepDamaged(storage, nowMs()) };
      if (typeof value.text !== 'string' || typeof value.savedAtMs !== 'number' || (value.sourcePath !== null && typeof value.sourcePath !== 'string')) {
        return { kind: 'damaged', message: AUTOSAVE_KEY, keptAt: keepDamaged(storage, nowMs()) };
      }
      const sourcePath = value.sourcePath as string | null;
      return { kind: 'found', text: value.text, savedAtMs: value.savedAtMs, sourcePath, documentId: sourcePath };
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
