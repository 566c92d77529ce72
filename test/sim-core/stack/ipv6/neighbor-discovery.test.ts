import { describe, it, expect } from 'vitest';
import { interfaceIdFromMac } from '../../../../sim-core/addr/eui64';
import { ALL_NODES, ipv6MulticastMac, solicitedNodeGroup } from '../../../../sim-core/addr/multicast';
import { msToNs, NS_PER_S } from '../../../../sim-core/engine/time';
import { Network } from '../../../../sim-core/sim/network';
import { ND_QUEUE_LIMIT } from '../../../../sim-core/stack/ipv6/neighbor-cache';
import { buildLan, echo6, ipv6Frames, text, v6 } from './ipv6-topology';

const LINK_LOCAL = 0xfe80n << 112n;

describe('link-local addresses and memberships (RFC 4862 section 5.3, RFC 4291 section 2.8)', () => {
  it('Linux and IOS form fe80::/64 + modified EUI-64; the address is preferred once DAD passes', () => {
    const net = buildLan({ hosts: { SRV1: 'server', R1: 'router' } });
    net.setIpv6Enabled('R1:g0/0', true);
    for (const endpoint of ['SRV1:eth0', 'R1:g0/0']) {
      expect(net.ipv6Addresses(endpoint)[0]).toMatchObject({ origin: 'link-local', state: 'tentative', prefixLength: 64 });
    }
    net.runFor(msToNs(2100));
    for (const endpoint of ['SRV1:eth0', 'R1:g0/0']) {
      const [linkLocal] = net.ipv6Addresses(endpoint);
      expect(linkLocal!.address).toBe(LINK_LOCAL | interfaceIdFromMac(net.interfaceAt(endpoint).mac));
      expect(linkLocal!.state).toBe('preferred');
    }
  });

  it('Windows forms a stable random identifier (not EUI-64): the same seed gives the same address, another seed another', () => {
    const addressFor = (seed: number) => {
      const net = buildLan({ seed, hosts: { PC1: 'pc' } });
      return net.ipv6Addresses('PC1:Ethernet0')[0]!.address;
    };
    const net = buildLan({ hosts: { PC1: 'pc' } });
    const address = net.ipv6Addresses('PC1:Ethernet0')[0]!.address;
    expect(address >> 64n).toBe(LINK_LOCAL >> 64n);
    expect(address).not.toBe(LINK_LOCAL | interfaceIdFromMac(net.interfaceAt('PC1:Ethernet0').mac));
    expect(addressFor(1)).toBe(address);
    expect(addressFor(2)).not.toBe(address);
  });

  it('an IOS interface has no IPv6 until `ipv6 enable` or an address; hosts have it from the start', () => {
    const net = buildLan({ hosts: { R1: 'router', PC1: 'pc' } });
    expect(net.ipv6Addresses('R1:g0/0')).toEqual([]);
    expect(net.ipv6Addresses('PC1:Ethernet0')).toHaveLength(1);
    net.addIpv6Address('R1:g0/0', '2001:db8::1/64');
    expect(net.ipv6Addresses('R1:g0/0').map((a) => a.origin)).toEqual(['link-local', 'static']);
  });

  it('joins ff02::1 and each address\'s solicited-node group, and accepts their 33:33 MACs at layer 2', () => {
    const net = buildLan({ hosts: { SRV1: 'server' } });
    net.addIpv6Address('SRV1:eth0', '2001:db8::a:bcde/64');
    const iface = net.interfaceAt('SRV1:eth0');
    const linkLocal = net.ipv6Addresses('SRV1:eth0')[0]!.address;
    expect([...iface.ipv6.joinedGroups].map(text).sort()).toEqual(['ff02::1', text(solicitedNodeGroup(linkLocal)), 'ff02::1:ff0a:bcde'].sort());
    expect(iface.acceptsMulticastMac(ipv6MulticastMac(ALL_NODES))).toBe(true);
    expect(iface.acceptsMulticastMac(ipv6MulticastMac(v6('ff02::1:ff0a:bcde')))).toBe(true);
    expect(iface.acceptsMulticastMac(ipv6MulticastMac(v6('ff02::2')))).toBe(false);
  });

  it('echo to ff02::1 is answered by every node (Linux, Windows, IOS); a group not joined is ignored (not-member)', () => {
    const net = buildLan({ hosts: { PC1: 'pc', SRV1: 'server', R1: 'router' } });
    net.setIpv6Enabled('R1:g0/0', true);
    net.runFor(msToNs(2500));
    const replies = echo6(net, 'PC1', 'ff02::1', { iface: 'Ethernet0' });
    const linkLocals = ['SRV1:eth0', 'R1:g0/0'].map((e) => text(net.ipv6Addresses(e)[0]!.address));
    expect(replies.map((r) => r.from).sort()).toEqual(linkLocals.sort());
    // ff05::1 shares ff02::1's MAC (33:33:00:00:00:01): layer 2 passes it, the IPv6 layer refuses it.
    expect(echo6(net, 'PC1', 'ff05::1', { iface: 'Ethernet0' })).toEqual([]);
    expect(net.simulator.trace.dropsByReason.get('not-member')).toBe(2);
  });
});

