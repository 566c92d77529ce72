/**
 * The renderer's autosave and recovery through the desktop adapter, against main's real IPC
 * handlers in a temporary folder (the preload's role played by a direct call into
 * handleIpcRequest): a revision counts as autosaved only after the write succeeded, a failed
 * write is tried again, recovery after a "kill" brings the text back with its file so Save
 * writes there, and a damaged autosave is reported with where it was kept, never deleted.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IpcInvokeChannel, IpcReply, IpcRequest, V6LabDesktopApi } from '../../../electron/ipc-contract';
import { createIpcHandlers, handleIpcRequest } from '../../../electron/ipc-handlers';
import { moveDevices } from '../../../renderer/actions/move-devices';
import { createFileCommands, type FileCommands } from '../../../renderer/files/file-commands';
import { createDesktopLabFiles } from '../../../renderer/files/lab-files';
import { createAppStore, type AppStore } from '../../../renderer/state/create-app-store';
import { isLabDirty } from '../../../renderer/state/lab-slice';
import { createBrowserLabFiles } from '../../../renderer/files/browser-lab-files';

const page = 'app://v6lab/index.html';
const trusted = { webContentsIds: new Set([1]), appPageUrl: page };
const sender = { webContentsId: 1, frameUrl: page, isMainFrame: true };
const LAB_TEXT = 'version: 1\ndevices:\n  - name: R1\n    kind: router\n    position: { x: 100, y: 100 }\nlinks: []\n';

let userDataDir: string;
let labPath: string;
let dialogs: string[];

/** One app start: main's handlers, and a renderer store with its file commands over them. */
function startApp(): { store: AppStore; commands: FileCommands } {
  const ipc = createIpcHandlers({
    appInfo: { name: 'V6Lab', version: '0.1.0', platform: process.platform, electronVersion: '' },
    userDataDir,
    chooseOpenPath: async () => (dialogs.push('open'), labPath),
    chooseSavePath: async () => (dialogs.push('save'), null),
    chooseExportPath: async () => null,
    nowMs: () => 1_750_000_000_000,
    onLanguageChanged: () => undefined,
    onRecentFilesChanged: () => undefined,
  });
  const invoke = <C extends IpcInvokeChannel>(channel: C, request: IpcRequest<C>): Promise<IpcReply<C>> => handleIpcRequest(channel, sender, request, trusted, ipc.handlers);
  const api: V6LabDesktopApi = {
    getAppInfo: () => invoke('app:get-info', null),
    setLanguage: async (language) => void (await invoke('app:set-language', { language })),
    openLab: (path) => invoke('lab:open', { path: path ?? null }),
    saveLab: (text, path) => invoke('lab:save', { path: path ?? null, text }),
    writeAutosave: (text, documentId) => invoke('autosave:write', { text, documentId }),
    readAutosave: () => invoke('autosave:read', null),
    clearAutosave: async () => void (await invoke('autosave:clear', null)),
    saveCapture: () => Promise.resolve({ kind: 'canceled' }),
    saveText: () => Promise.resolve({ kind: 'canceled' }),
    onMenuCommand: () => () => undefined,
  };
  const store = createAppStore();
  return { store, commands: createFileCommands(store, createDesktopLabFiles(api)) };
}

function moveR1(store: AppStore, x: number): void {
  expect(store.getState().applyEdit(moveDevices(store.getState().lab, [{ name: 'R1', position: { x, y: 100 } }]))).toBe(true);
}

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'v6lab-renderer-autosave-'));
  const labDir = await mkdtemp(join(tmpdir(), 'v6lab-renderer-labs-'));
  labPath = join(labDir, 'lab.v6lab.yaml');
  await writeFile(labPath, LAB_TEXT);
  dialogs = [];
});

