/**
 * Upgrading lab files written by older versions of V6Lab. Each migration takes a parsed YAML
 * document of version N and edits it in place into version N + 1 (tldraw's record migrations are
 * the model). Working on the YAML tree, not on plain data, keeps the source positions of every
 * untouched node, so problems found after migration still point at the right line of the user's
 * file.
 *
 * Version 1 is the first format: the list is empty. To change the format, bump
 * LAB_FORMAT_VERSION, update the schema, and append `{ fromVersion: 1, … }` here.
 */
import type { Document } from 'yaml';

export interface LabMigration {
  /** The version this migration reads; it produces fromVersion + 1. */
  readonly fromVersion: number;
  /** What changed, for the change log and for a note shown when an old file is opened. */
  readonly summary: string;
  migrate(yamlDocument: Document): void;
}

export const LAB_MIGRATIONS: readonly LabMigration[] = [];

export type MigrationOutcome =
  | { readonly ok: true; readonly applied: readonly LabMigration[] }
  /** `error` in English, `errorVi` in Vietnamese. */
  | { readonly ok: false; readonly error: string; readonly errorVi: string };

/**
 * Brings `yamlDocument` from `fromVersion` up to `toVersion` with the given migrations, setting its
 * `version` key as it goes. Fails (without throwing) when a step is missing.
 */
export function migrateLabDocument(yamlDocument: Document, fromVersion: number, toVersion: number, migrations: readonly LabMigration[] = LAB_MIGRATIONS): MigrationOutcome {
  const applied: LabMigration[] = [];
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations.find((migration) => migration.fromVersion === version);
    if (step === undefined) {
      return {
        ok: false,
        error: `cannot upgrade a version ${version} lab file: no migration from version ${version} to ${version + 1}`,
        errorVi: `không nâng cấp được tệp lab phiên bản ${version}: thiếu bước chuyển đổi từ phiên bản ${version} lên ${version + 1}`,
      };
    }
    step.migrate(yamlDocument);
    yamlDocument.set('version', version + 1);
    applied.push(step);
  }
  return { ok: true, applied };
}