describe('address resolution on the wire (RFC 4861 sections 4.3, 4.4, 7.2)', () => {
  it('DAD NS from ::, resolution NS to the solicited-node group with SLLA, solicited NA with S and O and TLLA', () => {
    const net = buildLan({ hosts: { PC1: 'pc', SRV1: 'server' } });
    const capture = net.capture('PC1:Ethernet0');
    net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
    net.addIpv6Address('SRV1:eth0', '2001:db8:1::20/64');
    net.runFor(msToNs(2500));
    const pcMac = net.interfaceAt('PC1:Ethernet0').mac;
    const srvMac = net.interfaceAt('SRV1:eth0').mac;

    const dad = ipv6Frames(capture.frames).filter((f) => f.direction === 'outbound' && f.icmpv6?.kind === 'neighbor-solicitation' && f.ipv6.source === 0n);
    const targetOf = (f: (typeof dad)[number]) => (f.icmpv6!.kind === 'neighbor-solicitation' ? f.icmpv6!.targetAddress : v6('::'));
    expect(dad.map((f) => text(targetOf(f)))).toContain('2001:db8:1::10');
    for (const frame of dad) {
      const target = targetOf(frame);
      expect(frame.ipv6.destination).toBe(solicitedNodeGroup(target));
      expect(frame.ethernetDestination).toBe(ipv6MulticastMac(solicitedNodeGroup(target)));
      expect(frame.ipv6.hopLimit).toBe(255);
      expect(frame.icmpv6).toMatchObject({ code: 0, options: [] }); // RFC 4862 5.4.2: no SLLA from ::
    }

    capture.frames.length = 0;
    expect(echo6(net, 'PC1', '2001:db8:1::20').map((m) => m.kind)).toEqual(['echo-reply']);
    const frames = ipv6Frames(capture.frames);
    const ns = frames.find((f) => f.direction === 'outbound' && f.icmpv6?.kind === 'neighbor-solicitation')!;
    expect(text(ns.ipv6.source)).toBe('2001:db8:1::10');
    expect(text(ns.ipv6.destination)).toBe('ff02::1:ff00:20');
    expect(ns.ethernetDestination).toBe(0x3333ff000020);
    expect(ns.ipv6.hopLimit).toBe(255);
    expect(ns.icmpv6).toEqual({ kind: 'neighbor-solicitation', code: 0, targetAddress: v6('2001:db8:1::20'), options: [{ kind: 'source-link-layer-address', linkLayerAddress: pcMac }] });
    const na = frames.find((f) => f.direction === 'inbound' && f.icmpv6?.kind === 'neighbor-advertisement')!;
    expect(text(na.ipv6.source)).toBe('2001:db8:1::20');
    expect(text(na.ipv6.destination)).toBe('2001:db8:1::10');
    expect(na.ethernetDestination).toBe(pcMac);
    expect(na.ipv6.hopLimit).toBe(255);
    expect(na.icmpv6).toEqual({
      kind: 'neighbor-advertisement',
      code: 0,
      router: false,
      solicited: true,
      override: true,
      targetAddress: v6('2001:db8:1::20'),
      options: [{ kind: 'target-link-layer-address', linkLayerAddress: srvMac }],
    });
    // The echo request waited for the NA, then left to the MAC it named.
    const request = frames.find((f) => f.direction === 'outbound' && f.icmpv6?.kind === 'echo-request')!;
    expect(frames.indexOf(request)).toBeGreaterThan(frames.indexOf(na));
    expect(request.ethernetDestination).toBe(srvMac);
  });

  it('a router answers with the R flag set', () => {
    const net = buildLan({ hosts: { PC1: 'pc', R1: 'router' } });
    net.setIpv6Routing('R1', true);
    net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
    net.addIpv6Address('R1:g0/0', '2001:db8:1::1/64');
    net.runFor(msToNs(2500));
    const capture = net.capture('PC1:Ethernet0');
    echo6(net, 'PC1', '2001:db8:1::1');
    const na = ipv6Frames(capture.frames).find((f) => f.icmpv6?.kind === 'neighbor-advertisement')!;
    expect(na.icmpv6).toMatchObject({ router: true, solicited: true, override: true });
    expect(net.ipv6Neighbors('PC1:Ethernet0')[0]).toMatchObject({ state: 'REACHABLE', isRouter: true });
  });
});

