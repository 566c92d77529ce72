/**
 * A compromised renderer against main's real IPC gate (handleIpcRequest over createIpcHandlers)
 * in a temporary "home": every channel gets hostile payloads (paths of files the user never
 * chose, traversal, relative and URL forms, NUL tricks, forged document ids, prototype keys,
 * wrong types, extra fields) and then seeded random ones. The user's choices are fixed: the
 * open dialog answers `chosen.v6lab.yaml`, the save dialog `saved-by-user`, the export dialog
 * `export-by-user.*`. Afterwards every other file is byte-for-byte and mtime unchanged, no new
 * file appeared outside the user's choices and main's own folder, and no reply or refusal
 * carries a byte of a file the user did not choose.
 */
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNELS, type IpcInvokeChannel } from '../../electron/ipc-contract';
import { createIpcHandlers, handleIpcRequest, IpcRequestRefused, type IpcHandlerSet } from '../../electron/ipc-handlers';
import type { IpcSenderFacts, TrustedSenders } from '../../electron/ipc-sender';

const appPageUrl = 'app://v6lab/index.html';
const trusted: TrustedSenders = { webContentsIds: new Set([1]), appPageUrl };
const ourPage: IpcSenderFacts = { webContentsId: 1, frameUrl: appPageUrl, isMainFrame: true };
const SECRETS = ['SECRET-BASHRC', 'SECRET-PASSWD', 'SECRET-RECENT-NOT-CLICKED', 'SECRET-SSH'];

let root: string;
let home: string;
let userData: string;
let paths: { bashrc: string; passwd: string; sshKey: string; chosen: string; recentNotClicked: string; savedByUser: string };
let ipc: IpcHandlerSet;
let replies: string[];

interface FileFacts {
  readonly bytes: string;
  readonly mtimeMs: number;
}

async function snapshot(dir: string): Promise<Map<string, FileFacts>> {
  const files = new Map<string, FileFacts>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), { bytes: (await readFile(path)).toString('base64'), mtimeMs: (await stat(path)).mtimeMs });
  }
  return files;
}

/** Sends one request as our own page would, recording what came back (reply or refusal). */
async function send(channel: string, payload: unknown, sender: IpcSenderFacts = ourPage): Promise<unknown> {
  try {
    const reply = await handleIpcRequest(channel as IpcInvokeChannel, sender, payload, trusted, ipc.handlers);
    replies.push(JSON.stringify(reply) ?? 'undefined');
    return reply;
  } catch (error) {
    // The gate refuses with IpcRequestRefused; anything else thrown would be a bug in a handler.
    expect(error, `${channel} ${String(JSON.stringify(payload)).slice(0, 200)}`).toBeInstanceOf(IpcRequestRefused);
    replies.push((error as Error).message);
    return error;
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'v6lab-hostile-'));
  home = join(root, 'home');
  userData = join(root, 'userdata');
  await mkdir(join(home, '.ssh'), { recursive: true });
  await mkdir(join(root, 'etc'));
  await mkdir(userData);
  paths = {
    bashrc: join(home, '.bashrc'),
    passwd: join(root, 'etc', 'passwd'),
    sshKey: join(home, '.ssh', 'id_ed25519'),
    chosen: join(home, 'chosen.v6lab.yaml'),
    recentNotClicked: join(home, 'recent.v6lab.yaml'),
    savedByUser: join(home, 'saved-by-user.v6lab.yaml'),
  };
  await writeFile(paths.bashrc, 'export PS1=SECRET-BASHRC\n');
  await writeFile(paths.passwd, 'root:x:0:0:SECRET-PASSWD\n');
  await writeFile(paths.sshKey, 'SECRET-SSH\n');
  await writeFile(paths.chosen, 'devices: [] # the lab the user opened\n');
  await writeFile(paths.recentNotClicked, 'SECRET-RECENT-NOT-CLICKED\n');
  // In the recent list (an earlier run), but the user does not click it in this one.
  await writeFile(join(userData, 'recent-files.json'), JSON.stringify([paths.recentNotClicked]));
  ipc = createIpcHandlers({
    appInfo: { name: 'V6Lab', version: '0.1.0', platform: 'linux', electronVersion: '45.5.0' },
    userDataDir: userData,
    chooseOpenPath: async () => paths.chosen,
    chooseSavePath: async () => join(home, 'saved-by-user'),
    chooseExportPath: async (_name, kind) => join(home, kind === 'capture' ? 'export-by-user.pcapng' : 'export-by-user.txt'),
    nowMs: () => 1_750_000_000_000,
    onLanguageChanged: () => undefined,
    onRecentFilesChanged: () => undefined,
  });
  await ipc.loadRecent();
  replies = [];
});

