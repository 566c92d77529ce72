/**
 * Autosave and crash recovery: the renderer's current lab text is written soon after each edit
 * to one file in the user-data folder; at the next start, if that file is still there, the app
 * offers to recover it. A successful save or an explicit discard clears it.
 *
 * The file is JSON ({ format, savedAtMs, sourcePath, text }) written atomically, so it is
 * either the previous snapshot or the new one. `sourcePath` is main's own record of the file
 * the user chose (ipc-handlers.ts resolves it from a document id main handed out); a renderer
 * never supplies it. Format 1 files, written before that rule, could carry a path a renderer
 * named, so their text is recovered as an untitled lab.
 *
 * Reading never throws on a damaged file: it returns a typed error naming the file and the
 * problem, and a damaged file is never deleted here: `keepDamagedAutosave` moves it aside
 * under a dated name so new autosaves cannot overwrite it and the user can still open it.
 * Likewise a recovery offered at start is moved aside (`keepOfferedAutosave`) before the
 * run's first autosave, unless the user discarded it: closing the offer without an answer
 * must not let the next edit overwrite the work it held.
 *
 * Leaves out: several autosave slots (one window, one open document), and size limits (the
 * IPC layer bounds the text before it gets here).
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const AUTOSAVE_FILE_NAME = 'autosave.v6lab.json';
export const AUTOSAVE_FORMAT = 'v6lab-autosave/2';
/** The format written before sourcePath came from main's grants; its paths are not trusted. */
const UNTRUSTED_PATH_FORMAT = 'v6lab-autosave/1';

export interface AutosaveSnapshot {
  readonly text: string;
  /** Wall-clock time of the save, milliseconds since the Unix epoch. */
  readonly savedAtMs: number;
  /** The granted lab file the text was opened from or last saved to; null for a new, unsaved lab. */
  readonly sourcePath: string | null;
}

export type AutosaveReadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly snapshot: AutosaveSnapshot }
  | { readonly kind: 'damaged'; readonly message: string };

export function autosavePath(autosaveDir: string): string {
  return join(autosaveDir, AUTOSAVE_FILE_NAME);
}

/** Where a damaged autosave found at `nowMs` is kept: beside the slot, never read as an autosave. */
export function damagedAutosavePath(autosaveDir: string, nowMs: number): string {
  return join(autosaveDir, `autosave.damaged-${nowMs}.v6lab.json`);
}

/**
 * Where a recovery offered at start (autosaved at `savedAtMs`) is kept once this run starts
 * autosaving over it: the offer may have been closed without an answer, so its text stays.
 */
export function offeredAutosavePath(autosaveDir: string, savedAtMs: number): string {
  return join(autosaveDir, `autosave.offered-${savedAtMs}.v6lab.json`);
}

/** Writes the snapshot atomically, creating the folder when needed. */
export async function writeAutosave(autosaveDir: string, snapshot: AutosaveSnapshot): Promise<void> {
  await mkdir(autosaveDir, { recursive: true });
  const body = JSON.stringify({ format: AUTOSAVE_FORMAT, ...snapshot });
  await writeFileAtomic(autosavePath(autosaveDir), body);
}

/** Finds the autosave left by an earlier run, if any. */
export async function readAutosave(autosaveDir: string): Promise<AutosaveReadResult> {
  const path = autosavePath(autosaveDir);
  let body: string;
  try {
    body = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'damaged', message: `${path}: cannot read: ${(error as Error).message}` };
  }
  return parseAutosave(path, body);
}

/**
 * Moves a damaged autosave aside (same folder, dated name) so that the next autosave does not
 * replace it. Returns where it went, or an error message when it could not be moved (then it
 * stays where it is).
 */
export function keepDamagedAutosave(autosaveDir: string, nowMs: number): Promise<MoveAsideResult> {
  return moveAutosaveAside(autosaveDir, damagedAutosavePath(autosaveDir, nowMs));
}

/** Moves the autosave the user was offered at start aside, before this run's first autosave replaces it. */
export function keepOfferedAutosave(autosaveDir: string, savedAtMs: number): Promise<MoveAsideResult> {
  return moveAutosaveAside(autosaveDir, offeredAutosavePath(autosaveDir, savedAtMs));
}

export type MoveAsideResult = { readonly kept: true; readonly path: string } | { readonly kept: false; readonly message: string };

async function moveAutosaveAside(autosaveDir: string, keptPath: string): Promise<MoveAsideResult> {
  try {
    await rename(autosavePath(autosaveDir), keptPath);
    return { kept: true, path: keptPath };
  } catch (error) {
    return { kept: false, message: `could not move ${autosavePath(autosaveDir)} aside: ${(error as Error).message}` };
  }
}

/** Removes the autosave (after a save or when the user discards recovery). Missing is fine. */
export async function clearAutosave(autosaveDir: string): Promise<void> {
  await rm(autosavePath(autosaveDir), { force: true });
}

function parseAutosave(path: string, body: string): AutosaveReadResult {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { kind: 'damaged', message: `${path}: not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'damaged', message: `${path}: expected a JSON object` };
  const record = value as Record<string, unknown>;
  if (record.format !== AUTOSAVE_FORMAT && record.format !== UNTRUSTED_PATH_FORMAT) {
    return { kind: 'damaged', message: `${path}: expected format "${AUTOSAVE_FORMAT}", found ${JSON.stringify(record.format)}` };
  }
  if (typeof record.text !== 'string') return { kind: 'damaged', message: `${path}: "text" must be a string` };
  if (typeof record.savedAtMs !== 'number' || !Number.isFinite(record.savedAtMs)) {
    return { kind: 'damaged', message: `${path}: "savedAtMs" must be a number` };
  }
  if (record.sourcePath !== null && typeof record.sourcePath !== 'string') {
    return { kind: 'damaged', message: `${path}: "sourcePath" must be a string or null` };
  }
  const sourcePath = record.format === AUTOSAVE_FORMAT ? record.sourcePath : null;
  return { kind: 'found', snapshot: { text: record.text, savedAtMs: record.savedAtMs, sourcePath } };
}
