/**
 * Grading: a trainee's saved network (a lab file saved from the app, or the lab inside a
 * progress file) booted and checked against the scenario. The lab graded is the trainee's, as
 * saved (their configs and cabling: re-plugging an unplugged cable is a fix), except that
 * locked devices get the scenario's configs back (the trainee could not change them). Faults
 * are not injected again: the saved configs already hold whatever the trainee left of them.
 * (The app saves running-configs, which never equal the scenario's text, so a locked device's
 * saved config is replaced without a note.)
 * A device the scenario has and the saved lab lacks makes its checks fail, with a note.
 */
import type { Lab, LabDevice } from '../lab-document';
import type { LabSession } from '../lab-session';
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
export function gradeSession(scenario: Scenario, session: LabSession): ScenarioScore {
  return scoreTasks(scenario, runChecks(scenario, session));
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
export function gradeLab(scenario: Scenario, saved: Lab, options: { readonly seed: number }): GradeResult {
  const { lab, notes } = buildGradedLab(scenario, saved);
  const started = startScenario(scenario, { seed: options.seed, lab });
  const score = gradeSession(scenario, started.session);
  return { ...score, notes, problems: started.problems.filter((problem) => problem.severity === 'error') };
}
