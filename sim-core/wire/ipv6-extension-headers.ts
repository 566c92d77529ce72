/**
 * IPv6 extension headers (RFC 8200 section 4): Hop-by-Hop Options and Destination Options with
 * their TLV options (section 4.2: Pad1, PadN, Router Alert of RFC 2711; any other option, Jumbo
 * included, kept as type + data, its action bits readable with `ipv6OptionAction`), Routing
 * (section 4.4: type-specific data kept raw; type 2 of RFC 6275 and type 4, the SRH of RFC 8754,
 * give their addresses through `readRoutingAddresses`), Fragment (section 4.5) and the
 * Authentication Header (RFC 4302, carried raw so the walk can step over it).
 * Also: the chain walker, a builder for a packet with a given chain, and the section 4.5 split
 * into unfragmentable and fragmentable parts with a fragment builder.
 * Left out: ESP contents (the walk stops at protocol 50), jumbograms (RFC 2675: Jumbo is a generic
 * option and Payload Length 0 is not reinterpreted), reassembly (the stack's job: it holds state),
 * reserved bits (ignored on decode, written as zero).
 */
import { formatIpv6, type Ipv6Address, readIpv6 } from '../addr/ipv6';
import { field, type FieldNode, hex } from './describe';
import type { Ipv6Packet } from './ipv6';
import { type Decoded, decoded, decodeError, truncated } from './result';

import {
  IP_PROTOCOL_AH,
  IP_PROTOCOL_DESTINATION_OPTIONS,
  IP_PROTOCOL_ESP,
  IP_PROTOCOL_FRAGMENT,
  IP_PROTOCOL_HOP_BY_HOP,
  IP_PROTOCOL_NO_NEXT_HEADER,
  IP_PROTOCOL_ROUTING,
  ipProtocolIdentity,
} from './protocol-numbers';

export const HOP_BY_HOP_OPTIONS = IP_PROTOCOL_HOP_BY_HOP;
export const ROUTING_HEADER = IP_PROTOCOL_ROUTING;
export const FRAGMENT_HEADER = IP_PROTOCOL_FRAGMENT;
export const ENCAPSULATING_SECURITY_PAYLOAD = IP_PROTOCOL_ESP;
export const AUTHENTICATION_HEADER = IP_PROTOCOL_AH;
export const NO_NEXT_HEADER = IP_PROTOCOL_NO_NEXT_HEADER;
export const DESTINATION_OPTIONS = IP_PROTOCOL_DESTINATION_OPTIONS;

/** Byte offset of the Next Header field in the IPv6 fixed header (RFC 8200 section 3). */
const FIXED_NEXT_HEADER_OFFSET = 6;
const FIXED_HEADER_LENGTH = 40;

/** A TLV option of a Hop-by-Hop or Destination Options header (RFC 8200 section 4.2). */
export type Ipv6Option =
  | { readonly kind: 'pad1' }
  | { readonly kind: 'padn'; readonly data: Uint8Array }
  /** RFC 2711: 0 MLD, 1 RSVP, 2 Active Networks. */
  | { readonly kind: 'router-alert'; readonly value: number }
  | { readonly kind: 'other'; readonly type: number; readonly data: Uint8Array };

export type Ipv6ExtensionHeader =
  | { readonly kind: 'hop-by-hop-options'; readonly nextHeader: number; readonly options: readonly Ipv6Option[] }
  | { readonly kind: 'destination-options'; readonly nextHeader: number; readonly options: readonly Ipv6Option[] }
  | {
      readonly kind: 'routing';
      readonly nextHeader: number;
      readonly routingType: number;
      readonly segmentsLeft: number;
      /** Type-specific data (from byte 4); its length + 4 is a multiple of 8 (encode pads with zeros). */
      readonly data: Uint8Array;
    }
  | {
      readonly kind: 'fragment';
      readonly nextHeader: number;
      /** In 8-octet units (0..8191). */
      readonly fragmentOffset: number;
      readonly moreFragments: boolean;
      readonly identification: number;
    }
  /** RFC 4302: `data` is everything after Next Header and Payload Len (reserved, SPI, sequence, ICV). */
  | { readonly kind: 'authentication'; readonly nextHeader: number; readonly data: Uint8Array };

