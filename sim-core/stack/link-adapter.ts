/**
 * The link adapter under an interface: what carries IP packets out of it, so the IPv4 and IPv6
 * layers never know whether Ethernet, a loopback, Null0 or (later) a tunnel is below them
 * (the "link layer" of RFC 1122 section 2 and RFC 8200's "link"). Every interface owns one;
 * NodeStack.addInterface picks the adapter of the interface kind unless it is given another.
 *
 * Egress: the IP layer hands a whole, already-fragmented packet and the neighbour it is for;
 * the adapter resolves (Ethernet: ARP, RFC 826, and Neighbor Discovery, RFC 4861 section 7.2),
 * frames and transmits it, or discards it with a traced reason. Ingress: an adapter hands the
 * packets it carried to `NodeStack.receiveIp(iface, version, packet)`; Ethernet does it through
 * its EtherType dispatch (ethernet-link.ts).
 *
 * This file holds the contract and the two adapters that carry nothing off the device:
 * loopback (a packet routed out of it to an address that is not the device's own goes nowhere,
 * as on IOS) and Null0 (everything routed to it is discarded, RFC 1812 section 5.2.7.1's
 * "black hole").
 * Leaves out: tunnels (6in4, 6to4, GRE: later adapters), PPP and other framings.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';
import type { NetInterface } from './net-interface';
import type { NodeStack } from './node-stack';

export interface LinkAdapter {
  /** What the adapter is (`ethernet`, `loopback`, `null`, `tunnel` …), for displays and tests. */
  readonly kind: string;
  /**
   * Whether the link has neighbours found by Neighbor Discovery and ARP (RFC 4861 section 3.1:
   * multicast-capable links): DAD, router discovery and ARP announcements run only there.
   */
  readonly neighborDiscovery: boolean;
  /**
   * Sends an IPv4 packet (at most the interface MTU) to neighbour `nextHop`. `broadcast` is true
   * for the limited and the directed broadcast of the interface's subnet (the IP layer knows them).
   */
  sendIpv4(iface: NetInterface, nextHop: Ipv4Address, packet: Uint8Array, broadcast: boolean): void;
  /**
   * Sends an IPv6 packet (at most the interface's IPv6 MTU) to neighbour `nextHop` (a unicast
   * neighbour or the multicast destination). `linkLayerDestination`, when given, skips address
   * resolution (NUD probes, replies to an address just learned); adapters without link-layer
   * addresses ignore it.
   */
  sendIpv6(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array, linkLayerDestination: MacAddress | undefined): void;
}

/** A loopback interface: nothing leaves it. Packets for the device's own addresses never reach it (the IP layers deliver them). */
export class LoopbackAdapter implements LinkAdapter {
  readonly kind = 'loopback';
  readonly neighborDiscovery = false;

  constructor(private readonly stack: NodeStack) {}

  sendIpv4(iface: NetInterface, _nextHop: Ipv4Address, packet: Uint8Array): void {
    this.stack.drop(iface, packet, 'loopback-discard');
  }

  sendIpv6(iface: NetInterface, _nextHop: Ipv6Address, packet: Uint8Array): void {
    this.stack.drop(iface, packet, 'loopback-discard');
  }
}

/** Null0: a discard interface; what is routed to it is dropped (IOS never sends unreachables from it by default here). */
export class NullAdapter implements LinkAdapter {
  readonly kind = 'null';
  readonly neighborDiscovery = false;

  constructor(private readonly stack: NodeStack) {}

  sendIpv4(iface: NetInterface, _nextHop: Ipv4Address, packet: Uint8Array): void {
    this.stack.drop(iface, packet, 'null-route');
  }

  sendIpv6(iface: NetInterface, _nextHop: Ipv6Address, packet: Uint8Array): void {
    this.stack.drop(iface, packet, 'null-route');
  }
}
