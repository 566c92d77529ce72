/**
 * The IPv4 RIB of a device (see rib.ts for selection and recursion) and the lookup the IPv4
 * layer uses under IPV4_FIB. Connected and local (/32) routes are added by the IPv4 layer as
 * addresses and interface state change; static routes come from `ip route` (every IOS form:
 * next hop, exit interface, both, Null0, a distance for a floating static) through `addStatic`.
 * IPv4 statics resolve recursively through any route, the default route included (IOS).
 * Leaves out: `permanent` statics, tracked statics, ECMP.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import { ipv4NetworkPart } from '../../addr/prefix';
import type { Ipv4ForwardingDecision, Ipv4Route, Ipv4RouteLookup } from '../ipv4-fib';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import type { LpmFamily } from './lpm-table';
import { Rib, type FibEntry } from './rib';
import { DEFAULT_DISTANCE } from './route';
import { checkStaticRoute, type StaticRouteResult, type StaticRouteSpec } from './static-route';

export const IPV4_FAMILY: LpmFamily<Ipv4Address> = { bits: 32, networkOf: ipv4NetworkPart };

export const IPV4_RIB = new DataKey<Ipv4Rib>('IPv4 RIB');

export class Ipv4Rib extends Rib<Ipv4Address> implements Ipv4RouteLookup {
  constructor(stack: NodeStack) {
    super({ family: IPV4_FAMILY, nowNs: () => stack.context.nowNs(), minResolveLength: 0 });
    stack.provide(IPV4_RIB, this);
    stack.onInterfaceEvent((event) => {
      if (event.kind === 'up' || event.kind === 'down') this.markDirty();
    });
  }

  lookup(destination: Ipv4Address): Ipv4ForwardingDecision | undefined {
    const entry = this.lookupEntry(destination);
    if (entry === undefined) return undefined;
    return { route: entry.route as Ipv4Route, iface: entry.iface, nextHop: entry.gateway ?? destination };
  }

  /** `ip route …`: adds a static route after the checks IOS makes. */
  addStatic(spec: StaticRouteSpec<Ipv4Address>): StaticRouteResult<Ipv4Address> {
    const problem = checkStaticRoute(spec, { bits: 32, isLinkLocal: () => false, isMulticast: (a) => a >>> 28 === 0xe, networkOf: ipv4NetworkPart });
    if (problem !== undefined) return { ok: false, error: problem };
    return { ok: true, route: this.add(staticRouteOf(spec)) };
  }

  /** `no ip route …`: removes the static routes to the prefix that match the given next hop/interface (all when neither). */
  removeStatic(spec: Omit<StaticRouteSpec<Ipv4Address>, 'distance'>): number {
    return this.remove((route) => isSameStatic(route, spec, ipv4NetworkPart));
  }
}

export function staticRouteOf<A>(spec: StaticRouteSpec<A>): {
  network: A;
  prefixLength: number;
  nextHop: A | null;
  iface: NetInterface | null;
  source: 'static';
  distance: number;
  metric: number;
  discard: boolean;
} {
  return {
    network: spec.network,
    prefixLength: spec.prefixLength,
    nextHop: spec.nextHop ?? null,
    iface: spec.iface ?? null,
    source: 'static',
    distance: spec.distance ?? DEFAULT_DISTANCE.static!,
    metric: 0,
    discard: spec.discard ?? false,
  };
}

export function isSameStatic<A>(route: FibEntry<A>['route'], spec: Omit<StaticRouteSpec<A>, 'distance'>, networkOf: (a: A, length: number) => A): boolean {
  if (route.source !== 'static' || route.prefixLength !== spec.prefixLength) return false;
  if (route.network !== networkOf(spec.network, spec.prefixLength)) return false;
  if (spec.discard !== undefined && (route.discard ?? false) !== spec.discard) return false;
  if (spec.nextHop !== undefined && route.nextHop !== spec.nextHop) return false;
  if (spec.iface !== undefined && route.iface !== spec.iface) return false;
  return true;
}
