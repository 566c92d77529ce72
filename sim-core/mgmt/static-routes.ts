/**
 * Static routes of one device, both families, in every form the RIB takes
 * (stack/routing/static-route.ts): next hop (resolved recursively), exit interface, exit
 * interface with next hop (an IPv6 link-local next hop needs its interface, RFC 4007 section 6),
 * Null0 (discard), and an administrative distance for a floating static. This is the one place
 * that adds and removes them: IOS `ip route`/`ipv6 route`, Linux `ip route`, Windows `netsh …
 * route` and gateways, and the programmatic `Network` all come here.
 *
 * The slice keeps the configured routes in the order they were added (what a dialect prints
 * back as configuration) and installs each in the RIB. Adding a route equal to one already
 * configured (same prefix, next hop, interface and discard) replaces it (a new distance);
 * removing takes every configured route that matches what is given (all to the prefix when
 * nothing more is). A refusal is a typed problem; the dialect words it.
 * Leaves out: tracked, tagged and named statics, VRFs, ECMP.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import { ipv4NetworkPart, ipv6NetworkPart } from '../addr/prefix';
import type { Device } from '../devices/device';
import type { NetInterface } from '../stack/net-interface';
import { IPV4_RIB } from '../stack/routing/ipv4-rib';
import { IPV6_RIB } from '../stack/routing/ipv6-rib';
import type { IpFamily } from './mgmt-views';

/** A static route as configured (the interface by its canonical name). */
export interface StaticRoute<A> {
  readonly network: A;
  readonly prefixLength: number;
  readonly nextHop?: A;
  /** Exit interface; left out for a recursive route and for Null0. */
  readonly interfaceName?: string;
  /** Null0: matched packets are discarded. */
  readonly discard?: boolean;
  /** Administrative distance (default 1; more than the primary's makes a floating static). */
  readonly distance?: number;
}

export type StaticRoute4 = StaticRoute<Ipv4Address>;
export type StaticRoute6 = StaticRoute<Ipv6Address>;

/** What to remove: the prefix, and optionally the next hop, interface or Null0 it must have. */
export type StaticRouteMatch<A> = Omit<StaticRoute<A>, 'distance'>;

export type StaticRouteProblem =
  /** The device has no routing table of that family (a switch, or no IPv6 module). */
  | { readonly kind: 'no-routing-table' }
  /** The exit interface named does not exist at layer 3. */
  | { readonly kind: 'no-such-interface'; readonly interfaceName: string }
  /** IPv4: the network has host bits set (IPv6 networks are cut to their prefix instead). */
  | { readonly kind: 'inconsistent-mask' }
  /** The RIB refused it (IOS's wording of the check, e.g. a link-local next hop without an interface). */
  | { readonly kind: 'refused'; readonly message: string };

export type StaticRouteResult<A> =
  | { readonly ok: true; readonly route: StaticRoute<A>; readonly replaced: readonly StaticRoute<A>[] }
  | { readonly ok: false; readonly problem: StaticRouteProblem };

/**
 * The configured routes of one family: in insertion order, and indexed by prefix so adding and
 * removing one costs the same with a hundred thousand configured.
 */
class ConfiguredRoutes<A> {
  private readonly order = new Set<StaticRoute<A>>();
  private readonly byPrefix = new Map<string, StaticRoute<A>[]>();

  list(): StaticRoute<A>[] {
    return [...this.order];
  }

  withPrefix(network: A, prefixLength: number): readonly StaticRoute<A>[] {
    return this.byPrefix.get(prefixKey(network, prefixLength)) ?? [];
  }

  add(route: StaticRoute<A>): void {
    this.order.add(route);
    const key = prefixKey(route.network, route.prefixLength);
    const list = this.byPrefix.get(key);
    if (list === undefined) this.byPrefix.set(key, [route]);
    else list.push(route);
  }

