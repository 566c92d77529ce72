/**
 * The IPv6 side of ping and traceroute (probe-transport.ts): ICMPv6 echo requests (RFC 4443
 * section 4.1) and UDP probes go out through the device's IPv6 layer (route, RFC 6724 source
 * selection, source fragmentation unless `dontFragment`, RFC 8200 section 4.5), ICMPv6 comes
 * back through its ICMPv6 module and is reduced to reports. Errors are matched to probes by
 * the quoted packet (RFC 4443 section 2.4 (c): as much of it as fits in 1280 bytes), walking
 * its extension headers (a fragmented probe quotes a Fragment header first).
 * Destination Unreachable codes (section 3.1): 0 no route, 1 administratively prohibited,
 * 2 beyond scope of source address, 3 address unreachable, 4 port unreachable, 5 source address
 * failed ingress/egress policy, 6 reject route to destination.
 * Leaves out: Parameter Problem (not a probe outcome any of the three systems prints for ping).
 */
import { readIpv6, type Ipv6Address } from '../../addr/ipv6';
import { encodeIcmpv6, ICMPV6_PROTOCOL } from '../../wire/icmpv6';
import { IPV6_HEADER_LENGTH } from '../../wire/ipv6';
import { IP_PROTOCOL_DESTINATION_OPTIONS, IP_PROTOCOL_FRAGMENT, IP_PROTOCOL_HOP_BY_HOP, IP_PROTOCOL_ROUTING, IP_PROTOCOL_UDP } from '../../wire/protocol-numbers';
import { IPV6, type Ipv6Layer } from '../ipv6/ipv6-layer';
import { ICMPV6, type Icmpv6Module } from '../ipv6/icmpv6-module';
import type { NodeStack } from '../node-stack';
import { sendSegmentIpv6 } from '../transport/ip-endpoint';
import { ensureUdp, type UdpModule } from '../transport/udp';
import type { IcmpReport, ProbeSendOptions, ProbeSendResult, ProbeTransport, ProbeUnreachableReason, QuotedProbe } from './probe-transport';

const HOP_BY_HOP = IP_PROTOCOL_HOP_BY_HOP;
const ROUTING = IP_PROTOCOL_ROUTING;
const FRAGMENT = IP_PROTOCOL_FRAGMENT;
const DESTINATION_OPTIONS = IP_PROTOCOL_DESTINATION_OPTIONS;

/** ICMPv6 Destination Unreachable codes as the reasons the consoles print (RFC 4443 section 3.1). */
export function ipv6UnreachableReason(code: number): ProbeUnreachableReason {
  switch (code) {
    case 0:
    case 6:
      return 'no-route';
    case 1:
    case 5:
      return 'admin-prohibited';
    case 2:
      return 'beyond-scope';
    case 3:
      return 'address';
    case 4:
      return 'port';
    default:
      return 'no-route';
  }
}

/** The identifying fields of a quoted IPv6 packet (never throws: short quotes give fewer fields). */
export function readQuotedIpv6(quote: Uint8Array): QuotedProbe | undefined {
  if (quote.length < IPV6_HEADER_LENGTH || quote[0]! >>> 4 !== 6) return undefined;
  const source = readIpv6(quote, 8);
  const destination = readIpv6(quote, 24);
  let next = quote[6]!;
  let offset = IPV6_HEADER_LENGTH;
  // Walk the extension headers; a non-first fragment carries no upper-layer header to read.
  for (let guard = 0; guard < 8; guard++) {
    if (next === HOP_BY_HOP || next === ROUTING || next === DESTINATION_OPTIONS) {
      if (offset + 2 > quote.length) return { protocol: next, source, destination };
      const length = (quote[offset + 1]! + 1) * 8;
      next = quote[offset]!;
      offset += length;
    } else if (next === FRAGMENT) {
      if (offset + 8 > quote.length) return { protocol: next, source, destination };
      const fragmentOffset = ((quote[offset + 2]! << 8) | quote[offset + 3]!) >>> 3;
      next = quote[offset]!;
      offset += 8;
      if (fragmentOffset !== 0) return { protocol: next, source, destination };
    } else break;
  }
  const rest = quote.subarray(Math.min(offset, quote.length));
  if (next === ICMPV6_PROTOCOL && rest.length >= 8 && rest[0] === 128) {
    return { protocol: next, source, destination, identifier: (rest[4]! << 8) | rest[5]!, sequence: (rest[6]! << 8) | rest[7]! };
  }
  if (next === IP_PROTOCOL_UDP && rest.length >= 4) {
    return { protocol: next, source, destination, sourcePort: (rest[0]! << 8) | rest[1]!, destinationPort: (rest[2]! << 8) | rest[3]! };
  }
  return { protocol: next, source, destination };
}

