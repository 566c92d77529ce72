/**
 * ICMPv6 for one device (RFC 4443): receives every ICMPv6 message for the device (checksum over
 * the pseudo-header verified: a bad one is dropped as `bad-checksum`), hands Neighbor Discovery
 * and router discovery their types (a table by type, like the IPv6 protocol table), answers echo
 * requests (to unicast and to joined multicast groups such as ff02::1, which IOS, Linux and
 * Windows all answer, from a unicast source of the interface, section 4.2), learns Path MTU from
 * Packet Too Big (RFC 8201 section 4, only for packets this node sent), and passes everything to
 * listeners (ping and traceroute match their replies there).
 *
 * Errors the IPv6 layer reports are sent under section 2.4: never about an ICMPv6 error or a
 * Redirect (e.1), never about a packet to a multicast address except Packet Too Big and
 * Parameter Problem code 2 (e.3), never to an unspecified or multicast source (e.4); the source
 * is the address the offending packet was sent to when it is ours, else the one selected
 * towards the offending source (section 2.2); as much of the packet is quoted as fits in 1280
 * bytes (2.4 c). Rate limiting (2.4 f) is a token bucket per node, per flavour:
 *  - IOS: `ipv6 icmp error-interval 100 10`, the default: one token every 100 ms, bucket of 10
 *    (`show ipv6 interface` says "ICMP error messages limited to one every 100 milliseconds");
 *  - Linux: net.ipv6.icmp.ratelimit 1000 ms with the XRLIM burst of 6, and Packet Too Big exempt
 *    (net.ipv6.icmp.ratemask 0-1,3-127 leaves type 2 out, so PMTU discovery is never starved).
 *    Linux keeps the bucket per destination; per node is the same when one source probes;
 *  - Windows: no documented setting; it is a host that seldom sends errors, given the IOS values.
 * Leaves out: RFC 4884 extensions, Node Information queries, MLD (multicast-membership.ts).
 */
import { readIpv6, type Ipv6Address } from '../../addr/ipv6';
import type { MacAddress } from '../../addr/mac';
import { decodeIcmpv6, encodeIcmpv6, buildIcmpv6Error, ICMPV6_ECHO_REQUEST, ICMPV6_PROTOCOL, ICMPV6_REDIRECT, type Icmpv6Message } from '../../wire/icmpv6';
import { decodeIpv6, IPV6_HEADER_LENGTH } from '../../wire/ipv6';
import { walkIpv6Headers } from '../../wire/ipv6-extension-headers';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { ProtocolTable } from '../protocol-table';
import { TokenBucket } from '../rate-limiter';
import { IPV6, type Ipv6Datagram, type Ipv6Error, type Ipv6Layer, type Ipv6SendResult } from './ipv6-layer';

/** Handles one ICMPv6 message type (NDP 135/136, router discovery 133/134/137). */
export type Icmpv6TypeHandler = (message: Icmpv6Message, datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array) => void;
export type Icmpv6Listener = (message: Icmpv6Message, datagram: Ipv6Datagram, iface: NetInterface) => void;

export interface Icmpv6SendRequest {
  readonly destination: Ipv6Address;
  readonly message: Icmpv6Message;
  /** Exit interface: required for link-local and multicast destinations. */
  readonly iface?: NetInterface;
  /** By default selected (RFC 6724); :: is allowed (DAD, RS before an address exists). */
  readonly source?: Ipv6Address;
  readonly hopLimit?: number;
  readonly dontFragment?: boolean;
  readonly trafficClass?: number;
  /** Send to this MAC without address resolution (NUD probes). */
  readonly linkLayerDestination?: MacAddress;
}


export const ICMPV6 = new DataKey<Icmpv6Module>('ICMPv6');

export class Icmpv6Module {
  readonly types: ProtocolTable<Icmpv6TypeHandler>;
  private listeners: Icmpv6Listener[] = [];
  private readonly limiter: TokenBucket;
  private readonly packetTooBigExempt: boolean;
  /** Answer echo requests (Windows Firewall blocks them by default; labs usually allow them). */
  answerEcho = true;
  readonly counters = { received: 0, echoRequestsAnswered: 0, errorsSent: 0, errorsRateLimited: 0, errorsSuppressed: 0, packetTooBigReceived: 0 };

  constructor(
    readonly stack: NodeStack,
    private readonly ipv6: Ipv6Layer = stack.findRequired(IPV6),
  ) {
    this.types = new ProtocolTable(`${stack.context.deviceName} ICMPv6`);
    const settings = stack.personality.icmpv6;
    this.limiter = new TokenBucket(stack.context, settings.errorRate.ratePerS, settings.errorRate.burst);
    this.packetTooBigExempt = settings.packetTooBigExempt;
    ipv6.protocols.register(ICMPV6_PROTOCOL, (datagram, iface, raw) => this.receive(datagram, iface, raw));
    ipv6.errorReporter = (raw, ingress, error) => this.sendError(raw, ingress, error);
    stack.provide(ICMPV6, this);
  }

