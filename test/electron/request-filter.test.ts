import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl } from '../../electron/request-filter';

describe('session request filter (nothing reaches the network or the disk)', () => {
  it('allows the app\'s own origin and in-memory URLs', () => {
    for (const url of ['app://v6lab/index.html', 'app://v6lab/assets/index-abc.js', 'blob:app://v6lab/1234', 'data:image/png;base64,AAAA']) {
      expect(isAllowedRequestUrl(url, { isDev: false }), url).toBe(true);
    }
  });

  it('cancels file: URLs: the renderer is served from app://, a page cannot read the disk', () => {
    for (const url of ['file:///opt/V6Lab/dist/renderer/index.html', 'file:///etc/passwd', 'file://server/share/x']) {
      expect(isAllowedRequestUrl(url, { isDev: false }), url).toBe(false);
      expect(isAllowedRequestUrl(url, { isDev: true }), url).toBe(false);
    }
  });

  it('cancels another host on the app scheme', () => {
    for (const url of ['app://evil/index.html', 'app://v6lab.evil/index.html', 'app:///etc/passwd']) {
      expect(isAllowedRequestUrl(url, { isDev: true }), url).toBe(false);
    }
  });

  it('cancels every network scheme, in development too', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'ws://localhost/', 'ftp://x/']) {
      expect(isAllowedRequestUrl(url, { isDev: false })).toBe(false);
      expect(isAllowedRequestUrl(url, { isDev: true })).toBe(false);
    }
  });

  it('allows devtools only in development', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { isDev: true })).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { isDev: false })).toBe(false);
  });

  it('refuses what does not parse', () => {
    expect(isAllowedRequestUrl('::::', { isDev: true })).toBe(false);
  });
});
