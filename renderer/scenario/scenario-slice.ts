/**
 * The scenario pane's slice of the app store: whether the pane shows the course browser or a
 * scenario, the scenario open, the last result of each task (with every check's bilingual
 * explanation), hints revealed per task, instructor mode, what is running (a check, the
 * solution), and the locked devices the lab slice and the canvas refuse to change. Plain data:
 * the worker runs the checks (scenario-controller.ts), this slice only records what it said.
 */
import type { DeviceName } from '../../sim-core/lab/lab-document';
import type { TaskResult } from '../../sim-core/lab/scenario/run-checks';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import type { AppSliceCreator } from '../state/slice-types';

export type ScenarioPaneView = 'closed' | 'course' | 'scenario';
export type TaskState = 'passed' | 'failed';
/** What the pane is waiting for. */
export type ScenarioActivity = { readonly kind: 'check'; readonly taskId: string | null } | { readonly kind: 'solution' } | { readonly kind: 'open' } | null;

export interface ScenarioState {
  readonly scenarioPane: ScenarioPaneView;
  readonly activeScenario: Scenario | null;
  /** Last result per task id (this run: explanations included). */
  readonly taskResults: Readonly<Record<string, TaskResult>>;
  /** Last state per task id, kept in the progress file (so it survives a restart without results). */
  readonly taskStates: Readonly<Record<string, TaskState>>;
  /** Hints revealed per task id. */
  readonly hintsShown: Readonly<Record<string, number>>;
  readonly instructorMode: boolean;
  readonly scenarioActivity: ScenarioActivity;
  /** The open scenario's locked devices (empty when none is open). */
  readonly lockedDevices: readonly DeviceName[];
}

export interface ScenarioActions {
  setScenarioPane(view: ScenarioPaneView): void;
  /** A scenario opened: fresh (no progress) or resumed with its task states and hints. */
  beginScenario(scenario: Scenario, saved?: { readonly taskStates: Readonly<Record<string, TaskState>>; readonly hintsShown: Readonly<Record<string, number>> }): void;
  endScenario(): void;
  recordTaskResults(results: readonly TaskResult[]): void;
  /** Reveals the task's next hint; false when every hint is shown (or the task has none). */
  revealHint(taskId: string): boolean;
  setInstructorMode(on: boolean): void;
  setScenarioActivity(activity: ScenarioActivity): void;
}

/** Task states after a check: the tasks checked take their new state, the others keep theirs. */
export function mergeTaskStates(states: Readonly<Record<string, TaskState>>, results: readonly TaskResult[]): Record<string, TaskState> {
  const next: Record<string, TaskState> = { ...states };
  for (const result of results) next[result.taskId] = result.passed ? 'passed' : 'failed';
  return next;
}

/** Hints revealed after one more for `taskId` (unchanged when all are shown). */
export function nextHintsShown(scenario: Scenario, hintsShown: Readonly<Record<string, number>>, taskId: string): Readonly<Record<string, number>> {
  const task = scenario.tasks.find((entry) => entry.id === taskId);
  const shown = hintsShown[taskId] ?? 0;
  if (task === undefined || shown >= task.hints.length) return hintsShown;
  return { ...hintsShown, [taskId]: shown + 1 };
}

/** Total hints revealed in a scenario (the pane shows it beside the score). */
export function countHintsUsed(hintsShown: Readonly<Record<string, number>>): number {
  return Object.values(hintsShown).reduce((sum, count) => sum + count, 0);
}

/** Only entries for tasks the scenario has (a progress file of an older version may name others). */
function keepKnownTasks<T>(scenario: Scenario, entries: Readonly<Record<string, T>>): Record<string, T> {
  const known = new Set<string>(scenario.tasks.map((task) => task.id));
  return Object.fromEntries(Object.entries(entries).filter(([taskId]) => known.has(taskId)));
}

export const createScenarioSlice: AppSliceCreator<ScenarioState & ScenarioActions> = (set, get) => ({
  scenarioPane: 'closed',
  activeScenario: null,
  taskResults: {},
  taskStates: {},
  hintsShown: {},
  instructorMode: false,
  scenarioActivity: null,
  lockedDevices: [],
  setScenarioPane: (scenarioPane) => set({ scenarioPane }),
  beginScenario: (scenario, saved) =>
    set({
      scenarioPane: 'scenario',
      activeScenario: scenario,
      taskResults: {},
      taskStates: saved === undefined ? {} : keepKnownTasks(scenario, saved.taskStates),
      hintsShown: saved === undefined ? {} : keepKnownTasks(scenario, saved.hintsShown),
      instructorMode: false,
      scenarioActivity: null,
      lockedDevices: scenario.locked,
    }),
  endScenario: () =>
    set((state) => ({
      scenarioPane: state.scenarioPane === 'scenario' ? 'course' : state.scenarioPane,
      activeScenario: null,
      taskResults: {},
      taskStates: {},
      hintsShown: {},
      instructorMode: false,
      scenarioActivity: null,
      lockedDevices: [],
    })),
  recordTaskResults: (results) =>
    set((state) => ({
      taskResults: { ...state.taskResults, ...Object.fromEntries(results.map((result) => [result.taskId, result])) },
      taskStates: mergeTaskStates(state.taskStates, results),
    })),
  revealHint: (taskId) => {
    const state = get();
    if (state.activeScenario === null) return false;
    const hintsShown = nextHintsShown(state.activeScenario, state.hintsShown, taskId);
    if (hintsShown === state.hintsShown) return false;
    set({ hintsShown });
    return true;
  },
  setInstructorMode: (instructorMode) => set({ instructorMode }),
  setScenarioActivity: (scenarioActivity) => set({ scenarioActivity }),
});
