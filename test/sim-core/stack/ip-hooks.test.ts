/**
 * Ordered IP hooks (ip-hooks.ts) on both families: a hook may accept, drop with a reason that
 * reaches the trace, or take the packet; hooks run by priority; a local-output drop fails the
 * send as `filtered`. The topologies are the PC1 — R1 — R2 — SRV1 chains of the forwarding tests.
 */
import { describe, expect, it } from 'vitest';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import type { Ipv6Address } from '../../../sim-core/addr/ipv6';
import { startPing } from '../../../sim-core/stack/apps/ping';
import { ACCEPT, dropVerdict, IpHookChain, TAKE, type IpHookPacket, type IpHookPoint } from '../../../sim-core/stack/ip-hooks';
import { buildIpv4Chain, echo, ip } from '../devices/topology';
import { runUntilDone } from './apps/run-session';
import { buildChain, echo6, v6 } from './ipv6/ipv6-topology';

const ICMP = 1;
const ICMPV6 = 58;

describe('IP hooks, IPv4', () => {
  it('a forward hook that drops a packet: the reason is in the trace, on the router and its ingress interface', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 }); // warm ARP
    const r1 = net.device('R1').ipv4!;
    r1.hooks.register({ point: 'forward', priority: 0, name: 'acl 101 in', hook: (p) => (p.protocol === ICMP && p.destination === ip('198.51.100.10') ? dropVerdict('acl-deny') : ACCEPT) });
    const outcome = echo(net, 'PC1', '198.51.100.10', { count: 3 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(0);
    const drops = net.simulator.trace.records().filter((r) => r.reason === 'acl-deny');
    expect(drops).toHaveLength(3);
    expect(drops.every((r) => r.device === 'R1' && r.interface === 'GigabitEthernet0/0' && r.direction === 'drop')).toBe(true);
    // Other destinations still pass: the router's own address is local input, not forward.
    expect(echo(net, 'PC1', '10.0.12.2', { count: 2 }).messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(2);
  });

  it('a hook that takes packets stops them without a drop record (a translator owns them now)', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const taken: IpHookPacket<Ipv4Address>[] = [];
    net.device('R2').ipv4!.hooks.register({ point: 'pre-routing', priority: 0, name: 'nat64', hook: (p) => (p.destination === ip('198.51.100.10') ? (taken.push(p), TAKE) : ACCEPT) });
    const before = net.simulator.trace.records().filter((r) => r.direction === 'drop').length;
    const outcome = echo(net, 'PC1', '198.51.100.10', { count: 2 });
    expect(outcome.messages).toHaveLength(0);
    expect(taken).toHaveLength(2);
    expect(taken[0]!.ingress?.name).toBe('GigabitEthernet0/1');
    expect(taken[0]!.hopLimit).toBe(127); // Windows 128, one router so far
    expect(taken[0]!.bytes[0]! >> 4).toBe(4);
    expect(net.simulator.trace.records().filter((r) => r.direction === 'drop').length).toBe(before);
  });

  it('a local-output drop fails the send at once as filtered (nothing leaves)', () => {
    const net = buildIpv4Chain();
    const pc = net.device('PC1');
    pc.ipv4!.hooks.register({ point: 'local-output', priority: 0, name: 'firewall', hook: (p) => (p.protocol === ICMP ? dropVerdict('firewall-deny') : ACCEPT) });
    const ping = startPing(pc.stack!, { destination: ip('198.51.100.10'), count: 1 });
    runUntilDone(net, ping);
    expect(ping.result().received).toBe(0);
    expect(ping.result().probes[0]!.outcome).toMatchObject({ kind: 'send-failed', reason: 'filtered' });
    expect(net.simulator.trace.dropsByReason.get('firewall-deny')).toBe(1);
  });

  it('local input, local output and post-routing see the packet with the interfaces of their point', () => {
    const net = buildIpv4Chain();
    const seen: string[] = [];
    const record = (point: IpHookPoint) => (p: IpHookPacket<Ipv4Address>) => {
      if (p.protocol === ICMP) seen.push(`${point} in=${p.ingress?.name ?? '-'} out=${p.egress?.name ?? '-'}`);
      return ACCEPT;
    };
    const r1 = net.device('R1').ipv4!;
    for (const point of ['pre-routing', 'local-input', 'forward', 'local-output', 'post-routing'] as const) r1.hooks.register({ point, priority: 0, name: point, hook: record(point) });
    echo(net, 'PC1', '192.0.2.1', { count: 1 });
    expect(seen).toEqual([
      'pre-routing in=GigabitEthernet0/0 out=-',
      'local-input in=GigabitEthernet0/0 out=-',
      'local-output in=- out=GigabitEthernet0/0',
      'post-routing in=- out=GigabitEthernet0/0',
    ]);
    seen.length = 0;
    echo(net, 'PC1', '198.51.100.10', { count: 3 });
    // Requests and replies both cross R1: pre-routing, forward, post-routing each way (the first request waits for ARP at R1 and dies there on IOS).
    expect(seen.filter((s) => s.startsWith('forward'))).toContain('forward in=GigabitEthernet0/0 out=GigabitEthernet0/1');
    expect(seen.filter((s) => s.startsWith('forward'))).toContain('forward in=GigabitEthernet0/1 out=GigabitEthernet0/0');
    expect(seen.filter((s) => s.startsWith('post-routing'))).toContain('post-routing in=GigabitEthernet0/0 out=GigabitEthernet0/1');
  });
});

