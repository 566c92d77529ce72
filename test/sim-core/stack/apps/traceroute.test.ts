import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../../sim-core/engine/time';
import { startPing } from '../../../../sim-core/stack/apps/ping';
import { startTraceroute, type TracerouteEvent } from '../../../../sim-core/stack/apps/traceroute';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIpv4 } from '../../../../sim-core/wire/ipv4';
import { decodeUdp } from '../../../../sim-core/wire/udp';
import { buildIpv4Chain, ip } from '../../devices/topology';
import { runUntilDone } from './run-session';

/** The chain, run for a second (spanning tree, DAD). */
function chain(seed = 1) {
  const net = buildIpv4Chain(seed);
  net.runFor(NS_PER_S);
  return net;
}

/** Pings once each way so every router has its ARP entries (IOS drops the packet that starts ARP). */
function warmArp(net: ReturnType<typeof chain>) {
  const a = startPing(net.device('PC1').stack!, { destination: ip('198.51.100.10') });
  const b = startPing(net.device('SRV1').stack!, { destination: ip('192.0.2.10'), count: 3 });
  runUntilDone(net, a);
  runUntilDone(net, b);
}

function trace(net: ReturnType<typeof chain>, from: string, options: Parameters<typeof startTraceroute>[1]) {
  const events: TracerouteEvent[] = [];
  const session = startTraceroute(net.device(from).stack!, options, (e) => events.push(e));
  runUntilDone(net, session, 2000);
  return { result: session.result(), events };
}

/** Each hop as the responding addresses of its probes ('*' for a timeout). */
function table(result: ReturnType<typeof trace>['result']) {
  return result.hops.map((hop) => hop.probes.map((p) => (p.outcome.kind === 'timeout' ? '*' : p.outcome.kind === 'send-failed' ? 'fail' : p.outcome.from)));
}

