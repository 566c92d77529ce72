/**
 * Source address selection (RFC 6724 section 5, simplified): among the usable addresses of the
 * outgoing interface (tentative, duplicate and anycast addresses are never sources, RFC 4862
 * section 5.4 and RFC 4291 section 2.6), prefer
 *   rule 1: the destination itself;
 *   rule 2: an address whose scope fits the destination's (the smallest scope at least as large,
 *           else the largest): link-local for fe80::/10 and ff02::/16, global otherwise;
 *   rule 3: a preferred address over a deprecated one;
 *   rule 7: a temporary address over a public one, when the host's policy prefers temporary
 *           addresses (Windows does by default; Linux prefers public unless use_tempaddr=2);
 *   rule 8: the longest common prefix with the destination.
 * Rules 4-6 (home addresses, outgoing interface, labels) are left out: with one interface and no
 * Mobile IPv6 they rarely decide.
 * Pure functions over the interface's address list: no allocation beyond the result.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { Ipv6InterfaceAddress } from '../net-interface';

/** RFC 6724 section 3.1 scope values: 2 link-local (fe80::/10, ::1 counts as link-local), 14 global; multicast carries its own. */
export function ipv6ScopeOf(address: Ipv6Address): number {
  if (address >> 120n === 0xffn) return Number((address >> 112n) & 0xfn);
  if (address >> 118n === 0x3fan || address === 1n) return 2;
  return 14;
}

/** Number of leading bits `a` and `b` share (0-128), without string work. */
export function commonPrefixLength(a: Ipv6Address, b: Ipv6Address): number {
  const x = a ^ b;
  if (x === 0n) return 128;
  for (let word = 0; word < 4; word++) {
    const bits = Number((x >> BigInt(96 - 32 * word)) & 0xffffffffn);
    if (bits !== 0) return 32 * word + Math.clz32(bits);
  }
  return 128;
}

/** True for an address that may be a source (RFC 4862 section 5.4: not while tentative; never a duplicate; not anycast). */
export function isUsableSource(entry: Ipv6InterfaceAddress): boolean {
  return !entry.anycast && (entry.state === 'preferred' || entry.state === 'deprecated');
}

/** Rule 8 uses at most the prefix length of the candidate (RFC 6724 section 5, rule 8 note). */
function matchLength(entry: Ipv6InterfaceAddress, destination: Ipv6Address): number {
  return Math.min(commonPrefixLength(entry.address, destination), Math.max(entry.prefixLength, 64));
}

/** Is `a` a better source than `b` for `destination` (rules 1, 2, 3, 7, 8)? */
function better(a: Ipv6InterfaceAddress, b: Ipv6InterfaceAddress, destination: Ipv6Address, destinationScope: number, preferTemporary: boolean): boolean {
  if (a.address === destination) return true;
  if (b.address === destination) return false;
  const scopeA = ipv6ScopeOf(a.address);
  const scopeB = ipv6ScopeOf(b.address);
  if (scopeA !== scopeB) {
    if (scopeA < scopeB) return scopeA >= destinationScope ? true : false;
    return scopeB < destinationScope;
  }
  const deprecatedA = a.state === 'deprecated';
  const deprecatedB = b.state === 'deprecated';
  if (deprecatedA !== deprecatedB) return deprecatedB;
  if (preferTemporary) {
    const temporaryA = a.origin === 'temporary';
    const temporaryB = b.origin === 'temporary';
    if (temporaryA !== temporaryB) return temporaryA;
  }
  return matchLength(a, destination) > matchLength(b, destination);
}

/**
 * The best source among `candidates` for `destination`, or undefined when none is usable.
 * `preferTemporary` applies rule 7 (RFC 6724 section 5; RFC 8981 section 3.6).
 */
export function selectSourceAddress(
  candidates: readonly Ipv6InterfaceAddress[],
  destination: Ipv6Address,
  preferTemporary = false,
): Ipv6InterfaceAddress | undefined {
  const destinationScope = ipv6ScopeOf(destination);
  let best: Ipv6InterfaceAddress | undefined;
  for (const candidate of candidates) {
    if (!isUsableSource(candidate)) continue;
    if (best === undefined || better(candidate, best, destination, destinationScope, preferTemporary)) best = candidate;
  }
  return best;
}