/** The protocol number that announces a header of this kind. */
export function extensionHeaderType(header: Ipv6ExtensionHeader): number {
  switch (header.kind) {
    case 'hop-by-hop-options':
      return HOP_BY_HOP_OPTIONS;
    case 'destination-options':
      return DESTINATION_OPTIONS;
    case 'routing':
      return ROUTING_HEADER;
    case 'fragment':
      return FRAGMENT_HEADER;
    case 'authentication':
      return AUTHENTICATION_HEADER;
  }
}

/** True for the Next Header values this module walks over as extension headers. */
export function isIpv6ExtensionHeaderType(type: number): boolean {
  return (
    type === HOP_BY_HOP_OPTIONS ||
    type === ROUTING_HEADER ||
    type === FRAGMENT_HEADER ||
    type === DESTINATION_OPTIONS ||
    type === AUTHENTICATION_HEADER
  );
}

/** What a node must do with an option it does not recognise: the two high-order bits of its type (RFC 8200 section 4.2). */
export type Ipv6OptionAction = 'skip' | 'discard' | 'discard-send-icmp' | 'discard-send-icmp-unless-multicast';

const OPTION_ACTIONS: readonly Ipv6OptionAction[] = ['skip', 'discard', 'discard-send-icmp', 'discard-send-icmp-unless-multicast'];

export function ipv6OptionAction(optionType: number): Ipv6OptionAction {
  return OPTION_ACTIONS[(optionType >>> 6) & 3]!;
}

/** The third-highest bit of the option type: the option data may change en route (RFC 8200 section 4.2). */
export function ipv6OptionMayChange(optionType: number): boolean {
  return (optionType & 0x20) !== 0;
}

export function ipv6OptionType(option: Ipv6Option): number {
  switch (option.kind) {
    case 'pad1':
      return 0;
    case 'padn':
      return 1;
    case 'router-alert':
      return 5;
    case 'other':
      return option.type;
  }
}

function optionSize(option: Ipv6Option): number {
  switch (option.kind) {
    case 'pad1':
      return 1;
    case 'router-alert':
      return 4;
    default:
      return 2 + option.data.length;
  }
}

/** Returns `options` followed by the Pad1/PadN needed to end the header on an 8-octet boundary. */
export function padIpv6Options(options: readonly Ipv6Option[]): readonly Ipv6Option[] {
  let size = 2;
  for (const option of options) size += optionSize(option);
  const missing = (8 - (size % 8)) % 8;
  if (missing === 0) return options;
  const pad: Ipv6Option = missing === 1 ? { kind: 'pad1' } : { kind: 'padn', data: new Uint8Array(missing - 2) };
  return [...options, pad];
}

// --- decoding -------------------------------------------------------------------------------

function decodeOptions(bytes: Uint8Array, start: number, end: number, layer: string): Decoded<readonly Ipv6Option[]> {
  const options: Ipv6Option[] = [];
  let i = start;
  while (i < end) {
    const type = bytes[i]!;
    if (type === 0) {
      options.push({ kind: 'pad1' });
      i += 1;
      continue;
    }
    if (i + 2 > end) return decodeError(layer, 'truncated', i, `${layer}: option type ${type} at byte ${i} has no length byte`);
    const length = bytes[i + 1]!;
    const dataEnd = i + 2 + length;
    if (dataEnd > end) {
      return decodeError(layer, 'truncated', i, `${layer}: option type ${type} at byte ${i} needs ${length} data bytes, only ${end - i - 2} left in the header`);
    }
    if (type === 1) options.push({ kind: 'padn', data: bytes.subarray(i + 2, dataEnd) });
    else if (type === 5 && length === 2) options.push({ kind: 'router-alert', value: (bytes[i + 2]! << 8) | bytes[i + 3]! });
    else options.push({ kind: 'other', type, data: bytes.subarray(i + 2, dataEnd) });
    i = dataEnd;
  }
  return decoded(options);
}

const HEADER_LAYER: Record<number, string> = {
  [HOP_BY_HOP_OPTIONS]: 'IPv6 Hop-by-Hop Options',
  [ROUTING_HEADER]: 'IPv6 Routing',
  [FRAGMENT_HEADER]: 'IPv6 Fragment',
  [DESTINATION_OPTIONS]: 'IPv6 Destination Options',
  [AUTHENTICATION_HEADER]: 'IPv6 Authentication Header',
};

