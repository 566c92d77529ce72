/**
 * Static routes as IOS accepts them (`ip route`, `ipv6 route`): next hop, exit interface, both,
 * Null0, and a distance (1..255; more than the primary's makes a floating static). The checks
 * are those IOS makes before taking the command; each failure is a message, never a throw.
 */
import type { NetInterface } from '../net-interface';
import type { Route } from './route';

export interface StaticRouteSpec<A> {
  readonly network: A;
  readonly prefixLength: number;
  readonly nextHop?: A;
  readonly iface?: NetInterface;
  /** Administrative distance 1..255 (default 1). */
  readonly distance?: number;
  /** Null0. */
  readonly discard?: boolean;
}

export type StaticRouteResult<A> = { readonly ok: true; readonly route: Route<A> } | { readonly ok: false; readonly error: string };

export interface StaticRouteFamily<A> {
  readonly bits: number;
  isLinkLocal(address: A): boolean;
  isMulticast(address: A): boolean;
  networkOf(address: A, length: number): A;
}

/** What is wrong with `spec`, or undefined when IOS would accept it. */
export function checkStaticRoute<A>(spec: StaticRouteSpec<A>, family: StaticRouteFamily<A>): string | undefined {
  if (!Number.isInteger(spec.prefixLength) || spec.prefixLength < 0 || spec.prefixLength > family.bits) {
    return `prefix length ${spec.prefixLength} is outside 0..${family.bits}`;
  }
  if (family.networkOf(spec.network, spec.prefixLength) !== spec.network) return 'Inconsistent address and mask';
  const distance = spec.distance ?? 1;
  if (!Number.isInteger(distance) || distance < 1 || distance > 255) return `distance ${distance} is outside 1..255`;
  if (spec.discard) {
    if (spec.nextHop !== undefined || spec.iface !== undefined) return 'a Null0 route takes no next hop or other interface';
    return undefined;
  }
  if (spec.nextHop === undefined && spec.iface === undefined) return 'a static route needs a next hop, an exit interface, or Null0';
  if (spec.nextHop !== undefined) {
    if (family.isMulticast(spec.nextHop)) return 'Invalid next hop address';
    // IOS: "% Interface has to be specified for a link-local nexthop" (RFC 4007: fe80:: is ambiguous without a zone).
    if (family.isLinkLocal(spec.nextHop) && spec.iface === undefined) return 'Interface has to be specified for a link-local nexthop';
  }
  return undefined;
}
