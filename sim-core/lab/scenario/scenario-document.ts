/**
 * The scenario document: what load-scenario.ts returns and what the pane, `v6lab check`,
 * `v6lab grade` and the progress file work from. A scenario is a lab (the lab document of
 * the lab-document module, used as is to boot) plus the course: bilingual title, summary and markdown
 * instructions, tasks with declarative checks (checks/registry.ts), hints, locked devices,
 * faults injected at start and a reference solution typed at device consoles.
 * Plain readonly data, JSON-serializable.
 */
import type { DeviceName, Lab } from '../lab-document';
import type { BilingualText } from './bilingual-text';
import type { ScenarioCheck } from './checks/registry';
import type { ScenarioLevel } from './scenario-schema';

export type ScenarioId = string & { readonly __brand: 'ScenarioId' };
export type TaskId = string & { readonly __brand: 'TaskId' };

export interface ScenarioTask {
  readonly id: TaskId;
  readonly title: BilingualText;
  readonly points: number;
  readonly checks: readonly ScenarioCheck[];
  /** In the order they are revealed; may be empty. */
  readonly hints: readonly BilingualText[];
}

export type ScenarioFault =
  | { readonly kind: 'config'; readonly device: DeviceName; readonly commands: string; readonly note?: BilingualText }
  | { readonly kind: 'unplug'; readonly link: string; readonly note?: BilingualText }
  | { readonly kind: 'shutdown'; readonly interface: string; readonly note?: BilingualText };

export interface SolutionStep {
  readonly device: DeviceName;
  /** Lines typed in order ('\n' separated, as written). */
  readonly commands: string;
}

export interface Scenario {
  readonly id: ScenarioId;
  /** The format version the file was written in (the document is always the current format). */
  readonly version: number;
  readonly title: BilingualText;
  readonly summary: BilingualText;
  readonly level: ScenarioLevel;
  readonly minutes: number;
  /** 1–10: the step of the conversion plan it trains. */
  readonly planStep: number;
  /** Markdown. */
  readonly instructions: BilingualText;
  readonly tasks: readonly ScenarioTask[];
  /** Sum of the tasks' points (equal to the file's totalPoints when it gives one). */
  readonly totalPoints: number;
  readonly locked: readonly DeviceName[];
  readonly faults: readonly ScenarioFault[];
  readonly solution: readonly SolutionStep[];
  /** The network, as a lab (name = title). */
  readonly lab: Lab;
}

/** Whether a device is locked (names compared without case, as in labs). */
export function isLockedDevice(scenario: Scenario, device: string): boolean {
  const wanted = device.toLowerCase();
  return scenario.locked.some((name) => name.toLowerCase() === wanted);
}
