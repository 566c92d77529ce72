/**
 * The pane's actions end to end below the UI: a real store, a real simulation host (as the
 * worker runs it) and a storage like localStorage. Opening starts fresh with the faults, Check
 * records each task's result and saves progress (tasks passed, hints, the trainee's running
 * configs), a new window resumes where the trainee stopped, Reset goes back to the start with
 * the faults, instructor mode's solution passes every task, and the exported file is a progress
 * file `v6lab grade` scores the same. Opening a scenario over the trainee's own lab asks "save
 * or discard?" over unsaved work, and a lab kept aside comes back when the scenario closes.
 */
import { describe, expect, it } from 'vitest';
import { asDeviceName } from '../../../sim-core/lab/lab-document';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { addDevice } from '../../../renderer/actions/add-device';
import { createBrowserLabFiles } from '../../../renderer/files/browser-lab-files';
import { createFileCommands } from '../../../renderer/files/file-commands';
import { gradeLab } from '../../../sim-core/lab/scenario/grade';
import { loadProgress } from '../../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import { readProgress, readLastOpened, scoreScenario, type ProgressStorage } from '../../../renderer/scenario/progress-storage';
import { ScenarioController, startingLab, type ScenarioClient } from '../../../renderer/scenario/scenario-controller';
import { createAppStore, type AppStore } from '../../../renderer/state/create-app-store';
import { EMPTY_LAB } from '../../../renderer/state/lab-slice';
import { createHostHarness, type HostHarness } from '../sim/host-harness';
import { fixtureScenario } from './scenario-fixture';

function memoryStorage(): ProgressStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

interface Window {
  readonly store: AppStore;
  readonly harness: HostHarness;
  readonly controller: ScenarioController;
}

/** One app window: its store, its worker, the computer's storage. */
function openWindow(storage: ProgressStorage): Window {
  const store = createAppStore();
  const harness = createHostHarness();
  const client: ScenarioClient = { request: async (type, body) => harness.request(type, body) };
  const controller = new ScenarioController({ store, client, storage, seed: 1, now: () => new Date('2024-05-14T09:30:00Z') });
  controller.watchDocuments();
  return { store, harness, controller };
}

/** Types the lines, then lets 20 s of wall time (and so of virtual time) pass: DAD, router advertisements. */
function typeAt(harness: HostHarness, device: string, lines: readonly string[]): void {
  for (const line of lines) harness.request('console-input', { device, data: `${line}\r` });
  let wallMs = 0;
  for (let step = 0; step < 200; step++) {
    wallMs += 100;
    harness.setWallMs(wallMs);
    harness.host.tick();
  }
}

const PARTIAL_R1 = ['enable', 'configure terminal', 'ipv6 unicast-routing', 'interface g0/0', 'ipv6 address 2001:db8:6803:10::1/64', 'end'];

