/**
 * A stand-in for a running app's main process, for the kill-and-recover test: the real IPC
 * handlers over a user-data folder, the user opening `labPath` through the (answered) open
 * dialog, then the renderer's autosave arriving after every edit until the process is killed.
 * Prints `written N` after each autosave that reached the disk.
 *
 * Usage: node --import tsx autosaving-main.ts <userDataDir> <labPath>
 */
import { createIpcHandlers, handleIpcRequest } from '../../../electron/ipc-handlers';

const [userDataDir, labPath] = process.argv.slice(2);
if (userDataDir === undefined || labPath === undefined) throw new Error('usage: autosaving-main.ts <userDataDir> <labPath>');

const page = 'app://v6lab/index.html';
const trusted = { webContentsIds: new Set([1]), appPageUrl: page };
const sender = { webContentsId: 1, frameUrl: page, isMainFrame: true };
const ipc = createIpcHandlers({
  appInfo: { name: 'V6Lab', version: '0.1.0', platform: process.platform, electronVersion: '' },
  userDataDir,
  chooseOpenPath: async () => labPath,
  chooseSavePath: async () => null,
  chooseExportPath: async () => null,
  nowMs: () => Date.now(),
  onLanguageChanged: () => undefined,
  onRecentFilesChanged: () => undefined,
});

const opened = await handleIpcRequest('lab:open', sender, { path: null }, trusted, ipc.handlers);
if (opened.kind !== 'opened') throw new Error(`open failed: ${JSON.stringify(opened)}`);
// A lab of some size, so that a kill can land in the middle of a write.
const padding = '  # '.concat('x'.repeat(200), '\n').repeat(2000);
for (let edit = 1; ; edit++) {
  const text = `${opened.text}# edit ${edit}\n${padding}# end of edit ${edit}\n`;
  const reply = await handleIpcRequest('autosave:write', sender, { text, documentId: opened.documentId }, trusted, ipc.handlers);
  if (reply.kind !== 'written') throw new Error(`autosave failed: ${reply.message}`);
  process.stdout.write(`written ${edit}\n`);
}
