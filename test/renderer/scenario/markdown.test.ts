/**
 * The instructions' Markdown (CommonMark blocks and GitHub tables, as the course modules use
 * them) parsed to data React renders: never HTML, so markup in a scenario file cannot inject
 * anything into the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { parseInline, parseMarkdown } from '../../../renderer/scenario/markdown';

describe('instructions markdown', () => {
  it('headings, paragraphs with lines joined, and a thematic break', () => {
    expect(parseMarkdown('## Mục tiêu\nBật **IPv6**\ntrên R1.\n\n---\n')).toEqual([
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Mục tiêu' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Bật ' }, { kind: 'strong', children: [{ kind: 'text', text: 'IPv6' }] }, { kind: 'text', text: ' trên R1.' }] },
      { kind: 'rule' },
    ]);
  });

  it('numbered lists keep their start and fold indented continuation lines into the item', () => {
    const [list] = parseMarkdown('3. On **R1**, enable\n   routing.\n4. Then `ping`.');
    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(list!.kind === 'list' && list!.items.length).toBe(2);
    expect(list!.kind === 'list' && list!.items[0]!.at(-1)).toEqual({ kind: 'text', text: ', enable routing.' });
  });

  it('fenced code keeps its lines and spacing; inline code is not parsed further', () => {
    expect(parseMarkdown('```\nR1(config)# ipv6 unicast-routing\n  x **y**\n```')).toEqual([{ kind: 'code', text: 'R1(config)# ipv6 unicast-routing\n  x **y**' }]);
    expect(parseInline('`**not bold**`')).toEqual([{ kind: 'code', text: '**not bold**' }]);
  });

  it('pipe tables with a header row', () => {
    const [table] = parseMarkdown('| Khối | Dùng cho |\n| --- | --- |\n| 2001:db8:6803::/48 | LAN |\n');
    expect(table).toEqual({
      kind: 'table',
      header: [[{ kind: 'text', text: 'Khối' }], [{ kind: 'text', text: 'Dùng cho' }]],
      rows: [[[{ kind: 'text', text: '2001:db8:6803::/48' }], [{ kind: 'text', text: 'LAN' }]]],
    });
  });

  it('emphasis with * or _, but not inside words (interface_names stay whole); links show their text only', () => {
    expect(parseInline('*IPv6 Address* and _x_')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'IPv6 Address' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'x' }] },
    ]);
    expect(parseInline('snake_case_name')).toEqual([{ kind: 'text', text: 'snake_case_name' }]);
    expect(parseInline('[RFC 4862](https://example.org/rfc4862)')).toEqual([{ kind: 'text', text: 'RFC 4862' }]);
  });

  it('raw HTML stays text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });

  it('module 2 parses into its sections, table and steps in both languages', () => {
    const loaded = loadScenario(readFileSync(join(import.meta.dirname, '..', '..', '..', 'scenarios', 'm02-dual-stack-slaac.yaml'), 'utf8'), 'm02.yaml');
    if (!loaded.ok) throw new Error('module 2 does not load');
    for (const language of ['vi', 'en'] as const) {
      const body = loaded.scenario.instructions[language];
      const kinds = parseMarkdown(body).map((block) => block.kind);
      expect(kinds.filter((kind) => kind === 'heading')).toHaveLength(3);
      expect(kinds).toContain('table');
      expect(kinds).toContain('list');
    }
  });
});
