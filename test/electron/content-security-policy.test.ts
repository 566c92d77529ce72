import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
  CONTENT_SECURITY_POLICY_HEADER,
  CYTOSCAPE_CONTAINER_STYLE,
  CYTOSCAPE_CONTAINER_STYLE_HASH,
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
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(directive('object-src')).toEqual(["'none'"]);
  });

  it('allows exactly the stylesheet cytoscape inserts, by hash', async () => {
    const digest = createHash('sha256').update(CYTOSCAPE_CONTAINER_STYLE).digest('base64');
    expect(CYTOSCAPE_CONTAINER_STYLE_HASH).toBe(`'sha256-${digest}'`);
    expect(directive('style-src')).toEqual(["'self'", CYTOSCAPE_CONTAINER_STYLE_HASH]);
    // The text must still be what the installed cytoscape inserts, or its stylesheet is refused.
    const cytoscapeSource = readFileSync(join(repoRoot, 'node_modules', 'cytoscape', 'dist', 'cytoscape.esm.mjs'), 'utf8');
    expect(cytoscapeSource).toContain("var className = '__________cytoscape_container';");
    expect(cytoscapeSource).toContain("stylesheet.textContent = '.' + className + ' { position: relative; }';");
  });

  it('the header adds frame-ancestors, which a meta tag cannot carry', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('index.html loads nothing from another origin', () => {
    expect(indexHtml).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
