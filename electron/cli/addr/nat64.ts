/**
 * `v6lab addr nat64 <ipv4> [prefix]` and `--extract <ipv6> [prefix]`: RFC 6052 IPv4-embedded
 * IPv6 addresses. The prefix defaults to the well-known 64:ff9b::/96; the text shows which bits
 * hold the IPv4 address (and the zero u octet, bits 64-71, for /40../64), and warns about
 * RFC 6052 section 3.1 (no non-global IPv4 under the well-known prefix).
 */
import {
  classifyIpv4,
  classifyIpv6,
  embedIpv4,
  extractIpv4,
  formatIpv4,
  formatIpv6,
  formatIpv6Mixed,
  formatPrefix,
  NAT64_WELL_KNOWN_PREFIX,
  type Ipv4Address,
  type Ipv6Address,
  type Ipv6Prefix,
} from '../../../sim-core/addr';
import { commandError, type CommandOutcome } from '../cli-command';
import { readIpv4Argument, readIpv6Argument, readIpv6PrefixArgument } from './arguments';
import { formatReport } from './report-text';

export const DEFAULT_NAT64_PREFIX = '64:ff9b::/96';

/** Where the 32 IPv4 bits go for each prefix length (RFC 6052 section 2.2, figure 1). */
export function nat64Layout(length: number): string {
  switch (length) {
    case 96:
      return 'bits 96-127 hold the IPv4 address';
    case 64:
      return 'bits 64-71 are the zero u octet; bits 72-103 hold the IPv4 address; the rest is zero';
    case 32:
      return 'bits 32-63 hold the IPv4 address; bits 64-71 are the zero u octet; the rest is zero';
    default: {
      const before = 64 - length;
      return `bits ${length}-63 hold the first ${before} IPv4 bits; bits 64-71 are the zero u octet; bits 72-${72 + 32 - before - 1} hold the other ${32 - before}; the rest is zero`;
    }
  }
}

function prefixName(prefix: Ipv6Prefix): string {
  const kind = classifyIpv6(prefix.network).kind;
  if (kind === 'nat64-well-known' && prefix.length === 96) return ' (NAT64 well-known prefix, RFC 6052)';
  if (kind === 'nat64-local-use') return ' (NAT64 local-use prefix, RFC 8215)';
  return ' (network-specific prefix)';
}

function wellKnownWarning(prefix: Ipv6Prefix, ipv4: Ipv4Address): string[] {
  const v4kind = classifyIpv4(ipv4);
  const wellKnown = prefix.network === NAT64_WELL_KNOWN_PREFIX.network && prefix.length === 96;
  if (!wellKnown || v4kind.kind === 'global' || v4kind.kind === 'documentation') return [];
  return [`${formatIpv4(ipv4)} is ${v4kind.description}; RFC 6052 section 3.1 says the well-known prefix 64:ff9b::/96 must not carry non-global IPv4 addresses: use a network-specific prefix`];
}

function report(prefix: Ipv6Prefix, ipv4: Ipv4Address, address: Ipv6Address, first: string, direction: string): CommandOutcome {
  const warnings = wellKnownWarning(prefix, ipv4);
  const v4hex = ipv4.toString(16).padStart(8, '0');
  const details: [string, string][] = [
    ['IPv4', `${formatIpv4(ipv4)} (hex ${v4hex.slice(0, 4)}:${v4hex.slice(4)})`],
    ['prefix', `${formatPrefix(prefix)}${prefixName(prefix)}`],
    ['layout', nat64Layout(prefix.length)],
    ['IPv6', formatIpv6(address)],
  ];
  if (prefix.length === 96) details.push(['mixed form', formatIpv6Mixed(address)]);
  return {
    ok: true,
    text: formatReport(first, details, warnings),
    json: { direction, ipv4: formatIpv4(ipv4), prefix: formatPrefix(prefix), address: formatIpv6(address), mixed: formatIpv6Mixed(address), warnings },
  };
}

/** IPv4 → IPv6 under the prefix. */
export function runAddrNat64(ipv4Text: string, prefixText = DEFAULT_NAT64_PREFIX): CommandOutcome {
  const ipv4 = readIpv4Argument(ipv4Text);
  if (!ipv4.ok) return ipv4;
  const prefix = readIpv6PrefixArgument(prefixText);
  if (!prefix.ok) return prefix;
  const address = embedIpv4(prefix.value, ipv4.value);
  if (!address.ok) return commandError(address.error);
  return report(prefix.value, ipv4.value, address.value, formatIpv6(address.value), 'embed');
}

/** IPv6 → the IPv4 inside it, under the prefix. */
export function runAddrNat64Extract(ipv6Text: string, prefixText = DEFAULT_NAT64_PREFIX): CommandOutcome {
  const ipv6 = readIpv6Argument(ipv6Text);
  if (!ipv6.ok) return ipv6;
  const prefix = readIpv6PrefixArgument(prefixText);
  if (!prefix.ok) return prefix;
  const ipv4 = extractIpv4(prefix.value, ipv6.value.address);
  if (!ipv4.ok) return commandError(ipv4.error);
  return report(prefix.value, ipv4.value, ipv6.value.address, formatIpv4(ipv4.value), 'extract');
}
