import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, type Ipv4Address } from '../../../../sim-core/addr/ipv4';
import { NS_PER_MS, NS_PER_S } from '../../../../sim-core/engine/time';
import { startPing, summariseRtt, type PingEvent } from '../../../../sim-core/stack/apps/ping';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIpv4 } from '../../../../sim-core/wire/ipv4';
import { decodeIcmpv4 } from '../../../../sim-core/wire/icmpv4';
import { buildIpv4Chain, buildTopology, ip } from '../../devices/topology';
import { runUntilDone } from './run-session';

const chain = buildIpv4Chain;

function ping(net: ReturnType<typeof chain>, from: string, options: Parameters<typeof startPing>[1]) {
  const events: PingEvent[] = [];
  const session = startPing(net.device(from).stack!, options, (event) => events.push(event));
  runUntilDone(net, session);
  return { result: session.result(), events, session };
}

const kinds = (result: { probes: readonly { outcome: { kind: string } }[] }) => result.probes.map((p) => p.outcome.kind);

describe('ping over IPv4 (RFC 792 echo) with each system\'s defaults', () => {
  it('Windows: 4 probes of 32 data bytes, replies carry bytes=32 and the server\'s TTL less two hops (64 → 62)', () => {
    const net = chain();
    const { result } = ping(net, 'PC1', { destination: ip('198.51.100.10') });
    expect(result.count).toBe(4);
    expect(result.sent).toBe(4);
    // IOS drops the packet that triggers ARP at each router: the first probe dies at R1, the second at R2.
    expect(kinds(result)).toEqual(['timeout', 'timeout', 'reply', 'reply']);
    for (const probe of result.probes.filter((p) => p.outcome.kind === 'reply')) {
      expect(probe.outcome).toMatchObject({ kind: 'reply', dataBytes: 32, packetBytes: 60, hopLimit: 62 });
      expect(formatIpv4((probe.outcome as { from: Ipv4Address }).from)).toBe('198.51.100.10');
    }
    expect(result.received).toBe(2);
    expect(result.lossPercent).toBe(50);
    expect(result.source).toBe(ip('192.0.2.10'));
  });

  it('Windows: a timeout is declared 4000 ms after the send, and the next probe leaves at once', () => {
    const net = chain();
    const { result } = ping(net, 'PC1', { destination: ip('198.51.100.10') });
    const [first, second, third] = result.probes;
    expect(first!.endedNs - first!.sentNs).toBe(4000 * NS_PER_MS);
    expect(second!.sentNs).toBe(first!.endedNs);
    // After a reply the next waits for the 1 s interval from the previous send.
    expect(result.probes[3]!.sentNs - third!.sentNs).toBe(NS_PER_S);
  });

  it('Linux: 56 data bytes (84-byte datagram), one probe a second whatever the replies, icmp_seq from 1', () => {
    const net = chain();
    const { result } = ping(net, 'SRV1', { destination: ip('192.0.2.10'), count: 4 });
    expect(result.probes.map((p) => p.sequence)).toEqual([1, 2, 3, 4]);
    expect(result.probes.map((p) => p.sentNs - result.startedNs)).toEqual([0, NS_PER_S, 2 * NS_PER_S, 3 * NS_PER_S]);
    const reply = result.probes.find((p) => p.outcome.kind === 'reply')!;
    expect(reply.outcome).toMatchObject({ dataBytes: 56, packetBytes: 84, hopLimit: 126 });
  });

  it('IOS: size 100 is the whole datagram (72 data bytes), 5 probes, the next right after each answer: .!!!! to a neighbour', () => {
    const net = chain();
    const { result } = ping(net, 'R1', { destination: ip('10.0.12.2') });
    expect(result.count).toBe(5);
    expect(result.dataBytes).toBe(72);
    expect(result.packetBytes).toBe(100);
    expect(kinds(result)).toEqual(['timeout', 'reply', 'reply', 'reply', 'reply']);
    expect(result.probes.map((p) => p.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(result.probes[0]!.endedNs - result.probes[0]!.sentNs).toBe(2 * NS_PER_S);
    for (let i = 1; i < 5; i++) expect(result.probes[i]!.sentNs).toBe(result.probes[i - 1]!.endedNs);
    expect(result.probes[1]!.outcome).toMatchObject({ packetBytes: 100, hopLimit: 255 });
  });

  it('round-trip times are virtual time: propagation and serialisation of both directions, nothing else', () => {
    const net = chain();
    const { result } = ping(net, 'R1', { destination: ip('10.0.12.2') });
    const rtts = result.probes.flatMap((p) => (p.outcome.kind === 'reply' ? [p.outcome.rttNs] : []));
    // 114-byte frames (100 + 14) + 24 bytes overhead at 1 Gb/s = 1104 ns, plus 500 ns, each way.
    expect(new Set(rtts)).toEqual(new Set([2 * (1104 + 500)]));
    expect(result.rtt).toEqual({ minNs: 3208, avgNs: 3208, maxNs: 3208, mdevNs: 0 });
  });

  it('the echo data is what each OS sends: Windows the alphabet, IOS 0xABCD, Linux counting bytes after a timeval', () => {
    const net = chain();
    const captured: Uint8Array[] = [];
    const capture = net.capture('R1:g0/0');
    ping(net, 'PC1', { destination: ip('192.0.2.1'), count: 1 });
    capture.stop();
    for (const frame of capture.frames) {
      const eth = decodeEthernet(frame.bytes);
      if (!eth.ok || eth.value.etherType !== 0x0800) continue;
      const packet = decodeIpv4(eth.value.payload);
      if (!packet.ok || packet.value.protocol !== 1) continue;
      const icmp = decodeIcmpv4(packet.value.payload);
      if (icmp.ok && icmp.value.kind === 'echo-request') captured.push(icmp.value.payload);
    }
    expect(new TextDecoder().decode(captured[0])).toBe('abcdefghijklmnopqrstuvwabcdefghi');
  });

  it('a probe with TTL 1 gets time exceeded from the first router (Windows -i 1: "TTL expired in transit")', () => {
    const net = chain();
    ping(net, 'PC1', { destination: ip('198.51.100.10'), count: 2 }); // warm ARP
    const { result } = ping(net, 'PC1', { destination: ip('198.51.100.10'), count: 1, hopLimit: 1 });
    expect(result.probes[0]!.outcome).toEqual({ kind: 'time-exceeded', from: ip('192.0.2.1'), code: 0 });
    expect(result.errors).toBe(1);
    expect(result.received).toBe(0);
  });

  it('no route at a router gives destination net unreachable (code 0) from that router', () => {
    const net = chain();
    const { result } = ping(net, 'PC1', { destination: ip('203.0.113.5'), count: 3 });
    expect(result.probes.map((p) => p.outcome)).toContainEqual({ kind: 'unreachable', from: ip('192.0.2.1'), code: 0, reason: 'net' });
  });

  it('DF and a 1280-byte link: fragmentation needed comes back as packet-too-big with the next-hop MTU (RFC 1191)', () => {
    const net = chain();
    net.device('R1').stack!.setMtu(net.interfaceAt('R1:g0/1'), 1280);
    ping(net, 'PC1', { destination: ip('198.51.100.10'), count: 2 });
    const { result } = ping(net, 'PC1', { destination: ip('198.51.100.10'), count: 1, sizeBytes: 1400, dontFragment: true });
    expect(result.probes[0]!.outcome).toEqual({ kind: 'packet-too-big', from: ip('192.0.2.1'), mtuBytes: 1280 });
  });

  it('DF and a payload bigger than the host\'s own MTU: refused locally, nothing sent (Windows "Packet needs to be fragmented but DF set.")', () => {
    const net = chain();
    const { result } = ping(net, 'PC1', { destination: ip('198.51.100.10'), count: 1, sizeBytes: 1500, dontFragment: true });
    expect(result.probes[0]!.outcome).toEqual({ kind: 'send-failed', reason: 'fragmentation-needed', mtuBytes: 1500 });
    expect(result.sent).toBe(0);
  });

  it('Linux stops at once when there is no route ("connect: Network is unreachable"); Windows keeps trying', () => {
    const net = chain();
    const linux = ping(net, 'SRV1', { destination: ip('203.0.113.5'), count: 4 }).result;
    // SRV1 has a default route, so remove it: a host with no gateway.
    expect(linux.sent).toBeGreaterThan(0);
    const lonely = buildTopology({ devices: { A: 'server', B: 'pc' }, links: [['A:eth0', 'B:Ethernet0']], addresses: { 'A:eth0': '192.0.2.1/24', 'B:Ethernet0': '192.0.2.2/24' } });
    const a = ping(lonely, 'A', { destination: ip('203.0.113.5'), count: 4 }).result;
    expect(a.stoppedBy).toBe('no-route');
    expect(a.probes).toHaveLength(1);
    const b = ping(lonely, 'B', { destination: ip('203.0.113.5') }).result;
    expect(b.probes.map((p) => p.outcome.kind)).toEqual(['send-failed', 'send-failed', 'send-failed', 'send-failed']);
  });

  it('events stream in virtual time: each probe outcome is told when it happens, then done with the summary', () => {
    const net = chain();
    const seen: { kind: string; at: number }[] = [];
    const session = startPing(net.device('R1').stack!, { destination: ip('10.0.12.2') }, (event) => seen.push({ kind: event.kind, at: net.nowNs }));
    expect(seen).toEqual([{ kind: 'sent', at: 0 }]);
    net.runFor(NS_PER_S);
    expect(seen.filter((e) => e.kind === 'probe')).toHaveLength(0); // the first probe is still waiting (ARP)
    runUntilDone(net, session);
    expect(seen.filter((e) => e.kind === 'probe')).toHaveLength(5);
    expect(seen.at(-1)!.kind).toBe('done');
  });

  it('cancel (Ctrl-C) stops sending, counts the probe in flight as lost and gives the summary', () => {
    const net = chain();
    const events: PingEvent[] = [];
    const session = startPing(net.device('SRV1').stack!, { destination: ip('192.0.2.10') }, (e) => events.push(e)); // Linux: no count
    net.runFor(3.5 * NS_PER_S);
    expect(session.done).toBe(false);
    session.cancel();
    expect(session.done).toBe(true);
    const result = session.result();
    expect(result.cancelled).toBe(true);
    expect(result.count).toBe(Infinity);
    expect(result.sent).toBe(4);
    expect(events.at(-1)).toMatchObject({ kind: 'done' });
    const ipv4 = net.device('SRV1').ipv4!;
    const sentBefore = ipv4.counters.sent;
    net.runFor(5 * NS_PER_S);
    expect(ipv4.counters.sent).toBe(sentBefore); // no IPv4 packet leaves SRV1 any more
    expect(session.result().sent).toBe(4);
  });

  it('two pings at once on one device do not take each other\'s replies (distinct identifiers)', () => {
    const net = chain();
    const stack = net.device('R1').stack!;
    const a = startPing(stack, { destination: ip('10.0.12.2'), count: 5 });
    const b = startPing(stack, { destination: ip('192.0.2.10'), count: 5 });
    runUntilDone(net, a);
    runUntilDone(net, b);
    expect(a.identifier).not.toBe(b.identifier);
    for (const probe of a.result().probes) if (probe.outcome.kind === 'reply') expect(probe.outcome.from).toBe(ip('10.0.12.2'));
    for (const probe of b.result().probes) if (probe.outcome.kind === 'reply') expect(probe.outcome.from).toBe(ip('192.0.2.10'));
    expect(a.result().received + b.result().received).toBe(8);
  });
});

describe('ping summary arithmetic (iputils rtt min/avg/max/mdev)', () => {
  it('mdev is the population standard deviation: 1, 2, 3 ms → avg 2, mdev 0.816', () => {
    const summary = summariseRtt([1e6, 2e6, 3e6]);
    expect(summary.minNs).toBe(1e6);
    expect(summary.maxNs).toBe(3e6);
    expect(summary.avgNs).toBe(2e6);
    expect(summary.mdevNs / 1e6).toBeCloseTo(0.8165, 3);
  });

  it('min ≤ avg ≤ max and mdev ≥ 0 for any round-trip times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 50 }), (rtts) => {
        const s = summariseRtt(rtts);
        return s.minNs <= s.avgNs + 1e-6 && s.avgNs <= s.maxNs + 1e-6 && s.mdevNs >= 0;
      }),
    );
  });
});
