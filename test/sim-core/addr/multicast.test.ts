import { describe, it, expect } from 'vitest';
import { formatIpv6, parseIpv6 } from '../../../sim-core/addr/ipv6';
import { parseIpv4 } from '../../../sim-core/addr/ipv4';
import { formatMac } from '../../../sim-core/addr/mac';
import { ALL_NODES, ALL_ROUTERS, ipv4MulticastMac, ipv6MulticastMac, solicitedNodeGroup } from '../../../sim-core/addr/multicast';
import vectors from '../../fixtures/vectors/rfc4291-solicited-node.json';

function v6(text: string) {
  const r = parseIpv6(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('solicited-node group (RFC 4291 section 2.7.1) and its MAC (RFC 2464 section 7): vectors', () => {
  for (const c of vectors.cases) {
    it(`${c.address} → ${c.solicitedNode}, ${c.multicastMac}`, () => {
      const group = solicitedNodeGroup(v6(c.address));
      expect(formatIpv6(group)).toBe(c.solicitedNode);
      expect(formatMac(ipv6MulticastMac(group))).toBe(c.multicastMac);
    });
  }
});

describe('multicast MACs', () => {
  it('IPv6: 33:33 and the low 32 bits (RFC 2464 section 7)', () => {
    expect(formatMac(ipv6MulticastMac(ALL_NODES))).toBe('33:33:00:00:00:01');
    expect(formatMac(ipv6MulticastMac(ALL_ROUTERS))).toBe('33:33:00:00:00:02');
    expect(formatIpv6(ALL_NODES)).toBe('ff02::1');
  });

  it('IPv4: 01:00:5e and the low 23 bits, so 224.128.0.5 and 224.0.0.5 share a MAC (RFC 1112 section 6.4)', () => {
    const a = parseIpv4('224.0.0.5');
    const b = parseIpv4('239.128.0.5');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(formatMac(ipv4MulticastMac(a.value))).toBe('01:00:5e:00:00:05');
    expect(formatMac(ipv4MulticastMac(b.value))).toBe('01:00:5e:00:00:05');
  });
});
