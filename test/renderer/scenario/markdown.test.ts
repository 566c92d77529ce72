/**
 * The instructions' Markdown (CommonMark blocks and GitHub tables, as the course modules use
 * them), parsed by markdown-it into data React renders: never HTML, so markup in a scenario file
 * cannot inject anything into the page; linear in the input and bounded in depth, so a hostile
 * file cannot stall the UI thread or overflow the stack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { MAX_NESTING, markdownText, parseMarkdown, type MarkdownNode, type MarkdownTag } from '../../../renderer/scenario/markdown';
import { MarkdownView } from '../../../renderer/scenario/markdown-view';

const text = (value: string): MarkdownNode => ({ kind: 'text', text: value });
const element = (tag: MarkdownTag, children: MarkdownNode[], extra: object = {}): MarkdownNode => ({ kind: 'element', tag, children, ...extra });

function depth(nodes: readonly MarkdownNode[]): number {
  let deepest = 0;
  const pending: [MarkdownNode, number][] = nodes.map((node) => [node, 1]);
  while (pending.length > 0) {
    const [node, level] = pending.pop()!;
    deepest = Math.max(deepest, level);
    if (node.kind === 'element') for (const child of node.children) pending.push([child, level + 1]);
  }
  return deepest;
}

describe('instructions markdown', () => {
  it('headings start at h3 (# is h3, ## is h4), paragraphs join their lines, and a thematic break', () => {
    expect(parseMarkdown('## Mục tiêu\nBật **IPv6**\ntrên R1.\n\n---\n')).toEqual([
      element('h4', [text('Mục tiêu')]),
      element('p', [text('Bật '), element('strong', [text('IPv6')]), text(' trên R1.')]),
      element('hr', []),
    ]);
  });

  it('numbered lists keep their start; a tight list item holds its text without a paragraph', () => {
    const [list] = parseMarkdown('3. On **R1**, enable\n   routing.\n4. Then `ping`.');
    expect(list).toEqual(
      element('ol', [element('li', [text('On '), element('strong', [text('R1')]), text(', enable routing.')]), element('li', [text('Then '), element('code', [text('ping')]), text('.')])], { start: 3 }),
    );
  });

  it('fenced code keeps its lines and spacing; inline code is not parsed further', () => {
    expect(parseMarkdown('```\nR1(config)# ipv6 unicast-routing\n  x **y**\n```')).toEqual([element('pre', [element('code', [text('R1(config)# ipv6 unicast-routing\n  x **y**')])])]);
    expect(parseMarkdown('`**not bold**`')).toEqual([element('p', [element('code', [text('**not bold**')])])]);
  });

  it('pipe tables with a header row and column alignment', () => {
    const [table] = parseMarkdown('| Khối | Dùng cho |\n| --- | ---: |\n| 2001:db8:6803::/48 | LAN |\n');
    expect(table).toEqual(
      element('table', [
        element('thead', [element('tr', [element('th', [text('Khối')]), element('th', [text('Dùng cho')], { align: 'right' })])]),
        element('tbody', [element('tr', [element('td', [text('2001:db8:6803::/48')]), element('td', [text('LAN')], { align: 'right' })])]),
      ]),
    );
  });

  it('emphasis with * or _, but not inside words (interface_names stay whole); links show their text with the target as a tooltip', () => {
    expect(parseMarkdown('*IPv6 Address* and _x_')).toEqual([element('p', [element('em', [text('IPv6 Address')]), text(' and '), element('em', [text('x')])])]);
    expect(parseMarkdown('snake_case_name')).toEqual([element('p', [text('snake_case_name')])]);
    expect(parseMarkdown('[RFC 4862](https://example.org/rfc4862)')).toEqual([element('p', [element('link', [text('RFC 4862')], { title: 'https://example.org/rfc4862' })])]);
  });

  it('raw HTML, javascript: links and bare URLs stay text; nothing renders as a live element', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([element('p', [text('<img src=x onerror=alert(1)>')])]);
    expect(parseMarkdown('[x](javascript:alert(1))')).toEqual([element('p', [text('[x](javascript:alert(1))')])]);
    expect(parseMarkdown('see https://example.org')).toEqual([element('p', [text('see https://example.org')])]);
    const html = renderToStaticMarkup(createElement(MarkdownView, { source: '<script>alert(1)</script>\n\n[a](https://x.org) ![pic](x.png) <b onclick=1>b</b>' }));
    expect(html).not.toMatch(/<script|<img|<a |<b /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<span class="markdown__link" title="https://x.org">a</span> pic &lt;b onclick=1&gt;b&lt;/b&gt;');
  });

  it('60 KB of "*a " parses and renders in well under a second (linear, not quadratic)', () => {
    const source = '*a '.repeat(20_000);
    const started = performance.now();
    const html = renderToStaticMarkup(createElement(MarkdownView, { source }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(html.length).toBeGreaterThan(source.length);
  });

  it(`deep nesting ('*_'.repeat(5000), 5000 nested quotes and lists) stays within ${MAX_NESTING} levels and renders`, () => {
    for (const source of ['*_'.repeat(5000), '> '.repeat(5000) + 'x', Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), '['.repeat(5000) + 'x' + ']'.repeat(5000)]) {
      const tree = parseMarkdown(source);
      expect(depth(tree)).toBeLessThanOrEqual(MAX_NESTING + 3);
      expect(() => renderToStaticMarkup(createElement(MarkdownView, { source }))).not.toThrow();
      // Nothing of the text is lost: every x is still there.
      expect(markdownText(tree).split('x').length).toBe(source.split('x').length);
    }
  });

  it('module 2 parses into its sections, table and steps in both languages', () => {
    const loaded = loadScenario(readFileSync(join(import.meta.dirname, '..', '..', '..', 'scenarios', 'm02-dual-stack-slaac.yaml'), 'utf8'), 'm02.yaml');
    if (!loaded.ok) throw new Error('module 2 does not load');
    for (const language of ['vi', 'en'] as const) {
      const tags = parseMarkdown(loaded.scenario.instructions[language]).map((node) => (node.kind === 'element' ? node.tag : 'text'));
      expect(tags.filter((tag) => tag === 'h4')).toHaveLength(3);
      expect(tags).toContain('table');
      expect(tags).toContain('ol');
    }
  });
});