/** Length in bytes of the extension header of `type` starting at `offset`, or an error. */
function headerLengthAt(type: number, bytes: Uint8Array, offset: number): Decoded<number> {
  const layer = HEADER_LAYER[type] ?? 'IPv6 extension header';
  const available = bytes.length - offset;
  if (available < 8) return truncated(layer, 8, available);
  const length = type === FRAGMENT_HEADER ? 8 : type === AUTHENTICATION_HEADER ? (bytes[offset + 1]! + 2) * 4 : (bytes[offset + 1]! + 1) * 8;
  if (length > available) return truncated(layer, length, available);
  return decoded(length);
}

/** Decodes the header of `type` at `bytes[offset]`; the caller has checked its length with headerLengthAt. */
function decodeHeaderAt(type: number, bytes: Uint8Array, offset: number, length: number): Decoded<Ipv6ExtensionHeader> {
  const nextHeader = bytes[offset]!;
  const end = offset + length;
  switch (type) {
    case HOP_BY_HOP_OPTIONS:
    case DESTINATION_OPTIONS: {
      const options = decodeOptions(bytes, offset + 2, end, HEADER_LAYER[type]!);
      if (!options.ok) return options;
      return decoded(
        type === HOP_BY_HOP_OPTIONS
          ? { kind: 'hop-by-hop-options', nextHeader, options: options.value }
          : { kind: 'destination-options', nextHeader, options: options.value },
      );
    }
    case ROUTING_HEADER:
      return decoded({
        kind: 'routing',
        nextHeader,
        routingType: bytes[offset + 2]!,
        segmentsLeft: bytes[offset + 3]!,
        data: bytes.subarray(offset + 4, end),
      });
    case FRAGMENT_HEADER: {
      const word = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
      return decoded({
        kind: 'fragment',
        nextHeader,
        fragmentOffset: word >>> 3,
        moreFragments: (word & 1) === 1,
        identification: ((bytes[offset + 4]! << 24) | (bytes[offset + 5]! << 16) | (bytes[offset + 6]! << 8) | bytes[offset + 7]!) >>> 0,
      });
    }
    case AUTHENTICATION_HEADER:
      return decoded({ kind: 'authentication', nextHeader, data: bytes.subarray(offset + 2, end) });
    default:
      return decodeError('IPv6 extension header', 'unsupported', offset, `IPv6: next header ${type} is not an extension header`);
  }
}

/** Decodes one extension header of protocol number `type` from the start of `bytes`. */
export function decodeIpv6ExtensionHeader(type: number, bytes: Uint8Array): Decoded<Ipv6ExtensionHeader> {
  if (!isIpv6ExtensionHeaderType(type)) {
    return decodeError('IPv6 extension header', 'unsupported', 0, `IPv6: next header ${type} is not an extension header`);
  }
  const length = headerLengthAt(type, bytes, 0);
  if (!length.ok) return length;
  return decodeHeaderAt(type, bytes, 0, length.value);
}

/** The extension headers of a packet in order, and what follows them (RFC 8200 section 4.1). */
export interface Ipv6HeaderChain {
  readonly headers: readonly Ipv6ExtensionHeader[];
  /** Offset of each header, counted from the start of the IPv6 packet (the fixed header is bytes 0-39). */
  readonly headerOffsets: readonly number[];
  /**
   * The protocol after the last extension header: an upper layer (58, 17, 6…), 59 for No Next
   * Header, 50 for ESP, or any number this walker does not know (not an error: the stack decides,
   * e.g. Parameter Problem code 1). After a Fragment header it is the fragment's Next Header.
   */
  readonly upperLayer: number;
  /** Offset from the start of the IPv6 packet of the Next Header field that names `upperLayer` (a Parameter Problem pointer). */
  readonly upperLayerPointer: number;
  /** Offset of the upper-layer bytes from the start of the IPv6 packet. */
  readonly upperLayerOffset: number;
  readonly upperLayerBytes: Uint8Array;
  /** True when a Fragment header was met: the walk stops there and `upperLayerBytes` are fragment data. */
  readonly fragmented: boolean;
}

