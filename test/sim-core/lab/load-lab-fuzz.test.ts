import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabProblem } from '../../../sim-core/lab/lab-problems';
import { loadLab } from '../../../sim-core/lab/load-lab';

const VALID = readFileSync(new URL('../../../docs/examples/router-on-a-stick.v6lab.yaml', import.meta.url), 'utf8');

function expectWellFormed(text: string): void {
  const result = loadLab(text, 'fuzz.v6lab.yaml');
  const problems: readonly LabProblem[] = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(problems.some((problem) => problem.severity === 'error')).toBe(true);
  const lines = text.split('\n').length;
  for (const problem of problems) {
    expect(problem.file).toBe('fuzz.v6lab.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

/** One edit to a text: delete, insert or replace a span, or duplicate, drop or swap lines. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(':', '- ', '  ', '\n', '"', "'", '{', '[', '&a ', '*a', '!!binary ', '|', '>', '#', '\t', 'version: 2\n', 'R9:', 'g0/7')) }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('drop-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), other: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(text: string, edit: Mutation): string {
  const offset = Math.floor(edit.at * text.length);
  const lines = text.split('\n');
  const line = Math.floor(edit.at * lines.length);
  switch (edit.op) {
    case 'delete':
      return text.slice(0, offset) + text.slice(offset + edit.length);
    case 'insert':
      return text.slice(0, offset) + edit.text + text.slice(offset);
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
    case 'drop-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'swap-lines': {
      const other = Math.floor(edit.other * lines.length);
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return swapped.join('\n');
    }
  }
}

describe('loadLab never throws on malformed input', () => {
  it('random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectWellFormed), { numRuns: 300 });
  });

  it('random YAML-ish text', () => {
    const token = fc.constantFrom('version: 1\n', 'devices:\n', 'links:\n', '  - ', 'name: R1\n', 'kind: router\n', 'endpoints: [', ']', '"R1:g0/0"', ', ', '{', '}', ': ', '\n', '    ', 'config: |\n', '&x ', '*x', 'null', '~', '1e9', '.inf');
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }), (tokens) => expectWellFormed(tokens.join(''))), { numRuns: 300 });
  });

  it('random mutations of a valid lab', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (edits) => {
        expectWellFormed(edits.reduce((text, edit) => applyMutation(text, edit), VALID));
      }),
      { numRuns: 300 },
    );
  });

  it('alias bombs are refused, not expanded', () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    const result = loadLab(bomb, 'bomb.v6lab.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^the file cannot be read as data: Excessive alias count/);
  });
});
