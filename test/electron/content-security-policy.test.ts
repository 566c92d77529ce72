import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../../electron/content-security-policy';

const repoRoot = join(import.meta.dirname, '..', '..');
const indexHtml = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');

function directive(name: string): string[] {
  const found = CONTENT_SECURITY_POLICY_DIRECTIVES.find((entry) => entry.split(' ')[0] === name);
  if (!found) throw new Error(`no ${name} directive`);
  return found.split(' ').slice(1);
}

describe('Content-Security-Policy', () => {
  it('is the same text in renderer/index.html as in main', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('names no remote origin and never allows inline or eval\'d script', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toMatch(/https?:|wss?:|\*/);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    // 'unsafe-inline' is for styles alone (xterm's injected <style> elements), never for script.
    expect(CONTENT_SECURITY_POLICY_DIRECTIVES.filter((entry) => entry.includes('unsafe-inline')).map((entry) => entry.split(' ')[0])).toEqual(['style-src']);
    expect(directive('object-src')).toEqual(["'none'"]);
  });

  it('allows inline <style> elements (xterm names each terminal in its CSS, so no hash is stable) and nothing else inline', () => {
    expect(directive('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // The per-terminal selector that rules a hash out is still what the installed xterm writes.
    const domRenderer = readFileSync(join(repoRoot, 'node_modules', '@xterm', 'xterm', 'src', 'browser', 'renderer', 'dom', 'DomRenderer.ts'), 'utf8');
    expect(domRenderer).toContain("this._themeStyleElement = this._document.createElement('style');");
    expect(domRenderer).toContain('${this._terminalSelector} .${ROW_CONTAINER_CLASS}');
  });

  it('the header adds frame-ancestors, which a meta tag cannot carry', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('index.html loads nothing from another origin', () => {
    expect(indexHtml).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
