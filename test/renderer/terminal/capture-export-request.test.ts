import { afterEach, describe, expect, it } from 'vitest';
import type { SaveFileReply } from '../../../electron/ipc-contract';
import { chooseCaptureExportDevice, onCaptureExportRequest, requestCaptureExport, takeCaptureExportRequest } from '../../../renderer/terminal/capture-export-request';
import { saveCaptureFile } from '../../../renderer/terminal/save-capture';

const global = globalThis as Record<string, unknown>;

afterEach(() => {
  delete global.v6lab;
  takeCaptureExportRequest('R1');
  takeCaptureExportRequest('PC1');
});

describe('File › Export capture reaches the console dock', () => {
  it('exports the active console\'s device, else the first selected device, else none', () => {
    expect(chooseCaptureExportDevice('R1', ['PC1'])).toBe('R1');
    expect(chooseCaptureExportDevice(null, ['PC1', 'PC2'])).toBe('PC1');
    expect(chooseCaptureExportDevice(null, [])).toBeNull();
  });

  it('the shown device\'s chooser hears the request and consumes it once', () => {
    const heard: boolean[] = [];
    const stop = onCaptureExportRequest(() => heard.push(takeCaptureExportRequest('R1')));
    requestCaptureExport('R1');
    expect(heard).toEqual([true]);
    expect(takeCaptureExportRequest('R1')).toBe(false);
    stop();
    requestCaptureExport('R1');
    expect(heard).toEqual([true]);
  });

  it('a request for a console not shown yet waits until that device mounts; another device does not take it', () => {
    requestCaptureExport('PC1');
    expect(takeCaptureExportRequest('R1')).toBe(false);
    expect(takeCaptureExportRequest('PC1')).toBe(true);
  });

  it('a newer request replaces an older one', () => {
    requestCaptureExport('PC1');
    requestCaptureExport('R1');
    expect(takeCaptureExportRequest('PC1')).toBe(false);
    expect(takeCaptureExportRequest('R1')).toBe(true);
  });
});

describe('saveCaptureFile on the desktop (capture:save)', () => {
  function fakeDesktop(reply: SaveFileReply): [string, Uint8Array][] {
    const calls: [string, Uint8Array][] = [];
    global.v6lab = {
      saveCapture: async (fileName: string, bytes: Uint8Array) => {
        calls.push([fileName, bytes]);
        return reply;
      },
    };
    return calls;
  }
  const bytes = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a]);

  it('sends the name and bytes to the preload; saved and canceled come back as values', async () => {
    const calls = fakeDesktop({ kind: 'saved', path: '/tmp/R1-Gi0-0.pcapng' });
    expect(await saveCaptureFile('R1-Gi0-0.pcapng', bytes)).toBe('saved');
    expect(calls).toEqual([['R1-Gi0-0.pcapng', bytes]]);
    fakeDesktop({ kind: 'canceled' });
    expect(await saveCaptureFile('R1-Gi0-0.pcapng', bytes)).toBe('canceled');
  });

  it('a failed save throws with main\'s message', async () => {
    fakeDesktop({ kind: 'failed', message: 'could not save /x.pcapng: ENOSPC' });
    await expect(saveCaptureFile('x.pcapng', bytes)).rejects.toThrow(/ENOSPC/);
  });
});
