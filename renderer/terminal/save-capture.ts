/**
 * Saving a capture file: the desktop shell's binary save when its preload offers one
 * (`saveCapture(fileName, bytes)`), else a browser download of a Blob (the e2e runs, a plain
 * browser). The shell's contract has no binary save yet, so it is looked up, not assumed.
 */
import { getDesktopApi } from '../platform/desktop-api';

interface CaptureSaver {
  saveCapture(fileName: string, bytes: Uint8Array): Promise<unknown>;
}

function desktopSaver(): CaptureSaver | undefined {
  const api = getDesktopApi() as unknown as Partial<CaptureSaver> | undefined;
  return typeof api?.saveCapture === 'function' ? (api as CaptureSaver) : undefined;
}

export async function saveCaptureFile(fileName: string, bytes: Uint8Array): Promise<void> {
  const desktop = desktopSaver();
  if (desktop) {
    await desktop.saveCapture(fileName, bytes);
    return;
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
}
