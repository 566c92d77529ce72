import { describe, it, expect } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../../../sim-core/engine/time';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIcmpv6, type Icmpv6Message } from '../../../../sim-core/wire/icmpv6';
import { decodeIpv6 } from '../../../../sim-core/wire/ipv6';
import type { TappedFrame } from '../../../../sim-core/stack/port';
import { IPV6_RIB as IPV6_RIB_KEY } from '../../../../sim-core/stack/routing/ipv6-rib';
import { lan, v6 } from './rd-topology';

interface SeenNd {
  readonly timeNs: number;
  readonly source: bigint;
  readonly destination: bigint;
  readonly hopLimit: number;
  readonly message: Icmpv6Message;
}

/** RS and RA in a capture, decoded from the bytes on the wire. */
function routerDiscoveryFrames(frames: readonly TappedFrame[], direction: TappedFrame['direction']): SeenNd[] {
  const out: SeenNd[] = [];
  for (const frame of frames) {
    if (frame.direction !== direction) continue;
    const ethernet = decodeEthernet(frame.bytes);
    if (!ethernet.ok || ethernet.value.etherType !== 0x86dd) continue;
    const ip = decodeIpv6(ethernet.value.payload);
    if (!ip.ok || ip.value.nextHeader !== 58) continue;
    const icmp = decodeIcmpv6(ip.value.payload, { family: 6, source: ip.value.source, destination: ip.value.destination });
    if (!icmp.ok) throw new Error('bad ICMPv6 on the wire');
    if (icmp.value.kind === 'router-advertisement' || icmp.value.kind === 'router-solicitation') {
      out.push({ timeNs: frame.timeNs, source: ip.value.source, destination: ip.value.destination, hopLimit: ip.value.hopLimit, message: icmp.value });
    }
  }
  return out;
}

