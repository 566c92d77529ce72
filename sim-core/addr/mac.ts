/**
 * IEEE 802 MAC-48 addresses as branded numbers (0..2^48-1; exact in a double).
 * Bit 40 of the number is the I/G (group) bit of the first octet, bit 41 the U/L bit.
 */
export type MacAddress = number & { readonly __brand: 'MacAddress' };

export const MAC_BROADCAST = 0xffffffffffff as MacAddress;

/** Reads 6 bytes at `offset`. The caller checks the length. */
export function readMac(bytes: Uint8Array, offset: number): MacAddress {
  const high = (bytes[offset]! << 8) | bytes[offset + 1]!;
  const low = ((bytes[offset + 2]! << 24) | (bytes[offset + 3]! << 16) | (bytes[offset + 4]! << 8) | bytes[offset + 5]!) >>> 0;
  return (high * 0x100000000 + low) as MacAddress;
}

/** Writes 6 bytes at `offset`. */
export function writeMac(bytes: Uint8Array, offset: number, mac: MacAddress): void {
  const high = Math.floor(mac / 0x100000000);
  const low = mac >>> 0;
  bytes[offset] = high >>> 8;
  bytes[offset + 1] = high & 0xff;
  bytes[offset + 2] = low >>> 24;
  bytes[offset + 3] = (low >>> 16) & 0xff;
  bytes[offset + 4] = (low >>> 8) & 0xff;
  bytes[offset + 5] = low & 0xff;
}

/** The six octets of the address. */
export function macToBytes(mac: MacAddress): Uint8Array {
  const bytes = new Uint8Array(6);
  writeMac(bytes, 0, mac);
  return bytes;
}

/** True for group (multicast and broadcast) addresses: the I/G bit of the first octet. */
export function isGroupMac(mac: MacAddress): boolean {
  return Math.floor(mac / 0x10000000000) % 2 === 1;
}

/** Colon-separated lower-case hex, as Wireshark and Linux print it: `00:0c:29:0c:47:d5`. */
export function formatMac(mac: MacAddress): string {
  return Array.from(macToBytes(mac), (b) => b.toString(16).padStart(2, '0')).join(':');
}
