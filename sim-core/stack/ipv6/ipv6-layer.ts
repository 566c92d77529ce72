/**
 * IPv6 for one device: interface enablement and addresses, input, local delivery, forwarding
 * and output (RFC 8200, RFC 4291, RFC 4862 section 5.3-5.4 for addresses, RFC 4443 for when
 * errors are due).
 *
 * Interfaces: IPv6 is active on an interface once it is enabled (`ipv6 enable`, hosts by
 * default) or has an address; enabling forms the link-local address (EUI-64 on IOS and Linux, a
 * stable random identifier on Windows: interface-identifier.ts) and joins ff02::1; every address
 * joins its solicited-node group and starts tentative until Duplicate Address Detection passes
 * (duplicate-address-detection.ts). On carrier loss the neighbour cache of the interface is
 * flushed and its addresses go back to tentative; on carrier return DAD runs again (RFC 4862
 * section 5.4: on interface (re)initialisation).
 *
 * Input: the fixed header is checked by the codec (version, Payload Length against the bytes);
 * multicast is delivered only for joined groups (`not-member`), unicast only for addresses that
 * are not tentative (`dad-tentative`); the extension-header chain is walked (a Hop-by-Hop header
 * not first, or an unknown Next Header, gives Parameter Problem code 1 with the pointer,
 * RFC 8200 section 4 and RFC 4443 section 3.4; a Routing header with Segments Left gives code 0
 * at its Routing Type; an unknown option acts on its two high bits, section 4.2); fragments are
 * reassembled (ipv6-reassembly.ts); the upper layer is found in a protocol table (58 ICMPv6,
 * 17 UDP, 6 TCP, later 41, 4, 89), like the IPv4 layer's.
 *
 * Forwarding (only with `ipv6 unicast-routing`, `NodeStack.ipv6Forwarding`; hosts never
 * forward): link-local sources and destinations stay on their link (RFC 4291 section 2.5.6;
 * Destination Unreachable code 2 for a link-local source); Hop Limit 1 or 0 gives Time Exceeded
 * code 0; no route gives Destination Unreachable code 0 (IOS sends code 0, "no route to
 * destination"); a packet bigger than the exit MTU gives Packet Too Big with that MTU (routers
 * never fragment IPv6, RFC 8200 section 5); otherwise the Hop Limit is decremented (IPv6 has no
 * header checksum) and the packet resolved with Neighbor Discovery.
 *
 * Output: the route comes from the FIB provided under IPV6_FIB (routing/ipv6-rib.ts), or, in a
 * stack without one, from the interfaces' own prefixes; link-scoped destinations need the
 * interface (RFC 4007 zone). The source follows RFC 6724 (source-address-selection.ts); a
 * packet larger than min(PMTU, link MTU) is fragmented at the source with a Fragment header and
 * a per-node identification (RFC 8200 section 4.5); each packet goes with its next hop to the
 * interface's link adapter (link-adapter.ts: Ethernet maps multicast to 33:33 MACs and resolves
 * unicast with Neighbor Discovery; the layer never frames a packet).
 * Hooks (ip-hooks.ts) run at pre-routing, local input, forward, local output and post-routing;
 * a hook's drop reason reaches the trace, a local-output drop fails the send as `filtered`.
 * Leaves out: Hop-by-Hop option processing at routers (options are skipped), redirects, the
 * Router Alert option, multicast routing, jumbograms, the strong/weak host model distinction
 * (a host accepts its addresses on any interface, as Linux does).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { ALL_NODES, solicitedNodeGroup } from '../../addr/multicast';
import type { MacAddress } from '../../addr/mac';
import { ipv6NetworkPart } from '../../addr/prefix';
import type { SeededRandom } from '../../engine/random';
import { copyBytes } from '../../wire/frame-bytes';
import type { Icmpv6ErrorSpec } from '../../wire/icmpv6';
import { decodeIpv6, encodeIpv6, IPV6_HEADER_LENGTH, type Ipv6Packet } from '../../wire/ipv6';
import {
  fragmentIpv6,
  ipv6OptionAction,
  ipv6OptionType,
  NO_NEXT_HEADER,
  walkIpv6Headers,
  type Ipv6ExtensionHeader,
  type Ipv6Option,
} from '../../wire/ipv6-extension-headers';
import { IpHookChain, type IpHookPoint, type IpHookVerdict } from '../ip-hooks';
import { DataKey, type Ipv6AddressOrigin, type Ipv6InterfaceAddress, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { ProtocolTable } from '../protocol-table';
import { IPV6_FIB, type Ipv6ForwardingDecision, type Ipv6RouteLookup } from '../routing/ipv6-fib';
import { DuplicateAddressDetection } from './duplicate-address-detection';
import { linkLocalAddressFor } from './interface-identifier';
import { Ipv6Reassembler, REASSEMBLY_TIMEOUT_S, type Ipv6Fragment } from './ipv6-reassembly';
import { isIpv6GroupMember, joinIpv6Group, leaveIpv6Group } from './multicast-membership';
import { NeighborCache } from './neighbor-cache';
import { PathMtuCache } from './path-mtu';
import { selectSourceAddress } from './source-address-selection';

/** A datagram for this device, extension headers walked (and reassembled when it was fragmented). */
export interface Ipv6Datagram {
  readonly source: Ipv6Address;
  readonly destination: Ipv6Address;
  readonly hopLimit: number;
  readonly trafficClass: number;
  readonly flowLabel: number;
  /** The upper-layer protocol (58, 17, 6 …). */
  readonly protocol: number;
  /** The upper-layer bytes. */
  readonly payload: Uint8Array;
  readonly extensionHeaders: readonly Ipv6ExtensionHeader[];
}

