import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LAB_MIGRATIONS, migrateLabDocument, type LabMigration } from '../../../sim-core/lab/lab-migrations';

/** A pretend format change for the test: version 1 called the links `cables`. */
const renameCables: LabMigration = {
  fromVersion: 1,
  summary: '`cables` renamed to `links`',
  migrate(document) {
    const cables = document.get('cables', true);
    if (cables === undefined) return;
    document.delete('cables');
    document.set('links', cables);
  },
};

describe('lab file migrations', () => {
  it('version 1 is the first format: no migrations yet', () => {
    expect(LAB_MIGRATIONS).toEqual([]);
  });

  it('upgrades step by step and sets the version, keeping source positions of moved nodes', () => {
    const text = 'version: 1\ncables:\n  - endpoints: [R1:g0/0, R2:g0/0]\n';
    const document = parseDocument(text);
    expect(migrateLabDocument(document, 1, 2, [renameCables])).toEqual({ ok: true, applied: [renameCables] });
    expect(document.toJS()).toEqual({ version: 2, links: [{ endpoints: ['R1:g0/0', 'R2:g0/0'] }] });
    const moved = document.getIn(['links', 0, 'endpoints', 0], true) as { range: number[] };
    expect(text.slice(moved.range[0], moved.range[1])).toBe('R1:g0/0');
  });

  it('fails without throwing when a step is missing', () => {
    expect(migrateLabDocument(parseDocument('version: 1\n'), 1, 3, [renameCables])).toEqual({
      ok: false,
      error: 'cannot upgrade a version 2 lab file: no migration from version 2 to 3',
      errorVi: 'không nâng cấp được tệp lab phiên bản 2: thiếu bước chuyển đổi từ phiên bản 2 lên 3',
    });
  });
});
