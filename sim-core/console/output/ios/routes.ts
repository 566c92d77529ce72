/**
 * Cisco IOS routing-table displays: `show ip route` and `show ipv6 route`.
 *
 * `show ip route` follows IOS 15 (IOSv): the codes legend, `Gateway of last resort is …`, routes
 * grouped under their classful network (RFC 791 classes A/B/C) with a parent line
 * `is subnetted, N subnets` (one mask) or `is variably subnetted, N subnets, M masks`; child
 * lines have a 9-wide code column, top-level lines a 6-wide one; ECMP paths continue on lines
 * aligned under the first path. Routes are printed in numeric order (network, then length), as
 * IOS does.
 * `show ipv6 route`: `IPv6 Routing Table - default - N entries`, the 15.x legend, a 4-wide code
 * column, `[AD/metric]`, then `via` lines indented 5; next hops and prefixes in upper case.
 * `show ipv6 route X` (an address or a prefix): the `Routing entry for P` block of IOS 15 with
 * `Known via`, `Route count is 1/1, share count 0`, the path and `Last updated … ago` (real
 * captures of connected, static and EIGRP entries; the local entry's `type receive` and
 * `receive via If` path follow the table's own words, no capture of one was found), or
 * `% Route not found`.
 * `show ip route X [MASK]`: IOS's `Routing entry for P` block with `Routing Descriptor Blocks:`
 * and `Route metric is 0, traffic share count is 1` (real captures of connected, static by next
 * hop, static by interface `(connected)`, Null0 and the default's `, supernet` and
 * `candidate default path`; the local /32's `(connected)` follows a loopback capture), or
 * `% Network not in table` / `% Subnet not in table`.
 * Left out: VRFs, `+` replicated routes, route tags, recursive next-hop annotations.
 */
import { formatIpv4, type Ipv4Address } from '../../../addr/ipv4';
import type { Ipv6Address } from '../../../addr/ipv6';
import { ipv4ClassfulLength, ipv4NetworkPart, type Ipv4Prefix } from '../../../addr/prefix';
import type { NextHopView, RouteView } from '../../views';
import { formatIosAge, formatIosIpv6 } from './interfaces';

const IPV4_LEGEND = [
  'Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2',
  '       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2',
  '       ia - IS-IS inter area, * - candidate default, U - per-user static route',
  '       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP',
  '       a - application route',
  '       + - replicated route, % - next hop override',
];

const IPV6_LEGEND = [
  'Codes: C - Connected, L - Local, S - Static, U - Per-user Static route',
  '       B - BGP, HA - Home Agent, MR - Mobile Router, R - RIP',
  '       H - NHRP, D - EIGRP, EX - EIGRP external, ND - ND Default',
  '       NDp - ND Prefix, DCE - Destination, NDr - Redirect, O - OSPF Intra',
  '       OI - OSPF Inter, OE1 - OSPF ext 1, OE2 - OSPF ext 2, ON1 - OSPF NSSA ext 1',
  '       ON2 - OSPF NSSA ext 2, l - LISP',
];

function v4(prefix: RouteView['prefix']): Ipv4Prefix {
  return prefix as Ipv4Prefix;
}

/** One path's text after the prefix: `is directly connected, If` or `[AD/m] via A, age, If`. */
function ipv4PathText(route: RouteView, hop: NextHopView): string {
  if (hop.address === undefined) return `is directly connected, ${hop.interfaceName ?? 'Null0'}`;
  const parts = [`[${route.distance}/${route.metric}] via ${formatIpv4(hop.address as Ipv4Address)}`];
  if (route.ageS !== undefined) parts.push(formatIosAge(route.ageS));
  if (hop.interfaceName !== undefined) parts.push(hop.interfaceName);
  return parts.join(', ');
}

