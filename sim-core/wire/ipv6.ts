/**
 * The IPv6 fixed header (RFC 8200 section 3): version, traffic class (DSCP and ECN, RFC 2474 and
 * RFC 3168), flow label (RFC 6437), payload length, next header, hop limit, addresses.
 * The record's payload is everything after the fixed header (extension headers included), cut to
 * Payload Length, so Ethernet padding is trimmed; ipv6-extension-headers.ts walks the chain.
 * Left out: jumbograms (RFC 2675: Payload Length 0 means an empty payload here).
 */
import { formatIpv6, type Ipv6Address, readIpv6, writeIpv6 } from '../addr/ipv6';
import type { PseudoHeader } from './checksum';
import { type DescribedLayer, field, type FieldNode, hex } from './describe';
import {
  describeIpv6ExtensionHeader,
  finalDestination,
  FRAGMENT_HEADER,
  ipProtocolText,
  isIpv6ExtensionHeaderType,
  type Ipv6ExtensionHeader,
  NO_NEXT_HEADER,
  walkIpv6Headers,
} from './ipv6-extension-headers';
import { type Decoded, decoded, decodeError, truncated } from './result';
import { allocateBytes } from './frame-bytes';

export const IPV6_HEADER_LENGTH = 40;
/** The minimum link MTU every IPv6 link must carry (RFC 8200 section 5). */
export const IPV6_MINIMUM_MTU = 1280;

export interface Ipv6Packet {
  /** 8 bits: DSCP (high 6) and ECN (low 2). */
  readonly trafficClass: number;
  /** 20 bits. */
  readonly flowLabel: number;
  readonly nextHeader: number;
  readonly hopLimit: number;
  readonly source: Ipv6Address;
  readonly destination: Ipv6Address;
  /** The bytes after the fixed header, Payload Length of them (a subarray on decode). */
  readonly payload: Uint8Array;
}

const LAYER = 'IPv6';

/** Decodes an IPv6 packet; bytes past Payload Length (Ethernet padding) are left out of `payload`. */
export function decodeIpv6(bytes: Uint8Array): Decoded<Ipv6Packet> {
  if (bytes.length < IPV6_HEADER_LENGTH) return truncated(LAYER, IPV6_HEADER_LENGTH, bytes.length);
  const version = bytes[0]! >>> 4;
  if (version !== 6) return decodeError(LAYER, 'bad-value', 0, `IPv6: version is ${version}, expected 6`);
  const payloadLength = (bytes[4]! << 8) | bytes[5]!;
  if (IPV6_HEADER_LENGTH + payloadLength > bytes.length) {
    return decodeError(
      LAYER,
      'truncated',
      bytes.length,
      `IPv6: Payload Length ${payloadLength} exceeds the ${bytes.length - IPV6_HEADER_LENGTH} bytes present after the header`,
    );
  }
  return decoded({
    trafficClass: ((bytes[0]! & 0x0f) << 4) | (bytes[1]! >>> 4),
    flowLabel: ((bytes[1]! & 0x0f) << 16) | (bytes[2]! << 8) | bytes[3]!,
    nextHeader: bytes[6]!,
    hopLimit: bytes[7]!,
    source: readIpv6(bytes, 8),
    destination: readIpv6(bytes, 24),
    payload: bytes.subarray(IPV6_HEADER_LENGTH, IPV6_HEADER_LENGTH + payloadLength),
  });
}

/** Writes the 40-byte fixed header at `bytes[offset]` for a payload of `payloadLength` bytes. */
export function writeIpv6Header(bytes: Uint8Array, offset: number, packet: Omit<Ipv6Packet, 'payload'>, payloadLength: number): void {
  bytes[offset] = 0x60 | ((packet.trafficClass >>> 4) & 0x0f);
  bytes[offset + 1] = ((packet.trafficClass & 0x0f) << 4) | ((packet.flowLabel >>> 16) & 0x0f);
  bytes[offset + 2] = (packet.flowLabel >>> 8) & 0xff;
  bytes[offset + 3] = packet.flowLabel & 0xff;
  bytes[offset + 4] = payloadLength >>> 8;
  bytes[offset + 5] = payloadLength & 0xff;
  bytes[offset + 6] = packet.nextHeader;
  bytes[offset + 7] = packet.hopLimit;
  writeIpv6(bytes, offset + 8, packet.source);
  writeIpv6(bytes, offset + 24, packet.destination);
}