/** Handles a datagram for this device; `raw` is the whole packet (reassembled if it was fragmented), for quoting in errors. */
export type Ipv6ProtocolHandler = (datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array) => void;

/** The ICMPv6 error the IPv6 layer asks the ICMPv6 module to send about `raw`. */
export type Ipv6Error = Icmpv6ErrorSpec;
export type Ipv6ErrorReporter = (raw: Uint8Array, ingress: NetInterface | null, error: Ipv6Error) => void;

export interface Ipv6SendRequest {
  readonly destination: Ipv6Address;
  /** Upper-layer protocol of `payload`. */
  readonly protocol: number;
  readonly payload: Uint8Array;
  /** One of the device's addresses, or :: (DAD, RS before an address exists); by default selected (RFC 6724). */
  readonly source?: Ipv6Address;
  readonly hopLimit?: number;
  readonly trafficClass?: number;
  readonly flowLabel?: number;
  /** The exit interface: required for link-local and multicast destinations (the zone). */
  readonly iface?: NetInterface;
  /** The neighbour to hand the packet to (from `route()`); by default the route's. */
  readonly nextHop?: Ipv6Address;
  /** Send to this MAC without Neighbor Discovery (NUD probes, replies to a link-layer address just learned). */
  readonly linkLayerDestination?: MacAddress;
  /** Do not fragment at the source: report `packet-too-big` instead (Linux `ping -M do`). */
  readonly dontFragment?: boolean;
}

/** `filtered`: a local-output or post-routing hook dropped it. */
export type Ipv6SendFailure = 'no-route' | 'no-source-address' | 'interface-down' | 'ipv6-disabled' | 'packet-too-big' | 'too-long' | 'filtered';
export type Ipv6SendResult = { readonly ok: true } | { readonly ok: false; readonly reason: Ipv6SendFailure; readonly mtuBytes?: number };

/** Where a packet to a destination goes. */
export type Ipv6Path = { readonly ok: true; readonly iface: NetInterface; readonly nextHop: Ipv6Address; readonly local: boolean } | { readonly ok: false; readonly reason: 'no-route' | 'interface-down' };

export interface Ipv6AddressRequest {
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  readonly origin: Ipv6AddressOrigin;
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
  readonly anycast?: boolean;
  /** Skip DAD (Linux `nodad`; loopbacks never run it). */
  readonly noDad?: boolean;
}

/** Remaining lifetimes at the time of the query. */
export interface Ipv6AddressSnapshot {
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  readonly state: Ipv6InterfaceAddress['state'];
  readonly origin: Ipv6AddressOrigin;
  readonly anycast: boolean;
  /** Infinity for static addresses. */
  readonly validLifetimeS: number;
  readonly preferredLifetimeS: number;
}


export const IPV6 = new DataKey<Ipv6Layer>('IPv6');

/** Per-interface state the layer keeps beside `iface.ipv6`. */
interface InterfaceExtra {
  /** `ipv6 enable` (explicit), as opposed to enabled because an address exists. */
  explicitlyEnabled: boolean;
  /** IOS: a duplicate link-local stops IPv6 on the interface ("IPv6 is stalled"). */
  stalled: boolean;
}
const EXTRA = new DataKey<InterfaceExtra>('IPv6 interface');

function isMulticast(address: Ipv6Address): boolean {
  return address >> 120n === 0xffn;
}

function isLinkLocal(address: Ipv6Address): boolean {
  return address >> 118n === 0x3fan;
}

/** Link-scoped destinations need a zone: fe80::/10 and multicast of scope 1 or 2. */
function isLinkScoped(address: Ipv6Address): boolean {
  if (isLinkLocal(address)) return true;
  return isMulticast(address) && ((address >> 112n) & 0xfn) <= 2n;
}

const UNSPECIFIED = 0n as Ipv6Address;
const OUTPUT_POINTS: readonly IpHookPoint[] = ['local-output', 'post-routing'];
const ACCEPTED: IpHookVerdict = { kind: 'accept' };

