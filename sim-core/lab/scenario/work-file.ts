/**
 * The trainee's work file: what "Save my work" in the app and `~save FILE` in `v6lab run` and
 * `v6lab console` write, and what `v6lab grade` scores. It is a progress file (progress.ts)
 * whose lab holds each device's configuration as it runs now, in the same text a lab file
 * holds (IOS: the running-config body from `!` to `end`; PC and server: the normalised netsh /
 * ip lines), so the saved lab boots back to the same network and grading scores exactly what
 * the trainee did. One code path for the app (in its simulation worker) and the CLI, so both
 * save the same bytes for the same work. Sim-core reads no clock: `savedAt` is the caller's.
 */
import { withDeviceConfigs, type Lab } from '../lab-document';
import type { LabSession } from '../lab-session';
import { producedByFor, type ScenarioProgress } from './progress';
import type { Scenario } from './scenario-document';

/** Device name → its running configuration text (LabSession.runningConfig: the dialect prints it). */
export function readRunningConfigs(session: LabSession): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const name of session.deviceNames) {
    const config = session.runningConfig(name);
    if (config.ok) configs[name] = config.value;
  }
  return configs;
}

/** The lab with the running configurations in place of the configs it was booted from. */
export function withRunningConfigs(lab: Lab, configs: Readonly<Record<string, string>>): Lab {
  return withDeviceConfigs(lab, configs);
}

export interface WorkState {
  /** The lab as on the canvas (cabling, positions), booted from its configs. */
  readonly lab: Lab;
  /** readRunningConfigs of the running session. */
  readonly configs: Readonly<Record<string, string>>;
  readonly hintsShown: ScenarioProgress['hintsShown'];
  readonly tasks: ScenarioProgress['tasks'];
  readonly answers?: ScenarioProgress['answers'];
  readonly score?: number;
  readonly trainee?: string;
  /** ISO 8601, from the caller's clock. */
  readonly savedAt?: string;
}

/** The progress the app and the CLI save for a scenario's work. */
export function buildWorkProgress(scenario: Scenario, state: WorkState): ScenarioProgress {
  return {
    scenario: scenario.id,
    producedBy: producedByFor(scenario),
    ...(state.trainee === undefined ? {} : { trainee: state.trainee }),
    ...(state.savedAt === undefined ? {} : { savedAt: state.savedAt }),
    hintsShown: state.hintsShown,
    tasks: state.tasks,
    ...(state.score === undefined ? {} : { score: state.score }),
    ...(state.answers === undefined || Object.keys(state.answers).length === 0 ? {} : { answers: state.answers }),
    lab: withRunningConfigs(state.lab, state.configs),
  };
}

/** Work file name the app offers: `<scenario>.progress.yaml`. */
export function workFileName(scenario: Scenario): string {
  return `${scenario.id}.progress.yaml`;
}
