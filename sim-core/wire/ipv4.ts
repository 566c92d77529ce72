/**
 * IPv4 headers (RFC 791 section 3.1): DSCP/ECN (RFC 2474, RFC 3168), identification, the DF/MF
 * flags, fragment offset, TTL, protocol, header checksum (RFC 1071), addresses and the options
 * bytes. Decoding checks version, IHL, Total Length and the checksum, and trims Ethernet padding
 * using Total Length. Options are kept as raw bytes (the describe tree lists them).
 * Left out: reassembly and option semantics (source routing, record route), which belong to the stack.
 */
import { formatIpv4, readIpv4, writeIpv4, type Ipv4Address } from '../addr/ipv4';
import { badChecksum, expectedChecksum, type ChecksumOptions } from './checksum';
import { checksumText, field, hex, type DescribedLayer, type FieldNode } from './describe';
import { decoded, decodeError, truncated, type Decoded } from './result';
import { allocateBytes } from './frame-bytes';
import { ipProtocolIdentity } from './protocol-numbers';

export const IPV4_MIN_HEADER_LENGTH = 20;
export const IPV4_MAX_OPTIONS_LENGTH = 40;
export { IP_PROTOCOL_GRE, IP_PROTOCOL_ICMP, IP_PROTOCOL_ICMPV6, IP_PROTOCOL_IPV6, IP_PROTOCOL_OSPF, IP_PROTOCOL_TCP, IP_PROTOCOL_UDP } from './protocol-numbers';

export interface Ipv4Header {
  /** Differentiated Services Code Point, 0-63 (RFC 2474). */
  readonly dscp: number;
  /** Explicit Congestion Notification, 0-3 (RFC 3168). */
  readonly ecn: number;
  readonly identification: number;
  /** The reserved flag bit (must be zero; kept so a decoded header writes back exactly). */
  readonly reservedFlag: boolean;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** In units of 8 octets, as on the wire (RFC 791): byte offset = fragmentOffset * 8. */
  readonly fragmentOffset: number;
  readonly timeToLive: number;
  readonly protocol: number;
  readonly source: Ipv4Address;
  readonly destination: Ipv4Address;
  /** Option bytes after the fixed 20, a multiple of 4 long (encode pads with zeros), at most 40. */
  readonly options: Uint8Array;
  /** Total Length minus the header: Ethernet padding is not part of it. */
  readonly payload: Uint8Array;
}

export function decodeIpv4(bytes: Uint8Array, options: ChecksumOptions = {}): Decoded<Ipv4Header> {
  if (bytes.length < IPV4_MIN_HEADER_LENGTH) return truncated('IPv4', IPV4_MIN_HEADER_LENGTH, bytes.length);
  const version = bytes[0]! >>> 4;
  if (version !== 4) return decodeError('IPv4', 'bad-value', 0, `IPv4: version is ${version}, not 4`);
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < IPV4_MIN_HEADER_LENGTH) {
    return decodeError('IPv4', 'bad-value', 0, `IPv4: header length ${headerLength} bytes (IHL ${headerLength / 4}) is below the minimum 20 (IHL 5)`);
  }
  if (bytes.length < headerLength) return truncated('IPv4', headerLength, bytes.length);
  const totalLength = (bytes[2]! << 8) | bytes[3]!;
  if (totalLength < headerLength) {
    return decodeError('IPv4', 'bad-value', 2, `IPv4: Total Length ${totalLength} is shorter than the ${headerLength}-byte header`);
  }
  if (bytes.length < totalLength) return truncated('IPv4', totalLength, bytes.length);
  if (options.verifyChecksum !== false) {
    const found = (bytes[10]! << 8) | bytes[11]!;
    const expected = expectedChecksum(bytes, 0, headerLength, 10);
    if (found !== expected) return badChecksum('IPv4', 10, found, expected);
  }
  const flagsOffset = (bytes[6]! << 8) | bytes[7]!;
  return decoded({
    dscp: bytes[1]! >>> 2,
    ecn: bytes[1]! & 3,
    identification: (bytes[4]! << 8) | bytes[5]!,
    reservedFlag: (flagsOffset & 0x8000) !== 0,
    dontFragment: (flagsOffset & 0x4000) !== 0,
    moreFragments: (flagsOffset & 0x2000) !== 0,
    fragmentOffset: flagsOffset & 0x1fff,
    timeToLive: bytes[8]!,
    protocol: bytes[9]!,
    source: readIpv4(bytes, 12),
    destination: readIpv4(bytes, 16),
    options: bytes.subarray(IPV4_MIN_HEADER_LENGTH, headerLength),
    payload: bytes.subarray(headerLength, totalLength),
  });
}