export class Ipv6Layer {
  readonly protocols: ProtocolTable<Ipv6ProtocolHandler>;
  /** Pre-routing, local input, forward, local output and post-routing hooks (ip-hooks.ts). */
  readonly hooks = new IpHookChain<Ipv6Address>();
  readonly neighbors: NeighborCache;
  readonly dad: DuplicateAddressDetection;
  readonly pathMtu: PathMtuCache;
  readonly defaultHopLimit: number;
  errorReporter: Ipv6ErrorReporter | null = null;
  /** Global (and unique-local) addresses of the device; link-local ones are looked up per interface. */
  private readonly localAddresses = new Map<Ipv6Address, { readonly iface: NetInterface; readonly entry: Ipv6InterfaceAddress }>();
  private readonly reassembler: Ipv6Reassembler;
  private readonly random: SeededRandom;
  private identification: number;
  readonly counters = {
    received: 0,
    delivered: 0,
    forwarded: 0,
    sent: 0,
    dropped: 0,
    fragmentsCreated: 0,
    fragmentsReceived: 0,
    reassembled: 0,
    reassemblyFailed: 0,
  };

  constructor(readonly stack: NodeStack) {
    this.protocols = new ProtocolTable(`${stack.context.deviceName} IPv6`);
    this.defaultHopLimit = stack.personality.ipv6.defaultHopLimit;
    this.random = stack.context.random.derive('ipv6');
    this.identification = this.random.nextUint32();
    this.neighbors = new NeighborCache(stack);
    this.pathMtu = new PathMtuCache(stack.context);
    this.dad = new DuplicateAddressDetection(stack, this);
    this.reassembler = new Ipv6Reassembler(stack.context, REASSEMBLY_TIMEOUT_S, ({ first }) => {
      this.counters.reassemblyFailed++;
      if (first !== null) {
        this.stack.drop(this.interfaceForAddress(first.destination) ?? stack.interfaces[0]!, first.raw, 'reassembly-timeout');
        this.reportError(first.raw, null, { kind: 'time-exceeded', code: 1 });
      }
    });
    this.neighbors.onResolutionFailed = (iface, _address, packets) => {
      // RFC 4861 section 7.2.2: address unreachable for each packet that waited.
      for (const packet of packets) this.reportError(packet, iface, { kind: 'destination-unreachable', code: 3 });
    };
    stack.registerIpInput(6, (iface, packet) => this.receive(iface, packet));
    stack.provide(IPV6, this);
    stack.onInterfaceEvent((event) => {
      switch (event.kind) {
        case 'added':
          // Windows and Linux hosts run IPv6 on every interface by default; IOS waits for config.
          if (stack.personality.ipv6.enableOnNewInterfaces && event.iface.kind !== 'null' && event.iface.kind !== 'loopback') this.enable(event.iface);
          break;
        case 'up':
          this.extraOf(event.iface).stalled = false;
          for (const entry of event.iface.ipv6.addresses) this.dad.start(event.iface, entry);
          break;
        case 'down':
          this.neighbors.flush(event.iface);
          this.dad.stop(event.iface);
          for (const entry of event.iface.ipv6.addresses) this.setState(event.iface, entry, 'tentative');
          break;
        default:
          break;
      }
    });
  }

  // ---- interfaces and addresses ----

  /** `ipv6 enable`: forms the link-local address and joins all-nodes (RFC 4862 section 5.3, RFC 4291 section 2.8). */
  enable(iface: NetInterface): void {
    this.extraOf(iface).explicitlyEnabled = true;
    this.activate(iface);
  }

  /** `no ipv6 enable`: IPv6 stays on while the interface has a configured address. */
  disable(iface: NetInterface): void {
    this.extraOf(iface).explicitlyEnabled = false;
    if (!iface.ipv6.addresses.some((entry) => entry.origin !== 'link-local')) this.deactivate(iface);
  }

  /** True when IPv6 runs on the interface (and is not stalled by a duplicate link-local). */
  isActive(iface: NetInterface): boolean {
    return iface.ipv6.enabled && !this.extraOf(iface).stalled;
  }

  /** IOS "IPv6 is stalled": a duplicate link-local address stopped IPv6 on the interface. */
  isStalled(iface: NetInterface): boolean {
    return this.extraOf(iface).stalled;
  }

  /** Stops IPv6 on an interface after a duplicate link-local (IOS); carrier or admin re-initialisation clears it. */
  stall(iface: NetInterface): void {
    this.extraOf(iface).stalled = true;
  }

