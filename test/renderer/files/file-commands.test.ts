/**
 * What Save and the autosave write: the document with each device's running configuration, read
 * from a real simulation host, so reopening gives the same network; configuration typed at a
 * console alone is reason enough for the autosave to write again.
 */
import { describe, expect, it } from 'vitest';
import { createBrowserLabFiles } from '../../../renderer/files/browser-lab-files';
import { createFileCommands } from '../../../renderer/files/file-commands';
import { createAppStore } from '../../../renderer/state/create-app-store';
import { isLabDirty } from '../../../renderer/state/lab-slice';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { createHostHarness, parseLab, TWO_LANS_LAB } from '../sim/host-harness';
import { fixtureScenario } from '../scenario/scenario-fixture';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function setUp() {
  const storage = memoryStorage();
  const files = createBrowserLabFiles(storage, () => 0);
  const harness = createHostHarness();
  const store = createAppStore();
  const lab = parseLab(TWO_LANS_LAB);
  store.getState().loadDocument(lab, { filePath: 'two-lans.v6lab.yaml' });
  harness.request('load-lab', { lab, seed: 1 });
  const commands = createFileCommands(store, files, { runningConfigs: async () => harness.request('running-configs', null) });
  const configure = (device: string, data: string) => {
    harness.request('console-input', { device, data });
    harness.host.tick();
    // What the runtime does with every batch's clock.
    store.getState().setConsoleConfigRevision(harness.request('set-speed', { speed: 1 }).configRevision);
  };
  return { storage, files, harness, store, commands, configure };
}

describe('file commands write the running configuration', () => {
  it('Save writes each configured device\'s running configuration; the others keep their text', async () => {
    const { files, store, commands, configure } = setUp();
    configure('R1', 'enable\rconfigure terminal\ripv6 route 2001:db8:99::/64 Null0\rend\r');
    expect(isLabDirty(store.getState())).toBe(true);
    expect(await commands.save()).toBe(true);
    expect(isLabDirty(store.getState())).toBe(false);
    const opened = await files.open('two-lans.v6lab.yaml');
    if (opened.kind !== 'opened') throw new Error('not saved');
    const loaded = loadLab(opened.text, 'two-lans.v6lab.yaml');
    if (!loaded.ok) throw new Error('saved text does not load');
    expect(loaded.lab.devices.find((d) => d.name === 'R1')!.config).toContain('ipv6 route 2001:DB8:99::/64 Null0');
    const original = parseLab(TWO_LANS_LAB);
    expect(loaded.lab.devices.find((d) => d.name === 'SRV1')!.config).toBe(original.devices.find((d) => d.name === 'SRV1')!.config);
  });

  it('the autosave writes again when only a console changed the configuration', async () => {
    const { files, commands, configure } = setUp();
    configure('R1', 'enable\rconfigure terminal\rhostname EDGE1\rend\r');
    expect(await commands.autosaveNow()).toBe(true);
    expect(await commands.autosaveNow()).toBe(false);
    configure('R1', 'configure terminal\ripv6 route 2001:db8:99::/64 Null0\rend\r');
    expect(await commands.autosaveNow()).toBe(true);
    const found = await files.readAutosave();
    expect(found.kind === 'found' && found.text).toMatch(/hostname EDGE1[\s\S]*ipv6 route 2001:DB8:99::\/64 Null0/);
  });

  it('no autosave while a course scenario is open: the trainee\'s own autosave stays, the scenario\'s lab is not offered at the next start', async () => {
    const { files, store, commands, configure } = setUp();
    configure('R1', 'enable\rconfigure terminal\rhostname EDGE1\rend\r');
    expect(await commands.autosaveNow()).toBe(true);
    const scenario = fixtureScenario();
    store.getState().loadDocument(scenario.lab, { filePath: null });
    store.getState().beginScenario(scenario);
    configure('R1', 'configure terminal\ripv6 route 2001:db8:99::/64 Null0\rend\r');
    expect(isLabDirty(store.getState())).toBe(true);
    expect(await commands.autosaveNow()).toBe(false);
    const found = await files.readAutosave();
    expect(found.kind === 'found' && found.text).toContain('hostname EDGE1');
    expect(found.kind === 'found' && found.text).not.toContain('ipv6 route 2001:DB8:99::/64 Null0');
    // Once the scenario ends its lab is an ordinary document: the autosave writes it.
    store.getState().endScenario();
    expect(await commands.autosaveNow()).toBe(true);
  });
});