/**
 * Walks the extension headers of an IPv6 packet (its fixed header's Next Header and its payload).
 * Errors: a truncated header ('truncated'), a Hop-by-Hop header anywhere but first ('bad-value',
 * offset = the Next Header field that names it, RFC 8200 section 4.3), a malformed option.
 */
export function walkIpv6Headers(packet: { readonly nextHeader: number; readonly payload: Uint8Array }): Decoded<Ipv6HeaderChain> {
  const bytes = packet.payload;
  const headers: Ipv6ExtensionHeader[] = [];
  const headerOffsets: number[] = [];
  let type = packet.nextHeader;
  let pointer = FIXED_NEXT_HEADER_OFFSET;
  let offset = 0;
  while (isIpv6ExtensionHeaderType(type)) {
    if (type === HOP_BY_HOP_OPTIONS && offset !== 0) {
      return decodeError('IPv6', 'bad-value', pointer, `IPv6: a Hop-by-Hop Options header must come first (RFC 8200 section 4.3), found one at byte ${FIXED_HEADER_LENGTH + offset}`);
    }
    const length = headerLengthAt(type, bytes, offset);
    if (!length.ok) return length;
    const header = decodeHeaderAt(type, bytes, offset, length.value);
    if (!header.ok) return header;
    headers.push(header.value);
    headerOffsets.push(FIXED_HEADER_LENGTH + offset);
    pointer = FIXED_HEADER_LENGTH + offset;
    offset += length.value;
    type = header.value.nextHeader;
    if (header.value.kind === 'fragment') {
      return decoded(chain(headers, headerOffsets, type, pointer, offset, bytes, true));
    }
  }
  return decoded(chain(headers, headerOffsets, type, pointer, offset, bytes, false));
}

function chain(
  headers: Ipv6ExtensionHeader[],
  headerOffsets: number[],
  upperLayer: number,
  upperLayerPointer: number,
  offset: number,
  bytes: Uint8Array,
  fragmented: boolean,
): Ipv6HeaderChain {
  return {
    headers,
    headerOffsets,
    upperLayer,
    upperLayerPointer,
    upperLayerOffset: FIXED_HEADER_LENGTH + offset,
    upperLayerBytes: bytes.subarray(offset),
    fragmented,
  };
}

// --- routing header addresses ---------------------------------------------------------------

/**
 * The addresses a Routing header carries: type 2 (RFC 6275 section 6.4, one Home Address) and
 * type 4 (RFC 8754 section 2, the Segment List in wire order: entry 0, the final segment, first).
 * Other types → 'unsupported'.
 */
export function readRoutingAddresses(header: Extract<Ipv6ExtensionHeader, { kind: 'routing' }>): Decoded<readonly Ipv6Address[]> {
  const data = header.data;
  if (header.routingType === 2) {
    if (data.length < 20) return truncated('IPv6 Routing', 24, data.length + 4);
    return decoded([readIpv6(data, 4)]);
  }
  if (header.routingType === 4) {
    // data[0] Last Entry, [1] Flags, [2..3] Tag, then the Segment List.
    if (data.length < 4) return truncated('IPv6 Routing', 8, data.length + 4);
    const count = data[0]! + 1;
    if (4 + count * 16 > data.length) return truncated('IPv6 Routing', 8 + count * 16, data.length + 4);
    const addresses: Ipv6Address[] = [];
    for (let i = 0; i < count; i++) addresses.push(readIpv6(data, 4 + i * 16));
    return decoded(addresses);
  }
  return decodeError('IPv6 Routing', 'unsupported', 2, `IPv6 Routing: type ${header.routingType} addresses are not decoded`);
}

/**
 * The destination the upper-layer pseudo-header uses (RFC 8200 section 8.1): the last address of
 * a Routing header of type 2 or 4 when one is present, otherwise the packet's Destination Address.
 */
export function finalDestination(destination: Ipv6Address, headers: readonly Ipv6ExtensionHeader[]): Ipv6Address {
  for (const header of headers) {
    if (header.kind !== 'routing' || header.segmentsLeft === 0) continue;
    const addresses = readRoutingAddresses(header);
    // Type 2: the Home Address; SRH: Segment List[0] is the final segment.
    if (addresses.ok && addresses.value.length > 0) return addresses.value[0]!;
  }
  return destination;
}

