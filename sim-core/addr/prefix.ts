/**
 * IPv6 and IPv4 prefixes (RFC 4291 section 2.3, RFC 4632 section 3.1) and their arithmetic:
 * masks, contains, overlaps, split into longer subnets, the n-th subnet, and aggregation of a
 * list into the fewest prefixes covering exactly the same addresses.
 *
 * Two readings of `address/length` text: parseIpv6Prefix/parseIpv4Prefix want a prefix and reject
 * host bits (`2001:db8::1/32` is a mistake there), parseIpv6Interface/parseIpv4Interface read an
 * interface address with its length (`2001:db8:1::1/64` → { address, length }).
 * The forwarding path uses ipv6PrefixContains/ipv4PrefixContains: one AND against a precomputed
 * mask, no strings. Left out: the longest-prefix-match table itself (stack/fib), non-contiguous
 * masks (rejected with a message), prefixes with a zone index.
 */
import { parsed, parseError, failure, reasonOf, type ParseResult } from './parse-result';
import { formatIpv4, parseIpv4, type Ipv4Address } from './ipv4';
import { formatIpv6, parseIpv6, IPV6_MAX, type Ipv6Address } from './ipv6';

export interface Ipv6Prefix {
  readonly family: 'ipv6';
  /** The first address of the prefix; host bits are always zero. */
  readonly network: Ipv6Address;
  /** 0..128 */
  readonly length: number;
}

export interface Ipv4Prefix {
  readonly family: 'ipv4';
  /** The first address of the prefix; host bits are always zero. */
  readonly network: Ipv4Address;
  /** 0..32 */
  readonly length: number;
}

export type Prefix = Ipv6Prefix | Ipv4Prefix;

/** An interface address with its prefix length, as configured: `2001:db8:1::1/64`. */
export interface Ipv6Interface {
  readonly address: Ipv6Address;
  readonly length: number;
}

/** An interface address with its prefix length, as configured: `192.0.2.1/24`. */
export interface Ipv4Interface {
  readonly address: Ipv4Address;
  readonly length: number;
}

export const IPV6_BITS = 128;
export const IPV4_BITS = 32;

// Precomputed masks, index = prefix length: the forwarding path does one AND and one compare.
const IPV6_MASKS: readonly Ipv6Address[] = Array.from({ length: 129 }, (_, n) => (IPV6_MAX ^ (IPV6_MAX >> BigInt(n))) as Ipv6Address);
const IPV4_MASKS: readonly number[] = Array.from({ length: 33 }, (_, n) => (n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0));

/** The mask with `length` leading one bits (0..128; the caller checks the range). */
export function ipv6Mask(length: number): Ipv6Address {
  return IPV6_MASKS[length]!;
}

/** The mask with `length` leading one bits (0..32), e.g. 24 → 255.255.255.0. */
export function ipv4Mask(length: number): Ipv4Address {
  return IPV4_MASKS[length]! as Ipv4Address;
}

/** The inverted mask used by Cisco ACLs and OSPF, e.g. 24 → 0.0.0.255. */
export function ipv4Wildcard(length: number): Ipv4Address {
  return (~IPV4_MASKS[length]! >>> 0) as Ipv4Address;
}

/** The prefix of `length` that holds `address` (host bits cleared). */
export function ipv6PrefixOf(address: Ipv6Address, length: number): Ipv6Prefix {
  return { family: 'ipv6', network: (address & IPV6_MASKS[length]!) as Ipv6Address, length };
}

/** The prefix of `length` that holds `address` (host bits cleared). */
export function ipv4PrefixOf(address: Ipv4Address, length: number): Ipv4Prefix {
  return { family: 'ipv4', network: ((address & IPV4_MASKS[length]!) >>> 0) as Ipv4Address, length };
}

/** True when `address` is inside `prefix`. Hot path: no allocation besides the bigint AND. */
export function ipv6PrefixContains(prefix: Ipv6Prefix, address: Ipv6Address): boolean {
  return (address & IPV6_MASKS[prefix.length]!) === prefix.network;
}

/** True when `address` is inside `prefix`. Hot path: integer AND and compare. */
export function ipv4PrefixContains(prefix: Ipv4Prefix, address: Ipv4Address): boolean {
  return (address & IPV4_MASKS[prefix.length]!) >>> 0 === prefix.network;
}