  /**
   * Adds an address (`ipv6 address`, SLAAC, DHCPv6): it joins its solicited-node group and is
   * tentative until DAD passes (then `ipv6-address-changed` with state preferred, or duplicate).
   * An address already present has its lifetimes refreshed. A configured link-local replaces
   * the automatic one (IOS `ipv6 address FE80::1 link-local`).
   */
  addAddress(iface: NetInterface, request: Ipv6AddressRequest): Ipv6InterfaceAddress {
    const existing = iface.ipv6.addresses.find((entry) => entry.address === request.address);
    const now = this.stack.context.nowNs();
    if (existing !== undefined) {
      existing.validLifetimeS = request.validLifetimeS ?? Infinity;
      existing.preferredLifetimeS = request.preferredLifetimeS ?? Infinity;
      existing.lifetimesSetNs = now;
      if (existing.state === 'deprecated' && existing.preferredLifetimeS > 0) this.setState(iface, existing, 'preferred');
      return existing;
    }
    const linkLocal = isLinkLocal(request.address);
    if (linkLocal) {
      const automatic = iface.ipv6.addresses.find((entry) => entry.origin === 'link-local' && isLinkLocal(entry.address));
      if (automatic !== undefined && request.origin !== 'link-local') this.removeAddress(iface, automatic.address);
    }
    const entry: Ipv6InterfaceAddress = {
      address: request.address,
      prefixLength: request.prefixLength,
      state: 'tentative',
      origin: request.origin,
      anycast: request.anycast ?? false,
      validLifetimeS: request.validLifetimeS ?? Infinity,
      preferredLifetimeS: request.preferredLifetimeS ?? Infinity,
      lifetimesSetNs: now,
    };
    // The link-local comes first, as every system lists it (and as it must exist before others, RFC 4862 section 5.3).
    if (linkLocal) iface.ipv6.addresses.unshift(entry);
    else iface.ipv6.addresses.push(entry);
    if (!linkLocal) this.localAddresses.set(entry.address, { iface, entry });
    if (!iface.ipv6.enabled) this.activate(iface);
    joinIpv6Group(iface, solicitedNodeGroup(entry.address));
    this.stack.emit({ kind: 'ipv6-address-added', iface, address: entry });
    if (request.noDad || entry.anycast || !iface.adapter.neighborDiscovery) this.setState(iface, entry, entry.preferredLifetimeS > 0 ? 'preferred' : 'deprecated');
    else if (iface.operUp) this.dad.start(iface, entry);
    return entry;
  }

  /** Removes an address; removing the last configured one of an interface without `ipv6 enable` turns IPv6 off there. */
  removeAddress(iface: NetInterface, address: Ipv6Address): boolean {
    const index = iface.ipv6.addresses.findIndex((entry) => entry.address === address);
    if (index < 0) return false;
    const [entry] = iface.ipv6.addresses.splice(index, 1);
    this.dad.cancel(entry!);
    if (this.localAddresses.get(address)?.entry === entry) this.localAddresses.delete(address);
    leaveIpv6Group(iface, solicitedNodeGroup(address));
    this.stack.emit({ kind: 'ipv6-address-removed', iface, address: entry! });
    if (entry!.origin !== 'link-local' && !this.extraOf(iface).explicitlyEnabled && this.stack.personality.ipv6.disableWithLastAddress && !iface.ipv6.addresses.some((e) => e.origin !== 'link-local')) {
      this.deactivate(iface);
    }
    return true;
  }

  /** Changes an address's state and tells listeners (DAD results, lifetimes). */
  setState(iface: NetInterface, entry: Ipv6InterfaceAddress, state: Ipv6InterfaceAddress['state']): void {
    if (entry.state === state) return;
    entry.state = state;
    this.stack.emit({ kind: 'ipv6-address-changed', iface, address: entry });
  }

  /** The interface's link-local address entry, if it has one. */
  linkLocalOf(iface: NetInterface): Ipv6InterfaceAddress | undefined {
    return iface.ipv6.addresses.find((entry) => isLinkLocal(entry.address));
  }

  /** The addresses of an interface with remaining lifetimes, for consoles and checks. */
  addresses(iface: NetInterface): Ipv6AddressSnapshot[] {
    const now = this.stack.context.nowNs();
    return iface.ipv6.addresses.map((entry) => {
      const elapsedS = (now - entry.lifetimesSetNs) / 1e9;
      return {
        address: entry.address,
        prefixLength: entry.prefixLength,
        state: entry.state,
        origin: entry.origin,
        anycast: entry.anycast,
        validLifetimeS: Math.max(0, Math.floor(entry.validLifetimeS - elapsedS)),
        preferredLifetimeS: Math.max(0, Math.floor(entry.preferredLifetimeS - elapsedS)),
      };
    });
  }

  /** The address entry for `address` that belongs to this device (on `iface` for link-local ones), any state. */
  ownAddress(address: Ipv6Address, iface: NetInterface | null): { readonly iface: NetInterface; readonly entry: Ipv6InterfaceAddress } | undefined {
    if (!isLinkLocal(address)) return this.localAddresses.get(address);
    if (iface !== null) {
      for (const entry of iface.ipv6.addresses) if (entry.address === address) return { iface, entry };
      return undefined;
    }
    for (const candidate of this.stack.interfaces) for (const entry of candidate.ipv6.addresses) if (entry.address === address) return { iface: candidate, entry };
    return undefined;
  }

  /** True when `address` is one of this device's usable (not tentative, not duplicate) unicast addresses. */
  isLocalAddress(address: Ipv6Address, iface: NetInterface | null = null): boolean {
    const own = this.ownAddress(address, iface);
    return own !== undefined && (own.entry.state === 'preferred' || own.entry.state === 'deprecated');
  }

