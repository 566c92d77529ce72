/**
 * IPv4 for one device: input, local delivery, forwarding and output (RFC 791, RFC 1122 section
 * 3.3, RFC 1812 section 5). Input verifies the header (the codec checks version, lengths and
 * checksum: a bad one is dropped as `bad-checksum`), delivers packets for the device's own
 * addresses, limited and directed broadcasts and multicast to the protocol registered for
 * them (reassembling fragments first), and forwards the rest when the device routes:
 * TTL decrement with the incremental checksum update of RFC 1624, longest-prefix match in the
 * FIB, fragmentation when DF is clear and the packet exceeds the exit MTU (RFC 791 section
 * 3.2), ICMP errors otherwise (time exceeded, net/host/protocol unreachable, fragmentation
 * needed with the next-hop MTU of RFC 1191) through the reporter the ICMP module installs.
 * Output picks the source address of the exit interface (RFC 1812 section 4.2.2.5 style),
 * fragments as a router would, and hands each packet with its next hop to the interface's link
 * adapter (link-adapter.ts: Ethernet resolves it with ARP; the layer never frames a packet).
 * Hooks (ip-hooks.ts) run at pre-routing, local input, forward, local output and post-routing;
 * a hook's drop reason reaches the trace, a local-output drop fails the send as `filtered`.
 * Leaves out: IP options processing (kept as bytes, dropped from non-first fragments), ICMP
 * redirects, directed-broadcast forwarding (IOS `no ip directed-broadcast` default), multicast
 * routing, the strong host model.
 */
import type { Ipv4Address } from '../addr/ipv4';
import { finishChecksum } from '../wire/checksum';
import { copyBytes } from '../wire/frame-bytes';
import { decodeIpv4, encodeIpv4, IPV4_MIN_HEADER_LENGTH, type Ipv4Header } from '../wire/ipv4';
import { ARP, type ArpModule } from './arp';
import { IPV4_FIB, ipv4MaskOf, type Ipv4RouteLookup } from './ipv4-fib';
import { Ipv4Reassembler } from './ipv4-reassembly';
import { IpHookChain, type IpHookPoint, type IpHookVerdict } from './ip-hooks';
import { DataKey, type NetInterface } from './net-interface';
import type { NodeStack } from './node-stack';
import { ProtocolTable } from './protocol-table';
import { Ipv4Rib } from './routing/ipv4-rib';
import type { Route } from './routing/route';

/** Handles a datagram for this device (reassembled; `raw` is the packet as received, for quoting in errors). */
export type Ipv4ProtocolHandler = (packet: Ipv4Header, iface: NetInterface, raw: Uint8Array) => void;

/** An ICMP error the IPv4 layer asks the ICMP module to send about `raw` (RFC 792). */
export type Ipv4Error =
  | { readonly kind: 'time-exceeded'; readonly code: 0 | 1 }
  | { readonly kind: 'unreachable'; readonly code: number; readonly nextHopMtu?: number };

export type Ipv4ErrorReporter = (raw: Uint8Array, ingress: NetInterface | null, error: Ipv4Error) => void;

export interface Ipv4SendRequest {
  readonly destination: Ipv4Address;
  readonly protocol: number;
  readonly payload: Uint8Array;
  /** Must be one of the device's addresses; by default the exit interface's. */
  readonly source?: Ipv4Address;
  readonly timeToLive?: number;
  readonly dontFragment?: boolean;
  readonly dscp?: number;
  readonly identification?: number;
  /** Send out this interface without a route lookup (broadcasts, DHCP). */
  readonly iface?: NetInterface;
}

/** `filtered`: a local-output or post-routing hook dropped it (Linux reports EPERM, "Operation not permitted"). */
export type Ipv4SendFailure = 'no-route' | 'fragmentation-needed' | 'no-source-address' | 'interface-down' | 'filtered';
export type Ipv4SendResult = { readonly ok: true } | { readonly ok: false; readonly reason: Ipv4SendFailure; readonly mtuBytes?: number };