// --- encoding -------------------------------------------------------------------------------

/** Encoded size in bytes of the header (padding included). */
export function ipv6ExtensionHeaderLength(header: Ipv6ExtensionHeader): number {
  switch (header.kind) {
    case 'hop-by-hop-options':
    case 'destination-options': {
      let size = 2;
      for (const option of header.options) size += optionSize(option);
      return Math.ceil(size / 8) * 8;
    }
    case 'routing':
      return Math.ceil((4 + header.data.length) / 8) * 8;
    case 'fragment':
      return 8;
    case 'authentication':
      return Math.ceil((2 + header.data.length) / 8) * 8;
  }
}

/** Writes the header at `bytes[offset]` (zeros assumed where padding goes); returns its length. */
export function writeIpv6ExtensionHeader(bytes: Uint8Array, offset: number, header: Ipv6ExtensionHeader): number {
  const length = ipv6ExtensionHeaderLength(header);
  bytes[offset] = header.nextHeader;
  switch (header.kind) {
    case 'hop-by-hop-options':
    case 'destination-options': {
      bytes[offset + 1] = length / 8 - 1;
      let i = offset + 2;
      for (const option of header.options) {
        if (option.kind === 'pad1') {
          bytes[i++] = 0;
        } else if (option.kind === 'router-alert') {
          bytes[i] = 5;
          bytes[i + 1] = 2;
          bytes[i + 2] = (option.value >>> 8) & 0xff;
          bytes[i + 3] = option.value & 0xff;
          i += 4;
        } else {
          bytes[i] = option.kind === 'padn' ? 1 : option.type;
          bytes[i + 1] = option.data.length;
          bytes.set(option.data, i + 2);
          i += 2 + option.data.length;
        }
      }
      // Fill what is left with Pad1/PadN (RFC 8200 section 4.2) so the header stays 8-octet aligned.
      const rest = offset + length - i;
      if (rest === 1) bytes[i] = 0;
      else if (rest > 1) {
        bytes[i] = 1;
        bytes[i + 1] = rest - 2;
        bytes.fill(0, i + 2, offset + length);
      }
      break;
    }
    case 'routing':
      bytes[offset + 1] = length / 8 - 1;
      bytes[offset + 2] = header.routingType;
      bytes[offset + 3] = header.segmentsLeft;
      bytes.set(header.data, offset + 4);
      bytes.fill(0, offset + 4 + header.data.length, offset + length);
      break;
    case 'fragment': {
      bytes[offset + 1] = 0;
      const word = ((header.fragmentOffset & 0x1fff) << 3) | (header.moreFragments ? 1 : 0);
      bytes[offset + 2] = word >>> 8;
      bytes[offset + 3] = word & 0xff;
      bytes[offset + 4] = header.identification >>> 24;
      bytes[offset + 5] = (header.identification >>> 16) & 0xff;
      bytes[offset + 6] = (header.identification >>> 8) & 0xff;
      bytes[offset + 7] = header.identification & 0xff;
      break;
    }
    case 'authentication':
      bytes[offset + 1] = length / 4 - 2;
      bytes.set(header.data, offset + 2);
      bytes.fill(0, offset + 2 + header.data.length, offset + length);
      break;
  }
  return length;
}

export function encodeIpv6ExtensionHeader(header: Ipv6ExtensionHeader): Uint8Array {
  const bytes = new Uint8Array(ipv6ExtensionHeaderLength(header));
  writeIpv6ExtensionHeader(bytes, 0, header);
  return bytes;
}

/** The fixed-header fields of a packet being built (the chain and payload come separately). */
export type Ipv6FixedFields = Omit<Ipv6Packet, 'nextHeader' | 'payload'>;

/**
 * A packet record carrying `chain` then the upper-layer bytes of protocol `upperLayer`. Each
 * header's Next Header is set from its successor, whatever the records said.
 */
