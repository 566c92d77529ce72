import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import {
  isProcessRunning,
  makeTempPath,
  nodeAtomicWriteIo,
  removeStaleTempFiles,
  tempFileWriterPid,
  writeFileAtomic,
  type AtomicWriteIo,
} from '../../../electron/files/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'v6lab-atomic-'));
});

/** Real file system, except that the temp file's write stops halfway and fails (disk full). */
function failingMidWrite(): AtomicWriteIo {
  return {
    ...nodeAtomicWriteIo,
    async open(path, flags, mode) {
      const handle = await nodeAtomicWriteIo.open(path, flags, mode);
      return {
        async writeFile(data) {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  it('creates the file when it did not exist', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFileAtomic(target, 'devices: []\n');
    expect(await readFile(target, 'utf8')).toBe('devices: []\n');
  });

  it('replaces the old content completely, leaving no temp file behind', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFile(target, 'old content that is longer than the new one\n');
    await writeFileAtomic(target, 'new\n');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['lab.v6lab.yaml']);
  });

  it('leaves the old file intact when the write fails midway, and removes the partial temp file', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFile(target, 'the good old lab\n');
    await expect(writeFileAtomic(target, 'x'.repeat(10_000), failingMidWrite())).rejects.toThrow(/could not save .*lab\.v6lab\.yaml: ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('the good old lab\n');
    expect(await readdir(dir)).toEqual(['lab.v6lab.yaml']);
  });

  it('leaves the old file intact when fsync fails', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFile(target, 'kept\n');
    const io: AtomicWriteIo = {
      ...nodeAtomicWriteIo,
      async open(path, flags, mode) {
        const handle = await nodeAtomicWriteIo.open(path, flags, mode);
        return { writeFile: (data) => handle.writeFile(data), sync: () => Promise.reject(new Error('EIO: i/o error')), close: () => handle.close() };
      },
    };
    await expect(writeFileAtomic(target, 'lost\n', io)).rejects.toThrow(/EIO/);
    expect(await readFile(target, 'utf8')).toBe('kept\n');
    expect(await readdir(dir)).toEqual(['lab.v6lab.yaml']);
  });

  it('leaves the old file intact when the final rename fails', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFile(target, 'kept\n');
    const io: AtomicWriteIo = { ...nodeAtomicWriteIo, rename: () => Promise.reject(new Error('EPERM: operation not permitted')) };
    await expect(writeFileAtomic(target, 'lost\n', io)).rejects.toThrow(/EPERM/);
    expect(await readFile(target, 'utf8')).toBe('kept\n');
    expect(await readdir(dir)).toEqual(['lab.v6lab.yaml']);
  });

  it('writes the temporary file in the target folder (so the rename stays on one file system)', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    const opened: string[] = [];
    const io: AtomicWriteIo = { ...nodeAtomicWriteIo, open: (path, flags, mode) => (opened.push(path), nodeAtomicWriteIo.open(path, flags, mode)) };
    await writeFileAtomic(target, 'x', io);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(join(dir, '.lab.v6lab.yaml.'))).toBe(true);
  });

  it('fails with the path in the message when the folder does not exist', async () => {
    const target = join(dir, 'missing', 'lab.v6lab.yaml');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(/could not save .*missing.*ENOENT/);
  });
});

describe('stale temporary files from a killed save', () => {
  /** The pid of a process that ran and exited (so no process has it, barring reuse). */
  function exitedPid(): number {
    return spawnSync(process.execPath, ['-e', '0']).pid!;
  }

  it('recognizes exactly the names makeTempPath gives for a target, with the writer pid', () => {
    const target = join(dir, 'lab (1).v6lab.yaml');
    const temp = makeTempPath(target);
    expect(tempFileWriterPid(target, temp.slice(dir.length + 1))).toBe(process.pid);
    expect(tempFileWriterPid(target, '.lab (1).v6lab.yaml.123-0123456789ab.tmp')).toBe(123);
    for (const other of [
      'lab (1).v6lab.yaml',
      '.lab (1).v6lab.yaml.123-0123456789a.tmp', // 11 hex digits
      '.lab (1).v6lab.yaml.123-0123456789AB.tmp', // upper case: not ours
      '.lab (1).v6lab.yaml.x-0123456789ab.tmp',
      '.lab (1)xv6lab.yaml.123-0123456789ab.tmp', // "." in the name is literal
      '.other.v6lab.yaml.123-0123456789ab.tmp',
      '.lab (1).v6lab.yaml.123-0123456789ab.tmp.bak',
    ]) {
      expect(tempFileWriterPid(target, other), other).toBeNull();
    }
  });

  it('removes only the temp files of gone writers beside the given targets, leaving everything else', async () => {
    const target = join(dir, 'lab.v6lab.yaml');
    await writeFile(target, 'the saved lab');
    const gone = exitedPid();
    const stale = join(dir, `.lab.v6lab.yaml.${gone}-00112233aabb.tmp`);
    const live = join(dir, `.lab.v6lab.yaml.${process.pid}-00112233aabb.tmp`);
    const foreign = join(dir, `.notes.txt.${gone}-00112233aabb.tmp`);
    const userFile = join(dir, 'my.tmp');
    for (const path of [stale, live, foreign, userFile]) await writeFile(path, 'x');
    // A folder and a symbolic link with a temp-like name are never ours to remove.
    await mkdir(join(dir, `.lab.v6lab.yaml.${gone}-aaaaaaaaaaaa.tmp`));
    await symlink(userFile, join(dir, `.lab.v6lab.yaml.${gone}-bbbbbbbbbbbb.tmp`));
    expect(await removeStaleTempFiles([target, join(dir, 'missing-folder', 'x.json')])).toEqual([stale]);
    expect((await readdir(dir)).sort()).toEqual(
      [
        'lab.v6lab.yaml',
        `.lab.v6lab.yaml.${process.pid}-00112233aabb.tmp`,
        `.notes.txt.${gone}-00112233aabb.tmp`,
        'my.tmp',
        `.lab.v6lab.yaml.${gone}-aaaaaaaaaaaa.tmp`,
        `.lab.v6lab.yaml.${gone}-bbbbbbbbbbbb.tmp`,
      ].sort(),
    );
    expect(await readFile(target, 'utf8')).toBe('the saved lab');
  });

  it('isProcessRunning: this process runs, an exited one does not', () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(exitedPid())).toBe(false);
  });
});
