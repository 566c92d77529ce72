/**
 * Saving a capture file: the desktop shell's binary save when its preload offers one
 * (`saveCapture(fileName, bytes)`), else a browser download of a Blob (the e2e runs, a plain
 * browser). The preload may be older than the page, so the function is looked up, not assumed.
 * A failed desktop save throws with main's message; a canceled dialog returns 'canceled'.
 */
import type { SaveFileReply } from '../../electron/ipc-contract';
import { getDesktopApi } from '../platform/desktop-api';

interface CaptureSaver {
  saveCapture(fileName: string, bytes: Uint8Array): Promise<SaveFileReply>;
}

function desktopSaver(): CaptureSaver | undefined {
  const api = getDesktopApi() as unknown as Partial<CaptureSaver> | undefined;
  return typeof api?.saveCapture === 'function' ? (api as CaptureSaver) : undefined;
}

export async function saveCaptureFile(fileName: string, bytes: Uint8Array): Promise<'saved' | 'canceled'> {
  const desktop = desktopSaver();
  if (desktop) {
    const reply = await desktop.saveCapture(fileName, bytes);
    if (reply.kind === 'failed') throw new Error(reply.message);
    return reply.kind;
  }
  const blob = new Blob([bytes.slice().buffer], { type: 'application/vnd.tcpdump.pcap' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'saved';
}