function ipv4RouteLines(route: RouteView, codeWidth: number, withMask: boolean): string[] {
  const p = v4(route.prefix);
  const head = `${route.code.padEnd(codeWidth)}${formatIpv4(p.network)}${withMask ? `/${p.length}` : ''} `;
  const hops = route.nextHops.length === 0 ? [{ interfaceName: 'Null0' }] : route.nextHops;
  return hops.map((hop, i) => (i === 0 ? head : ' '.repeat(head.length)) + ipv4PathText(route, hop));
}

/**
 * `show ip route [static]`: legend, gateway of last resort, classful groups. With `only`, IOS
 * prints just the matching routes, under parent lines whose counts still describe the whole
 * classful group (the header and the gateway line are unchanged).
 */
export function formatShowIpRoute(routes: readonly RouteView[], only?: (route: RouteView) => boolean): string {
  const shown = (r: RouteView) => only === undefined || only(r);
  const sorted = routes
    .filter((r) => r.family === 'ipv4')
    .sort((a, b) => v4(a.prefix).network - v4(b.prefix).network || a.prefix.length - b.prefix.length);
  const lines = [...IPV4_LEGEND, ''];
  const defaultRoute = sorted.find((r) => r.prefix.length === 0 && r.nextHops.some((h) => h.address !== undefined));
  const gateway = defaultRoute?.nextHops.find((h) => h.address !== undefined)?.address;
  lines.push(gateway === undefined ? 'Gateway of last resort is not set' : `Gateway of last resort is ${formatIpv4(gateway as Ipv4Address)} to network 0.0.0.0`, '');
  let i = 0;
  while (i < sorted.length) {
    const route = sorted[i]!;
    const p = v4(route.prefix);
    const classLen = ipv4ClassfulLength(p.network);
    if (p.length < classLen || classLen === 32) {
      if (shown(route)) lines.push(...ipv4RouteLines(route, 6, true));
      i += 1;
      continue;
    }
    const major = ipv4NetworkPart(p.network, classLen);
    const group: RouteView[] = [];
    while (i < sorted.length && sorted[i]!.prefix.length >= classLen && ipv4NetworkPart(v4(sorted[i]!.prefix).network, classLen) === major) {
      group.push(sorted[i]!);
      i += 1;
    }
    const masks = new Set(group.map((r) => r.prefix.length));
    const children = group.filter(shown);
    if (masks.size === 1 && group[0]!.prefix.length === classLen) {
      for (const r of children) lines.push(...ipv4RouteLines(r, 6, true));
      continue;
    }
    if (children.length === 0) continue;
    const majorText = formatIpv4(major as Ipv4Address);
    const subnets = `${group.length} subnets`;
    if (masks.size === 1) {
      lines.push(`      ${majorText}/${group[0]!.prefix.length} is subnetted, ${subnets}`);
      for (const r of children) lines.push(...ipv4RouteLines(r, 9, false));
    } else {
      lines.push(`      ${majorText}/${classLen} is variably subnetted, ${subnets}, ${masks.size} masks`);
      for (const r of children) lines.push(...ipv4RouteLines(r, 9, true));
    }
  }
  return lines.join('\n');
}

function ipv6ViaLine(hop: NextHopView): string {
  if (hop.receive === true) return `     via ${hop.interfaceName ?? 'Null0'}, receive`;
  if (hop.address === undefined) return `     via ${hop.interfaceName ?? 'Null0'}, directly connected`;
  const address = formatIosIpv6(hop.address as Ipv6Address);
  return hop.interfaceName === undefined ? `     via ${address}` : `     via ${address}, ${hop.interfaceName}`;
}

/**
 * `show ipv6 route [connected|local|static]`: header with the entry count, legend, entries in the
 * given order. With `only`, IOS prints the matching entries but the header still counts the
 * whole table.
 */
export function formatShowIpv6Route(routes: readonly RouteView[], only?: (route: RouteView) => boolean): string {
  const v6 = routes.filter((r) => r.family === 'ipv6');
  const lines = [`IPv6 Routing Table - default - ${v6.length} entries`, ...IPV6_LEGEND];
  for (const r of v6) {
    if (only !== undefined && !only(r)) continue;
    lines.push(`${r.code.padEnd(4)}${formatIosIpv6(r.prefix.network as Ipv6Address)}/${r.prefix.length} [${r.distance}/${r.metric}]`);
    for (const hop of r.nextHops) lines.push(ipv6ViaLine(hop));
  }
  return lines.join('\n');
}

