/**
 * IPv4 addresses as branded unsigned 32-bit numbers (RFC 791 section 3.1).
 * A number keeps equality (`===`), Map keys and prefix masks cheap on the forwarding path.
 */
export type Ipv4Address = number & { readonly __brand: 'Ipv4Address' };

/** Wraps a 0..2^32-1 integer; callers must have checked the range. */
export function ipv4(value: number): Ipv4Address {
  return (value >>> 0) as Ipv4Address;
}

/** Reads 4 bytes at `offset` (network byte order). The caller checks the length. */
export function readIpv4(bytes: Uint8Array, offset: number): Ipv4Address {
  return (((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0) as Ipv4Address;
}

/** Writes 4 bytes at `offset` (network byte order). */
export function writeIpv4(bytes: Uint8Array, offset: number, address: Ipv4Address): void {
  bytes[offset] = address >>> 24;
  bytes[offset + 1] = (address >>> 16) & 0xff;
  bytes[offset + 2] = (address >>> 8) & 0xff;
  bytes[offset + 3] = address & 0xff;
}

/** Dotted-quad text, e.g. `192.0.2.1`. */
export function formatIpv4(address: Ipv4Address): string {
  return `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
}