  // ---- routing and source selection ----

  /** The route lookup in use: the FIB the RIB provides, or the interfaces' own prefixes. */
  get routeLookup(): Ipv6RouteLookup {
    return this.stack.find(IPV6_FIB) ?? this.connectedLookup;
  }

  /** Where a packet to `destination` goes (on `iface` when given: the zone of a link-scoped destination). */
  route(destination: Ipv6Address, iface?: NetInterface): Ipv6Path {
    const own = this.ownAddress(destination, iface ?? null);
    if (own !== undefined && (own.entry.state === 'preferred' || own.entry.state === 'deprecated')) return { ok: true, iface: own.iface, nextHop: destination, local: true };
    if (iface !== undefined) {
      if (!iface.operUp) return { ok: false, reason: 'interface-down' };
      if (isLinkScoped(destination)) return { ok: true, iface, nextHop: destination, local: false };
      const decision = this.routeLookup.lookup(destination);
      if (decision !== undefined && decision.iface === iface) return { ok: true, iface, nextHop: decision.nextHop, local: false };
      return { ok: true, iface, nextHop: destination, local: false };
    }
    if (isLinkScoped(destination)) return { ok: false, reason: 'no-route' };
    const decision = this.routeLookup.lookup(destination);
    if (decision === undefined || decision.iface === null || decision.discard) return { ok: false, reason: 'no-route' };
    if (!decision.iface.operUp) return { ok: false, reason: 'interface-down' };
    return { ok: true, iface: decision.iface, nextHop: decision.nextHop, local: false };
  }

  /** The source for a packet to `destination` leaving `iface` (RFC 6724), falling back to other interfaces for a global destination. */
  selectSource(destination: Ipv6Address, iface: NetInterface): Ipv6Address | undefined {
    // Windows prefers its temporary address for outgoing connections (RFC 8981 section 3.6).
    const preferTemporary = this.stack.personality.ipv6.preferTemporarySource;
    const chosen = selectSourceAddress(iface.ipv6.addresses, destination, preferTemporary);
    if (chosen !== undefined || isLinkScoped(destination)) return chosen?.address;
    // RFC 6724 section 4: candidates may come from any interface (the weak host model of hosts and IOS).
    let best: Ipv6InterfaceAddress | undefined;
    for (const { entry } of this.localAddresses.values()) {
      const pick = selectSourceAddress(best === undefined ? [entry] : [best, entry], destination, preferTemporary);
      if (pick !== undefined) best = pick;
    }
    return best?.address;
  }

  // ---- sending ----

  /** Sends a datagram from this device (a protocol module's output). */
  send(request: Ipv6SendRequest): Ipv6SendResult {
    let iface = request.iface;
    let nextHop = request.nextHop;
    if (nextHop === undefined || iface === undefined) {
      const path = this.route(request.destination, request.iface);
      if (!path.ok) return { ok: false, reason: path.reason };
      if (path.local) return this.sendToSelf(request, path.iface);
      iface = path.iface;
      nextHop = path.nextHop;
    }
    if (!iface.operUp) return { ok: false, reason: 'interface-down' };
    if (!this.isActive(iface)) return { ok: false, reason: 'ipv6-disabled' };
    const source = request.source ?? this.selectSource(request.destination, iface);
    if (source === undefined) return { ok: false, reason: 'no-source-address' };
    if (request.payload.length > 0xffff) return { ok: false, reason: 'too-long' };
    const packet: Ipv6Packet = {
      trafficClass: request.trafficClass ?? 0,
      flowLabel: request.flowLabel ?? 0,
      nextHeader: request.protocol,
      hopLimit: request.hopLimit ?? this.defaultHopLimit,
      source,
      destination: request.destination,
      payload: request.payload,
    };
    const length = IPV6_HEADER_LENGTH + request.payload.length;
    const linkMtu = iface.ipv6MtuBytes;
    const pathMtu = isMulticast(request.destination) ? undefined : this.pathMtu.get(request.destination);
    const mtu = pathMtu === undefined ? linkMtu : Math.min(pathMtu, linkMtu);
    this.counters.sent++;
    let encoded: Uint8Array | null = null;
    if (this.hooks.has('local-output') || this.hooks.has('post-routing')) {
      encoded = encodeIpv6(packet);
      for (const point of OUTPUT_POINTS) {
        const verdict = this.filter(point, packet, encoded, null, iface);
        if (verdict.kind === 'drop') return { ok: false, reason: 'filtered' };
        if (verdict.kind === 'take') return { ok: true };
      }
    }
    if (length <= mtu) {
      this.transmit(iface, nextHop, encoded ?? encodeIpv6(packet), request.linkLayerDestination);
      return { ok: true };
    }
    if (request.dontFragment) return { ok: false, reason: 'packet-too-big', mtuBytes: mtu };
    // RFC 8200 section 4.5: the source fragments; the identification is per node.
    this.identification = (this.identification + 1) >>> 0;
    const fragments = fragmentIpv6(packet, mtu, this.identification);
    if (!fragments.ok) return { ok: false, reason: 'packet-too-big', mtuBytes: mtu };
    this.counters.fragmentsCreated += fragments.value.length;
    for (const fragment of fragments.value) this.transmit(iface, nextHop, encodeIpv6(fragment), request.linkLayerDestination);
    return { ok: true };
  }