export function buildIpv6Packet(
  fixed: Ipv6FixedFields,
  chain: readonly Ipv6ExtensionHeader[],
  upperLayer: number,
  upperLayerBytes: Uint8Array,
): Ipv6Packet {
  let size = upperLayerBytes.length;
  for (const header of chain) size += ipv6ExtensionHeaderLength(header);
  const payload = new Uint8Array(size);
  let offset = 0;
  for (let i = 0; i < chain.length; i++) {
    const next = i + 1 < chain.length ? extensionHeaderType(chain[i + 1]!) : upperLayer;
    offset += writeIpv6ExtensionHeader(payload, offset, { ...chain[i]!, nextHeader: next });
  }
  payload.set(upperLayerBytes, offset);
  return {
    trafficClass: fixed.trafficClass,
    flowLabel: fixed.flowLabel,
    nextHeader: chain.length > 0 ? extensionHeaderType(chain[0]!) : upperLayer,
    hopLimit: fixed.hopLimit,
    source: fixed.source,
    destination: fixed.destination,
    payload,
  };
}

// --- fragmentation (RFC 8200 section 4.5) ---------------------------------------------------

export interface Ipv6FragmentationSplit {
  /** The extension headers of the unfragmentable part (after the fixed header), as on the wire. */
  readonly unfragmentable: Uint8Array;
  /** Offset within `unfragmentable` of the Next Header field to rewrite to 44, or -1 when the fixed header's must change. */
  readonly lastNextHeaderOffset: number;
  /** The Next Header value of the first header of the fragmentable part (the Fragment header's Next Header). */
  readonly fragmentableNextHeader: number;
  /** Everything after the unfragmentable part: further extension headers, the upper-layer header and data. */
  readonly fragmentable: Uint8Array;
}

/**
 * Splits a packet's payload per RFC 8200 section 4.5: the unfragmentable part holds every header
 * up to and including the Routing header if present, else the Hop-by-Hop Options header if
 * present, else nothing.
 */
export function splitForFragmentation(packet: { readonly nextHeader: number; readonly payload: Uint8Array }): Decoded<Ipv6FragmentationSplit> {
  const bytes = packet.payload;
  let type = packet.nextHeader;
  let offset = 0;
  let splitAt = 0;
  let splitType = type;
  let lastNextHeaderOffset = -1;
  while (type === HOP_BY_HOP_OPTIONS || type === DESTINATION_OPTIONS || type === ROUTING_HEADER) {
    const length = headerLengthAt(type, bytes, offset);
    if (!length.ok) return length;
    const next = bytes[offset]!;
    if (type === ROUTING_HEADER || (type === HOP_BY_HOP_OPTIONS && offset === 0)) {
      splitAt = offset + length.value;
      splitType = next;
      lastNextHeaderOffset = offset;
    }
    offset += length.value;
    type = next;
  }
  return decoded({
    unfragmentable: bytes.subarray(0, splitAt),
    lastNextHeaderOffset,
    fragmentableNextHeader: splitType,
    fragmentable: bytes.subarray(splitAt),
  });
}

/**
 * Fragments a packet so every fragment's whole IPv6 packet fits in `mtu` bytes (RFC 8200 section
 * 4.5): each fragment is the unfragmentable part, a Fragment header with `identification`, and
 * a multiple of 8 bytes of the fragmentable part (the last one takes the rest).
 * Error 'bad-value' when the MTU leaves no room for 8 bytes of data.
 */
export function fragmentIpv6<P extends { readonly nextHeader: number; readonly payload: Uint8Array }>(
  packet: P,
  mtu: number,
  identification: number,
): Decoded<P[]> {
  const split = splitForFragmentation(packet);
  if (!split.ok) return split;
  const { unfragmentable, lastNextHeaderOffset, fragmentableNextHeader, fragmentable } = split.value;
  const room = Math.floor((mtu - FIXED_HEADER_LENGTH - unfragmentable.length - 8) / 8) * 8;
  if (room < 8) {
    return decodeError('IPv6 Fragment', 'bad-value', 0, `IPv6 Fragment: an MTU of ${mtu} leaves no room for fragment data after ${FIXED_HEADER_LENGTH + unfragmentable.length + 8} bytes of headers`);
  }
  const fragments: P[] = [];
  let start = 0;
  do {
    const end = Math.min(start + room, fragmentable.length);
    const payload = new Uint8Array(unfragmentable.length + 8 + end - start);
    payload.set(unfragmentable, 0);
    if (lastNextHeaderOffset >= 0) payload[lastNextHeaderOffset] = FRAGMENT_HEADER;
    writeIpv6ExtensionHeader(payload, unfragmentable.length, {
      kind: 'fragment',
      nextHeader: fragmentableNextHeader,
      fragmentOffset: start / 8,
      moreFragments: end < fragmentable.length,
      identification,
    });
    payload.set(fragmentable.subarray(start, end), unfragmentable.length + 8);
    fragments.push({ ...packet, nextHeader: lastNextHeaderOffset >= 0 ? packet.nextHeader : FRAGMENT_HEADER, payload } as P);
    start = end;
  } while (start < fragmentable.length);
  return decoded(fragments);
}

