/**
 * Problems in a scenario file: the lab loader's (lab-problems.ts) and the boot's
 * (boot-lab.ts: refused config lines), plus the scenario's own kinds, each at file:line:column
 * with a complete English `message` and Vietnamese `messageVi`, printed as a compiler does in
 * either language.
 */
import type { LabBootProblem } from '../boot-lab';
import type { LabProblemCode } from '../lab-problems';
import { formatProblemWithExcerpt, type ProblemLanguage } from '../problem-text';

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

/** The scenario's own codes (the lab's are LAB_PROBLEM_CODES); tests build each one. */
export const SCENARIO_PROBLEM_CODES: readonly ScenarioProblemCode[] = [
  'unknown-check-kind',
  'unknown-fault-kind',
  'duplicate-task',
  'points-total',
  'bad-reference',
  'locked-device',
  'solution-rejected',
  'fault-rejected',
];

export interface ScenarioProblem extends Omit<LabBootProblem, 'code'> {
  readonly code: LabProblemCode | ScenarioProblemCode;
}

export function sortScenarioProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** `file:line:col: error: message` in English, the excerpt (line and caret) indented under it. */
export function formatScenarioProblem(problem: ScenarioProblem): string {
  return formatScenarioProblemIn(problem, 'en');
}

/** One problem in one language (`lỗi`/`cảnh báo` and the Vietnamese message for 'vi'). */
export function formatScenarioProblemIn(problem: ScenarioProblem, language: ProblemLanguage): string {
  return formatProblemWithExcerpt(problem, language);
}

export function formatScenarioProblems(problems: readonly ScenarioProblem[], language: ProblemLanguage = 'en'): string {
  return sortScenarioProblems(problems)
    .map((problem) => formatScenarioProblemIn(problem, language))
    .join('\n');
}
