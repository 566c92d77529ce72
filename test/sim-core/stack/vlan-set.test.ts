import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { VlanSet } from '../../../sim-core/stack/vlan-set';

describe('VLAN sets (IEEE 802.1Q VIDs 1-4094)', () => {
  it('all() holds 1-4094 and neither reserved id (0, 4095)', () => {
    const all = VlanSet.all();
    expect(all.has(1) && all.has(4094)).toBe(true);
    expect(all.has(0) || all.has(4095)).toBe(false);
    expect(all.toString()).toBe('1-4094');
  });

  it('prints IOS ranges: 10,20-22,4094; and none when empty', () => {
    expect(VlanSet.of(20, 10, 21, 22, 4094).toString()).toBe('10,20-22,4094');
    expect(new VlanSet().toString()).toBe('none');
  });

  it('membership matches a plain set for any ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4095 })), fc.integer({ min: 0, max: 4095 }), (ids, probe) => {
        const set = VlanSet.of(...ids);
        const expected = ids.filter((id) => id >= 1 && id <= 4094).includes(probe);
        expect(set.has(probe)).toBe(expected);
        expect(set.values()).toEqual([...new Set(ids.filter((id) => id >= 1 && id <= 4094))].sort((a, b) => a - b));
      }),
    );
  });
});
