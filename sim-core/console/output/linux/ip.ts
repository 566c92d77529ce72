/**
 * Linux iproute2 (6.1, Debian 12) displays: `ip addr`, `ip -4 addr`, `ip -6 addr`, `ip link`,
 * `ip route`, `ip -6 route`, `ip route get`, `ip -6 neigh`.
 *
 * Checked against iproute2 6.1 run in a network namespace and the captures in os-outputs.md:
 * link line `N: name: <FLAGS> mtu M qdisc Q state S group default qlen 1000` (`ip -6 addr`
 * prints only `mtu M state S qlen 1000`; `ip link` adds `mode DEFAULT`), IPv6 address lines end
 * in a space after the flags, flags in the kernel's order (temporary, nodad, dadfailed,
 * deprecated, tentative, dynamic, mngtmpaddr, noprefixroute — RFC 4862 states, RFC 8981
 * temporaries), lifetimes `forever` or `Nsec`; IPv4 routes end in a space, IPv6 routes do not
 * and always carry `metric` and `pref` (RFC 4191); RA routes are `proto ra` with `expires`;
 * neighbour lines end in a space, routers marked `router` (RFC 4861 section 7.3.2 states).
 * Left out: `ip -s`, `ip -d`, nexthop objects, multipath routes, VRF tables.
 */
import { formatIpv4, type Ipv4Address } from '../../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { formatMac } from '../../../addr/mac';
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { familyOf, type AddressFamily, type ArpView, type InterfaceView, type Ipv6AddressView, type NeighborView, type RouteView } from '../../views';

/** An address as Linux prints it. */
export function formatLinuxAddress(address: Ipv4Address | Ipv6Address): string {
  return familyOf(address) === 'ipv6' ? formatIpv6(address as Ipv6Address) : formatIpv4(address as Ipv4Address);
}

function linkFlags(v: InterfaceView): string {
  const flags = v.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  if (v.adminUp) flags.push('UP');
  if (v.adminUp && v.linkUp) flags.push('LOWER_UP');
  if (v.adminUp && !v.linkUp) flags.unshift('NO-CARRIER');
  return `<${flags.join(',')}>`;
}

function operState(v: InterfaceView): string {
  if (!v.adminUp || !v.linkUp) return 'DOWN';
  return v.kind === 'loopback' ? 'UNKNOWN' : 'UP';
}

function qdisc(v: InterfaceView): string {
  if (v.kind === 'loopback') return 'noqueue';
  return v.adminUp ? 'fq_codel' : 'noop';
}

type LinkLineStyle = 'addr' | 'addr6' | 'link';

function linkLine(v: InterfaceView, style: LinkLineStyle): string {
  const head = `${v.ifIndex}: ${v.name}: ${linkFlags(v)} mtu ${v.mtuBytes}`;
  if (style === 'addr6') return `${head} state ${operState(v)} qlen 1000`;
  return `${head} qdisc ${qdisc(v)} state ${operState(v)}${style === 'link' ? ' mode DEFAULT' : ''} group default qlen 1000`;
}

