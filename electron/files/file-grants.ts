/**
 * The files a renderer may name, and the document ids main hands out for them. A path enters
 * only from a choice the user made in main's own UI: an open or save dialog they answered, an
 * "Open recent" menu entry they clicked, or the source of an autosave main itself wrote from
 * such a choice in an earlier run. Nothing a renderer sends adds a grant.
 *
 * Each granted path gets one document id (random, chosen here), so the renderer can refer to
 * "the document I opened" in autosave requests without ever naming a path main would trust.
 * Paths compare as the recent list does (normalized; case-insensitive on Windows and macOS).
 *
 * Leaves out: revoking a grant during a run (a granted file stays writable until the app quits).
 */
import { randomUUID } from 'node:crypto';
import { pathComparisonKey } from './recent-files';

/** An opaque id main gave the renderer for one granted file. */
export type DocumentId = string & { readonly __brand: 'DocumentId' };

export interface FileGrants {
  /** Grants `path` (a user choice) and returns its document id (the same id for the same path). */
  grant(path: string): DocumentId;
  /** True when `path` was granted in this run. */
  isGranted(path: string): boolean;
  /** The granted path behind `id`, or undefined for an id main never handed out. */
  pathOf(id: string): string | undefined;
}

export function createFileGrants(
  platform: NodeJS.Platform = process.platform,
  newId: () => string = randomUUID,
): FileGrants {
  const idByKey = new Map<string, DocumentId>();
  const pathById = new Map<string, string>();
  return {
    grant(path) {
      const key = pathComparisonKey(path, platform);
      const known = idByKey.get(key);
      if (known !== undefined) return known;
      const id = newId() as DocumentId;
      idByKey.set(key, id);
      pathById.set(id, path);
      return id;
    },
    isGranted: (path) => idByKey.has(pathComparisonKey(path, platform)),
    // A Map, not an object: '__proto__' or 'constructor' as an id finds nothing.
    pathOf: (id) => pathById.get(id),
  };
}
