/**
 * The IPv6 RIB of a device (see rib.ts for selection and recursion), provided under IPV6_FIB
 * for the IPv6 layer and under IPV6_RIB for sources and displays.
 *
 * Connected and local routes follow the interfaces here (the IPv6 module only emits address
 * events): while an interface is up, each configured address that is not a duplicate gives a
 * connected route to its prefix (C) and a local /128 (L), as IOS `show ipv6 route` and Linux
 * `ip -6 route` show them. Addresses formed by SLAAC (and temporary ones) give only the local
 * /128: on-link-ness comes from the Prefix Information option's L flag, not from the address
 * (RFC 5942 section 4), and router discovery adds that on-link route (source `nd-prefix`).
 * Link-local addresses give fe80::/64 (Linux and Windows list it per interface) which, being
 * link-scoped, stays out of the FIB.
 * Statics come from `ipv6 route` through `addStatic`: a link-local next hop needs the exit
 * interface, and recursion does not use ::/0 unless `resolveViaDefault` is on (IOS
 * `ipv6 route static resolve default`).
 * Leaves out: FF00::/8 and FE80::/10 "receive" entries of IOS (display only), RFC 4191 route options.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { ipv6NetworkPart } from '../../addr/prefix';
import { DataKey, type Ipv6InterfaceAddress, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { isSameStatic, staticRouteOf } from './ipv4-rib';
import { IPV6_FIB, type Ipv6ForwardingDecision, type Ipv6RouteLookup } from './ipv6-fib';
import type { LpmFamily } from './lpm-table';
import { Rib } from './rib';
import type { Route } from './route';
import { checkStaticRoute, type StaticRouteResult, type StaticRouteSpec } from './static-route';

/** Key = address XOR (its high 64 bits, in the low half): see lpm-table.ts on why; applied twice it gives the address back. */
function foldIpv6Key(network: Ipv6Address): Ipv6Address {
  return (network ^ (network >> 64n)) as Ipv6Address;
}

export const IPV6_FAMILY: LpmFamily<Ipv6Address> = { bits: 128, networkOf: ipv6NetworkPart, hashKey: foldIpv6Key };

export const IPV6_RIB = new DataKey<Ipv6Rib>('IPv6 RIB');

const LINK_LOCAL_PREFIX = 0xfe80n << 112n;

const LINK_LOCAL_FIRST = 0xfe80n << 112n;
const LINK_LOCAL_LAST = (0xfec0n << 112n) - 1n;
const MULTICAST_FIRST = 0xff00n << 112n;

/** fe80::/10 (RFC 4291 section 2.5.6). Range compares: no bigint allocated on the forwarding path. */
export function isIpv6LinkLocal(address: Ipv6Address): boolean {
  return address >= LINK_LOCAL_FIRST && address <= LINK_LOCAL_LAST;
}

/** ff00::/8 (RFC 4291 section 2.7). */
export function isIpv6Multicast(address: Ipv6Address): boolean {
  return address >= MULTICAST_FIRST;
}

function isLinkScoped(network: Ipv6Address, prefixLength: number): boolean {
  return (prefixLength >= 10 && isIpv6LinkLocal(network)) || (prefixLength >= 8 && isIpv6Multicast(network));
}

export class Ipv6Rib extends Rib<Ipv6Address> implements Ipv6RouteLookup {
  private resolveDefault = false;
  /** The connected and local routes made for each interface, so a change replaces them without a scan. */
  private readonly connectedByInterface = new Map<NetInterface, Route<Ipv6Address>[]>();

  constructor(readonly stack: NodeStack) {
    super({ family: IPV6_FAMILY, nowNs: () => stack.context.nowNs(), minResolveLength: 1, isLinkScoped });
    stack.provide(IPV6_RIB, this);
    stack.provide(IPV6_FIB, this);
    stack.onInterfaceEvent((event) => {
      switch (event.kind) {
        case 'up':
        case 'down':
          this.syncConnected(event.iface);
          break;
        case 'ipv6-address-added':
        case 'ipv6-address-removed':
        case 'ipv6-address-changed':
          this.syncConnected(event.iface);
          break;
        default:
          break;
      }
    });
  }

  /** IOS `ipv6 route static resolve default`: may a static's next hop resolve through ::/0? */
  get resolveViaDefault(): boolean {
    return this.resolveDefault;
  }

  set resolveViaDefault(on: boolean) {
    this.resolveDefault = on;
    (this.options as { minResolveLength: number }).minResolveLength = on ? 0 : 1;
    this.markDirty();
  }