  /** Hands a whole IPv6 packet to the link: multicast to its 33:33 MAC, unicast through the neighbour cache. */
  output(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array): void {
    this.transmit(iface, nextHop, packet, undefined);
  }

  /**
   * Runs the hooks of `point` on a packet; a drop is counted and traced on `ingress` (or
   * `egress` for local output) with the hook's reason.
   */
  private filter(point: IpHookPoint, packet: Ipv6Packet, bytes: Uint8Array, ingress: NetInterface | null, egress: NetInterface | null): IpHookVerdict {
    if (!this.hooks.has(point)) return ACCEPTED;
    const verdict = this.hooks.run({ point, version: 6, source: packet.source, destination: packet.destination, protocol: packet.nextHeader, hopLimit: packet.hopLimit, bytes, ingress, egress });
    if (verdict.kind === 'drop') this.discard((ingress ?? egress)!, bytes, verdict.reason);
    return verdict;
  }

  /** Asks the ICMPv6 module to report an error about `raw` (no-op when none is installed). */
  reportError(raw: Uint8Array, ingress: NetInterface | null, error: Ipv6Error): void {
    this.errorReporter?.(raw, ingress, error);
  }

  private transmit(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array, linkLayerDestination: MacAddress | undefined): void {
    iface.adapter.sendIpv6(iface, nextHop, packet, linkLayerDestination);
  }

  private sendToSelf(request: Ipv6SendRequest, iface: NetInterface): Ipv6SendResult {
    const header: Ipv6Packet = {
      trafficClass: request.trafficClass ?? 0,
      flowLabel: request.flowLabel ?? 0,
      nextHeader: request.protocol,
      hopLimit: request.hopLimit ?? this.defaultHopLimit,
      source: request.source ?? request.destination,
      destination: request.destination,
      payload: request.payload,
    };
    const packet = encodeIpv6(header);
    this.counters.sent++;
    if (this.hooks.has('local-output')) {
      const verdict = this.filter('local-output', header, packet, null, iface);
      if (verdict.kind === 'drop') return { ok: false, reason: 'filtered' };
      if (verdict.kind === 'take') return { ok: true };
    }
    // Through the loopback path: delivered as a new event, never on a wire.
    this.stack.context.setTimer(0, () => {
      const decoded = decodeIpv6(packet);
      if (decoded.ok) this.deliver(decoded.value, iface, packet);
    });
    return { ok: true };
  }

  // ---- input ----

  private receive(iface: NetInterface, bytes: Uint8Array): void {
    this.counters.received++;
    if (!iface.ipv6.enabled) return this.discard(iface, bytes, 'ipv6-disabled');
    if (this.extraOf(iface).stalled) return this.discard(iface, bytes, 'ipv6-stalled');
    const decoded = decodeIpv6(bytes);
    if (!decoded.ok) return this.discard(iface, bytes, 'malformed');
    const packet = decoded.value;
    const raw = bytes.length === IPV6_HEADER_LENGTH + packet.payload.length ? bytes : bytes.subarray(0, IPV6_HEADER_LENGTH + packet.payload.length);
    if (this.hooks.has('pre-routing') && this.filter('pre-routing', packet, raw, iface, null).kind !== 'accept') return;
    const destination = packet.destination;
    if (isMulticast(destination)) {
      if (!isIpv6GroupMember(iface, destination)) return this.discard(iface, raw, 'not-member');
      return this.deliver(packet, iface, raw);
    }
    const own = this.ownAddress(destination, iface);
    // An address of a down interface is not an IOS router's own: forwarded like any other packet.
    if (own !== undefined && this.stack.ownsAddressesOf(own.iface)) {
      // RFC 4862 section 5.4: a tentative address receives nothing but DAD's NS/NA (which go to multicast).
      if (own.entry.state === 'tentative' || own.entry.state === 'duplicate') return this.discard(iface, raw, 'dad-tentative');
      return this.deliver(packet, iface, raw);
    }
    if (!this.stack.ipv6Forwarding || isLinkLocal(destination)) return this.discard(iface, raw, 'not-for-us');
    this.forward(packet, iface, raw);
  }

  private discard(iface: NetInterface, bytes: Uint8Array, reason: string): void {
    this.counters.dropped++;
    this.stack.drop(iface, bytes, reason);
  }