export const IPV4 = new DataKey<Ipv4Layer>('IPv4');

const LIMITED_BROADCAST = 0xffffffff as Ipv4Address;
const OUTPUT_POINTS: readonly IpHookPoint[] = ['local-output', 'post-routing'];
const ACCEPTED: IpHookVerdict = { kind: 'accept' };

function isMulticast(address: Ipv4Address): boolean {
  return address >>> 28 === 0xe;
}

/** RFC 1624 eqn. 3: the header checksum after one 16-bit word changed from `oldWord` to `newWord`. */
function updateChecksum(checksum: number, oldWord: number, newWord: number): number {
  return finishChecksum((~checksum & 0xffff) + (~oldWord & 0xffff) + newWord);
}

export class Ipv4Layer {
  readonly protocols: ProtocolTable<Ipv4ProtocolHandler>;
  /** Pre-routing, local input, forward, local output and post-routing hooks (ip-hooks.ts). */
  readonly hooks = new IpHookChain<Ipv4Address>();
  /** The RIB whose FIB forwarding and output use (routing/ipv4-rib.ts); a test may provide another IPV4_FIB. */
  readonly fib: Ipv4Rib;
  readonly defaultTtl: number;
  errorReporter: Ipv4ErrorReporter | null = null;
  private readonly localAddresses = new Map<Ipv4Address, NetInterface>();
  /** The connected and local routes syncConnectedRoutes made per interface. */
  private readonly connectedRoutes = new Map<NetInterface, Route<Ipv4Address>[]>();
  private readonly reassembler: Ipv4Reassembler;
  private identification: number;
  readonly counters = { received: 0, delivered: 0, forwarded: 0, sent: 0, fragmentsCreated: 0, reassembled: 0, dropped: 0 };

  constructor(
    readonly stack: NodeStack,
    private readonly arp: ArpModule = stack.findRequired(ARP),
  ) {
    this.protocols = new ProtocolTable(`${stack.context.deviceName} IPv4`);
    this.fib = new Ipv4Rib(stack);
    this.defaultTtl = stack.personality.ipv4.defaultTtl;
    this.identification = stack.context.random.derive('ipv4-id').uniformInt(0, 0xffff);
    this.reassembler = new Ipv4Reassembler(stack.context, stack.personality.ipv4.reassemblyTimeoutS, ({ firstRaw }) => {
      if (firstRaw !== null) this.reportError(firstRaw, null, { kind: 'time-exceeded', code: 1 });
    });
    stack.registerIpInput(4, (iface, packet) => this.receive(iface, packet));
    stack.provide(IPV4, this);
    stack.provide(IPV4_FIB, this.fib);
    stack.onInterfaceEvent((event) => {
      switch (event.kind) {
        case 'ipv4-address-added':
          this.localAddresses.set(event.address.address, event.iface);
          this.syncConnectedRoutes(event.iface);
          break;
        case 'ipv4-address-removed':
          this.localAddresses.delete(event.address.address);
          this.syncConnectedRoutes(event.iface);
          break;
        case 'up':
        case 'down':
          this.syncConnectedRoutes(event.iface);
          break;
        default:
          break;
      }
    });
    arp.onUnresolved = (iface, _ip, packets) => {
      // RFC 1812 section 4.3.3.1: a router that cannot resolve the next hop says host unreachable.
      if (stack.ipv4Forwarding) for (const packet of packets) this.reportError(packet, iface, { kind: 'unreachable', code: 1 });
    };
  }

  /** The route lookup in use: the one provided under IPV4_FIB (a RIB may replace the simple FIB). */
  get routeLookup(): Ipv4RouteLookup {
    return this.stack.find(IPV4_FIB) ?? this.fib;
  }

  /** The interface that owns `address`, when it is one of the device's own. */
  localInterfaceOf(address: Ipv4Address): NetInterface | undefined {
    return this.localAddresses.get(address);
  }

