import { mkdtemp, writeFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { autosavePath, clearAutosave, keepDamagedAutosave, readAutosave, writeAutosave } from '../../../electron/files/autosave';

let userData: string;
let autosaveDir: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'v6lab-autosave-'));
  autosaveDir = join(userData, 'autosave');
});

describe('autosave and recovery', () => {
  it('finds nothing to recover on a first run', async () => {
    expect(await readAutosave(autosaveDir)).toEqual({ kind: 'none' });
  });

  it('recovery finds the autosave written by the previous run, text unchanged', async () => {
    const text = 'devices:\n  - name: R1\n    kind: router\n    config: "hostname R1 — Sở TT&TT"\n';
    await writeAutosave(autosaveDir, { text, savedAtMs: 1_700_000_000_000, sourcePath: '/home/hv/lab.v6lab.yaml' });
    expect(await readAutosave(autosaveDir)).toEqual({
      kind: 'found',
      snapshot: { text, savedAtMs: 1_700_000_000_000, sourcePath: '/home/hv/lab.v6lab.yaml' },
    });
  });

  it('keeps only the latest snapshot', async () => {
    await writeAutosave(autosaveDir, { text: 'first', savedAtMs: 1, sourcePath: null });
    await writeAutosave(autosaveDir, { text: 'second', savedAtMs: 2, sourcePath: null });
    const result = await readAutosave(autosaveDir);
    expect(result).toMatchObject({ kind: 'found', snapshot: { text: 'second', savedAtMs: 2, sourcePath: null } });
    expect(await readdir(autosaveDir)).toHaveLength(1);
  });

  it('finds nothing after the autosave is cleared (a save or a discard)', async () => {
    await writeAutosave(autosaveDir, { text: 'x', savedAtMs: 1, sourcePath: null });
    await clearAutosave(autosaveDir);
    expect(await readAutosave(autosaveDir)).toEqual({ kind: 'none' });
    await clearAutosave(autosaveDir); // clearing twice is fine
  });

  it('reports a damaged autosave (truncated JSON) with the file name instead of throwing', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), '{"format":"v6lab-autosave/1","text":"dev');
    const result = await readAutosave(autosaveDir);
    expect(result.kind).toBe('damaged');
    expect(result.kind === 'damaged' && result.message).toMatch(/autosave\.v6lab\.json: not valid JSON/);
  });

  it('reports an autosave of another format', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), JSON.stringify({ format: 'something-else', text: 'x', savedAtMs: 1, sourcePath: null }));
    expect(await readAutosave(autosaveDir)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/expected format "v6lab-autosave\/2", found "something-else"/) });
  });

  it('reports a field of the wrong type', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), JSON.stringify({ format: 'v6lab-autosave/2', text: 42, savedAtMs: 1, sourcePath: null }));
    expect(await readAutosave(autosaveDir)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/"text" must be a string/) });
  });

  it('recovers the text of a format 1 autosave as an untitled lab: its path was a renderer\'s word, not a user choice', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), JSON.stringify({ format: 'v6lab-autosave/1', text: 'old run', savedAtMs: 5, sourcePath: '/home/hv/.bashrc' }));
    expect(await readAutosave(autosaveDir)).toEqual({ kind: 'found', snapshot: { text: 'old run', savedAtMs: 5, sourcePath: null } });
  });

  it('keepDamagedAutosave moves the file aside under a dated name with its bytes unchanged', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), 'garbage\u0000');
    const kept = await keepDamagedAutosave(autosaveDir, 1234);
    expect(kept).toEqual({ kept: true, path: join(autosaveDir, 'autosave.damaged-1234.v6lab.json') });
    expect(await readFile(join(autosaveDir, 'autosave.damaged-1234.v6lab.json'), 'utf8')).toBe('garbage\u0000');
    expect(await readAutosave(autosaveDir)).toEqual({ kind: 'none' });
  });

  it('keepDamagedAutosave says why when there is nothing to move', async () => {
    expect(await keepDamagedAutosave(autosaveDir, 1)).toMatchObject({ kept: false, message: expect.stringMatching(/could not move .*autosave\.v6lab\.json aside: .*ENOENT/) });
  });
});
