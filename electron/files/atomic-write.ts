/**
 * Atomic file replacement for lab files: write a temporary file in the same folder, flush it
 * to disk (fsync), then rename it over the target. A crash or error at any point leaves either
 * the old file or the new one, never a half-written mix, because rename within one folder is
 * atomic on POSIX file systems and on NTFS (MoveFileEx with replace).
 *
 * A process killed between open and rename leaves its temporary file behind; at the next start
 * `removeStaleTempFiles` deletes exactly those: files named by makeTempPath for a target we
 * write, whose writer process is no longer running. Nothing else in the folder is touched.
 *
 * Leaves out: preserving the old file's permissions/ownership, and retrying a rename that
 * Windows refuses because another program (an antivirus) holds the file open for a moment.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import * as fsPromises from 'node:fs/promises';

/** The random part of a temporary file's name: 6 bytes as hex. */
const TEMP_RANDOM_HEX_CHARS = 12;

/** The file system calls atomic writes use, replaceable in tests to inject failures. */
export interface AtomicWriteIo {
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** The subset of a FileHandle that the write uses. */
export interface AtomicWriteHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeAtomicWriteIo: AtomicWriteIo = {
  open: (path, flags, mode) => fsPromises.open(path, flags, mode),
  rename: (from, to) => fsPromises.rename(from, to),
  unlink: (path) => fsPromises.unlink(path),
};

/** The temporary file's name: hidden, beside the target, unique per write. */
export function makeTempPath(targetPath: string): string {
  const suffix = `${process.pid}-${randomBytes(TEMP_RANDOM_HEX_CHARS / 2).toString('hex')}`;
  return join(dirname(targetPath), `.${basename(targetPath)}.${suffix}.tmp`);
}

/**
 * Replaces `targetPath` with `data` atomically. On failure the temporary file is removed, the
 * old file (if any) is untouched, and the error is rethrown with the target path in its message.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array, io: AtomicWriteIo = nodeAtomicWriteIo): Promise<void> {
  const tempPath = makeTempPath(targetPath);
  let handle: AtomicWriteHandle | undefined;
  try {
    // 'wx': fail rather than reuse a file someone else created under the same name.
    handle = await io.open(tempPath, 'wx', 0o644);
    await handle.writeFile(data);
    // The data must be on disk before the rename makes it visible, or a power cut could leave
    // a renamed but empty file.
    await handle.sync();
    await handle.close();
    handle = undefined;
    await io.rename(tempPath, targetPath);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await io.unlink(tempPath).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not save ${targetPath}: ${reason}`, { cause: error });
  }
  await syncDirectory(dirname(targetPath));
}

/**
 * Flushes the folder entry so the rename itself survives a power cut (POSIX). Windows cannot
 * open folders this way; the rename is already durable there, so failures are ignored.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fsPromises.open(directory, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform or file system: nothing more to do.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The writer's process id when `fileName` is a temporary file makeTempPath made for `targetPath`. */
export function tempFileWriterPid(targetPath: string, fileName: string): number | null {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(targetPath))}\\.(\\d{1,10})-[0-9a-f]{${TEMP_RANDOM_HEX_CHARS}}\\.tmp$`);
  const match = pattern.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** True when a process with this id runs (ours included); EPERM means it runs under another user. */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the temporary files a killed atomic write left beside each of `targetPaths`: only
 * names makeTempPath gives for that target, and only when the writer process is gone (a file
 * of a running process, ours or another, is in use). Returns the paths it removed; a folder
 * that cannot be read or a file that cannot be removed is skipped.
 */
export async function removeStaleTempFiles(
  targetPaths: readonly string[],
  isRunning: (pid: number) => boolean = isProcessRunning,
): Promise<string[]> {
  const removed: string[] = [];
  const byFolder = new Map<string, string[]>();
  for (const target of targetPaths) byFolder.set(dirname(target), [...(byFolder.get(dirname(target)) ?? []), target]);
  for (const [folder, targets] of byFolder) {
    let names: string[];
    try {
      names = await fsPromises.readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = targets.map((target) => tempFileWriterPid(target, name)).find((found) => found !== null);
      if (pid === undefined || pid === null || isRunning(pid)) continue;
      const path = join(folder, name);
      try {
        // lstat: a symbolic link or folder with a temp-like name is not ours; leave it.
        if (!(await fsPromises.lstat(path)).isFile()) continue;
        await fsPromises.unlink(path);
        removed.push(path);
      } catch {
        // Gone already, or not ours to remove.
      }
    }
  }
  return removed;
}
