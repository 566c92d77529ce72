/**
 * Issue 3, test 1: a LAN behind a router. The router (`ipv6 unicast-routing`) advertises its
 * prefix; the hosts form their addresses by SLAAC as their systems do (RFC 4862 section 5.5.3):
 * the Windows PC a stable random identifier (RFC 7217) plus a temporary address (RFC 8981), the
 * Linux server EUI-64 from its MAC (RFC 4291 appendix A). Then both families ping across the
 * router, from the PC and from the server.
 */
import { describe, it, expect } from 'vitest';
import type { Ipv6Address } from '../../../sim-core/addr/ipv6';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { ping, v4 } from './behaviour-helpers';

/** PC1 (Windows) and SRV1 (Linux) on SW1 behind R1's g0/0 (2001:db8:1::/64); SRV2 (Linux) behind g0/1 (2001:db8:2::/64). */
function lanBehindRouter(seed = 1): Network {
  const net = new Network({ seed });
  net.addDevice('router', 'R1');
  net.addDevice('switch', 'SW1');
  net.addDevice('pc', 'PC1');
  net.addDevice('server', 'SRV1');
  net.addDevice('server', 'SRV2');
  net.connect('R1:g0/0', 'SW1:Gi1/0/24');
  net.connect('PC1:Ethernet0', 'SW1:Gi1/0/1');
  net.connect('SRV1:eth0', 'SW1:Gi1/0/2');
  net.connect('R1:g0/1', 'SRV2:eth0');
  net.setIpv6Routing('R1', true);
  for (const [endpoint, v4address, v6address] of [
    ['R1:g0/0', '192.168.1.1/24', '2001:db8:1::1/64'],
    ['R1:g0/1', '192.168.2.1/24', '2001:db8:2::1/64'],
  ] as const) {
    net.setUp(endpoint, true);
    net.addIpv4Address(endpoint, v4address);
    net.addIpv6Address(endpoint, v6address);
  }
  net.addIpv4Address('PC1:Ethernet0', '192.168.1.10/24');
  net.addIpv4Address('SRV1:eth0', '192.168.1.20/24');
  net.addIpv4Address('SRV2:eth0', '192.168.2.20/24');
  net.setDefaultGateway('PC1', '192.168.1.1');
  net.setDefaultGateway('SRV1', '192.168.1.1');
  net.setDefaultGateway('SRV2', '192.168.2.1');
  // RS at start, the RA answering it, DAD (1 s): well within 10 s.
  net.runFor(10 * NS_PER_S);
  return net;
}

const inPrefix = (address: Ipv6Address, prefix: bigint) => address >> 64n === prefix;
/** EUI-64 identifiers carry ff:fe in the middle (RFC 4291 appendix A). */
const isEui64 = (address: Ipv6Address) => ((address >> 24n) & 0xffffn) === 0xfffen;

describe('behaviour 1: a LAN behind a router, SLAAC and both families across the router', () => {
  it('the Windows PC forms a stable random address and a temporary one; the Linux server an EUI-64 address', () => {
    const net = lanBehindRouter();
    const pc = net.ipv6Addresses('PC1:Ethernet0').filter((a) => inPrefix(a.address, 0x20010db800010000n));
    expect(pc.map((a) => a.origin).sort()).toEqual(['slaac', 'temporary']);
    expect(pc.every((a) => a.state === 'preferred')).toBe(true);
    expect(pc.some((a) => isEui64(a.address))).toBe(false);
    const srv = net.ipv6Addresses('SRV1:eth0').filter((a) => inPrefix(a.address, 0x20010db800010000n));
    expect(srv).toHaveLength(1);
    expect(srv[0]).toMatchObject({ origin: 'slaac', state: 'preferred' });
    expect(isEui64(srv[0]!.address)).toBe(true);
    // The identifier is the MAC with the universal/local bit flipped.
    const mac = BigInt(net.interfaceAt('SRV1:eth0').mac);
    const eui = ((mac >> 24n) << 40n) | (0xfffen << 24n) | (mac & 0xffffffn);
    expect(srv[0]!.address & 0xffffffffffffffffn).toBe(eui ^ (1n << 57n));
  });

  it('both families ping across the router: the PC and the server reach the server beyond it', () => {
    const net = lanBehindRouter();
    const srv2 = net.ipv6Addresses('SRV2:eth0').find((a) => inPrefix(a.address, 0x20010db800020000n))!.address;
    for (const host of ['PC1', 'SRV1']) {
      const over4 = ping(net, host, v4('192.168.2.20'), { count: 4 });
      expect(over4.received, `${host} IPv4`).toBeGreaterThanOrEqual(3);
      const over6 = ping(net, host, srv2, { count: 4 });
      expect(over6.family).toBe('ipv6');
      expect(over6.received, `${host} IPv6`).toBeGreaterThanOrEqual(3);
      const reply = over6.probes.find((p) => p.outcome.kind === 'reply')!.outcome;
      expect(reply).toMatchObject({ from: srv2, hopLimit: 63 });
    }
  });

  it('the PC sources its pings from the temporary address (RFC 6724 rule 7, Windows prefers temporary)', () => {
    const net = lanBehindRouter();
    const srv2 = net.ipv6Addresses('SRV2:eth0').find((a) => inPrefix(a.address, 0x20010db800020000n))!.address;
    const temporary = net.ipv6Addresses('PC1:Ethernet0').find((a) => a.origin === 'temporary')!.address;
    expect(ping(net, 'PC1', srv2, { count: 1 }).source).toBe(temporary);
  });
});
