/**
 * Problems found in a lab file, each pinned to file, line and column (1-based, of the offending
 * YAML node) with a message that says what was expected, and their compiler-style text:
 * `lab.v6lab.yaml:12:7: error: …`. The `code` names the kind of problem so the app can translate
 * or group them; the English `message` and the Vietnamese `messageVi` are each complete on their
 * own (problem-text.ts), and `formatProblems(problems, 'vi')` prints the Vietnamese.
 */
import { formatProblemLine, type ProblemLanguage } from './problem-text';

export type LabProblemCode =
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'not-a-lab'
  | 'unsupported-version'
  | 'schema'
  | 'missing-key'
  | 'unknown-key'
  | 'duplicate-device'
  | 'unknown-device'
  | 'unknown-interface'
  | 'not-a-port'
  | 'port-in-use'
  | 'self-link'
  | 'radio-to-radio'
  | 'bad-delay'
  | 'bad-bandwidth'
  | 'duplicate-zone'
  | 'unknown-zone'
  /** A config line the device refused when the lab booted (boot-lab.ts; the device's error quoted). */
  | 'config-rejected'
  /** The simulator failed on something the loader accepted: a V6Lab bug (boot-lab.ts). */
  | 'boot-failed';

/** Every code, in the order docs/lab-format.md lists them (tests build each one). */
export const LAB_PROBLEM_CODES: readonly LabProblemCode[] = [
  'yaml-syntax',
  'yaml-warning',
  'not-a-lab',
  'unsupported-version',
  'schema',
  'missing-key',
  'unknown-key',
  'duplicate-device',
  'unknown-device',
  'unknown-interface',
  'not-a-port',
  'port-in-use',
  'self-link',
  'radio-to-radio',
  'bad-delay',
  'bad-bandwidth',
  'duplicate-zone',
  'unknown-zone',
  'config-rejected',
  'boot-failed',
];

export type LabProblemSeverity = 'error' | 'warning';

export interface LabProblem {
  readonly severity: LabProblemSeverity;
  readonly code: LabProblemCode;
  readonly file: string;
  /** 1-based line of the offending node's first character. */
  readonly line: number;
  /** 1-based column of the offending node's first character. */
  readonly column: number;
  /** English. */
  readonly message: string;
  /** The same message in Vietnamese, built from the same parameters. */
  readonly messageVi: string;
}

/** Orders problems by position in the file; problems at the same place keep their order. */
export function sortProblems(problems: readonly LabProblem[]): LabProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** One problem as a compiler would print it (English unless `language` says otherwise). */
export function formatProblem(problem: LabProblem, language: ProblemLanguage = 'en'): string {
  return formatProblemLine(problem, language);
}

/** All problems, one per line, in file order, in one language. */
export function formatProblems(problems: readonly LabProblem[], language: ProblemLanguage = 'en'): string {
  return sortProblems(problems)
    .map((problem) => formatProblem(problem, language))
    .join('\n');
}
