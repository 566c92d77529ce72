/**
 * What the scenario pane's buttons do, outside React: open a scenario (fresh, or resumed from
 * the progress saved on this computer), Check one task or all, reveal a hint, Reset the lab,
 * apply the reference solution (instructor mode), save and export the trainee's work. The
 * network runs in the simulation worker; this talks to it through the scenario requests
 * (scenario-protocol.ts) and keeps the store and the saved progress in step.
 *
 * Opening a scenario puts its lab in the editor as a new document; cables the scenario's
 * `unplug` faults pull are unplugged in that document (the trainee plugs them back on the
 * canvas), the other faults are injected by the worker at boot. Opening any other document
 * ends the scenario (its progress saved first).
 *
 * The trainee's own lab is not lost to a scenario: opening one over unsaved work asks "save or
 * discard?" first, as New does (the file commands' confirm dialog, intent `open-scenario`); a lab
 * saved or never changed is kept aside, with each device's running configuration, and comes back
 * when the scenario is closed.
 */
import { withLayout } from '../canvas/auto-layout';
import type { Lab, LabLink } from '../../sim-core/lab/lab-document';
import { serializeProgress, type ScenarioProgress } from '../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import type { AppStore } from '../state/create-app-store';
import { isLabDirty } from '../state/lab-slice';
import type { SimReplyOf, SimRequestOf, SimRequestType } from '../sim/sim-protocol';
import { clearProgress, readProgress, writeLastOpened, writeProgress, type ProgressStorage } from './progress-storage';
import { buildWorkProgress, withRunningConfigs } from '../../sim-core/lab/scenario/work-file';

export interface ScenarioClient {
  request<T extends SimRequestType>(type: T, body: SimRequestOf<T>): Promise<SimReplyOf<T>>;
}

export interface ScenarioControllerOptions {
  readonly store: AppStore;
  readonly client: ScenarioClient;
  readonly storage: ProgressStorage | undefined;
  /** The seed every scenario session boots from. */
  readonly seed: number;
  /** The wall clock, for `savedAt` (the renderer may read it; sim-core may not). */
  readonly now?: () => Date;
}

/** The lab a fresh start shows: the scenario's, with the cables of `unplug` faults unplugged. */
export function startingLab(scenario: Scenario): Lab {
  const unplugged = scenario.faults.flatMap((fault) => (fault.kind === 'unplug' ? [fault.link.toLowerCase()] : []));
  if (unplugged.length === 0) return scenario.lab;
  const matches = (link: LabLink) =>
    link.endpoints.some((end) => unplugged.some((text) => endpointMatches(text, end.device, end.interface)));
  return { ...scenario.lab, links: scenario.lab.links.map((link) => (matches(link) ? { ...link, state: 'down' as const } : link)) };
}

/** `r1:g0/1` against R1 / GigabitEthernet0/1: same device, and the interface written in full or as its IOS abbreviation. */
function endpointMatches(text: string, device: string, iface: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0 || text.slice(0, colon).trim() !== device.toLowerCase()) return false;
  const wanted = text.slice(colon + 1).trim().replace(/\s+/g, '');
  const full = iface.toLowerCase();
  if (wanted === full) return true;
  const split = /^([a-z-]+)([\d/.]+)$/.exec(full);
  const typed = /^([a-z-]+)([\d/.]+)$/.exec(wanted);
  return split !== null && typed !== null && split[2] === typed[2] && split[1]!.startsWith(typed[1]!);
}

/** The scenario the worker runs: `unplug` faults are already in the document. */
function workerScenario(scenario: Scenario): Scenario {
  return scenario.faults.some((fault) => fault.kind === 'unplug') ? { ...scenario, faults: scenario.faults.filter((fault) => fault.kind !== 'unplug') } : scenario;
}

export class ScenarioController {
  private readonly store: AppStore;
  private readonly client: ScenarioClient;
  private readonly storage: ProgressStorage | undefined;
  private readonly seed: number;
  private readonly now: () => Date;
  /** The document generation of the scenario's lab: another one means the person opened something else. */
  private scenarioGeneration = -1;
  /** The trainee's lab from before the scenario (with running configurations), back on close. */
  private keptLab: { readonly lab: Lab; readonly filePath: string | null } | null = null;

  constructor(options: ScenarioControllerOptions) {
    this.store = options.store;
    this.client = options.client;
    this.storage = options.storage;
    this.seed = options.seed;
    this.now = options.now ?? (() => new Date());
  }

  /** Ends the scenario when another document replaces its lab; returns the unsubscribe function. */
  watchDocuments(): () => void {
    return this.store.subscribe((state, previous) => {
      if (state.documentGeneration === previous.documentGeneration || previous.activeScenario === null) return;
      if (state.documentGeneration === this.scenarioGeneration) return;
      // Posted before the runtime boots the new document: the worker still runs the scenario's network.
      void this.saveFrom(previous.activeScenario, previous.lab, previous.taskStates, previous.hintsShown);
      void this.client.request('scenario-close', null).catch(() => undefined);
      this.store.getState().endScenario();
      // Something else was opened: that replaces the lab kept aside too.
      this.keptLab = null;
    });
  }

  /** Whether closing the scenario brings the trainee's own lab back. */
  get hasKeptLab(): boolean {
    return this.keptLab !== null;
  }

