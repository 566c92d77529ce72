/**
 * `v6lab addr 6to4 <ipv4>`: the 6to4 site prefix 2002:V4ADDR::/48 (RFC 3056 section 2); given an
 * address in 2002::/16 instead, the IPv4 address inside it. Taught as legacy (RFC 7526).
 */
import { classifyIpv4, formatIpv4, formatIpv6, formatPrefix, ipv4FromSixToFour, ipv6, sixToFourPrefix, type Ipv4Address } from '../../../sim-core/addr';
import { commandError, type CommandOutcome } from '../cli-command';
import { readIpv4Argument, readIpv6Argument } from './arguments';
import { formatReport } from './report-text';

const LEGACY = '6to4 is legacy: RFC 7526 deprecated its relays; learn it, but use native IPv6 or a configured tunnel';

function warningsFor(ipv4: Ipv4Address): string[] {
  const kind = classifyIpv4(ipv4);
  return kind.kind === 'global' || kind.kind === 'documentation'
    ? []
    : [`${formatIpv4(ipv4)} is ${kind.description}; 6to4 needs a public IPv4 address on the router`];
}

export function runAddr6to4(input: string): CommandOutcome {
  if (input.includes(':')) {
    const v6 = readIpv6Argument(input);
    if (!v6.ok) return v6;
    const v4 = ipv4FromSixToFour(v6.value.address);
    if (!v4.ok) return commandError(v4.error);
    const site = sixToFourPrefix(v4.value);
    return {
      ok: true,
      text: formatReport(formatIpv4(v4.value), [
        ['6to4 address', formatIpv6(v6.value.address)],
        ['site prefix', formatPrefix(site)],
        ['layout', '2002 (16 bits), then the IPv4 address (bits 16-47)'],
        ['note', LEGACY],
      ]),
      json: { ipv4: formatIpv4(v4.value), address: formatIpv6(v6.value.address), prefix: formatPrefix(site) },
    };
  }
  const v4 = readIpv4Argument(input);
  if (!v4.ok) return v4;
  const site = sixToFourPrefix(v4.value);
  const hex = v4.value.toString(16).padStart(8, '0');
  const warnings = warningsFor(v4.value);
  return {
    ok: true,
    text: formatReport(
      formatPrefix(site),
      [
        ['IPv4', `${formatIpv4(v4.value)} (hex ${hex.slice(0, 4)}:${hex.slice(4)})`],
        ['layout', `2002 : ${hex.slice(0, 4)} : ${hex.slice(4)} :: /48 (2002::/16 + the IPv4 address)`],
        ['subnets', `${formatPrefix(site)} holds 65,536 /64s, e.g. ${formatIpv6(ipv6(site.network | (1n << 64n)))}/64`],
        ['note', LEGACY],
      ],
      warnings,
    ),
    json: { ipv4: formatIpv4(v4.value), prefix: formatPrefix(site), warnings },
  };
}
