/**
 * `interface range` lists as IOS reads them: ranges vary the last number, parts are separated by
 * commas, blanks around the dash are optional; a bad part is reported at its position.
 */
import { describe, expect, it } from 'vitest';
import { expandInterfaceRange } from '../../../../sim-core/console/ios/interface-range';

describe('interface range lists', () => {
  it('a range varies the last number of the name', () => {
    expect(expandInterfaceRange('router', 'g0/1 - 2')).toEqual({ ok: true, names: ['GigabitEthernet0/1', 'GigabitEthernet0/2'] });
    expect(expandInterfaceRange('router', 'g0/1-2')).toEqual({ ok: true, names: ['GigabitEthernet0/1', 'GigabitEthernet0/2'] });
  });
  it('parts separated by commas, in the order typed, each interface once', () => {
    expect(expandInterfaceRange('switch', 'GigabitEthernet1/0/1 - 3 , Gi1/0/10, gi1/0/2')).toEqual({
      ok: true,
      names: ['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2', 'GigabitEthernet1/0/3', 'GigabitEthernet1/0/10'],
    });
  });
  it('SVIs on a layer-3 switch', () => {
    expect(expandInterfaceRange('l3-switch', 'vlan 10 - 11')).toEqual({ ok: true, names: ['Vlan10', 'Vlan11'] });
  });
  it('a reversed range, a port the device lacks, a part without a number: the offset of the bad part', () => {
    expect(expandInterfaceRange('router', 'g0/2 - 1')).toEqual({ ok: false, offset: 7 });
    expect(expandInterfaceRange('router', 'g0/1 - 9')).toEqual({ ok: false, offset: 7 });
    expect(expandInterfaceRange('router', 'g0/1 , foo')).toEqual({ ok: false, offset: 7 });
    expect(expandInterfaceRange('router', '')).toEqual({ ok: false, offset: 0 });
  });
});
