/**
 * The IPv6 forwarding lookup every IPv6 user calls (the IPv6 layer's output and forwarding,
 * ping's source selection): longest-prefix match (RFC 4291 section 2.5, RFC 8200) giving the
 * exit interface and the neighbour to resolve with Neighbor Discovery. The device's IPv6 RIB
 * (ipv6-rib.ts) provides it under IPV6_FIB; a test may provide any other implementation.
 *
 * Link-scoped destinations (fe80::/10, ff02::/16 …) are never answered here: they need a zone
 * (RFC 4007 section 6), so the caller picks the interface itself. Leaves out: ECMP, policy routing.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { DataKey, type NetInterface } from '../net-interface';
import type { Route } from './route';

export type Ipv6Route = Route<Ipv6Address>;

/** The outcome of a lookup: where to send, and to which neighbour. */
export interface Ipv6ForwardingDecision {
  readonly route: Ipv6Route;
  /** The exit interface; null for a discard (Null0) route. */
  readonly iface: NetInterface | null;
  /**
   * The neighbour whose link-layer address the packet goes to: the router (often its
   * link-local address, as RA-learned and `ipv6 route ::/0 Gi0/0 FE80::1` routes give) or the
   * destination itself when it is on-link.
   */
  readonly nextHop: Ipv6Address;
  /** True when the destination is on-link (a connected or ND prefix route, or an exit-interface-only static). */
  readonly onLink: boolean;
  /** A Null0 route matched: drop (and send an ICMPv6 destination unreachable, code 0 as IOS does). */
  readonly discard: boolean;
}

export interface Ipv6RouteLookup {
  /** Longest-prefix match for a global (or unique-local) destination; undefined: no route. */
  lookup(destination: Ipv6Address): Ipv6ForwardingDecision | undefined;
}

export const IPV6_FIB = new DataKey<Ipv6RouteLookup>('IPv6 FIB');
