/**
 * The IPv4 forwarding lookup (RFC 1812 section 5.2.4.3 longest-prefix match) as the IPv4 layer
 * sees it: the route and decision types and the IPV4_FIB key. The RIB that implements it
 * (connected, local, static with administrative distance and recursion, later OSPF/BGP) is
 * routing/ipv4-rib.ts; anything that implements `Ipv4RouteLookup` and is provided under
 * IPV4_FIB replaces it. Leaves out: ECMP, route tags, policy routing.
 */
import type { Ipv4Address } from '../addr/ipv4';
import { DataKey, type NetInterface } from './net-interface';

/** Where a route came from (IOS `show ip route` codes C, L, S …). */
export type Ipv4RouteSource = 'connected' | 'local' | 'static' | (string & Record<never, never>);

export interface Ipv4Route {
  readonly network: Ipv4Address;
  readonly prefixLength: number;
  /** The next-hop router; null on a connected route (the destination itself is the next hop). */
  readonly nextHop: Ipv4Address | null;
  /** The exit interface; null for a recursive route (next hop only) and for Null0. */
  readonly iface: NetInterface | null;
  readonly source: Ipv4RouteSource;
  /** Administrative distance: connected 0, static 1, OSPF 110 … */
  readonly distance: number;
  readonly metric: number;
  /** A Null0 route: matched packets are discarded (and an unreachable is sent). */
  readonly discard?: boolean;
}

/** The outcome of a lookup: where to send, and to which neighbour. */
export interface Ipv4ForwardingDecision {
  readonly route: Ipv4Route;
  /** The exit interface; null for a discard route. */
  readonly iface: NetInterface | null;
  /** The neighbour whose MAC the frame goes to (the destination itself when connected). */
  readonly nextHop: Ipv4Address;
}

export interface Ipv4RouteLookup {
  lookup(destination: Ipv4Address): Ipv4ForwardingDecision | undefined;
}

export const IPV4_FIB = new DataKey<Ipv4RouteLookup>('IPv4 FIB');

export function ipv4MaskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}
