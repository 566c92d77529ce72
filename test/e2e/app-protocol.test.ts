/**
 * The built renderer as Electron's app:// protocol serves it: every response comes from
 * electron/app-protocol.ts's handler (the one main registers), reached in Chromium through a
 * thin HTTP bridge that maps http://127.0.0.1:port/x to app://v6lab/x and hands back the
 * handler's status, headers and body unchanged. Plain Chromium cannot be given a custom
 * scheme, so this checks what the handler controls: MIME types good enough for module scripts
 * and the module worker, its CSP header, relative asset paths, and that the page boots without
 * errors or requests outside the origin.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, createAppProtocolHandler } from '../../electron/app-protocol';
import { chromiumPath } from '../helpers/external-tools';
import { buildRendererOnce, launchChromium, sameOriginAs, saveScreenshot, type BrowserSession } from './harness';

const chromium = chromiumPath();

describe.skipIf(!chromium)('renderer served by the app:// handler, in Chromium', () => {
  let session: BrowserSession;
  let origin: string;
  let closeServer: () => Promise<void>;
  const served: { path: string; status: number; type: string | null; csp: string | null }[] = [];

  beforeAll(async () => {
    const handle = createAppProtocolHandler(await buildRendererOnce());
    const server = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://bridge');
        const reply = await handle(new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, { method: request.method }));
        served.push({ path: url.pathname, status: reply.status, type: reply.headers.get('content-type'), csp: reply.headers.get('content-security-policy') });
        response.writeHead(reply.status, Object.fromEntries(reply.headers));
        response.end(Buffer.from(await reply.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    origin = `http://127.0.0.1:${address.port}`;
    closeServer = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
    session = await launchChromium(chromium!, sameOriginAs(origin));
    await session.page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    await session.page.getByTestId('app-title').waitFor();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await closeServer?.();
  });

  it('boots with its scripts, styles and simulation worker from the handler, the CSP on every response, no errors', async () => {
    const { page } = session;
    expect(await page.title()).toBe('V6Lab — Phòng thí nghiệm IPv6');
    expect(await page.locator('[data-testid="topology-canvas"] canvas').count()).toBeGreaterThan(0);
    // The simulation worker is a module worker: it loads only with a JavaScript MIME type.
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    await saveScreenshot(page, 'app-protocol-first-frame');
    expect(session.errors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
    expect(served.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(served.some((entry) => entry.path.endsWith('.js') && entry.type === 'text/javascript; charset=utf-8')).toBe(true);
    expect(served.some((entry) => entry.path.endsWith('.css') && entry.type === 'text/css; charset=utf-8')).toBe(true);
    for (const entry of served) expect(entry.csp, entry.path).toMatch(/^default-src 'self'.*frame-ancestors 'none'$/);
  });

  it('refuses a path out of the renderer folder through the same handler', async () => {
    const response = await session.page.request.get(`${origin}/%2e%2e/package.json`);
    expect(response.status()).toBeGreaterThanOrEqual(400);
  });
});