// --- describing -----------------------------------------------------------------------------

/** Wireshark's names for IP protocol numbers (the Next Header field). */
/** "ICMPv6 (58)", as Wireshark shows a Next Header or Protocol value. */
export function ipProtocolText(protocol: number): string {
  return `${ipProtocolIdentity(protocol)?.nextHeaderName ?? 'Unknown'} (${protocol})`;
}

const OPTION_NAMES: Record<number, string> = {
  0: 'Pad1',
  1: 'PadN',
  5: 'Router Alert',
  0xc2: 'Jumbo Payload',
  0xc9: 'Home Address',
  0x04: 'Tunnel Encapsulation Limit',
  0x63: 'RPL Option',
};

const ACTION_TEXT: Record<Ipv6OptionAction, string> = {
  skip: 'Skip and continue',
  discard: 'Discard packet',
  'discard-send-icmp': 'Discard packet and send ICMP Parameter Problem',
  'discard-send-icmp-unless-multicast': 'Discard packet and send ICMP Parameter Problem if not multicast',
};

const ROUTER_ALERT_VALUES: Record<number, string> = { 0: 'MLD', 1: 'RSVP', 2: 'Active Networks' };

function describeOptions(frame: Uint8Array, start: number, end: number): FieldNode[] {
  const fields: FieldNode[] = [];
  let i = start;
  while (i < end) {
    const type = frame[i]!;
    const name = OPTION_NAMES[type] ?? 'Unknown';
    const typeNode = field('Type', `${name} (${hex(type, 2)})`, i, 1, [
      field('Action', ACTION_TEXT[ipv6OptionAction(type)], i, 1),
      field('May Change', ipv6OptionMayChange(type) ? 'Yes' : 'No', i, 1),
      field('Low-Order Bits', hex(type & 0x1f, 2), i, 1),
    ]);
    if (type === 0) {
      fields.push(field(name, '', i, 1, [typeNode]));
      i += 1;
      continue;
    }
    if (i + 2 > end) break;
    const length = frame[i + 1]!;
    const size = Math.min(2 + length, end - i);
    const children = [typeNode, field('Length', String(length), i + 1, 1)];
    if (type === 5 && length === 2 && size === 4) {
      const value = (frame[i + 2]! << 8) | frame[i + 3]!;
      children.push(field('Router Alert', `${ROUTER_ALERT_VALUES[value] ?? 'Reserved'} (${value})`, i + 2, 2));
    } else if (type === 1) {
      children.push(field('PadN', `${length} bytes`, i + 2, size - 2));
    } else if (size > 2) {
      children.push(field('Data', hexBytes(frame, i + 2, i + size), i + 2, size - 2));
    }
    fields.push(field(name, '', i, size, children));
    i += size;
  }
  return fields;
}

function hexBytes(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += bytes[i]!.toString(16).padStart(2, '0');
  return text;
}

const ROUTING_TYPE_NAMES: Record<number, string> = { 0: 'Source Route', 2: 'Type 2 Routing', 3: 'RPL Source Route', 4: 'Segment Routing' };

/**
 * The field subtree of the extension header of `type` at `frame[offset]` (absolute offsets), or
 * undefined when it does not fit before `end`; also its length.
 */