/** The packet's bytes. Throws a RangeError for a payload over 65535 bytes (jumbograms are not supported): a caller bug. */
export function encodeIpv6(packet: Ipv6Packet): Uint8Array {
  if (packet.payload.length > 0xffff) throw new RangeError(`IPv6 payload of ${packet.payload.length} bytes exceeds 65535`);
  const bytes = allocateBytes(IPV6_HEADER_LENGTH + packet.payload.length);
  writeIpv6Header(bytes, 0, packet, packet.payload.length);
  bytes.set(packet.payload, IPV6_HEADER_LENGTH);
  return bytes;
}

// --- describing -----------------------------------------------------------------------------

/** The pseudo-header an ICMPv6, UDP or TCP checksum over IPv6 covers (RFC 8200 section 8.1). */
export type Ipv6PseudoHeader = Extract<PseudoHeader, { family: 6 }>;

/** What the next layer's describe needs from the IPv6 header. */
export interface Ipv6DescribedLayer extends DescribedLayer {
  /** Protocol of the bytes at payloadOffset (after the extension headers). */
  readonly upperLayer: number;
  /** A Fragment header was present: the payload is fragment data, not a whole upper-layer message. */
  readonly fragmented: boolean;
  readonly hopLimit: number;
  /** Source and final destination (RFC 8200 section 8.1) for an upper-layer checksum. */
  readonly pseudoHeader: Ipv6PseudoHeader;
}

export interface DescribeIpv6Options {
  /**
   * The packet is quoted inside an ICMPv6 error (RFC 4443 section 2.4(c)) and may be cut short:
   * a Payload Length past `end` is not an error, and the walk stops at a header that does not fit.
   */
  readonly quoted?: boolean;
}

const DSCP_SHORT: Record<number, string> = {
  0: 'CS0', 1: 'LE', 8: 'CS1', 10: 'AF11', 12: 'AF12', 14: 'AF13', 16: 'CS2', 18: 'AF21', 20: 'AF22', 22: 'AF23',
  24: 'CS3', 26: 'AF31', 28: 'AF32', 30: 'AF33', 32: 'CS4', 34: 'AF41', 36: 'AF42', 38: 'AF43', 40: 'CS5', 44: 'VA',
  46: 'EF', 48: 'CS6', 56: 'CS7',
};
const DSCP_LONG: Record<number, string> = {
  0: 'Default', 1: 'Lower Effort', 8: 'Class Selector 1', 10: 'Assured Forwarding 11', 12: 'Assured Forwarding 12',
  14: 'Assured Forwarding 13', 16: 'Class Selector 2', 18: 'Assured Forwarding 21', 20: 'Assured Forwarding 22',
  22: 'Assured Forwarding 23', 24: 'Class Selector 3', 26: 'Assured Forwarding 31', 28: 'Assured Forwarding 32',
  30: 'Assured Forwarding 33', 32: 'Class Selector 4', 34: 'Assured Forwarding 41', 36: 'Assured Forwarding 42',
  38: 'Assured Forwarding 43', 40: 'Class Selector 5', 44: 'Voice Admit', 46: 'Expedited Forwarding',
  48: 'Class Selector 6', 56: 'Class Selector 7',
};
const ECN_SHORT = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];
const ECN_LONG = [
  'Not ECN-Capable Transport',
  "ECN-Capable Transport codepoint '01'",
  "ECN-Capable Transport codepoint '10'",
  'Congestion Experienced',
];

/**
 * The IPv6 layer of `frame[offset, end)`: the fixed header, each extension header as a subtree,
 * and where the upper layer starts. Info is Wireshark's fragment line when a Fragment header is
 * present ("IPv6 fragment (off=0 more=y ident=0x0000abcd nxt=58)", the offset in bytes), "IPv6 no
 * next header" for Next Header 59, otherwise empty (the upper layer writes the Info column).
 */
