/**
 * Problems found in a lab file, each pinned to file, line and column (1-based, of the offending
 * YAML node) with a message that says what was expected, and their compiler-style text:
 * `lab.v6lab.yaml:12:7: error: …`. The `code` names the kind of problem so the app can translate
 * or group them; the English message is complete on its own.
 */

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
  | 'unknown-zone';

export type LabProblemSeverity = 'error' | 'warning';

export interface LabProblem {
  readonly severity: LabProblemSeverity;
  readonly code: LabProblemCode;
  readonly file: string;
  /** 1-based line of the offending node's first character. */
  readonly line: number;
  /** 1-based column of the offending node's first character. */
  readonly column: number;
  readonly message: string;
}

/** Orders problems by position in the file; problems at the same place keep their order. */
export function sortProblems(problems: readonly LabProblem[]): LabProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** One problem as a compiler would print it. */
export function formatProblem(problem: LabProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

/** All problems, one per line, in file order. */
export function formatProblems(problems: readonly LabProblem[]): string {
  return sortProblems(problems).map(formatProblem).join('\n');
}
