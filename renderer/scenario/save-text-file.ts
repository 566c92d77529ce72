/**
 * "Save my work" writes the progress file `v6lab grade` takes: through the desktop shell's save
 * dialog when its preload offers one (`saveText`, electron's text:save channel; Electron does
 * not handle Blob downloads), else as a browser download.
 */
import { getDesktopApi } from '../platform/desktop-api';

/** Saves `text` as `fileName` (suggested); a failed desktop save throws with main's message. */
export async function saveTextFile(fileName: string, text: string): Promise<'saved' | 'canceled'> {
  const desktop = getDesktopApi();
  if (typeof desktop?.saveText === 'function') {
    const reply = await desktop.saveText(fileName, text);
    if (reply.kind === 'failed') throw new Error(reply.message);
    return reply.kind;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return 'saved';
}
