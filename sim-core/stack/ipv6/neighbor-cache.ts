/**
 * The IPv6 neighbour cache and its Neighbor Unreachability Detection state machine (RFC 4861
 * sections 5.1, 7.2, 7.3 and appendix C): entries per interface in the states INCOMPLETE,
 * REACHABLE, STALE, DELAY and PROBE, packets queued while INCOMPLETE, the timers
 * (ReachableTime drawn uniformly from 0.5-1.5 x BaseReachableTime, section 6.3.2; RetransTimer;
 * DELAY_FIRST_PROBE_TIME) and the retry limits (MAX_MULTICAST_SOLICIT, MAX_UNICAST_SOLICIT).
 *
 * This file holds the states and timers only; the wire side (sending NS, parsing NA) is
 * neighbor-discovery.ts, which calls the `handle…` methods here and installs `solicit`.
 * REACHABLE → STALE needs no timer event: an entry is REACHABLE while
 * `now - confirmedNs < ReachableTime` and is moved to STALE when next looked at (lookups and
 * queries both do it), which is what the state machine prescribes and costs nothing per host.
 *
 * Packets waiting for resolution are bounded per entry (3, as Linux's classic unres_qlen);
 * extra ones are dropped with `nd-queue-full`. When resolution fails the queued packets are
 * dropped with `neighbor-unreachable` and handed to `onResolutionFailed`, which sends ICMPv6
 * Destination Unreachable code 3 (section 7.2.2). An entry that fails NUD in PROBE is deleted
 * (section 7.3.3).
 * Leaves out: the RFC 7048 UNREACHABLE state, static entries' config syntax (`addStatic` exists),
 * proxy and anycast advertisements, garbage collection of idle STALE entries (Linux gc_stale_time).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { MacAddress } from '../../addr/mac';
import type { SeededRandom } from '../../engine/random';
import type { Timer } from '../../engine/simulator';
import { NS_PER_MS, type TimeNs } from '../../engine/time';
import { ETHERTYPE_IPV6 } from '../../wire/ethernet';
import type { Ipv6NeighborResolver } from '../ethernet-link';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';

/** RFC 4861 section 7.3.2, plus PERMANENT for static entries (IOS shows them as REACH with age `-`). */
export type NeighborState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'PERMANENT';

/** RFC 4861 section 10 protocol constants. */
export const MAX_MULTICAST_SOLICIT = 3;
export const MAX_UNICAST_SOLICIT = 3;
export const DELAY_FIRST_PROBE_TIME_MS = 5_000;
export const BASE_REACHABLE_TIME_MS = 30_000;
export const RETRANS_TIMER_MS = 1_000;
export const MIN_RANDOM_FACTOR = 0.5;
export const MAX_RANDOM_FACTOR = 1.5;
/** Packets held per INCOMPLETE entry (Linux unres_qlen 3). */
export const ND_QUEUE_LIMIT = 3;

export interface NeighborEntry {
  readonly address: Ipv6Address;
  readonly iface: NetInterface;
  linkLayerAddress: MacAddress | null;
  state: NeighborState;
  /** The IsRouter flag (RFC 4861 section 7.3.1 via NA R flag or an RA). */
  isRouter: boolean;
  /** When reachability was last confirmed (REACHABLE lasts ReachableTime from here). */
  confirmedNs: TimeNs;
  /** When the entry last changed state or address (what `show ipv6 neighbors` ages). */
  updatedNs: TimeNs;
  /** Whole IPv6 packets waiting for the link-layer address. */
  queue: Uint8Array[];
  /** Solicitations sent in the current INCOMPLETE or PROBE round. */
  probesSent: number;
  timer: Timer | null;
}

/** The ND parameters of an interface (RFC 4861 section 6.3.2 host variables). */
export interface NdParameters {
  baseReachableTimeMs: number;
  /** Randomised from the base, from the node's seeded stream. */
  reachableTimeMs: number;
  retransTimerMs: number;
  /** DupAddrDetectTransmits (RFC 4862 section 5.1). */
  dupAddrDetectTransmits: number;
}

/** A snapshot for consoles and checks. */
export interface NeighborSnapshot {
  readonly address: Ipv6Address;
  readonly interfaceName: string;
  readonly linkLayerAddress: MacAddress | null;
  readonly state: NeighborState;
  readonly isRouter: boolean;
  /** Seconds since the entry last changed (whole seconds). */
  readonly ageS: number;
  readonly queued: number;
}

const CACHE = new DataKey<Map<Ipv6Address, NeighborEntry>>('IPv6 neighbour cache');
const PARAMETERS = new DataKey<NdParameters>('IPv6 ND parameters');

