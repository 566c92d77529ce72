import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MacAddress } from '../../../sim-core/addr/mac';
import { NetInterface } from '../../../sim-core/stack/net-interface';

function newInterface(): NetInterface {
  return new NetInterface('eth0', 'physical', 1, 0x020000000001 as MacAddress, { transmitFrame: () => undefined, lowerLayerUp: () => true, port: null }, true);
}

const groupMac = fc.integer({ min: 0, max: 0xffffff }).map((low) => (0x3333ff000000 + low) as MacAddress);

describe('NetInterface multicast MAC filter', () => {
  it('accepts exactly the joined group MACs, whatever was joined and left before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), groupMac), { maxLength: 40 }), groupMac, (steps, probe) => {
        const iface = newInterface();
        const joined = new Map<MacAddress, number>();
        for (const [join, mac] of steps) {
          if (join) {
            iface.joinMulticastMac(mac);
            joined.set(mac, (joined.get(mac) ?? 0) + 1);
          } else if (joined.has(mac)) {
            iface.leaveMulticastMac(mac);
            const count = joined.get(mac)! - 1;
            if (count === 0) joined.delete(mac);
            else joined.set(mac, count);
          }
        }
        for (const mac of [...joined.keys(), probe]) expect(iface.acceptsMulticastMac(mac)).toBe(joined.has(mac));
      }),
    );
  });

  it('keeps a group whose filter bit it shares with a group that was left', () => {
    const iface = newInterface();
    // 33:33:ff:00:00:01 and 33:33:ff:00:00:21 differ only above the five bits the filter keys on.
    const kept = 0x3333ff000001 as MacAddress;
    const left = 0x3333ff000021 as MacAddress;
    iface.joinMulticastMac(kept);
    iface.joinMulticastMac(left);
    iface.leaveMulticastMac(left);
    expect(iface.acceptsMulticastMac(kept)).toBe(true);
    expect(iface.acceptsMulticastMac(left)).toBe(false);
  });

  it('refuses the spanning-tree group and broadcasts of groups never joined', () => {
    const iface = newInterface();
    iface.joinMulticastMac(0x333300000001 as MacAddress);
    expect(iface.acceptsMulticastMac(0x0180c2000000 as MacAddress)).toBe(false);
    expect(iface.acceptsMulticastMac(0x333300000002 as MacAddress)).toBe(false);
  });
});