describe('desktop autosave and recovery (renderer over main\'s handlers)', () => {
  it('after a kill, the next start offers the autosave of the opened file; recovering and saving writes to that file', async () => {
    const first = startApp();
    await first.commands.run({ kind: 'open' });
    moveR1(first.store, 420);
    expect(await first.commands.autosaveNow()).toBe(true);
    expect(await first.commands.autosaveNow()).toBe(false); // nothing new to write
    // Killed here: no save, no clean exit.

    const next = startApp();
    await next.commands.checkRecovery();
    const dialog = next.store.getState().dialog;
    if (dialog?.kind !== 'recovery') throw new Error(`expected the recovery dialog, got ${JSON.stringify(dialog)}`);
    expect(dialog.sourcePath).toBe(labPath);
    await next.commands.run({ kind: 'recover', text: dialog.text, sourcePath: dialog.sourcePath });
    expect(next.store.getState().lab.devices[0]!.position).toEqual({ x: 420, y: 100 });
    expect(next.store.getState().filePath).toBe(labPath);
    expect(isLabDirty(next.store.getState())).toBe(true);
    dialogs = [];
    expect(await next.commands.save()).toBe(true);
    expect(dialogs).toEqual([]); // saved to the source file without a dialog
    expect(await readFile(labPath, 'utf8')).toMatch(/x: 420/);
    // Saving cleared the autosave.
    expect((await readdir(join(userDataDir, 'autosave'))).filter((name) => name === 'autosave.v6lab.json')).toEqual([]);
  });

  it('a failed autosave does not count as written: the next attempt writes the same revision', async () => {
    const app = startApp();
    await app.commands.run({ kind: 'open' });
    moveR1(app.store, 300);
    // The autosave folder cannot be created: its name is taken by a file.
    await writeFile(join(userDataDir, 'autosave'), 'in the way');
    await expect(app.commands.autosaveNow()).rejects.toThrow(/could not save|EEXIST|ENOTDIR/);
    await rm(join(userDataDir, 'autosave'));
    expect(await app.commands.autosaveNow()).toBe(true);
    const next = startApp();
    await next.commands.checkRecovery();
    expect(next.store.getState().dialog).toMatchObject({ kind: 'recovery', sourcePath: labPath, text: expect.stringMatching(/x: 300/) });
  });

  it('a damaged autosave at start is reported with where it was kept, and its bytes are still there', async () => {
    await mkdir(join(userDataDir, 'autosave'));
    await writeFile(join(userDataDir, 'autosave', 'autosave.v6lab.json'), '{"format":"v6lab-autosave/2","te');
    const app = startApp();
    await app.commands.checkRecovery();
    const keptAt = join(userDataDir, 'autosave', 'autosave.damaged-1750000000000.v6lab.json');
    expect(app.store.getState().dialog).toEqual({
      kind: 'message',
      message: { key: 'recovery.damaged', values: { message: expect.stringMatching(/not valid JSON/), keptAt } },
    });
    expect(await readFile(keptAt, 'utf8')).toBe('{"format":"v6lab-autosave/2","te');
  });

  it('an untitled lab autosaves and recovers as untitled (no file granted)', async () => {
    const first = startApp();
    await first.commands.run({ kind: 'open-sample' });
    moveR1(first.store, 250);
    expect(await first.commands.autosaveNow()).toBe(true);
    const next = startApp();
    await next.commands.checkRecovery();
    expect(next.store.getState().dialog).toMatchObject({ kind: 'recovery', sourcePath: null });
  });
});

/** A Web Storage with a quota (as the browser's localStorage), for the browser store. */
class QuotaStorage implements Storage {
  private readonly items = new Map<string, string>();
  full = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('browser autosave (localStorage)', () => {
  it('a full storage fails the autosave, so it is tried again, and the later attempt writes it', async () => {
    const storage = new QuotaStorage();
    const store = createAppStore();
    const commands = createFileCommands(store, createBrowserLabFiles(storage, () => 5));
    await commands.run({ kind: 'open-sample' });
    moveR1(store, 333);
    storage.full = true;
    await expect(commands.autosaveNow()).rejects.toThrow(/quota/);
    storage.full = false;
    expect(await commands.autosaveNow()).toBe(true);
    expect(JSON.parse(storage.getItem('v6lab.autosave')!)).toMatchObject({ text: expect.stringMatching(/x: 333/), savedAtMs: 5 });
  });

  it('a damaged autosave is moved to its own key and reported, never removed', async () => {
    const storage = new QuotaStorage();
    storage.setItem('v6lab.autosave', '{"text": 4');
    const store = createAppStore();
    await createFileCommands(store, createBrowserLabFiles(storage, () => 9)).checkRecovery();
    expect(store.getState().dialog).toMatchObject({ kind: 'message', message: { key: 'recovery.damaged', values: { keptAt: 'v6lab.autosave.damaged-9' } } });
    expect(storage.getItem('v6lab.autosave.damaged-9')).toBe('{"text": 4');
    expect(storage.getItem('v6lab.autosave')).toBeNull();
  });
});
