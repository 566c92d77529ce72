/**
 * The "Open recent" list: most recent first, without duplicates, at most `limit` entries,
 * kept as JSON in the user-data folder. Paths compare case-insensitively on Windows and macOS
 * (their usual file systems ignore case) and exactly elsewhere.
 *
 * A missing or damaged list file reads as an empty list (losing the list is harmless; refusing
 * to start is not). Leaves out: pruning entries whose files were deleted (the menu shows them;
 * opening one reports the missing file).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, normalize } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const RECENT_FILES_LIMIT = 10;

/** The form two paths are compared in: normalized, and lower-cased where the file system ignores case. */
export function pathComparisonKey(path: string, platform: NodeJS.Platform = process.platform): string {
  const normal = normalize(path);
  return platform === 'win32' || platform === 'darwin' ? normal.toLowerCase() : normal;
}

/** Puts `path` first, removes its older entry, and trims the list to `limit`. */
export function addRecentFile(
  list: readonly string[],
  path: string,
  limit: number = RECENT_FILES_LIMIT,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const key = pathComparisonKey(path, platform);
  const rest = list.filter((entry) => pathComparisonKey(entry, platform) !== key);
  return [normalize(path), ...rest].slice(0, Math.max(0, limit));
}

/** Removes `path` (for a file that no longer opens). */
export function removeRecentFile(list: readonly string[], path: string, platform: NodeJS.Platform = process.platform): string[] {
  const key = pathComparisonKey(path, platform);
  return list.filter((entry) => pathComparisonKey(entry, platform) !== key);
}

/** True when `path` is in the list (used to allow "open recent" without a dialog). */
export function hasRecentFile(list: readonly string[], path: string, platform: NodeJS.Platform = process.platform): boolean {
  const key = pathComparisonKey(path, platform);
  return list.some((entry) => pathComparisonKey(entry, platform) === key);
}

/** Reads the list; a missing or damaged file gives an empty list, extra entries are dropped. */
export async function loadRecentFiles(listPath: string, limit: number = RECENT_FILES_LIMIT, platform: NodeJS.Platform = process.platform): Promise<string[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(listPath, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  // Rebuild through addRecentFile so a hand-edited file is de-duplicated and bounded too.
  const paths = value.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0);
  return paths.reverse().reduce<string[]>((list, path) => addRecentFile(list, path, limit, platform), []);
}

export async function saveRecentFiles(listPath: string, list: readonly string[]): Promise<void> {
  await mkdir(dirname(listPath), { recursive: true });
  await writeFileAtomic(listPath, JSON.stringify(list, null, 2));
}