export class NeighborCache implements Ipv6NeighborResolver {
  /** Sends an NS for `entry.address`: multicast to the solicited-node group when `unicastTo` is null (section 7.2.2), else unicast (NUD probe). */
  solicit: (entry: NeighborEntry, unicastTo: MacAddress | null, trigger: Uint8Array | null) => void = () => undefined;
  /** Resolution failed: the packets that waited (the IPv6 layer sends address-unreachable errors). */
  onResolutionFailed: (iface: NetInterface, address: Ipv6Address, packets: readonly Uint8Array[]) => void = () => undefined;
  /** A neighbour stopped being a router (NA with R clear, section 7.2.5): the default router list drops it. */
  onRouterLost: (iface: NetInterface, address: Ipv6Address) => void = () => undefined;
  private readonly random: SeededRandom;

  constructor(readonly stack: NodeStack) {
    this.random = stack.context.random.derive('ipv6-nd');
    // The Ethernet adapter resolves IPv6 next hops through this cache (RFC 4861 section 7.2).
    stack.ethernet.ipv6Resolver = this;
  }

  // ---- parameters ----

  /** The interface's ND parameters (created with the RFC 4861 defaults on first use). */
  parameters(iface: NetInterface): NdParameters {
    let parameters = iface.getData(PARAMETERS);
    if (parameters === undefined) {
      parameters = { baseReachableTimeMs: BASE_REACHABLE_TIME_MS, reachableTimeMs: 0, retransTimerMs: RETRANS_TIMER_MS, dupAddrDetectTransmits: 1 };
      parameters.reachableTimeMs = this.randomReachableTime(BASE_REACHABLE_TIME_MS);
      iface.setData(PARAMETERS, parameters);
    }
    return parameters;
  }

  /** An RA's Reachable Time and Retrans Timer (RFC 4861 section 6.3.4: 0 means unspecified, keep ours). */
  setParameters(iface: NetInterface, baseReachableTimeMs: number, retransTimerMs: number): void {
    const parameters = this.parameters(iface);
    if (baseReachableTimeMs > 0 && baseReachableTimeMs !== parameters.baseReachableTimeMs) {
      parameters.baseReachableTimeMs = baseReachableTimeMs;
      parameters.reachableTimeMs = this.randomReachableTime(baseReachableTimeMs);
    }
    if (retransTimerMs > 0) parameters.retransTimerMs = retransTimerMs;
  }

  private randomReachableTime(baseMs: number): number {
    return Math.round(this.random.uniformFloat(MIN_RANDOM_FACTOR, MAX_RANDOM_FACTOR) * baseMs);
  }

  // ---- sending ----

  /**
   * Sends the IPv6 `packet` to neighbour `nextHop` on `iface`, resolving it first if needed
   * (RFC 4861 section 7.2.2) and driving NUD (section 7.3.3: a packet to a STALE neighbour
   * starts DELAY).
   */
  sendPacket(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array): void {
    const cache = this.cacheOf(iface);
    let entry = cache.get(nextHop);
    if (entry !== undefined) this.age(entry);
    if (entry === undefined) {
      const now = this.stack.context.nowNs();
      entry = { address: nextHop, iface, linkLayerAddress: null, state: 'INCOMPLETE', isRouter: false, confirmedNs: now, updatedNs: now, queue: [packet], probesSent: 0, timer: null };
      cache.set(nextHop, entry);
      this.probe(entry, packet);
      return;
    }
    if (entry.state === 'INCOMPLETE') {
      if (entry.queue.length < ND_QUEUE_LIMIT) entry.queue.push(packet);
      else this.stack.drop(iface, packet, 'nd-queue-full');
      return;
    }
    this.stack.sendFrame(iface, entry.linkLayerAddress!, ETHERTYPE_IPV6, packet);
    if (entry.state === 'STALE') this.enterDelay(entry);
  }

  // ---- events from Neighbor Discovery ----

  /**
   * A solicitation or RS/RA/redirect from `address` carrying its link-layer address
   * (RFC 4861 sections 7.2.3 and 6.3.4, the "unsolicited" rows of appendix C): creates a STALE
   * entry, or updates a different address to STALE; an INCOMPLETE entry sends its queue.
   * `isRouter` is true for an RA, false for an RS, undefined (unchanged) for an NS.
   */
  handleLinkLayerAddress(iface: NetInterface, address: Ipv6Address, linkLayerAddress: MacAddress, isRouter?: boolean): void {
    const cache = this.cacheOf(iface);
    const entry = cache.get(address);
    const now = this.stack.context.nowNs();
    if (entry === undefined) {
      cache.set(address, { address, iface, linkLayerAddress, state: 'STALE', isRouter: isRouter ?? false, confirmedNs: now, updatedNs: now, queue: [], probesSent: 0, timer: null });
      return;
    }
    if (isRouter !== undefined) this.setRouterFlag(entry, isRouter);
    if (entry.state === 'PERMANENT') return;
    if (entry.state === 'INCOMPLETE') {
      entry.linkLayerAddress = linkLayerAddress;
      this.setState(entry, 'STALE');
      this.sendQueue(entry);
      return;
    }
    if (entry.linkLayerAddress !== linkLayerAddress) {
      entry.linkLayerAddress = linkLayerAddress;
      this.setState(entry, 'STALE');
    }
  }

