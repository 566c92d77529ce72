/**
 * Windows 10/11 `ipconfig`, `ipconfig /all` and `hostname`.
 *
 * Layout measured on real captures (os-outputs.md; jc fixtures for Windows 10 and 11): a blank
 * line, `Windows IP Configuration`, adapter headings at column 0 ending in `:`, fields indented
 * 3 with the dotted labels Windows uses so that the colon sits at column 37 and the value starts
 * at 39, continuation values indented 39. IPv6 in RFC 5952 lower case; link-local addresses and
 * IPv6 gateways carry `%ifIndex`; `/all` adds `(Preferred)`/`(Deprecated)`/`(Tentative)`/
 * `(Duplicate)` after addresses. An empty value leaves no trailing blank (as in the fixtures).
 * No DNS server on an IPv6-enabled adapter shows Windows' fec0:0:0:ffff::1-3%1 placeholders.
 * Order per adapter: IPv6 Address, Temporary IPv6 Address, Link-local IPv6 Address, IPv4.
 * Left out: DHCP lease dates (no wall clock), WINS, tunnel adapters, Autoconfiguration IPv4.
 */
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { formatIpv4, type Ipv4Address } from '../../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { formatMacWindows } from '../../../addr/mac';
import { ipv4Mask } from '../../../addr/prefix';
import { familyOf, type HostInfoView, type InterfaceView, type Ipv6AddressView } from '../../views';

/** The dotted labels, exactly as Windows spells and pads them (34 characters before the colon). */
const LABELS = {
  hostName: 'Host Name . . . . . . . . . . . . ',
  primaryDnsSuffix: 'Primary Dns Suffix  . . . . . . . ',
  nodeType: 'Node Type . . . . . . . . . . . . ',
  ipRouting: 'IP Routing Enabled. . . . . . . . ',
  winsProxy: 'WINS Proxy Enabled. . . . . . . . ',
  searchList: 'DNS Suffix Search List. . . . . . ',
  mediaState: 'Media State . . . . . . . . . . . ',
  dnsSuffix: 'Connection-specific DNS Suffix  . ',
  description: 'Description . . . . . . . . . . . ',
  physical: 'Physical Address. . . . . . . . . ',
  dhcp: 'DHCP Enabled. . . . . . . . . . . ',
  autoconfig: 'Autoconfiguration Enabled . . . . ',
  ipv6: 'IPv6 Address. . . . . . . . . . . ',
  temporary: 'Temporary IPv6 Address. . . . . . ',
  linkLocal: 'Link-local IPv6 Address . . . . . ',
  ipv4: 'IPv4 Address. . . . . . . . . . . ',
  mask: 'Subnet Mask . . . . . . . . . . . ',
  gateway: 'Default Gateway . . . . . . . . . ',
  dhcpServer: 'DHCP Server . . . . . . . . . . . ',
  iaid: 'DHCPv6 IAID . . . . . . . . . . . ',
  duid: 'DHCPv6 Client DUID. . . . . . . . ',
  dnsServers: 'DNS Servers . . . . . . . . . . . ',
  netbios: 'NetBIOS over Tcpip. . . . . . . . ',
} as const;

export const IPCONFIG_LABELS: Readonly<Record<string, string>> = LABELS;

const CONTINUATION = ' '.repeat(39);

/** `   Label . . . : value` with further values on 39-space continuation lines. */
function field(label: string, values: readonly string[]): string[] {
  const [first, ...rest] = values;
  return [first === undefined || first === '' ? `   ${label}:` : `   ${label}: ${first}`, ...rest.map((v) => `${CONTINUATION}${v}`)];
}

function stateSuffix(state: Ipv6AddressView['state']): string {
  const words: Record<Ipv6AddressView['state'], string> = { preferred: 'Preferred', deprecated: 'Deprecated', tentative: 'Tentative', duplicate: 'Duplicate', invalid: 'Invalid' };
  return `(${words[state]})`;
}

/** An address as Windows prints it; IPv6 link-local ones with `%ifIndex`. */
export function formatWindowsAddress(address: Ipv4Address | Ipv6Address, ifIndex?: number): string {
  if (familyOf(address) === 'ipv4') return formatIpv4(address as Ipv4Address);
  const text = formatIpv6(address as Ipv6Address);
  return ifIndex !== undefined && isLinkLocalIpv6(address as Ipv6Address) ? `${text}%${ifIndex}` : text;
}

function adapterHeading(v: InterfaceView): string {
  return `${v.host?.adapterType ?? 'Ethernet'} adapter ${v.name}:`;
}

function mediaDisconnected(v: InterfaceView): boolean {
  return !v.adminUp || !v.linkUp;
}

