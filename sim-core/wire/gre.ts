/**
 * Generic Routing Encapsulation (RFC 2784) with the Key and Sequence Number extensions (RFC 2890):
 * checksum-present (C), key-present (K) and sequence-present (S) bits, protocol type (0x86dd
 * IPv6, 0x0800 IPv4…), the optional checksum (over header and payload, verified on decode), key
 * and sequence number, then the payload.
 * Left out: RFC 1701 routing (R bit → 'unsupported'), version 1 (PPTP, RFC 2637 → 'unsupported');
 * reserved bits are ignored on decode and written as zero.
 */
import { finishChecksum, sumWords } from './checksum';
import { type DescribedLayer, field, type FieldNode, hex } from './describe';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6, IP_PROTOCOL_GRE } from './protocol-numbers';
import { type Decoded, decoded, decodeError, truncated } from './result';

/** GRE's Protocol Type is an EtherType (RFC 2784 section 2.4). */
export const GRE_PROTOCOL = IP_PROTOCOL_GRE;
export const GRE_PROTOCOL_TYPE_IPV4 = ETHERTYPE_IPV4;
export const GRE_PROTOCOL_TYPE_IPV6 = ETHERTYPE_IPV6;

export interface GrePacket {
  /** C bit: a checksum is carried (encode computes it). */
  readonly checksumPresent: boolean;
  /** K bit set when defined (RFC 2890 section 2.1). */
  readonly key: number | undefined;
  /** S bit set when defined (RFC 2890 section 2.2). */
  readonly sequenceNumber: number | undefined;
  /** An EtherType (RFC 2784 section 2.4). */
  readonly protocolType: number;
  readonly payload: Uint8Array;
}

export interface DecodeGreOptions {
  /** Default true. */
  readonly verifyChecksum?: boolean;
}

const LAYER = 'GRE';
const C_BIT = 0x8000;
const R_BIT = 0x4000;
const K_BIT = 0x2000;
const S_BIT = 0x1000;

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

function headerLength(flags: number): number {
  return 4 + (flags & C_BIT ? 4 : 0) + (flags & K_BIT ? 4 : 0) + (flags & S_BIT ? 4 : 0);
}

/** The checksum the GRE packet in `bytes[start, end)` should carry (its own field left out). */
function expectedChecksum(bytes: Uint8Array, start: number, end: number): number {
  return finishChecksum(sumWords(bytes, start + 6, end, sumWords(bytes, start, start + 4)));
}

/** Decodes a GRE packet filling `bytes` (the IPv4 or IPv6 payload). */
export function decodeGre(bytes: Uint8Array, options: DecodeGreOptions = {}): Decoded<GrePacket> {
  if (bytes.length < 4) return truncated(LAYER, 4, bytes.length);
  const flags = (bytes[0]! << 8) | bytes[1]!;
  const version = flags & 7;
  if (version !== 0) return decodeError(LAYER, 'unsupported', 1, `GRE: version ${version} is not supported (only version 0, RFC 2784)`);
  if (flags & R_BIT) return decodeError(LAYER, 'unsupported', 0, 'GRE: the routing bit of RFC 1701 is not supported');
  const length = headerLength(flags);
  if (bytes.length < length) return truncated(LAYER, length, bytes.length);
  let at = 4;
  const checksumPresent = (flags & C_BIT) !== 0;
  if (checksumPresent) {
    if (options.verifyChecksum !== false) {
      const found = (bytes[4]! << 8) | bytes[5]!;
      const expected = expectedChecksum(bytes, 0, bytes.length);
      if (found !== expected) return decodeError(LAYER, 'bad-checksum', 4, `GRE: checksum ${hex(found, 4)} is wrong, expected ${hex(expected, 4)}`);
    }
    at += 4;
  }
  let key: number | undefined;
  if (flags & K_BIT) {
    key = u32(bytes, at);
    at += 4;
  }
  let sequenceNumber: number | undefined;
  if (flags & S_BIT) {
    sequenceNumber = u32(bytes, at);
    at += 4;
  }
  return decoded({ checksumPresent, key, sequenceNumber, protocolType: (bytes[2]! << 8) | bytes[3]!, payload: bytes.subarray(at) });
}

