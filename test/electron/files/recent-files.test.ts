import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecentFile, hasRecentFile, loadRecentFiles, removeRecentFile, RECENT_FILES_LIMIT, saveRecentFiles } from '../../../electron/files/recent-files';

describe('recent files list', () => {
  it('puts the newest file first', () => {
    expect(addRecentFile(['/a.yaml', '/b.yaml'], '/c.yaml', 10, 'linux')).toEqual(['/c.yaml', '/a.yaml', '/b.yaml']);
  });

  it('moves a file opened again to the front instead of listing it twice', () => {
    expect(addRecentFile(['/a.yaml', '/b.yaml', '/c.yaml'], '/b.yaml', 10, 'linux')).toEqual(['/b.yaml', '/a.yaml', '/c.yaml']);
  });

  it('treats paths differing only in case as one file on Windows, as two on Linux', () => {
    expect(addRecentFile(['C:\\Labs\\A.v6lab.yaml'], 'c:\\labs\\a.v6lab.yaml', 10, 'win32')).toHaveLength(1);
    expect(addRecentFile(['/labs/A.v6lab.yaml'], '/labs/a.v6lab.yaml', 10, 'linux')).toHaveLength(2);
  });

  it(`drops the oldest entry beyond the limit (${RECENT_FILES_LIMIT})`, () => {
    let list: string[] = [];
    for (let i = 0; i < RECENT_FILES_LIMIT + 3; i++) list = addRecentFile(list, `/lab-${i}.yaml`, RECENT_FILES_LIMIT, 'linux');
    expect(list).toHaveLength(RECENT_FILES_LIMIT);
    expect(list[0]).toBe(`/lab-${RECENT_FILES_LIMIT + 2}.yaml`);
    expect(list).not.toContain('/lab-0.yaml');
  });

  it('property: always bounded, never duplicated, newest first', () => {
    const path = fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g');
    fc.assert(
      fc.property(fc.array(path, { maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (paths, limit) => {
        let list: string[] = [];
        for (const p of paths) list = addRecentFile(list, p, limit, 'linux');
        expect(list.length).toBeLessThanOrEqual(limit);
        expect(new Set(list).size).toBe(list.length);
        if (paths.length > 0 && limit > 0) expect(list[0]).toBe(paths[paths.length - 1]);
      }),
    );
  });

  it('removes and finds entries', () => {
    expect(removeRecentFile(['/a', '/b'], '/a', 'linux')).toEqual(['/b']);
    expect(hasRecentFile(['/a', '/b'], '/b', 'linux')).toBe(true);
    expect(hasRecentFile(['/a', '/b'], '/c', 'linux')).toBe(false);
  });

  it('saves and loads the list, de-duplicating and bounding a hand-edited file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'v6lab-recent-'));
    const listPath = join(dir, 'recent-files.json');
    await saveRecentFiles(listPath, ['/x.yaml', '/y.yaml']);
    expect(JSON.parse(await readFile(listPath, 'utf8'))).toEqual(['/x.yaml', '/y.yaml']);
    expect(await loadRecentFiles(listPath, 10, 'linux')).toEqual(['/x.yaml', '/y.yaml']);
    await writeFile(listPath, JSON.stringify(['/x.yaml', '/y.yaml', '/x.yaml', 7, '', '/z.yaml']));
    expect(await loadRecentFiles(listPath, 2, 'linux')).toEqual(['/x.yaml', '/y.yaml']);
  });

  it('reads a missing or damaged list as empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'v6lab-recent-'));
    expect(await loadRecentFiles(join(dir, 'absent.json'))).toEqual([]);
    await writeFile(join(dir, 'bad.json'), '{not json');
    expect(await loadRecentFiles(join(dir, 'bad.json'))).toEqual([]);
    await writeFile(join(dir, 'object.json'), '{"a":1}');
    expect(await loadRecentFiles(join(dir, 'object.json'))).toEqual([]);
  });
});
