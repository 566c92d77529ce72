/**
 * ICMPv6 messages (RFC 4443): Destination Unreachable (codes 0-7), Packet Too Big, Time Exceeded,
 * Parameter Problem, Echo Request/Reply; and Neighbor Discovery (RFC 4861 section 4): Router
 * Solicitation/Advertisement (with Prf of RFC 4191, H of RFC 6275, Proxy of RFC 4389), Neighbor
 * Solicitation/Advertisement, Redirect, with their options (ndp-options.ts). Any other type is
 * kept raw. The checksum covers the IPv6 pseudo-header (RFC 4443 section 2.3, RFC 8200 section
 * 8.1) and is verified on decode unless asked not to.
 * `buildIcmpv6Error` quotes as much of the invoking packet as fits in 1280 bytes (RFC 4443 2.4(c)).
 * Left out: MLD (types 130-132, 143: raw for now), the RFC 4884 extension structure, and the
 * receiver's validity checks of RFC 4861 (hop limit 255, code 0): the stack applies those.
 * Reserved fields are ignored on decode and written as zero.
 */
import { formatIpv6, type Ipv6Address, readIpv6, writeIpv6 } from '../addr/ipv6';
import { formatMac } from '../addr/mac';
import { finishChecksum, pseudoHeaderSum, sumWords } from './checksum';
import { type DescribedLayer, field, type FieldNode, hex } from './describe';
import { describeIpv6, IPV6_HEADER_LENGTH, IPV6_MINIMUM_MTU, type Ipv6PseudoHeader } from './ipv6';
import { decodeNdpOptions, describeNdpOptions, findLinkLayerAddress, type NdpOption, ndpOptionsLength, writeNdpOptions } from './ndp-options';
import { type Decoded, decoded, decodeError, truncated } from './result';
import { allocateBytes } from './frame-bytes';
import { IP_PROTOCOL_ICMPV6 } from './protocol-numbers';

export const ICMPV6_PROTOCOL = IP_PROTOCOL_ICMPV6;

export const ICMPV6_DESTINATION_UNREACHABLE = 1;
export const ICMPV6_PACKET_TOO_BIG = 2;
export const ICMPV6_TIME_EXCEEDED = 3;
export const ICMPV6_PARAMETER_PROBLEM = 4;
export const ICMPV6_ECHO_REQUEST = 128;
export const ICMPV6_ECHO_REPLY = 129;
export const ICMPV6_ROUTER_SOLICITATION = 133;
export const ICMPV6_ROUTER_ADVERTISEMENT = 134;
export const ICMPV6_NEIGHBOR_SOLICITATION = 135;
export const ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
export const ICMPV6_REDIRECT = 137;

/** Default Router Preference (RFC 4191 section 2.2): 01 high, 00 medium, 11 low, 10 reserved. */
export type RouterPreference = 'high' | 'medium' | 'low' | 'reserved';

export type Icmpv6Message =
  /** `payload` is the invoking packet, as much as was quoted. */
  | { readonly kind: 'destination-unreachable'; readonly code: number; readonly payload: Uint8Array }
  | { readonly kind: 'packet-too-big'; readonly code: number; readonly mtu: number; readonly payload: Uint8Array }
  | { readonly kind: 'time-exceeded'; readonly code: number; readonly payload: Uint8Array }
  /** `pointer`: offset in the invoking packet of the erroneous byte (RFC 4443 section 3.4). */
  | { readonly kind: 'parameter-problem'; readonly code: number; readonly pointer: number; readonly payload: Uint8Array }
  /** `payload` is the Data. */
  | { readonly kind: 'echo-request'; readonly code: number; readonly identifier: number; readonly sequenceNumber: number; readonly payload: Uint8Array }
  | { readonly kind: 'echo-reply'; readonly code: number; readonly identifier: number; readonly sequenceNumber: number; readonly payload: Uint8Array }
  | { readonly kind: 'router-solicitation'; readonly code: number; readonly options: readonly NdpOption[] }
  | {
      readonly kind: 'router-advertisement';
      readonly code: number;
      readonly curHopLimit: number;
      /** M flag. */
      readonly managed: boolean;
      /** O flag. */
      readonly other: boolean;
      /** H flag (RFC 6275 section 7.1). */
      readonly homeAgent: boolean;
      /** Prf (RFC 4191). */
      readonly preference: RouterPreference;
      /** P flag (RFC 4389 section 4.1.3.3). */
      readonly proxy: boolean;
      readonly routerLifetimeS: number;
      readonly reachableTimeMs: number;
      readonly retransTimerMs: number;
      readonly options: readonly NdpOption[];
    }
  | { readonly kind: 'neighbor-solicitation'; readonly code: number; readonly targetAddress: Ipv6Address; readonly options: readonly NdpOption[] }
  | {
      readonly kind: 'neighbor-advertisement';
      readonly code: number;
      /** R flag. */
      readonly router: boolean;
      /** S flag. */
      readonly solicited: boolean;
      /** O flag. */
      readonly override: boolean;
      readonly targetAddress: Ipv6Address;
      readonly options: readonly NdpOption[];
    }
  | {
      readonly kind: 'redirect';
      readonly code: number;
      readonly targetAddress: Ipv6Address;
      readonly destinationAddress: Ipv6Address;
      readonly options: readonly NdpOption[];
    }
  /** Any other type: `body` is everything after the checksum. */
  | { readonly kind: 'unknown'; readonly type: number; readonly code: number; readonly body: Uint8Array };

