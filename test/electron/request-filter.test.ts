import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl } from '../../electron/request-filter';

describe('session request filter (nothing reaches the network)', () => {
  it('allows the app files and in-memory URLs', () => {
    for (const url of ['file:///opt/V6Lab/dist/renderer/index.html', 'blob:file:///1234', 'data:image/png;base64,AAAA']) {
      expect(isAllowedRequestUrl(url, { isDev: false })).toBe(true);
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
