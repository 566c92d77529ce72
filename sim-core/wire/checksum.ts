/**
 * The Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers used by ICMPv6, UDP and
 * TCP (RFC 768, RFC 9293 section 3.1, RFC 8200 section 8.1).
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import { decodeError, type Decoded } from './result';

/**
 * Adds 16-bit big-endian words of `bytes[start, end)` to `sum` (an odd tail is padded with zero).
 * The hot loop of every checksum: it adds the high and the low bytes apart, eight bytes a turn,
 * and joins them at the end (the sum of words is 256 × the high bytes + the low bytes, exactly).
 * Bytes past the end of `bytes` count as zero.
 */
export function sumWords(bytes: Uint8Array, start: number, end: number, sum = 0): number {
  const stop = Math.min(end, bytes.length);
  let high = 0;
  let low = 0;
  let i = start;
  for (; i + 7 < stop; i += 8) {
    high += bytes[i]! + bytes[i + 2]! + bytes[i + 4]! + bytes[i + 6]!;
    low += bytes[i + 1]! + bytes[i + 3]! + bytes[i + 5]! + bytes[i + 7]!;
  }
  for (; i + 1 < stop; i += 2) {
    high += bytes[i]!;
    low += bytes[i + 1]!;
  }
  if (i < stop) high += bytes[i]!;
  return sum + high * 256 + low;
}

/** Folds carries and complements: the value to store in a checksum field. */
export function finishChecksum(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** Checksum of a byte range (with its checksum field zeroed, or included to verify: a valid range gives 0). */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return finishChecksum(sumWords(bytes, start, end));
}

/**
 * An address's 16-bit words summed in ones' complement: its value mod 0xffff (2^16 ≡ 1), with
 * 0xffff for a non-zero multiple, so it is zero only for `::`. One bigint operation, no bytes.
 */
function ipv6WordSum(address: Ipv6Address): number {
  const folded = Number(address % 0xffffn);
  return folded === 0 && address !== 0n ? 0xffff : folded;
}

/**
 * Partial sum of the IPv6 pseudo-header (RFC 8200 section 8.1): source, destination, the 32-bit
 * upper-layer length, the next header. Each address is folded already (ipv6WordSum), so the
 * value may differ from the plain sum of the 20 words, but it is congruent mod 0xffff and zero
 * exactly when that sum is: `finishChecksum` gives the same checksum from either (RFC 1071 2(B)).
 * Allocation-free: an upper-layer checksum per hop must not cost a 40-byte buffer.
 */
export function ipv6PseudoHeaderSum(src: Ipv6Address, dst: Ipv6Address, upperLength: number, nextHeader: number): number {
  const length = upperLength >>> 0;
  return ipv6WordSum(src) + ipv6WordSum(dst) + (length >>> 16) + (length & 0xffff) + (nextHeader & 0xff);
}

/** Partial sum of the IPv4 pseudo-header (RFC 768): source, destination, zero and protocol, UDP/TCP length. Allocation-free. */
export function ipv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, upperLength: number, protocol: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + (protocol & 0xff) + (upperLength & 0xffff);
}

/** The addresses an upper-layer checksum covers, for either IP version. */
export type PseudoHeader =
  | { readonly family: 4; readonly source: Ipv4Address; readonly destination: Ipv4Address }
  | { readonly family: 6; readonly source: Ipv6Address; readonly destination: Ipv6Address };

/** Partial pseudo-header sum for `upperLength` bytes of protocol `protocol` (e.g. 17 UDP, 58 ICMPv6). */
export function pseudoHeaderSum(pseudo: PseudoHeader, upperLength: number, protocol: number): number {
  return pseudo.family === 4
    ? ipv4PseudoHeaderSum(pseudo.source, pseudo.destination, upperLength, protocol)
    : ipv6PseudoHeaderSum(pseudo.source, pseudo.destination, upperLength, protocol);
}

/** Decoder option shared by the codecs: pass `{ verifyChecksum: false }` to accept a wrong checksum (e.g. offloaded). */
export interface ChecksumOptions {
  readonly verifyChecksum?: boolean;
}

/**
 * The checksum a field should hold: the sum of `bytes[start, end)` with the 2-byte field at
 * `fieldOffset` counted as zero, plus `initialSum` (a pseudo-header sum, or 0).
 */
export function expectedChecksum(bytes: Uint8Array, start: number, end: number, fieldOffset: number, initialSum = 0): number {
  const sum = sumWords(bytes, fieldOffset + 2, end, sumWords(bytes, start, fieldOffset, initialSum));
  return finishChecksum(sum);
}

/** The 'bad-checksum' error every codec returns, giving the found and expected values. */
export function badChecksum(layer: string, offset: number, found: number, expected: number): Decoded<never> {
  const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
  return decodeError(layer, 'bad-checksum', offset, `${layer}: checksum ${hex4(found)} is wrong, expected ${hex4(expected)}`);
}
