/**
 * Windows 10/11 tables: `route print`, `arp -a`, `netsh interface ipv6 show address`,
 * `netsh interface ipv6 show route`, `netsh interface ipv6 show neighbors`.
 *
 * Columns measured on real captures (os-outputs.md; jc `route print` fixtures):
 * route print — interface list `%3d...MAC ......Description` (27 dots without a MAC); IPv4 rows
 * right-aligned 17/17/17/17/7 (`On-link` one column short, as Windows prints it); IPv6 rows
 * `%3d %6d %-24s %s`, a destination longer than 24 pushes its gateway to a 36-space line;
 * `Persistent Routes:` then `  None` when empty.
 * netsh show address — `%-9s  %-11s%11s %10s %s`, lifetimes `infinite` or `6d23h57m58s`
 * (leading and trailing zero units left out); Addr Type Public/Temporary/Manual/Dhcp/Other.
 * netsh show route — Publish 7, Type 8, Met 3, Prefix 24, Idx 3; Type System/Manual/Autoconf.
 * netsh show neighbors — address 44, MAC 17 lower-case with dashes, state, ` (Router)` for routers.
 * arp -a — `Interface: A --- 0xN` and rows `%-22s%-22s%s` indented 2.
 */
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { formatIpv4, type Ipv4Address } from '../../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { formatMacWindows } from '../../../addr/mac';
import { ipv4Mask, type Ipv4Prefix } from '../../../addr/prefix';
import type { ArpView, InterfaceView, Ipv6AddressView, NeighborView, RouteView } from '../../views';

const RULE = '='.repeat(75);

function macBytesSpaced(v: InterfaceView): string {
  if (v.mac === undefined) return '...........................';
  const bytes = formatMacWindows(v.mac).toLowerCase().split('-');
  return `...${bytes.join(' ')} ......`;
}

function adapterDescription(v: InterfaceView): string {
  if (v.kind === 'loopback') return 'Software Loopback Interface 1';
  return v.host?.adapterDescription ?? 'Intel(R) 82574L Gigabit Network Connection';
}

function onLinkOr(address: Ipv4Address | Ipv6Address | undefined): string {
  if (address === undefined) return 'On-link ';
  return typeof address === 'bigint' ? formatIpv6(address as Ipv6Address) : formatIpv4(address as Ipv4Address);
}

