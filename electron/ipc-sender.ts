/**
 * Which IPC senders main listens to: only the top frame of a window main created, showing the
 * app's own page. Anything else (a frame that navigated away, an iframe, a webContents main
 * did not create) is ignored, as in Electron Fiddle's ipc-events and Electron's security
 * checklist ("validate the sender of all IPC messages").
 */

export interface IpcSenderFacts {
  /** webContents.id of the sender. */
  readonly webContentsId: number;
  /** URL of event.senderFrame, or null when the frame is gone. */
  readonly frameUrl: string | null;
  /** True when the sending frame is the top frame (senderFrame.parent === null). */
  readonly isMainFrame: boolean;
}

export interface TrustedSenders {
  readonly webContentsIds: ReadonlySet<number>;
  /** The URL of the app page (app://v6lab/index.html, APP_PAGE_URL), compared without query/hash. */
  readonly appPageUrl: string;
}

function withoutQueryAndHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: IpcSenderFacts, trusted: TrustedSenders): boolean {
  if (!trusted.webContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  const page = withoutQueryAndHash(sender.frameUrl);
  return page !== null && page === withoutQueryAndHash(trusted.appPageUrl);
}
