/**
 * Grading: a trainee's saved network (a lab file saved from the app, or the lab inside a
 * progress file) booted and checked against the scenario. The lab graded is the trainee's, as
 * saved (their configs and cabling: re-plugging an unplugged cable is a fix), except that
 * locked devices get the scenario's configs back (the trainee could not change them). Faults
 * are not injected again: the saved configs already hold whatever the trainee left of them.
 * (The app saves running-configs, which never equal the scenario's text, so a locked device's
 * saved config is replaced without a note.)
 * A device the scenario has and the saved lab lacks makes its checks fail, with a note.
 * Question checks are graded from the saved answers. A progress file's own `tasks` and `score`
 * are claims: gradeProgress recomputes both and lists every claim the work does not bear out
 * (an edited file, or work saved against another revision of the scenario).
 */
import type { Lab, LabDevice } from '../lab-document';
import { bilingual, type BilingualText } from './bilingual-text';
import type { LabSession } from '../lab-session';
import type { CheckEvaluationContext } from './checks/check-kind';
import { modelAnswer, type QuestionCheck } from './checks/question-check';
import { scenarioDigest, type ScenarioProgress } from './progress';
import { runChecks, type TaskResult } from './run-checks';
import { isLockedDevice, type Scenario } from './scenario-document';
import type { ScenarioProblem } from './scenario-problems';
import { startScenario } from './start-scenario';

export interface ScenarioScore {
  readonly score: number;
  readonly max: number;
  readonly tasks: readonly TaskResult[];
}

export interface GradeResult extends ScenarioScore {
  /** Differences between the saved lab and the scenario that the instructor should know of. */
  readonly notes: readonly string[];
  /** Config lines the booted devices refused (a hand-edited file). */
  readonly problems: readonly ScenarioProblem[];
}

export function scoreTasks(scenario: Scenario, tasks: readonly TaskResult[]): ScenarioScore {
  return { score: tasks.reduce((sum, task) => sum + task.earned, 0), max: scenario.totalPoints, tasks };
}

/** Runs every check on a running session and scores it. */
export function gradeSession(scenario: Scenario, session: LabSession, context?: CheckEvaluationContext): ScenarioScore {
  return scoreTasks(scenario, runChecks(scenario, session, undefined, context));
}

/** The question checks of a scenario, in file order. */
export function questionsOf(scenario: Scenario): QuestionCheck[] {
  return scenario.tasks.flatMap((task) => task.checks.filter((check) => check.kind === 'question') as unknown as QuestionCheck[]);
}

/** A right answer to every question (the solution's answers, for `v6lab check --solution`). */
export function modelAnswers(scenario: Scenario): Record<string, readonly string[]> {
  return Object.fromEntries(questionsOf(scenario).map((question) => [question.id, modelAnswer(question)]));
}

/** The lab to grade: the trainee's, locked devices restored, plus notes on what differs. */
export function buildGradedLab(scenario: Scenario, saved: Lab): { readonly lab: Lab; readonly notes: readonly string[] } {
  const notes: string[] = [];
  const savedByName = new Map(saved.devices.map((device) => [device.name.toLowerCase(), device]));
  for (const device of scenario.lab.devices) {
    const found = savedByName.get(device.name.toLowerCase());
    if (found === undefined) notes.push(`${device.name} is missing from the saved lab`);
    else if (found.kind !== device.kind) notes.push(`${device.name} is a ${found.kind} in the saved lab, a ${device.kind} in the scenario`);
  }
  const devices = saved.devices.map((device): LabDevice => {
    if (!isLockedDevice(scenario, device.name)) return device;
    const original = scenario.lab.devices.find((candidate) => candidate.name.toLowerCase() === device.name.toLowerCase());
    if (original === undefined) return device;
    return { ...device, ...(original.config === undefined ? { config: undefined } : { config: original.config }) };
  });
  return { lab: { ...saved, devices }, notes };
}

/** Boots the trainee's saved lab and grades it. */
export function gradeLab(scenario: Scenario, saved: Lab, options: { readonly seed: number; readonly answers?: CheckEvaluationContext['answers'] }): GradeResult {
  const { lab, notes } = buildGradedLab(scenario, saved);
  const started = startScenario(scenario, { seed: options.seed, lab });
  const score = gradeSession(scenario, started.session, { answers: options.answers ?? {} });
  return { ...score, notes, problems: started.problems.filter((problem) => problem.severity === 'error') };
}

export interface ProgressGrade extends GradeResult {
  /** Claims of the file the recomputed grade does not bear out (a tampered or stale file). */
  readonly mismatches: readonly BilingualText[];
}

/**
 * Grades a progress file's work (its lab and answers) against the scenario. The caller has
 * checked the scenario id. A file saved against another revision of the scenario gets a note.
 */
export function gradeProgress(scenario: Scenario, progress: ScenarioProgress, options: { readonly seed: number }): ProgressGrade {
  const result = gradeLab(scenario, progress.lab, { seed: options.seed, answers: progress.answers ?? {} });
  const mismatches: BilingualText[] = [];
  if (progress.score !== undefined && progress.score !== result.score) {
    mismatches.push(bilingual(`tệp ghi điểm ${progress.score}, chấm lại từ bài làm được ${result.score}`, `the file says score ${progress.score}; the work grades ${result.score}`));
  }
  for (const task of result.tasks) {
    const claimed = progress.tasks[task.taskId];
    if (claimed === 'passed' && !task.passed) mismatches.push(bilingual(`tệp ghi nhiệm vụ ${task.taskId} đạt, chấm lại chưa đạt`, `the file says task ${task.taskId} passed; the work does not pass it`));
  }
  const digest = scenarioDigest(scenario);
  const notes = [...result.notes];
  if (progress.producedBy !== undefined && progress.producedBy.scenarioDigest !== digest) {
    notes.push(`saved against another revision of ${scenario.id} (digest ${progress.producedBy.scenarioDigest}, this file's scenario is ${digest}, by V6Lab ${progress.producedBy.v6lab})`);
  }
  return { ...result, notes, mismatches };
}
