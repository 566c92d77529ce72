/**
 * The app:// protocol handler on a temporary renderer folder: it serves the folder's files
 * with their MIME types and the CSP header, and refuses every way out of the folder
 * (traversal, encoded separators, NUL, backslashes, symbolic links), other hosts and methods.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeOf, resolveAppUrl } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/content-security-policy';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'v6lab-app-protocol-'));
  root = join(base, 'dist', 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>V6Lab</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(root, 'assets', 'sim-worker-def.js'), 'self.onmessage = () => {};');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'v6lab-mark.svg'), '<svg/>');
  await writeFile(join(base, 'dist', 'secret.txt'), 'SECRET beside the renderer folder');
  await writeFile(join(base, 'outside.txt'), 'SECRET outside');
  await symlink(join(base, 'outside.txt'), join(root, 'assets', 'link-out.js'));
  handle = createAppProtocolHandler(root);
});

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | null; body: string; csp: string | null }> {
  const response = await handle(new Request(url, { method }));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text(), csp: response.headers.get('content-security-policy') };
}

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme usable by fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(APP_PAGE_URL).toBe('app://v6lab/index.html');
  });

  it('serves the page and its assets with their MIME types, the CSP and nosniff', async () => {
    expect(await get('app://v6lab/index.html')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>V6Lab</title>', csp: CONTENT_SECURITY_POLICY_HEADER });
    expect(await get('app://v6lab/')).toMatchObject({ status: 200, body: '<!doctype html><title>V6Lab</title>' });
    // Module scripts and module workers need a JavaScript MIME type.
    expect(await get('app://v6lab/assets/index-abc.js?v=1#x')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {};' });
    expect(await get('app://v6lab/assets/sim-worker-def.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('app://v6lab/assets/index-abc.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get('app://v6lab/assets/v6lab-mark.svg')).toMatchObject({ status: 200, type: 'image/svg+xml' });
    const response = await handle(new Request('app://v6lab/index.html'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('app://v6lab/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect(await get('app://v6lab/index.html', 'POST')).toMatchObject({ status: 405 });
  });

  it('refuses every path out of the renderer folder', async () => {
    for (const url of [
      'app://v6lab/../secret.txt',
      'app://v6lab/%2e%2e/secret.txt',
      'app://v6lab/assets/%2E%2E/%2E%2E/secret.txt',
      'app://v6lab/..%2fsecret.txt',
      'app://v6lab/..%2Fsecret.txt',
      'app://v6lab/assets/..%2f..%2f..%2foutside.txt',
      'app://v6lab/..%5csecret.txt',
      'app://v6lab/index.html%00.js',
      'app://v6lab/%2fetc%2fpasswd',
      'app://v6lab//etc/passwd',
      'app://v6lab/assets/link-out.js',
      'app://v6lab/%E0%A4%A',
    ]) {
      const result = await get(url);
      expect(result.status, url).toBeGreaterThanOrEqual(400);
      expect(result.body, url).not.toMatch(/SECRET|root:/);
    }
  });

  it('refuses other hosts and schemes, and gives 404 for what is not there (folders included)', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://v6lab.evil/index.html')).status).toBe(403);
    expect((await get('app://v6lab/missing.js')).status).toBe(404);
    expect((await get('app://v6lab/assets')).status).toBe(404);
    expect((await get('app://v6lab/assets/')).status).toBe(404);
    expect(resolveAppUrl('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppUrl('not a url', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('maps URLs to paths inside the folder', () => {
    expect(resolveAppUrl('app://v6lab/assets/a%20b.js', root)).toEqual({ ok: true, path: join(root, 'assets', 'a b.js') });
    expect(resolveAppUrl('app://v6lab', root)).toEqual({ ok: true, path: join(root, 'index.html') });
  });

  it('names MIME types by extension, case-insensitively, octet-stream otherwise', () => {
    expect(mimeTypeOf('/a/B.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/a/x.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('/a/x.exe')).toBe('application/octet-stream');
  });
});
