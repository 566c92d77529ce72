/**
 * The scenario pane's requests to the simulation worker, merged into the worker's contract
 * (renderer/sim/sim-protocol.ts) and answered by renderer/scenario/scenario-host.ts. Plain data
 * only (structured clone): the scenario document and check results are JSON-serializable.
 */
import type { BilingualText } from '../../sim-core/devices/catalog';
import type { Lab } from '../../sim-core/lab/lab-document';
import type { TaskResult } from '../../sim-core/lab/scenario/run-checks';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';

export interface ScenarioRequestMap {
  /**
   * Boots `lab` as a new session with the scenario's rules: console history dropped (nothing
   * typed before is typed again), the scenario's faults injected at every boot when
   * `injectFaults` (a fresh start or a reset; not when resuming saved work), locked devices'
   * consoles view-only. Later `load-lab` requests (topology edits) keep those rules.
   */
  'scenario-open': {
    request: { readonly lab: Lab; readonly scenario: Scenario; readonly injectFaults: boolean; readonly seed: number };
    /** Boot and fault problems as file:line:column texts in both languages (the pane shows the app's). */
    reply: { readonly generation: number; readonly problems: readonly BilingualText[] };
  };
  /** Leaves the scenario: later boots inject no faults and lock nothing. */
  'scenario-close': { request: null; reply: null };
  /** Runs the checks of the tasks named (all when omitted) on the running network. */
  'scenario-check': { request: { readonly taskIds?: readonly string[] }; reply: readonly TaskResult[] };
  /** Types the reference solution at each device's console, as an instructor would. */
  'scenario-solution': { request: null; reply: { readonly lines: number } };
  /** Every device's running configuration as config text (IOS running-config, host netsh/ip lines). */
  'scenario-configs': { request: null; reply: Readonly<Record<string, string>> };
}

export type ScenarioRequestType = keyof ScenarioRequestMap;

export const SCENARIO_REQUEST_TYPES: Record<ScenarioRequestType, true> = {
  'scenario-open': true,
  'scenario-close': true,
  'scenario-check': true,
  'scenario-solution': true,
  'scenario-configs': true,
};

export function isScenarioRequestType(type: string): type is ScenarioRequestType {
  return Object.hasOwn(SCENARIO_REQUEST_TYPES, type);
}