/** Paths of files the user did not choose, spelled every way a page might try. */
function hostilePaths(): unknown[] {
  const { bashrc, passwd, sshKey, chosen, recentNotClicked } = paths;
  return [
    bashrc,
    passwd,
    sshKey,
    recentNotClicked,
    `${chosen}/../.bashrc`,
    join(home, '.', '.bashrc'),
    join(home, 'x', '..', '.bashrc'),
    `${home}//.bashrc`,
    '../.bashrc',
    '.bashrc',
    '~/.bashrc',
    `file://${bashrc}`,
    `${bashrc}\0.v6lab.yaml`,
    `${bashrc}\n`,
    ` ${bashrc}`,
    chosen.toUpperCase(),
    `${chosen}.bak`,
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    '\\\\server\\share\\lab.v6lab.yaml',
    '/'.repeat(5000),
    `${home}/${'a/'.repeat(3000)}`,
    '',
    42,
    true,
    {},
    [],
    [bashrc],
    { toString: () => bashrc },
    Object.create(null),
  ];
}

function hostileDocumentIds(): unknown[] {
  return ['x', '__proto__', 'constructor', 'toString', 'hasOwnProperty', paths.bashrc, paths.chosen, '00000000-0000-0000-0000-000000000000', '', 'a'.repeat(65), 7, {}, [], true];
}

const pcapng = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0]);

function hostilePayloads(channel: IpcInvokeChannel): unknown[] {
  const common: unknown[] = [undefined, null, 0, 'x', [], {}, { __proto__: { path: paths.bashrc } }, JSON.parse('{"__proto__":{"path":"/etc/passwd"}}')];
  const hostileFileNames: unknown[] = ['../.bashrc', paths.bashrc, '..', '.', 'a/b.pcapng', 'a\\b.pcapng', `x\0.pcapng`, '../../.bashrc.pcapng', ' ', 'x'.repeat(300), 5];
  switch (channel) {
    case 'app:get-info':
    case 'autosave:read':
    case 'autosave:clear':
      return [...common, { path: paths.bashrc }, { sourcePath: paths.bashrc }];
    case 'app:set-language':
      return [...common, { language: 'de' }, { language: paths.bashrc }, { language: 'en', path: paths.bashrc }];
    case 'lab:open':
      return [...common, ...hostilePaths().map((path) => ({ path })), { path: paths.bashrc, force: true }, { path: null, then: paths.bashrc }];
    case 'lab:save':
      return [
        ...common,
        ...hostilePaths().map((path) => ({ path, text: 'pwned' })),
        { path: paths.chosen, text: 'ok', alsoWrite: paths.bashrc },
        { path: paths.bashrc, text: 5 },
      ];
    case 'autosave:write':
      return [
        ...common,
        ...hostileDocumentIds().map((documentId) => ({ text: 'pwned', documentId })),
        ...hostilePaths().map((sourcePath) => ({ text: 'pwned', sourcePath })),
        ...hostilePaths().map((sourcePath) => ({ text: 'pwned', documentId: null, sourcePath })),
      ];
    case 'capture:save':
      return [...common, ...hostileFileNames.map((fileName) => ({ fileName, bytes: pcapng })), { fileName: 'a.pcapng', bytes: pcapng, path: paths.bashrc }, { fileName: 'a.pcapng', bytes: [10, 13, 13, 10] }];
    case 'text:save':
      return [...common, ...hostileFileNames.map((fileName) => ({ fileName, text: 'pwned' })), { fileName: 'a.txt', text: 'pwned', path: paths.bashrc }];
  }
}

/** What may differ afterwards: the user's choices and main's own folder. */
function mayChange(relativePath: string): boolean {
  return (
    relativePath.startsWith(`userdata/`) ||
    relativePath === 'home/saved-by-user.v6lab.yaml' ||
    relativePath === 'home/export-by-user.pcapng' ||
    relativePath === 'home/export-by-user.txt'
  );
}

