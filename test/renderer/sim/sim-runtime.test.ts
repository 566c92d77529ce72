/**
 * The runtime's wiring between the store and the worker, with a real SimHost behind the client:
 * a new document boots (load-lab), an edit of it is sent as an edit (edit-lab: same generation,
 * the clock goes on), and configuring a device at its console makes the lab unsaved until a save
 * records the configuration revision it wrote.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDevice } from '../../../renderer/actions/add-device';
import { renameDevice } from '../../../renderer/actions/rename-device';
import { asDeviceName } from '../../../sim-core/lab/lab-document';
import { SimClient, type SimTransport } from '../../../renderer/sim/sim-client';
import { SimHost } from '../../../renderer/sim/sim-host';
import { connectSimRuntime } from '../../../renderer/sim/sim-runtime';
import type { SimOutgoingMessage, SimRequestMessage } from '../../../renderer/sim/sim-protocol';
import { TimelineBuffer } from '../../../renderer/sim/timeline-buffer';
import { createAppStore } from '../../../renderer/state/create-app-store';
import { isLabDirty } from '../../../renderer/state/lab-slice';
import { parseLab, TWO_LANS_LAB } from './host-harness';

let disconnect: (() => void) | undefined;
afterEach(() => disconnect?.());

function setUp() {
  let wallMs = 0;
  let listener: (message: SimOutgoingMessage) => void = () => undefined;
  const requests: SimRequestMessage['type'][] = [];
  const host = new SimHost((message) => listener(message), { nowMs: () => wallMs });
  const transport: SimTransport = {
    post: (message) => {
      requests.push(message.type);
      host.handle(message);
    },
    listen: (l) => {
      listener = l;
    },
    terminate: () => undefined,
  };
  const client = new SimClient(transport);
  const store = createAppStore();
  disconnect = connectSimRuntime(store, { client, timeline: new TimelineBuffer() }, 0);
  return { host, client, store, requests, setWallMs: (ms: number) => (wallMs = ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the simulation runtime', () => {
  it('boots a new document, sends edits of it as edits, and counts console configuration as unsaved work', async () => {
    const { host, client, store, requests, setWallMs } = setUp();
    store.getState().loadDocument(parseLab(TWO_LANS_LAB), { filePath: 'two-lans.v6lab.yaml' });
    await settle();
    expect(requests.filter((type) => type === 'load-lab' || type === 'edit-lab')).toEqual(['load-lab']);
    setWallMs(3000);
    host.tick();
    const generation = client.clock!.generation;
    expect(isLabDirty(store.getState())).toBe(false);

    // Looking is not configuring; configuring is.
    await client.request('console-input', { device: 'R1', data: 'enable\rshow running-config\r' });
    host.tick();
    expect(isLabDirty(store.getState())).toBe(false);
    await client.request('console-input', { device: 'R1', data: 'configure terminal\rhostname EDGE1\rend\r' });
    host.tick();
    expect(store.getState().consoleConfigRevision).toBe(1);
    expect(isLabDirty(store.getState())).toBe(true);
    store.getState().markSaved('two-lans.v6lab.yaml', 1);
    expect(isLabDirty(store.getState())).toBe(false);

    store.getState().applyEdit(addDevice(store.getState().lab, { kind: 'server', position: { x: 0, y: 0 } }));
    await settle();
    expect(requests.filter((type) => type === 'load-lab' || type === 'edit-lab')).toEqual(['load-lab', 'edit-lab']);
    host.tick();
    expect(client.clock!.generation).toBe(generation);
    expect(client.clock!.nowNs).toBe(3_000_000_000);

    // Renaming a device keeps its console tab, under the new name.
    store.getState().openConsole(asDeviceName('R1'));
    store.getState().applyEdit(renameDevice(store.getState().lab, { from: 'R1', to: 'EDGE1' }));
    expect(store.getState().openConsoles).toEqual(['EDGE1']);
    expect(store.getState().activeConsole).toBe('EDGE1');
    await settle();
    expect((await client.request('console-open', { device: 'EDGE1' })).transcript).toContain('EDGE1#');

    // A new document starts clean even though the old session had configuration changes.
    store.getState().loadDocument(parseLab(TWO_LANS_LAB), { filePath: null });
    await settle();
    host.tick();
    expect(store.getState().consoleConfigRevision).toBe(0);
    expect(isLabDirty(store.getState())).toBe(false);
  });
});