export function encodeIpv4(header: Ipv4Header): Uint8Array {
  const optionsLength = Math.min(IPV4_MAX_OPTIONS_LENGTH, (header.options.length + 3) & ~3);
  const headerLength = IPV4_MIN_HEADER_LENGTH + optionsLength;
  const totalLength = headerLength + header.payload.length;
  const bytes = allocateBytes(totalLength);
  bytes[0] = 0x40 | (headerLength >>> 2);
  bytes[1] = ((header.dscp & 0x3f) << 2) | (header.ecn & 3);
  bytes[2] = (totalLength >>> 8) & 0xff;
  bytes[3] = totalLength & 0xff;
  bytes[4] = (header.identification >>> 8) & 0xff;
  bytes[5] = header.identification & 0xff;
  const flagsOffset =
    (header.reservedFlag ? 0x8000 : 0) | (header.dontFragment ? 0x4000 : 0) | (header.moreFragments ? 0x2000 : 0) | (header.fragmentOffset & 0x1fff);
  bytes[6] = flagsOffset >>> 8;
  bytes[7] = flagsOffset & 0xff;
  bytes[8] = header.timeToLive;
  bytes[9] = header.protocol;
  writeIpv4(bytes, 12, header.source);
  writeIpv4(bytes, 16, header.destination);
  bytes.set(header.options.subarray(0, optionsLength), IPV4_MIN_HEADER_LENGTH);
  const checksum = expectedChecksum(bytes, 0, headerLength, 10);
  bytes[10] = checksum >>> 8;
  bytes[11] = checksum & 0xff;
  bytes.set(header.payload, headerLength);
  return bytes;
}

/** Protocol / Next Header name as Wireshark shows it ("UDP", "OSPF IGP"; "Unknown" when it has none). */
export function ipProtocolName(protocol: number): string {
  return ipProtocolIdentity(protocol)?.ipv4Name ?? 'Unknown';
}

/** Wireshark's short DSCP name: CS0-CS7, AF11-AF43, EF, LE, or the number. */
export function dscpShortName(dscp: number): string {
  if (dscp === 46) return 'EF';
  if (dscp === 44) return 'VOICE-ADMIT';
  if (dscp === 1) return 'LE';
  if ((dscp & 7) === 0) return `CS${dscp >>> 3}`;
  const dropPrecedence = (dscp & 7) >>> 1;
  if ((dscp & 1) === 0 && dscp >>> 3 >= 1 && dscp >>> 3 <= 4 && dropPrecedence >= 1 && dropPrecedence <= 3) return `AF${dscp >>> 3}${dropPrecedence}`;
  return String(dscp);
}

const ECN_SHORT = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];
const ECN_LONG = [
  'Not ECN-Capable Transport',
  "ECN-Capable Transport codepoint '01'",
  "ECN-Capable Transport codepoint '10'",
  'Congestion Experienced',
];

/** The Traffic Class / DS field node (shared shape with IPv6): "0x00 (DSCP: CS0, ECN: Not-ECT)". */
export function describeDsField(name: string, value: number, offset: number, length: number): FieldNode {
  const dscp = value >>> 2;
  const ecn = value & 3;
  return field(name, `${hex(value, 2)} (DSCP: ${dscpShortName(dscp)}, ECN: ${ECN_SHORT[ecn]})`, offset, length, [
    field('Differentiated Services Codepoint', `${dscp === 0 ? 'Default' : dscpShortName(dscp)} (${dscp})`, offset, length),
    field('Explicit Congestion Notification', `${ECN_LONG[ecn]} (${ecn})`, offset, length),
  ]);
}

const OPTION_NAMES: Readonly<Record<number, string>> = {
  0: 'End of Options List (EOL)',
  1: 'No-Operation (NOP)',
  7: 'Record Route',
  68: 'Time Stamp',
  130: 'Security',
  131: 'Loose Source Route',
  137: 'Strict Source Route',
  148: 'Router Alert',
};

function describeOptions(frame: Uint8Array, start: number, end: number): FieldNode[] {
  const nodes: FieldNode[] = [];
  let i = start;
  while (i < end) {
    const type = frame[i]!;
    const name = OPTION_NAMES[type] ?? `Unknown (0x${type.toString(16).padStart(2, '0')})`;
    if (type === 0 || type === 1) {
      nodes.push(field('IP Option', name, i, type === 0 ? end - i : 1));
      if (type === 0) break;
      i++;
      continue;
    }
    const length = i + 1 < end ? frame[i + 1]! : 0;
    if (length < 2 || i + length > end) {
      nodes.push(field('IP Option', `${name} (bad length ${length})`, i, end - i));
      break;
    }
    nodes.push(field('IP Option', `${name} (${length} bytes)`, i, length, [field('Type', String(type), i, 1), field('Length', String(length), i + 1, 1)]));
    i += length;
  }
  return nodes;
}

