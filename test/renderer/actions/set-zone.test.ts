import { describe, expect, it } from 'vitest';
import { setZone } from '../../../renderer/actions/set-zone';
import { asZoneId } from '../../../sim-core/lab/lab-document';
import { expectExactEdit, smallLab, storeWith } from './lab-scene';

describe('set-zone', () => {
  it('puts devices in a course zone, then takes one out again', () => {
    const store = storeWith(smallLab());
    let after = expectExactEdit(store, (current) => setZone(current, { devices: ['R1', 'PC1'], zone: asZoneId('internet-edge') }));
    expect(after.devices.map((d) => d.zone)).toEqual(['internet-edge', 'internet-edge', undefined]);
    after = expectExactEdit(store, (current) => setZone(current, { devices: ['R1'], zone: undefined }));
    expect('zone' in after.devices[0]!).toBe(false);
  });

  it('accepts a zone the lab declares and refuses one nobody declared', () => {
    const start = { ...smallLab(), zones: [{ id: asZoneId('lab-a'), label: 'Lab A' }] };
    expect(setZone(start, { devices: ['R1'], zone: asZoneId('lab-a') }).ok).toBe(true);
    expect(setZone(start, { devices: ['R1'], zone: asZoneId('mars') })).toEqual({ ok: false, error: { key: 'edit.error.noZone', values: { zone: 'mars' } } });
  });
});
