/**
 * The scenario side of the simulation worker (renderer/sim/sim-host.ts hands it the scenario
 * requests of scenario-protocol.ts and calls it at boot and for console keys): which scenario
 * is running, its faults injected at every boot of a fresh start (sim-core's applyFaults, the
 * same path `v6lab check` uses), the view-only consoles of locked devices (locked-console.ts),
 * the checks run on the live network (sim-core's runChecks: the pane, `v6lab check` and
 * `v6lab grade` share them), the reference solution typed at the consoles, and the running
 * configurations read back for saving.
 */
import { getDeviceKindSpec, type Dialect } from '../../sim-core/devices/catalog';
import type { Lab } from '../../sim-core/lab/lab-document';
import type { LabSession } from '../../sim-core/lab/lab-session';
import { applyFaults } from '../../sim-core/lab/scenario/faults';
import { runChecks } from '../../sim-core/lab/scenario/run-checks';
import { SOLUTION_CONVERGE_NS } from '../../sim-core/lab/scenario/solution';
import { isLockedDevice, type Scenario } from '../../sim-core/lab/scenario/scenario-document';
import { formatProblemBilingual } from '../../sim-core/lab/problem-text';
import type { BilingualText } from '../../sim-core/devices/catalog';
import { lockedNotice, writeLockedKeys, type LockableConsole } from '../../sim-core/lab/scenario/locked-console';
import type { ScenarioRequestMap, ScenarioRequestType } from './scenario-protocol';
import { readRunningConfigs } from './running-configs';

/** Most virtual time a solution line may run (a ping in a solution). */
const SOLUTION_LINE_LIMIT_NS = 600_000_000_000;

const COMMENT: Readonly<Record<Dialect, RegExp>> = {
  ios: /^\s*!/,
  windows: /^\s*(rem(\s|$)|::)/i,
  linux: /^\s*#/,
};

/** What the scenario host needs of the simulation host. */
export interface ScenarioHostAccess {
  /** The running session; throws a request error when there is none. */
  session(): LabSession;
  /** Boots `lab` as a new generation without typing old console input again. */
  bootFresh(lab: Lab, seed: number): { readonly generation: number; readonly problems: readonly BilingualText[] };
  /** Types keys at a device's console as a person would (logged for replays, shown in its terminal). */
  type(device: string, data: string): void;
  /** Virtual time jumped (checks, solution): realtime continues from here. */
  anchor(): void;
  /** Answers the request with an error for a person. */
  fail(message: string): never;
}

export class ScenarioHost {
  private scenario: Scenario | null = null;
  private injectFaults = false;
  /** Fault problems of the last boot, formatted. */
  private faultProblems: BilingualText[] = [];

  /** The scenario running, if any. */
  get current(): Scenario | null {
    return this.scenario;
  }

  handle<T extends ScenarioRequestType>(type: T, body: ScenarioRequestMap[T]['request'], access: ScenarioHostAccess): ScenarioRequestMap[T]['reply'] {
    return this.dispatch(type, body, access) as ScenarioRequestMap[T]['reply'];
  }

  private dispatch(type: ScenarioRequestType, body: unknown, access: ScenarioHostAccess): unknown {
    switch (type) {
      case 'scenario-open': {
        const request = body as ScenarioRequestMap['scenario-open']['request'];
        this.scenario = request.scenario;
        this.injectFaults = request.injectFaults;
        const booted = access.bootFresh(request.lab, request.seed);
        return { generation: booted.generation, problems: [...booted.problems, ...this.faultProblems] };
      }
      case 'scenario-close':
        this.scenario = null;
        this.injectFaults = false;
        return null;
      case 'scenario-check': {
        const scenario = this.requireScenario(access);
        const request = body as ScenarioRequestMap['scenario-check']['request'];
        const results = runChecks(scenario, access.session(), request.taskIds);
        access.anchor();
        return results;
      }
      case 'scenario-solution':
        return this.typeSolution(this.requireScenario(access), access);
      case 'scenario-configs':
        return readRunningConfigs(access.session());
    }
  }

  private requireScenario(access: ScenarioHostAccess): Scenario {
    return this.scenario ?? access.fail('no scenario is open');
  }

  /** Called right after every boot, before time runs: injects the faults of a fresh start. */
  afterBoot(session: LabSession): void {
    this.faultProblems = [];
    if (this.scenario === null || !this.injectFaults) return;
    this.faultProblems = applyFaults(session, this.scenario).map(formatProblemBilingual);
  }

  isLocked(device: string): boolean {
    return this.scenario !== null && isLockedDevice(this.scenario, device);
  }

  /** Printed when a locked device's console opens. */
  consoleBanner(device: string): string | undefined {
    return this.isLocked(device) ? lockedNotice(device) : undefined;
  }

  /** Keys for a device's console: straight through, or through the lock of a locked device. */
  writeKeys(session: LabSession, device: string, console: LockableConsole, data: string): void {
    if (!this.isLocked(device)) {
      console.write(data);
      return;
    }
    const dialect = getDeviceKindSpec(session.network.device(device).kind).dialect;
    const interruptKey = session.interruptKeyOf(device);
    writeLockedKeys(console, dialect, device, data, interruptKey.ok ? interruptKey.value : '\x03');
  }

  /**
   * Types every solution step at its device's console, line by line, letting each line's
   * command finish (virtual time runs); an IOS console left in a configuration mode gets `end`
   * first, as solution.ts does for `v6lab check --solution`; then the network is given the
   * time `v6lab check --solution` gives it (router advertisements, DAD, SLAAC), so Check all
   * right after sees what an instructor waiting a few minutes would.
   */
  private typeSolution(scenario: Scenario, access: ScenarioHostAccess): { lines: number } {
    const session = access.session();
    let lines = 0;
    for (const step of scenario.solution) {
      const name = session.resolveDeviceName(step.device);
      if (!name.ok) continue;
      const dialect = getDeviceKindSpec(session.network.device(name.value).kind).dialect;
      const prompt = session.promptOf(name.value);
      if (dialect === 'ios' && prompt.ok && /\(config[^)]*\)#\s*$/.test(prompt.value)) access.type(name.value, 'end\r');
      for (const line of step.commands.split(/\r?\n/)) {
        if (line.trim() === '' || COMMENT[dialect].test(line)) continue;
        access.type(name.value, `${line}\r`);
        lines++;
        if (session.isBusy(name.value)) session.runUntilPrompt(name.value, session.nowNs + SOLUTION_LINE_LIMIT_NS);
      }
    }
    session.runFor(SOLUTION_CONVERGE_NS);
    access.anchor();
    return { lines };
  }
}