/**
 * Describes an IPv4 header at `offset`. Info is what tshark prints when no layer above sets it:
 * "Fragmented IP protocol (proto=UDP 17, off=0, ID=0001)" for a fragment, otherwise
 * "<protocol name> (<number>)".
 */
export function describeIpv4(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  const available = end - offset;
  if (available < IPV4_MIN_HEADER_LENGTH) return truncated('IPv4', IPV4_MIN_HEADER_LENGTH, Math.max(0, available));
  const version = frame[offset]! >>> 4;
  if (version !== 4) return decodeError('IPv4', 'bad-value', 0, `IPv4: version is ${version}, not 4`);
  const ihl = frame[offset]! & 0x0f;
  const headerLength = ihl * 4;
  if (headerLength < IPV4_MIN_HEADER_LENGTH) {
    return decodeError('IPv4', 'bad-value', 0, `IPv4: header length ${headerLength} bytes (IHL ${ihl}) is below the minimum 20 (IHL 5)`);
  }
  if (available < headerLength) return truncated('IPv4', headerLength, available);
  const totalLength = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const identification = (frame[offset + 4]! << 8) | frame[offset + 5]!;
  const flagsOffset = (frame[offset + 6]! << 8) | frame[offset + 7]!;
  const flags = flagsOffset >>> 13;
  const fragmentOffsetBytes = (flagsOffset & 0x1fff) * 8;
  const protocol = frame[offset + 9]!;
  const found = (frame[offset + 10]! << 8) | frame[offset + 11]!;
  const expected = expectedChecksum(frame, offset, offset + headerLength, offset + 10);
  const source = formatIpv4(readIpv4(frame, offset + 12));
  const destination = formatIpv4(readIpv4(frame, offset + 16));
  const flagNames = [flags & 4 ? 'Reserved bit' : '', flags & 2 ? "Don't fragment" : '', flags & 1 ? 'More fragments' : ''].filter((s) => s !== '');
  const setText = (bit: number) => (flags & bit ? 'Set' : 'Not set');
  const fields: FieldNode[] = [
    field('Version', '4', offset, 1),
    field('Header Length', `${headerLength} bytes (${ihl})`, offset, 1),
    describeDsField('Differentiated Services Field', frame[offset + 1]!, offset + 1, 1),
    field('Total Length', String(totalLength), offset + 2, 2),
    field('Identification', `${hex(identification, 4)} (${identification})`, offset + 4, 2),
    field('Flags', `${hex(flags, 1)}${flagNames.length > 0 ? `, ${flagNames.join(', ')}` : ''}`, offset + 6, 1, [
      field('Reserved bit', setText(4), offset + 6, 1),
      field("Don't fragment", setText(2), offset + 6, 1),
      field('More fragments', setText(1), offset + 6, 1),
    ]),
    field('Fragment Offset', String(fragmentOffsetBytes), offset + 6, 2),
    field('Time to Live', String(frame[offset + 8]!), offset + 8, 1),
    field('Protocol', `${ipProtocolName(protocol)} (${protocol})`, offset + 9, 1),
    field('Header Checksum', checksumText(found, expected), offset + 10, 2),
    field('Source Address', source, offset + 12, 4),
    field('Destination Address', destination, offset + 16, 4),
  ];
  if (headerLength > IPV4_MIN_HEADER_LENGTH) {
    fields.push(
      field('Options', `(${headerLength - IPV4_MIN_HEADER_LENGTH} bytes)`, offset + 20, headerLength - IPV4_MIN_HEADER_LENGTH, describeOptions(frame, offset + 20, offset + headerLength)),
    );
  }
  const fragment = (flags & 1) !== 0 || fragmentOffsetBytes !== 0;
  const info = fragment
    ? `Fragmented IP protocol (proto=${ipProtocolName(protocol)} ${protocol}, off=${fragmentOffsetBytes}, ID=${identification.toString(16).padStart(4, '0')})`
    : `${ipProtocolName(protocol)} (${protocol})`;
  // Ethernet padding after Total Length is not IPv4 payload; a short frame ends the payload early.
  const payloadEnd = totalLength >= headerLength ? Math.min(end, offset + totalLength) : end;
  return decoded({
    layer: { protocol: 'IPv4', title: `Src: ${source}, Dst: ${destination}`, offset, length: headerLength, fields },
    info,
    payloadOffset: offset + headerLength,
    payloadEnd,
  });
}