async function expectOnlyUserChoicesTouched(before: Map<string, FileFacts>): Promise<void> {
  const after = await snapshot(root);
  for (const [path, facts] of before) {
    if (mayChange(path)) continue;
    expect(after.get(path), `${path} changed`).toEqual(facts);
  }
  const created = [...after.keys()].filter((path) => !before.has(path) && !mayChange(path));
  expect(created, 'files created outside the user\'s choices').toEqual([]);
  for (const reply of replies) for (const secret of SECRETS) expect(reply.includes(secret), `a reply carried ${secret}: ${reply.slice(0, 300)}`).toBe(false);
}

describe('every IPC channel against hostile payloads', () => {
  it('covers every channel of the contract', () => {
    for (const channel of IPC_INVOKE_CHANNELS) expect(hostilePayloads(channel).length, channel).toBeGreaterThan(5);
  });

  it('reads and writes nothing outside the user\'s choices, whatever the payload', async () => {
    const before = await snapshot(root);
    // The user opens a lab through the dialog, so a real document id and grant exist to abuse.
    const opened = (await send('lab:open', { path: null })) as { kind: string; documentId: string };
    expect(opened).toMatchObject({ kind: 'opened', path: paths.chosen });
    for (const channel of IPC_INVOKE_CHANNELS) {
      for (const payload of hostilePayloads(channel)) await send(channel, payload);
    }
    // Escalation through autosave (issue 17.1): write with each forged id or path, let main
    // read it back as a recovery, then try to open or save the file named.
    for (const documentId of hostileDocumentIds()) {
      await send('autosave:write', { text: 'pwned', documentId });
      await send('autosave:write', { text: 'pwned', sourcePath: documentId });
      await send('autosave:read', null);
      for (const path of [paths.bashrc, paths.passwd, paths.recentNotClicked, paths.sshKey]) {
        expect(await send('lab:save', { path, text: 'pwned' })).toMatchObject({ kind: 'failed' });
        expect(await send('lab:open', { path })).toMatchObject({ kind: 'failed' });
      }
    }
    await expectOnlyUserChoicesTouched(before);
    // The chosen file was only read; saving over it needs a save, which is allowed, and was not made.
    expect(await readFile(paths.chosen, 'utf8')).toBe('devices: [] # the lab the user opened\n');
  });

  it('a sender main did not create is refused on every channel before anything happens', async () => {
    const before = await snapshot(root);
    const foreign: IpcSenderFacts[] = [
      { webContentsId: 2, frameUrl: appPageUrl, isMainFrame: true },
      { webContentsId: 1, frameUrl: 'file:///tmp/evil.html', isMainFrame: true },
      { webContentsId: 1, frameUrl: 'app://v6lab.evil/index.html', isMainFrame: true },
      { webContentsId: 1, frameUrl: appPageUrl, isMainFrame: false },
      { webContentsId: 1, frameUrl: null, isMainFrame: true },
    ];
    for (const sender of foreign) {
      for (const channel of IPC_INVOKE_CHANNELS) {
        const result = await send(channel, channel === 'lab:open' || channel === 'lab:save' ? { path: null, text: 'x' } : null, sender);
        expect(result).toBeInstanceOf(IpcRequestRefused);
        expect((result as Error).message).toMatch(/did not create/);
      }
    }
    await expectOnlyUserChoicesTouched(before);
    expect(await readdir(join(userData))).toEqual(['recent-files.json']);
  });

  it('unknown channels, prototype names included, are refused', async () => {
    for (const channel of ['shell:open-external', '__proto__', 'constructor', 'toString', 'lab:open ', 'LAB:OPEN']) {
      const result = await send(channel, { path: paths.bashrc });
      expect(result, channel).toBeInstanceOf(IpcRequestRefused);
    }
  });

  it('seeded random payloads on every channel: refused or answered, never a file outside the choices', async () => {
    const before = await snapshot(root);
    await send('lab:open', { path: null });
    const pathLike = fc.constantFrom(...hostilePaths().filter((path): path is string => typeof path === 'string'));
    const field = fc.oneof(fc.anything(), pathLike, fc.string(), fc.constant(null));
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ path: field, text: field }, { requiredKeys: [] }),
      fc.record({ text: field, documentId: field, sourcePath: field }, { requiredKeys: [] }),
      fc.record({ fileName: field, bytes: fc.oneof(fc.uint8Array(), fc.constant(pcapng), field), text: field }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('path', 'text', 'documentId', 'language', '__proto__', 'constructor'), field),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_INVOKE_CHANNELS), payload, async (channel, value) => {
        await send(channel, value);
      }),
      { seed: 0x17_01, numRuns: 600 },
    );
    await expectOnlyUserChoicesTouched(before);
  });
});