describe('IP hooks, IPv6', () => {
  it('a forward hook that drops a packet: the reason is in the trace and the echo gets no reply', () => {
    const net = buildChain();
    expect(echo6(net, 'PC1', '2001:db8:2::10', { count: 2 }).filter((m) => m.kind === 'echo-reply').length).toBeGreaterThan(0);
    net.device('R2').ipv6!.hooks.register({
      point: 'forward',
      priority: 0,
      name: 'ipv6 traffic-filter',
      hook: (p: IpHookPacket<Ipv6Address>) => (p.protocol === ICMPV6 && p.destination === v6('2001:db8:2::10') ? dropVerdict('acl-deny') : ACCEPT),
    });
    const after = echo6(net, 'PC1', '2001:db8:2::10', { count: 2 });
    expect(after.filter((m) => m.kind === 'echo-reply')).toHaveLength(0);
    const drops = net.simulator.trace.records().filter((r) => r.reason === 'acl-deny');
    expect(drops).toHaveLength(2);
    expect(drops.every((r) => r.device === 'R2' && r.interface === 'GigabitEthernet0/1')).toBe(true);
  });

  it('a local-input hook that takes echo requests: the server never answers, no drop is recorded', () => {
    const net = buildChain();
    let taken = 0;
    net.device('SRV1').ipv6!.hooks.register({ point: 'local-input', priority: 0, name: 'capture', hook: (p) => (p.protocol === ICMPV6 && p.bytes[40] === 128 ? (taken++, TAKE) : ACCEPT) });
    const drops = net.simulator.trace.records().filter((r) => r.direction === 'drop').length;
    expect(echo6(net, 'PC1', '2001:db8:2::10', { count: 3 }).filter((m) => m.kind === 'echo-reply')).toHaveLength(0);
    expect(taken).toBe(3);
    expect(net.simulator.trace.records().filter((r) => r.direction === 'drop').length).toBe(drops);
  });

  it('Neighbor Discovery passes through local output too (hooks see every packet the device sends)', () => {
    const net = buildChain();
    const types: number[] = [];
    net.device('PC1').ipv6!.hooks.register({ point: 'local-output', priority: 0, name: 'log', hook: (p) => (p.protocol === ICMPV6 && types.push(p.bytes[40]!), ACCEPT) });
    echo6(net, 'PC1', '2001:db8:2::10', { count: 1 });
    expect(types).toContain(128); // echo request
    net.device('PC1').ipv6!.neighbors.flush(net.device('PC1').interface('Ethernet0')!);
    echo6(net, 'PC1', '2001:db8:2::10', { count: 1 });
    expect(types).toContain(135); // the NS that resolves the router again
  });
});

describe('hook order', () => {
  it('hooks run in ascending priority, equal priorities in registration order; the first non-accept verdict wins', () => {
    const chain = new IpHookChain<number>();
    const calls: string[] = [];
    const hook = (name: string, verdict = ACCEPT) => () => (calls.push(name), verdict);
    chain.register({ point: 'forward', priority: 10, name: 'b', hook: hook('b') });
    chain.register({ point: 'forward', priority: -5, name: 'a', hook: hook('a') });
    chain.register({ point: 'forward', priority: 10, name: 'c', hook: hook('c', dropVerdict('acl-deny')) });
    chain.register({ point: 'forward', priority: 20, name: 'd', hook: hook('d') });
    chain.register({ point: 'local-input', priority: 0, name: 'other point', hook: hook('x') });
    expect(chain.list('forward').map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    const packet = { point: 'forward', version: 4, source: 1, destination: 2, protocol: 17, hopLimit: 64, bytes: new Uint8Array(20), ingress: null, egress: null } as const;
    expect(chain.run(packet)).toEqual({ kind: 'drop', reason: 'acl-deny' });
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('a removed hook no longer runs, and a point without hooks reports none', () => {
    const chain = new IpHookChain<number>();
    expect(chain.has('forward')).toBe(false);
    const remove = chain.register({ point: 'forward', priority: 0, name: 'a', hook: () => TAKE });
    expect(chain.has('forward')).toBe(true);
    expect(chain.has('pre-routing')).toBe(false);
    remove();
    remove();
    expect(chain.has('forward')).toBe(false);
    expect(chain.run({ point: 'forward', version: 6, source: 1, destination: 2, protocol: 58, hopLimit: 64, bytes: new Uint8Array(40), ingress: null, egress: null })).toEqual(ACCEPT);
  });
});
