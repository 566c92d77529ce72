/**
 * The routing information base of one device and one family, feeding its FIB. Sources
 * (connected, local, static, later RA-learned, OSPFv3, BGP) add and remove candidate routes;
 * per prefix the FIB holds the usable candidate with the lowest administrative distance, then
 * the lowest metric, then the oldest (IOS behaviour). A candidate is usable when:
 * - it is a Null0 route (discard), or
 * - its exit interface is up (a fully specified route, or an exit-interface-only route), or
 * - it has only a next hop and that next hop resolves, recursively, through another installed
 *   route (not through itself; IPv6 statics not through ::/0 unless `resolveViaDefault`, as
 *   IOS `ipv6 route static resolve default`), ending at an interface.
 * Recursion is solved as a fixed point: each round resolves next hops through the previous
 * round's table, so a loop of recursive routes never resolves (loop protection) and a chain
 * resolves in as many rounds as it is deep (bounded by MAX_ROUNDS).
 *
 * The FIB is rebuilt lazily: changes (routes, interface state) mark the RIB dirty and the next
 * lookup or query rebuilds once, so a burst of changes at power-on costs one rebuild.
 * Prefixes of link scope (IPv6 fe80::/64 per interface) stay in the RIB for display but never
 * enter the FIB: a link-local destination needs a zone (RFC 4007 section 6), not a lookup.
 * Leaves out: ECMP (one route per prefix), route maps, redistribution.
 */
import type { TimeNs } from '../../engine/time';
import type { NetInterface } from '../net-interface';
import { LpmTable, type LpmFamily } from './lpm-table';
import { UNUSABLE_DISTANCE, type RibEntry, type Route, type RouteStandby } from './route';

/** What the FIB holds for a prefix: the route and how it resolved. */
export interface FibEntry<A> {
  readonly route: Route<A>;
  /** Null for a discard (Null0) route. */
  readonly iface: NetInterface | null;
  /** The neighbour to send to; null: the destination itself (on-link). */
  readonly gateway: A | null;
  readonly discard: boolean;
}

export interface RibOptions<A> {
  readonly family: LpmFamily<A>;
  nowNs(): TimeNs;
  /** Shortest prefix a recursive next hop may resolve through (1 = not through a default route). */
  readonly minResolveLength: number;
  /** Prefixes kept out of the FIB (link scope). */
  isLinkScoped?(network: A, prefixLength: number): boolean;
}

/** Resolution rounds: the deepest chain of recursive next hops that resolves. */
const MAX_ROUNDS = 8;

function compareRoutes<A>(a: Route<A>, b: Route<A>): number {
  return a.distance - b.distance || a.metric - b.metric || (a.createdNs ?? 0) - (b.createdNs ?? 0);
}

export class Rib<A> {
  private readonly candidates: LpmTable<A, Route<A>[]>;
  private fib: LpmTable<A, FibEntry<A>>;
  private dirty = false;
  private recursiveCount = 0;
  /** FIB rebuilds so far (for tests and benchmarks). */
  rebuilds = 0;
  /** Bumped on every change: a cheap way for a display or a protocol to see that something changed. */
  version = 0;
  private changeListeners: (() => void)[] = [];

  constructor(protected readonly options: RibOptions<A>) {
    this.candidates = new LpmTable(options.family);
    this.fib = new LpmTable(options.family);
  }

  /** Adds a candidate route (its network is normalised and `createdNs` stamped); returns it as stored. */
  add(route: Route<A>): Route<A> {
    const network = this.options.family.networkOf(route.network, route.prefixLength);
    // Every stored route has the same fields in the same order (no spread): the RIB and FIB then
    // read routes through one hidden class instead of one per way a source built its object.
    const stored: Route<A> = {
      network,
      prefixLength: route.prefixLength,
      nextHop: route.nextHop,
      iface: route.iface,
      source: route.source,
      distance: route.distance,
      metric: route.metric,
      discard: route.discard,
      createdNs: route.createdNs ?? this.options.nowNs(),
      expiresNs: route.expiresNs,
    };
    const list = this.candidates.get(network, route.prefixLength);
    if (list === undefined) this.candidates.set(network, route.prefixLength, [stored]);
    else {
      // Insert after every route that sorts before or equal (where a stable sort would put it),
      // looking from the end: a new route is usually the youngest, so this is one compare, and a
      // prefix shared by thousands of interfaces (fe80::/64) does not sort its list per add.
      let at = list.length;
      while (at > 0 && compareRoutes(list[at - 1]!, stored) > 0) at--;
      list.splice(at, 0, stored);
    }
    if (this.isRecursive(stored)) this.recursiveCount++;
    this.markDirty();
    return stored;
  }

  /** Removes the candidates that `match` selects; returns how many went. */
  remove(match: (route: Route<A>) => boolean): number {
    let removed = 0;
    const emptied: { network: A; prefixLength: number }[] = [];
    this.candidates.forEach((network, prefixLength, list) => {
      for (let i = list.length - 1; i >= 0; i--) {
        if (!match(list[i]!)) continue;
        if (this.isRecursive(list[i]!)) this.recursiveCount--;
        list.splice(i, 1);
        removed++;
      }
      if (list.length === 0) emptied.push({ network, prefixLength });
    });
    for (const { network, prefixLength } of emptied) this.candidates.delete(network, prefixLength);
    if (removed > 0) this.markDirty();
    return removed;
  }

