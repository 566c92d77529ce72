/**
 * TCP (transport/tcp.ts, RFC 9293 and RFC 6298) between the Windows PC and the Linux server of
 * the PC1 — R1 — R2 — SRV1 chains, over IPv4 and IPv6: handshake with MSS from the MTU, data
 * both ways in MSS-sized segments, half-close and TIME-WAIT, RST for a closed port, SYN
 * retransmission with back-off, and recovery of a lost segment. The frames are checked on the
 * wire (decoded from the server's port capture).
 */
import { describe, expect, it } from 'vitest';
import { msToNs, NS_PER_S } from '../../../../sim-core/engine/time';
import type { Network } from '../../../../sim-core/sim/network';
import { ACCEPT, TAKE } from '../../../../sim-core/stack/ip-hooks';
import type { StreamEvent, StreamSocket } from '../../../../sim-core/stack/transport/socket';
import { TCP, type TcpConnection, type TcpModule } from '../../../../sim-core/stack/transport/tcp';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIpv4 } from '../../../../sim-core/wire/ipv4';
import { decodeIpv6 } from '../../../../sim-core/wire/ipv6';
import { decodeTcp, TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, type TcpSegment } from '../../../../sim-core/wire/tcp';
import type { TappedFrame } from '../../../../sim-core/stack/port';
import { buildIpv4Chain, echo, ip } from '../../devices/topology';
import { buildChain, v6 } from '../ipv6/ipv6-topology';

function tcpOf(net: Network, device: string): TcpModule {
  return net.device(device).stack!.findRequired(TCP);
}

/** The TCP segments of captured frames, with time and direction. */
function segments(frames: readonly TappedFrame[]): { timeNs: number; direction: string; segment: TcpSegment }[] {
  const out: { timeNs: number; direction: string; segment: TcpSegment }[] = [];
  for (const frame of frames) {
    const ethernet = decodeEthernet(frame.bytes);
    if (!ethernet.ok) continue;
    if (ethernet.value.etherType === 0x0800) {
      const packet = decodeIpv4(ethernet.value.payload);
      if (!packet.ok || packet.value.protocol !== 6) continue;
      const tcp = decodeTcp(packet.value.payload, { family: 4, source: packet.value.source, destination: packet.value.destination });
      if (!tcp.ok) throw new Error(tcp.error.message);
      out.push({ timeNs: frame.timeNs, direction: frame.direction, segment: tcp.value });
    } else if (ethernet.value.etherType === 0x86dd) {
      const packet = decodeIpv6(ethernet.value.payload);
      if (!packet.ok || packet.value.nextHeader !== 6) continue;
      const tcp = decodeTcp(packet.value.payload, { family: 6, source: packet.value.source, destination: packet.value.destination });
      if (!tcp.ok) throw new Error(tcp.error.message);
      out.push({ timeNs: frame.timeNs, direction: frame.direction, segment: tcp.value });
    }
  }
  return out;
}

function collect(socket: StreamSocket): { events: StreamEvent['kind'][]; data: number[] } {
  const record = { events: [] as StreamEvent['kind'][], data: [] as number[] };
  socket.on((event) => {
    record.events.push(event.kind);
    if (event.kind === 'data') record.data.push(...event.data);
  });
  return record;
}

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);
}

/** A server on SRV1 port 80 and a client on PC1: returns both ends once the handshake is done. */
function connected(net: Network, server: string, port: number) {
  const listener = tcpOf(net, 'SRV1').listen({ port: 80 });
  if (typeof listener === 'string') throw new Error(listener);
  let accepted: StreamSocket | undefined;
  let serverSide: ReturnType<typeof collect> | undefined;
  listener.onAccept((socket) => {
    accepted = socket;
    serverSide = collect(socket);
  });
  const client = tcpOf(net, 'PC1').connect({ address: server.includes(':') ? v6(server) : ip(server), port });
  if (typeof client === 'string') throw new Error(client);
  const clientSide = collect(client);
  net.runFor(msToNs(500));
  return { listener, client: client as TcpConnection, clientSide, server: () => accepted as TcpConnection | undefined, serverSide: () => serverSide! };
}

