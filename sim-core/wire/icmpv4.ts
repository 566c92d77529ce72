/**
 * ICMP for IPv4 (RFC 792): echo request/reply (identifier, sequence number, data), destination
 * unreachable with its codes, including code 4 "fragmentation needed" with the next-hop MTU
 * (RFC 1191 section 4), and time exceeded, each error quoting the original datagram. The
 * checksum covers the whole ICMP message (no pseudo-header).
 * Left out: RFC 4884 extension structures (the length byte is kept in `unused`), redirect,
 * parameter problem, timestamps: those are kept as type 'other' with the 4-byte rest of header.
 */
import { badChecksum, expectedChecksum, type ChecksumOptions } from './checksum';
import { checksumText, field, hex, type DescribedLayer, type FieldNode } from './describe';
import { describeIpv4 } from './ipv4';
import { decoded, truncated, type Decoded } from './result';
import { allocateBytes } from './frame-bytes';

export const ICMPV4_HEADER_LENGTH = 8;
export const ICMPV4_ECHO_REPLY = 0;
export const ICMPV4_DESTINATION_UNREACHABLE = 3;
export const ICMPV4_ECHO_REQUEST = 8;
export const ICMPV4_TIME_EXCEEDED = 11;
/** Destination unreachable code 4: fragmentation needed and DF set (RFC 792, RFC 1191). */
export const ICMPV4_CODE_FRAGMENTATION_NEEDED = 4;

export interface Icmpv4Echo {
  readonly kind: 'echo-request' | 'echo-reply';
  readonly code: number;
  readonly identifier: number;
  readonly sequenceNumber: number;
  /** The echo data. */
  readonly payload: Uint8Array;
}

export interface Icmpv4DestinationUnreachable {
  readonly kind: 'destination-unreachable';
  readonly code: number;
  /** Bytes 4-5, zero (RFC 4884 puts a length in the second): kept so the message writes back exactly. */
  readonly unused: number;
  /** Next-hop MTU for code 4 (RFC 1191); zero (unused) for the other codes. */
  readonly nextHopMtu: number;
  /** The quoted original datagram: IP header and at least 8 bytes of its payload. */
  readonly payload: Uint8Array;
}

export interface Icmpv4TimeExceeded {
  readonly kind: 'time-exceeded';
  /** 0 TTL exceeded in transit, 1 fragment reassembly time exceeded. */
  readonly code: number;
  /** Bytes 4-7, zero. */
  readonly unused: number;
  readonly payload: Uint8Array;
}

/** Any other type (never 0, 3, 8 or 11: those decode to the records above). */
export interface Icmpv4Other {
  readonly kind: 'other';
  readonly type: number;
  readonly code: number;
  /** Bytes 4-7 as a 32-bit number. */
  readonly restOfHeader: number;
  readonly payload: Uint8Array;
}

export type Icmpv4Message = Icmpv4Echo | Icmpv4DestinationUnreachable | Icmpv4TimeExceeded | Icmpv4Other;

export function decodeIcmpv4(bytes: Uint8Array, options: ChecksumOptions = {}): Decoded<Icmpv4Message> {
  if (bytes.length < ICMPV4_HEADER_LENGTH) return truncated('ICMP', ICMPV4_HEADER_LENGTH, bytes.length);
  if (options.verifyChecksum !== false) {
    const found = (bytes[2]! << 8) | bytes[3]!;
    const expected = expectedChecksum(bytes, 0, bytes.length, 2);
    if (found !== expected) return badChecksum('ICMP', 2, found, expected);
  }
  const type = bytes[0]!;
  const code = bytes[1]!;
  const high = (bytes[4]! << 8) | bytes[5]!;
  const low = (bytes[6]! << 8) | bytes[7]!;
  const payload = bytes.subarray(ICMPV4_HEADER_LENGTH);
  switch (type) {
    case ICMPV4_ECHO_REQUEST:
    case ICMPV4_ECHO_REPLY:
      return decoded({ kind: type === ICMPV4_ECHO_REQUEST ? 'echo-request' : 'echo-reply', code, identifier: high, sequenceNumber: low, payload });
    case ICMPV4_DESTINATION_UNREACHABLE:
      return decoded({ kind: 'destination-unreachable', code, unused: high, nextHopMtu: low, payload });
    case ICMPV4_TIME_EXCEEDED:
      return decoded({ kind: 'time-exceeded', code, unused: high * 0x10000 + low, payload });
    default:
      return decoded({ kind: 'other', type, code, restOfHeader: high * 0x10000 + low, payload });
  }
}

