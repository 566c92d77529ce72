/**
 * The Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers used by ICMPv6, UDP and
 * TCP (RFC 768, RFC 9293 section 3.1, RFC 8200 section 8.1).
 */
import { type Ipv4Address, writeIpv4 } from '../addr/ipv4';
import { type Ipv6Address, writeIpv6 } from '../addr/ipv6';
import { decodeError, type Decoded } from './result';

/** Adds 16-bit big-endian words of `bytes[start, end)` to `sum` (an odd tail is padded with zero). */
export function sumWords(bytes: Uint8Array, start: number, end: number, sum = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) sum += bytes[i]! << 8;
  return sum;
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

/** Partial sum of the IPv6 pseudo-header (RFC 8200 section 8.1). */
export function ipv6PseudoHeaderSum(src: Ipv6Address, dst: Ipv6Address, upperLength: number, nextHeader: number): number {
  const header = new Uint8Array(40);
  writeIpv6(header, 0, src);
  writeIpv6(header, 16, dst);
  const view = new DataView(header.buffer);
  view.setUint32(32, upperLength);
  header[39] = nextHeader;
  return sumWords(header, 0, 40);
}

/** Partial sum of the IPv4 pseudo-header (RFC 768). */
export function ipv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, upperLength: number, protocol: number): number {
  const header = new Uint8Array(12);
  writeIpv4(header, 0, src);
  writeIpv4(header, 4, dst);
  header[9] = protocol;
  header[10] = upperLength >>> 8;
  header[11] = upperLength & 0xff;
  return sumWords(header, 0, 12);
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