  /** The interface that owns `address` while the address counts as the device's own (NodeStack.ownsAddressesOf). */
  private liveLocalInterfaceOf(address: Ipv4Address): NetInterface | undefined {
    const owner = this.localAddresses.get(address);
    return owner !== undefined && this.stack.ownsAddressesOf(owner) ? owner : undefined;
  }

  /** Sends a datagram from this device (a protocol module's output). */
  send(request: Ipv4SendRequest): Ipv4SendResult {
    const destination = request.destination;
    let iface = request.iface ?? null;
    let nextHop = destination;
    if (iface === null) {
      const local = this.liveLocalInterfaceOf(destination);
      if (local !== undefined) return this.sendToSelf(request, local);
      const decision = this.routeLookup.lookup(destination);
      if (decision === undefined || decision.iface === null) return { ok: false, reason: 'no-route' };
      iface = decision.iface;
      nextHop = decision.nextHop;
    }
    if (!iface.operUp) return { ok: false, reason: 'interface-down' };
    const source = request.source ?? (iface.ipv4AddressCovering(nextHop) ?? iface.primaryIpv4)?.address ?? this.anyAddress();
    if (source === undefined) return { ok: false, reason: 'no-source-address' };
    const header: Ipv4Header = {
      dscp: request.dscp ?? 0,
      ecn: 0,
      identification: request.identification ?? this.nextIdentification(),
      reservedFlag: false,
      dontFragment: request.dontFragment ?? false,
      moreFragments: false,
      fragmentOffset: 0,
      timeToLive: request.timeToLive ?? this.defaultTtl,
      protocol: request.protocol,
      source,
      destination,
      options: new Uint8Array(0),
      payload: request.payload,
    };
    const length = IPV4_MIN_HEADER_LENGTH + request.payload.length;
    this.counters.sent++;
    let encoded: Uint8Array | null = null;
    if (this.hooks.has('local-output') || this.hooks.has('post-routing')) {
      encoded = encodeIpv4(header);
      for (const point of OUTPUT_POINTS) {
        const verdict = this.filter(point, header, encoded, null, iface);
        if (verdict.kind === 'drop') return { ok: false, reason: 'filtered' };
        if (verdict.kind === 'take') return { ok: true };
      }
    }
    if (length > iface.mtuBytes) {
      if (header.dontFragment) return { ok: false, reason: 'fragmentation-needed', mtuBytes: iface.mtuBytes };
      for (const fragment of this.fragment(header, iface.mtuBytes)) this.output(iface, nextHop, fragment);
      return { ok: true };
    }
    this.output(iface, nextHop, encoded ?? encodeIpv4(header));
    return { ok: true };
  }

  /**
   * Runs the hooks of `point` on a packet; a drop is counted and traced on `ingress` (or
   * `egress` for local output) with the hook's reason.
   */
  private filter(point: IpHookPoint, header: Ipv4Header, bytes: Uint8Array, ingress: NetInterface | null, egress: NetInterface | null): IpHookVerdict {
    if (!this.hooks.has(point)) return ACCEPTED;
    const verdict = this.hooks.run({ point, version: 4, source: header.source, destination: header.destination, protocol: header.protocol, hopLimit: header.timeToLive, bytes, ingress, egress });
    if (verdict.kind === 'drop') {
      this.counters.dropped++;
      this.stack.drop((ingress ?? egress)!, bytes, verdict.reason);
    }
    return verdict;
  }

  /** Asks the ICMP module to report an error about `raw` (no-op when none is installed). */
  reportError(raw: Uint8Array, ingress: NetInterface | null, error: Ipv4Error): void {
    this.errorReporter?.(raw, ingress, error);
  }

  /** Hands an IPv4 packet for neighbour `nextHop` (or a broadcast) to the link adapter of `iface`. */
  output(iface: NetInterface, nextHop: Ipv4Address, packet: Uint8Array): void {
    iface.adapter.sendIpv4(iface, nextHop, packet, nextHop === LIMITED_BROADCAST || this.isDirectedBroadcast(iface, nextHop));
  }

