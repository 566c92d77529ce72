/**
 * What kind of address this is: the IPv6 address types of RFC 4291 section 2.4 and the special
 * blocks of the IANA IPv6 Special-Purpose Address Registry that the course meets (RFC 6890):
 * unspecified ::/128, loopback ::1/128, IPv4-mapped ::ffff:0:0/96, NAT64 well-known 64:ff9b::/96
 * (RFC 6052) and local-use 64:ff9b:1::/48 (RFC 8215), link-local fe80::/10, deprecated site-local
 * fec0::/10 (RFC 3879), unique local fc00::/7 (RFC 4193), multicast ff00::/8 with its scope
 * (RFC 4291 section 2.7, RFC 7346), documentation 2001:db8::/32 (RFC 3849) and 3fff::/20
 * (RFC 9637), 6to4 2002::/16 (RFC 3056), global unicast 2000::/3. IPv4: RFC 6890 and RFC 5737.
 * Left out: Teredo, ORCHID, benchmarking and the other registry rows no lab uses.
 */
import type { Ipv4Address } from './ipv4';
import type { Ipv6Address } from './ipv6';
import { ipv4PrefixContains, ipv6PrefixContains, type Ipv4Prefix, type Ipv6Prefix } from './prefix';

export type Ipv6Kind =
  | 'unspecified'
  | 'loopback'
  | 'ipv4-mapped'
  | 'nat64-well-known'
  | 'nat64-local-use'
  | 'multicast'
  | 'link-local'
  | 'site-local'
  | 'unique-local'
  | 'documentation'
  | '6to4'
  | 'global-unicast'
  | 'reserved';

/** RFC 7346 section 2 scope names, by the 4-bit scop value of a multicast address. */
export type MulticastScope =
  | 'interface-local'
  | 'link-local'
  | 'realm-local'
  | 'admin-local'
  | 'site-local'
  | 'organization-local'
  | 'global'
  | 'reserved'
  | 'unassigned';

export interface Ipv6Class {
  readonly kind: Ipv6Kind;
  /** Plain words for people: "link-local unicast (fe80::/10)". */
  readonly description: string;
  /** Where the block is defined, e.g. "RFC 4291 section 2.5.6". */
  readonly reference: string;
  /** Present for multicast addresses only. */
  readonly multicastScope?: MulticastScope;
  /** The scop field (0-15) of a multicast address. */
  readonly multicastScopeValue?: number;
}

function v6(network: bigint, length: number): Ipv6Prefix {
  return { family: 'ipv6', network: network as Ipv6Address, length };
}

export const IPV6_UNSPECIFIED = 0n as Ipv6Address;
export const IPV6_LOOPBACK = 1n as Ipv6Address;
export const IPV4_MAPPED_PREFIX = v6(0xffffn << 32n, 96);
export const LINK_LOCAL_PREFIX = v6(0xfe80n << 112n, 10);
export const SITE_LOCAL_PREFIX = v6(0xfec0n << 112n, 10);
export const UNIQUE_LOCAL_PREFIX = v6(0xfc00n << 112n, 7);
export const MULTICAST_PREFIX = v6(0xffn << 120n, 8);
export const DOCUMENTATION_PREFIX = v6(0x20010db8n << 96n, 32);
export const DOCUMENTATION_PREFIX_3FFF = v6(0x3fffn << 112n, 20);
export const SIX_TO_FOUR_PREFIX = v6(0x2002n << 112n, 16);
export const NAT64_WELL_KNOWN_PREFIX = v6(0x64ff9bn << 96n, 96);
export const NAT64_LOCAL_USE_PREFIX = v6((0x64ff9bn << 96n) | (1n << 80n), 48);
export const GLOBAL_UNICAST_PREFIX = v6(0x2n << 124n, 3);