  /** A Neighbor Advertisement for `target` (RFC 4861 section 7.2.5). Returns false when there was no entry (the NA is ignored). */
  handleAdvertisement(iface: NetInterface, target: Ipv6Address, flags: { readonly router: boolean; readonly solicited: boolean; readonly override: boolean }, targetLinkLayer: MacAddress | undefined): boolean {
    const entry = this.cacheOf(iface).get(target);
    if (entry === undefined || entry.state === 'PERMANENT') return false;
    this.age(entry);
    const now = this.stack.context.nowNs();
    if (entry.state === 'INCOMPLETE') {
      if (targetLinkLayer === undefined) return true; // section 7.2.5: no TLLA, silently discarded
      entry.linkLayerAddress = targetLinkLayer;
      if (flags.solicited) {
        entry.confirmedNs = now;
        this.setState(entry, 'REACHABLE');
      } else this.setState(entry, 'STALE');
      this.setRouterFlag(entry, flags.router);
      this.sendQueue(entry);
      return true;
    }
    const different = targetLinkLayer !== undefined && targetLinkLayer !== entry.linkLayerAddress;
    if (!flags.override && different) {
      // Section 7.2.5: a non-override NA with another address only makes a REACHABLE entry STALE.
      if (entry.state === 'REACHABLE') this.setState(entry, 'STALE');
      return true;
    }
    if (different) entry.linkLayerAddress = targetLinkLayer;
    if (flags.solicited) {
      entry.confirmedNs = now;
      this.setState(entry, 'REACHABLE');
    } else if (different) this.setState(entry, 'STALE');
    this.setRouterFlag(entry, flags.router);
    return true;
  }

  /** Upper-layer reachability confirmation (RFC 4861 section 7.3.1), e.g. a TCP ACK. */
  confirmReachability(iface: NetInterface, address: Ipv6Address): void {
    const entry = this.cacheOf(iface).get(address);
    if (entry === undefined || entry.state === 'INCOMPLETE' || entry.state === 'PERMANENT') return;
    entry.confirmedNs = this.stack.context.nowNs();
    this.setState(entry, 'REACHABLE');
  }

  /** Marks a neighbour as a router (an RA came from it). */
  markRouter(iface: NetInterface, address: Ipv6Address): void {
    const entry = this.cacheOf(iface).get(address);
    if (entry !== undefined) entry.isRouter = true;
  }

  // ---- queries and maintenance ----

  /** The entry for `address` on `iface` (aged), if any. */
  lookup(iface: NetInterface, address: Ipv6Address): NeighborEntry | undefined {
    const entry = iface.getData(CACHE)?.get(address);
    if (entry !== undefined) this.age(entry);
    return entry;
  }

  /** The live entries of an interface, in insertion order. */
  entries(iface: NetInterface): NeighborEntry[] {
    const cache = iface.getData(CACHE);
    if (cache === undefined) return [];
    const out: NeighborEntry[] = [];
    for (const entry of cache.values()) {
      this.age(entry);
      out.push(entry);
    }
    return out;
  }

  snapshot(iface: NetInterface): NeighborSnapshot[] {
    const now = this.stack.context.nowNs();
    return this.entries(iface).map((entry) => ({
      address: entry.address,
      interfaceName: iface.name,
      linkLayerAddress: entry.linkLayerAddress,
      state: entry.state,
      isRouter: entry.isRouter,
      ageS: Math.floor((now - entry.updatedNs) / 1e9),
      queued: entry.queue.length,
    }));
  }

  /** A static entry (`ipv6 neighbor FE80::1 Gi0/0 0000.0c01.0203`). */
  addStatic(iface: NetInterface, address: Ipv6Address, linkLayerAddress: MacAddress): void {
    this.remove(iface, address);
    const now = this.stack.context.nowNs();
    this.cacheOf(iface).set(address, { address, iface, linkLayerAddress, state: 'PERMANENT', isRouter: false, confirmedNs: now, updatedNs: now, queue: [], probesSent: 0, timer: null });
  }