function addressLines(v: InterfaceView, all: boolean): string[] {
  const lines: string[] = [];
  const suffix = (a: Ipv6AddressView) => (all ? stateSuffix(a.state) : '');
  const shown = v.ipv6.filter((a) => a.state !== 'invalid' && (all || a.state !== 'duplicate'));
  for (const a of shown.filter((x) => !isLinkLocalIpv6(x.address) && x.origin !== 'temporary')) lines.push(...field(LABELS.ipv6, [`${formatIpv6(a.address)}${suffix(a)}`]));
  for (const a of shown.filter((x) => x.origin === 'temporary')) lines.push(...field(LABELS.temporary, [`${formatIpv6(a.address)}${suffix(a)}`]));
  for (const a of shown.filter((x) => isLinkLocalIpv6(x.address))) lines.push(...field(LABELS.linkLocal, [`${formatIpv6(a.address)}%${v.ifIndex}${suffix(a)}`]));
  for (const a of v.ipv4) {
    const state = a.duplicate === true ? '(Duplicate)' : '(Preferred)';
    lines.push(...field(LABELS.ipv4, [`${formatIpv4(a.address)}${all ? state : ''}`]));
    lines.push(...field(LABELS.mask, [formatIpv4(ipv4Mask(a.prefixLength))]));
  }
  return lines;
}

function gatewayValues(v: InterfaceView): string[] {
  const host = v.host;
  if (host === undefined) return [];
  const values = host.ipv6DefaultRouters.map((r) => formatWindowsAddress(r.address, v.ifIndex));
  if (host.ipv4Gateway !== undefined) values.push(formatIpv4(host.ipv4Gateway));
  return values;
}

/** Plain `ipconfig`: addresses without state, default gateways (IPv6 first), no host block. */
export function formatIpconfig(adapters: readonly InterfaceView[]): string {
  const lines = ['', 'Windows IP Configuration', ''];
  for (const v of adapters) {
    lines.push('', adapterHeading(v), '');
    if (mediaDisconnected(v)) {
      lines.push(...field(LABELS.mediaState, ['Media disconnected']), ...field(LABELS.dnsSuffix, [v.host?.dnsSuffix ?? '']));
      continue;
    }
    lines.push(...field(LABELS.dnsSuffix, [v.host?.dnsSuffix ?? '']));
    lines.push(...addressLines(v, false));
    lines.push(...field(LABELS.gateway, gatewayValues(v)));
  }
  return lines.join('\n');
}

/**
 * Windows' well-known site-local DNS placeholders: an IPv6-enabled adapter with no DNS server
 * configured or learned lists these (scope id 1, site) in `ipconfig /all` (jc Windows 10 fixture).
 */
const PLACEHOLDER_DNS_SERVERS = ['fec0:0:0:ffff::1%1', 'fec0:0:0:ffff::2%1', 'fec0:0:0:ffff::3%1'];

function dnsServerValues(v: InterfaceView): string[] {
  const servers = v.host?.dnsServers ?? [];
  if (servers.length === 0) return v.ipv6Enabled ? PLACEHOLDER_DNS_SERVERS : [];
  return servers.map((s) => formatWindowsAddress(s, familyOf(s) === 'ipv6' ? v.ifIndex : undefined));
}

function yesNo(b: boolean): string {
  return b ? 'Yes' : 'No';
}

function formatDuid(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
}

/** `ipconfig /all`: the host block then every adapter with description, MAC, DHCP, DNS. */
export function formatIpconfigAll(info: HostInfoView, adapters: readonly InterfaceView[]): string {
  const lines = ['', 'Windows IP Configuration', ''];
  lines.push(...field(LABELS.hostName, [info.hostname]));
  lines.push(...field(LABELS.primaryDnsSuffix, [info.primaryDnsSuffix ?? '']));
  lines.push(...field(LABELS.nodeType, [info.nodeType ?? 'Hybrid']));
  lines.push(...field(LABELS.ipRouting, [yesNo(info.ipRoutingEnabled)]));
  lines.push(...field(LABELS.winsProxy, ['No']));
  if (info.dnsSearchList.length > 0) lines.push(...field(LABELS.searchList, info.dnsSearchList));
  for (const v of adapters) {
    const host = v.host;
    lines.push('', adapterHeading(v), '');
    if (mediaDisconnected(v)) lines.push(...field(LABELS.mediaState, ['Media disconnected']));
    lines.push(...field(LABELS.dnsSuffix, [host?.dnsSuffix ?? '']));
    lines.push(...field(LABELS.description, [host?.adapterDescription ?? 'Intel(R) 82574L Gigabit Network Connection']));
    lines.push(...field(LABELS.physical, [v.mac === undefined ? '' : formatMacWindows(v.mac)]));
    lines.push(...field(LABELS.dhcp, [yesNo(host?.dhcpEnabled ?? false)]));
    lines.push(...field(LABELS.autoconfig, [yesNo(host?.autoconfigEnabled ?? true)]));
    if (mediaDisconnected(v)) continue;
    lines.push(...addressLines(v, true));
    lines.push(...field(LABELS.gateway, gatewayValues(v)));
    if (host?.dhcpServer !== undefined) lines.push(...field(LABELS.dhcpServer, [formatIpv4(host.dhcpServer)]));
    if (host?.dhcpv6Iaid !== undefined) lines.push(...field(LABELS.iaid, [String(host.dhcpv6Iaid)]));
    if (host?.dhcpv6ClientDuid !== undefined) lines.push(...field(LABELS.duid, [formatDuid(host.dhcpv6ClientDuid)]));
    lines.push(...field(LABELS.dnsServers, dnsServerValues(v)));
    lines.push(...field(LABELS.netbios, ['Enabled']));
  }
  return lines.join('\n');
}

/** `hostname`: the name alone. */
export function formatWindowsHostname(info: HostInfoView): string {
  return info.hostname;
}
