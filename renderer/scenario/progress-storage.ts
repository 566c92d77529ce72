/**
 * Progress kept on this computer, per scenario, so offline self-study resumes where it stopped:
 * the scenario engine's progress file (sim-core/lab/scenario/progress.ts: tasks passed, hints
 * revealed, the trainee's lab with its running configs, when it was saved) in localStorage,
 * which the sandboxed Electron renderer has as a browser does; and which scenario was open
 * last. The same text is what "Save my work" exports for `v6lab grade`. Anything unreadable
 * in storage reads as "no progress"; a full or disabled storage loses only this save.
 */
import { loadProgress, serializeProgress, type ScenarioProgress } from '../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';

export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'v6lab.progress.';
const LAST_OPENED_KEY = 'v6lab.course.last';

export function progressStorageKey(scenarioId: string): string {
  return `${PREFIX}${scenarioId}`;
}

export function writeProgress(storage: ProgressStorage | undefined, progress: ScenarioProgress): boolean {
  try {
    storage?.setItem(progressStorageKey(progress.scenario), serializeProgress(progress));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function readProgressText(storage: ProgressStorage | undefined, scenarioId: string): string | null {
  try {
    return storage?.getItem(progressStorageKey(scenarioId)) ?? null;
  } catch {
    return null;
  }
}

/** The saved progress of a scenario, or null (none, unreadable, or another scenario's). */
export function readProgress(storage: ProgressStorage | undefined, scenarioId: string): ScenarioProgress | null {
  const text = readProgressText(storage, scenarioId);
  if (text === null) return null;
  const loaded = loadProgress(text, progressStorageKey(scenarioId));
  if (!loaded.ok || loaded.progress.scenario !== scenarioId) return null;
  return loaded.progress;
}

export function clearProgress(storage: ProgressStorage | undefined, scenarioId: string): void {
  try {
    storage?.removeItem(progressStorageKey(scenarioId));
  } catch {
    // Nothing to do: the old progress stays.
  }
}

export function writeLastOpened(storage: ProgressStorage | undefined, scenarioId: string | null): void {
  try {
    if (scenarioId === null) storage?.removeItem(LAST_OPENED_KEY);
    else storage?.setItem(LAST_OPENED_KEY, scenarioId);
  } catch {
    // The next start simply opens no scenario.
  }
}

export function readLastOpened(storage: ProgressStorage | undefined): string | null {
  try {
    return storage?.getItem(LAST_OPENED_KEY) ?? null;
  } catch {
    return null;
  }
}

export interface ScenarioScore {
  readonly score: number;
  readonly max: number;
  readonly passedTasks: number;
  readonly totalTasks: number;
  /** Every task passed. */
  readonly done: boolean;
}

/** Points of the tasks last seen passing, out of the scenario's total. */
export function scoreScenario(scenario: Scenario, tasks: Readonly<Record<string, 'passed' | 'failed'>>): ScenarioScore {
  let score = 0;
  let passedTasks = 0;
  for (const task of scenario.tasks) {
    if (tasks[task.id] !== 'passed') continue;
    score += task.points;
    passedTasks++;
  }
  return { score, max: scenario.totalPoints, passedTasks, totalTasks: scenario.tasks.length, done: passedTasks === scenario.tasks.length };
}

/** A quick summary for the course browser without loading the saved lab: the `tasks:` map only. */
export function readSavedTaskStates(storage: ProgressStorage | undefined, scenarioId: string): Record<string, 'passed' | 'failed'> | null {
  const progress = readProgress(storage, scenarioId);
  return progress === null ? null : { ...progress.tasks };
}