  private anyAddress(): Ipv4Address | undefined {
    for (const address of this.localAddresses.keys()) return address;
    return undefined;
  }

  private nextIdentification(): number {
    this.identification = (this.identification + 1) & 0xffff;
    return this.identification;
  }

  private isDirectedBroadcast(iface: NetInterface, address: Ipv4Address): boolean {
    for (const entry of iface.ipv4Addresses) {
      if (entry.prefixLength >= 31) continue;
      const mask = ipv4MaskOf(entry.prefixLength);
      if (((entry.address ^ address) & mask) === 0 && ((address | mask) >>> 0) === 0xffffffff) return true;
    }
    return false;
  }

  private isForUs(iface: NetInterface, destination: Ipv4Address): boolean {
    return this.liveLocalInterfaceOf(destination) !== undefined || destination === LIMITED_BROADCAST || isMulticast(destination) || this.isDirectedBroadcast(iface, destination);
  }

  private syncConnectedRoutes(iface: NetInterface): void {
    // The routes this made for the interface before, removed by identity (no scan of the RIB:
    // 10,000 loopbacks at boot stay linear).
    const previous = this.connectedRoutes.get(iface);
    if (previous !== undefined) this.fib.removeRoutes(previous);
    this.connectedRoutes.delete(iface);
    if (!iface.operUp) return;
    const added: Route<Ipv4Address>[] = [];
    for (const entry of iface.ipv4Addresses) {
      added.push(this.fib.add({ network: entry.address, prefixLength: entry.prefixLength, nextHop: null, iface, source: 'connected', distance: 0, metric: 0 }));
      if (entry.prefixLength < 32) added.push(this.fib.add({ network: entry.address, prefixLength: 32, nextHop: null, iface, source: 'local', distance: 0, metric: 0 }));
    }
    if (added.length > 0) this.connectedRoutes.set(iface, added);
  }

