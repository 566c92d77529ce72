/**
 * What a hostile or careless file may not make the loaders do (issue 17.9, 17.11): expand
 * aliases without bound, nest without bound, carry huge texts or too many config lines, put
 * control characters into names, or break a problem message over lines. Each is refused with a
 * message that names the place (file, line, column) and says what the limit is, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { loadLab, MAX_CONFIG_LINES } from '../../../sim-core/lab/load-lab';
import type { LabProblem } from '../../../sim-core/lab/lab-problems';
import { formatProblemLine } from '../../../sim-core/lab/problem-text';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { SMALL_SCENARIO } from './scenario/scenario-fixture';

function problems(text: string): readonly LabProblem[] {
  const result = loadLab(text, 'hostile.v6lab.yaml');
  if (result.ok) throw new Error('expected the lab to be refused');
  return result.problems;
}

function only(text: string): LabProblem {
  const found = problems(text);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('alias amplification is bounded by expanded size, not alias count', () => {
  it('999 devices sharing one 170 KB configuration through an alias: refused at the alias that crosses 64 MB', () => {
    const lines = ['version: 1', 'x-config: &c |', ...Array.from({ length: 4000 }, (_, i) => `  ipv6 route 2001:db8:${i.toString(16)}::/48 Null0`), 'devices:'];
    for (let i = 0; i < 999; i++) lines.push(`  - {name: R${i}, kind: router, config: *c}`);
    const problem = only(lines.join('\n'));
    expect(problem.message).toBe('the file expands to more than 64 MB of text once its aliases (*name) are replaced by what they stand for; write the data out, or use fewer aliases');
    expect(problem.messageVi).toContain('alias');
    expect(problem.line).toBeGreaterThan(4000);
  });

  it('a tree of aliases that expands to millions of values: refused by node count', () => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const problem = only(lines.join('\n'));
    expect(problem.message).toMatch(/^(the file expands to more than 1,000,000 values|the file cannot be read as data: Excessive alias count)/);
  });
});

describe('sizes and nesting', () => {
  it('a 50 MB name is refused at its position before it is turned into data', () => {
    const problem = only(`version: 1\nname: ${'x'.repeat(50_000_000)}\n`);
    expect([problem.line, problem.column]).toEqual([2, 7]);
    expect(problem.message).toBe('this text is 50,000,000 characters long; at most 16,777,216 are read');
  });

  it('a 1,000-character lab name: at most 200 characters', () => {
    expect(only(`version: 1\nname: ${'x'.repeat(1000)}\n`).message).toBe('name: is too long; at most 200 characters');
  });

  it(`more than ${MAX_CONFIG_LINES.toLocaleString('en-US')} configuration lines in all: refused at the device that crosses the limit`, () => {
    const config = Array.from({ length: 300_000 }, () => '      !').join('\n');
    const text = `version: 1\ndevices:\n  - name: R1\n    kind: router\n    config: |\n${config}\n  - name: R2\n    kind: router\n    config: |\n${config}\n`;
    const problem = only(text);
    expect(problem.message).toBe('devices[1].config: the configurations reach more than 500,000 lines here; a lab holds at most 500,000 configuration lines in all');
    expect(problem.line).toBe(300_008); // R2's `config: |`
  });

  for (const [label, nested] of [
    ['flow lists', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['flow mappings', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
    ['a modest 100 levels', `${'['.repeat(100)}${']'.repeat(100)}`],
  ] as const) {
    it(`deep nesting (${label}) gives a message about nesting, not the engine's "Maximum call stack size exceeded"`, () => {
      const problem = only(`version: 1\nname: ${nested}\n`);
      expect(problem.message).toBe('lists and mappings are nested more than 64 levels deep here; a lab or scenario never needs that many');
      expect(problem.messageVi).toContain('lồng nhau');
      expect(problem.line).toBe(2);
    });
  }

  it('the scenario loader applies the same bounds', () => {
    const result = loadScenario(`${SMALL_SCENARIO}\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 's.yaml');
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual(['lists and mappings are nested more than 64 levels deep here; a lab or scenario never needs that many']);
  });
});

describe('names are printable text; messages are one printable line', () => {
  for (const [label, yaml, what, column] of [
    ['U+202E in the lab name', 'name: "lab\\u202Egpj.exe"', 'U+202E RIGHT-TO-LEFT OVERRIDE at character 4', 7],
    ['NUL in the lab name', 'name: "lab\\u0000x"', 'U+0000 NUL at character 4', 7],
    ['ESC in a zone id', 'zones:\n  - id: "z\\u001b[2J"\n    label: Z', 'U+001B ESCAPE at character 2', 9],
  ] as const) {
    it(`${label} is refused, naming the character`, () => {
      const problem = only(`version: 1\n${yaml}\n`);
      expect(problem.message).toMatch(new RegExp(`contains the control character ${what.replace(/[+]/g, '\\+')}; names are printable text only$`));
      expect(problem.messageVi).toContain('tên chỉ gồm văn bản in được');
      expect(problem.column).toBe(column);
    });
  }

  it('a description may break lines but not carry ESC', () => {
    expect(loadLab('version: 1\ndescription: "two\\nlines"\n', 'd.v6lab.yaml').ok).toBe(true);
    expect(only('version: 1\ndescription: "x\\u001b]0;pwned\\u0007"\n').message).toBe('description: contains the control character U+001B ESCAPE at character 2; a description is printable text and line breaks');
  });

  it('a multi-line value prints its problem on one line, the line break shown as \\n', () => {
    const problem = only('version: 1\ndevices:\n  - name: R1\n    kind: "rou\\nter"\n');
    expect(problem.message).toBe("devices[0].kind: 'rou\\nter' is not allowed; expected one of router, l3-switch, switch, access-point, pc, server (did you mean 'router'?)");
    expect(formatProblemLine(problem, 'en').split('\n')).toHaveLength(1);
    expect(formatProblemLine(problem, 'vi').split('\n')).toHaveLength(1);
  });

  it('an ESC sequence quoted from the file reaches no message raw', () => {
    const found = problems('version: 1\ndevices:\n  - name: R1\n    kind: router\n    "\\u001b[2Jx": 1\n');
    // eslint-disable-next-line no-control-regex -- no control character may reach a message
    for (const problem of found) expect(`${problem.message}${problem.messageVi}`).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(found[0]!.message).toContain('\\u001b[2Jx');
  });

  it("constructor and __proto__ keys never suggest Object's members", () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const lab = problems(`version: 1\n${key}: 1\n`).map((p) => p.message);
      const scenario = loadScenario(`${SMALL_SCENARIO}\n${key}: 1\n`, 's.yaml');
      const messages = [...lab, ...(!scenario.ok ? scenario.problems.map((p) => p.message) : [])];
      expect(messages.length).toBeGreaterThanOrEqual(2);
      for (const message of messages) {
        expect(message).toContain(`unknown key '${key}'`);
        expect(message).not.toMatch(/function|native code|\[object/);
      }
    }
  });
});