export interface DecodeIcmpv6Options {
  /** Default true. */
  readonly verifyChecksum?: boolean;
}

const LAYER = 'ICMPv6';

const PREFERENCES: readonly RouterPreference[] = ['medium', 'high', 'reserved', 'low'];

/** The Type field for a message. */
export function icmpv6Type(message: Icmpv6Message): number {
  switch (message.kind) {
    case 'destination-unreachable':
      return ICMPV6_DESTINATION_UNREACHABLE;
    case 'packet-too-big':
      return ICMPV6_PACKET_TOO_BIG;
    case 'time-exceeded':
      return ICMPV6_TIME_EXCEEDED;
    case 'parameter-problem':
      return ICMPV6_PARAMETER_PROBLEM;
    case 'echo-request':
      return ICMPV6_ECHO_REQUEST;
    case 'echo-reply':
      return ICMPV6_ECHO_REPLY;
    case 'router-solicitation':
      return ICMPV6_ROUTER_SOLICITATION;
    case 'router-advertisement':
      return ICMPV6_ROUTER_ADVERTISEMENT;
    case 'neighbor-solicitation':
      return ICMPV6_NEIGHBOR_SOLICITATION;
    case 'neighbor-advertisement':
      return ICMPV6_NEIGHBOR_ADVERTISEMENT;
    case 'redirect':
      return ICMPV6_REDIRECT;
    case 'unknown':
      return message.type;
  }
}

/** True for the error messages of RFC 4443 (types 0-127, section 2.1). */
export function isIcmpv6Error(type: number): boolean {
  return type < 128;
}