export function describeIpv6(frame: Uint8Array, offset: number, end: number, options: DescribeIpv6Options = {}): Decoded<Ipv6DescribedLayer> {
  const available = end - offset;
  if (available < IPV6_HEADER_LENGTH) return truncated(LAYER, IPV6_HEADER_LENGTH, available);
  const b0 = frame[offset]!;
  const version = b0 >>> 4;
  if (version !== 6) return decodeError(LAYER, 'bad-value', 0, `IPv6: version is ${version}, expected 6`);
  const trafficClass = ((b0 & 0x0f) << 4) | (frame[offset + 1]! >>> 4);
  const flowLabel = ((frame[offset + 1]! & 0x0f) << 16) | (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const payloadLength = (frame[offset + 4]! << 8) | frame[offset + 5]!;
  const nextHeader = frame[offset + 6]!;
  const hopLimit = frame[offset + 7]!;
  const source = readIpv6(frame, offset + 8);
  const destination = readIpv6(frame, offset + 24);
  let packetEnd = offset + IPV6_HEADER_LENGTH + payloadLength;
  if (packetEnd > end) {
    if (!options.quoted) {
      return decodeError(LAYER, 'truncated', available, `IPv6: Payload Length ${payloadLength} exceeds the ${available - IPV6_HEADER_LENGTH} bytes present after the header`);
    }
    packetEnd = end;
  }
  const dscp = trafficClass >>> 2;
  const ecn = trafficClass & 3;
  const fields: FieldNode[] = [
    field('Version', String(version), offset, 1),
    field('Traffic Class', `${hex(trafficClass, 2)} (DSCP: ${DSCP_SHORT[dscp] ?? 'Unknown'}, ECN: ${ECN_SHORT[ecn]!})`, offset, 2, [
      field('Differentiated Services Codepoint', `${DSCP_LONG[dscp] ?? 'Unknown'} (${dscp})`, offset, 2),
      field('Explicit Congestion Notification', `${ECN_LONG[ecn]!} (${ecn})`, offset + 1, 1),
    ]),
    field('Flow Label', hex(flowLabel, 5), offset + 1, 3),
    field('Payload Length', String(payloadLength), offset + 4, 2),
    field('Next Header', ipProtocolText(nextHeader), offset + 6, 1),
    field('Hop Limit', String(hopLimit), offset + 7, 1),
    field('Source Address', formatIpv6(source), offset + 8, 16),
    field('Destination Address', formatIpv6(destination), offset + 24, 16),
  ];

  // The extension headers: a walk over the frame itself (no copies), one subtree each.
  let type = nextHeader;
  let at = offset + IPV6_HEADER_LENGTH;
  let info = '';
  let fragmented = false;
  const headers: Ipv6ExtensionHeader[] = [];
  while (isIpv6ExtensionHeaderType(type) && !fragmented) {
    const described = describeIpv6ExtensionHeader(frame, at, packetEnd, type);
    if (!described) {
      if (options.quoted) break;
      return decodeError(LAYER, 'truncated', at - offset, `IPv6: the ${ipProtocolText(type)} header at byte ${at - offset} does not fit in the packet`);
    }
    fields.push(described.node);
    const walked = walkIpv6Headers({ nextHeader: type, payload: frame.subarray(at, at + described.length) });
    if (walked.ok && walked.value.headers[0]) headers.push(walked.value.headers[0]);
    if (type === FRAGMENT_HEADER) {
      fragmented = true;
      const word = (frame[at + 2]! << 8) | frame[at + 3]!;
      const identification = ((frame[at + 4]! << 24) | (frame[at + 5]! << 16) | (frame[at + 6]! << 8) | frame[at + 7]!) >>> 0;
      info = `IPv6 fragment (off=${(word >>> 3) * 8} more=${(word & 1) === 1 ? 'y' : 'n'} ident=${hex(identification, 8)} nxt=${frame[at]!})`;
    }
    type = frame[at]!;
    at += described.length;
  }

  // Wireshark writes this Info line itself when nothing follows (RFC 8200 section 4.7).
  if (type === NO_NEXT_HEADER && !fragmented) info = 'IPv6 no next header';
  return decoded({
    layer: {
      protocol: 'IPv6',
      title: `Src: ${formatIpv6(source)}, Dst: ${formatIpv6(destination)}`,
      offset,
      length: at - offset,
      fields,
    },
    info,
    payloadOffset: at,
    payloadEnd: packetEnd,
    upperLayer: type,
    fragmented,
    hopLimit,
    pseudoHeader: { family: 6, source, destination: finalDestination(destination, headers) },
  });
}