/** `route print`: interface list, IPv4 table, IPv6 table, each with its persistent routes. */
export function formatRoutePrint(interfaces: readonly InterfaceView[], routes: readonly RouteView[]): string {
  const lines = [RULE, 'Interface List'];
  for (const v of interfaces) lines.push(`${String(v.ifIndex).padStart(3)}${macBytesSpaced(v)}${adapterDescription(v)}`);
  lines.push(RULE, '', 'IPv4 Route Table', RULE, 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric');
  const v4 = routes.filter((r) => r.family === 'ipv4');
  for (const r of v4) {
    const p = r.prefix as Ipv4Prefix;
    const hop = r.nextHops[0];
    const local = r.source === undefined ? '' : formatIpv4(r.source as Ipv4Address);
    lines.push(`${formatIpv4(p.network).padStart(17)}${formatIpv4(ipv4Mask(p.length)).padStart(17)}${onLinkOr(hop?.address).padStart(17)}${local.padStart(17)}${String(r.metric).padStart(7)}`);
  }
  lines.push(RULE, 'Persistent Routes:');
  const persistent4 = v4.filter((r) => r.persistent === true);
  if (persistent4.length === 0) lines.push('  None');
  else {
    lines.push('  Network Address          Netmask  Gateway Address  Metric');
    for (const r of persistent4) {
      const p = r.prefix as Ipv4Prefix;
      lines.push(`${formatIpv4(p.network).padStart(17)}${formatIpv4(ipv4Mask(p.length)).padStart(17)}${onLinkOr(r.nextHops[0]?.address).trimEnd().padStart(17)}${String(r.metric).padStart(8)}`);
    }
    lines.push(RULE);
  }
  lines.push('', 'IPv6 Route Table', RULE, 'Active Routes:', ' If Metric Network Destination      Gateway');
  const v6 = routes.filter((r) => r.family === 'ipv6');
  const v6Row = (r: RouteView, ifIndex: number) => {
    const destination = `${formatIpv6(r.prefix.network as Ipv6Address)}/${r.prefix.length}`;
    const gateway = onLinkOr(r.nextHops[0]?.address).trimEnd();
    const head = `${String(ifIndex).padStart(3)} ${String(r.metric).padStart(6)} `;
    return destination.length > 24 ? [`${head}${destination}`, `${' '.repeat(36)}${gateway}`] : [`${head}${destination.padEnd(24)} ${gateway}`];
  };
  for (const r of v6) lines.push(...v6Row(r, r.nextHops[0]?.ifIndex ?? 1));
  lines.push(RULE, 'Persistent Routes:');
  const persistent6 = v6.filter((r) => r.persistent === true);
  if (persistent6.length === 0) lines.push('  None');
  else {
    lines.push(' If Metric Network Destination      Gateway');
    for (const r of persistent6) lines.push(...v6Row(r, 0));
    lines.push(RULE);
  }
  return lines.join('\n');
}

/** `arp -a`: one block per interface with an IPv4 address, index in hex. */
export function formatArpA(interfaces: readonly InterfaceView[], entries: readonly ArpView[]): string {
  const lines: string[] = [];
  for (const v of interfaces) {
    const own = v.ipv4[0];
    if (own === undefined || v.kind === 'loopback') continue;
    const rows = entries.filter((e) => e.interfaceName === v.name);
    lines.push('', `Interface: ${formatIpv4(own.address)} --- 0x${v.ifIndex.toString(16)}`, '  Internet Address      Physical Address      Type');
    for (const e of rows) {
      const mac = e.mac === undefined ? '00-00-00-00-00-00' : formatMacWindows(e.mac).toLowerCase();
      lines.push(`  ${formatIpv4(e.address).padEnd(22)}${mac.padEnd(22)}${e.dynamic ? 'dynamic' : 'static'}`);
    }
  }
  return lines.length === 0 ? 'No ARP Entries Found.' : lines.join('\n');
}

/** Windows lifetime text: `infinite`, `23h49m3s`, `6d23h59m` (leading and trailing zero units dropped). */
export function formatWindowsLifetime(seconds: number | undefined): string {
  if (seconds === undefined) return 'infinite';
  const s = Math.max(0, Math.floor(seconds));
  const units: [string, number][] = [['d', Math.floor(s / 86400)], ['h', Math.floor((s % 86400) / 3600)], ['m', Math.floor((s % 3600) / 60)], ['s', s % 60]];
  const first = units.findIndex(([, n]) => n > 0);
  if (first === -1) return '0s';
  let last = units.length - 1;
  while (units[last]![1] === 0) last -= 1;
  return units.slice(first, last + 1).map(([u, n]) => `${n}${u}`).join('');
}

function addrType(a: Ipv6AddressView): string {
  switch (a.origin) {
    case 'temporary':
      return 'Temporary';
    case 'slaac':
    case 'eui-64':
      return 'Public';
    case 'dhcpv6':
      return 'Dhcp';
    case 'link-local':
      return 'Other';
    default:
      return 'Manual';
  }
}

const DAD_STATE: Record<Ipv6AddressView['state'], string> = { preferred: 'Preferred', deprecated: 'Deprecated', tentative: 'Tentative', duplicate: 'Duplicate', invalid: 'Invalid' };

/** `netsh interface ipv6 show address`: one table per interface with IPv6 addresses. */
export function formatNetshShowAddress(interfaces: readonly InterfaceView[]): string {
  const lines: string[] = [];
  for (const v of interfaces) {
    if (v.ipv6.length === 0) continue;
    lines.push('', `Interface ${v.ifIndex}: ${v.name}`, '', 'Addr Type  DAD State   Valid Life Pref. Life Address', '---------  ----------- ---------- ---------- ------------------------');
    for (const a of v.ipv6) {
      const address = isLinkLocalIpv6(a.address) ? `${formatIpv6(a.address)}%${v.ifIndex}` : formatIpv6(a.address);
      lines.push(`${addrType(a).padEnd(9)}  ${DAD_STATE[a.state].padEnd(11)}${formatWindowsLifetime(a.validLifetimeS).padStart(11)} ${formatWindowsLifetime(a.preferredLifetimeS).padStart(10)} ${address}`);
    }
  }
  return lines.join('\n');
}

function netshRouteType(r: RouteView): string {
  if (r.code === 'ND' || r.code === 'NDp') return 'Autoconf';
  if (r.code === 'S' || r.code === 'S*') return 'Manual';
  return 'System';
}

/** `netsh interface ipv6 show route`. */
export function formatNetshShowRoute(routes: readonly RouteView[]): string {
  const lines = ['', 'Publish  Type      Met  Prefix                    Idx  Gateway/Interface Name', '-------  --------  ---  ------------------------  ---  ------------------------'];
  for (const r of routes.filter((x) => x.family === 'ipv6')) {
    const hop = r.nextHops[0];
    const target = hop?.address !== undefined ? formatIpv6(hop.address as Ipv6Address) : (hop?.interfaceName ?? '');
    const prefix = `${formatIpv6(r.prefix.network as Ipv6Address)}/${r.prefix.length}`;
    lines.push(`${(r.publish === true ? 'Yes' : 'No').padEnd(7)}  ${netshRouteType(r).padEnd(8)}  ${String(r.metric).padStart(3)}  ${prefix.padEnd(24)}  ${String(hop?.ifIndex ?? 1).padStart(3)}  ${target}`);
  }
  return lines.join('\n');
}

const NEIGHBOR_STATE: Record<NeighborView['state'], string> = { INCMP: 'Incomplete', REACH: 'Reachable', STALE: 'Stale', DELAY: 'Delay', PROBE: 'Probe', PERMANENT: 'Permanent', FAILED: 'Unreachable' };

/** `netsh interface ipv6 show neighbors`: one table per interface that has entries. */
export function formatNetshShowNeighbors(interfaces: readonly InterfaceView[], neighbors: readonly NeighborView[]): string {
  const lines: string[] = [];
  for (const v of interfaces) {
    const rows = neighbors.filter((n) => n.interfaceName === v.name);
    if (rows.length === 0) continue;
    lines.push('', `Interface ${v.ifIndex}: ${v.name}`, '', 'Internet Address                              Physical Address   Type', '--------------------------------------------  -----------------  -----------');
    for (const n of rows) {
      const mac = n.linkLayer === undefined ? '' : formatMacWindows(n.linkLayer).toLowerCase();
      const state = NEIGHBOR_STATE[n.state] + (n.isRouter && n.state !== 'PERMANENT' ? ' (Router)' : '');
      lines.push(`${formatIpv6(n.address).padEnd(46)}${mac.padEnd(19)}${state}`);
    }
  }
  return lines.join('\n');
}