/** IOS `Known via` names and the `type` some sources add. */
function knownVia(code: RouteView['code']): { readonly name: string; readonly type?: string } {
  switch (code) {
    case 'C':
      return { name: 'connected', type: 'connected' };
    case 'L':
    case 'LC':
      return { name: 'local', type: 'receive' };
    case 'ND':
    case 'NDp':
      return { name: 'ND' };
    case 'S':
    case 'S*':
      return { name: 'static' };
    default:
      return { name: code.toLowerCase() };
  }
}

/** The path line of a route entry: `2001:DB8::2`, `FE80::2, Gi0/0`, `directly connected via If`, `receive via If`. */
function entryPathText(hop: NextHopView): string {
  if (hop.address !== undefined) {
    const address = formatIosIpv6(hop.address as Ipv6Address);
    return hop.interfaceName === undefined ? address : `${address}, ${hop.interfaceName}`;
  }
  const via = hop.interfaceName ?? 'Null0';
  return hop.receive === true ? `receive via ${via}` : `directly connected via ${via}`;
}

/** `show ipv6 route X`: the entry that route lookups use for X, or `% Route not found`. */
export function formatShowIpv6RouteEntry(route: RouteView | undefined): string {
  if (route === undefined) return '% Route not found';
  const via = knownVia(route.code);
  const lines = [
    `Routing entry for ${formatIosIpv6(route.prefix.network as Ipv6Address)}/${route.prefix.length}`,
    `  Known via "${via.name}", distance ${route.distance}, metric ${route.metric}${via.type === undefined ? '' : `, type ${via.type}`}`,
    `  Route count is ${route.nextHops.length}/${route.nextHops.length}, share count 0`,
    '  Routing paths:',
  ];
  for (const hop of route.nextHops) {
    lines.push(`    ${entryPathText(hop)}`);
    if (route.updatedAgoS !== undefined) lines.push(`      Last updated ${formatIosAge(route.updatedAgoS)} ago`);
  }
  return lines.join('\n');
}

/** `show ip route X [MASK]`: the entry for X (see the file comment), or IOS's not-in-table text. */
export function formatShowIpRouteEntry(route: RouteView | undefined, notFound: 'network' | 'subnet' = 'network'): string {
  if (route === undefined) return notFound === 'subnet' ? '% Subnet not in table' : '% Network not in table';
  const prefix = v4(route.prefix);
  const isDefault = prefix.length === 0;
  const hop = route.nextHops[0] ?? { interfaceName: 'Null0' };
  const viaInterface = hop.address === undefined;
  let known: string;
  if (route.code === 'C') known = `"connected", distance 0, metric 0 (connected, via interface)`;
  else if (route.code === 'L') known = `"connected", distance 0, metric 0 (connected)`;
  else known = `"static", distance ${route.distance}, metric ${route.metric}${viaInterface ? ' (connected)' : ''}${isDefault ? ', candidate default path' : ''}`;
  const lines = [`Routing entry for ${formatIpv4(prefix.network)}/${prefix.length}${isDefault ? ', supernet' : ''}`, `  Known via ${known}`, '  Routing Descriptor Blocks:'];
  route.nextHops.forEach((next, index) => {
    const mark = index === 0 ? '*' : ' ';
    lines.push(next.address === undefined ? `  ${mark} directly connected, via ${next.interfaceName ?? 'Null0'}` : `  ${mark} ${formatIpv4(next.address as Ipv4Address)}${next.interfaceName === undefined ? '' : `, via ${next.interfaceName}`}`);
    lines.push('      Route metric is 0, traffic share count is 1');
  });
  return lines.join('\n');
}