/** The network part of an address (the first `length` bits, the rest zero). */
export function ipv6NetworkPart(address: Ipv6Address, length: number): Ipv6Address {
  return (address & IPV6_MASKS[length]!) as Ipv6Address;
}

/** The host part of an address (the bits after the first `length`), e.g. the interface ID for /64. */
export function ipv6HostPart(address: Ipv6Address, length: number): bigint {
  return address & (IPV6_MAX ^ IPV6_MASKS[length]!);
}

/** The prefix length of an address's class (RFC 791: A /8, B /16, C /24; D and E /32), as IOS groups routes. */
export function ipv4ClassfulLength(address: Ipv4Address): number {
  const first = address >>> 24;
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return 32;
}

export function ipv4NetworkPart(address: Ipv4Address, length: number): Ipv4Address {
  return ((address & IPV4_MASKS[length]!) >>> 0) as Ipv4Address;
}

export function ipv4HostPart(address: Ipv4Address, length: number): number {
  return (address & ~IPV4_MASKS[length]!) >>> 0;
}

// ---- text ----

function readLength(text: string, lengthText: string, maxBits: number, example: string): ParseResult<number> {
  if (lengthText === '') return parseError(text, `no prefix length after '/'; write it as in ${example}`);
  if (!/^[0-9]+$/.test(lengthText)) return parseError(text, `prefix length '${lengthText.length > 12 ? `${lengthText.slice(0, 12)}…` : lengthText}' is not a whole number`);
  if (lengthText.length > 1 && lengthText[0] === '0') return parseError(text, `prefix length '${lengthText}' has a leading zero`);
  const length = lengthText.length > 4 ? Infinity : Number(lengthText);
  if (length > maxBits) return parseError(text, `prefix length ${lengthText.length > 12 ? `${lengthText.slice(0, 12)}…` : lengthText} is more than ${maxBits}`);
  return parsed(length);
}

function splitSlash(text: string, example: string): ParseResult<[string, string]> {
  const slash = text.indexOf('/');
  if (slash === -1) return parseError(text, `no prefix length; write it after '/', as in ${example}`);
  if (text.indexOf('/', slash + 1) !== -1) return parseError(text, "'/' may appear only once");
  return parsed([text.slice(0, slash), text.slice(slash + 1)]);
}

/** Reads `2001:db8:1::1/64` as an interface address and its length (host bits allowed). */
export function parseIpv6Interface(text: string): ParseResult<Ipv6Interface> {
  if (text === '') return failure('empty text: no IPv6 prefix given');
  const parts = splitSlash(text, '2001:db8::/32');
  if (!parts.ok) return parts;
  const [addressText, lengthText] = parts.value;
  const address = parseIpv6(addressText);
  if (!address.ok) return parseError(text, addressText === '' ? "no address before '/'" : reasonOf(address.error, addressText));
  const length = readLength(text, lengthText, IPV6_BITS, '2001:db8::/32');
  if (!length.ok) return length;
  return parsed({ address: address.value, length: length.value });
}

/** Reads `192.0.2.1/24` as an interface address and its length (host bits allowed). */
export function parseIpv4Interface(text: string): ParseResult<Ipv4Interface> {
  if (text === '') return failure('empty text: no IPv4 prefix given');
  const parts = splitSlash(text, '192.0.2.0/24');
  if (!parts.ok) return parts;
  const [addressText, lengthText] = parts.value;
  const address = parseIpv4(addressText);
  if (!address.ok) return parseError(text, addressText === '' ? "no address before '/'" : reasonOf(address.error, addressText));
  const length = readLength(text, lengthText, IPV4_BITS, '192.0.2.0/24');
  if (!length.ok) return length;
  return parsed({ address: address.value, length: length.value });
}

/** Reads a prefix such as `2001:db8::/32`; rejects host bits set after the length, naming the prefix meant. */
export function parseIpv6Prefix(text: string): ParseResult<Ipv6Prefix> {
  const result = parseIpv6Interface(text);
  if (!result.ok) return result;
  const prefix = ipv6PrefixOf(result.value.address, result.value.length);
  if (prefix.network !== result.value.address) {
    return parseError(text, `host bits are set (bits after the first ${prefix.length}); the prefix is ${formatPrefix(prefix)}`);
  }
  return parsed(prefix);
}

