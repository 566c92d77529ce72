import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppLanguage } from '../../electron/ipc-contract';
import { createIpcHandlers, handleIpcRequest, withExportExtension, withLabExtension, type ExportFileKind, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import type { TrustedSenders } from '../../electron/ipc-sender';

let userDataDir: string;
let labDir: string;
let openAnswer: string | null;
let saveAnswer: string | null;
let exportAnswer: string | null;
let exportAsked: [string, ExportFileKind][];
let languages: AppLanguage[];
let recentChanges: (readonly string[])[];

function deps(): IpcHandlerDeps {
  return {
    appInfo: { name: 'V6Lab', version: '0.1.0', platform: 'linux', electronVersion: '45.5.0' },
    userDataDir,
    chooseOpenPath: async () => openAnswer,
    chooseSavePath: async () => saveAnswer,
    chooseExportPath: async (suggestedName, kind) => {
      exportAsked.push([suggestedName, kind]);
      return exportAnswer;
    },
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
  exportAnswer = null;
  exportAsked = [];
  languages = [];
  recentChanges = [];
});

const appPageUrl = 'app://v6lab/index.html';
const trusted: TrustedSenders = { webContentsIds: new Set([1]), appPageUrl };
const ourPage = { webContentsId: 1, frameUrl: appPageUrl, isMainFrame: true };

describe('IPC handlers', () => {
  it('opens the file chosen in the dialog (BOM stripped) and adds it to the recent list', async () => {
    const path = join(labDir, 'lab.v6lab.yaml');
    await writeFile(path, '\uFEFFdevices: []\n');
    openAnswer = path;
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: null })).toEqual({ kind: 'opened', path, text: 'devices: []\n', documentId: expect.any(String) });
    expect(ipc.recentFiles()).toEqual([path]);
    expect(JSON.parse(await readFile(join(userDataDir, 'recent-files.json'), 'utf8'))).toEqual([path]);
  });

  it('reports a canceled dialog and an unreadable file as values', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: null })).toEqual({ kind: 'canceled' });
    openAnswer = join(labDir, 'gone.v6lab.yaml');
    expect(await ipc.handlers['lab:open']({ path: null })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/gone\.v6lab\.yaml: cannot open: .*ENOENT/) });
  });

  it('refuses to open or save a path the user did not choose (a renderer cannot name files)', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['lab:open']({ path: '/etc/passwd' })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a file you chose in this app/) });
    const target = join(labDir, 'x.v6lab.yaml');
    expect(await ipc.handlers['lab:save']({ path: target, text: 'x' })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a file you chose in this app; use Save as/) });
    await expect(readFile(target)).rejects.toThrow(/ENOENT/);
  });

  it('reopens a recent file without a dialog once the user clicked it in the menu, not before', async () => {
    const path = join(labDir, 'recent.v6lab.yaml');
    await writeFile(path, 'a');
    await writeFile(join(userDataDir, 'recent-files.json'), JSON.stringify([path]));
    const ipc = createIpcHandlers(deps());
    await ipc.loadRecent();
    expect(await ipc.handlers['lab:open']({ path })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a file you chose/) });
    expect(await ipc.handlers['lab:save']({ path, text: 'overwritten' })).toMatchObject({ kind: 'failed' });
    expect(ipc.grantRecentChoice(path)).toBe(true);
    expect(await ipc.handlers['lab:open']({ path })).toEqual({ kind: 'opened', path, text: 'a', documentId: expect.any(String) });
  });

  it('grants a recent-menu click only for a path that is in the recent list', async () => {
    const ipc = createIpcHandlers(deps());
    await ipc.loadRecent();
    expect(ipc.grantRecentChoice(join(labDir, 'never-opened.v6lab.yaml'))).toBe(false);
    expect(await ipc.handlers['lab:open']({ path: join(labDir, 'never-opened.v6lab.yaml') })).toMatchObject({ kind: 'failed' });
  });

  it('"Save as" writes where the dialog says, adding the lab extension, then "Save" reuses that path', async () => {
    saveAnswer = join(labDir, 'new-lab');
    const ipc = createIpcHandlers(deps());
    const saved = await ipc.handlers['lab:save']({ path: null, text: 'one' });
    const path = join(labDir, 'new-lab.v6lab.yaml');
    expect(saved).toEqual({ kind: 'saved', path, documentId: expect.any(String) });
    // One file, one document id.
    expect(await ipc.handlers['lab:save']({ path, text: 'two' })).toEqual(saved);
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(ipc.recentFiles()).toEqual([path]);
  });

  it('writes, recovers and clears the autosave', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
    expect(await ipc.handlers['autosave:write']({ text: 'unsaved work', documentId: null })).toEqual({ kind: 'written', savedAtMs: 1_750_000_000_000 });
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'found', text: 'unsaved work', savedAtMs: 1_750_000_000_000, sourcePath: null, documentId: null });
    await ipc.handlers['autosave:clear'](null);
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
  });

  it('a recovered autosave may be saved back to the file it came from (main remembered the path)', async () => {
    const source = join(labDir, 'from-last-run.v6lab.yaml');
    saveAnswer = source;
    const first = createIpcHandlers(deps());
    const saved = await first.handlers['lab:save']({ path: null, text: 'saved' });
    if (saved.kind !== 'saved') throw new Error('expected a save');
    await first.handlers['autosave:write']({ text: 'recovered', documentId: saved.documentId });
    const second = createIpcHandlers(deps());
    const recovered = await second.handlers['autosave:read'](null);
    expect(recovered).toMatchObject({ kind: 'found', text: 'recovered', sourcePath: source, documentId: expect.any(String) });
    expect(await second.handlers['lab:save']({ path: source, text: 'recovered' })).toMatchObject({ kind: 'saved', path: source });
  });

  it('autosave:write refuses a document id main never handed out, and writes nothing', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['autosave:write']({ text: 'x', documentId: 'made-up' })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/"made-up" is not a document this app opened or saved/) });
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
  });

  it('a failed autosave write comes back as a failed value (the renderer retries it)', async () => {
    // The autosave folder's place is taken by a file, so the write cannot create it.
    await writeFile(join(userDataDir, 'autosave'), 'not a folder');
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['autosave:write']({ text: 'x', documentId: null })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/EEXIST|ENOTDIR/) });
  });

  it('a damaged autosave is moved aside and reported with where it is, never deleted', async () => {
    const dir = join(userDataDir, 'autosave');
    await mkdir(dir);
    await writeFile(join(dir, 'autosave.v6lab.json'), '{"format":"v6lab-autosave/2","text":"half a l');
    const ipc = createIpcHandlers(deps());
    const reply = await ipc.handlers['autosave:read'](null);
    const keptAt = join(dir, 'autosave.damaged-1750000000000.v6lab.json');
    expect(reply).toEqual({ kind: 'damaged', message: expect.stringMatching(/autosave\.v6lab\.json: not valid JSON/), keptAt });
    expect(await readFile(keptAt, 'utf8')).toBe('{"format":"v6lab-autosave/2","text":"half a l');
    // The slot is free again: the next autosave cannot overwrite the damaged one.
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
    await ipc.handlers['autosave:write']({ text: 'new', documentId: null });
    expect(await readFile(keptAt, 'utf8')).toBe('{"format":"v6lab-autosave/2","text":"half a l');
  });

  it('keeps a recovery offered at start before this run\'s first autosave replaces it (the offer may have been closed unanswered)', async () => {
    const first = createIpcHandlers(deps());
    await first.handlers['autosave:write']({ text: 'work from the killed run', documentId: null });
    const second = createIpcHandlers(deps());
    expect(await second.handlers['autosave:read'](null)).toMatchObject({ kind: 'found', text: 'work from the killed run' });
    await second.handlers['autosave:write']({ text: 'a new edit', documentId: null });
    const kept = JSON.parse(await readFile(join(userDataDir, 'autosave', 'autosave.offered-1750000000000.v6lab.json'), 'utf8')) as { text: string };
    expect(kept.text).toBe('work from the killed run');
    expect(await second.handlers['autosave:read'](null)).toMatchObject({ kind: 'found', text: 'a new edit' });
  });

  it('a discarded recovery is not kept: the user answered', async () => {
    const first = createIpcHandlers(deps());
    await first.handlers['autosave:write']({ text: 'unwanted', documentId: null });
    const second = createIpcHandlers(deps());
    await second.handlers['autosave:read'](null);
    await second.handlers['autosave:clear'](null);
    await second.handlers['autosave:write']({ text: 'a new edit', documentId: null });
    expect(await readdir(join(userDataDir, 'autosave'))).toEqual(['autosave.v6lab.json']);
  });

  it('runs autosave requests in the order they arrive: a clear sent after a write wins', async () => {
    const ipc = createIpcHandlers(deps());
    const write = ipc.handlers['autosave:write']({ text: 'x'.repeat(1_000_000), documentId: null });
    const clear = ipc.handlers['autosave:clear'](null);
    await Promise.all([write, clear]);
    expect(await ipc.handlers['autosave:read'](null)).toEqual({ kind: 'none' });
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

/** The smallest pcapng start: a Section Header Block's type (0x0A0D0D0A) and some bytes. */
const pcapng = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a]);