  /** Local delivery: the extension-header chain, reassembly, then the upper layer. */
  private deliver(packet: Ipv6Packet, iface: NetInterface, raw: Uint8Array): void {
    const walked = walkIpv6Headers(packet);
    if (!walked.ok) {
      this.discard(iface, raw, 'malformed');
      // RFC 8200 section 4.3: a Hop-by-Hop header anywhere but first → Parameter Problem code 1.
      if (walked.error.kind === 'bad-value') this.reportError(raw, iface, { kind: 'parameter-problem', code: 1, pointer: walked.error.offset });
      return;
    }
    const chain = walked.value;
    const multicastDestination = isMulticast(packet.destination);
    for (let i = 0; i < chain.headers.length; i++) {
      const header = chain.headers[i]!;
      const offset = chain.headerOffsets[i]!;
      if (header.kind === 'hop-by-hop-options' || header.kind === 'destination-options') {
        const verdict = this.checkOptions(header.options, offset, multicastDestination);
        if (verdict !== null) {
          this.discard(iface, raw, 'unknown-option');
          if (verdict >= 0) this.reportError(raw, iface, { kind: 'parameter-problem', code: 2, pointer: verdict });
          return;
        }
      } else if (header.kind === 'routing' && header.segmentsLeft > 0) {
        // RFC 8200 section 4.4: an unrecognised Routing Type with Segments Left → code 0 at the type field.
        this.discard(iface, raw, 'unknown-routing-type');
        return this.reportError(raw, iface, { kind: 'parameter-problem', code: 0, pointer: offset + 2 });
      }
    }
    if (chain.fragmented) {
      const last = chain.headers.length - 1;
      const fragment = chain.headers[last]!;
      if (fragment.kind === 'fragment' && (fragment.fragmentOffset !== 0 || fragment.moreFragments)) {
        return this.reassemble(packet, iface, raw, chain.headerOffsets, chain.upperLayerBytes, fragment);
      }
      // An atomic fragment (offset 0, M clear) is a whole packet (RFC 6946 section 4).
    }
    const protocol = chain.upperLayer;
    if (protocol === NO_NEXT_HEADER) return;
    if (this.hooks.has('local-input') && this.filter('local-input', packet, raw, iface, null).kind !== 'accept') return;
    const handler = this.protocols.get(protocol);
    if (handler === undefined) {
      this.discard(iface, raw, 'unknown-next-header');
      return this.reportError(raw, iface, { kind: 'parameter-problem', code: 1, pointer: chain.upperLayerPointer });
    }
    this.counters.delivered++;
    handler(
      {
        source: packet.source,
        destination: packet.destination,
        hopLimit: packet.hopLimit,
        trafficClass: packet.trafficClass,
        flowLabel: packet.flowLabel,
        protocol,
        payload: chain.upperLayerBytes,
        extensionHeaders: chain.headers,
      },
      iface,
      raw,
    );
  }

  /**
   * RFC 8200 section 4.2: an unrecognised option acts on its two high bits. Returns null to go
   * on, -1 to discard silently, or the pointer of a Parameter Problem code 2 to send.
   */
  private checkOptions(options: readonly Ipv6Option[], headerOffset: number, multicastDestination: boolean): number | null {
    let at = headerOffset + 2;
    for (const option of options) {
      const size = option.kind === 'pad1' ? 1 : option.kind === 'router-alert' ? 4 : 2 + option.data.length;
      if (option.kind === 'other') {
        const action = ipv6OptionAction(ipv6OptionType(option));
        if (action === 'discard') return -1;
        if (action === 'discard-send-icmp') return at;
        if (action === 'discard-send-icmp-unless-multicast') return multicastDestination ? -1 : at;
      }
      at += size;
    }
    return null;
  }

  private reassemble(
    packet: Ipv6Packet,
    iface: NetInterface,
    raw: Uint8Array,
    headerOffsets: readonly number[],
    data: Uint8Array,
    fragment: Extract<Ipv6ExtensionHeader, { kind: 'fragment' }>,
  ): void {
    this.counters.fragmentsReceived++;
    const fragmentHeaderOffset = headerOffsets[headerOffsets.length - 1]!;
    // RFC 8200 section 4.5: a non-last fragment must carry a multiple of 8 bytes.
    if (fragment.moreFragments && data.length % 8 !== 0) {
      this.discard(iface, raw, 'malformed');
      return this.reportError(raw, iface, { kind: 'parameter-problem', code: 0, pointer: 4 });
    }
    if (fragment.fragmentOffset * 8 + data.length > 0xffff) {
      this.discard(iface, raw, 'malformed');
      return this.reportError(raw, iface, { kind: 'parameter-problem', code: 0, pointer: fragmentHeaderOffset + 2 });
    }
    const piece: Ipv6Fragment = {
      source: packet.source,
      destination: packet.destination,
      identification: fragment.identification,
      offsetBytes: fragment.fragmentOffset * 8,
      moreFragments: fragment.moreFragments,
      nextHeader: fragment.nextHeader,
      data,
      raw,
      fragmentHeaderOffset,
      previousNextHeaderOffset: headerOffsets.length >= 2 ? headerOffsets[headerOffsets.length - 2]! : 6,
    };
    const outcome = this.reassembler.add(piece);
    if (outcome.kind === 'discarded') return this.discard(iface, raw, outcome.reason);
    if (outcome.kind === 'pending') return;
    this.counters.reassembled++;
    const whole = decodeIpv6(outcome.packet);
    if (whole.ok) this.deliver(whole.value, iface, outcome.packet);
  }