  /**
   * Opens a scenario: resumes saved progress when there is some, else starts fresh. Over a lab
   * with unsaved changes it asks "save or discard?" first (`confirmed` once answered); the lab it
   * replaces is kept for `close` unless the person discarded it.
   */
  async open(scenario: Scenario, options: { readonly confirmed?: boolean } = {}): Promise<void> {
    const state = this.store.getState();
    const current = state.activeScenario;
    if (current === null) {
      if (!options.confirmed && isLabDirty(state)) {
        state.openDialog({ kind: 'confirm-discard', then: { kind: 'open-scenario', scenario } });
        return;
      }
      // Still dirty after the question: the person chose to discard it.
      this.keptLab = isLabDirty(state) || state.lab.devices.length === 0 ? null : await this.keepLab();
    }
    const saved = readProgress(this.storage, scenario.id);
    if (current !== null && current.id !== scenario.id) await this.save();
    await this.boot(scenario, saved);
  }

  /** The lab on the canvas now, with each device's running configuration (the worker still runs it). */
  private async keepLab(): Promise<{ readonly lab: Lab; readonly filePath: string | null }> {
    const { lab, filePath } = this.store.getState();
    try {
      return { lab: withRunningConfigs(lab, await this.client.request('running-configs', null)), filePath };
    } catch {
      return { lab, filePath };
    }
  }

  /** Back to the start: the scenario's lab with its faults, no task passed, no hint shown. */
  async reset(): Promise<void> {
    const scenario = this.store.getState().activeScenario;
    if (scenario === null) return;
    clearProgress(this.storage, scenario.id);
    await this.boot(scenario, null);
    this.store.getState().setStatus({ key: 'scenario.status.reset' });
  }

  private async boot(scenario: Scenario, saved: ScenarioProgress | null): Promise<void> {
    const state = this.store.getState();
    // A scenario's lab without positions is laid out like an opened file.
    const lab = withLayout(saved?.lab ?? startingLab(scenario)).lab;
    this.scenarioGeneration = state.documentGeneration + 1;
    state.loadDocument(lab, { filePath: null });
    state.beginScenario(scenario, saved === null ? undefined : { taskStates: saved.tasks, hintsShown: saved.hintsShown });
    state.setScenarioActivity({ kind: 'open' });
    state.dismissWelcome();
    writeLastOpened(this.storage, scenario.id);
    try {
      const reply = await this.client.request('scenario-open', { lab, scenario: workerScenario(scenario), injectFaults: saved === null, seed: this.seed });
      this.store.getState().setStatus(
        reply.problems.length > 0
          ? { key: 'scenario.status.bootProblems', values: { count: reply.problems.length, first: reply.problems[0]![this.store.getState().language] } }
          : { key: saved === null ? 'scenario.status.started' : 'scenario.status.resumed' },
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.store.getState().setScenarioActivity(null);
    }
  }

  /**
   * Leaves the scenario (progress saved). The trainee's lab from before comes back when one was
   * kept; otherwise the scenario's lab stays on the canvas as an ordinary document.
   */
  async close(): Promise<void> {
    if (this.store.getState().activeScenario === null) return;
    await this.save();
    await this.client.request('scenario-close', null).catch(() => undefined);
    writeLastOpened(this.storage, null);
    this.store.getState().endScenario();
    const kept = this.keptLab;
    this.keptLab = null;
    if (kept !== null) {
      this.store.getState().loadDocument(kept.lab, { filePath: kept.filePath });
      this.store.getState().setStatus({ key: 'scenario.status.labBack' });
    }
  }

  /** Runs the checks of one task, or of every task, and saves. */
  async check(taskId?: string): Promise<void> {
    const state = this.store.getState();
    if (state.activeScenario === null || state.scenarioActivity !== null) return;
    state.setScenarioActivity({ kind: 'check', taskId: taskId ?? null });
    try {
      const results = await this.client.request('scenario-check', taskId === undefined ? {} : { taskIds: [taskId] });
      this.store.getState().recordTaskResults(results);
      await this.save();
    } catch (error) {
      this.fail(error);
    } finally {
      this.store.getState().setScenarioActivity(null);
    }
  }

  revealHint(taskId: string): void {
    if (this.store.getState().revealHint(taskId)) void this.save();
  }

  /** Instructor mode: types the reference solution at the consoles, then checks every task. */
  async applySolution(): Promise<void> {
    const state = this.store.getState();
    if (state.activeScenario === null || !state.instructorMode || state.scenarioActivity !== null) return;
    state.setScenarioActivity({ kind: 'solution' });
    try {
      await this.client.request('scenario-solution', null);
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.store.getState().setScenarioActivity(null);
    }
    await this.check();
  }

  /** Saves the open scenario's progress on this computer; returns it (null when none is open or the worker failed). */
  async save(): Promise<ScenarioProgress | null> {
    const state = this.store.getState();
    if (state.activeScenario === null) return null;
    return this.saveFrom(state.activeScenario, state.lab, state.taskStates, state.hintsShown);
  }

  private async saveFrom(scenario: Scenario, lab: Lab, tasks: ScenarioProgress['tasks'], hintsShown: ScenarioProgress['hintsShown']): Promise<ScenarioProgress | null> {
    let configs: Readonly<Record<string, string>>;
    try {
      configs = await this.client.request('scenario-configs', null);
    } catch {
      return null;
    }
    const progress = buildWorkProgress(scenario, { lab, configs, hintsShown, tasks, savedAt: this.now().toISOString() });
    writeProgress(this.storage, progress);
    return progress;
  }

  /** The progress file of the open scenario ("Save my work"), for `v6lab grade`, with its file name. */
  async exportProgress(): Promise<{ readonly fileName: string; readonly text: string } | null> {
    const progress = await this.save();
    if (progress === null) return null;
    return { fileName: `${progress.scenario}.progress.yaml`, text: serializeProgress(progress) };
  }

  private fail(error: unknown): void {
    this.store.getState().setStatus({ key: 'scenario.status.failed', values: { message: error instanceof Error ? error.message : String(error) } });
  }
}
