/**
 * IPv4-embedded IPv6 addresses (RFC 6052 section 2.2): an IPv4 address placed after a NAT64
 * prefix of length 32, 40, 48, 56, 64 or 96. Bits 64-71 (the "u" octet) are always zero, so for
 * /40../64 the IPv4 bits jump over them; the suffix after the IPv4 bits is zero. Extraction
 * reverses it and checks the u octet. Prefixes: the well-known 64:ff9b::/96 and local-use
 * 64:ff9b:1::/48 (RFC 8215) live in classify.ts.
 * Left out: translation itself (stack), and the section 3.1 rule that the well-known prefix must
 * not carry non-global IPv4 addresses (callers warn: see classifyIpv4).
 */
import type { Ipv4Address } from './ipv4';
import { formatIpv6, type Ipv6Address } from './ipv6';
import { failure, parsed, type ParseResult } from './parse-result';
import { formatPrefix, ipv6PrefixContains, type Ipv6Prefix } from './prefix';

export const NAT64_PREFIX_LENGTHS: readonly number[] = [32, 40, 48, 56, 64, 96];

const U_OCTET_MASK = 0xffn << 56n; // bits 64-71

function checkLength(prefix: Ipv6Prefix): ParseResult<true> {
  if (!NAT64_PREFIX_LENGTHS.includes(prefix.length)) {
    return failure(`${formatPrefix(prefix)}: a NAT64 prefix must be /32, /40, /48, /56, /64 or /96 (RFC 6052 section 2.2), not /${prefix.length}`);
  }
  return parsed(true);
}

/** The IPv6 address that stands for `ipv4` under the NAT64 prefix. */
export function embedIpv4(prefix: Ipv6Prefix, ipv4: Ipv4Address): ParseResult<Ipv6Address> {
  const ok = checkLength(prefix);
  if (!ok.ok) return ok;
  const v4 = BigInt(ipv4);
  if (prefix.length === 96) return parsed((prefix.network | v4) as Ipv6Address);
  const before = BigInt(64 - prefix.length); // IPv4 bits that fit before the u octet
  const after = 32n - before;
  const high = v4 >> after;
  const low = v4 & ((1n << after) - 1n);
  return parsed((prefix.network | (high << 64n) | (low << (56n - after))) as Ipv6Address);
}

/** The IPv4 address inside an IPv4-embedded IPv6 address (RFC 6052 section 2.2, reversed). */
export function extractIpv4(prefix: Ipv6Prefix, address: Ipv6Address): ParseResult<Ipv4Address> {
  const ok = checkLength(prefix);
  if (!ok.ok) return ok;
  if (!ipv6PrefixContains(prefix, address)) return failure(`${formatIpv6(address)} is not inside ${formatPrefix(prefix)}`);
  if (prefix.length === 96) return parsed(Number(address & 0xffffffffn) as Ipv4Address);
  if ((address & U_OCTET_MASK) !== 0n) {
    return failure(`${formatIpv6(address)}: bits 64-71 (the u octet) must be zero in an IPv4-embedded address (RFC 6052 section 2.2)`);
  }
  const before = BigInt(64 - prefix.length);
  const after = 32n - before;
  const high = (address >> 64n) & ((1n << before) - 1n);
  const low = (address >> (56n - after)) & ((1n << after) - 1n);
  return parsed(Number((high << after) | low) as Ipv4Address);
}