function typeOf(message: Icmpv4Message): number {
  switch (message.kind) {
    case 'echo-request':
      return ICMPV4_ECHO_REQUEST;
    case 'echo-reply':
      return ICMPV4_ECHO_REPLY;
    case 'destination-unreachable':
      return ICMPV4_DESTINATION_UNREACHABLE;
    case 'time-exceeded':
      return ICMPV4_TIME_EXCEEDED;
    case 'other':
      return message.type;
  }
}

function restOf(message: Icmpv4Message): number {
  switch (message.kind) {
    case 'echo-request':
    case 'echo-reply':
      return ((message.identifier & 0xffff) * 0x10000 + (message.sequenceNumber & 0xffff));
    case 'destination-unreachable':
      return (message.unused & 0xffff) * 0x10000 + (message.nextHopMtu & 0xffff);
    case 'time-exceeded':
      return message.unused >>> 0;
    case 'other':
      return message.restOfHeader >>> 0;
  }
}

export function encodeIcmpv4(message: Icmpv4Message): Uint8Array {
  const bytes = allocateBytes(ICMPV4_HEADER_LENGTH + message.payload.length);
  bytes[0] = typeOf(message);
  bytes[1] = message.code;
  const rest = restOf(message);
  bytes[4] = rest >>> 24;
  bytes[5] = (rest >>> 16) & 0xff;
  bytes[6] = (rest >>> 8) & 0xff;
  bytes[7] = rest & 0xff;
  bytes.set(message.payload, ICMPV4_HEADER_LENGTH);
  const checksum = expectedChecksum(bytes, 0, bytes.length, 2);
  bytes[2] = checksum >>> 8;
  bytes[3] = checksum & 0xff;
  return bytes;
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Echo (ping) reply',
  3: 'Destination unreachable',
  4: 'Source quench (flow control)',
  5: 'Redirect',
  8: 'Echo (ping) request',
  9: 'Router advertisement',
  10: 'Router solicitation',
  11: 'Time-to-live exceeded',
  12: 'Parameter problem',
  13: 'Timestamp request',
  14: 'Timestamp reply',
};

const UNREACHABLE_CODES = [
  'Network unreachable',
  'Host unreachable',
  'Protocol unreachable',
  'Port unreachable',
  'Fragmentation needed',
  'Source route failed',
  'Destination network unknown',
  'Destination host unknown',
  'Source host isolated',
  'Network administratively prohibited',
  'Host administratively prohibited',
  'Network unreachable for TOS',
  'Host unreachable for TOS',
  'Communication administratively filtered',
  'Host precedence violation',
  'Precedence cutoff in effect',
];

const TIME_EXCEEDED_CODES = ['Time to live exceeded in transit', 'Fragment reassembly time exceeded'];

function codeName(type: number, code: number): string | undefined {
  if (type === ICMPV4_DESTINATION_UNREACHABLE) return UNREACHABLE_CODES[code];
  if (type === ICMPV4_TIME_EXCEEDED) return TIME_EXCEEDED_CODES[code];
  return undefined;
}

export interface Icmpv4DescribeContext {
  /** The TTL of the carrying IPv4 header: tshark appends ", ttl=N" to an echo's info. */
  readonly timeToLive?: number;
}

const swap16 = (n: number) => ((n & 0xff) << 8) | (n >>> 8);

/**
 * Describes an ICMP message at `offset`. Info as tshark prints it, e.g.
 * "Echo (ping) request  id=0x0001, seq=7/1792, ttl=64" (the name padded to 20 characters, the
 * sequence number read big- then little-endian) or "Destination unreachable (Fragmentation needed)".
 * For an error, payloadOffset..payloadEnd is the quoted datagram.
 */
