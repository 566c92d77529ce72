/**
 * UDP for one device (RFC 768, RFC 1122 section 4.1): sockets that bind, connect, send and
 * receive over both families, and what a host or router does with a datagram for a port nobody
 * listens on: drop it (`no-listener`) and answer ICMP port unreachable (RFC 1122 section
 * 4.1.3.1; RFC 4443 section 3.1 code 4 for IPv6). That answer is what ends a UDP traceroute
 * at its destination.
 *
 * Sockets (socket.ts `DatagramSocket`): `bind` takes an address (or the wildcard, which hears
 * both families, as a dual-stack [::] socket) and a port (0: an ephemeral port of the OS's
 * range, ephemeral-ports.ts); `connect` fixes the peer, so only its datagrams are received;
 * `send` binds an ephemeral port first when needed (RFC 1122 section 4.1.3.4 style). A datagram
 * goes to the most specific socket of its port: connected to its source, then bound to its
 * destination address, then the wildcard. Two sockets may not share a port on overlapping
 * addresses (no SO_REUSEADDR). `bind(port, handler)` is the older call for a wildcard listener.
 * Probes send through `sendDatagram` (no socket: their source port is chosen by the tool).
 * Checksums are verified (a bad one is dropped as `bad-checksum`, RFC 1122 section 4.1.3.4).
 * The module registers protocol 17 with the IP layers the stack has when it is made, and with an
 * IPv6 layer added later through `attachIpv6`.
 * Leaves out: ICMP errors reported to connected sockets (ECONNREFUSED), broadcast and multicast
 * delivery rules, SO_REUSEADDR/SO_REUSEPORT, IPV6_V6ONLY.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import { IP_PROTOCOL_UDP, type Ipv4Header } from '../../wire/ipv4';
import { decodeUdp, encodeUdp, type UdpDatagram } from '../../wire/udp';
import { IPV4, type Ipv4Layer } from '../ipv4-layer';
import { IPV6, type Ipv6Datagram, type Ipv6Layer } from '../ipv6/ipv6-layer';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { EphemeralPorts } from './ephemeral-ports';
import { sendSegmentIpv4, sendSegmentIpv6 } from './ip-endpoint';
import type { DatagramMessage, DatagramSocket, LocalEndpoint, SocketError, TransportAddress, TransportEndpoint, SegmentSendResult, TransportSendOptions, TransportSendResult } from './socket';

export type UdpAddress = TransportAddress;

/** One datagram for a bound port (the older handler interface). */
export interface UdpDelivery {
  readonly source: UdpAddress;
  readonly destination: UdpAddress;
  readonly datagram: UdpDatagram;
  readonly iface: NetInterface;
}

export type UdpHandler = (delivery: UdpDelivery) => void;

/** A datagram to send without a socket (probes): the tool picks both ports. */
export interface UdpSendRequest extends TransportSendOptions {
  readonly destination: UdpAddress;
  readonly source?: UdpAddress;
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly data: Uint8Array;
}

export const UDP = new DataKey<UdpModule>('UDP');

function isIpv6(address: UdpAddress): address is Ipv6Address {
  return typeof address === 'bigint';
}

type BindResult = { readonly ok: true } | { readonly ok: false; readonly error: SocketError };
const BOUND: BindResult = { ok: true };

export class UdpSocket implements DatagramSocket {
  local: { address: UdpAddress | undefined; port: number } | undefined = undefined;
  remote: TransportEndpoint | undefined = undefined;
  closed = false;
  private listeners: ((message: DatagramMessage) => void)[] = [];
  /** The older per-port handler, when the socket was made by `UdpModule.bind(port, handler)`. */
  handler: UdpHandler | null = null;

  constructor(private readonly udp: UdpModule) {}

  bind(local: LocalEndpoint = {}): BindResult {
    if (this.closed) return { ok: false, error: 'closed' };
    if (this.local !== undefined) return { ok: false, error: 'invalid-argument' };
    return this.udp.attach(this, local.address, local.port ?? 0);
  }

  connect(remote: TransportEndpoint): BindResult {
    if (this.closed) return { ok: false, error: 'closed' };
    if (!(remote.port >= 1 && remote.port <= 0xffff)) return { ok: false, error: 'invalid-argument' };
    if (this.local === undefined) {
      const bound = this.bind();
      if (!bound.ok) return bound;
    }
    this.remote = remote;
    return BOUND;
  }