export class Ipv6ProbeTransport implements ProbeTransport {
  readonly family = 'ipv6' as const;
  readonly headerBytes = IPV6_HEADER_LENGTH;
  readonly defaultHopLimit: number;

  constructor(
    readonly ipv6: Ipv6Layer,
    readonly icmp: Icmpv6Module,
    readonly udp: UdpModule,
  ) {
    this.defaultHopLimit = ipv6.defaultHopLimit;
  }

  sendEchoRequest(options: ProbeSendOptions & { identifier: number; sequence: number; data: Uint8Array }): ProbeSendResult {
    const destination = options.destination as Ipv6Address;
    // The ICMPv6 checksum covers the source address (RFC 4443 section 2.3): chosen first, as for UDP.
    return sendSegmentIpv6(this.ipv6, {
      ...options,
      destination,
      source: options.source as Ipv6Address | undefined,
      protocol: ICMPV6_PROTOCOL,
      encode: (source) => encodeIcmpv6({ kind: 'echo-request', code: 0, identifier: options.identifier, sequenceNumber: options.sequence, payload: options.data }, { family: 6, source, destination }),
    });
  }

  sendUdp(options: ProbeSendOptions & { sourcePort: number; destinationPort: number; data: Uint8Array }): ProbeSendResult {
    return this.udp.sendDatagram(options);
  }

  listen(listener: (report: IcmpReport) => void): () => void {
    return this.icmp.addListener((message, datagram) => {
      const from = datagram.source;
      const hopLimit = datagram.hopLimit;
      switch (message.kind) {
        case 'echo-reply':
          listener({
            kind: 'echo-reply',
            from,
            to: datagram.destination,
            identifier: message.identifier,
            sequence: message.sequenceNumber,
            dataBytes: message.payload.length,
            packetBytes: IPV6_HEADER_LENGTH + datagram.payload.length,
            hopLimit,
          });
          return;
        case 'destination-unreachable': {
          const quoted = readQuotedIpv6(message.payload);
          if (quoted !== undefined) listener({ kind: 'unreachable', from, code: message.code, reason: ipv6UnreachableReason(message.code), quoted, hopLimit });
          return;
        }
        case 'time-exceeded': {
          const quoted = readQuotedIpv6(message.payload);
          if (quoted !== undefined) listener({ kind: 'time-exceeded', from, code: message.code, quoted, hopLimit });
          return;
        }
        case 'packet-too-big': {
          const quoted = readQuotedIpv6(message.payload);
          if (quoted !== undefined) listener({ kind: 'packet-too-big', from, mtuBytes: message.mtu, quoted, hopLimit });
          return;
        }
        default:
          return;
      }
    });
  }

}

/** The IPv6 transport of a stack, when it has IPv6 and ICMPv6. */
export function ipv6ProbeTransport(stack: NodeStack): Ipv6ProbeTransport | undefined {
  const ipv6 = stack.find(IPV6);
  const icmp = stack.find(ICMPV6);
  return ipv6 === undefined || icmp === undefined ? undefined : new Ipv6ProbeTransport(ipv6, icmp, ensureUdp(stack));
}
