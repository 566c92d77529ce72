/**
 * Issue 17.13, main's side: a real process autosaving after every edit is killed (SIGKILL, no
 * clean exit), and a fresh set of handlers — the next start — offers the last complete
 * autosave back, with the grant to its source file intact (Save writes to it without a
 * dialog, even though the user never clicks it in the recent menu), and removes the temporary
 * file a killed write leaves behind.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcHandlers, handleIpcRequest } from '../../electron/ipc-handlers';

const child = join(import.meta.dirname, 'helpers', 'autosaving-main.ts');
const page = 'app://v6lab/index.html';
const trusted = { webContentsIds: new Set([1]), appPageUrl: page };
const sender = { webContentsId: 1, frameUrl: page, isMainFrame: true };

/** Runs the autosaving main until it reported `edits` writes, then kills it. Returns its pid and last reported edit. */
async function runAndKill(userDataDir: string, labPath: string, edits: number): Promise<{ pid: number; lastReported: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, userDataDir, labPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let lastReported = 0;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/written (\d+)/g)) lastReported = Number(match[1]);
      if (lastReported >= edits) resolve();
    });
    proc.on('exit', () => reject(new Error(`the autosaving process exited by itself: ${stderr}`)));
  });
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return { pid: proc.pid!, lastReported };
}

describe('kill and recover (autosave, file level)', () => {
  it('after a kill, the next start offers the last autosave with its file, and Save writes there without a dialog', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'v6lab-kill-userdata-'));
    const labDir = await mkdtemp(join(tmpdir(), 'v6lab-kill-labs-'));
    const labPath = join(labDir, 'province.v6lab.yaml');
    await writeFile(labPath, 'version: 1\ndevices: []\n');
    const { pid, lastReported } = await runAndKill(userDataDir, labPath, 25);
    // A write the kill interrupted leaves a temp file like this one (the writer is gone).
    const autosaveDir = join(userDataDir, 'autosave');
    await writeFile(join(autosaveDir, `.autosave.v6lab.json.${pid}-0123456789ab.tmp`), '{"format":"v6lab-autosave/2","text":"ver');

    let dialogs = 0;
    const next = createIpcHandlers({
      appInfo: { name: 'V6Lab', version: '0.1.0', platform: process.platform, electronVersion: '' },
      userDataDir,
      chooseOpenPath: async () => (dialogs++, null),
      chooseSavePath: async () => (dialogs++, null),
      chooseExportPath: async () => (dialogs++, null),
      nowMs: () => Date.now(),
      onLanguageChanged: () => undefined,
      onRecentFilesChanged: () => undefined,
    });
    await next.loadRecent();
    await next.removeStaleTempFiles();
    expect((await readdir(autosaveDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const recovery = await handleIpcRequest('autosave:read', sender, null, trusted, next.handlers);
    if (recovery.kind !== 'found') throw new Error(`expected a recovery, got ${JSON.stringify(recovery)}`);
    expect(recovery.sourcePath).toBe(labPath);
    expect(recovery.documentId).toEqual(expect.any(String));
    // A complete snapshot (atomic writes), no older than the last one reported before the kill.
    const edit = Number(/^# edit (\d+)$/m.exec(recovery.text)?.[1]);
    expect(edit).toBeGreaterThanOrEqual(lastReported);
    expect(recovery.text.startsWith('version: 1\ndevices: []\n# edit ')).toBe(true);
    expect(recovery.text.endsWith(`# end of edit ${edit}\n`)).toBe(true);

    // The grant came back with the recovery: Save goes to the source file, no dialog.
    const saved = await handleIpcRequest('lab:save', sender, { path: labPath, text: recovery.text }, trusted, next.handlers);
    expect(saved).toEqual({ kind: 'saved', path: labPath, documentId: recovery.documentId });
    expect(await readFile(labPath, 'utf8')).toBe(recovery.text);
    expect(dialogs).toBe(0);
    // Later autosaves of the recovered lab still belong to its file.
    await handleIpcRequest('autosave:write', sender, { text: 'after recovery', documentId: recovery.documentId }, trusted, next.handlers);
    expect(await handleIpcRequest('autosave:read', sender, null, trusted, next.handlers)).toMatchObject({ kind: 'found', text: 'after recovery', sourcePath: labPath });
  }, 30_000);
});
