/**
 * Doyensec's Electronegativity (the Electron security checklist as static checks) over the
 * app's Electron side and renderer, in `npm test`, offline. Every finding it reports must be
 * one of the explained ones below, each with the reason it is accepted; a new finding, or an
 * explained one that no longer appears, fails the test, so the list stays true.
 *
 * Run through its dist modules (loader, parser, finder, global checks) rather than its CLI
 * (which breaks on the hoisted commander 14) or its `run()` (which first fetches translations
 * from the network): the same steps `run()` takes, with its bundled English texts.
 *
 * What is scanned: electron/ (main, preload, IPC, files) and renderer/, with package.json and
 * package-lock.json for the Electron version, copied to a temporary folder. electron/cli/ is
 * left out: it is the headless Node tool, never loaded by the Electron app.
 *
 * Every check runs except AvailableSecurityFixesGlobalCheck, which downloads Electron's release
 * list from GitHub (the tests and the app are offline; Electron's version is kept current by
 * the dependency itself). The upgrade checks run only when asked for an upgrade, as in the CLI.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const requireFromRepo = createRequire(join(repoRoot, 'package.json'));
const distDir = join(requireFromRepo.resolve('@doyensec/electronegativity/package.json'), '..', 'dist');
const requireFromDist = createRequire(join(distDir, 'runner.js'));

/** The one check left out, and why (see the header). */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly description: string;
}

/** Every finding accepted, with the reason. Keyed by check id, file and description. */
const EXPLAINED: readonly (Finding & { readonly reason: string })[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    description: 'One or more CSP directives detected seems to be vulnerable',
    reason:
      "csp-evaluator's only remark is \"script-src 'self' can be problematic if you host JSONP, Angular or user uploaded files\". " +
      "'self' is app://v6lab, which electron/app-protocol.ts serves only from the packaged renderer folder: no JSONP, no Angular, " +
      'and lab files the user opens arrive as text over IPC, never served from the origin.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'electron/main.ts',
    description: 'Failed to parse CSP, it may not be valid.',
    reason:
      "The header's value is the constant CONTENT_SECURITY_POLICY_HEADER (electron/content-security-policy.ts), not a literal the " +
      'checker can read; it is the meta tag policy above plus frame-ancestors, and content-security-policy.test.ts keeps the two equal.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/main.ts',
    description: 'Review the use of preload scripts',
    reason:
      'Reviewed: the sandboxed preload (electron/preload.ts) exposes one object of typed functions, one IPC channel each, never ' +
      'ipcRenderer or an event object; built-main-and-preload.test.ts checks it requires only electron and exposes only those functions, ' +
      'and main validates every payload and sender (ipc-hostile-payloads.test.ts).',
  },
  {
    id: 'ELECTRON_VERSION_JSON_CHECK',
    file: 'package.json',
    description: 'Gets the electron version used by inspecting the package.json file.',
    reason: 'Informational: reports the Electron version (45, the current major when pinned); the test checks it found that version.',
  },
];

interface Scan {
  readonly electronVersion: string | undefined;
  readonly globalChecks: readonly string[];
  readonly atomicChecks: readonly string[];
  readonly errors: readonly { file: string; message: string }[];
  readonly findings: readonly Finding[];
}

type CheckClass = { readonly name: string };
interface ElectronegativityIssue {
  id: string;
  file: string;
  description: string;
  visibility?: { inlineDisabled: boolean; globalCheckDisabled: boolean };
}