  // ---- forwarding ----

  private forward(packet: Ipv6Packet, ingress: NetInterface, raw: Uint8Array): void {
    if (packet.source === UNSPECIFIED || isMulticast(packet.source)) return this.discard(ingress, raw, 'bad-source');
    if (packet.hopLimit <= 1) {
      this.discard(ingress, raw, 'hop-limit-exceeded');
      return this.reportError(raw, ingress, { kind: 'time-exceeded', code: 0 });
    }
    const decision: Ipv6ForwardingDecision | undefined = this.routeLookup.lookup(packet.destination);
    if (decision === undefined || decision.iface === null || decision.discard || !decision.iface.operUp) {
      this.discard(ingress, raw, 'no-route');
      return this.reportError(raw, ingress, { kind: 'destination-unreachable', code: 0 });
    }
    const egress = decision.iface;
    if (isLinkLocal(packet.source) && egress !== ingress) {
      // RFC 4443 section 3.1: a link-local source cannot leave its link → code 2, beyond scope.
      this.discard(ingress, raw, 'beyond-scope');
      return this.reportError(raw, ingress, { kind: 'destination-unreachable', code: 2 });
    }
    if (this.hooks.has('forward') && this.filter('forward', packet, raw, ingress, egress).kind !== 'accept') return;
    if (raw.length > egress.ipv6MtuBytes) {
      // RFC 8200 section 5: routers never fragment; RFC 4443 section 3.2: Packet Too Big with the next-hop MTU.
      this.discard(ingress, raw, 'packet-too-big');
      return this.reportError(raw, ingress, { kind: 'packet-too-big', mtu: egress.ipv6MtuBytes });
    }
    this.counters.forwarded++;
    const copy = copyBytes(raw);
    copy[7] = packet.hopLimit - 1;
    if (this.hooks.has('post-routing') && this.filter('post-routing', { ...packet, hopLimit: packet.hopLimit - 1 }, copy, ingress, egress).kind !== 'accept') return;
    this.transmit(egress, decision.nextHop, copy, undefined);
  }

  // ---- helpers ----

  private extraOf(iface: NetInterface): InterfaceExtra {
    let extra = iface.getData(EXTRA);
    if (extra === undefined) {
      extra = { explicitlyEnabled: false, stalled: false };
      iface.setData(EXTRA, extra);
    }
    return extra;
  }

  private activate(iface: NetInterface): void {
    if (iface.ipv6.enabled) return;
    iface.ipv6.enabled = true;
    this.neighbors.parameters(iface);
    if (iface.kind !== 'loopback' && iface.kind !== 'null') joinIpv6Group(iface, ALL_NODES);
    if (this.linkLocalOf(iface) === undefined && iface.kind !== 'null') {
      this.addAddress(iface, { address: linkLocalAddressFor(this.stack.personality.ipv6.linkLocalIdMode, this.stack.context.random, iface), prefixLength: 64, origin: 'link-local' });
    }
  }

  private deactivate(iface: NetInterface): void {
    if (!iface.ipv6.enabled) return;
    for (const entry of [...iface.ipv6.addresses]) this.removeAddress(iface, entry.address);
    if (iface.kind !== 'loopback' && iface.kind !== 'null') leaveIpv6Group(iface, ALL_NODES);
    this.neighbors.flush(iface);
    iface.ipv6.enabled = false;
  }

  private interfaceForAddress(address: Ipv6Address): NetInterface | undefined {
    return this.localAddresses.get(address)?.iface;
  }

  /** Without a RIB: the prefixes of the interfaces' own addresses, longest first (on-link only). */
  private readonly connectedLookup: Ipv6RouteLookup = {
    lookup: (destination) => {
      let best: Ipv6ForwardingDecision | undefined;
      for (const iface of this.stack.interfaces) {
        if (!iface.operUp || !iface.ipv6.enabled) continue;
        for (const entry of iface.ipv6.addresses) {
          if (isLinkLocal(entry.address) || entry.state === 'duplicate') continue;
          if (ipv6NetworkPart(entry.address, entry.prefixLength) !== ipv6NetworkPart(destination, entry.prefixLength)) continue;
          if (best !== undefined && best.route.prefixLength >= entry.prefixLength) continue;
          best = {
            route: { network: ipv6NetworkPart(entry.address, entry.prefixLength), prefixLength: entry.prefixLength, nextHop: null, iface, source: 'connected', distance: 0, metric: 0 },
            iface,
            nextHop: destination,
            onLink: true,
            discard: false,
          };
        }
      }
      return best;
    },
  };
}