const SCOPES: readonly MulticastScope[] = [
  'reserved', 'interface-local', 'link-local', 'realm-local', 'admin-local', 'site-local', 'unassigned', 'unassigned',
  'organization-local', 'unassigned', 'unassigned', 'unassigned', 'unassigned', 'unassigned', 'global', 'reserved',
];

export function isMulticastIpv6(address: Ipv6Address): boolean {
  return address >> 120n === 0xffn;
}

export function isLinkLocalIpv6(address: Ipv6Address): boolean {
  return ipv6PrefixContains(LINK_LOCAL_PREFIX, address);
}

/** The scop field of a multicast address (RFC 4291 section 2.7): 1 interface-local, 2 link-local, 5 site-local, 14 global. */
export function multicastScopeValue(address: Ipv6Address): number {
  return Number((address >> 112n) & 0xfn);
}

export function multicastScopeName(scopeValue: number): MulticastScope {
  return SCOPES[scopeValue & 0xf]!;
}

/** The type of an IPv6 address, most specific block first. */
export function classifyIpv6(address: Ipv6Address): Ipv6Class {
  if (address === IPV6_UNSPECIFIED) return { kind: 'unspecified', description: 'unspecified address (::), "no address yet"', reference: 'RFC 4291 section 2.5.2' };
  if (address === IPV6_LOOPBACK) return { kind: 'loopback', description: 'loopback (::1), this host itself', reference: 'RFC 4291 section 2.5.3' };
  if (ipv6PrefixContains(IPV4_MAPPED_PREFIX, address)) {
    return { kind: 'ipv4-mapped', description: 'IPv4-mapped (::ffff:0:0/96), an IPv4 address seen through an IPv6 socket', reference: 'RFC 4291 section 2.5.5.2' };
  }
  if (ipv6PrefixContains(NAT64_WELL_KNOWN_PREFIX, address)) {
    return { kind: 'nat64-well-known', description: 'NAT64 well-known prefix (64:ff9b::/96), an IPv4 address reached through NAT64', reference: 'RFC 6052 section 2.1' };
  }
  if (ipv6PrefixContains(NAT64_LOCAL_USE_PREFIX, address)) {
    return { kind: 'nat64-local-use', description: 'NAT64 local-use prefix (64:ff9b:1::/48), for a network\'s own translators', reference: 'RFC 8215' };
  }
  if (isMulticastIpv6(address)) {
    const scopeValue = multicastScopeValue(address);
    const scope = multicastScopeName(scopeValue);
    return { kind: 'multicast', description: `multicast (ff00::/8), ${scope} scope`, reference: 'RFC 4291 section 2.7', multicastScope: scope, multicastScopeValue: scopeValue };
  }
  if (isLinkLocalIpv6(address)) return { kind: 'link-local', description: 'link-local unicast (fe80::/10), valid only on one link', reference: 'RFC 4291 section 2.5.6' };
  if (ipv6PrefixContains(SITE_LOCAL_PREFIX, address)) return { kind: 'site-local', description: 'site-local (fec0::/10), deprecated: do not use', reference: 'RFC 3879' };
  if (ipv6PrefixContains(UNIQUE_LOCAL_PREFIX, address)) {
    return { kind: 'unique-local', description: 'unique local (ULA, fc00::/7), private use inside a site, not routed on the Internet', reference: 'RFC 4193' };
  }
  if (ipv6PrefixContains(DOCUMENTATION_PREFIX, address)) {
    return { kind: 'documentation', description: 'documentation (2001:db8::/32), for examples and labs, never on the Internet', reference: 'RFC 3849' };
  }
  if (ipv6PrefixContains(DOCUMENTATION_PREFIX_3FFF, address)) {
    return { kind: 'documentation', description: 'documentation (3fff::/20), for examples and labs, never on the Internet', reference: 'RFC 9637' };
  }
  if (ipv6PrefixContains(SIX_TO_FOUR_PREFIX, address)) return { kind: '6to4', description: '6to4 (2002::/16), an IPv4 address inside; legacy, relays deprecated by RFC 7526', reference: 'RFC 3056' };
  if (ipv6PrefixContains(GLOBAL_UNICAST_PREFIX, address)) return { kind: 'global-unicast', description: 'global unicast (2000::/3), routed on the Internet', reference: 'RFC 4291 section 2.5.4' };
  return { kind: 'reserved', description: 'reserved or unassigned by IANA: not for use', reference: 'RFC 4291 section 2.4' };
}