  lookup(destination: Ipv6Address): Ipv6ForwardingDecision | undefined {
    // Link-local unicast, and multicast of interface- or link-local scope (ff01::, ff02::, RFC 4291 section 2.7), need a zone.
    if (isIpv6LinkLocal(destination) || (destination >= MULTICAST_FIRST && (destination & (0xfn << 112n)) <= 2n << 112n)) return undefined;
    const entry = this.lookupEntry(destination);
    if (entry === undefined) return undefined;
    return { route: entry.route, iface: entry.iface, nextHop: entry.gateway ?? destination, onLink: entry.gateway === null && !entry.discard, discard: entry.discard };
  }

  /** `ipv6 route …`: adds a static route after the checks IOS makes. */
  addStatic(spec: StaticRouteSpec<Ipv6Address>): StaticRouteResult<Ipv6Address> {
    const problem = checkStaticRoute(spec, { bits: 128, isLinkLocal: isIpv6LinkLocal, isMulticast: isIpv6Multicast, networkOf: ipv6NetworkPart });
    if (problem !== undefined) return { ok: false, error: problem };
    return { ok: true, route: this.add(staticRouteOf(spec)) };
  }

  /** `no ipv6 route …`: removes the matching static routes (every one to the prefix when no next hop/interface is given). */
  removeStatic(spec: Omit<StaticRouteSpec<Ipv6Address>, 'distance'>): number {
    return this.remove((route) => isSameStatic(route, spec, ipv6NetworkPart));
  }

  /** Re-derives the connected and local routes of `iface` from its addresses and state (no change: no work). */
  syncConnected(iface: NetInterface): void {
    const current = this.connectedByInterface.get(iface) ?? NO_ROUTES;
    // Most events (DAD finishing, lifetimes refreshed, a SLAAC address beside its /128) leave the
    // routes as they are: check that in place, with no list or record made per event.
    if (connectedRoutesMatch(iface, current)) return;
    // The routes as they should be, built whole (no spread per route: this runs for every SLAAC address).
    const wanted: Route<Ipv6Address>[] = [];
    if (iface.operUp && iface.ipv6.enabled) {
      for (const entry of iface.ipv6.addresses) {
        if (entry.state === 'duplicate') continue;
        wanted.push({ network: entry.address, prefixLength: 128, source: 'local', nextHop: null, iface, distance: 0, metric: 0 });
        const prefix = connectedPrefixOf(entry);
        if (prefix === undefined) continue;
        if (hasConnected(wanted, wanted.length, prefix.network, prefix.length)) continue;
        wanted.push({ network: prefix.network, prefixLength: prefix.length, source: 'connected', nextHop: null, iface, distance: 0, metric: 0 });
      }
    }
    this.removeRoutes(current);
    const added = wanted.map((route) => this.add(route));
    if (added.length === 0) this.connectedByInterface.delete(iface);
    else this.connectedByInterface.set(iface, added);
  }
}

const NO_ROUTES: readonly Route<Ipv6Address>[] = Object.freeze([]);

/**
 * True when `current` is exactly the list `syncConnected` would derive for `iface` now (same
 * order): a local /128 per usable address, then its connected prefix unless an earlier address
 * gave it already.
 */
function connectedRoutesMatch(iface: NetInterface, current: readonly Route<Ipv6Address>[]): boolean {
  let i = 0;
  if (iface.operUp && iface.ipv6.enabled) {
    for (const entry of iface.ipv6.addresses) {
      if (entry.state === 'duplicate') continue;
      const local = current[i++];
      if (local === undefined || local.source !== 'local' || local.prefixLength !== 128 || local.network !== entry.address) return false;
      const prefix = connectedPrefixOf(entry);
      if (prefix === undefined || hasConnected(current, i, prefix.network, prefix.length)) continue;
      const connected = current[i++];
      if (connected === undefined || connected.source !== 'connected' || connected.prefixLength !== prefix.length || connected.network !== prefix.network) return false;
    }
  }
  return i === current.length;
}

/** Is there a connected route to `network/length` among the first `count` routes? */
function hasConnected(routes: readonly Route<Ipv6Address>[], count: number, network: Ipv6Address, length: number): boolean {
  for (let i = 0; i < count; i++) {
    const route = routes[i]!;
    if (route.source === 'connected' && route.network === network && route.prefixLength === length) return true;
  }
  return false;
}

function connectedPrefixOf(entry: Ipv6InterfaceAddress): { network: Ipv6Address; length: number } | undefined {
  if (isIpv6LinkLocal(entry.address)) return { network: LINK_LOCAL_PREFIX as Ipv6Address, length: 64 };
  // RFC 5942 section 4: an autoconfigured address does not make its prefix on-link.
  if (entry.origin === 'slaac' || entry.origin === 'temporary' || entry.prefixLength >= 128) return undefined;
  return { network: ipv6NetworkPart(entry.address, entry.prefixLength), length: entry.prefixLength };
}