  remove(iface: NetInterface, address: Ipv6Address): void {
    const cache = iface.getData(CACHE);
    const entry = cache?.get(address);
    if (entry === undefined) return;
    entry.timer?.cancel();
    cache!.delete(address);
  }

  /** Empties the cache of an interface (carrier loss, `clear ipv6 neighbors`); static entries stay. Queued packets are dropped. */
  flush(iface: NetInterface): void {
    const cache = iface.getData(CACHE);
    if (cache === undefined) return;
    for (const [address, entry] of cache) {
      if (entry.state === 'PERMANENT') continue;
      entry.timer?.cancel();
      for (const packet of entry.queue) this.stack.drop(iface, packet, 'link-down');
      cache.delete(address);
    }
  }

  // ---- the state machine ----

  private cacheOf(iface: NetInterface): Map<Ipv6Address, NeighborEntry> {
    let cache = iface.getData(CACHE);
    if (cache === undefined) {
      cache = new Map();
      iface.setData(CACHE, cache);
    }
    return cache;
  }

  /** REACHABLE → STALE once ReachableTime has passed since the last confirmation (section 7.3.3). */
  private age(entry: NeighborEntry): void {
    if (entry.state !== 'REACHABLE') return;
    const reachableNs = this.parameters(entry.iface).reachableTimeMs * NS_PER_MS;
    const expiresNs = entry.confirmedNs + reachableNs;
    if (this.stack.context.nowNs() >= expiresNs) {
      entry.state = 'STALE';
      entry.updatedNs = expiresNs;
    }
  }

  private setState(entry: NeighborEntry, state: NeighborState): void {
    if (entry.state !== state || state === 'REACHABLE') entry.updatedNs = this.stack.context.nowNs();
    if (entry.state !== state) {
      entry.timer?.cancel();
      entry.timer = null;
      entry.probesSent = 0;
    }
    entry.state = state;
  }

  private setRouterFlag(entry: NeighborEntry, isRouter: boolean): void {
    const wasRouter = entry.isRouter;
    entry.isRouter = isRouter;
    if (wasRouter && !isRouter) this.onRouterLost(entry.iface, entry.address);
  }

  private enterDelay(entry: NeighborEntry): void {
    this.setState(entry, 'DELAY');
    entry.timer = this.stack.context.setTimer(DELAY_FIRST_PROBE_TIME_MS * NS_PER_MS, () => {
      entry.timer = null;
      if (entry.state !== 'DELAY' || !this.isCurrent(entry)) return;
      // Section 7.3.3: no confirmation within DELAY_FIRST_PROBE_TIME → PROBE with unicast NS.
      this.setState(entry, 'PROBE');
      this.probe(entry, null);
    });
  }

  /** Sends one NS of the current round (multicast while INCOMPLETE, unicast in PROBE) and arms the retransmission. */
  private probe(entry: NeighborEntry, trigger: Uint8Array | null): void {
    entry.probesSent++;
    this.solicit(entry, entry.state === 'PROBE' ? entry.linkLayerAddress : null, trigger);
    const retransNs = this.parameters(entry.iface).retransTimerMs * NS_PER_MS;
    entry.timer = this.stack.context.setTimer(retransNs, () => {
      entry.timer = null;
      if (!this.isCurrent(entry)) return;
      if (entry.state === 'INCOMPLETE') {
        if (entry.probesSent >= MAX_MULTICAST_SOLICIT) return this.fail(entry);
        this.probe(entry, entry.queue[0] ?? null);
      } else if (entry.state === 'PROBE') {
        if (entry.probesSent >= MAX_UNICAST_SOLICIT) return this.remove(entry.iface, entry.address);
        this.probe(entry, null);
      }
    });
  }

  private isCurrent(entry: NeighborEntry): boolean {
    return entry.iface.getData(CACHE)?.get(entry.address) === entry;
  }

  private fail(entry: NeighborEntry): void {
    this.remove(entry.iface, entry.address);
    const packets = entry.queue;
    entry.queue = [];
    for (const packet of packets) this.stack.drop(entry.iface, packet, 'neighbor-unreachable');
    if (packets.length > 0) this.onResolutionFailed(entry.iface, entry.address, packets);
  }

  private sendQueue(entry: NeighborEntry): void {
    const packets = entry.queue;
    if (packets.length === 0) return;
    entry.queue = [];
    for (const packet of packets) this.stack.sendFrame(entry.iface, entry.linkLayerAddress!, ETHERTYPE_IPV6, packet);
    // Section 7.3.3: sending to a STALE neighbour starts DELAY.
    if (entry.state === 'STALE') this.enterDelay(entry);
  }
}
