/**
 * Modified EUI-64 interface identifiers from a 48-bit MAC (RFC 4291 section 2.5.1 and appendix A,
 * RFC 2464 section 4): insert ff:fe between the third and fourth octets and invert the
 * universal/local bit (0x02 of the first octet), then put the 64-bit identifier after a /64.
 * Left out: privacy and stable-opaque identifiers (RFC 8981, RFC 7217), which the stack makes.
 */
import type { Ipv6Address } from './ipv6';
import { mac, type MacAddress } from './mac';
import { failure, parsed, type ParseResult } from './parse-result';
import { formatPrefix, type Ipv6Prefix } from './prefix';

/** The U/L bit inside the 64-bit identifier (bit 6 of the first octet, counting from 0 at the top bit as 7). */
export const INTERFACE_ID_UL_BIT = 1n << 57n;

/** The 64-bit modified EUI-64 interface identifier of a MAC. */
export function interfaceIdFromMac(address: MacAddress): bigint {
  const value = BigInt(address);
  const oui = value >> 24n; // first three octets
  const nic = value & 0xffffffn; // last three octets
  return ((oui << 40n) | (0xfffen << 24n) | nic) ^ INTERFACE_ID_UL_BIT;
}

/** The MAC inside a modified EUI-64 identifier, or undefined when it has no ff:fe in the middle. */
export function macFromInterfaceId(interfaceId: bigint): MacAddress | undefined {
  const id = interfaceId & 0xffffffffffffffffn;
  if (((id >> 24n) & 0xffffn) !== 0xfffen) return undefined;
  const flipped = id ^ INTERFACE_ID_UL_BIT;
  return mac(Number(((flipped >> 40n) << 24n) | (flipped & 0xffffffn)));
}

/** Four groups of four hex digits: `020c:29ff:fe0c:47d5`. */
export function formatInterfaceId(interfaceId: bigint): string {
  const hex = (interfaceId & 0xffffffffffffffffn).toString(16).padStart(16, '0');
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}`;
}

/** The SLAAC address a MAC gets under a /64 (RFC 4862 section 5.5.3 with RFC 4291 appendix A). */
export function eui64Address(prefix: Ipv6Prefix, address: MacAddress): ParseResult<Ipv6Address> {
  if (prefix.length !== 64) {
    return failure(`${formatPrefix(prefix)} is a /${prefix.length}; a modified EUI-64 address needs a /64 prefix (RFC 4291 section 2.5.1)`);
  }
  return parsed((prefix.network | interfaceIdFromMac(address)) as Ipv6Address);
}
