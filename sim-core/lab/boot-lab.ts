/**
 * Booting a lab: the lab (from load-lab.ts) → a running network in a LabSession. Every
 * device is created by kind and name, every link cabled with its delay, bandwidth and MTU (a
 * link in state `down` is left unplugged), then each device's config text is applied by its
 * dialect (dialect-registry.ts), as a device reads its startup-config at power-on (the steps
 * for one device and one link are in boot-device.ts, shared with devices added at run time).
 * Nothing runs yet: virtual time is 0 until the caller runs it (`runUntilSettled`). The trace
 * keeps only the last frames the storm report reads unless the caller asks for more
 * (`traceRecords`): a province's 262,144-record ring with bytes was a fifth of its memory.
 *
 * Every config line a device refuses becomes a problem at its file:line:column (through the
 * source map and `locateConfigLine`), with the device's own error text and the caret line IOS
 * prints, all at once; the device keeps every line it accepted, as IOS does. Booting never
 * throws on anything a person wrote: a failure inside the simulator is reported as a problem
 * that says it is a V6Lab bug.
 * Leaves out: power-on order and boot delays (every device starts at time 0).
 */
import { Network } from '../sim/network';
import type { LabSourceMap } from './load-lab';
import { formatProblemWithExcerpt, type ProblemLanguage } from './problem-text';
import { applyLabConfig, cableLabLink, createLabDevice, type BootSource, type LabBootProblem } from './boot-device';
import { LabSession } from './lab-session';
import { BUDGET_REPORT_SAMPLE } from './budget-report';
import type { Lab } from './lab-document';

export type { LabBootProblem, LabBootProblemCode } from './boot-device';

export interface BootLabOptions {
  /** Seed of every random choice in the run (required: a run is replayable from its seed). */
  readonly seed: number;
  /** Positions in the lab file (from loadLab) so problems name file:line:column. */
  readonly source?: LabSourceMap;
  /** Most events one run may take before it stops as a storm (default: the simulator's). */
  readonly eventBudget?: number;
  /**
   * Frames the trace keeps, newest last, bytes included, for whoever reads them after a run.
   * The default is the tail the storm report reads (`BUDGET_REPORT_SAMPLE`); 0 keeps none. The
   * trace hash is the same whatever is kept. The app's timeline subscribes to the trace and
   * captures tap their port, so neither needs more; a test that reads `trace.records()` asks.
   */
  readonly traceRecords?: number;
}

/** Builds and configures the lab's network; problems are on `session.problems`. Never throws on lab content. */
export function bootLab(lab: Lab, options: BootLabOptions): LabSession {
  const traceRecords = options.traceRecords ?? BUDGET_REPORT_SAMPLE;
  const network = new Network({
    seed: options.seed,
    trace: traceRecords > 0 ? { capacity: traceRecords } : { keepRecords: false },
    ...(options.eventBudget === undefined ? {} : { eventBudget: options.eventBudget }),
  });
  const problems: LabBootProblem[] = [];
  const where: BootSource = { fileName: options.source?.fileName ?? 'lab', ...(options.source === undefined ? {} : { source: options.source }) };

  const added = new Set<string>();
  for (const device of lab.devices) {
    const created = createLabDevice(network, device, where);
    if ('problem' in created) problems.push(created.problem);
    else added.add(device.name);
  }

  for (const link of lab.links) {
    const [a, b] = link.endpoints;
    if (!added.has(a.device) || !added.has(b.device)) continue;
    const cabled = cableLabLink(network, link, where);
    if ('problem' in cabled) problems.push(cabled.problem);
  }

  for (const device of lab.devices) {
    if (device.config === undefined || device.config.trim() === '' || !added.has(device.name)) continue;
    problems.push(...applyLabConfig(network.device(device.name), device, device.config, where));
  }

  // Without a source map positions are per config: keep device order.
  return new LabSession(lab, network, options.source === undefined ? problems : sortBootProblems(problems));
}

/** File order; problems at one place keep their order (as sortProblems does for load problems). */
export function sortBootProblems(problems: readonly LabBootProblem[]): LabBootProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** One boot problem as a compiler prints it (in English), the excerpt indented under it. */
export function formatBootProblem(problem: LabBootProblem): string {
  return formatBootProblemIn(problem, 'en');
}

/** One boot problem in one language, the excerpt (the config line as written) indented under it. */
export function formatBootProblemIn(problem: LabBootProblem, language: ProblemLanguage): string {
  return formatProblemWithExcerpt(problem, language);
}