describe('scenario controller', () => {
  it('opens a scenario fresh: its lab in the editor, locked devices set, faults injected in the worker', async () => {
    const storage = memoryStorage();
    const { store, harness, controller } = openWindow(storage);
    const scenario = fixtureScenario();
    await controller.open(scenario);
    const state = store.getState();
    expect(state.activeScenario?.id).toBe('test-lan-slaac');
    expect(state.scenarioPane).toBe('scenario');
    expect(state.lab).toBe(scenario.lab);
    expect(state.lockedDevices).toEqual(['R0']);
    expect(harness.request('scenario-configs', null).R1).toMatch(/ipv6 nd ra suppress all/);
    expect(readLastOpened(storage)).toBe('test-lan-slaac');
  });

  it('Check all records pass and fail per task with explanations, scores them and saves the progress', async () => {
    const storage = memoryStorage();
    const { store, harness, controller } = openWindow(storage);
    const scenario = fixtureScenario();
    await controller.open(scenario);
    typeAt(harness, 'R1', PARTIAL_R1);
    await controller.check();
    const state = store.getState();
    expect(state.taskStates).toEqual({ 'router-ipv6': 'passed', 'pc-slaac': 'failed', 'ping-v4': 'passed' });
    expect(state.taskResults['pc-slaac']!.checks[0]!.explanation.en).toContain('PC1 Ethernet0');
    expect(scoreScenario(scenario, state.taskStates)).toEqual({ score: 70, max: 100, passedTasks: 2, totalTasks: 3, done: false });
    const saved = readProgress(storage, scenario.id)!;
    expect(saved.tasks).toEqual(state.taskStates);
    expect(saved.savedAt).toBe('2024-05-14T09:30:00.000Z');
    expect(saved.lab.devices.find((device) => device.name === 'R1')!.config).toMatch(/^ipv6 unicast-routing$/m);
  });

  it('checking one task leaves the others as they were', async () => {
    const { store, controller } = openWindow(memoryStorage());
    await controller.open(fixtureScenario());
    await controller.check('ping-v4');
    expect(store.getState().taskStates).toEqual({ 'ping-v4': 'passed' });
  });

  it('hints are revealed one at a time, up to the number the task has, and counted in the progress', async () => {
    const storage = memoryStorage();
    const { store, controller } = openWindow(storage);
    const scenario = fixtureScenario();
    await controller.open(scenario);
    controller.revealHint('router-ipv6');
    controller.revealHint('router-ipv6');
    controller.revealHint('router-ipv6');
    expect(store.getState().hintsShown).toEqual({ 'router-ipv6': 2 });
    await controller.save();
    expect(readProgress(storage, scenario.id)!.hintsShown).toEqual({ 'router-ipv6': 2 });
  });

  it('a new window resumes where the trainee stopped: tasks, hints and the configuration typed', async () => {
    const storage = memoryStorage();
    const scenario = fixtureScenario();
    const first = openWindow(storage);
    await first.controller.open(scenario);
    typeAt(first.harness, 'R1', PARTIAL_R1);
    first.controller.revealHint('pc-slaac');
    await first.controller.check();

    const second = openWindow(storage);
    await second.controller.open(scenario);
    const state = second.store.getState();
    expect(state.taskStates).toEqual({ 'router-ipv6': 'passed', 'pc-slaac': 'failed', 'ping-v4': 'passed' });
    expect(state.hintsShown).toEqual({ 'pc-slaac': 1 });
    const configs = second.harness.request('scenario-configs', null);
    expect(configs.R1).toMatch(/^ipv6 unicast-routing$/m);
    // The fault the trainee has not fixed yet is still there (it is in their running config), not injected twice.
    expect(configs.R1!.match(/ipv6 nd ra suppress all/g)).toHaveLength(1);
    typeAt(second.harness, 'R1', []);
    await second.controller.check();
    expect(second.store.getState().taskStates['router-ipv6']).toBe('passed');
  });

  it('Reset goes back to the start state with the faults, and forgets the progress', async () => {
    const storage = memoryStorage();
    const { store, harness, controller } = openWindow(storage);
    const scenario = fixtureScenario();
    await controller.open(scenario);
    typeAt(harness, 'R1', PARTIAL_R1);
    controller.revealHint('router-ipv6');
    await controller.check();
    await controller.reset();
    const state = store.getState();
    expect(state.taskStates).toEqual({});
    expect(state.hintsShown).toEqual({});
    expect(state.lab).toBe(scenario.lab);
    const configs = harness.request('scenario-configs', null);
    expect(configs.R1).not.toMatch(/ipv6 unicast-routing/);
    expect(configs.R1).toMatch(/ipv6 nd ra suppress all/);
    expect(readProgress(storage, scenario.id)).toBeNull();
  });

  it("instructor mode's solution makes Check all pass; it does nothing outside instructor mode", async () => {
    const { store, controller } = openWindow(memoryStorage());
    const scenario = fixtureScenario();
    await controller.open(scenario);
    await controller.applySolution();
    expect(store.getState().taskStates).toEqual({});
    store.getState().setInstructorMode(true);
    await controller.applySolution();
    expect(scoreScenario(scenario, store.getState().taskStates)).toMatchObject({ score: 100, done: true });
  });

  it('"Save my work" exports a progress file that v6lab grade scores the same', async () => {
    const { harness, controller } = openWindow(memoryStorage());
    const scenario = fixtureScenario();
    await controller.open(scenario);
    typeAt(harness, 'R1', PARTIAL_R1);
    await controller.check();
    const exported = (await controller.exportProgress())!;
    expect(exported.fileName).toBe('test-lan-slaac.progress.yaml');
    const loaded = loadProgress(exported.text, exported.fileName);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const graded = gradeLab(scenario, loaded.progress.lab, { seed: 1 });
    expect(graded.problems).toEqual([]);
    expect(Object.fromEntries(graded.tasks.map((task) => [task.taskId, task.passed]))).toEqual({ 'router-ipv6': true, 'pc-slaac': false, 'ping-v4': true });
  });

  it('opening another document ends the scenario after saving its progress', async () => {
    const storage = memoryStorage();
    const { store, controller } = openWindow(storage);
    const scenario = fixtureScenario();
    await controller.open(scenario);
    store.getState().loadDocument(EMPTY_LAB, { filePath: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().activeScenario).toBeNull();
    expect(store.getState().lockedDevices).toEqual([]);
    expect(readProgress(storage, scenario.id)).not.toBeNull();
  });

  it("a fresh start shows the cables of unplug faults unplugged in the editor's lab", () => {
    const scenario = fixtureScenario();
    const withUnplug: Scenario = { ...scenario, faults: [...scenario.faults, { kind: 'unplug', link: 'pc1:eth0' }] };
    const lab = startingLab(withUnplug);
    expect(lab.links.map((link) => link.state)).toEqual(['up', 'up', 'down', 'up']);
    expect(startingLab({ ...scenario, faults: [...scenario.faults, { kind: 'unplug', link: 'R1:Gi0/1' }] }).links[0]!.state).toBe('down');
    expect(asDeviceName('PC1')).toBe('PC1');
  });
});

describe('opening a course scenario over the trainee’s own lab', () => {
  const OWN_LAB_TEXT = `version: 1
devices:
  - name: EDGE
    kind: router
  - name: HOST
    kind: server
links:
  - endpoints: ["EDGE:GigabitEthernet0/0", "HOST:eth0"]
`;

  function withOwnLab(storage: ProgressStorage) {
    const window = openWindow(storage);
    const loaded = loadLab(OWN_LAB_TEXT, 'own.v6lab.yaml');
    if (!loaded.ok) throw new Error('own lab does not load');
    window.store.getState().loadDocument(loaded.lab, { filePath: 'own.v6lab.yaml' });
    // What the runtime does for a new document: the worker runs it.
    window.harness.request('load-lab', { lab: loaded.lab, seed: 1 });
    const files = createBrowserLabFiles(memoryStorage() as unknown as Storage);
    const commands = createFileCommands(window.store, files, { runningConfigs: async () => window.harness.request('running-configs', null) });
    commands.setScenarioOpener((scenario) => window.controller.open(scenario, { confirmed: true }));
    return { ...window, commands };
  }

  it('asks "save or discard?" over unsaved changes, as New does; discarding opens the scenario and closing leaves it', async () => {
    const { store, controller, commands } = withOwnLab(memoryStorage());
    store.getState().applyEdit(addDevice(store.getState().lab, { kind: 'pc', position: { x: 50, y: 50 } }));
    const scenario = fixtureScenario();
    await controller.open(scenario);
    const dialog = store.getState().dialog;
    expect(dialog).toEqual({ kind: 'confirm-discard', then: { kind: 'open-scenario', scenario } });
    expect(store.getState().activeScenario).toBeNull();
    expect(store.getState().lab.devices.map((d) => d.name)).toEqual(['EDGE', 'HOST', 'PC1']);
    // Discard.
    if (dialog?.kind !== 'confirm-discard') throw new Error('no dialog');
    await commands.run(dialog.then, { force: true });
    expect(store.getState().activeScenario?.id).toBe('test-lan-slaac');
    expect(controller.hasKeptLab).toBe(false);
    await controller.close();
    expect(store.getState().lab).toBe(scenario.lab);
  });

  it('a lab without unsaved changes is kept aside, its consoles’ configuration too, and comes back when the scenario closes', async () => {
    const { store, harness, controller } = withOwnLab(memoryStorage());
    harness.request('console-open', { device: 'EDGE' });
    harness.request('console-input', { device: 'EDGE', data: 'enable\rconfigure terminal\ripv6 unicast-routing\rend\r' });
    await controller.open(fixtureScenario());
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().activeScenario?.id).toBe('test-lan-slaac');
    expect(controller.hasKeptLab).toBe(true);
    await controller.close();
    const state = store.getState();
    expect(state.activeScenario).toBeNull();
    expect(state.filePath).toBe('own.v6lab.yaml');
    expect(state.lab.devices.map((d) => d.name)).toEqual(['EDGE', 'HOST']);
    expect(state.lab.devices[0]!.config).toMatch(/\nipv6 unicast-routing\n/);
    expect(state.status).toEqual({ key: 'scenario.status.labBack' });
  });
});
