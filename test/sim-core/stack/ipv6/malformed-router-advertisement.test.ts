/**
 * A Router Advertisement whose fields are out of range (RFC 4861 section 4.6.2: Prefix Length
 * 0..128) reaches a host from the wire: the host must not throw; it ignores the bad option
 * (RFC 4862 section 5.5.3) and keeps working.
 */
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../../../sim-core/engine/time';
import { decodeEthernet, encodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIcmpv6, encodeIcmpv6, type Icmpv6Message } from '../../../../sim-core/wire/icmpv6';
import { decodeIpv6, encodeIpv6 } from '../../../../sim-core/wire/ipv6';
import { frame } from '../../../helpers/frames';
import { lan } from './rd-topology';

/** The golden RA with every prefix-information option's Prefix Length set to `prefixLength`. */
function raWithPrefixLength(prefixLength: number): Uint8Array {
  const ethernet = decodeEthernet(frame('ndp-router-advertisement'));
  if (!ethernet.ok) throw new Error(ethernet.error.message);
  const ip = decodeIpv6(ethernet.value.payload);
  if (!ip.ok) throw new Error(ip.error.message);
  const pseudo = { family: 6 as const, source: ip.value.source, destination: ip.value.destination };
  const icmp = decodeIcmpv6(ip.value.payload, pseudo);
  if (!icmp.ok || icmp.value.kind !== 'router-advertisement') throw new Error('the golden RA does not decode');
  const options = icmp.value.options.map((option) => (option.kind === 'prefix-information' ? { ...option, prefixLength } : option));
  expect(options.some((option) => option.kind === 'prefix-information')).toBe(true);
  const message: Icmpv6Message = { ...icmp.value, options };
  return encodeEthernet({ ...ethernet.value, payload: encodeIpv6({ ...ip.value, payload: encodeIcmpv6(message, pseudo) }) });
}

describe('a Router Advertisement with an out-of-range prefix length', () => {
  for (const prefixLength of [129, 200, 255]) {
    it(`prefix-len-${prefixLength}: the PC and the server take it without throwing, form no address from it, and keep their SLAAC address`, () => {
      const { net } = lan(3);
      net.runFor(20 * NS_PER_S);
      const before = { pc: net.ipv6Addresses('PC1:Ethernet0'), srv: net.ipv6Addresses('SRV1:eth0') };
      expect(before.pc.some((a) => a.origin === 'slaac')).toBe(true);
      const bytes = raWithPrefixLength(prefixLength);
      for (const endpoint of ['PC1:Ethernet0', 'SRV1:eth0']) {
        const [device, port] = endpoint.split(':') as [string, string];
        expect(() => net.device(device).port(port)!.deliver(bytes)).not.toThrow();
      }
      net.runFor(5 * NS_PER_S);
      expect(net.ipv6Addresses('PC1:Ethernet0').map((a) => a.address)).toEqual(before.pc.map((a) => a.address));
      expect(net.ipv6Addresses('SRV1:eth0').map((a) => a.address)).toEqual(before.srv.map((a) => a.address));
    });
  }
});
