/**
 * 6to4 prefixes (RFC 3056 section 2): an IPv4 address V4ADDR gives the site prefix
 * 2002:V4ADDR::/48, and any address in 2002::/16 gives its IPv4 address back. 6to4 is taught as
 * a legacy example only (RFC 7526 deprecates the anycast relays).
 * Left out: the tunnel itself (stack), relay anycast 192.88.99.1.
 */
import type { Ipv4Address } from './ipv4';
import { formatIpv6, type Ipv6Address } from './ipv6';
import { failure, parsed, type ParseResult } from './parse-result';
import { SIX_TO_FOUR_PREFIX } from './classify';
import { ipv6PrefixContains, type Ipv6Prefix } from './prefix';

/** 2002:V4ADDR::/48 */
export function sixToFourPrefix(ipv4: Ipv4Address): Ipv6Prefix {
  return { family: 'ipv6', network: (SIX_TO_FOUR_PREFIX.network | (BigInt(ipv4) << 80n)) as Ipv6Address, length: 48 };
}

/** The IPv4 address inside a 6to4 address or prefix (bits 16-47). */
export function ipv4FromSixToFour(address: Ipv6Address): ParseResult<Ipv4Address> {
  if (!ipv6PrefixContains(SIX_TO_FOUR_PREFIX, address)) return failure(`${formatIpv6(address)} is not a 6to4 address (2002::/16)`);
  return parsed(Number((address >> 80n) & 0xffffffffn) as Ipv4Address);
}