  /** Calls `listener` for every ICMPv6 message delivered to this device; returns the unsubscribe function. */
  addListener(listener: Icmpv6Listener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Sends an ICMPv6 message: routes, selects the source, computes the checksum over the pseudo-header. */
  send(request: Icmpv6SendRequest): Ipv6SendResult {
    const path = this.ipv6.route(request.destination, request.iface);
    if (!path.ok) return { ok: false, reason: path.reason };
    const source = request.source ?? (path.local ? request.destination : this.ipv6.selectSource(request.destination, path.iface));
    if (source === undefined) return { ok: false, reason: 'no-source-address' };
    const payload = encodeIcmpv6(request.message, { family: 6, source, destination: request.destination });
    return this.ipv6.send({
      destination: request.destination,
      protocol: ICMPV6_PROTOCOL,
      payload,
      source,
      iface: path.iface,
      nextHop: path.local ? undefined : path.nextHop,
      hopLimit: request.hopLimit,
      dontFragment: request.dontFragment,
      trafficClass: request.trafficClass,
      linkLayerDestination: request.linkLayerDestination,
    });
  }

  /** Sends the ICMPv6 error `error` about the packet `raw` to its source, when RFC 4443 section 2.4 allows. */
  sendError(raw: Uint8Array, ingress: NetInterface | null, error: Ipv6Error): boolean {
    const decoded = decodeIpv6(raw);
    if (!decoded.ok) return false;
    const offending = decoded.value;
    const source = offending.source;
    if (source === 0n || source >> 120n === 0xffn) return this.suppress();
    if (offending.destination >> 120n === 0xffn) {
      const allowed = error.kind === 'packet-too-big' || (error.kind === 'parameter-problem' && error.code === 2);
      if (!allowed) return this.suppress();
    }
    if (this.isErrorMessage(offending)) return this.suppress();
    const exempt = error.kind === 'packet-too-big' && this.packetTooBigExempt;
    if (!exempt && !this.limiter.take()) {
      this.counters.errorsRateLimited++;
      return false;
    }
    // Section 2.2: reply from the address the packet was sent to, when it is one of ours.
    const ownDestination = this.ipv6.isLocalAddress(offending.destination, ingress) ? offending.destination : undefined;
    const linkScopedSource = source >> 118n === 0x3fan;
    const iface = linkScopedSource && ingress !== null ? ingress : undefined;
    const result = this.send({ destination: source, message: buildIcmpv6Error(error, raw), iface, source: ownDestination });
    if (result.ok) this.counters.errorsSent++;
    return result.ok;
  }

  private suppress(): false {
    this.counters.errorsSuppressed++;
    return false;
  }

  /** Section 2.4 (e.1): is the packet itself an ICMPv6 error or a Redirect? */
  private isErrorMessage(packet: { readonly nextHeader: number; readonly payload: Uint8Array }): boolean {
    if (packet.nextHeader === ICMPV6_PROTOCOL) return this.isErrorType(packet.payload[0]);
    const walked = walkIpv6Headers(packet);
    if (!walked.ok || walked.value.upperLayer !== ICMPV6_PROTOCOL || walked.value.fragmented) return false;
    return this.isErrorType(walked.value.upperLayerBytes[0]);
  }

  private isErrorType(type: number | undefined): boolean {
    return type !== undefined && (type < 128 || type === ICMPV6_REDIRECT);
  }

  private receive(datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array): void {
    const decoded = decodeIcmpv6(datagram.payload, { family: 6, source: datagram.source, destination: datagram.destination });
    if (!decoded.ok) return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    const message = decoded.value;
    this.counters.received++;
    const type = datagram.payload[0]!;
    const handler = this.types.get(type);
    if (handler !== undefined) handler(message, datagram, iface, raw);
    if (message.kind === 'echo-request' && type === ICMPV6_ECHO_REQUEST && this.answerEcho) this.answerEchoRequest(message, datagram, iface);
    else if (message.kind === 'packet-too-big') this.learnPathMtu(message.mtu, message.payload);
    for (const listener of this.listeners) listener(message, datagram, iface);
  }

  private answerEchoRequest(message: Extract<Icmpv6Message, { kind: 'echo-request' }>, datagram: Ipv6Datagram, iface: NetInterface): void {
    if (datagram.source === 0n || datagram.source >> 120n === 0xffn) return;
    this.counters.echoRequestsAnswered++;
    // Section 4.2: a reply to a multicast request comes from a unicast address of the interface.
    const multicast = datagram.destination >> 120n === 0xffn;
    const linkScoped = datagram.source >> 118n === 0x3fan;
    this.send({
      destination: datagram.source,
      source: multicast ? undefined : datagram.destination,
      iface: linkScoped || multicast ? iface : undefined,
      message: { kind: 'echo-reply', code: 0, identifier: message.identifier, sequenceNumber: message.sequenceNumber, payload: message.payload },
    });
  }

  /** RFC 8201 section 4: the quoted packet names the destination; it must be one this node sent. */
  private learnPathMtu(mtu: number, quoted: Uint8Array): void {
    this.counters.packetTooBigReceived++;
    if (quoted.length < IPV6_HEADER_LENGTH) return;
    const header = decodeIpv6Header(quoted);
    if (header === undefined || !this.ipv6.isLocalAddress(header.source)) return;
    const route = this.ipv6.route(header.destination);
    const linkMtu = route.ok ? route.iface.ipv6MtuBytes : mtu;
    this.ipv6.pathMtu.learn(header.destination, mtu, linkMtu);
  }
}

/** The addresses of a quoted IPv6 header (the quote may be cut short, so Payload Length is not checked). */
function decodeIpv6Header(bytes: Uint8Array): { readonly source: Ipv6Address; readonly destination: Ipv6Address } | undefined {
  if (bytes[0]! >>> 4 !== 6) return undefined;
  return { source: readIpv6(bytes, 8), destination: readIpv6(bytes, 24) };
}