export function describeIcmpv4(frame: Uint8Array, offset: number, end: number, context: Icmpv4DescribeContext = {}): Decoded<DescribedLayer> {
  const length = end - offset;
  if (length < ICMPV4_HEADER_LENGTH) return truncated('ICMP', ICMPV4_HEADER_LENGTH, Math.max(0, length));
  const type = frame[offset]!;
  const code = frame[offset + 1]!;
  const found = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const expected = expectedChecksum(frame, offset, end, offset + 2);
  const typeName = TYPE_NAMES[type];
  const codeText = codeName(type, code);
  const fields: FieldNode[] = [
    field('Type', `${type} (${typeName ?? 'Unknown'})`, offset, 1),
    field('Code', codeText === undefined ? String(code) : `${code} (${codeText})`, offset + 1, 1),
    field('Checksum', checksumText(found, expected), offset + 2, 2),
  ];
  const high = (frame[offset + 4]! << 8) | frame[offset + 5]!;
  const low = (frame[offset + 6]! << 8) | frame[offset + 7]!;
  let info: string;
  if (type === ICMPV4_ECHO_REQUEST || type === ICMPV4_ECHO_REPLY) {
    fields.push(
      field('Identifier (BE)', `${high} (${hex(high, 4)})`, offset + 4, 2),
      field('Identifier (LE)', `${swap16(high)} (${hex(swap16(high), 4)})`, offset + 4, 2),
      field('Sequence Number (BE)', `${low} (${hex(low, 4)})`, offset + 6, 2),
      field('Sequence Number (LE)', `${swap16(low)} (${hex(swap16(low), 4)})`, offset + 6, 2),
    );
    if (length > ICMPV4_HEADER_LENGTH) fields.push(field('Data', `(${length - ICMPV4_HEADER_LENGTH} bytes)`, offset + 8, length - ICMPV4_HEADER_LENGTH));
    const ttl = context.timeToLive === undefined ? '' : `, ttl=${context.timeToLive}`;
    info = `${typeName!.padEnd(20)} id=${hex(high, 4)}, seq=${low}/${swap16(low)}${ttl}`;
  } else {
    if (type === ICMPV4_DESTINATION_UNREACHABLE) {
      fields.push(field('Unused', hex(high, 4).slice(2), offset + 4, 2));
      fields.push(code === ICMPV4_CODE_FRAGMENTATION_NEEDED ? field('MTU of next hop', String(low), offset + 6, 2) : field('Unused', hex(low, 4).slice(2), offset + 6, 2));
    } else if (type === ICMPV4_TIME_EXCEEDED) {
      fields.push(field('Unused', hex(high * 0x10000 + low, 8).slice(2), offset + 4, 4));
    } else {
      fields.push(field('Rest of header', hex(high * 0x10000 + low, 8), offset + 4, 4));
    }
    if (length > ICMPV4_HEADER_LENGTH && (type === ICMPV4_DESTINATION_UNREACHABLE || type === ICMPV4_TIME_EXCEEDED)) {
      const quoted = describeIpv4(frame, offset + ICMPV4_HEADER_LENGTH, end);
      fields.push(
        quoted.ok
          ? field('Internet Protocol Version 4', quoted.value.layer.title, offset + 8, length - 8, quoted.value.layer.fields)
          : field('Data', `(${length - 8} bytes)`, offset + 8, length - 8),
      );
    } else if (length > ICMPV4_HEADER_LENGTH) {
      fields.push(field('Data', `(${length - 8} bytes)`, offset + 8, length - 8));
    }
    info = typeName === undefined ? 'Unknown ICMP (obsolete or malformed?)' : codeText === undefined ? typeName : `${typeName} (${codeText})`;
  }
  return decoded({
    layer: { protocol: 'ICMP', title: 'Internet Control Message Protocol', offset, length, fields },
    info,
    payloadOffset: offset + ICMPV4_HEADER_LENGTH,
    payloadEnd: end,
  });
}
