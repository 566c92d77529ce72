/**
 * Routes as the RIB keeps them, for both families: where a route came from (the IOS codes of
 * `show ip route` / `show ipv6 route`), its administrative distance and metric, and how it
 * leaves the device (exit interface, next hop, or Null0). The administrative distances are the
 * IOS defaults (Cisco "What Is Administrative Distance?"; ND-learned default routes are 2 on
 * IOS, RFC 4861 section 6.3.4 routers). Leaves out: route tags, ECMP, VRFs.
 */
import type { TimeNs } from '../../engine/time';
import type { NetInterface } from '../net-interface';

/** Where a route came from. Later protocols add their own names (the string escape hatch). */
export type RouteSource =
  | 'connected'
  | 'local'
  | 'static'
  /** Learned from a Router Advertisement (default route or RFC 4191 route, IOS code ND). */
  | 'nd'
  /** An on-link prefix learned from a Prefix Information option with L=1 (RFC 4861 section 6.3.4). */
  | 'nd-prefix'
  | 'ospf'
  | 'ospfv3'
  | 'bgp'
  | (string & Record<never, never>);

/** IOS default administrative distances per source (255 = never installed). */
export const DEFAULT_DISTANCE: Readonly<Record<string, number>> = {
  connected: 0,
  local: 0,
  static: 1,
  nd: 2,
  'nd-prefix': 0,
  ebgp: 20,
  ospf: 110,
  ospfv3: 110,
  bgp: 200,
};

/** The distance at which a route is never used (IOS: "unknown", 255). */
export const UNUSABLE_DISTANCE = 255;

/** The IOS route code of a source, as the first column of `show ip route` prints it. */
export function routeCodeOf(source: RouteSource): string {
  switch (source) {
    case 'connected':
      return 'C';
    case 'local':
      return 'L';
    case 'static':
      return 'S';
    case 'nd':
      return 'ND';
    case 'nd-prefix':
      return 'NDp';
    case 'ospf':
    case 'ospfv3':
      return 'O';
    case 'bgp':
      return 'B';
    default:
      return '?';
  }
}

/** One route of one family (A = Ipv4Address or Ipv6Address). */
export interface Route<A> {
  /** The prefix (host bits are cleared when the RIB stores it). */
  readonly network: A;
  readonly prefixLength: number;
  /**
   * The next-hop router; null when the destination itself is the next hop (connected, an
   * exit-interface-only static). An IPv6 link-local next hop needs `iface` (RFC 4007 zones).
   */
  readonly nextHop: A | null;
  /** The exit interface; null for a recursive route (next hop only) and for Null0. */
  readonly iface: NetInterface | null;
  readonly source: RouteSource;
  /** Administrative distance: connected 0, static 1, ND 2, OSPF 110 … */
  readonly distance: number;
  readonly metric: number;
  /** A Null0 route: matched packets are discarded (and an unreachable is sent). */
  readonly discard?: boolean;
  /** When the route entered the RIB (ages for `show ip route`); the RIB fills it in. */
  readonly createdNs?: TimeNs;
  /** When the route expires (RA-learned: router lifetime, prefix valid lifetime); the source removes it then. */
  readonly expiresNs?: TimeNs;
}

/** Why a route in the RIB is not the one forwarding uses. */
export type RouteStandby =
  /** Another route to the same prefix has a lower distance (or metric). */
  | 'not-best'
  /** The exit interface is down. */
  | 'interface-down'
  /** The next hop matches no usable route (or only the route itself, or only a default route for IPv6). */
  | 'next-hop-unresolved'
  /** Distance 255. */
  | 'unusable-distance';

/** A route as `show ip route` needs it: whether it is installed, and how it resolves. */
export interface RibEntry<A> {
  readonly route: Route<A>;
  /** True when this route is the one in the FIB for its prefix. */
  readonly installed: boolean;
  /** Why not, when it is not. */
  readonly standby?: RouteStandby;
  /** The exit interface after recursive resolution (null for Null0 or when unresolved). */
  readonly resolvedIface: NetInterface | null;
  /** The neighbour frames go to after resolution; null: the destination itself (on-link). */
  readonly resolvedNextHop: A | null;
}
