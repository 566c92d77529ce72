import { describe, expect, it } from 'vitest';
import { asArray, asRecord, valueAt } from '../../../sim-core/lab/plain-data';

describe('plain data read without trusting its shape', () => {
  const data = { devices: [{ name: 'R1', config: 'hostname R1' }], version: 1 };

  it('follows keys and indexes, and finds nothing where the shape differs', () => {
    expect(valueAt(data, ['devices', 0, 'name'])).toBe('R1');
    expect(valueAt(data, ['devices', 'name'])).toBeUndefined();
    expect(valueAt(data, ['version', 0])).toBeUndefined();
    expect(valueAt(data, ['links', 0])).toBeUndefined();
  });

  it('reads own keys only: an inherited name in a path is not a field of the file', () => {
    expect(valueAt(data, ['constructor'])).toBeUndefined();
    expect(valueAt(data, ['devices', 0, '__proto__'])).toBeUndefined();
    expect(valueAt(data, ['devices', 0, 'toString'])).toBeUndefined();
  });

  it('asRecord refuses arrays and null; asArray gives an empty list for anything but an array', () => {
    expect(asRecord([])).toBeUndefined();
    expect(asRecord(null)).toBeUndefined();
    expect(asRecord(data)).toBe(data);
    expect(asArray('x')).toEqual([]);
    expect(asArray(data.devices)).toBe(data.devices);
  });
});