export function encodeGre(packet: GrePacket): Uint8Array {
  const flags = (packet.checksumPresent ? C_BIT : 0) | (packet.key !== undefined ? K_BIT : 0) | (packet.sequenceNumber !== undefined ? S_BIT : 0);
  const length = headerLength(flags);
  const bytes = new Uint8Array(length + packet.payload.length);
  bytes[0] = flags >>> 8;
  bytes[1] = 0;
  bytes[2] = (packet.protocolType >>> 8) & 0xff;
  bytes[3] = packet.protocolType & 0xff;
  let at = packet.checksumPresent ? 8 : 4;
  if (packet.key !== undefined) {
    writeU32(bytes, at, packet.key);
    at += 4;
  }
  if (packet.sequenceNumber !== undefined) writeU32(bytes, at, packet.sequenceNumber);
  bytes.set(packet.payload, length);
  if (packet.checksumPresent) {
    const checksum = expectedChecksum(bytes, 0, bytes.length);
    bytes[4] = checksum >>> 8;
    bytes[5] = checksum & 0xff;
  }
  return bytes;
}

// --- describing -----------------------------------------------------------------------------

const PROTOCOL_TYPE_NAMES: Record<number, string> = {
  0x0800: 'IP',
  0x86dd: 'IPv6',
  0x0806: 'ARP',
  0x6558: 'Transparent Ethernet bridging',
  0x8847: 'MPLS label switched packet',
};

export interface GreDescribedLayer extends DescribedLayer {
  /** The EtherType of the payload, for the frame describer's next step. */
  readonly protocolType: number;
}

function yesNo(flag: boolean): string {
  return flag ? 'Yes' : 'No';
}

/**
 * The GRE layer of `frame[offset, end)`. GRE writes no Info text of its own (the inner packet
 * does), so `info` is empty.
 */
export function describeGre(frame: Uint8Array, offset: number, end: number): Decoded<GreDescribedLayer> {
  const available = end - offset;
  if (available < 4) return truncated(LAYER, 4, available);
  const flags = (frame[offset]! << 8) | frame[offset + 1]!;
  if (flags & R_BIT || (flags & 7) !== 0) {
    return decodeError(LAYER, 'unsupported', 0, `GRE: flags ${hex(flags, 4)} (routing or version ≠ 0) are not supported`);
  }
  const length = headerLength(flags);
  if (available < length) return truncated(LAYER, length, available);
  const protocolType = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const protocolName = PROTOCOL_TYPE_NAMES[protocolType] ?? 'Unknown';
  const fields: FieldNode[] = [
    field('Flags and Version', hex(flags, 4), offset, 2, [
      field('Checksum Bit', yesNo((flags & C_BIT) !== 0), offset, 1),
      field('Routing Bit', yesNo((flags & R_BIT) !== 0), offset, 1),
      field('Key Bit', yesNo((flags & K_BIT) !== 0), offset, 1),
      field('Sequence Number Bit', yesNo((flags & S_BIT) !== 0), offset, 1),
      field('Strict Source Route Bit', yesNo((flags & 0x0800) !== 0), offset, 1),
      field('Recursion control', String((flags >>> 8) & 7), offset, 1),
      field('Flags (Reserved)', String((flags >>> 3) & 0x1f), offset + 1, 1),
      field('Version', `GRE (${flags & 7})`, offset + 1, 1),
    ]),
    field('Protocol Type', `${protocolName} (${hex(protocolType, 4)})`, offset + 2, 2),
  ];
  let at = offset + 4;
  if (flags & C_BIT) {
    const found = (frame[at]! << 8) | frame[at + 1]!;
    const expected = expectedChecksum(frame, offset, end);
    fields.push(
      field('Checksum', found === expected ? `${hex(found, 4)} [correct]` : `${hex(found, 4)} [incorrect, should be ${hex(expected, 4)}]`, at, 2),
      field('Offset', String((frame[at + 2]! << 8) | frame[at + 3]!), at + 2, 2),
    );
    at += 4;
  }
  if (flags & K_BIT) {
    fields.push(field('Key', hex(u32(frame, at), 8), at, 4));
    at += 4;
  }
  if (flags & S_BIT) {
    fields.push(field('Sequence Number', String(u32(frame, at)), at, 4));
    at += 4;
  }
  return decoded({
    layer: { protocol: 'GRE', title: `Generic Routing Encapsulation (${protocolName})`, offset, length, fields },
    info: '',
    payloadOffset: at,
    payloadEnd: end,
    protocolType,
  });
}