/** Reads a prefix such as `192.0.2.0/24`; rejects host bits set after the length, naming the prefix meant. */
export function parseIpv4Prefix(text: string): ParseResult<Ipv4Prefix> {
  const result = parseIpv4Interface(text);
  if (!result.ok) return result;
  const prefix = ipv4PrefixOf(result.value.address, result.value.length);
  if (prefix.network !== result.value.address) {
    return parseError(text, `host bits are set (bits after the first ${prefix.length}); the prefix is ${formatPrefix(prefix)}`);
  }
  return parsed(prefix);
}

/** Reads a prefix of either family: IPv6 when the text has ':'. */
export function parsePrefix(text: string): ParseResult<Prefix> {
  return text.includes(':') ? parseIpv6Prefix(text) : parseIpv4Prefix(text);
}

/** Reads a dotted mask (`255.255.255.0`) and gives its length (24); the one bits must be contiguous. */
export function parseIpv4Mask(text: string): ParseResult<number> {
  const result = parseIpv4(text);
  if (!result.ok) return result;
  const inverted = ~result.value >>> 0;
  if ((inverted & (inverted + 1)) !== 0) {
    return parseError(text, 'is not a mask: its one bits must be contiguous from the left (as in 255.255.255.0)');
  }
  return parsed(inverted === 0 ? 32 : Math.clz32(inverted));
}

/** Reads a wildcard mask (`0.0.0.255`, Cisco ACL and OSPF style) and gives its prefix length (24). */
export function parseIpv4Wildcard(text: string): ParseResult<number> {
  const result = parseIpv4(text);
  if (!result.ok) return result;
  const wildcard = result.value;
  if ((wildcard & (wildcard + 1)) !== 0) {
    return parseError(text, 'is not a contiguous wildcard: its one bits must be contiguous at the right (as in 0.0.0.255)');
  }
  return parsed(wildcard === 0 ? 32 : Math.clz32(wildcard));
}

/** `2001:db8::/32`, `192.0.2.0/24`. */
export function formatPrefix(prefix: Prefix): string {
  return prefix.family === 'ipv6' ? `${formatIpv6(prefix.network)}/${prefix.length}` : `${formatIpv4(prefix.network)}/${prefix.length}`;
}

// ---- arithmetic over either family (bigint inside, so one code path serves both) ----

export function prefixBits(prefix: Prefix): number {
  return prefix.family === 'ipv6' ? IPV6_BITS : IPV4_BITS;
}

function firstOf(prefix: Prefix): bigint {
  return BigInt(prefix.network);
}

function sizeOf(bits: number, length: number): bigint {
  return 1n << BigInt(bits - length);
}

function lastOf(prefix: Prefix): bigint {
  return firstOf(prefix) + sizeOf(prefixBits(prefix), prefix.length) - 1n;
}

function makePrefix<P extends Prefix>(family: P['family'], first: bigint, length: number): P {
  return (family === 'ipv6'
    ? { family, network: first as Ipv6Address, length }
    : { family, network: Number(first) as Ipv4Address, length }) as P;
}

/** The last address inside the prefix (all host bits one). */
export function lastAddressOf(prefix: Ipv6Prefix): Ipv6Address;
export function lastAddressOf(prefix: Ipv4Prefix): Ipv4Address;
export function lastAddressOf(prefix: Prefix): Ipv6Address | Ipv4Address;
export function lastAddressOf(prefix: Prefix): Ipv6Address | Ipv4Address {
  const last = lastOf(prefix);
  return prefix.family === 'ipv6' ? (last as Ipv6Address) : (Number(last) as Ipv4Address);
}

/** The number of addresses in the prefix (2^(bits-length)). */
export function addressCount(prefix: Prefix): bigint {
  return sizeOf(prefixBits(prefix), prefix.length);
}

/** True when every address of `inner` is inside `outer` (a prefix contains itself). */
export function prefixContainsPrefix(outer: Prefix, inner: Prefix): boolean {
  if (outer.family !== inner.family || inner.length < outer.length) return false;
  return outer.family === 'ipv6'
    ? ipv6PrefixContains(outer, inner.network as Ipv6Address)
    : ipv4PrefixContains(outer, inner.network as Ipv4Address);
}