  send(data: Uint8Array, to?: TransportEndpoint, options: TransportSendOptions = {}): TransportSendResult {
    if (this.closed) return { ok: false, reason: 'closed' };
    const peer = to ?? this.remote;
    if (peer === undefined) return { ok: false, reason: 'not-connected' };
    if (this.local === undefined) {
      const bound = this.bind();
      if (!bound.ok) return { ok: false, reason: bound.error };
    }
    const local = this.local!;
    return this.udp.sendDatagram({ ...options, destination: peer.address, ...(local.address !== undefined && { source: local.address }), sourcePort: local.port, destinationPort: peer.port, data });
  }

  onMessage(listener: (message: DatagramMessage) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.udp.detach(this);
  }

  /** How well this socket matches a datagram (higher is more specific), or -1 when it does not. */
  matchScore(delivery: UdpDelivery): number {
    const local = this.local!;
    if (local.address !== undefined && local.address !== delivery.destination) return -1;
    const remote = this.remote;
    if (remote !== undefined && (remote.address !== delivery.source || remote.port !== delivery.datagram.sourcePort)) return -1;
    return (remote !== undefined ? 2 : 0) + (local.address !== undefined ? 1 : 0);
  }

  deliver(delivery: UdpDelivery): void {
    if (this.handler !== null) this.handler(delivery);
    if (this.listeners.length === 0) return;
    const message: DatagramMessage = {
      data: delivery.datagram.payload,
      from: { address: delivery.source, port: delivery.datagram.sourcePort },
      to: { address: delivery.destination, port: delivery.datagram.destinationPort },
      iface: delivery.iface,
    };
    for (const listener of this.listeners) listener(message);
  }
}

export class UdpModule {
  private readonly ports = new Map<number, UdpSocket[]>();
  private ipv4: Ipv4Layer | null = null;
  private ipv6: Ipv6Layer | null = null;
  private ephemeral: EphemeralPorts | null = null;
  readonly counters = { received: 0, delivered: 0, noListener: 0, badChecksum: 0, sent: 0 };

  constructor(readonly stack: NodeStack) {
    const ipv4: Ipv4Layer | undefined = stack.find(IPV4);
    if (ipv4 !== undefined) {
      this.ipv4 = ipv4;
      ipv4.protocols.register(IP_PROTOCOL_UDP, (packet, iface, raw) => this.receiveIpv4(ipv4, packet, iface, raw));
    }
    const ipv6 = stack.find(IPV6);
    if (ipv6 !== undefined) this.attachIpv6(ipv6);
    stack.provide(UDP, this);
  }

  /** A new, unbound socket. */
  open(): UdpSocket {
    return new UdpSocket(this);
  }

  /** Binds `port` on every address to `handler` (the older interface); false when the port is taken. */
  bind(port: number, handler: UdpHandler): boolean {
    const socket = new UdpSocket(this);
    socket.handler = handler;
    return socket.bind({ port }).ok;
  }

  /** Closes what `bind(port, handler)` opened on `port`. */
  unbind(port: number): void {
    for (const socket of [...(this.ports.get(port) ?? [])]) if (socket.handler !== null) socket.close();
  }

  /** The sockets bound to `port` (for `ss -ulpn`, `netstat -an`). */
  socketsOn(port: number): readonly UdpSocket[] {
    return this.ports.get(port) ?? [];
  }

  /** Registers UDP with an IPv6 layer (once); datagrams to closed ports get ICMPv6 port unreachable (code 4). */
  attachIpv6(ipv6: Ipv6Layer): void {
    if (this.ipv6 !== null) return;
    this.ipv6 = ipv6;
    ipv6.protocols.register(IP_PROTOCOL_UDP, (datagram, iface, raw) => this.receiveIpv6(ipv6, datagram, iface, raw));
  }

  /** Sends one datagram (the checksum over the pseudo-header of the chosen source). */
  sendDatagram(request: UdpSendRequest): SegmentSendResult {
    const { sourcePort, destinationPort, data } = request;
    this.counters.sent++;
    if (isIpv6(request.destination)) {
      if (this.ipv6 === null) return { ok: false, reason: 'no-route' };
      const destination = request.destination;
      return sendSegmentIpv6(this.ipv6, {
        ...request,
        destination,
        source: request.source as Ipv6Address | undefined,
        protocol: IP_PROTOCOL_UDP,
        encode: (source) => encodeUdp({ sourcePort, destinationPort, payload: data }, { family: 6, source, destination }),
      });
    }
    if (this.ipv4 === null) return { ok: false, reason: 'no-route' };
    const destination = request.destination;
    return sendSegmentIpv4(this.ipv4, {
      ...request,
      destination,
      source: request.source as Ipv4Address | undefined,
      protocol: IP_PROTOCOL_UDP,
      encode: (source) => encodeUdp({ sourcePort, destinationPort, payload: data }, { family: 4, source, destination }),
    });
  }

