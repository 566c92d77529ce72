import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { interfaceIdFromMac } from '../../../../sim-core/addr/eui64';
import type { MacAddress } from '../../../../sim-core/addr/mac';
import { createRandom } from '../../../../sim-core/engine/random';
import { isReservedInterfaceId, linkLocalAddressFor, stableInterfaceId, temporaryInterfaceId, createStableIdSecret } from '../../../../sim-core/stack/ipv6/interface-identifier';
import type { NetInterface } from '../../../../sim-core/stack/net-interface';
import { v6 } from './rd-topology';

const iface = { name: 'Ethernet0', mac: 0x001b21123456 as MacAddress } as NetInterface;

describe('interface identifiers per system', () => {
  it('IOS and Linux link-locals are fe80:: + modified EUI-64 (RFC 4291 appendix A); Windows uses a stable random identifier', () => {
    const random = createRandom(1);
    expect(linkLocalAddressFor('linux', random, iface)).toBe(v6('fe80::21b:21ff:fe12:3456'));
    expect(linkLocalAddressFor('ios', random, iface)).toBe(v6('fe80::21b:21ff:fe12:3456'));
    const windows = linkLocalAddressFor('windows', random, iface);
    expect(windows >> 64n).toBe(0xfe80000000000000n);
    expect(windows & 0xffffffffffffffffn).not.toBe(interfaceIdFromMac(iface.mac));
    // Stable: the same seed and interface give the same address however much the stream was used.
    random.nextUint32();
    expect(linkLocalAddressFor('windows', random, iface)).toBe(windows);
    expect(linkLocalAddressFor('windows', createRandom(2), iface)).not.toBe(windows);
  });

  it('RFC 7217: the identifier changes with the prefix, the interface and the DAD counter, never with time', () => {
    const secret = createStableIdSecret(createRandom(9));
    const a = stableInterfaceId(secret, v6('2001:db8:1::'), 'Ethernet0');
    expect(stableInterfaceId(secret, v6('2001:db8:1::'), 'Ethernet0')).toBe(a);
    expect(stableInterfaceId(secret, v6('2001:db8:2::'), 'Ethernet0')).not.toBe(a);
    expect(stableInterfaceId(secret, v6('2001:db8:1::'), 'Ethernet1')).not.toBe(a);
    expect(stableInterfaceId(secret, v6('2001:db8:1::'), 'Ethernet0', 1)).not.toBe(a);
  });

  it('generators never give RFC 5453 reserved identifiers (property)', () => {
    expect(isReservedInterfaceId(0n)).toBe(true);
    expect(isReservedInterfaceId(0xfdffffffffffff80n)).toBe(true);
    expect(isReservedInterfaceId(0x02005efe0a000001n)).toBe(true);
    expect(isReservedInterfaceId(0x021b21fffe123456n)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (seed, prefix) => {
        const random = createRandom(seed);
        expect(isReservedInterfaceId(temporaryInterfaceId(random))).toBe(false);
        expect(isReservedInterfaceId(stableInterfaceId(createStableIdSecret(random), (prefix << 64n) as never, 'eth0'))).toBe(false);
      }),
    );
  });
});
