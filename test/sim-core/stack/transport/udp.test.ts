/**
 * UDP sockets (transport/udp.ts) on the PC1 (Windows) — R1 — R2 — SRV1 (Linux) chains: bind,
 * connect, send and receive over both families, ephemeral ports from each OS's range,
 * the most specific socket gets a datagram, port unreachable for closed ports.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../sim-core/engine/random';
import { msToNs } from '../../../../sim-core/engine/time';
import type { Network } from '../../../../sim-core/sim/network';
import { EphemeralPorts } from '../../../../sim-core/stack/transport/ephemeral-ports';
import type { DatagramMessage } from '../../../../sim-core/stack/transport/socket';
import { UDP, type UdpModule } from '../../../../sim-core/stack/transport/udp';
import { buildIpv4Chain, echo, ip } from '../../devices/topology';
import { buildChain, v6 } from '../ipv6/ipv6-topology';

const text = new TextEncoder();
const decoder = new TextDecoder();

function udpOf(net: Network, device: string): UdpModule {
  return net.device(device).stack!.findRequired(UDP);
}

describe('UDP sockets', () => {
  it('a request and its answer over IPv4: the client gets an ephemeral port of the Windows range (49152-65535)', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 }); // warm ARP (IOS drops the packets that trigger it)
    const server = udpOf(net, 'SRV1').open();
    expect(server.bind({ port: 5353 })).toEqual({ ok: true });
    const heard: DatagramMessage[] = [];
    server.onMessage((message) => {
      heard.push(message);
      server.send(text.encode(`pong ${decoder.decode(message.data)}`), message.from);
    });
    const client = udpOf(net, 'PC1').open();
    const answers: string[] = [];
    client.onMessage((message) => answers.push(decoder.decode(message.data)));
    const sent = client.send(text.encode('ping'), { address: ip('198.51.100.10'), port: 5353 });
    expect(sent).toMatchObject({ ok: true, source: ip('192.0.2.10'), packetBytes: 20 + 8 + 4 });
    net.runFor(msToNs(500));
    expect(heard).toHaveLength(1);
    expect(heard[0]!.from.address).toBe(ip('192.0.2.10'));
    expect(heard[0]!.to).toEqual({ address: ip('198.51.100.10'), port: 5353 });
    const port = client.local!.port;
    expect(port).toBeGreaterThanOrEqual(49152);
    expect(heard[0]!.from.port).toBe(port);
    expect(answers).toEqual(['pong ping']);
  });

  it('over IPv6 the Linux server\'s client socket takes a port of Linux\'s range (32768-60999)', () => {
    const net = buildChain();
    const listener = udpOf(net, 'PC1').open();
    listener.bind({ address: v6('2001:db8:1::10'), port: 69 });
    const got: DatagramMessage[] = [];
    listener.onMessage((message) => got.push(message));
    const client = udpOf(net, 'SRV1').open();
    expect(client.connect({ address: v6('2001:db8:1::10'), port: 69 })).toEqual({ ok: true });
    expect(client.send(text.encode('x'))).toMatchObject({ ok: true, source: v6('2001:db8:2::10'), packetBytes: 40 + 8 + 1 });
    net.runFor(msToNs(2000));
    expect(got).toHaveLength(1);
    expect(got[0]!.from.port).toBeGreaterThanOrEqual(32768);
    expect(got[0]!.from.port).toBeLessThanOrEqual(60999);
  });

  it('a connected socket hears only its peer; the wildcard socket of the port gets the rest', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const srv = udpOf(net, 'SRV1');
    const wildcard = srv.open();
    wildcard.bind({ port: 7000 });
    const connected = srv.open();
    // Taken by the wildcard: a second socket on the port must name an address (no SO_REUSEADDR).
    expect(connected.bind({ port: 7000 })).toEqual({ ok: false, error: 'address-in-use' });
    const specific = srv.open();
    expect(specific.bind({ address: ip('198.51.100.10'), port: 7001 })).toEqual({ ok: true });
    expect(srv.open().bind({ address: ip('198.51.100.10'), port: 7001 })).toEqual({ ok: false, error: 'address-in-use' });
    const pc = udpOf(net, 'PC1');
    const a = pc.open();
    a.bind({ port: 50001 });
    const b = pc.open();
    b.bind({ port: 50002 });
    const peer = srv.open();
    peer.bind({ address: ip('198.51.100.10'), port: 7002 });
    peer.connect({ address: ip('192.0.2.10'), port: 50001 });
    const byPeer: number[] = [];
    peer.onMessage((m) => byPeer.push(m.from.port));
    a.send(text.encode('1'), { address: ip('198.51.100.10'), port: 7002 });
    b.send(text.encode('2'), { address: ip('198.51.100.10'), port: 7002 });
    net.runFor(msToNs(500));
    expect(byPeer).toEqual([50001]);
    // b's datagram matched no socket: dropped and answered with port unreachable.
    expect(net.simulator.trace.dropsByReason.get('no-listener')).toBe(1);
  });

  it('a socket bound to one address hears only datagrams to that address; two addresses may share a port', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    echo(net, 'PC1', '10.0.12.2', { count: 2 });
    const r2 = udpOf(net, 'R2');
    const inner = r2.open();
    expect(inner.bind({ address: ip('10.0.12.2'), port: 9000 })).toEqual({ ok: true });
    const outer = r2.open();
    expect(outer.bind({ address: ip('198.51.100.1'), port: 9000 })).toEqual({ ok: true });
    const hits: string[] = [];
    inner.onMessage((m) => hits.push(`inner ${decoder.decode(m.data)}`));
    outer.onMessage((m) => hits.push(`outer ${decoder.decode(m.data)}`));
    const pc = udpOf(net, 'PC1');
    pc.sendDatagram({ destination: ip('10.0.12.2'), sourcePort: 40000, destinationPort: 9000, data: text.encode('a') });
    pc.sendDatagram({ destination: ip('198.51.100.1'), sourcePort: 40000, destinationPort: 9000, data: text.encode('b') });
    net.runFor(msToNs(500));
    expect(hits).toEqual(['inner a', 'outer b']);
    outer.close();
    pc.sendDatagram({ destination: ip('198.51.100.1'), sourcePort: 40000, destinationPort: 9000, data: text.encode('c') });
    net.runFor(msToNs(500));
    expect(hits).toHaveLength(2);
    expect(net.simulator.trace.dropsByReason.get('no-listener')).toBe(1);
  });

  it('a closed socket frees its port; a datagram to it is answered with port unreachable', () => {
    const net = buildIpv4Chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const srv = udpOf(net, 'SRV1');
    const socket = srv.open();
    socket.bind({ port: 4444 });
    socket.close();
    expect(socket.send(new Uint8Array(1), { address: ip('192.0.2.10'), port: 1 })).toEqual({ ok: false, reason: 'closed' });
    expect(srv.open().bind({ port: 4444 })).toEqual({ ok: true });
    const before = net.device('SRV1').icmpv4!.counters.errorsSent;
    udpOf(net, 'PC1').sendDatagram({ destination: ip('198.51.100.10'), sourcePort: 40000, destinationPort: 4445, data: new Uint8Array(1) });
    net.runFor(msToNs(500));
    expect(net.device('SRV1').icmpv4!.counters.errorsSent).toBe(before + 1);
  });

  it('an unconnected socket cannot send without a destination', () => {
    const net = buildIpv4Chain();
    expect(udpOf(net, 'PC1').open().send(new Uint8Array(1))).toEqual({ ok: false, reason: 'not-connected' });
  });

  it('the same seed gives the same ephemeral ports', () => {
    const ports = (): number[] => {
      const net = buildIpv4Chain(9);
      const udp = udpOf(net, 'PC1');
      return [1, 2, 3].map(() => {
        const socket = udp.open();
        socket.bind();
        return socket.local!.port;
      });
    };
    expect(ports()).toEqual(ports());
    expect(new Set(ports()).size).toBe(3);
  });
});

describe('ephemeral port allocation (RFC 6056 algorithm 1)', () => {
  it('takes the next free port after a random start, wrapping at the end of the range', () => {
    const ports = new EphemeralPorts(createRandom(1), 100, 104);
    const free = 101;
    expect(ports.allocate((port) => port !== free)).toBe(free);
    expect(ports.allocate(() => true)).toBeUndefined();
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) seen.add(ports.allocate(() => false)!);
    expect([...seen].sort()).toEqual([100, 101, 102, 103, 104]);
  });

  it('a range outside 1-65535 is a bug', () => {
    expect(() => new EphemeralPorts(createRandom(1), 0, 10)).toThrow(/1-65535/);
  });
});
