/**
 * IPv6 addresses as branded 128-bit bigints (RFC 4291 section 2).
 * A bigint keeps equality (`===`), Map keys and prefix arithmetic simple and exact.
 */
export type Ipv6Address = bigint & { readonly __brand: 'Ipv6Address' };

export const IPV6_MAX = (1n << 128n) - 1n;

/** Wraps a 0..2^128-1 bigint; callers must have checked the range. */
export function ipv6(value: bigint): Ipv6Address {
  return (value & IPV6_MAX) as Ipv6Address;
}

/** Reads 16 bytes at `offset` (network byte order). The caller checks the length. */
export function readIpv6(bytes: Uint8Array, offset: number): Ipv6Address {
  // Four 32-bit words keep the bigint work to four shifts instead of sixteen.
  let value = 0n;
  for (let i = 0; i < 16; i += 4) {
    const word =
      ((bytes[offset + i]! << 24) | (bytes[offset + i + 1]! << 16) | (bytes[offset + i + 2]! << 8) | bytes[offset + i + 3]!) >>> 0;
    value = (value << 32n) | BigInt(word);
  }
  return value as Ipv6Address;
}

/** Writes 16 bytes at `offset` (network byte order). */
export function writeIpv6(bytes: Uint8Array, offset: number, address: Ipv6Address): void {
  let value: bigint = address;
  for (let i = 12; i >= 0; i -= 4) {
    const word = Number(value & 0xffffffffn);
    bytes[offset + i] = word >>> 24;
    bytes[offset + i + 1] = (word >>> 16) & 0xff;
    bytes[offset + i + 2] = (word >>> 8) & 0xff;
    bytes[offset + i + 3] = word & 0xff;
    value >>= 32n;
  }
}

/** The address as 16 bytes. */
export function ipv6ToBytes(address: Ipv6Address): Uint8Array {
  const bytes = new Uint8Array(16);
  writeIpv6(bytes, 0, address);
  return bytes;
}
