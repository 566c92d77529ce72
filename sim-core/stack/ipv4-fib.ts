/**
 * A simple IPv4 forwarding table: longest-prefix match (RFC 1812 section 5.2.4.3) over routes
 * kept per prefix length, lowest administrative distance first among routes to the same
 * prefix (so a floating static waits behind the primary). A route with a next hop and no
 * interface is resolved recursively through the table at lookup; a route whose interface is
 * down, or whose next hop does not resolve, is skipped. Null0 routes (no interface, no next
 * hop) match and discard.
 *
 * The routing module will put a proper RIB (connected, local, static, AD, later OSPF/BGP) in
 * front of this: anything that implements `Ipv4RouteLookup` and is provided under IPV4_FIB
 * replaces it. Leaves out: ECMP, route tags, policy routing.
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

const MAX_RECURSION = 8;

export class Ipv4Fib implements Ipv4RouteLookup {
  /** Index = prefix length; key = network number; routes sorted by distance. */
  private readonly byLength: (Map<number, Ipv4Route[]> | undefined)[] = new Array(33);
  private lengthsPresent: number[] = [];

  add(route: Ipv4Route): void {
    const network = (route.network & ipv4MaskOf(route.prefixLength)) >>> 0;
    const normalised = network === route.network ? route : { ...route, network: network as Ipv4Address };
    let table = this.byLength[route.prefixLength];
    if (table === undefined) {
      table = new Map();
      this.byLength[route.prefixLength] = table;
      this.lengthsPresent = [...this.lengthsPresent, route.prefixLength].sort((a, b) => b - a);
    }
    const list = table.get(network) ?? [];
    list.push(normalised);
    list.sort((a, b) => a.distance - b.distance || a.metric - b.metric);
    table.set(network, list);
  }

  /** Removes the routes that `match` selects; returns how many went. */
  remove(match: (route: Ipv4Route) => boolean): number {
    let removed = 0;
    for (let length = 0; length <= 32; length++) {
      const table = this.byLength[length];
      if (table === undefined) continue;
      for (const [network, list] of table) {
        const kept = list.filter((route) => !match(route));
        removed += list.length - kept.length;
        if (kept.length === 0) table.delete(network);
        else table.set(network, kept);
      }
    }
    return removed;
  }

  /** Every route, longest prefixes first. */
  routes(): Ipv4Route[] {
    const out: Ipv4Route[] = [];
    for (const length of this.lengthsPresent) for (const list of this.byLength[length]!.values()) out.push(...list);
    return out;
  }

  lookup(destination: Ipv4Address): Ipv4ForwardingDecision | undefined {
    return this.resolve(destination, 0);
  }

  private resolve(destination: Ipv4Address, depth: number): Ipv4ForwardingDecision | undefined {
    for (const length of this.lengthsPresent) {
      const list = this.byLength[length]!.get((destination & ipv4MaskOf(length)) >>> 0);
      if (list === undefined) continue;
      for (const route of list) {
        if (route.discard) return { route, iface: null, nextHop: destination };
        if (route.iface !== null) {
          if (!route.iface.operUp) continue;
          return { route, iface: route.iface, nextHop: route.nextHop ?? destination };
        }
        if (route.nextHop === null || depth >= MAX_RECURSION) continue;
        const via = this.resolve(route.nextHop, depth + 1);
        if (via === undefined || via.iface === null) continue;
        return { route, iface: via.iface, nextHop: via.route.nextHop === null ? route.nextHop : via.nextHop };
      }
    }
    return undefined;
  }
}
