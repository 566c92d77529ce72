/**
 * Problems in a scenario file: the lab loader's (lab-problems.ts) and the boot's
 * (boot-lab.ts: refused config lines), plus the scenario's own kinds, each at file:line:column
 * with a complete English message, printed as a compiler does.
 */
import type { LabBootProblem, LabBootProblemCode } from '../boot-lab';
import type { LabProblemCode } from '../lab-problems';

export type ScenarioProblemCode =
  /** A check's `kind` is not in the registry (closest kind suggested). */
  | 'unknown-check-kind'
  /** A fault's `kind` is not config, unplug or shutdown. */
  | 'unknown-fault-kind'
  /** Two tasks with one id. */
  | 'duplicate-task'
  /** The tasks' points do not add up to `totalPoints`. */
  | 'points-total'
  /** A check, fault, lock or solution step that refers to something wrong (the message says what). */
  | 'bad-reference'
  /** A fault or a solution step on a locked device. */
  | 'locked-device'
  /** A solution line the device refused when typed (the device's error in the message). */
  | 'solution-rejected'
  /** A fault's config line the device refused. */
  | 'fault-rejected';

export interface ScenarioProblem extends Omit<LabBootProblem, 'code'> {
  readonly code: LabProblemCode | LabBootProblemCode | ScenarioProblemCode;
}

export function sortScenarioProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** `file:line:col: error: message`, the excerpt (line and caret) indented under it. */
export function formatScenarioProblem(problem: ScenarioProblem): string {
  const head = `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
  if (problem.excerpt === undefined) return head;
  return `${head}\n${problem.excerpt
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}`;
}

export function formatScenarioProblems(problems: readonly ScenarioProblem[]): string {
  return sortScenarioProblems(problems).map(formatScenarioProblem).join('\n');
}