// ---- IPv4 ----

export type Ipv4Kind =
  | 'unspecified'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'documentation'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'global';

export interface Ipv4Class {
  readonly kind: Ipv4Kind;
  readonly description: string;
  readonly reference: string;
}

function v4(a: number, b: number, c: number, d: number, length: number): Ipv4Prefix {
  return { family: 'ipv4', network: (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) as Ipv4Address, length };
}

const IPV4_BLOCKS: readonly [Ipv4Prefix, Ipv4Class][] = [
  [v4(0, 0, 0, 0, 32), { kind: 'unspecified', description: 'unspecified (0.0.0.0)', reference: 'RFC 1122 section 3.2.1.3' }],
  [v4(0, 0, 0, 0, 8), { kind: 'this-network', description: '"this network" (0.0.0.0/8), not a destination', reference: 'RFC 6890' }],
  [v4(127, 0, 0, 0, 8), { kind: 'loopback', description: 'loopback (127.0.0.0/8), this host itself', reference: 'RFC 1122 section 3.2.1.3' }],
  [v4(10, 0, 0, 0, 8), { kind: 'private', description: 'private (10.0.0.0/8), not routed on the Internet', reference: 'RFC 1918' }],
  [v4(172, 16, 0, 0, 12), { kind: 'private', description: 'private (172.16.0.0/12), not routed on the Internet', reference: 'RFC 1918' }],
  [v4(192, 168, 0, 0, 16), { kind: 'private', description: 'private (192.168.0.0/16), not routed on the Internet', reference: 'RFC 1918' }],
  [v4(100, 64, 0, 0, 10), { kind: 'shared', description: 'shared address space for carrier-grade NAT (100.64.0.0/10)', reference: 'RFC 6598' }],
  [v4(169, 254, 0, 0, 16), { kind: 'link-local', description: 'link-local (169.254.0.0/16), self-assigned when DHCP fails', reference: 'RFC 3927' }],
  [v4(192, 0, 2, 0, 24), { kind: 'documentation', description: 'documentation (192.0.2.0/24, TEST-NET-1)', reference: 'RFC 5737' }],
  [v4(198, 51, 100, 0, 24), { kind: 'documentation', description: 'documentation (198.51.100.0/24, TEST-NET-2)', reference: 'RFC 5737' }],
  [v4(203, 0, 113, 0, 24), { kind: 'documentation', description: 'documentation (203.0.113.0/24, TEST-NET-3)', reference: 'RFC 5737' }],
  [v4(255, 255, 255, 255, 32), { kind: 'broadcast', description: 'limited broadcast (255.255.255.255)', reference: 'RFC 919' }],
  [v4(224, 0, 0, 0, 4), { kind: 'multicast', description: 'multicast (224.0.0.0/4)', reference: 'RFC 1112' }],
  [v4(240, 0, 0, 0, 4), { kind: 'reserved', description: 'reserved (240.0.0.0/4), not for use', reference: 'RFC 1112 section 4' }],
];

const IPV4_GLOBAL: Ipv4Class = { kind: 'global', description: 'public (global) unicast', reference: 'RFC 6890' };

/** The type of an IPv4 address, most specific block first. */
export function classifyIpv4(address: Ipv4Address): Ipv4Class {
  for (const [prefix, kind] of IPV4_BLOCKS) if (ipv4PrefixContains(prefix, address)) return kind;
  return IPV4_GLOBAL;
}