describe('router advertisements on the wire (RFC 4861 section 4.2, 6.2)', () => {
  it('an IOS RA: ff02::1 from the link-local, hop limit 255, hop limit 64, lifetime 1800, PIO L+A 2592000/604800, MTU, SLLA, RDNSS when configured', () => {
    const { net, r1, g00 } = lan();
    r1.rd.config(g00).dnsServers = [{ address: v6('2001:db8:1::53'), lifetimeS: 400 }];
    r1.rd.config(g00).managed = false;
    r1.rd.config(g00).other = true;
    const capture = net.capture('R1:g0/0');
    net.runFor(20 * NS_PER_S);
    const ras = routerDiscoveryFrames(capture.frames, 'outbound').filter((f) => f.message.kind === 'router-advertisement');
    expect(ras.length).toBeGreaterThan(0);
    const ra = ras[0]!;
    expect(ra.destination).toBe(v6('ff02::1'));
    expect(ra.source).toBe(r1.modules.ipv6.linkLocalOf(g00)!.address);
    expect(ra.hopLimit).toBe(255);
    expect(ra.message).toMatchObject({ kind: 'router-advertisement', code: 0, curHopLimit: 64, managed: false, other: true, routerLifetimeS: 1800, preference: 'medium' });
    if (ra.message.kind !== 'router-advertisement') return;
    expect(ra.message.options).toEqual([
      { kind: 'source-link-layer-address', linkLayerAddress: g00.mac },
      { kind: 'mtu', mtu: 1500 },
      { kind: 'prefix-information', prefixLength: 64, onLink: true, autonomous: true, routerAddress: false, validLifetimeS: 2592000, preferredLifetimeS: 604800, prefix: v6('2001:db8:1::') },
      { kind: 'rdnss', lifetimeS: 400, addresses: [v6('2001:db8:1::53')] },
    ]);
  });

  it('`ipv6 nd prefix … no-autoconfig` clears A (hosts form no address) and `no-advertise` leaves the PIO out', () => {
    const { net, r1, g00 } = lan();
    r1.rd.config(g00).prefixes = [{ prefix: v6('2001:db8:1::'), prefixLength: 64, noAutoconfig: true }];
    net.runFor(20 * NS_PER_S);
    expect(net.interfaceAt('SRV1:eth0').ipv6.addresses.filter((a) => a.address >> 112n === 0x2001n)).toEqual([]);
    const pio = r1.rd.buildAdvertisement(g00).options.find((o) => o.kind === 'prefix-information');
    expect(pio).toMatchObject({ autonomous: false, onLink: true });
    r1.rd.config(g00).prefixes = [{ prefix: v6('2001:db8:1::'), prefixLength: 64, noAdvertise: true }];
    expect(r1.rd.buildAdvertisement(g00).options.some((o) => o.kind === 'prefix-information')).toBe(false);
  });

  it('periodic RAs: the first three at most 16 s apart, then between MinRtrAdvInterval (0.33 × 200 s) and 200 s', () => {
    const { net } = lan(3);
    const capture = net.capture('R1:g0/0');
    net.runFor(2000 * NS_PER_S);
    const times = routerDiscoveryFrames(capture.frames, 'outbound')
      .filter((f) => f.message.kind === 'router-advertisement')
      .map((f) => f.timeNs);
    expect(times.length).toBeGreaterThan(10);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Solicited answers (to the hosts' RS) are extra; skip the first minute, where they fall.
    const late = gaps.filter((_, i) => times[i]! > 60 * NS_PER_S);
    for (const gap of late) {
      expect(gap).toBeGreaterThanOrEqual(66 * NS_PER_S);
      expect(gap).toBeLessThanOrEqual(200 * NS_PER_S);
    }
    expect(new Set(late).size).toBe(late.length); // jittered, not a fixed period
    const early = gaps.slice(0, 2);
    for (const gap of early) expect(gap).toBeLessThanOrEqual(16 * NS_PER_S);
  });

  it('a host whose link comes back solicits; the RS is answered 0–500 ms later, RAs never closer than MIN_DELAY_BETWEEN_RAS (3 s)', () => {
    const { net } = lan(4);
    net.runFor(40 * NS_PER_S); // past the initial RAs (1 s, 17 s, 33 s with this seed)
    const capture = net.capture('SW1:g1/0/1'); // the router's switch port: RS towards it, RA from it
    net.unplug('SRV1:eth0');
    net.runFor(NS_PER_S);
    net.replug('SRV1:eth0');
    net.runFor(60 * NS_PER_S);
    const seen = routerDiscoveryFrames(capture.frames, 'outbound').concat(routerDiscoveryFrames(capture.frames, 'inbound'));
    seen.sort((a, b) => a.timeNs - b.timeNs);
    const rs = seen.filter((f) => f.message.kind === 'router-solicitation');
    const ra = seen.filter((f) => f.message.kind === 'router-advertisement');
    expect(rs.length).toBeGreaterThan(0);
    for (const solicitation of rs) {
      expect(solicitation).toMatchObject({ destination: v6('ff02::2'), hopLimit: 255 });
      const answer = ra.find((a) => a.timeNs >= solicitation.timeNs);
      expect(answer).toBeDefined();
      const earlier = ra.filter((a) => a.timeNs < solicitation.timeNs).pop();
      const allowedNs = Math.max(500 * NS_PER_MS, earlier === undefined ? 0 : earlier.timeNs + 3.5 * NS_PER_S - solicitation.timeNs);
      expect(answer!.timeNs - solicitation.timeNs).toBeLessThanOrEqual(allowedNs + NS_PER_MS);
    }
    for (let i = 1; i < ra.length; i++) expect(ra[i]!.timeNs - ra[i - 1]!.timeNs).toBeGreaterThanOrEqual(3 * NS_PER_S);
  });

  it('hosts send at most 3 RS, 4 s apart, when no router answers (RFC 4861 section 6.3.7)', () => {
    const { net } = lan(2);
    net.setUp('R1:g0/0', false);
    const capture = net.capture('SRV1:eth0');
    net.runFor(60 * NS_PER_S);
    const rs = routerDiscoveryFrames(capture.frames, 'outbound').filter((f) => f.message.kind === 'router-solicitation');
    expect(rs).toHaveLength(3);
    expect(rs[1]!.timeNs - rs[0]!.timeNs).toBe(4 * NS_PER_S);
    expect(rs[2]!.timeNs - rs[1]!.timeNs).toBe(4 * NS_PER_S);
  });

  it('`ipv6 nd ra suppress` stops periodic RAs but RS are still answered; `suppress all` stops both', () => {
    const { net, r1, g00 } = lan();
    r1.rd.config(g00).suppress = true;
    const capture = net.capture('R1:g0/0');
    net.runFor(30 * NS_PER_S);
    const first = routerDiscoveryFrames(capture.frames, 'outbound').filter((f) => f.message.kind === 'router-advertisement');
    // Only answers to the hosts' RS (each host solicits until it hears one).
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(2);
    net.runFor(1000 * NS_PER_S);
    expect(routerDiscoveryFrames(capture.frames, 'outbound').filter((f) => f.message.kind === 'router-advertisement').length).toBe(first.length);
    r1.rd.config(g00).suppressAll = true;
    r1.rd.refresh(g00);
    net.unplug('SRV1:eth0');
    net.runFor(NS_PER_S);
    net.replug('SRV1:eth0');
    net.runFor(30 * NS_PER_S);
    expect(routerDiscoveryFrames(capture.frames, 'outbound').filter((f) => f.message.kind === 'router-advertisement').length).toBe(first.length);
  });

  it('`no ipv6 unicast-routing` sends a final RA with router lifetime 0 and hosts drop the default route', () => {
    const { net } = lan();
    net.runFor(30 * NS_PER_S);
    const srv = net.device('SRV1').stack!;
    const hasDefault = () => srv.find(IPV6_RIB_KEY)!.lookup(v6('2001:db8:99::1')) !== undefined;
    expect(hasDefault()).toBe(true);
    net.setIpv6Routing('R1', false);
    net.runFor(NS_PER_S);
    expect(hasDefault()).toBe(false);
  });
});