describe('exports (capture:save, text:save)', () => {
  it('capture:save asks with the suggested name, writes the bytes where the dialog says (adding .pcapng)', async () => {
    exportAnswer = join(labDir, 'r1-g0-0');
    const ipc = createIpcHandlers(deps());
    const path = join(labDir, 'r1-g0-0.pcapng');
    expect(await ipc.handlers['capture:save']({ fileName: 'R1-Gi0-0.pcapng', bytes: pcapng })).toEqual({ kind: 'saved', path });
    expect(exportAsked).toEqual([['R1-Gi0-0.pcapng', 'capture']]);
    expect(new Uint8Array(await readFile(path))).toEqual(pcapng);
  });

  it('a canceled dialog writes nothing and says so', async () => {
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['capture:save']({ fileName: 'a.pcapng', bytes: pcapng })).toEqual({ kind: 'canceled' });
    expect(await ipc.handlers['text:save']({ fileName: 'a.progress.yaml', text: 'x' })).toEqual({ kind: 'canceled' });
  });

  it('a write that fails (missing folder) comes back as a failed value naming the path', async () => {
    exportAnswer = join(labDir, 'no-such-folder', 'c.pcapng');
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['capture:save']({ fileName: 'c.pcapng', bytes: pcapng })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/could not save .*no-such-folder.*ENOENT/) });
  });

  it('text:save writes the text atomically, replacing an older file', async () => {
    const path = join(labDir, 'module2.progress.yaml');
    await writeFile(path, 'old');
    exportAnswer = path;
    const ipc = createIpcHandlers(deps());
    expect(await ipc.handlers['text:save']({ fileName: 'module2.progress.yaml', text: 'scenario: module2\n' })).toEqual({ kind: 'saved', path });
    expect(exportAsked).toEqual([['module2.progress.yaml', 'text']]);
    expect(await readFile(path, 'utf8')).toBe('scenario: module2\n');
  });

  it('an exported path is not granted: lab:save cannot later write there without a dialog', async () => {
    exportAnswer = join(labDir, 'p.progress.yaml');
    const ipc = createIpcHandlers(deps());
    await ipc.handlers['text:save']({ fileName: 'p.progress.yaml', text: 'x' });
    expect(await ipc.handlers['lab:save']({ path: exportAnswer, text: 'y' })).toMatchObject({ kind: 'failed' });
    expect(await readFile(exportAnswer, 'utf8')).toBe('x');
  });

  it('withExportExtension completes bare names from the suggestion; captures always end in .pcapng', () => {
    expect(withExportExtension('/a/cap', 'x.pcapng', 'capture')).toBe('/a/cap.pcapng');
    expect(withExportExtension('/a/cap.PCAPNG', 'x.pcapng', 'capture')).toBe('/a/cap.PCAPNG');
    expect(withExportExtension('/a/cap.txt', 'x.pcapng', 'capture')).toBe('/a/cap.txt.pcapng');
    expect(withExportExtension('/a/work', 'm.progress.yaml', 'text')).toBe('/a/work.yaml');
    expect(withExportExtension('/a/work.txt', 'm.progress.yaml', 'text')).toBe('/a/work.txt');
  });

  it('the gate refuses a capture that is not pcapng before any dialog opens', async () => {
    const ipc = createIpcHandlers(deps());
    await expect(handleIpcRequest('capture:save', ourPage, { fileName: 'a.pcapng', bytes: new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1]) }, trusted, ipc.handlers)).rejects.toThrow(
      /capture:save: invalid request: bytes: must start with a pcapng Section Header Block/,
    );
    expect(exportAsked).toEqual([]);
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
