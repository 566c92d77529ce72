/**
 * Test helpers that build labs and stores (as Excalidraw's test helpers build scenes), and the
 * check every action test runs: apply the edit, undo it back to exactly the lab before, redo it
 * to exactly the lab after, and see the result survive serializeLab → loadLab unchanged.
 */
import { expect } from 'vitest';
import type { DeviceKind } from '../../../sim-core/devices/catalog';
import { asDeviceName, asInterfaceName, LAB_FORMAT_VERSION, makeLinkId, type Lab, type LabDevice, type LabEndpoint, type LabLink } from '../../../sim-core/lab/lab-document';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { serializeLab } from '../../../sim-core/lab/serialize-lab';
import type { LabEdit } from '../../../renderer/actions/lab-edit';
import { createAppStore, type AppStore } from '../../../renderer/state/create-app-store';
import { isLabDirty } from '../../../renderer/state/lab-slice';

export function device(name: string, kind: DeviceKind, x = 100, y = 100, extra: Partial<LabDevice> = {}): LabDevice {
  return { name: asDeviceName(name), kind, position: { x, y }, ...extra };
}

/** `link('R1:GigabitEthernet0/0', 'PC1:Ethernet0')` */
export function link(a: string, b: string, extra: Partial<LabLink> = {}): LabLink {
  const endpoint = (text: string): LabEndpoint => {
    const colon = text.indexOf(':');
    return { device: asDeviceName(text.slice(0, colon)), interface: asInterfaceName(text.slice(colon + 1)) };
  };
  const endpoints: [LabEndpoint, LabEndpoint] = [endpoint(a), endpoint(b)];
  return { id: makeLinkId(...endpoints), endpoints, state: 'up', ...extra };
}

export function lab(devices: readonly LabDevice[], links: readonly LabLink[] = [], extra: Partial<Lab> = {}): Lab {
  return { version: LAB_FORMAT_VERSION, zones: [], devices, links, ...extra };
}

/** R1 with two PCs, one cabled. */
export function smallLab(): Lab {
  return lab([device('R1', 'router', 300, 100), device('PC1', 'pc', 200, 300), device('PC2', 'pc', 400, 300)], [link('R1:GigabitEthernet0/0', 'PC1:Ethernet0')]);
}

export function storeWith(start: Lab): AppStore {
  const store = createAppStore();
  store.getState().loadDocument(start, { filePath: null });
  return store;
}

/** Applies `makeEdit(lab)` and checks do, undo, redo and the file round trip; returns the lab after. */
export function expectExactEdit(store: AppStore, makeEdit: (lab: Lab) => LabEdit): Lab {
  const before = store.getState().lab;
  const dirtyBefore = isLabDirty(store.getState());
  const edit = makeEdit(before);
  expect(edit.ok, edit.ok ? '' : `edit refused: ${edit.error.key}`).toBe(true);
  expect(store.getState().applyEdit(edit)).toBe(true);
  const after = store.getState().lab;
  expect(after).not.toEqual(before);
  expect(isLabDirty(store.getState())).toBe(true);

  expect(store.getState().undo()).toBe(true);
  expect(store.getState().lab).toEqual(before);
  expect(isLabDirty(store.getState())).toBe(dirtyBefore);
  expect(store.getState().redo()).toBe(true);
  expect(store.getState().lab).toEqual(after);

  const loaded = loadLab(serializeLab(after), 'edited.v6lab.yaml');
  expect(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems)).toBe(true);
  if (loaded.ok) {
    expect(loaded.lab).toEqual(after);
    expect(loaded.warnings).toEqual([]);
  }
  return after;
}