describe('traceroute over IPv4', () => {
  it('Windows tracert uses ICMP echo with TTL 1, 2, 3 and stops at the echo reply', () => {
    const net = chain();
    const capture = net.capture('PC1:Ethernet0');
    const { result } = trace(net, 'PC1', { destination: ip('198.51.100.10') });
    expect(result.method).toBe('icmp-echo');
    expect(result.reached).toBe(true);
    expect(result.hops.map((h) => h.ttl)).toEqual([1, 2, 3]);
    const last = result.hops[2]!.probes.filter((p) => p.outcome.kind === 'reply');
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((p) => p.outcome.kind === 'reply' && p.outcome.reached && p.outcome.from === ip('198.51.100.10'))).toBe(true);
    expect(table(result)[0]).toEqual([ip('192.0.2.1'), ip('192.0.2.1'), ip('192.0.2.1')]);
    // On the wire: ICMP echo requests with 64 bytes of data (92-byte datagrams), TTL counting up.
    const ttls = capture.frames
      .filter((f) => f.direction === 'outbound')
      .flatMap((f) => {
        const eth = decodeEthernet(f.bytes);
        if (!eth.ok || eth.value.etherType !== 0x0800) return [];
        const packet = decodeIpv4(eth.value.payload);
        return packet.ok && packet.value.protocol === 1 ? [[packet.value.timeToLive, 20 + packet.value.payload.length]] : [];
      });
    expect(ttls.slice(0, 4)).toEqual([[1, 92], [1, 92], [1, 92], [2, 92]]);
  });

  it('Linux traceroute sends UDP to 33434, 33435 … and stops at the destination\'s port unreachable', () => {
    const net = chain();
    warmArp(net);
    const capture = net.capture('SRV1:eth0');
    const { result } = trace(net, 'SRV1', { destination: ip('192.0.2.10') });
    expect(result.method).toBe('udp');
    expect(result.packetBytes).toBe(60);
    expect(result.reached).toBe(true);
    expect(table(result)).toEqual([
      [ip('198.51.100.1'), ip('198.51.100.1'), ip('198.51.100.1')],
      [ip('10.0.12.1'), ip('10.0.12.1'), ip('10.0.12.1')],
      [ip('192.0.2.10'), ip('192.0.2.10'), ip('192.0.2.10')],
    ]);
    const ports = capture.frames
      .filter((f) => f.direction === 'outbound')
      .flatMap((f) => {
        const eth = decodeEthernet(f.bytes);
        if (!eth.ok || eth.value.etherType !== 0x0800) return [];
        const packet = decodeIpv4(eth.value.payload);
        if (!packet.ok || packet.value.protocol !== 17) return [];
        const udp = decodeUdp(packet.value.payload, { family: 4, source: packet.value.source, destination: packet.value.destination });
        return udp.ok ? [udp.value.destinationPort] : [];
      });
    expect(ports).toEqual([33434, 33435, 33436, 33437, 33438, 33439, 33440, 33441, 33442]);
  });

  it('cold ARP caches: the first probe to each new hop dies while an IOS router resolves its next hop', () => {
    const net = chain();
    const { result } = trace(net, 'SRV1', { destination: ip('192.0.2.10') });
    expect(table(result)).toEqual([
      [ip('198.51.100.1'), ip('198.51.100.1'), ip('198.51.100.1')],
      ['*', ip('10.0.12.1'), ip('10.0.12.1')],
      ['*', ip('192.0.2.10'), ip('192.0.2.10')],
    ]);
  });

  it('IOS traceroute to an IOS router: port unreachables are rate-limited (IOS: one per 500 ms), so the hop shows a * after an answer', () => {
    const net = chain();
    warmArp(net);
    const { result } = trace(net, 'R1', { destination: ip('198.51.100.1') });
    expect(result.timeoutNs).toBe(3 * NS_PER_S);
    expect(result.reached).toBe(true);
    // IOS sources its ICMP from the interface toward the sender, so the far address is not shown.
    expect(table(result)).toEqual([[ip('10.0.12.2'), '*', ip('10.0.12.2')]]);
  });

  it('a missing return route: every hop after the first is * * * up to 30 hops (what a trainee sees)', () => {
    const net = chain();
    net.device('R2').ipv4!.fib.remove((route) => route.source === 'static');
    const { result } = trace(net, 'PC1', { destination: ip('198.51.100.10') });
    expect(result.reached).toBe(false);
    expect(result.hops).toHaveLength(30);
    expect(table(result)[0]).toEqual([ip('192.0.2.1'), ip('192.0.2.1'), ip('192.0.2.1')]);
    for (const hop of table(result).slice(1)) expect(hop).toEqual(['*', '*', '*']);
    // 29 silent hops × 3 probes × 4 s
    expect(result.endedNs - result.startedNs).toBeGreaterThanOrEqual(29 * 3 * 4 * NS_PER_S);
  });

  it('an unreachable network stops the trace with the router\'s annotation (!N)', () => {
    const net = chain();
    const { result } = trace(net, 'SRV1', { destination: ip('203.0.113.9') });
    // TTL is checked before the route (RFC 1812 section 5.3.1): hop 1 is R2's time exceeded, hop 2 its !N.
    const last = result.hops.at(-1)!;
    expect(last.ttl).toBe(2);
    expect(table(result)[0]).toEqual([ip('198.51.100.1'), ip('198.51.100.1'), ip('198.51.100.1')]);
    expect(last.probes.some((p) => p.outcome.kind === 'unreachable' && p.outcome.reason === 'net')).toBe(true);
    expect(result.reached).toBe(false);
  });

  it('streams every probe and every hop as it ends, and cancel keeps what was traced', () => {
    const net = chain();
    const events: TracerouteEvent[] = [];
    net.device('R2').ipv4!.fib.remove((route) => route.source === 'static');
    const session = startTraceroute(net.device('PC1').stack!, { destination: ip('198.51.100.10') }, (e) => events.push(e));
    net.runFor(10 * NS_PER_S);
    expect(events.filter((e) => e.kind === 'hop')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'probe').length).toBeGreaterThanOrEqual(4);
    session.cancel();
    const result = session.result();
    expect(result.cancelled).toBe(true);
    expect(result.hops.map((h) => h.ttl)).toEqual([1, 2]);
    expect(events.at(-1)!.kind).toBe('done');
  });
});
