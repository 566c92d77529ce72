/**
 * Locked devices in the editor: whatever editor action a trainee uses, an edit that changes a
 * scenario's locked device or a cable at its ports is refused (with a message naming the
 * device), and every other edit goes through. The lab slice enforces it before recording.
 */
import { describe, expect, it } from 'vitest';
import { asDeviceName } from '../../../sim-core/lab/lab-document';
import { connect } from '../../../renderer/actions/connect';
import { deleteSelection } from '../../../renderer/actions/delete-selection';
import { moveDevices } from '../../../renderer/actions/move-devices';
import { renameDevice } from '../../../renderer/actions/rename-device';
import { setLinkState } from '../../../renderer/actions/set-link-properties';
import { lockedEditRefusal } from '../../../renderer/scenario/locked-devices';
import { device, lab, link, storeWith } from '../actions/lab-scene';

/** ISP (locked) cabled to R1; PC1 on R1; PC2 loose. */
function ispLab() {
  return lab(
    [device('ISP', 'router', 300, 0), device('R1', 'router', 300, 100), device('PC1', 'pc', 200, 300), device('PC2', 'pc', 400, 300)],
    [link('ISP:GigabitEthernet0/0', 'R1:GigabitEthernet0/1'), link('R1:GigabitEthernet0/0', 'PC1:Ethernet0')],
  );
}

function lockedStore() {
  const store = storeWith(ispLab());
  store.setState({ lockedDevices: [asDeviceName('ISP')] });
  return store;
}

describe('locked devices refuse edits on the canvas', () => {
  it('moving, renaming or deleting a locked device is refused with a message naming it', () => {
    const store = lockedStore();
    const before = store.getState().lab;
    const state = store.getState();
    expect(state.applyEdit(moveDevices(state.lab, [{ name: 'ISP', position: { x: 10, y: 10 } }]))).toBe(false);
    expect(store.getState().status).toEqual({ key: 'scenario.lockedEdit', values: { name: 'ISP' } });
    expect(state.applyEdit(renameDevice(state.lab, { from: asDeviceName('ISP'), to: 'ISP2' }))).toBe(false);
    expect(state.applyEdit(deleteSelection(state.lab, { devices: [asDeviceName('ISP')], links: [] }))).toBe(false);
    expect(store.getState().lab).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it("cabling, unplugging or deleting a locked device's cable is refused", () => {
    const store = lockedStore();
    const state = store.getState();
    const ispLink = state.lab.links[0]!;
    expect(state.applyEdit(setLinkState(state.lab, ispLink.id, 'down'))).toBe(false);
    expect(state.applyEdit(deleteSelection(state.lab, { devices: [], links: [ispLink.id] }))).toBe(false);
    // Deleting R1 would take the ISP's cable with it.
    expect(state.applyEdit(deleteSelection(state.lab, { devices: [asDeviceName('R1')], links: [] }))).toBe(false);
    const cable = connect(state.lab, { a: { device: 'ISP', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' } });
    expect(cable.ok).toBe(true);
    expect(state.applyEdit(cable)).toBe(false);
    expect(store.getState().lab).toBe(state.lab);
  });

  it('edits of unlocked devices go through, and nothing is refused once the scenario ends', () => {
    const store = lockedStore();
    let state = store.getState();
    expect(state.applyEdit(moveDevices(state.lab, [{ name: 'PC2', position: { x: 500, y: 300 } }]))).toBe(true);
    state = store.getState();
    expect(state.applyEdit(setLinkState(state.lab, state.lab.links[1]!.id, 'down'))).toBe(true);
    store.setState({ lockedDevices: [] });
    state = store.getState();
    expect(state.applyEdit(moveDevices(state.lab, [{ name: 'ISP', position: { x: 10, y: 10 } }]))).toBe(true);
  });

  it('compares names without case, as labs do', () => {
    const before = ispLab();
    const after = { ...before, devices: before.devices.filter((entry) => entry.name !== 'ISP') };
    expect(lockedEditRefusal(before, after, ['isp'])).toEqual({ key: 'scenario.lockedEdit', values: { name: 'ISP' } });
    expect(lockedEditRefusal(before, after, [])).toBeNull();
    expect(lockedEditRefusal(before, after, ['PC1'])).toBeNull();
  });
});