  /** Puts `socket` in the port table (port 0: an ephemeral one). */
  attach(socket: UdpSocket, address: UdpAddress | undefined, port: number): BindResult {
    if (!(Number.isInteger(port) && port >= 0 && port <= 0xffff)) return { ok: false, error: 'invalid-argument' };
    const overlaps = (candidate: number): boolean => (this.ports.get(candidate) ?? []).some((other) => other.local!.address === undefined || address === undefined || other.local!.address === address);
    let chosen = port;
    if (chosen === 0) {
      const allocated = this.ephemeralPorts().allocate(overlaps);
      if (allocated === undefined) return { ok: false, error: 'no-ephemeral-port' };
      chosen = allocated;
    } else if (overlaps(chosen)) return { ok: false, error: 'address-in-use' };
    socket.local = { address, port: chosen };
    const list = this.ports.get(chosen);
    if (list === undefined) this.ports.set(chosen, [socket]);
    else list.push(socket);
    return BOUND;
  }

  /** Takes `socket` out of the port table. */
  detach(socket: UdpSocket): void {
    if (socket.local === undefined) return;
    const list = this.ports.get(socket.local.port);
    if (list === undefined) return;
    const index = list.indexOf(socket);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.ports.delete(socket.local.port);
  }

  private ephemeralPorts(): EphemeralPorts {
    if (this.ephemeral === null) {
      const settings = this.stack.personality.transport;
      this.ephemeral = new EphemeralPorts(this.stack.context.random.derive('ephemeral-ports'), settings.ephemeralPortFirst, settings.ephemeralPortLast);
    }
    return this.ephemeral;
  }

  private receiveIpv6(ipv6: Ipv6Layer, datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array): void {
    this.counters.received++;
    const { source, destination } = datagram;
    const decoded = decodeUdp(datagram.payload, { family: 6, source, destination });
    if (!decoded.ok) {
      this.counters.badChecksum++;
      return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    this.dispatch({ source, destination, datagram: decoded.value, iface }, raw, () => {
      // RFC 4443 section 3.1 code 4; the ICMPv6 module refuses it for multicast destinations (2.4 e.3).
      ipv6.reportError(raw, iface, { kind: 'destination-unreachable', code: 4 });
    });
  }

  private receiveIpv4(ipv4: Ipv4Layer, packet: Ipv4Header, iface: NetInterface, raw: Uint8Array): void {
    this.counters.received++;
    const decoded = decodeUdp(packet.payload, { family: 4, source: packet.source, destination: packet.destination });
    if (!decoded.ok) {
      this.counters.badChecksum++;
      return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    this.dispatch({ source: packet.source, destination: packet.destination, datagram: decoded.value, iface }, raw, () => {
      // Only for unicast to one of our addresses (RFC 1122 section 4.1.3.1; the ICMP module also refuses broadcasts).
      if (ipv4.localInterfaceOf(packet.destination) !== undefined) ipv4.reportError(raw, iface, { kind: 'unreachable', code: 3 });
    });
  }

  private dispatch(delivery: UdpDelivery, raw: Uint8Array, portUnreachable: () => void): void {
    let best: UdpSocket | undefined;
    let bestScore = -1;
    for (const socket of this.ports.get(delivery.datagram.destinationPort) ?? []) {
      const score = socket.matchScore(delivery);
      if (score > bestScore) {
        best = socket;
        bestScore = score;
      }
    }
    if (best === undefined) {
      this.counters.noListener++;
      this.stack.drop(delivery.iface, raw, 'no-listener');
      portUnreachable();
      return;
    }
    this.counters.delivered++;
    best.deliver(delivery);
  }
}

/** The UDP module of a stack, created on first use (after the IP layers). */
export function ensureUdp(stack: NodeStack): UdpModule {
  return stack.find(UDP) ?? new UdpModule(stack);
}