  /** Removes exactly these stored routes (as `add` returned them): a lookup per route, no scan. */
  removeRoutes(routes: readonly Route<A>[]): void {
    let removed = 0;
    for (const route of routes) {
      const list = this.candidates.get(route.network, route.prefixLength);
      const index = list === undefined ? -1 : list.indexOf(route);
      if (index < 0) continue;
      if (this.isRecursive(route)) this.recursiveCount--;
      list!.splice(index, 1);
      if (list!.length === 0) this.candidates.delete(route.network, route.prefixLength);
      removed++;
    }
    if (removed > 0) this.markDirty();
  }

  /** Tells the RIB that something its routes depend on changed (an interface went up or down). */
  markDirty(): void {
    this.version++;
    if (this.dirty) return;
    this.dirty = true;
    for (const listener of this.changeListeners) listener();
  }

  /** Calls `listener` when the RIB becomes dirty (before the rebuild); returns the unsubscriber. */
  onChange(listener: () => void): () => void {
    this.changeListeners = [...this.changeListeners, listener];
    return () => {
      this.changeListeners = this.changeListeners.filter((l) => l !== listener);
    };
  }

  /** Every candidate route, longest prefixes first, best first within a prefix. */
  routes(): Route<A>[] {
    const out: Route<A>[] = [];
    this.candidates.forEach((_network, _length, list) => out.push(...list));
    return out;
  }

  /** Every candidate with whether it is installed and how it resolves (`show ip route`, `show ip route static`). */
  entries(): RibEntry<A>[] {
    const fib = this.currentFib();
    const out: RibEntry<A>[] = [];
    for (const { network, prefixLength, value: list } of this.candidates.entries()) {
      const installed = fib.get(network, prefixLength);
      for (const route of list) {
        if (installed?.route === route) {
          out.push({ route, installed: true, resolvedIface: installed.iface, resolvedNextHop: installed.gateway });
          continue;
        }
        const scoped = this.options.isLinkScoped?.(network, prefixLength) ?? false;
        const usable = this.resolve(route, fib, network, prefixLength);
        const standby: RouteStandby = usable !== undefined || scoped ? 'not-best' : this.whyUnusable(route);
        out.push({ route, installed: false, standby, resolvedIface: usable?.iface ?? null, resolvedNextHop: usable?.gateway ?? null });
      }
    }
    return out;
  }

  /** The FIB entry for `destination` (longest-prefix match), if any. */
  lookupEntry(destination: A): FibEntry<A> | undefined {
    return this.currentFib().lookup(destination);
  }

  /** The installed entries of the FIB, longest prefixes first. */
  fibEntries(): FibEntry<A>[] {
    return [...this.currentFib().entries()].map((entry) => entry.value);
  }

  private currentFib(): LpmTable<A, FibEntry<A>> {
    if (this.dirty) this.rebuild();
    return this.fib;
  }

  private isRecursive(route: Route<A>): boolean {
    return !route.discard && route.iface === null && route.nextHop !== null;
  }

  private whyUnusable(route: Route<A>): RouteStandby {
    if (route.distance >= UNUSABLE_DISTANCE) return 'unusable-distance';
    if (route.iface !== null && !route.iface.operUp) return 'interface-down';
    return 'next-hop-unresolved';
  }

  /** The FIB entry `route` would give when resolved through `table`; undefined when unusable. */
  private resolve(route: Route<A>, table: LpmTable<A, FibEntry<A>>, network: A, prefixLength: number): FibEntry<A> | undefined {
    if (route.distance >= UNUSABLE_DISTANCE) return undefined;
    if (route.discard) return { route, iface: null, gateway: null, discard: true };
    if (route.iface !== null) return route.iface.operUp ? { route, iface: route.iface, gateway: route.nextHop, discard: false } : undefined;
    if (route.nextHop === null) return undefined;
    const via = table.match(route.nextHop, this.options.minResolveLength);
    // A next hop that only resolves through the route itself is a loop (IOS "recursive routing loop").
    if (via === undefined || (via.prefixLength === prefixLength && via.network === network)) return undefined;
    if (via.value.discard || via.value.iface === null) return undefined;
    return { route, iface: via.value.iface, gateway: via.value.gateway ?? route.nextHop, discard: false };
  }

  private rebuild(): void {
    this.dirty = false;
    this.rebuilds++;
    const rounds = this.recursiveCount === 0 ? 1 : MAX_ROUNDS;
    let table = new LpmTable<A, FibEntry<A>>(this.options.family);
    for (let round = 0; round < rounds; round++) {
      const next = new LpmTable<A, FibEntry<A>>(this.options.family);
      const previous = table;
      this.candidates.forEach((network, prefixLength, list) => {
        if (this.options.isLinkScoped?.(network, prefixLength)) return;
        for (const route of list) {
          const entry = this.resolve(route, previous, network, prefixLength);
          if (entry === undefined) continue;
          next.set(network, prefixLength, entry);
          break;
        }
      });
      const stable = round > 0 && sameTables(table, next);
      table = next;
      if (stable) break;
    }
    this.fib = table;
  }
}

function sameTables<A>(a: LpmTable<A, FibEntry<A>>, b: LpmTable<A, FibEntry<A>>): boolean {
  if (a.size !== b.size) return false;
  let same = true;
  a.forEach((network, prefixLength, value) => {
    const other = b.get(network, prefixLength);
    if (other === undefined || other.route !== value.route || other.iface !== value.iface || other.gateway !== value.gateway) same = false;
  });
  return same;
}
