/**
 * The IPv4 side of ping and traceroute (probe-transport.ts): echo requests and UDP probes go
 * out through the device's IPv4 layer, ICMP messages come back through its ICMPv4 module and
 * are reduced to reports. Error messages are matched to probes by the quoted datagram (RFC 792:
 * the IP header plus the first 64 bits of its data, enough for the echo identifier/sequence or
 * the UDP ports). Type 3 code 4 (fragmentation needed, RFC 1191) is reported as packet-too-big
 * with the next-hop MTU.
 * Leaves out: source quench (deprecated, RFC 6633), redirects, parameter problem.
 */
import { readIpv4, type Ipv4Address } from '../../addr/ipv4';
import { encodeIcmpv4 } from '../../wire/icmpv4';
import { IP_PROTOCOL_ICMP, IP_PROTOCOL_UDP, IPV4_MIN_HEADER_LENGTH } from '../../wire/ipv4';
import { ICMPV4, type Icmpv4Module } from '../icmpv4';
import { IPV4, type Ipv4Layer, type Ipv4SendRequest, type Ipv4SendResult } from '../ipv4-layer';
import type { NodeStack } from '../node-stack';
import { selectIpv4Source } from '../transport/ip-endpoint';
import { ensureUdp, type UdpModule } from '../transport/udp';
import type { IcmpReport, ProbeSendOptions, ProbeSendResult, ProbeTransport, ProbeUnreachableReason, QuotedProbe } from './probe-transport';

/** ICMPv4 type 3 codes as the reasons the consoles print (RFC 792, RFC 1122, RFC 1812). */
export function ipv4UnreachableReason(code: number): ProbeUnreachableReason {
  switch (code) {
    case 0:
    case 6:
    case 11:
      return 'net';
    case 1:
    case 7:
    case 12:
      return 'host';
    case 2:
      return 'protocol';
    case 3:
      return 'port';
    case 9:
    case 10:
    case 13:
      return 'admin-prohibited';
    default:
      return 'host';
  }
}

/** The identifying fields of a quoted IPv4 datagram (never throws: short quotes give fewer fields). */
export function readQuotedIpv4(quote: Uint8Array): QuotedProbe | undefined {
  if (quote.length < IPV4_MIN_HEADER_LENGTH || quote[0]! >>> 4 !== 4) return undefined;
  const headerLength = (quote[0]! & 0x0f) * 4;
  const protocol = quote[9]!;
  const source = readIpv4(quote, 12);
  const destination = readIpv4(quote, 16);
  const rest = quote.subarray(headerLength);
  if (protocol === IP_PROTOCOL_ICMP && rest.length >= 8 && rest[0] === 8) {
    return { protocol, source, destination, identifier: (rest[4]! << 8) | rest[5]!, sequence: (rest[6]! << 8) | rest[7]! };
  }
  if (protocol === IP_PROTOCOL_UDP && rest.length >= 4) {
    return { protocol, source, destination, sourcePort: (rest[0]! << 8) | rest[1]!, destinationPort: (rest[2]! << 8) | rest[3]! };
  }
  return { protocol, source, destination };
}

export class Ipv4ProbeTransport implements ProbeTransport {
  readonly family = 'ipv4' as const;
  readonly headerBytes = IPV4_MIN_HEADER_LENGTH;
  readonly defaultHopLimit: number;

  constructor(
    readonly ipv4: Ipv4Layer,
    readonly icmp: Icmpv4Module,
    readonly udp: UdpModule,
  ) {
    this.defaultHopLimit = ipv4.defaultTtl;
  }

  sendEchoRequest(options: ProbeSendOptions & { identifier: number; sequence: number; data: Uint8Array }): ProbeSendResult {
    const payload = encodeIcmpv4({ kind: 'echo-request', code: 0, identifier: options.identifier, sequenceNumber: options.sequence, payload: options.data });
    return this.send(options, IP_PROTOCOL_ICMP, payload);
  }

  sendUdp(options: ProbeSendOptions & { sourcePort: number; destinationPort: number; data: Uint8Array }): ProbeSendResult {
    // IPv4 probes take their route: the interface scopes only IPv6 link-local destinations.
    const { iface: _zone, ...unscoped } = options;
    return this.udp.sendDatagram(unscoped);
  }

  listen(listener: (report: IcmpReport) => void): () => void {
    return this.icmp.addListener((message, packet) => {
      const from = packet.source;
      const hopLimit = packet.timeToLive;
      switch (message.kind) {
        case 'echo-reply':
          listener({
            kind: 'echo-reply',
            from,
            to: packet.destination,
            identifier: message.identifier,
            sequence: message.sequenceNumber,
            dataBytes: message.payload.length,
            packetBytes: IPV4_MIN_HEADER_LENGTH + packet.options.length + packet.payload.length,
            hopLimit,
          });
          return;
        case 'destination-unreachable': {
          const quoted = readQuotedIpv4(message.payload);
          if (quoted === undefined) return;
          if (message.code === 4) listener({ kind: 'packet-too-big', from, mtuBytes: message.nextHopMtu, quoted, hopLimit });
          else listener({ kind: 'unreachable', from, code: message.code, reason: ipv4UnreachableReason(message.code), quoted, hopLimit });
          return;
        }
        case 'time-exceeded': {
          const quoted = readQuotedIpv4(message.payload);
          if (quoted !== undefined) listener({ kind: 'time-exceeded', from, code: message.code, quoted, hopLimit });
          return;
        }
        default:
          return;
      }
    });
  }

  /** The source address the IPv4 layer would choose for `destination` (the exit interface's). */
  selectSource(destination: Ipv4Address): Ipv4Address | undefined {
    return selectIpv4Source(this.ipv4, destination);
  }

  private send(options: ProbeSendOptions, protocol: number, payload: Uint8Array): ProbeSendResult {
    const destination = options.destination as Ipv4Address;
    const request: Ipv4SendRequest = {
      destination,
      protocol,
      payload,
      ...(options.source !== undefined && { source: options.source as Ipv4Address }),
      ...(options.hopLimit !== undefined && { timeToLive: options.hopLimit }),
      ...(options.dontFragment !== undefined && { dontFragment: options.dontFragment }),
    };
    const result: Ipv4SendResult = this.ipv4.send(request);
    if (!result.ok) return { ok: false, reason: result.reason, ...(result.mtuBytes !== undefined && { mtuBytes: result.mtuBytes }) };
    const source = (options.source as Ipv4Address | undefined) ?? this.selectSource(destination) ?? (0 as Ipv4Address);
    return { ok: true, source, packetBytes: IPV4_MIN_HEADER_LENGTH + payload.length };
  }
}

/** The IPv4 transport of a stack, when it has IPv4 and ICMPv4. */
export function ipv4ProbeTransport(stack: NodeStack): Ipv4ProbeTransport | undefined {
  const ipv4 = stack.find(IPV4);
  const icmp = stack.find(ICMPV4);
  return ipv4 === undefined || icmp === undefined ? undefined : new Ipv4ProbeTransport(ipv4, icmp, ensureUdp(stack));
}