/** The steps of Electronegativity's run(), without its network download of translations. */
async function scan(input: string): Promise<Scan> {
  const i18n = requireFromDist('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(distDir, 'locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
  i18n.setLocale('en-US');
  const { LoaderDirectory } = requireFromDist('./loader') as { LoaderDirectory: new () => { load(dir: string): Promise<void>; electronVersion: string | undefined; list_files: Iterable<string>; load_buffer(file: string): string } };
  const { Parser } = requireFromDist('./parser') as { Parser: new (jsx: boolean, typescript: boolean) => { parse(file: string, content: string): [unknown, unknown, unknown, { message: string }[] | undefined] } };
  const { Finder, GlobalChecks } = requireFromDist('./finder') as {
    Finder: new (custom: string[], exclude: string[]) => { _enabled_checks: CheckClass[]; find(file: string, data: unknown, type: unknown, content: unknown, x: null, version: string | undefined): Promise<ElectronegativityIssue[]> };
    GlobalChecks: new (custom: string[], exclude: string[]) => { _enabled_checks: CheckClass[]; getResults(issues: ElectronegativityIssue[]): Promise<ElectronegativityIssue[]> };
  };
  const loader = new LoaderDirectory();
  await loader.load(input);
  const exclude = EXCLUDED_CHECKS.map((name) => name.toLowerCase());
  const globalChecker = new GlobalChecks([], exclude);
  const finder = new Finder([], exclude.filter((name) => !name.includes('globalcheck')));
  const parser = new Parser(false, true);
  const errors: { file: string; message: string }[] = [];
  let issues: ElectronegativityIssue[] = [];
  for (const file of loader.list_files) {
    try {
      const [type, data, content, warnings] = parser.parse(file, loader.load_buffer(file));
      if (data === null) continue;
      for (const warning of warnings ?? []) errors.push({ file: relative(input, file), message: warning.message });
      issues.push(...(await finder.find(file, data, type, content, null, loader.electronVersion)));
    } catch (error) {
      errors.push({ file: relative(input, file), message: (error as Error).message });
    }
  }
  issues = await globalChecker.getResults(issues);
  issues = issues.filter((issue) => !issue.visibility || (!issue.visibility.inlineDisabled && !issue.visibility.globalCheckDisabled));
  return {
    electronVersion: loader.electronVersion,
    globalChecks: globalChecker._enabled_checks.map((check) => check.name),
    atomicChecks: finder._enabled_checks.map((check) => check.name),
    errors,
    findings: issues.map((issue) => ({ id: issue.id, file: relative(input, issue.file), description: issue.description })),
  };
}

const byKey = (a: Finding, b: Finding) => `${a.id} ${a.file} ${a.description}`.localeCompare(`${b.id} ${b.file} ${b.description}`);

let app: Scan;

beforeAll(async () => {
  const staged = await mkdtemp(join(tmpdir(), 'v6lab-electronegativity-'));
  await cp(join(repoRoot, 'electron'), join(staged, 'electron'), { recursive: true, filter: (source) => !source.startsWith(join(repoRoot, 'electron', 'cli')) });
  await cp(join(repoRoot, 'renderer'), join(staged, 'renderer'), { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) await cp(join(repoRoot, name), join(staged, name));
  app = await scan(staged);
}, 60_000);

describe('Electronegativity on the app', () => {
  it('runs every check but the one that needs the network', () => {
    expect(app.globalChecks).not.toContain('AvailableSecurityFixesGlobalCheck');
    expect(app.globalChecks).toEqual(expect.arrayContaining(['CSPGlobalCheck', 'LimitNavigationGlobalCheck', 'PermissionRequestHandlerGlobalCheck', 'HTTPResourcesAndNodeIntegrationGlobalCheck']));
    expect(app.atomicChecks).toEqual(
      expect.arrayContaining(['ContextIsolationJSCheck', 'SandboxJSCheck', 'NodeIntegrationJSCheck', 'AuxclickJSCheck', 'WebSecurityJSCheck', 'InsecureContentJSCheck', 'OpenExternalJSCheck', 'ProtocolHandlerJSCheck', 'PreloadJSCheck', 'DangerousFunctionsJSCheck']),
    );
    expect(app.atomicChecks.length).toBeGreaterThanOrEqual(36);
  });

  it('parses every scanned file and finds the Electron version package.json pins', async () => {
    expect(app.errors).toEqual([]);
    const pinned = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: { electron: string } }).devDependencies.electron;
    expect(app.electronVersion).toBe(pinned.replace(/^\^/, ''));
  });

  it('leaves no finding unexplained, and every explained finding still occurs', () => {
    const unique = [...new Map(app.findings.map((finding) => [`${finding.id} ${finding.file} ${finding.description}`, finding])).values()];
    expect(unique.sort(byKey)).toEqual(EXPLAINED.map(({ id, file, description }) => ({ id, file, description })).sort(byKey));
    for (const explained of EXPLAINED) expect(explained.reason.length, explained.id).toBeGreaterThan(40);
  });
});

describe('Electronegativity harness (it really finds what it should)', () => {
  it('flags a window without isolation or sandbox, with auxclick, remote content, open navigation and no permission handler', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'v6lab-electronegativity-bad-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: '45.5.0' } }));
    await writeFile(
      join(dir, 'src', 'main.ts'),
      "import { BrowserWindow } from 'electron';\nconst w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });\nw.loadURL('http://example.com/');\n",
    );
    const bad = await scan(dir);
    const ids = bad.findings.map((finding) => finding.id);
    // What the app passes: isolation, sandbox, auxclick off, no remote content, navigation
    // limited, permission requests handled.
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(ids, id).toContain(id);
    }
  });
});