  delete(route: StaticRoute<A>): void {
    this.order.delete(route);
    const key = prefixKey(route.network, route.prefixLength);
    const rest = (this.byPrefix.get(key) ?? []).filter((r) => r !== route);
    if (rest.length === 0) this.byPrefix.delete(key);
    else this.byPrefix.set(key, rest);
  }
}

function prefixKey(network: unknown, prefixLength: number): string {
  return `${String(network)}/${prefixLength}`;
}

/** A change to the configured routes (a dialect that keeps its own copy of them follows these). */
export type StaticRouteChange =
  | { readonly family: 'ipv4'; readonly kind: 'added' | 'removed'; readonly route: StaticRoute4 }
  | { readonly family: 'ipv6'; readonly kind: 'added' | 'removed'; readonly route: StaticRoute6 };

export class StaticRoutes {
  private readonly ipv4 = new ConfiguredRoutes<Ipv4Address>();
  private readonly ipv6 = new ConfiguredRoutes<Ipv6Address>();
  private listeners: ((change: StaticRouteChange) => void)[] = [];

  constructor(private readonly device: Device) {}

  /** Follows every change, whoever makes it (a console, the builder, a lab loader); returns the unsubscribe function. */
  onChange(listener: (change: StaticRouteChange) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** The configured routes of a family, in the order they were added. */
  list(family: 'ipv4'): StaticRoute4[];
  list(family: 'ipv6'): StaticRoute6[];
  list(family: IpFamily): StaticRoute<Ipv4Address | Ipv6Address>[] {
    return family === 'ipv4' ? this.ipv4.list() : this.ipv6.list();
  }

  addIpv4(route: StaticRoute4): StaticRouteResult<Ipv4Address> {
    const rib = this.device.stack?.find(IPV4_RIB);
    if (rib === undefined) return refused({ kind: 'no-routing-table' });
    if (ipv4NetworkPart(route.network, route.prefixLength) !== route.network) return refused({ kind: 'inconsistent-mask' });
    const exit = this.exitOf(route);
    if (exit === null) return refused({ kind: 'no-such-interface', interfaceName: route.interfaceName! });
    const replaced = this.ipv4.withPrefix(route.network, route.prefixLength).filter((r) => sameRoute(r, route));
    for (const r of replaced) {
      this.removeOne(this.ipv4, r, rib);
      this.notify({ family: 'ipv4', kind: 'removed', route: r });
    }
    const added = rib.addStatic(ribSpec(route, exit));
    if (!added.ok) return refused({ kind: 'refused', message: added.error });
    this.ipv4.add(route);
    this.notify({ family: 'ipv4', kind: 'added', route });
    return { ok: true, route, replaced };
  }

  addIpv6(route: StaticRoute6): StaticRouteResult<Ipv6Address> {
    const rib = this.device.stack?.find(IPV6_RIB);
    if (rib === undefined) return refused({ kind: 'no-routing-table' });
    const normalised: StaticRoute6 = { ...route, network: ipv6NetworkPart(route.network, route.prefixLength) };
    const exit = this.exitOf(normalised);
    if (exit === null) return refused({ kind: 'no-such-interface', interfaceName: route.interfaceName! });
    const replaced = this.ipv6.withPrefix(normalised.network, normalised.prefixLength).filter((r) => sameRoute(r, normalised));
    for (const r of replaced) {
      this.removeOne(this.ipv6, r, rib);
      this.notify({ family: 'ipv6', kind: 'removed', route: r });
    }
    const added = rib.addStatic(ribSpec(normalised, exit));
    if (!added.ok) return refused({ kind: 'refused', message: added.error });
    this.ipv6.add(normalised);
    this.notify({ family: 'ipv6', kind: 'added', route: normalised });
    return { ok: true, route: normalised, replaced };
  }

  /** Removes every configured IPv4 static that matches; returns those removed (none: nothing matched). */
  removeIpv4(match: StaticRouteMatch<Ipv4Address>): StaticRoute4[] {
    const gone = this.ipv4.withPrefix(match.network, match.prefixLength).filter((r) => matches(r, match));
    const rib = this.device.stack?.find(IPV4_RIB);
    for (const r of gone) this.removeOne(this.ipv4, r, rib);
    for (const route of gone) this.notify({ family: 'ipv4', kind: 'removed', route });
    return gone;
  }

  removeIpv6(match: StaticRouteMatch<Ipv6Address>): StaticRoute6[] {
    const network = ipv6NetworkPart(match.network, match.prefixLength);
    const gone = this.ipv6.withPrefix(network, match.prefixLength).filter((r) => matches(r, { ...match, network }));
    const rib = this.device.stack?.find(IPV6_RIB);
    for (const r of gone) this.removeOne(this.ipv6, r, rib);
    for (const route of gone) this.notify({ family: 'ipv6', kind: 'removed', route });
    return gone;
  }

  /**
   * The interface is about to go away (`no interface Loopback1`): the routes through it leave
   * the configuration and the RIB (call before the interface is removed, while it can be named).
   */
  forgetInterface(interfaceName: string): void {
    for (const route of this.ipv4.list()) {
      if (route.interfaceName !== interfaceName) continue;
      this.removeOne(this.ipv4, route, this.device.stack?.find(IPV4_RIB));
      this.notify({ family: 'ipv4', kind: 'removed', route });
    }
    for (const route of this.ipv6.list()) {
      if (route.interfaceName !== interfaceName) continue;
      this.removeOne(this.ipv6, route, this.device.stack?.find(IPV6_RIB));
      this.notify({ family: 'ipv6', kind: 'removed', route });
    }
  }

  private notify(change: StaticRouteChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private removeOne<A>(store: ConfiguredRoutes<A>, route: StaticRoute<A>, rib: { removeStatic(spec: ReturnType<typeof ribMatch<A>>): number } | undefined): void {
    store.delete(route);
    rib?.removeStatic(ribMatch(route, this.exitOf(route)));
  }

  /** The exit interface of a route: undefined when it names none, null when the one named does not exist. */
  private exitOf(route: StaticRoute<unknown>): NetInterface | undefined | null {
    if (route.interfaceName === undefined) return undefined;
    return this.device.interface(route.interfaceName) ?? null;
  }
}

function refused(problem: StaticRouteProblem): { readonly ok: false; readonly problem: StaticRouteProblem } {
  return { ok: false, problem };
}

function sameRoute<A>(a: StaticRoute<A>, b: StaticRoute<A>): boolean {
  return a.network === b.network && a.prefixLength === b.prefixLength && a.nextHop === b.nextHop && a.interfaceName === b.interfaceName && (a.discard ?? false) === (b.discard ?? false);
}

function matches<A>(route: StaticRoute<A>, match: StaticRouteMatch<A>): boolean {
  return (
    route.network === match.network &&
    route.prefixLength === match.prefixLength &&
    (match.nextHop === undefined || route.nextHop === match.nextHop) &&
    (match.interfaceName === undefined || route.interfaceName === match.interfaceName) &&
    (match.discard === undefined || (route.discard ?? false) === match.discard)
  );
}

function ribSpec<A>(route: StaticRoute<A>, exit: NetInterface | undefined): { network: A; prefixLength: number; nextHop?: A; iface?: NetInterface; distance?: number; discard?: boolean } {
  return {
    network: route.network,
    prefixLength: route.prefixLength,
    ...(route.nextHop !== undefined ? { nextHop: route.nextHop } : {}),
    ...(exit !== undefined ? { iface: exit } : {}),
    ...(route.distance !== undefined ? { distance: route.distance } : {}),
    ...(route.discard === true ? { discard: true } : {}),
  };
}

function ribMatch<A>(route: StaticRoute<A>, exit: NetInterface | undefined | null): { network: A; prefixLength: number; nextHop?: A; iface?: NetInterface; discard: boolean } {
  return {
    network: route.network,
    prefixLength: route.prefixLength,
    ...(route.nextHop !== undefined ? { nextHop: route.nextHop } : {}),
    ...(exit !== undefined && exit !== null ? { iface: exit } : {}),
    discard: route.discard ?? false,
  };
}
