/**
 * Atomic file replacement for lab files: write a temporary file in the same folder, flush it
 * to disk (fsync), then rename it over the target. A crash or error at any point leaves either
 * the old file or the new one, never a half-written mix, because rename within one folder is
 * atomic on POSIX file systems and on NTFS (MoveFileEx with replace).
 *
 * Leaves out: preserving the old file's permissions/ownership, and retrying a rename that
 * Windows refuses because another program (an antivirus) holds the file open for a moment.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import * as fsPromises from 'node:fs/promises';

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
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
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