describe('TCP over IPv4', () => {
  it('the three-way handshake: SYN with MSS 1460 (MTU 1500), SYN-ACK, ACK; both ends ESTABLISHED', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const capture = net.capture('SRV1:eth0');
    const { client, clientSide, server } = connected(net, '198.51.100.10', 80);
    expect(client.state).toBe('ESTABLISHED');
    expect(server()?.state).toBe('ESTABLISHED');
    expect(clientSide.events).toEqual(['connected']);
    const seen = segments(capture.frames);
    expect(seen.map((s) => s.segment.flags & (TCP_SYN | TCP_ACK))).toEqual([TCP_SYN, TCP_SYN | TCP_ACK, TCP_ACK]);
    const [syn, synAck, ack] = seen.map((s) => s.segment);
    expect(syn!.options).toContainEqual({ kind: 'mss', maxSegmentSize: 1460 });
    expect(synAck!.options).toContainEqual({ kind: 'mss', maxSegmentSize: 1460 });
    expect(synAck!.acknowledgmentNumber).toBe((syn!.sequenceNumber + 1) >>> 0);
    expect(ack!.acknowledgmentNumber).toBe((synAck!.sequenceNumber + 1) >>> 0);
    expect(syn!.sourcePort).toBeGreaterThanOrEqual(49152); // Windows' ephemeral range
    expect(syn!.window).toBe(64240);
  });

  it('data both ways arrives whole and in order, in segments no larger than the MSS', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const capture = net.capture('SRV1:eth0');
    const { client, clientSide, server, serverSide } = connected(net, '198.51.100.10', 80);
    const request = pattern(5000, 1);
    const response = pattern(9000, 2);
    expect(client.send(request)).toBe(5000);
    net.runFor(msToNs(500));
    expect(serverSide().data).toEqual([...request]);
    server()!.send(response);
    net.runFor(msToNs(500));
    expect(clientSide.data).toEqual([...response]);
    const withData = segments(capture.frames).filter((s) => s.segment.payload.length > 0);
    expect(withData.every((s) => s.segment.payload.length <= 1460)).toBe(true);
    expect(withData.filter((s) => s.direction === 'inbound').map((s) => s.segment.payload.length)).toEqual([1460, 1460, 1460, 620]);
    expect(client.sendQueueBytes).toBe(0);
    expect(server()!.sendQueueBytes).toBe(0);
  });

  it('half-close: after the client\'s FIN the server still sends; the side that closed first waits in TIME-WAIT', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const { client, clientSide, server, serverSide } = connected(net, '198.51.100.10', 80);
    client.shutdown();
    net.runFor(msToNs(300));
    expect(client.state).toBe('FIN-WAIT-2');
    expect(server()!.state).toBe('CLOSE-WAIT');
    expect(serverSide().events).toContain('peer-closed');
    server()!.send(pattern(100, 3));
    net.runFor(msToNs(300));
    expect(clientSide.data).toHaveLength(100);
    server()!.close();
    net.runFor(msToNs(300));
    expect(server()!.state).toBe('CLOSED');
    expect(client.state).toBe('TIME-WAIT');
    // Windows' 2 MSL: 120 s.
    net.runFor(119 * NS_PER_S);
    expect(client.state).toBe('TIME-WAIT');
    net.runFor(2 * NS_PER_S);
    expect(client.state).toBe('CLOSED');
    expect(clientSide.events).toEqual(['connected', 'data', 'peer-closed', 'closed']);
    expect(tcpOf(net, 'PC1').table()).toEqual([]);
  });

  it('a SYN to a closed port gets RST+ACK; connect reports connection refused', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const capture = net.capture('SRV1:eth0');
    const client = tcpOf(net, 'PC1').connect({ address: ip('198.51.100.10'), port: 81 }) as TcpConnection;
    const events: StreamEvent[] = [];
    client.on((e) => events.push(e));
    net.runFor(msToNs(500));
    expect(events).toEqual([{ kind: 'error', error: 'connection-refused' }, { kind: 'closed' }]);
    const [syn, rst] = segments(capture.frames).map((s) => s.segment);
    expect(rst!.flags).toBe(TCP_RST | TCP_ACK);
    expect(rst!.sequenceNumber).toBe(0);
    expect(rst!.acknowledgmentNumber).toBe((syn!.sequenceNumber + 1) >>> 0);
    expect(net.simulator.trace.dropsByReason.get('no-listener')).toBe(1);
  });

  it('a SYN nobody answers (a firewall drops it) is retransmitted after 1 s, then 2 s (RFC 6298 back-off) until connect times out', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    net.device('SRV1').ipv4!.hooks.register({ point: 'local-input', priority: 0, name: 'drop tcp', hook: (p) => (p.protocol === 6 ? TAKE : ACCEPT) });
    const capture = net.capture('PC1:Ethernet0');
    const client = tcpOf(net, 'PC1').connect({ address: ip('198.51.100.10'), port: 80 }) as TcpConnection;
    const events: StreamEvent[] = [];
    client.on((e) => events.push(e));
    net.runFor(6 * NS_PER_S);
    expect(events).toEqual([]);
    net.runFor(2 * NS_PER_S);
    const syns = segments(capture.frames).filter((s) => s.direction === 'outbound' && s.segment.flags === TCP_SYN);
    // Windows: TcpMaxConnectRetransmissions 2, so three SYNs, 1 s then 2 s apart; it gives up 4 s after the last.
    expect(syns).toHaveLength(3);
    const gaps = syns.slice(1).map((s, i) => Math.round((s.timeNs - syns[i]!.timeNs) / 1e6));
    expect(gaps).toEqual([1000, 2000]);
    expect(events).toEqual([{ kind: 'error', error: 'timed-out' }, { kind: 'closed' }]);
  });

  it('an unplugged server link: the last router loses its connected route, and its net unreachable ends the connect', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    net.unplug('SRV1:eth0');
    const client = tcpOf(net, 'PC1').connect({ address: ip('198.51.100.10'), port: 80 }) as TcpConnection;
    const events: StreamEvent[] = [];
    client.on((e) => events.push(e));
    net.runFor(msToNs(200));
    expect(events).toEqual([{ kind: 'error', error: 'network-unreachable' }, { kind: 'closed' }]);
  });

  it('a lost data segment is sent again after the RTO and the stream arrives intact', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const { client, serverSide } = connected(net, '198.51.100.10', 80);
    let lost = 0;
    const remove = net.device('R1').ipv4!.hooks.register({
      point: 'forward',
      priority: 0,
      name: 'lose the first data segment',
      hook: (p) => (p.protocol === 6 && lost === 0 && p.bytes.length > 60 ? (lost++, TAKE) : ACCEPT),
    });
    client.send(pattern(3000, 4));
    net.runFor(5 * NS_PER_S);
    remove();
    expect(lost).toBe(1);
    expect(serverSide().data).toEqual([...pattern(3000, 4)]);
    expect(client.counters.retransmissions).toBeGreaterThanOrEqual(1);
    expect(client.sendQueueBytes).toBe(0);
  });

  it('segments after a lost one are held and delivered once the hole is filled (no second retransmission needed)', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const { client, server, serverSide } = connected(net, '198.51.100.10', 80);
    // Data segments 1-4 go out; the 2nd is lost. After the RTO the sender goes back and sends 2, 3, 4
    // again (5th-7th); the copies of 3 and 4 are lost too, so only the held originals can complete the stream.
    let dataSegments = 0;
    net.device('R1').ipv4!.hooks.register({
      point: 'forward',
      priority: 0,
      name: 'lose segment 2 and the resent 3 and 4',
      hook: (p) => (p.protocol === 6 && p.bytes.length > 60 && [2, 6, 7].includes(++dataSegments) ? TAKE : ACCEPT),
    });
    let lastDataNs = 0;
    server()!.on((event) => {
      if (event.kind === 'data') lastDataNs = net.nowNs;
    });
    const sentNs = net.nowNs;
    client.send(pattern(5000, 8));
    net.runFor(5 * NS_PER_S);
    expect(serverSide().data).toEqual([...pattern(5000, 8)]);
    expect(dataSegments).toBe(7);
    // One RTO (Windows' 300 ms floor) and the trip: a second retransmission would take 600 ms more.
    expect(lastDataNs - sentNs).toBeLessThan(msToNs(400));
  });

  it('an RTT sample sets the RTO (RFC 6298 section 2.2, with the personality\'s minimum)', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const { client } = connected(net, '198.51.100.10', 80);
    // A few ms of RTT on this lab: SRTT + 4·RTTVAR is below Windows' 300 ms floor.
    expect(client.rtoMs).toBe(300);
  });
});

