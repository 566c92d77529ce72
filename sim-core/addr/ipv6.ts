/**
 * IPv6 addresses as branded 128-bit bigints (RFC 4291 section 2).
 * A bigint keeps equality (`===`), Map keys and prefix arithmetic simple and exact.
 *
 * Text: reads every form of RFC 4291 section 2.2 (full, '::'-compressed, with a trailing dotted
 * IPv4 part as in ::ffff:192.0.2.1 or 64:ff9b::192.0.2.33) and, in parseIpv6Scoped, a zone
 * index after '%' (RFC 4007 section 11: fe80::1%Ethernet0, fe80::1%11). Writes the RFC 5952
 * canonical text (lower case, no leading zeros, the longest run of two or more zero groups as
 * '::', the first such run on a tie, mixed notation for IPv4-mapped ::ffff:0:0/96 per
 * section 5), the full form (2001:0db8:0000:…) and a mixed form on request.
 * Left out: prefixes (prefix.ts), URI brackets ([2001:db8::1]:80, RFC 3986) and RFC 6874 '%25'.
 */
import { parsed, parseError, reasonOf, type ParseResult } from './parse-result';
import { formatIpv4, parseIpv4, type Ipv4Address } from './ipv4';

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

/** An address with the zone index it was written with (`fe80::1%eth0`), if any (RFC 4007 section 11). */
export interface ScopedIpv6Address {
  readonly address: Ipv6Address;
  readonly zone: string | undefined;
}

/** The eight 16-bit groups, most significant first. */
export function ipv6Words(address: Ipv6Address): number[] {
  const words: number[] = [];
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const word = Number((address >> shift) & 0xffffffffn);
    words.push(word >>> 16, word & 0xffff);
  }
  return words;
}

/** Builds an address from eight 16-bit groups, most significant first. */
export function ipv6FromWords(words: readonly number[]): Ipv6Address {
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 16n) | BigInt((words[i] ?? 0) & 0xffff);
  return value as Ipv6Address;
}

const HEX_ONLY = /^[0-9a-fA-F]+$/;
const ZONE_TEXT = /^[A-Za-z0-9._\-/]+$/;

/** Reads the address part (no zone); messages echo `echo`, the whole text the user gave. */
function parseIpv6Body(body: string, echo: string): ParseResult<Ipv6Address> {
  if (body === '') return parseError(echo, echo === '' ? 'empty text: no IPv6 address given' : "no address before '%'");
  const bad = /[^0-9a-fA-F:.]/.exec(body);
  if (bad) {
    const ch = bad[0];
    if (ch === '/') return parseError(echo, "'/' starts a prefix length, which does not belong in an address");
    if (ch === '%') return parseError(echo, "has a zone index ('%…') where none is allowed");
    if (/\s/.test(ch)) return parseError(echo, 'contains a space or other blank character');
    return parseError(echo, `'${ch}' is not a hex digit (IPv6 groups use 0-9 and a-f)`);
  }
  if (!body.includes(':')) {
    if (body.includes('.')) return parseError(echo, "is an IPv4 address, not IPv6 (an IPv6 address has ':' in it)");
    return parseError(echo, "has no ':'; an IPv6 address is groups of hex digits separated by ':'");
  }
  if (body.includes(':::')) return parseError(echo, "':::' is not valid; '::' stands for one or more zero groups");
  const gap = body.indexOf('::');
  if (gap !== -1 && body.indexOf('::', gap + 1) !== -1) return parseError(echo, "'::' may appear only once");
  const head = gap === -1 ? body : body.slice(0, gap);
  const tail = gap === -1 ? '' : body.slice(gap + 2);
  if (head.startsWith(':')) return parseError(echo, "starts with a single ':'; only '::' may begin an address");
  if ((gap === -1 ? head : tail).endsWith(':')) return parseError(echo, "ends with a single ':'; only '::' may end an address");
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groupCount = headGroups.length + tailGroups.length;
  const words: number[] = [];
  let tailStart = -1;
  for (let i = 0; i < groupCount; i++) {
    if (i === headGroups.length) tailStart = words.length;
    const group = i < headGroups.length ? headGroups[i]! : tailGroups[i - headGroups.length]!;
    if (group === '') return parseError(echo, 'a group between two single colons is empty');
    if (group.includes('.')) {
      if (i !== groupCount - 1) return parseError(echo, `IPv4 part '${group}' may only come at the end`);
      const v4 = parseIpv4(group);
      if (!v4.ok) return parseError(echo, `IPv4 part: ${reasonOf(v4.error, group)}`);
      words.push(v4.value >>> 16, v4.value & 0xffff);
      continue;
    }
    if (!HEX_ONLY.test(group)) return parseError(echo, `group '${group}' is not hex`);
    if (group.length > 4) return parseError(echo, `group '${group.length > 12 ? `${group.slice(0, 12)}…` : group}' has more than 4 hex digits`);
    words.push(parseInt(group, 16));
  }
  if (tailStart === -1) tailStart = words.length;
  if (gap === -1) {
    if (words.length > 8) return parseError(echo, `has ${words.length} groups; an IPv6 address has 8`);
    if (words.length < 8) {
      return parseError(echo, `has only ${words.length} groups and no '::'; an IPv6 address has 8 (write '::' for a run of zero groups)`);
    }
    return parsed(ipv6FromWords(words));
  }
  if (words.length > 7) return parseError(echo, `has ${words.length} groups besides '::'; with '::' there can be at most 7`);
  const zeros = new Array<number>(8 - words.length).fill(0);
  return parsed(ipv6FromWords([...words.slice(0, tailStart), ...zeros, ...words.slice(tailStart)]));
}