/** True when the two prefixes share an address (for CIDR blocks: one contains the other). */
export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return prefixContainsPrefix(a, b) || prefixContainsPrefix(b, a);
}

/** How many subnets of `newLength` the prefix holds (2^(newLength-length)); 0n if newLength is out of range. */
export function countSubnets(prefix: Prefix, newLength: number): bigint {
  if (!Number.isInteger(newLength) || newLength < prefix.length || newLength > prefixBits(prefix)) return 0n;
  return 1n << BigInt(newLength - prefix.length);
}

function checkNewLength(prefix: Prefix, newLength: number): ParseResult<true> {
  const bits = prefixBits(prefix);
  if (!Number.isInteger(newLength) || newLength < 0) return failure(`subnet length ${newLength} is not a whole number from 0 to ${bits}`);
  if (newLength > bits) return failure(`prefix length ${newLength} is more than ${bits}`);
  if (newLength < prefix.length) {
    return failure(`subnet length /${newLength} is shorter than ${formatPrefix(prefix)}; subnets must be longer (a bigger number)`);
  }
  return parsed(true);
}

/** The n-th (from 0) subnet of `newLength` inside the prefix. */
export function nthSubnet<P extends Prefix>(prefix: P, newLength: number, n: bigint): ParseResult<P> {
  const ok = checkNewLength(prefix, newLength);
  if (!ok.ok) return ok;
  const count = countSubnets(prefix, newLength);
  if (n < 0n || n >= count) {
    return failure(`${formatPrefix(prefix)} holds ${count} subnets of /${newLength} (numbered 0 to ${count - 1n}); ${n} is out of range`);
  }
  const first = firstOf(prefix) + n * sizeOf(prefixBits(prefix), newLength);
  return parsed(makePrefix<P>(prefix.family, first, newLength));
}

/** Default most subnets splitPrefix lists at once (a /48 into /64s is 65,536). */
export const SPLIT_MAX_COUNT = 65_536;

/** All subnets of `newLength` inside the prefix, in order; refuses to list more than `maxCount`. */
export function splitPrefix<P extends Prefix>(prefix: P, newLength: number, maxCount = SPLIT_MAX_COUNT): ParseResult<P[]> {
  const ok = checkNewLength(prefix, newLength);
  if (!ok.ok) return ok;
  const count = countSubnets(prefix, newLength);
  if (count > BigInt(maxCount)) {
    return failure(`${formatPrefix(prefix)} holds ${count} subnets of /${newLength}, more than ${maxCount} to list; ask for the n-th one instead`);
  }
  const step = sizeOf(prefixBits(prefix), newLength);
  const out: P[] = [];
  for (let i = 0n, first = firstOf(prefix); i < count; i++, first += step) out.push(makePrefix<P>(prefix.family, first, newLength));
  return parsed(out);
}

/** Largest aligned blocks covering [first, last]: the classic range-to-CIDR walk. */
function rangeToPrefixes<P extends Prefix>(family: P['family'], bits: number, first: bigint, last: bigint, out: P[]): void {
  const whole = 1n << BigInt(bits);
  while (first <= last) {
    let size = first === 0n ? whole : first & -first; // alignment of `first`
    while (size > last - first + 1n) size >>= 1n;
    const hostBits = size.toString(2).length - 1;
    out.push(makePrefix<P>(family, first, bits - hostBits));
    first += size;
  }
}

/**
 * The fewest prefixes that cover exactly the addresses of the list (duplicates, nested and
 * adjacent prefixes merge: 2001:db8::/33 + 2001:db8:8000::/33 → 2001:db8::/32). IPv4 results
 * come before IPv6, each family in address order.
 */
export function aggregatePrefixes<P extends Prefix>(prefixes: readonly P[]): P[] {
  const out: P[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const ranges = prefixes
      .filter((p) => p.family === family)
      .map((p) => [firstOf(p), lastOf(p)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (ranges.length === 0) continue;
    const bits = family === 'ipv6' ? IPV6_BITS : IPV4_BITS;
    let [start, end] = ranges[0]!;
    for (const [first, last] of ranges.slice(1)) {
      if (first <= end + 1n) {
        if (last > end) end = last;
      } else {
        rangeToPrefixes<P>(family, bits, start, end, out);
        start = first;
        end = last;
      }
    }
    rangeToPrefixes<P>(family, bits, start, end, out);
  }
  return out;
}
