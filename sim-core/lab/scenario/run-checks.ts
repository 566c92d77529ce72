/**
 * Running a scenario's checks against a lab session: each check through its kind
 * (checks/registry.ts), in file order (a ping check before a neighbour check makes the entry
 * the neighbour check reads, as a person testing would). A task passes when all its checks
 * pass. The pane's Check and Check all buttons, `v6lab check` and `v6lab grade` all call
 * these. A check that throws is a V6Lab bug: it fails with an explanation saying so, and the
 * other checks still run.
 */
import { bilingual, type BilingualText } from './bilingual-text';
import { NO_ANSWERS, type CheckEvaluationContext, type CheckOutcome } from './checks/check-kind';
import { findCheckKind, type ScenarioCheck } from './checks/registry';
import type { LabSession } from '../lab-session';
import type { Scenario, ScenarioTask, TaskId } from './scenario-document';

export interface CheckResult extends CheckOutcome {
  readonly kind: string;
  /** Index of the check in its task. */
  readonly index: number;
  /** The check's title, or what its kind says it checks. */
  readonly description: BilingualText;
}

export interface TaskResult {
  readonly taskId: TaskId;
  readonly title: BilingualText;
  readonly points: number;
  readonly passed: boolean;
  /** `points` when passed, else 0. */
  readonly earned: number;
  readonly checks: readonly CheckResult[];
}

/** What the task list shows for a check. */
export function describeCheck(check: ScenarioCheck): BilingualText {
  if (check.title !== undefined) return check.title;
  const kind = findCheckKind(check.kind);
  return kind === undefined ? bilingual(`kiểm tra ${check.kind}`, `${check.kind} check`) : kind.describe(check);
}

export function evaluateCheck(check: ScenarioCheck, session: LabSession, context: CheckEvaluationContext = NO_ANSWERS): CheckOutcome {
  const kind = findCheckKind(check.kind);
  if (kind === undefined) return { passed: false, explanation: bilingual(`Loại kiểm tra '${check.kind}' không có trong phiên bản V6Lab này.`, `This V6Lab has no '${check.kind}' check.`) };
  try {
    return kind.evaluate(check, session, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { passed: false, explanation: bilingual(`Lỗi của V6Lab khi kiểm tra: ${reason}`, `V6Lab bug while checking: ${reason}`) };
  }
}

export function runTask(task: ScenarioTask, session: LabSession, context: CheckEvaluationContext = NO_ANSWERS): TaskResult {
  const checks = task.checks.map((check, index): CheckResult => ({ kind: check.kind, index, description: describeCheck(check), ...evaluateCheck(check, session, context) }));
  const passed = checks.every((check) => check.passed);
  return { taskId: task.id, title: task.title, points: task.points, passed, earned: passed ? task.points : 0, checks };
}

/** Every task (or only those named), in file order; question checks read `context.answers`. */
export function runChecks(scenario: Scenario, session: LabSession, taskIds?: readonly string[], context: CheckEvaluationContext = NO_ANSWERS): TaskResult[] {
  return scenario.tasks.filter((task) => taskIds === undefined || taskIds.includes(task.id)).map((task) => runTask(task, session, context));
}