export function describeIpv6ExtensionHeader(
  frame: Uint8Array,
  offset: number,
  end: number,
  type: number,
): { readonly node: FieldNode; readonly length: number } | undefined {
  const view = frame.subarray(0, end);
  const length = headerLengthAt(type, view, offset);
  if (!length.ok) return undefined;
  const size = length.value;
  // Wireshark spells it "Next header" in the Fragment header only.
  const next = field(type === FRAGMENT_HEADER ? 'Next header' : 'Next Header', ipProtocolText(frame[offset]!), offset, 1);
  const lengthField = (units: number): FieldNode => field('Length', `${frame[offset + 1]!} (${units} bytes)`, offset + 1, 1);
  switch (type) {
    case HOP_BY_HOP_OPTIONS:
    case DESTINATION_OPTIONS: {
      const name = type === HOP_BY_HOP_OPTIONS ? 'IPv6 Hop-by-Hop Option' : 'Destination Options for IPv6';
      return { node: field(name, '', offset, size, [next, lengthField(size), ...describeOptions(frame, offset + 2, offset + size)]), length: size };
    }
    case ROUTING_HEADER: {
      const routingType = frame[offset + 2]!;
      const typeName = ROUTING_TYPE_NAMES[routingType] ?? 'Unknown';
      const children = [
        next,
        lengthField(size),
        field('Type', `${typeName} (${routingType})`, offset + 2, 1),
        field('Segments Left', String(frame[offset + 3]!), offset + 3, 1),
      ];
      if (routingType === 2 && size >= 24) {
        children.push(field('Reserved', hexBytes(frame, offset + 4, offset + 8), offset + 4, 4));
        children.push(field('Home Address', formatIpv6(readIpv6(frame, offset + 8)), offset + 8, 16));
      } else if (routingType === 4 && size >= 8) {
        const lastEntry = frame[offset + 4]!;
        children.push(field('Last Entry', String(lastEntry), offset + 4, 1));
        children.push(field('Flags', hex(frame[offset + 5]!, 2), offset + 5, 1));
        children.push(field('Tag', hexBytes(frame, offset + 6, offset + 8), offset + 6, 2));
        for (let i = 0; i <= lastEntry && offset + 8 + (i + 1) * 16 <= offset + size; i++) {
          const at = offset + 8 + i * 16;
          children.push(field(`Address[${i}]`, formatIpv6(readIpv6(frame, at)), at, 16));
        }
      } else if (size > 4) {
        children.push(field('Type-Specific Data', hexBytes(frame, offset + 4, offset + size), offset + 4, size - 4));
      }
      return { node: field(`Routing Header for IPv6 (${typeName})`, '', offset, size, children), length: size };
    }
    case FRAGMENT_HEADER: {
      const word = (frame[offset + 2]! << 8) | frame[offset + 3]!;
      const identification = ((frame[offset + 4]! << 24) | (frame[offset + 5]! << 16) | (frame[offset + 6]! << 8) | frame[offset + 7]!) >>> 0;
      const children = [
        next,
        field('Reserved octet', hex(frame[offset + 1]!, 2), offset + 1, 1),
        field('Offset', `${word >>> 3} (${(word >>> 3) * 8} bytes)`, offset + 2, 2),
        field('Reserved bits', String((word >>> 1) & 3), offset + 2, 2),
        field('More Fragments', (word & 1) === 1 ? 'Yes' : 'No', offset + 2, 2),
        field('Identification', hex(identification, 8), offset + 4, 4),
      ];
      return { node: field('Fragment Header for IPv6', '', offset, size, children), length: size };
    }
    case AUTHENTICATION_HEADER: {
      const children = [next, field('Length', `${frame[offset + 1]!} (${size} bytes)`, offset + 1, 1)];
      if (size >= 12) {
        children.push(field('AH SPI', hexBytes(frame, offset + 4, offset + 8), offset + 4, 4));
        children.push(field('AH Sequence', String(((frame[offset + 8]! << 24) | (frame[offset + 9]! << 16) | (frame[offset + 10]! << 8) | frame[offset + 11]!) >>> 0), offset + 8, 4));
        if (size > 12) children.push(field('AH ICV', hexBytes(frame, offset + 12, offset + size), offset + 12, size - 12));
      }
      return { node: field('Authentication Header', '', offset, size, children), length: size };
    }
    default:
      return undefined;
  }
}