/** PC1 and SRV1 on one switch with global addresses, DAD done. */
function pair(seed = 1): Network {
  const net = buildLan({ seed, hosts: { PC1: 'pc', SRV1: 'server' } });
  net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
  net.addIpv6Address('SRV1:eth0', '2001:db8:1::20/64');
  net.runFor(msToNs(2500));
  return net;
}

const stateOf = (net: Network, endpoint: string, address: string) => net.ipv6Neighbors(endpoint).find((n) => n.address === v6(address))?.state;

describe('Neighbor Unreachability Detection states and timers (RFC 4861 section 7.3, appendix C)', () => {
  it('ReachableTime is drawn from 0.5-1.5 × BaseReachableTime (30 s) with the seeded stream', () => {
    const times = [1, 2, 3, 4, 5].map((seed) => pair(seed).device('SRV1').ipv6!.neighbors.parameters(pair(seed).interfaceAt('SRV1:eth0')).reachableTimeMs);
    for (const ms of times) {
      expect(ms).toBeGreaterThanOrEqual(15_000);
      expect(ms).toBeLessThanOrEqual(45_000);
    }
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(pair(3).device('SRV1').ipv6!.neighbors.parameters(pair(3).interfaceAt('SRV1:eth0')).reachableTimeMs).toBe(times[2]);
  });

  it('INCOMPLETE → REACHABLE on a solicited NA; the NS sender\'s entry is STALE, then DELAY, PROBE (unicast NS) and REACHABLE', () => {
    const net = pair();
    const capture = net.capture('SRV1:eth0');
    const pc = net.device('PC1').icmpv6!;
    pc.send({ destination: v6('2001:db8:1::20'), message: { kind: 'echo-request', code: 0, identifier: 1, sequenceNumber: 1, payload: new Uint8Array(8) } });
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('INCOMPLETE');
    net.runFor(msToNs(100));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('REACHABLE');
    // SRV1 learned PC1 from the NS (STALE), then sent its reply to it: DELAY.
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::10')).toBe('DELAY');
    net.runFor(msToNs(5000));
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::10')).toBe('REACHABLE');
    const probe = ipv6Frames(capture.frames).find((f) => f.direction === 'outbound' && f.icmpv6?.kind === 'neighbor-solicitation')!;
    expect(probe.timeNs).toBeGreaterThanOrEqual(5 * NS_PER_S);
    expect(probe.ethernetDestination).toBe(net.interfaceAt('PC1:Ethernet0').mac); // unicast NUD probe
    expect(text(probe.ipv6.destination)).toBe('2001:db8:1::10');
  });

  it('REACHABLE → STALE after ReachableTime; a packet then → DELAY → PROBE; an answered probe → REACHABLE', () => {
    const net = pair();
    echo6(net, 'PC1', '2001:db8:1::20');
    const reachableMs = net.device('PC1').ipv6!.neighbors.parameters(net.interfaceAt('PC1:Ethernet0')).reachableTimeMs;
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('REACHABLE');
    net.runFor(msToNs(reachableMs));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('STALE');
    net.device('PC1').icmpv6!.send({ destination: v6('2001:db8:1::20'), message: { kind: 'echo-request', code: 0, identifier: 9, sequenceNumber: 1, payload: new Uint8Array(8) } });
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('DELAY');
    net.runFor(msToNs(4999));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('DELAY');
    net.runFor(msToNs(1)); // DELAY_FIRST_PROBE_TIME
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('PROBE');
    net.runFor(msToNs(50));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('REACHABLE');
  });

  it('PROBE with no answer: MAX_UNICAST_SOLICIT (3) unicast NS one RetransTimer apart, then the entry is removed', () => {
    const net = pair();
    echo6(net, 'PC1', '2001:db8:1::20');
    net.runFor(msToNs(50_000)); // STALE
    net.unplug('SRV1:eth0');
    const capture = net.capture('PC1:Ethernet0');
    net.device('PC1').icmpv6!.send({ destination: v6('2001:db8:1::20'), message: { kind: 'echo-request', code: 0, identifier: 9, sequenceNumber: 1, payload: new Uint8Array(8) } });
    net.runFor(msToNs(5000 + 2500));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBe('PROBE');
    net.runFor(msToNs(600));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::20')).toBeUndefined();
    const probes = ipv6Frames(capture.frames).filter((f) => f.icmpv6?.kind === 'neighbor-solicitation');
    expect(probes).toHaveLength(3);
    expect(probes.map((p) => (p.timeNs - probes[0]!.timeNs) / NS_PER_S)).toEqual([0, 1, 2]);
    expect(probes.every((p) => p.ethernetDestination === net.interfaceAt('SRV1:eth0').mac)).toBe(true);
  });

  it(`INCOMPLETE holds ${ND_QUEUE_LIMIT} packets; after 3 multicast NS the entry goes and each waiting packet gets address unreachable (code 3)`, () => {
    const net = pair();
    const capture = net.capture('PC1:Ethernet0');
    const messages: string[] = [];
    net.device('PC1').icmpv6!.addListener((message, datagram) => {
      if (message.kind === 'destination-unreachable') messages.push(`${message.code} from ${text(datagram.source)}`);
    });
    for (let i = 0; i < 5; i++) net.device('PC1').icmpv6!.send({ destination: v6('2001:db8:1::99'), message: { kind: 'echo-request', code: 0, identifier: 2, sequenceNumber: i, payload: new Uint8Array(8) } });
    expect(net.ipv6Neighbors('PC1:Ethernet0').find((n) => n.address === v6('2001:db8:1::99'))).toMatchObject({ state: 'INCOMPLETE', queued: ND_QUEUE_LIMIT });
    expect(net.simulator.trace.dropsByReason.get('nd-queue-full')).toBe(2);
    net.runFor(msToNs(3100));
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::99')).toBeUndefined();
    expect(net.simulator.trace.dropsByReason.get('neighbor-unreachable')).toBe(3);
    expect(messages).toEqual(['3 from 2001:db8:1::10', '3 from 2001:db8:1::10', '3 from 2001:db8:1::10']);
    const solicitations = ipv6Frames(capture.frames).filter((f) => f.icmpv6?.kind === 'neighbor-solicitation');
    expect(solicitations.map((f) => text(f.ipv6.destination))).toEqual(['ff02::1:ff00:99', 'ff02::1:ff00:99', 'ff02::1:ff00:99']);
  });

  it('a non-override NA with another MAC only makes a REACHABLE entry STALE; an override NA replaces the MAC (section 7.2.5)', () => {
    const net = pair();
    echo6(net, 'PC1', '2001:db8:1::20');
    const cache = net.device('PC1').ipv6!.neighbors;
    const iface = net.interfaceAt('PC1:Ethernet0');
    const original = net.interfaceAt('SRV1:eth0').mac;
    const other = 0x02000000beef as typeof original;
    cache.handleAdvertisement(iface, v6('2001:db8:1::20'), { router: false, solicited: false, override: false }, other);
    expect(cache.lookup(iface, v6('2001:db8:1::20'))).toMatchObject({ state: 'STALE', linkLayerAddress: original });
    cache.handleAdvertisement(iface, v6('2001:db8:1::20'), { router: false, solicited: false, override: true }, other);
    expect(cache.lookup(iface, v6('2001:db8:1::20'))).toMatchObject({ state: 'STALE', linkLayerAddress: other });
    cache.handleAdvertisement(iface, v6('2001:db8:1::20'), { router: false, solicited: true, override: true }, other);
    expect(cache.lookup(iface, v6('2001:db8:1::20'))!.state).toBe('REACHABLE');
  });

  it('an NA with R clear from a router clears IsRouter and tells the default router list', () => {
    const net = pair();
    const cache = net.device('PC1').ipv6!.neighbors;
    const iface = net.interfaceAt('PC1:Ethernet0');
    const lost: string[] = [];
    cache.onRouterLost = (_iface, address) => lost.push(text(address));
    cache.handleLinkLayerAddress(iface, v6('fe80::1'), 0x02000000000a as never, true);
    expect(cache.lookup(iface, v6('fe80::1'))).toMatchObject({ state: 'STALE', isRouter: true });
    cache.handleAdvertisement(iface, v6('fe80::1'), { router: false, solicited: false, override: true }, undefined);
    expect(lost).toEqual(['fe80::1']);
  });

  it('carrier loss flushes the interface\'s neighbours', () => {
    const net = pair();
    echo6(net, 'PC1', '2001:db8:1::20');
    expect(net.ipv6Neighbors('PC1:Ethernet0')).toHaveLength(1);
    net.unplug('PC1:Ethernet0');
    expect(net.ipv6Neighbors('PC1:Ethernet0')).toEqual([]);
  });
});