describe('ICMP errors and path MTU (RFC 5461, RFC 1191, RFC 8201)', () => {
  it('a SYN a router has no route for gets net unreachable: connect fails with network-unreachable at once', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const client = tcpOf(net, 'PC1').connect({ address: ip('203.0.113.5'), port: 80 }) as TcpConnection;
    const events: StreamEvent[] = [];
    client.on((e) => events.push(e));
    net.runFor(msToNs(200));
    expect(events).toEqual([{ kind: 'error', error: 'network-unreachable' }, { kind: 'closed' }]);
  });

  it('IPv4: segments carry DF; a smaller MTU on the path lowers the MSS and the data arrives whole', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    for (const device of ['R1', 'R2']) net.device(device).stack!.setMtu(net.device(device).interface('GigabitEthernet0/1')!, 1400);
    const capture = net.capture('SRV1:eth0');
    const { client, serverSide } = connected(net, '198.51.100.10', 80);
    client.send(pattern(6000, 6));
    net.runFor(2 * NS_PER_S);
    expect(serverSide().data).toEqual([...pattern(6000, 6)]);
    expect(client.sendMss).toBe(1360);
    const sizes = segments(capture.frames).filter((s) => s.direction === 'inbound' && s.segment.payload.length > 0).map((s) => s.segment.payload.length);
    expect(Math.max(...sizes)).toBe(1360);
  });

  it('IPv6: Packet Too Big from the router lowers the MSS to MTU - 60 and the data is sent again at that size', () => {
    const net = buildChain({ middleMtuBytes: 1400 });
    const { client, serverSide } = connected(net, '2001:db8:2::10', 80);
    client.send(pattern(6000, 7));
    net.runFor(2 * NS_PER_S);
    expect(serverSide().data).toEqual([...pattern(6000, 7)]);
    expect(client.sendMss).toBe(1340);
  });
});

describe('TCP over IPv6', () => {
  it('handshake with MSS 1440 (MTU 1500 less 60), data and an orderly close on both sides', () => {
    const net = buildChain();
    const capture = net.capture('SRV1:eth0');
    const { client, clientSide, server, serverSide } = connected(net, '2001:db8:2::10', 80);
    expect(client.state).toBe('ESTABLISHED');
    const syn = segments(capture.frames)[0]!.segment;
    expect(syn.options).toContainEqual({ kind: 'mss', maxSegmentSize: 1440 });
    client.send(pattern(4000, 5));
    net.runFor(msToNs(500));
    expect(serverSide().data).toHaveLength(4000);
    server()!.close();
    net.runFor(msToNs(300));
    expect(clientSide.events).toContain('peer-closed');
    client.close();
    net.runFor(msToNs(300));
    expect(client.state).toBe('CLOSED');
    expect(server()!.state).toBe('TIME-WAIT');
    const flags = segments(capture.frames).map((s) => s.segment.flags);
    expect(flags.filter((f) => f & TCP_FIN)).toHaveLength(2);
    expect(flags.some((f) => f & TCP_RST)).toBe(false);
  });
});
