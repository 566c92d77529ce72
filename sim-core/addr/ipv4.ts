/**
 * IPv4 addresses as branded unsigned 32-bit numbers (RFC 791 section 3.1).
 * A number keeps equality (`===`), Map keys and prefix masks cheap on the forwarding path.
 * Text is the dotted-decimal form only (four decimal numbers 0-255). Left out on purpose: the
 * old inet_aton shorthands (`10.1`, `0x0a.0.0.1`, octal `010.0.0.1`), which hide mistakes;
 * a number with a leading zero is rejected rather than guessed.
 */
import { parsed, parseError, type ParseResult } from './parse-result';

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

const DECIMAL_DIGITS = /^[0-9]+$/;

/**
 * Reads dotted-decimal text (`192.0.2.1`). Rejects, with a message saying why, anything else:
 * wrong number of parts, a number over 255, a leading zero, a prefix length, a stray character.
 */
export function parseIpv4(text: string): ParseResult<Ipv4Address> {
  if (text === '') return parseError(text, 'empty text: no IPv4 address given');
  const bad = /[^0-9.]/.exec(text);
  if (bad) {
    const ch = bad[0];
    if (ch === ':') return parseError(text, "has ':', so it looks like IPv6; an IPv4 address is four numbers separated by dots");
    if (ch === '/') return parseError(text, "'/' starts a prefix length, which does not belong in an address");
    if (ch === '%') return parseError(text, "'%' starts a zone index, which IPv4 addresses do not have");
    if (/\s/.test(ch)) return parseError(text, 'contains a space or other blank character');
    return parseError(text, `'${ch}' is not allowed in an IPv4 address (only digits and dots)`);
  }
  const parts = text.split('.');
  if (parts.length !== 4) {
    return parseError(text, `has ${parts.length} part${parts.length === 1 ? '' : 's'}; an IPv4 address has 4 numbers separated by dots`);
  }
  let value = 0;
  for (const part of parts) {
    if (part === '') return parseError(text, 'a number is missing between dots');
    if (!DECIMAL_DIGITS.test(part)) return parseError(text, `'${part}' is not a decimal number`);
    if (part.length > 3) return parseError(text, `${part.length > 12 ? `${part.slice(0, 12)}…` : part} is more than 255`);
    const n = Number(part);
    if (n > 255) return parseError(text, `${n} is more than 255`);
    if (part.length > 1 && part[0] === '0') {
      return parseError(text, `'${part}' has a leading zero (some systems read it as octal); write ${n}`);
    }
    value = value * 256 + n;
  }
  return parsed(value as Ipv4Address);
}

/** The four octets of the address. */
export function ipv4ToBytes(address: Ipv4Address): Uint8Array {
  const bytes = new Uint8Array(4);
  writeIpv4(bytes, 0, address);
  return bytes;
}
