import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL } from '../../electron/app-protocol';
import { isTrustedSender, type TrustedSenders } from '../../electron/ipc-sender';

const trusted: TrustedSenders = { webContentsIds: new Set([3]), appPageUrl: APP_PAGE_URL };

describe('IPC sender check', () => {
  it('trusts the top frame of our window showing our page (query and hash ignored)', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: trusted.appPageUrl, isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: `${trusted.appPageUrl}?lang=en#lab`, isMainFrame: true }, trusted)).toBe(true);
  });

  it('ignores a webContents main did not create', () => {
    expect(isTrustedSender({ webContentsId: 4, frameUrl: trusted.appPageUrl, isMainFrame: true }, trusted)).toBe(false);
  });

  it('ignores our window once it shows another page', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'https://example.com/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'file:///tmp/evil.html', isMainFrame: true }, trusted)).toBe(false);
    // Another page of our own origin, or the same path on another host, is not the app page.
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'app://v6lab/assets/other.html', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'app://evil/index.html', isMainFrame: true }, trusted)).toBe(false);
  });

  it('ignores sub-frames and frames that are gone', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: trusted.appPageUrl, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: null, isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'not a url', isMainFrame: true }, trusted)).toBe(false);
  });
});
