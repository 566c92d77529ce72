import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppLanguage } from '../../electron/ipc-contract';
import { createIpcHandlers, handleIpcRequest, withLabExtension, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import type { TrustedSenders } from '../../electron/ipc-sender';

let userDataDir: string;
let labDir: string;
let openAnswer: string | null;
let saveAnswer: string | null;
let languages: AppLanguage[];
let recentChanges: (readonly string[])[];

function deps(): IpcHandlerDeps {
  return {
    appInfo: { name: 'V6Lab', version: '0.1.0', platform: 'linux', electronVersion: '45.5.0' },
    userDataDir,
    chooseOpenPath: async () => openAnswer,
    chooseSavePath: async () => saveAnswer,
    nowMs: () => 1_750_000_000_000,
    onLanguageChanged: (language) => languages.push(language),
    onRecentFilesChanged: (list) => recentChanges.push(list),
  };
}

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'v6lab-userdata-'));
  labDir = await mkdtemp(join(tmpdir(), 'v6lab-labs-'));
  openAnswer = null;
  saveAnswer = null;
  languages = [];
  recentChanges = [];
});

const appPageUrl = 'file:///app/dist/renderer/index.html';
const trusted: TrustedSenders = { webContentsIds: new Set([1]), appPageUrl };
const ourPage = { webContentsId: 1, frameUrl: appPageUrl, isMainFrame: true };

describe('IPC handlers', () => {
  it('opens the file chosen in the dialog (BOM stripped) and adds it to the recent list', async () => {
    const path = join(labDir, 'lab.v6lab.yaml');
    await writeFile(path, '\uFEFFdevices: []\n');
    openAnswer = path;
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: null })).toEqual({ kind: 'opened', path, text: 'devices: []\n' });
    expect(ipc.recentFiles()).toEqual([path]);
    expect(JSON.parse(await readFile(join(userDataDir, 'recent-files.json'), 'utf8'))).toEqual([path]);
  });

  it('reports a canceled dialog and an unreadable file as values', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: null })).toEqual({ kind: 'canceled' });
    openAnswer = join(labDir, 'gone.v6lab.yaml');
    expect(await ipc.handlers['lab:open']({ path: null })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/gone\.v6lab\.yaml: cannot open: .*ENOENT/) });
  });

  it('refuses to open or save a path main never handed out (a renderer cannot name files)', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: '/etc/passwd' })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a file this app opened before/) });
    const target = join(labDir, 'x.v6lab.yaml');
    expect(await ipc.handlers['lab:save']({ path: target, text: 'x' })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a file this app opened or saved/) });
    await expect(readFile(target)).rejects.toThrow(/ENOENT/);
  });

  it('reopens a file from the recent list without a dialog', async () => {
    const path = join(labDir, 'recent.v6lab.yaml');
    await writeFile(path, 'a');
    await writeFile(join(userDataDir, 'recent-files.json'), JSON.stringify([path]));
    const ipc = createIpcHandlers(deps());
    await ipc.loadRecent();
    expect(await ipc.handlers['lab:open']({ path })).toEqual({ kind: 'opened', path, text: 'a' });
  });

  it('"Save as" writes where the dialog says, adding the lab extension, then "Save" reuses that path', async () => {
    saveAnswer = join(labDir, 'new-lab');
    const ipc = createIpcHandlers(deps());
    const saved = await ipc.handlers['lab:save']({ path: null, text: 'one' });
    const path = join(labDir, 'new-lab.v6lab.yaml');
    expect(saved).toEqual({ kind: 'saved', path });
    expect(await ipc.handlers['lab:save']({ path, text: 'two' })).toEqual({ kind: 'saved', path });
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(ipc.recentFiles()).toEqual([path]);
  });

  it('writes, recovers and clears the autosave', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
    await ipc.handlers['autosave:write']({ text: 'unsaved work', sourcePath: null });
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'found', text: 'unsaved work', savedAtMs: 1_750_000_000_000, sourcePath: null });
    await ipc.handlers['autosave:clear'](null);
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
  });

  it('a recovered autosave may be saved back to the file it came from', async () => {
    const source = join(labDir, 'from-last-run.v6lab.yaml');
    const first = createIpcHandlers(deps());
    await first.handlers['autosave:write']({ text: 'recovered', sourcePath: source });
    const second = createIpcHandlers(deps());
    await second.handlers['autosave:read'](null);
    expect(await second.handlers['lab:save']({ path: source, text: 'recovered' })).toEqual({ kind: 'saved', path: source });
  });

  it('passes language changes on (the menu follows them)', async () => {
    const ipc = createIpcHandlers(deps());
    await ipc.handlers['app:set-language']({ language: 'en' });
    expect(languages).toEqual(['en']);
  });

  it('withLabExtension keeps .yaml/.yml names and completes bare ones', () => {
    expect(withLabExtension('/a/lab.yaml')).toBe('/a/lab.yaml');
    expect(withLabExtension('/a/lab.YML')).toBe('/a/lab.YML');
    expect(withLabExtension('/a/lab')).toBe('/a/lab.v6lab.yaml');
  });
});

describe('handleIpcRequest (the gate every request passes)', () => {
  it('runs the handler for our own page with a valid payload', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await handleIpcRequest('app:get-info', ourPage, null, trusted, ipc.handlers)).toMatchObject({ name: 'V6Lab', version: '0.1.0' });
  });

  it('ignores a sender main did not create, before looking at the payload', async () => {
    const ipc = createIpcHandlers(deps());
    await expect(handleIpcRequest('app:set-language', { webContentsId: 9, frameUrl: appPageUrl, isMainFrame: true }, { language: 'en' }, trusted, ipc.handlers)).rejects.toThrow(
      /app:set-language: ignored a request from a sender this app did not create/,
    );
    await expect(handleIpcRequest('app:set-language', { ...ourPage, frameUrl: 'https://evil.example/' }, { language: 'en' }, trusted, ipc.handlers)).rejects.toThrow(/evil\.example/);
    expect(languages).toEqual([]);
  });

  it('rejects a bad payload with the validation message and never calls the handler', async () => {
    const ipc = createIpcHandlers(deps());
    await expect(handleIpcRequest('app:set-language', ourPage, { language: 'de' }, trusted, ipc.handlers)).rejects.toThrow(/app:set-language: invalid request: language:/);
    expect(languages).toEqual([]);
  });
});
