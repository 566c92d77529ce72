/**
 * The `app://v6lab/` protocol the renderer is served from, instead of file: URLs (Electron's
 * security checklist, "avoid usage of the file protocol and prefer usage of custom
 * protocols"). The scheme is registered as standard and secure, so the page has a real origin
 * (`app://v6lab`, what CSP's 'self' and the IPC sender check compare against), and the handler
 * answers only with files inside the app's own renderer folder: any other host, a path that
 * leaves the folder (`..`, encoded `%2e%2e` or `%2f`, a backslash, NUL, a symbolic link
 * pointing out), a folder, or a method other than GET/HEAD is refused with a status code.
 * Every response carries the app's Content-Security-Policy and `nosniff`.
 *
 * Written against a `readFile` and `realpath` it is given, so tests run it on a temporary
 * folder in Node; main.ts registers it with Electron's protocol.handle.
 *
 * Leaves out: range requests and caching headers (local files, read whole; the largest is the
 * ~1 MB main bundle).
 */
import * as fsPromises from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'v6lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page main loads; the only URL whose frames may use IPC. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * What protocol.registerSchemesAsPrivileged grants the scheme: a standard URL with an origin,
 * treated as secure, usable by fetch() (module workers and scripts are fetched that way), with
 * V8 code caching. No CORS to other origins, no service workers, no CSP bypass.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppUrlResolution =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Maps an `app://v6lab/…` URL to a file path under `rootDir`, or says why not. Pure: it does
 * not look at the disk (the handler also checks the real path after symbolic links).
 */
export function resolveAppUrl(url: string, rootDir: string): AppUrlResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: `not a URL: ${url}` };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403, reason: `not this app's origin: ${parsed.origin}` };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: `malformed escape in ${parsed.pathname}` };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: `NUL or backslash in ${JSON.stringify(pathname)}` };
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 403, reason: `path leaves the app folder: ${pathname}` };
  if (segments.length === 0) segments.push('index.html');
  const path = join(rootDir, ...segments);
  if (!isInside(rootDir, path)) return { ok: false, status: 403, reason: `path leaves the app folder: ${pathname}` };
  return { ok: true, path };
}

export interface AppProtocolIo {
  readFile(path: string): Promise<Uint8Array>;
  /** The path with symbolic links resolved (fs.realpath). */
  realpath(path: string): Promise<string>;
}

const nodeIo: AppProtocolIo = {
  readFile: (path) => fsPromises.readFile(path),
  realpath: (path) => fsPromises.realpath(path),
};

function refusal(status: number, reason: string): Response {
  return new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The handler for protocol.handle(APP_SCHEME, …): files of `rootDir` and nothing else. */
export function createAppProtocolHandler(rootDir: string, io: AppProtocolIo = nodeIo): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, `${request.method} is not allowed`);
    const resolved = resolveAppUrl(request.url, rootDir);
    if (!resolved.ok) return refusal(resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      const realRoot = await io.realpath(rootDir);
      const realPath = await io.realpath(resolved.path);
      // A symbolic link inside the folder must not lead out of it.
      if (!isInside(realRoot, realPath)) return refusal(403, 'path leaves the app folder');
      body = await io.readFile(realPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refusal(404, code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 'not found' : `cannot read: ${code ?? 'error'}`);
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(resolved.path),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