/**
 * Reads IPv6 text in any RFC 4291 section 2.2 form, without a zone index. Rejects anything
 * else with a message that says what is wrong (`2001:db8::1::1: '::' may appear only once`).
 */
export function parseIpv6(text: string): ParseResult<Ipv6Address> {
  if (text.includes('%')) {
    const zone = text.slice(text.indexOf('%'));
    return parseError(text, `has a zone index '${zone.length > 20 ? `${zone.slice(0, 20)}…` : zone}'; give the address without it`);
  }
  return parseIpv6Body(text, text);
}

/**
 * Reads IPv6 text with an optional zone index after '%' (RFC 4007 section 11.2): fe80::1%eth0,
 * fe80::1%Ethernet0, fe80::1%11. The zone is kept as written (letters, digits, . _ - /).
 */
export function parseIpv6Scoped(text: string): ParseResult<ScopedIpv6Address> {
  const percent = text.indexOf('%');
  if (percent === -1) {
    const result = parseIpv6Body(text, text);
    return result.ok ? parsed({ address: result.value, zone: undefined }) : result;
  }
  const zone = text.slice(percent + 1);
  if (zone === '') return parseError(text, "nothing after '%'; a zone index names an interface, as in fe80::1%eth0 or fe80::1%11");
  if (zone.includes('%')) return parseError(text, "'%' may appear only once");
  if (!ZONE_TEXT.test(zone)) return parseError(text, 'zone index may use only letters, digits and . _ - /');
  const result = parseIpv6Body(text.slice(0, percent), text);
  return result.ok ? parsed({ address: result.value, zone }) : result;
}

/** RFC 5952 section 4.2: the hex groups, with the longest run (2+ groups, first on a tie) as '::'. */
function compressWords(words: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < words.length; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (w: number) => w.toString(16);
  if (bestStart === -1) return words.map(hex).join(':');
  return `${words.slice(0, bestStart).map(hex).join(':')}::${words.slice(bestStart + bestLength).map(hex).join(':')}`;
}

const IPV4_MAPPED_HIGH = 0xffffn; // ::ffff:0:0/96 shifted right by 32 bits

/** RFC 5952 canonical text: `2001:db8::1`, `::ffff:192.0.2.1`. */
export function formatIpv6(address: Ipv6Address): string {
  if (address >> 32n === IPV4_MAPPED_HIGH) return formatIpv6Mixed(address);
  return compressWords(ipv6Words(address));
}

/** Mixed notation (RFC 4291 section 2.2 form 3): six hex groups then dotted IPv4, e.g. `64:ff9b::192.0.2.33`. */
export function formatIpv6Mixed(address: Ipv6Address): string {
  const head = compressWords(ipv6Words(address).slice(0, 6));
  const v4 = formatIpv4(Number(address & 0xffffffffn) as Ipv4Address);
  return head.endsWith('::') ? `${head}${v4}` : `${head}:${v4}`;
}

/** All eight groups, four digits each: `2001:0db8:0000:0000:0000:0000:0000:0001`. */
export function formatIpv6Full(address: Ipv6Address): string {
  return ipv6Words(address)
    .map((w) => w.toString(16).padStart(4, '0'))
    .join(':');
}

/** Canonical text with the zone index, if any: `fe80::1%eth0`. */
export function formatIpv6Scoped(scoped: ScopedIpv6Address): string {
  return scoped.zone === undefined ? formatIpv6(scoped.address) : `${formatIpv6(scoped.address)}%${scoped.zone}`;
}
