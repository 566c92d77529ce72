import { mkdtemp, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { autosavePath, clearAutosave, readAutosave, writeAutosave } from '../../../electron/files/autosave';

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
    expect(await readAutosave(autosaveDir)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/expected format "v6lab-autosave\/1"/) });
  });

  it('reports a field of the wrong type', async () => {
    await mkdir(autosaveDir, { recursive: true });
    await writeFile(autosavePath(autosaveDir), JSON.stringify({ format: 'v6lab-autosave/1', text: 42, savedAtMs: 1, sourcePath: null }));
    expect(await readAutosave(autosaveDir)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/"text" must be a string/) });
  });
});
