/**
 * Starting a scenario: boot its lab (or a trainee's saved lab, for grading), inject the faults,
 * and let the network settle (LabSession.runUntilSettled: DAD, router discovery, SLAAC). This is
 * the state a trainee finds when the scenario opens, and the state `v6lab check` tests.
 */
import { bootLab } from '../boot-lab';
import type { Lab } from '../lab-document';
import type { LabSession, SettleResult } from '../lab-session';
import { applyFaults } from './faults';
import type { ScenarioSourceMap } from './load-scenario';
import type { Scenario } from './scenario-document';
import type { ScenarioProblem } from './scenario-problems';

export interface StartScenarioOptions {
  /** Seed of the simulation (required: a run is replayable from its seed). */
  readonly seed: number;
  /** Positions in the scenario file, so problems name file:line:column. */
  readonly source?: ScenarioSourceMap;
  /** Boot this lab instead of the scenario's (a trainee's saved work); faults are then not injected. */
  readonly lab?: Lab;
  /** Do not run virtual time (the caller settles later). */
  readonly settle?: boolean;
  /** Most events the session may take before it stops as a storm (bootLab's eventBudget). */
  readonly eventBudget?: number;
}

export interface StartedScenario {
  readonly session: LabSession;
  /** Boot problems (refused config lines) and fault problems, in file order. */
  readonly problems: readonly ScenarioProblem[];
  readonly settle?: SettleResult;
}

export function startScenario(scenario: Scenario, options: StartScenarioOptions): StartedScenario {
  const ownLab = options.lab === undefined;
  const session = bootLab(options.lab ?? scenario.lab, { seed: options.seed, ...(options.eventBudget === undefined ? {} : { eventBudget: options.eventBudget }), ...(ownLab && options.source !== undefined ? { source: options.source.lab } : {}) });
  const problems: ScenarioProblem[] = [...session.problems];
  if (ownLab) problems.push(...applyFaults(session, scenario, options.source));
  if (options.settle === false) return { session, problems };
  const settle = session.runUntilSettled();
  return { session, problems, settle };
}
