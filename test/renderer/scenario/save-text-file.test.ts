import { afterEach, describe, expect, it } from 'vitest';
import type { SaveFileReply } from '../../../electron/ipc-contract';
import { saveTextFile } from '../../../renderer/scenario/save-text-file';

const global = globalThis as Record<string, unknown>;

function fakeDesktop(reply: SaveFileReply): [string, string][] {
  const calls: [string, string][] = [];
  global.v6lab = {
    saveText: async (fileName: string, text: string) => {
      calls.push([fileName, text]);
      return reply;
    },
  };
  return calls;
}

afterEach(() => {
  delete global.v6lab;
});

describe('Save my work on the desktop (text:save, not a Blob download Electron ignores)', () => {
  it('hands the suggested name and the text to the preload and reports where it went', async () => {
    const calls = fakeDesktop({ kind: 'saved', path: '/home/hv/m2.progress.yaml' });
    expect(await saveTextFile('module2.progress.yaml', 'scenario: module2\n')).toBe('saved');
    expect(calls).toEqual([['module2.progress.yaml', 'scenario: module2\n']]);
  });

  it('a canceled dialog is not an error', async () => {
    fakeDesktop({ kind: 'canceled' });
    expect(await saveTextFile('a.progress.yaml', 'x')).toBe('canceled');
  });

  it('a failed save throws with main\'s message (the pane shows it)', async () => {
    fakeDesktop({ kind: 'failed', message: 'could not save /ro/a.yaml: EACCES' });
    await expect(saveTextFile('a.progress.yaml', 'x')).rejects.toThrow('could not save /ro/a.yaml: EACCES');
  });
});