  private receive(iface: NetInterface, bytes: Uint8Array): void {
    this.counters.received++;
    const decoded = decodeIpv4(bytes);
    if (!decoded.ok) {
      this.counters.dropped++;
      return this.stack.drop(iface, bytes, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    const header = decoded.value;
    const raw = bytes.subarray(0, header.payload.byteOffset - bytes.byteOffset + header.payload.length);
    if (this.hooks.has('pre-routing') && this.filter('pre-routing', header, raw, iface, null).kind !== 'accept') return;
    if (this.isForUs(iface, header.destination)) return this.deliver(header, iface, raw);
    if (!this.stack.ipv4Forwarding) {
      this.counters.dropped++;
      return this.stack.drop(iface, raw, 'not-for-us');
    }
    this.forward(header, iface, raw);
  }

  private deliver(header: Ipv4Header, iface: NetInterface, raw: Uint8Array): void {
    let datagram = header;
    if (header.moreFragments || header.fragmentOffset !== 0) {
      const whole = this.reassembler.add(header, raw);
      if (whole === undefined) return;
      this.counters.reassembled++;
      datagram = whole;
    }
    if (this.hooks.has('local-input') && this.filter('local-input', datagram, datagram === header ? raw : encodeIpv4(datagram), iface, null).kind !== 'accept') return;
    const handler = this.protocols.get(datagram.protocol);
    if (handler === undefined) {
      this.counters.dropped++;
      this.stack.drop(iface, raw, 'unknown-protocol');
      if (this.localAddresses.has(datagram.destination)) this.reportError(raw, iface, { kind: 'unreachable', code: 2 });
      return;
    }
    this.counters.delivered++;
    handler(datagram, iface, raw);
  }

  private forward(header: Ipv4Header, ingress: NetInterface, raw: Uint8Array): void {
    if (header.timeToLive <= 1) {
      this.counters.dropped++;
      this.stack.drop(ingress, raw, 'hop-limit-exceeded');
      return this.reportError(raw, ingress, { kind: 'time-exceeded', code: 0 });
    }
    const decision = this.routeLookup.lookup(header.destination);
    if (decision === undefined || decision.iface === null) {
      this.counters.dropped++;
      this.stack.drop(ingress, raw, 'no-route');
      return this.reportError(raw, ingress, { kind: 'unreachable', code: decision === undefined ? 0 : 1 });
    }
    const egress = decision.iface;
    if (this.hooks.has('forward') && this.filter('forward', header, raw, ingress, egress).kind !== 'accept') return;
    this.counters.forwarded++;
    if (raw.length > egress.mtuBytes) {
      if (header.dontFragment) {
        this.counters.dropped++;
        this.stack.drop(ingress, raw, 'fragmentation-needed');
        return this.reportError(raw, ingress, { kind: 'unreachable', code: 4, nextHopMtu: egress.mtuBytes });
      }
      const decremented = { ...header, timeToLive: header.timeToLive - 1 };
      if (this.hooks.has('post-routing') && this.filter('post-routing', decremented, encodeIpv4(decremented), ingress, egress).kind !== 'accept') return;
      const fragments = this.fragment(decremented, egress.mtuBytes);
      for (const fragment of fragments) this.output(egress, decision.nextHop, fragment);
      return;
    }
    const packet = copyBytes(raw);
    const oldWord = (packet[8]! << 8) | packet[9]!;
    packet[8] = packet[8]! - 1;
    const checksum = updateChecksum((packet[10]! << 8) | packet[11]!, oldWord, (packet[8]! << 8) | packet[9]!);
    packet[10] = checksum >>> 8;
    packet[11] = checksum & 0xff;
    if (this.hooks.has('post-routing') && this.filter('post-routing', { ...header, timeToLive: header.timeToLive - 1 }, packet, ingress, egress).kind !== 'accept') return;
    this.output(egress, decision.nextHop, packet);
  }

  /** RFC 791 section 3.2 fragmentation: 8-byte-aligned pieces; options only in the first. */
  private fragment(header: Ipv4Header, mtuBytes: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    const payload = header.payload;
    const baseOffset = header.fragmentOffset * 8;
    let position = 0;
    while (position < payload.length) {
      const optionsLength = position === 0 ? (header.options.length + 3) & ~3 : 0;
      const room = Math.floor((mtuBytes - IPV4_MIN_HEADER_LENGTH - optionsLength) / 8) * 8;
      if (room <= 0) break;
      const end = Math.min(payload.length, position + room);
      const last = end === payload.length;
      out.push(
        encodeIpv4({
          ...header,
          options: position === 0 ? header.options : new Uint8Array(0),
          moreFragments: !last || header.moreFragments,
          fragmentOffset: (baseOffset + position) / 8,
          payload: payload.subarray(position, end),
        }),
      );
      position = end;
    }
    this.counters.fragmentsCreated += out.length;
    return out;
  }

  private sendToSelf(request: Ipv4SendRequest, iface: NetInterface): Ipv4SendResult {
    const header: Ipv4Header = {
      dscp: request.dscp ?? 0,
      ecn: 0,
      identification: request.identification ?? this.nextIdentification(),
      reservedFlag: false,
      dontFragment: request.dontFragment ?? false,
      moreFragments: false,
      fragmentOffset: 0,
      timeToLive: request.timeToLive ?? this.defaultTtl,
      protocol: request.protocol,
      source: request.source ?? request.destination,
      destination: request.destination,
      options: new Uint8Array(0),
      payload: request.payload,
    };
    const packet = encodeIpv4(header);
    this.counters.sent++;
    if (this.hooks.has('local-output')) {
      const verdict = this.filter('local-output', header, packet, null, iface);
      if (verdict.kind === 'drop') return { ok: false, reason: 'filtered' };
      if (verdict.kind === 'take') return { ok: true };
    }
    // Through the loopback path: delivered as a new event, never on a wire.
    this.stack.context.setTimer(0, () => {
      const decoded = decodeIpv4(packet);
      if (decoded.ok) this.deliver(decoded.value, iface, packet);
    });
    return { ok: true };
  }
}
