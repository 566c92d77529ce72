/**
 * Link adapters under IP: the IPv4 and IPv6 layers send through `iface.adapter` and receive
 * from `NodeStack.receiveIp`, so a new kind of link is an adapter and nothing else. The
 * point-to-point adapter here carries raw IP packets between two routers with no Ethernet at
 * all (the shape a 6in4 or GRE tunnel adapter will have): ping works over both families, DAD
 * and ND stay off on it, and no frame ever touches a wire.
 */
import { describe, expect, it } from 'vitest';
import { parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { NS_PER_MS, NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { startPing } from '../../../sim-core/stack/apps/ping';
import { IPV6 } from '../../../sim-core/stack/ipv6/ipv6-layer';
import type { LinkAdapter } from '../../../sim-core/stack/link-adapter';
import type { NetInterface } from '../../../sim-core/stack/net-interface';
import type { NodeStack } from '../../../sim-core/stack/node-stack';
import { runUntilDone } from './apps/run-session';

function v4(text: string): Ipv4Address {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

/** A wire-less point-to-point link: each packet reaches the peer interface 1 ms later, as it was sent. */
class PointToPointAdapter implements LinkAdapter {
  readonly kind = 'test-point-to-point';
  readonly neighborDiscovery = false;
  peer: { stack: NodeStack; iface: NetInterface } | null = null;
  readonly carried: { version: 4 | 6; bytes: number }[] = [];

  constructor(private readonly stack: NodeStack) {}

  sendIpv4(_iface: NetInterface, _nextHop: Ipv4Address, packet: Uint8Array): void {
    this.carry(4, packet);
  }

  sendIpv6(_iface: NetInterface, _nextHop: Ipv6Address, packet: Uint8Array): void {
    this.carry(6, packet);
  }

  private carry(version: 4 | 6, packet: Uint8Array): void {
    const peer = this.peer!;
    this.carried.push({ version, bytes: packet.length });
    const copy = packet.slice();
    this.stack.context.setTimer(NS_PER_MS, () => peer.stack.receiveIp(peer.iface, version, copy));
  }
}

function tunnelled(): { net: Network; r1: NodeStack; r2: NodeStack; a1: PointToPointAdapter; a2: PointToPointAdapter } {
  const net = new Network({ seed: 7 });
  net.addDevice('router', 'R1');
  net.addDevice('router', 'R2');
  const r1 = net.device('R1').stack!;
  const r2 = net.device('R2').stack!;
  const a1 = new PointToPointAdapter(r1);
  const a2 = new PointToPointAdapter(r2);
  const binding = { transmitFrame: () => undefined, lowerLayerUp: () => true, port: null };
  const t1 = r1.addInterface('Tunnel0', 'physical', 0 as never, binding, true, a1);
  const t2 = r2.addInterface('Tunnel0', 'physical', 0 as never, binding, true, a2);
  a1.peer = { stack: r2, iface: t2 };
  a2.peer = { stack: r1, iface: t1 };
  r1.addIpv4Address(t1, { address: v4('10.9.9.1'), prefixLength: 30, secondary: false });
  r2.addIpv4Address(t2, { address: v4('10.9.9.2'), prefixLength: 30, secondary: false });
  r1.findRequired(IPV6).addAddress(t1, { address: v6('2001:db8:99::1'), prefixLength: 64, origin: 'static' });
  r2.findRequired(IPV6).addAddress(t2, { address: v6('2001:db8:99::2'), prefixLength: 64, origin: 'static' });
  return { net, r1, r2, a1, a2 };
}

describe('link adapters under IP', () => {
  it('a point-to-point adapter carrying raw IP needs no change to the IP layers: ping works over IPv4 and IPv6', () => {
    const { net, r1, a1, a2 } = tunnelled();
    const ping4 = startPing(r1, { destination: v4('10.9.9.2'), count: 3 });
    runUntilDone(net, ping4);
    const ping6 = startPing(r1, { destination: v6('2001:db8:99::2'), count: 3 });
    runUntilDone(net, ping6);
    expect(ping4.result().received).toBe(3);
    expect(ping6.result().received).toBe(3);
    // Requests one way, replies the other, each an IP packet (ICMP echo: 20 + 8 + 72 IOS data, 40 + 8 + 52).
    expect(a1.carried.filter((c) => c.version === 4)).toHaveLength(3);
    expect(a2.carried.filter((c) => c.version === 4)).toHaveLength(3);
    expect(a1.carried.filter((c) => c.version === 6)).toHaveLength(3);
    // No Ethernet frame, no ARP and no Neighbor Discovery: nothing was sent on any port.
    expect(net.simulator.trace.records().filter((r) => r.direction === 'tx')).toHaveLength(0);
  });

  it('an address on a link without Neighbor Discovery is preferred at once (no DAD, RFC 4862 section 5.4)', () => {
    const { r1 } = tunnelled();
    const tunnel = r1.interfaceByName('Tunnel0')!;
    expect(tunnel.ipv6.addresses.map((a) => a.state)).toEqual(['preferred', 'preferred']);
  });

  it('a packet that arrives on a down interface is dropped as link-down', () => {
    const { net, r1, r2 } = tunnelled();
    r2.setAdminUp(r2.interfaceByName('Tunnel0')!, false);
    const ping = startPing(r1, { destination: v4('10.9.9.2'), count: 1 });
    runUntilDone(net, ping);
    expect(ping.result().received).toBe(0);
    expect(net.simulator.trace.dropsByReason.get('link-down')).toBe(1);
  });

  it('a packet routed out of a loopback to an address that is not the device\'s own is discarded with a reason', () => {
    const net = new Network({ seed: 3 });
    net.addDevice('router', 'R1');
    const r1 = net.device('R1').stack!;
    const loopback = net.addLoopback('R1', 0);
    r1.addIpv4Address(loopback, { address: v4('192.0.2.1'), prefixLength: 24, secondary: false });
    const ping = startPing(r1, { destination: v4('192.0.2.7'), count: 1, timeoutNs: NS_PER_S });
    runUntilDone(net, ping);
    expect(ping.result().received).toBe(0);
    expect(net.simulator.trace.dropsByReason.get('loopback-discard')).toBe(1);
    // The loopback's own address answers (delivered by the IP layer, never handed to the adapter).
    const self = startPing(r1, { destination: v4('192.0.2.1'), count: 1 });
    runUntilDone(net, self);
    expect(self.result().received).toBe(1);
  });

  it('every Ethernet interface shares the stack\'s Ethernet adapter; loopbacks have their own', () => {
    const net = new Network({ seed: 3 });
    net.addDevice('router', 'R1');
    const r1 = net.device('R1').stack!;
    const loopback = net.addLoopback('R1', 0);
    expect(r1.interfaces.filter((i) => i.kind === 'physical').every((i) => i.adapter === r1.ethernet)).toBe(true);
    expect(loopback.adapter.kind).toBe('loopback');
    expect(loopback.adapter.neighborDiscovery).toBe(false);
  });
});
