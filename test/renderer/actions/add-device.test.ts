import { describe, expect, it } from 'vitest';
import { addDevice } from '../../../renderer/actions/add-device';
import { asZoneId } from '../../../sim-core/lab/lab-document';
import { device, expectExactEdit, lab, smallLab, storeWith } from './lab-scene';

describe('add-device', () => {
  it('adds a router named R1 at a whole-pixel position, selects it, and undoes/redoes exactly', () => {
    const store = storeWith(lab([]));
    const after = expectExactEdit(store, (current) => addDevice(current, { kind: 'router', position: { x: 120.4, y: 80.6 } }));
    expect(after.devices).toEqual([device('R1', 'router', 120, 81)]);
    expect(store.getState().selection.devices).toEqual(['R1']);
  });

  it('numbers from the kind stem, skipping names taken in any letter case', () => {
    const store = storeWith(lab([device('pc1', 'pc'), device('R1', 'router')]));
    const after = expectExactEdit(store, (current) => addDevice(current, { kind: 'pc', position: { x: 0, y: 0 } }));
    expect(after.devices.map((d) => d.name)).toEqual(['pc1', 'R1', 'PC2']);
    const srv = addDevice(after, { kind: 'server', position: { x: 0, y: 0 } });
    expect(srv.ok && srv.select?.devices).toEqual(['SRV1']);
    const l3 = addDevice(after, { kind: 'l3-switch', position: { x: 0, y: 0 } });
    expect(l3.ok && l3.select?.devices).toEqual(['CORE1']);
  });

  it('places the device in a zone when asked', () => {
    const store = storeWith(smallLab());
    const after = expectExactEdit(store, (current) => addDevice(current, { kind: 'server', position: { x: 5, y: 5 }, zone: asZoneId('dmz') }));
    expect(after.devices.at(-1)).toMatchObject({ name: 'SRV1', zone: 'dmz' });
  });

  it('refuses a name that breaks IOS hostname rules or is taken, with an i18n reason', () => {
    const start = smallLab();
    expect(addDevice(start, { kind: 'pc', position: { x: 0, y: 0 }, name: '1PC' })).toEqual({ ok: false, error: { key: 'rename.error.firstLetter' } });
    expect(addDevice(start, { kind: 'pc', position: { x: 0, y: 0 }, name: 'r1' })).toEqual({ ok: false, error: { key: 'rename.error.taken', values: { name: 'R1' } } });
  });
});