/** Fixed part (bytes before the variable part) of each known type. */
function fixedLength(type: number): number {
  switch (type) {
    case ICMPV6_ROUTER_ADVERTISEMENT:
      return 16;
    case ICMPV6_NEIGHBOR_SOLICITATION:
    case ICMPV6_NEIGHBOR_ADVERTISEMENT:
      return 24;
    case ICMPV6_REDIRECT:
      return 40;
    case ICMPV6_DESTINATION_UNREACHABLE:
    case ICMPV6_PACKET_TOO_BIG:
    case ICMPV6_TIME_EXCEEDED:
    case ICMPV6_PARAMETER_PROBLEM:
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY:
    case ICMPV6_ROUTER_SOLICITATION:
      return 8;
    default:
      return 4;
  }
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** The checksum `bytes` should carry (its own checksum field left out of the sum). */
function expectedChecksum(bytes: Uint8Array, pseudo: Ipv6PseudoHeader): number {
  return finishChecksum(sumWords(bytes, 4, bytes.length, sumWords(bytes, 0, 2, pseudoHeaderSum(pseudo, bytes.length, ICMPV6_PROTOCOL))));
}

/**
 * Decodes an ICMPv6 message filling `bytes` (the IPv6 upper-layer bytes). `pseudo` gives the
 * source and final destination for the checksum. Errors: 'truncated', 'bad-checksum', and for ND
 * messages an option of length 0 ('bad-value') or one that overruns ('truncated').
 */
export function decodeIcmpv6(bytes: Uint8Array, pseudo: Ipv6PseudoHeader, options: DecodeIcmpv6Options = {}): Decoded<Icmpv6Message> {
  if (bytes.length < 4) return truncated(LAYER, 4, bytes.length);
  const type = bytes[0]!;
  const code = bytes[1]!;
  const needed = fixedLength(type);
  if (bytes.length < needed) return truncated(LAYER, needed, bytes.length);
  if (options.verifyChecksum !== false) {
    const found = (bytes[2]! << 8) | bytes[3]!;
    const expected = expectedChecksum(bytes, pseudo);
    if (found !== expected) return decodeError(LAYER, 'bad-checksum', 2, `ICMPv6: checksum ${hex(found, 4)} is wrong, expected ${hex(expected, 4)}`);
  }
  const rest = bytes.subarray(needed);
  switch (type) {
    case ICMPV6_DESTINATION_UNREACHABLE:
      return decoded({ kind: 'destination-unreachable', code, payload: rest });
    case ICMPV6_PACKET_TOO_BIG:
      return decoded({ kind: 'packet-too-big', code, mtu: u32(bytes, 4), payload: rest });
    case ICMPV6_TIME_EXCEEDED:
      return decoded({ kind: 'time-exceeded', code, payload: rest });
    case ICMPV6_PARAMETER_PROBLEM:
      return decoded({ kind: 'parameter-problem', code, pointer: u32(bytes, 4), payload: rest });
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY:
      return decoded({
        kind: type === ICMPV6_ECHO_REQUEST ? 'echo-request' : 'echo-reply',
        code,
        identifier: (bytes[4]! << 8) | bytes[5]!,
        sequenceNumber: (bytes[6]! << 8) | bytes[7]!,
        payload: rest,
      });
    case ICMPV6_ROUTER_SOLICITATION:
    case ICMPV6_ROUTER_ADVERTISEMENT:
    case ICMPV6_NEIGHBOR_SOLICITATION:
    case ICMPV6_NEIGHBOR_ADVERTISEMENT:
    case ICMPV6_REDIRECT: {
      const ndOptions = decodeNdpOptions(rest);
      if (!ndOptions.ok) {
        const { kind, offset, message } = ndOptions.error;
        return decodeError(LAYER, kind, needed + offset, `ICMPv6 ${TYPE_NAMES[type]!}: ${message}`);
      }
      return decoded(decodeNd(type, code, bytes, ndOptions.value));
    }
    default:
      return decoded({ kind: 'unknown', type, code, body: bytes.subarray(4) });
  }
}

function decodeNd(type: number, code: number, bytes: Uint8Array, options: readonly NdpOption[]): Icmpv6Message {
  switch (type) {
    case ICMPV6_ROUTER_SOLICITATION:
      return { kind: 'router-solicitation', code, options };
    case ICMPV6_ROUTER_ADVERTISEMENT: {
      const flags = bytes[5]!;
      return {
        kind: 'router-advertisement',
        code,
        curHopLimit: bytes[4]!,
        managed: (flags & 0x80) !== 0,
        other: (flags & 0x40) !== 0,
        homeAgent: (flags & 0x20) !== 0,
        preference: PREFERENCES[(flags >>> 3) & 3]!,
        proxy: (flags & 0x04) !== 0,
        routerLifetimeS: (bytes[6]! << 8) | bytes[7]!,
        reachableTimeMs: u32(bytes, 8),
        retransTimerMs: u32(bytes, 12),
        options,
      };
    }
    case ICMPV6_NEIGHBOR_SOLICITATION:
      return { kind: 'neighbor-solicitation', code, targetAddress: readIpv6(bytes, 8), options };
    case ICMPV6_NEIGHBOR_ADVERTISEMENT: {
      const flags = bytes[4]!;
      return {
        kind: 'neighbor-advertisement',
        code,
        router: (flags & 0x80) !== 0,
        solicited: (flags & 0x40) !== 0,
        override: (flags & 0x20) !== 0,
        targetAddress: readIpv6(bytes, 8),
        options,
      };
    }
    default:
      return { kind: 'redirect', code, targetAddress: readIpv6(bytes, 8), destinationAddress: readIpv6(bytes, 24), options };
  }
}

// --- encoding -------------------------------------------------------------------------------

function variableLength(message: Icmpv6Message): number {
  switch (message.kind) {
    case 'router-solicitation':
    case 'router-advertisement':
    case 'neighbor-solicitation':
    case 'neighbor-advertisement':
    case 'redirect':
      return ndpOptionsLength(message.options);
    case 'unknown':
      return message.body.length;
    default:
      return message.payload.length;
  }
}

/** The message's bytes with its checksum over `pseudo` (source and final destination). */
export function encodeIcmpv6(message: Icmpv6Message, pseudo: Ipv6PseudoHeader): Uint8Array {
  const type = icmpv6Type(message);
  const start = message.kind === 'unknown' ? 4 : fixedLength(type);
  const bytes = allocateBytes(start + variableLength(message));
  bytes[0] = type;
  bytes[1] = message.code;
  switch (message.kind) {
    case 'destination-unreachable':
    case 'time-exceeded':
      bytes.set(message.payload, start);
      break;
    case 'packet-too-big':
      writeU32(bytes, 4, message.mtu);
      bytes.set(message.payload, start);
      break;
    case 'parameter-problem':
      writeU32(bytes, 4, message.pointer);
      bytes.set(message.payload, start);
      break;
    case 'echo-request':
    case 'echo-reply':
      bytes[4] = (message.identifier >>> 8) & 0xff;
      bytes[5] = message.identifier & 0xff;
      bytes[6] = (message.sequenceNumber >>> 8) & 0xff;
      bytes[7] = message.sequenceNumber & 0xff;
      bytes.set(message.payload, start);
      break;
    case 'router-solicitation':
      writeNdpOptions(bytes, start, message.options);
      break;
    case 'router-advertisement':
      bytes[4] = message.curHopLimit;
      bytes[5] =
        (message.managed ? 0x80 : 0) |
        (message.other ? 0x40 : 0) |
        (message.homeAgent ? 0x20 : 0) |
        (PREFERENCES.indexOf(message.preference) << 3) |
        (message.proxy ? 0x04 : 0);
      bytes[6] = (message.routerLifetimeS >>> 8) & 0xff;
      bytes[7] = message.routerLifetimeS & 0xff;
      writeU32(bytes, 8, message.reachableTimeMs);
      writeU32(bytes, 12, message.retransTimerMs);
      writeNdpOptions(bytes, start, message.options);
      break;
    case 'neighbor-solicitation':
      writeIpv6(bytes, 8, message.targetAddress);
      writeNdpOptions(bytes, start, message.options);
      break;
    case 'neighbor-advertisement':
      bytes[4] = (message.router ? 0x80 : 0) | (message.solicited ? 0x40 : 0) | (message.override ? 0x20 : 0);
      writeIpv6(bytes, 8, message.targetAddress);
      writeNdpOptions(bytes, start, message.options);
      break;
    case 'redirect':
      writeIpv6(bytes, 8, message.targetAddress);
      writeIpv6(bytes, 24, message.destinationAddress);
      writeNdpOptions(bytes, start, message.options);
      break;
    case 'unknown':
      bytes.set(message.body, 4);
      break;
  }
  const checksum = expectedChecksum(bytes, pseudo);
  bytes[2] = checksum >>> 8;
  bytes[3] = checksum & 0xff;
  return bytes;
}

// --- error messages (RFC 4443 section 2.4) --------------------------------------------------

export type Icmpv6ErrorSpec =
  | { readonly kind: 'destination-unreachable'; readonly code: number }
  | { readonly kind: 'packet-too-big'; readonly mtu: number }
  | { readonly kind: 'time-exceeded'; readonly code: number }
  | { readonly kind: 'parameter-problem'; readonly code: number; readonly pointer: number };

/** Room left for the quote: 1280 minus the IPv6 header and the 8-byte ICMPv6 error header. */
export const ICMPV6_ERROR_QUOTE_MAX = IPV6_MINIMUM_MTU - IPV6_HEADER_LENGTH - 8;

/**
 * An error message quoting as much of `invokingPacket` (the whole IPv6 packet that caused it) as
 * fits in a 1280-byte IPv6 packet (RFC 4443 section 2.4(c)). `extensionHeadersLength` counts any
 * extension headers the error itself will carry. The quote is a view into `invokingPacket`.
 */
export function buildIcmpv6Error(spec: Icmpv6ErrorSpec, invokingPacket: Uint8Array, extensionHeadersLength = 0): Icmpv6Message {
  const room = Math.max(0, ICMPV6_ERROR_QUOTE_MAX - extensionHeadersLength);
  const payload = invokingPacket.subarray(0, Math.min(invokingPacket.length, room));
  switch (spec.kind) {
    case 'packet-too-big':
      return { kind: 'packet-too-big', code: 0, mtu: spec.mtu, payload };
    case 'parameter-problem':
      return { kind: 'parameter-problem', code: spec.code, pointer: spec.pointer, payload };
    default:
      return { kind: spec.kind, code: spec.code, payload };
  }
}

// --- describing -----------------------------------------------------------------------------

const TYPE_NAMES: Record<number, string> = {
  1: 'Destination Unreachable',
  2: 'Packet Too Big',
  3: 'Time Exceeded',
  4: 'Parameter Problem',
  128: 'Echo (ping) request',
  129: 'Echo (ping) reply',
  130: 'Multicast Listener Query',
  131: 'Multicast Listener Report',
  132: 'Multicast Listener Done',
  133: 'Router Solicitation',
  134: 'Router Advertisement',
  135: 'Neighbor Solicitation',
  136: 'Neighbor Advertisement',
  137: 'Redirect',
  143: 'Multicast Listener Report Message v2',
};

/** Wireshark's name for an ICMPv6 type. */
export function icmpv6TypeName(type: number): string {
  const name = TYPE_NAMES[type];
  if (name) return name;
  // RFC 4443 section 2.1.
  if (type === 100 || type === 101 || type === 200 || type === 201) return 'Private experimentation';
  if (type === 127) return 'Reserved for expansion of ICMPv6 error messages';
  if (type === 255) return 'Reserved for expansion of ICMPv6 informational messages';
  return `Unknown (${type})`;
}

const CODE_NAMES: Record<number, readonly string[]> = {
  1: [
    'no route to destination',
    'Administratively prohibited',
    'Beyond scope of source address',
    'Address unreachable',
    'Port unreachable',
    'Source address failed ingress/egress policy',
    'Reject route to destination',
    'Error in Source Routing Header',
  ],
  3: ['hop limit exceeded in transit', 'fragment reassembly time exceeded'],
  4: [
    'erroneous header field encountered',
    'unrecognized Next Header type encountered',
    'unrecognized IPv6 option encountered',
    // RFC 7112.
    'IPv6 First Fragment has incomplete IPv6 Header Chain',
  ],
};

const PREFERENCE_TEXT: Record<RouterPreference, string> = { high: 'High (1)', medium: 'Medium (0)', low: 'Low (3)', reserved: 'Reserved (2)' };

function setText(flag: boolean): string {
  return flag ? 'Set' : 'Not set';
}

export interface DescribeIcmpv6Context {
  readonly pseudoHeader: Ipv6PseudoHeader;
  /** The IPv6 Hop Limit, which Wireshark shows in an echo's Info line. */
  readonly hopLimit: number;
  /** The message is quoted inside an ICMPv6 error: it may be cut short and its checksum is not verified. */
  readonly quoted?: boolean;
}

/**
 * The ICMPv6 layer of `frame[offset, end)`: every field with absolute offsets, the options as
 * subtrees, an error's quoted packet as a nested IPv6 (and ICMPv6) subtree, and the Info text
 * tshark prints. ICMPv6 carries no further layer: payloadOffset = payloadEnd = end.
 */
export function describeIcmpv6(frame: Uint8Array, offset: number, end: number, context: DescribeIcmpv6Context): Decoded<DescribedLayer> {
  const length = end - offset;
  if (length < 4) return truncated(LAYER, 4, length);
  const type = frame[offset]!;
  const code = frame[offset + 1]!;
  const needed = fixedLength(type);
  const quoted = context.quoted === true;
  if (length < needed && !quoted) return truncated(LAYER, needed, length);
  const has = (bytes: number): boolean => length >= bytes;
  const typeName = icmpv6TypeName(type);
  // Wireshark names an unlisted code of a type that has a code table "Unknown".
  const codeTable = CODE_NAMES[type];
  const codeName = codeTable ? (codeTable[code] ?? 'Unknown') : undefined;
  const found = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  let checksumText: string;
  if (quoted) checksumText = `${hex(found, 4)} [unverified] [in ICMP error packet]`;
  else {
    const expected = expectedChecksum(frame.subarray(offset, end), context.pseudoHeader);
    checksumText = found === expected ? `${hex(found, 4)} [correct]` : `${hex(found, 4)} [incorrect, should be ${hex(expected, 4)}]`;
  }
  const fields: FieldNode[] = [
    field('Type', `${typeName} (${type})`, offset, 1),
    field('Code', codeName ? `${code} (${codeName})` : String(code), offset + 1, 1),
    field('Checksum', checksumText, offset + 2, 2),
  ];
  let info = codeName ? `${typeName} (${codeName})` : typeName;
  let optionsStart = -1;

  switch (type) {
    case ICMPV6_DESTINATION_UNREACHABLE:
    case ICMPV6_PACKET_TOO_BIG:
    case ICMPV6_TIME_EXCEEDED:
    case ICMPV6_PARAMETER_PROBLEM:
      if (!has(8)) break;
      if (type === ICMPV6_PACKET_TOO_BIG) fields.push(field('MTU', String(u32(frame, offset + 4)), offset + 4, 4));
      else if (type === ICMPV6_PARAMETER_PROBLEM) fields.push(field('Pointer', String(u32(frame, offset + 4)), offset + 4, 4));
      else fields.push(field('Reserved', hex(u32(frame, offset + 4), 8).slice(2), offset + 4, 4));
      if (!quoted && length > 8) fields.push(...describeQuote(frame, offset + 8, end));
      break;
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY: {
      if (!has(8)) break;
      const identifier = (frame[offset + 4]! << 8) | frame[offset + 5]!;
      const sequence = (frame[offset + 6]! << 8) | frame[offset + 7]!;
      fields.push(field('Identifier', hex(identifier, 4), offset + 4, 2), field('Sequence', String(sequence), offset + 6, 2));
      if (length > 8) fields.push(field(`Data (${length - 8} bytes)`, '', offset + 8, length - 8));
      info += ` id=${hex(identifier, 4)}, seq=${sequence}, hop limit=${context.hopLimit}`;
      break;
    }
    case ICMPV6_ROUTER_SOLICITATION:
      if (!has(8)) break;
      fields.push(field('Reserved', hex(u32(frame, offset + 4), 8).slice(2), offset + 4, 4));
      optionsStart = offset + 8;
      break;
    case ICMPV6_ROUTER_ADVERTISEMENT: {
      if (!has(16)) break;
      const flags = frame[offset + 5]!;
      const preference = PREFERENCES[(flags >>> 3) & 3]!;
      const flagNames = [
        flags & 0x80 ? 'Managed address configuration' : '',
        flags & 0x40 ? 'Other configuration' : '',
        flags & 0x20 ? 'Home Agent' : '',
        `Prf (Default Router Preference): ${PREFERENCE_TEXT[preference].replace(/ \(\d\)$/, '')}`,
        flags & 0x04 ? 'Proxy' : '',
      ].filter((n) => n !== '');
      fields.push(
        field('Cur hop limit', String(frame[offset + 4]!), offset + 4, 1),
        field('Flags', `${hex(flags, 2)}, ${flagNames.join(', ')}`, offset + 5, 1, [
          field('Managed address configuration', setText((flags & 0x80) !== 0), offset + 5, 1),
          field('Other configuration', setText((flags & 0x40) !== 0), offset + 5, 1),
          field('Home Agent', setText((flags & 0x20) !== 0), offset + 5, 1),
          field('Prf (Default Router Preference)', PREFERENCE_TEXT[preference], offset + 5, 1),
          field('Proxy', setText((flags & 0x04) !== 0), offset + 5, 1),
          field('Reserved', String(flags & 3), offset + 5, 1),
        ]),
        field('Router lifetime (s)', String((frame[offset + 6]! << 8) | frame[offset + 7]!), offset + 6, 2),
        field('Reachable time (ms)', String(u32(frame, offset + 8)), offset + 8, 4),
        field('Retrans timer (ms)', String(u32(frame, offset + 12)), offset + 12, 4),
      );
      optionsStart = offset + 16;
      break;
    }
    case ICMPV6_NEIGHBOR_SOLICITATION: {
      if (!has(24)) break;
      const target = formatIpv6(readIpv6(frame, offset + 8));
      fields.push(field('Reserved', hex(u32(frame, offset + 4), 8).slice(2), offset + 4, 4), field('Target Address', target, offset + 8, 16));
      info += ` for ${target}`;
      optionsStart = offset + 24;
      break;
    }
    case ICMPV6_NEIGHBOR_ADVERTISEMENT: {
      if (!has(24)) break;
      const flags = u32(frame, offset + 4);
      const target = formatIpv6(readIpv6(frame, offset + 8));
      const set = [flags & 0x80000000 ? 'Router' : '', flags & 0x40000000 ? 'Solicited' : '', flags & 0x20000000 ? 'Override' : ''].filter((n) => n !== '');
      fields.push(
        field('Flags', `${hex(flags, 8)}${set.length > 0 ? `, ${set.join(', ')}` : ''}`, offset + 4, 4, [
          field('Router', setText((flags & 0x80000000) !== 0), offset + 4, 1),
          field('Solicited', setText((flags & 0x40000000) !== 0), offset + 4, 1),
          field('Override', setText((flags & 0x20000000) !== 0), offset + 4, 1),
          field('Reserved', String(flags & 0x1fffffff), offset + 4, 4),
        ]),
        field('Target Address', target, offset + 8, 16),
      );
      const short = [flags & 0x80000000 ? 'rtr' : '', flags & 0x40000000 ? 'sol' : '', flags & 0x20000000 ? 'ovr' : ''].filter((n) => n !== '');
      info += ` ${target} (${short.length > 0 ? short.join(', ') : 'none'})`;
      optionsStart = offset + 24;
      break;
    }
    case ICMPV6_REDIRECT:
      if (!has(40)) break;
      fields.push(
        field('Reserved', hex(u32(frame, offset + 4), 8).slice(2), offset + 4, 4),
        field('Target Address', formatIpv6(readIpv6(frame, offset + 8)), offset + 8, 16),
        field('Destination Address', formatIpv6(readIpv6(frame, offset + 24)), offset + 24, 16),
      );
      optionsStart = offset + 40;
      break;
    default:
      if (length > 4) fields.push(field('Data', `${length - 4} bytes`, offset + 4, length - 4));
  }

  if (optionsStart >= 0) {
    fields.push(...describeNdpOptions(frame, optionsStart, end));
    // Wireshark appends the link-layer address options to the Info line, as it meets them.
    const options = decodeNdpOptions(frame.subarray(optionsStart, end));
    if (options.ok) {
      for (const option of options.value) {
        if (option.kind === 'source-link-layer-address') info += ` from ${formatMac(option.linkLayerAddress)}`;
        else if (option.kind === 'target-link-layer-address') info += ` is at ${formatMac(option.linkLayerAddress)}`;
      }
    }
  }

  return decoded({
    layer: { protocol: 'ICMPv6', title: 'Internet Control Message Protocol v6', offset, length, fields },
    info,
    payloadOffset: end,
    payloadEnd: end,
  });
}

/** The invoking packet of an error: a nested IPv6 subtree, and its ICMPv6 one when it fits. */
function describeQuote(frame: Uint8Array, offset: number, end: number): FieldNode[] {
  const ip = describeIpv6(frame, offset, end, { quoted: true });
  if (!ip.ok) return [field('Invoking packet', `${end - offset} bytes`, offset, end - offset)];
  const { layer } = ip.value;
  const nodes = [field(`Internet Protocol Version 6, ${layer.title}`, '', offset, layer.length, layer.fields)];
  const { payloadOffset, upperLayer, fragmented, hopLimit, pseudoHeader } = ip.value;
  if (payloadOffset >= end) return nodes;
  if (upperLayer === ICMPV6_PROTOCOL && !fragmented) {
    const inner = describeIcmpv6(frame, payloadOffset, end, { pseudoHeader, hopLimit, quoted: true });
    if (inner.ok) {
      nodes.push(field('Internet Control Message Protocol v6', '', payloadOffset, end - payloadOffset, inner.value.layer.fields));
      return nodes;
    }
  }
  nodes.push(field(`Data (${end - payloadOffset} bytes)`, '', payloadOffset, end - payloadOffset));
  return nodes;
}

/** The link-layer address a ND message announces (SLLA, or TLLA for an NA), for callers that only need that. */
export function announcedLinkLayerAddress(message: Icmpv6Message): ReturnType<typeof findLinkLayerAddress> {
  switch (message.kind) {
    case 'router-solicitation':
    case 'router-advertisement':
    case 'neighbor-solicitation':
      return findLinkLayerAddress(message.options, 'source-link-layer-address');
    case 'neighbor-advertisement':
    case 'redirect':
      return findLinkLayerAddress(message.options, 'target-link-layer-address');
    default:
      return undefined;
  }
}