function linkLayerLine(v: InterfaceView): string {
  if (v.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  return `    link/ether ${v.mac === undefined ? '00:00:00:00:00:00' : formatMac(v.mac)} brd ff:ff:ff:ff:ff:ff`;
}

function lifetime(s: number | undefined): string {
  return s === undefined ? 'forever' : `${Math.max(0, Math.floor(s))}sec`;
}

function lifetimeLine(valid: number | undefined, preferred: number | undefined): string {
  return `       valid_lft ${lifetime(valid)} preferred_lft ${lifetime(preferred)}`;
}

function ipv6Flags(a: Ipv6AddressView): string[] {
  const flags: string[] = [];
  if (a.origin === 'temporary') flags.push('temporary');
  if (a.noDad === true) flags.push('nodad');
  if (a.state === 'duplicate') flags.push('dadfailed');
  if (a.state === 'deprecated') flags.push('deprecated');
  if (a.state === 'tentative' || a.state === 'duplicate') flags.push('tentative');
  if (a.validLifetimeS !== undefined) flags.push('dynamic');
  if (a.manageTemporary === true) flags.push('mngtmpaddr');
  if (a.noPrefixRoute === true) flags.push('noprefixroute');
  return flags;
}

function ipv6Scope(a: Ipv6AddressView): string {
  if (a.address === 1n) return 'host';
  return isLinkLocalIpv6(a.address) ? 'link' : 'global';
}

function addressLines(v: InterfaceView, family: AddressFamily | 'all'): string[] {
  const lines: string[] = [];
  if (family !== 'ipv6') {
    for (const a of v.ipv4) {
      const parts = [`    inet ${formatIpv4(a.address)}/${a.prefixLength}`];
      if (a.broadcast !== undefined) parts.push(`brd ${formatIpv4(a.broadcast)}`);
      parts.push(`scope ${a.address >>> 24 === 127 ? 'host' : 'global'}`);
      if (a.secondary === true) parts.push('secondary');
      if (a.validLifetimeS !== undefined || a.dhcp === true) parts.push('dynamic');
      parts.push(v.name.split('@')[0]!); // the label is the bare name; '@peer' belongs to the link line
      lines.push(parts.join(' '), lifetimeLine(a.validLifetimeS, a.preferredLifetimeS));
    }
  }
  if (family !== 'ipv4') {
    for (const a of v.ipv6) {
      if (a.state === 'invalid') continue;
      const flags = ipv6Flags(a);
      lines.push(`    inet6 ${formatIpv6(a.address)}/${a.prefixLength} scope ${ipv6Scope(a)} ${flags.map((f) => `${f} `).join('')}`);
      lines.push(lifetimeLine(a.validLifetimeS, a.state === 'deprecated' ? 0 : a.preferredLifetimeS));
    }
  }
  return lines;
}

/** `ip addr`, `ip -4 addr`, `ip -6 addr` (the family variants list only interfaces with such addresses). */
export function formatIpAddr(interfaces: readonly InterfaceView[], family: AddressFamily | 'all' = 'all'): string {
  const lines: string[] = [];
  for (const v of interfaces) {
    const addresses = addressLines(v, family);
    if (family !== 'all' && addresses.length === 0) continue;
    lines.push(linkLine(v, family === 'ipv6' ? 'addr6' : 'addr'));
    if (family === 'all') lines.push(linkLayerLine(v));
    lines.push(...addresses);
  }
  return lines.join('\n');
}

/** `ip link`. */
export function formatIpLink(interfaces: readonly InterfaceView[]): string {
  return interfaces.flatMap((v) => [linkLine(v, 'link'), linkLayerLine(v)]).join('\n');
}

function destination(r: RouteView): string {
  if (r.prefix.length === 0) return 'default';
  const network = formatLinuxAddress(r.prefix.network as Ipv4Address | Ipv6Address);
  const hostLength = r.family === 'ipv4' ? 32 : 128;
  return r.prefix.length === hostLength ? network : `${network}/${r.prefix.length}`;
}

function protoOf(r: RouteView): string | undefined {
  if (r.code === 'C' || r.code === 'L' || r.code === 'LC') return 'kernel';
  if (r.code === 'ND' || r.code === 'NDp') return 'ra';
  if (r.code === 'S' || r.code === 'S*') return undefined;
  return 'static';
}

export interface IpRouteOptions {
  /** `ip route show dev X`: only that device's routes, printed without `dev`. */
  readonly dev?: string;
}

function routeParts(r: RouteView, withDev: boolean): string[] {
  const hop = r.nextHops[0];
  const parts: string[] = [];
  if (hop?.address !== undefined) parts.push('via', formatLinuxAddress(hop.address));
  if (withDev && hop?.interfaceName !== undefined) parts.push('dev', hop.interfaceName);
  const proto = protoOf(r);
  if (proto !== undefined) parts.push('proto', proto);
  if (r.family === 'ipv4') {
    if (hop?.address === undefined && r.prefix.length > 0) parts.push('scope', 'link');
    if (r.source !== undefined) parts.push('src', formatLinuxAddress(r.source));
    if (r.metric !== 0) parts.push('metric', String(r.metric));
    return parts;
  }
  if (r.source !== undefined) parts.push('src', formatLinuxAddress(r.source));
  parts.push('metric', String(r.metric));
  if (r.expiresS !== undefined) parts.push('expires', `${Math.floor(r.expiresS)}sec`);
  if (r.hopLimit !== undefined) parts.push('hoplimit', String(r.hopLimit));
  parts.push('pref', r.preference ?? 'medium');
  return parts;
}

/** `ip route` / `ip -6 route` for the routes of one family, in the given (kernel) order. */
export function formatIpRoute(routes: readonly RouteView[], family: AddressFamily, options: IpRouteOptions = {}): string {
  const selected = routes.filter((r) => r.family === family && (options.dev === undefined || r.nextHops[0]?.interfaceName === options.dev));
  return selected
    .map((r) => {
      const line = [destination(r), ...routeParts(r, options.dev === undefined)].join(' ');
      return family === 'ipv4' ? `${line} ` : line;
    })
    .join('\n');
}

/** `ip route get A`: the chosen route for one destination, or the kernel's refusal. */
export function formatIpRouteGet(target: Ipv4Address | Ipv6Address, route: RouteView | undefined, source?: Ipv4Address | Ipv6Address): string {
  if (route === undefined) return 'RTNETLINK answers: Network is unreachable';
  const hop = route.nextHops[0];
  const parts = [formatLinuxAddress(target)];
  if (familyOf(target) === 'ipv4') {
    if (hop?.address !== undefined) parts.push('via', formatLinuxAddress(hop.address));
    if (hop?.interfaceName !== undefined) parts.push('dev', hop.interfaceName);
    if (source !== undefined) parts.push('src', formatLinuxAddress(source));
    parts.push('uid', '0');
    return `${parts.join(' ')} \n    cache `;
  }
  parts.push('from', '::');
  if (hop?.address !== undefined) parts.push('via', formatLinuxAddress(hop.address));
  if (hop?.interfaceName !== undefined) parts.push('dev', hop.interfaceName);
  const proto = protoOf(route);
  if (proto !== undefined) parts.push('proto', proto);
  if (source !== undefined) parts.push('src', formatLinuxAddress(source));
  parts.push('metric', String(route.metric), 'pref', route.preference ?? 'medium');
  return parts.join(' ');
}

const NUD_WORDS: Record<NeighborView['state'], string> = { INCMP: 'INCOMPLETE', REACH: 'REACHABLE', STALE: 'STALE', DELAY: 'DELAY', PROBE: 'PROBE', PERMANENT: 'PERMANENT', FAILED: 'FAILED' };

/** `ip -6 neigh`: `A dev D lladdr M [router] STATE ` (the trailing space is iproute2's). */
export function formatIpNeigh(neighbors: readonly NeighborView[]): string {
  return neighbors
    .map((n) => {
      const parts = [formatIpv6(n.address), 'dev', n.interfaceName];
      if (n.linkLayer !== undefined) parts.push('lladdr', formatMac(n.linkLayer));
      if (n.isRouter) parts.push('router');
      parts.push(NUD_WORDS[n.state]);
      return `${parts.join(' ')} `;
    })
    .join('\n');
}


/**
 * `ip -4 neigh` (and the IPv4 half of `ip neigh`): `A dev D lladdr M STATE ` from the ARP cache;
 * an entry still resolving is `INCOMPLETE`, a learnt one `REACHABLE` in its first minute (ArpView
 * ages are whole minutes) then `STALE`, a static one `PERMANENT`.
 */
export function formatIpNeigh4(entries: readonly ArpView[]): string {
  return entries
    .map((e) => {
      const parts = [formatIpv4(e.address), 'dev', e.interfaceName];
      if (e.mac !== undefined) parts.push('lladdr', formatMac(e.mac));
      parts.push(e.mac === undefined ? (e.dynamic ? 'INCOMPLETE' : 'FAILED') : e.dynamic ? ((e.ageMin ?? 0) * 60 < 30 ? 'REACHABLE' : 'STALE') : 'PERMANENT');
      return `${parts.join(' ')} `;
    })
    .join('\n');
}
