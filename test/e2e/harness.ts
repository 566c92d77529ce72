/**
 * The end-to-end harness: build the renderer once (Vite's build API, the app's own config),
 * serve it from a tiny HTTP server on 127.0.0.1 with the app's Content-Security-Policy header,
 * open it in headless Chromium (playwright-core, a fresh profile each launch), watch for console
 * errors and requests to other origins, and save screenshots under test-artifacts/e2e/.
 *
 * Chromium is the system one (/usr/bin/chromium): tests get its path from chromiumPath() in
 * test/helpers/external-tools.ts and skip (or fail in CI) when it is absent.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/content-security-policy';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-artifacts', 'e2e');

/** The Chromium flags for a quiet, offline, headless run in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** 1280×800: the smallest screen the app is designed for. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

let rendererBuild: Promise<string> | undefined;

/**
 * Builds the renderer into a temporary folder, once per test process; later calls return the
 * same folder. Set V6LAB_E2E_RENDERER_DIR to a built dist/renderer to skip the build.
 */
export function buildRendererOnce(): Promise<string> {
  const prebuilt = process.env.V6LAB_E2E_RENDERER_DIR;
  if (prebuilt) return Promise.resolve(resolve(prebuilt));
  rendererBuild ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'v6lab-e2e-renderer-'));
    await build({
      configFile: join(REPO_ROOT, 'vite.renderer.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    return outDir;
  })();
  return rendererBuild;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** The page URL, e.g. http://127.0.0.1:41234/index.html */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `rootDir` read-only on 127.0.0.1 at a random port, with the app's CSP header. */
export async function serveDirectory(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
      const filePath = normalize(join(root, relative));
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      if (filePath !== root && !filePath.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(filePath)).isFile()) throw new Error('not a file');
        const body = await readFile(filePath);
        response.writeHead(200, {
          'Content-Type': contentTypes[extname(filePath)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
          'Cache-Control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serveDirectory: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/index.html`,
    origin,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** console.error messages, uncaught page errors and failed requests, in order. */
  readonly errors: string[];
  /** Every request the page made that `isAllowedUrl` refused (data:/blob: always pass). */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

/** Allows the URLs of one origin (the test server's). */
export function sameOriginAs(origin: string): (url: string) => boolean {
  return (url) => new URL(url).origin === origin;
}

/** Allows file:// URLs inside one folder (the built renderer opened from disk). */
export function insideFolder(folder: string): (url: string) => boolean {
  const root = resolve(folder);
  return (url) => {
    if (!url.startsWith('file:')) return false;
    const path = normalize(fileURLToPath(url));
    return path === root || path.startsWith(root + sep);
  };
}

/**
 * Launches headless Chromium with a fresh profile and one page watching errors and requests.
 * `isAllowedUrl` says which requests are the app's own; every other one is recorded.
 */
export async function launchChromium(executablePath: string, isAllowedUrl: (url: string) => boolean, extraArgs: readonly string[] = []): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'v6lab-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    offline: false,
  });
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!isAllowedUrl(url)) foreignRequests.push(url);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  context.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url || 'no location'})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    context,
    page,
    errors,
    foreignRequests,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-window screenshot to test-artifacts/e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  return path;
}

export interface AppUnderTest extends BrowserSession {
  readonly server: StaticServer;
}

/** Everything at once: build (once), serve, launch, open the app and wait for its first frame. */
export async function openApp(executablePath: string): Promise<AppUnderTest> {
  const server = await serveDirectory(await buildRendererOnce());
  const session = await launchChromium(executablePath, sameOriginAs(server.origin));
  await session.page.goto(server.url, { waitUntil: 'load' });
  await session.page.getByTestId('app-title').waitFor();
  return {
    ...session,
    server,
    close: async () => {
      await session.close();
      await server.close();
    },
  };
}

/**
 * Opens the built renderer from file://: no server, so no CSP header, only the meta tag, and
 * no origin of its own (the page must not depend on where it is served from; Electron serves
 * it from app://v6lab/, see app-protocol.test.ts). Plain Chromium refuses module scripts
 * between file:// URLs, so this launch adds --allow-file-access-from-files.
 */
export async function openAppFromFile(executablePath: string): Promise<BrowserSession> {
  const rendererDir = await buildRendererOnce();
  const session = await launchChromium(executablePath, insideFolder(rendererDir), ['--allow-file-access-from-files']);
  await session.page.goto(pathToFileURL(join(rendererDir, 'index.html')).href, { waitUntil: 'load' });
  await session.page.getByTestId('app-title').waitFor();
  return session;
}
