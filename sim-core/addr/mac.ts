/**
 * IEEE 802 MAC-48 addresses as branded numbers (0..2^48-1; exact in a double).
 * Bit 40 of the number is the I/G (group) bit of the first octet, bit 41 the U/L bit.
 * Text in three styles: colon lower-case (Linux, Wireshark: 00:0c:29:0c:47:d5), Windows dash
 * upper-case (00-0C-29-0C-47-D5) and Cisco dotted (000c.290c.47d5); all three parse, in either
 * case. Left out: EUI-64 text, bare 12-digit hex (ambiguous with numbers).
 */
import { parsed, parseError, type ParseResult } from './parse-result';

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

/** Wraps a 0..2^48-1 integer; callers must have checked the range. */
export function mac(value: number): MacAddress {
  return value as MacAddress;
}

/** True when the U/L bit (0x02 of the first octet) says the address is locally administered. */
export function isLocalMac(address: MacAddress): boolean {
  return Math.floor(address / 0x20000000000) % 2 === 1;
}

const HEX_ONLY = /^[0-9a-fA-F]+$/;

/** Reads 00:0c:29:0c:47:d5, 00-0C-29-0C-47-D5 or 000c.290c.47d5 (any letter case). */
export function parseMac(text: string): ParseResult<MacAddress> {
  if (text === '') return parseError(text, 'empty text: no MAC address given');
  const bad = /[^0-9a-fA-F:.-]/.exec(text);
  if (bad) {
    if (/\s/.test(bad[0])) return parseError(text, 'contains a space or other blank character');
    return parseError(text, `'${bad[0]}' is not a hex digit (a MAC address uses 0-9 and a-f)`);
  }
  const separators = new Set(text.replace(/[0-9a-fA-F]/g, ''));
  if (separators.size > 1) return parseError(text, "mixes separators; use one of ':' (00:0c:29:0c:47:d5), '-' (00-0C-29-0C-47-D5) or '.' (000c.290c.47d5)");
  const separator = [...separators][0];
  if (separator === undefined) return parseError(text, "has no separators; write 00:0c:29:0c:47:d5, 00-0C-29-0C-47-D5 or 000c.290c.47d5");
  const groups = text.split(separator);
  const size = separator === '.' ? 4 : 2;
  const expected = separator === '.' ? 3 : 6;
  if (groups.length !== expected) {
    return parseError(text, `has ${groups.length} groups separated by '${separator}'; a MAC address has ${expected}${separator === '.' ? ' groups of 4 hex digits (Cisco style)' : ' groups of 2 hex digits'}`);
  }
  let value = 0;
  for (const group of groups) {
    if (group === '') return parseError(text, `a group between two '${separator}' is empty`);
    if (!HEX_ONLY.test(group)) return parseError(text, `group '${group}' is not hex`);
    if (group.length !== size) return parseError(text, `group '${group}' should have ${size} hex digits`);
    value = value * 16 ** size + parseInt(group, 16);
  }
  return parsed(value as MacAddress);
}

/** Dash-separated upper-case hex, as Windows prints it: `00-0C-29-0C-47-D5`. */
export function formatMacWindows(address: MacAddress): string {
  return formatMac(address).replace(/:/g, '-').toUpperCase();
}

/** Three dotted groups of four, as Cisco IOS prints it: `000c.290c.47d5`. */
export function formatMacCisco(address: MacAddress): string {
  const hex = formatMac(address).replace(/:/g, '');
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8, 12)}`;
}
