/**
 * User regular expressions (console filters, scenario config checks) run in linear time (RE2
 * semantics through re2js); what RE2 cannot run is refused with a message naming the construct.
 */
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../sim-core/console/output-filter';
import { compileUserRegex, USER_REGEX_MAX_LENGTH } from '../../../sim-core/console/user-regex';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { loadLab } from '../../../sim-core/lab/load-lab';

describe('compileUserRegex', () => {
  it('the patterns people write in filters and checks mean what they mean in JavaScript', () => {
    const cases: [string, string, boolean][] = [
      ['^interface GigabitEthernet0/[0-3]$', 'interface GigabitEthernet0/2', true],
      ['^ipv6 (unicast|multicast)-routing$', 'ipv6 unicast-routing', true],
      ['\\d+\\.\\d+', 'version 15.9', true],
      ['\\bshutdown\\b', ' no shutdown', true],
      ['a{2,3}', 'xaay', true],
      ['^Gi', ' Gi0/0', false],
    ];
    for (const [pattern, text, expected] of cases) {
      const compiled = compileUserRegex(pattern);
      expect(compiled.ok && compiled.value.test(text)).toBe(expected);
      expect(new RegExp(pattern).test(text)).toBe(expected);
    }
  });

  it('case-insensitive when asked (config checks), case-sensitive otherwise (IOS filters)', () => {
    const insensitive = compileUserRegex('ipv6 address 2001:db8::1', { caseInsensitive: true });
    const sensitive = compileUserRegex('ipv6 address 2001:db8::1');
    expect(insensitive.ok && insensitive.value.test('ipv6 address 2001:DB8::1/64')).toBe(true);
    expect(sensitive.ok && sensitive.value.test('ipv6 address 2001:DB8::1/64')).toBe(false);
  });

  it('catastrophic-backtracking patterns return at once on long lines (linear time)', () => {
    const line = `${'a'.repeat(100_000)}x`;
    for (const pattern of ['^(.+)+!$', '(a+)+$', '(a|aa)+b', '^(\\w+\\s?)*$!']) {
      const compiled = compileUserRegex(pattern);
      expect(compiled.ok).toBe(true);
      const steps = 3;
      for (let i = 0; i < steps; i++) expect(compiled.ok && compiled.value.test(line)).toBe(false);
    }
  }, 5_000);

  it('backreferences are refused, naming the construct, in both languages', () => {
    const compiled = compileUserRegex('(ab)\\1');
    expect(compiled).toMatchObject({ ok: false, kind: 'backreference' });
    expect(!compiled.ok && compiled.message.en).toBe('backreferences such as `\\1` are not supported (patterns run in linear time, RE2 syntax)');
    expect(!compiled.ok && compiled.message.vi).toContain('tham chiếu ngược');
    expect(compileUserRegex('(?<x>a)\\k<x>')).toMatchObject({ ok: false, kind: 'backreference' });
  });

  it('lookahead and lookbehind are refused, naming the construct', () => {
    for (const [pattern, construct] of [['foo(?=bar)', '(?=…)'], ['foo(?!bar)', '(?!…)'], ['(?<=a)b', '(?<=…)'], ['(?<!a)b', '(?<!…)']] as const) {
      const compiled = compileUserRegex(pattern);
      expect(compiled).toMatchObject({ ok: false, kind: 'lookaround' });
      expect(!compiled.ok && compiled.message.en).toContain(`\`${construct}\``);
      expect(!compiled.ok && compiled.message.vi).toContain('nhìn trước/nhìn sau');
    }
  });

  it('a syntax error says what is wrong and where; an over-long pattern is refused', () => {
    const open = compileUserRegex('^ipv6 (unicast');
    expect(open).toMatchObject({ ok: false, kind: 'syntax' });
    expect(!open.ok && open.message.en).toBe('missing closing ): `^ipv6 (unicast`');
    expect(compileUserRegex('x'.repeat(USER_REGEX_MAX_LENGTH + 1))).toMatchObject({ ok: false, kind: 'too-long' });
    expect(compileUserRegex('a{1001}')).toMatchObject({ ok: false, kind: 'syntax' });
  });
});

describe('IOS output filters use it', () => {
  it('`| include (a)\\1` is an IOS-style error naming the construct', () => {
    const filter = compileFilter({ kind: 'include', pattern: '(a)\\1' });
    expect(filter).toEqual({ ok: false, error: '% Invalid regular expression: (a)\\1\n% backreferences such as `\\1` are not supported (patterns run in linear time, RE2 syntax)' });
  });

  it('`show running-config | include ^(.+)+!$` on a router with a 200-character description returns at once (a backtracking matcher takes minutes)', () => {
    const description = 'a'.repeat(200);
    const loaded = loadLab(`version: 1\ndevices:\n  - name: R1\n    kind: router\n    config: |\n      interface GigabitEthernet0/0\n       description ${description}\nlinks: []\n`, 'long.v6lab.yaml');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });
    session.runFor(1e9);
    expect(session.exec('R1', 'enable').ok).toBe(true);
    const lines = (command: string): string[] => {
      const result = session.exec('R1', command);
      if (!result.ok) throw new Error(result.error);
      return result.value.transcript.split('\n').filter((line) => line !== '');
    };
    expect(lines('show running-config | include ^(.+)+!$')).toEqual(['R1#show running-config | include ^(.+)+!$']);
    expect(lines('show running-config | section (a+)+!$')).toEqual(['R1#show running-config | section (a+)+!$']);
    expect(lines('show running-config | include ^ description a+$')).toEqual(['R1#show running-config | include ^ description a+$', ` description ${description}`]);
  }, 10_000);
});
