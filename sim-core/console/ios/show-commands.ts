/**
 * IOS `show` commands, wired to the device: running and startup configuration, version,
 * interfaces (`show interfaces [X|trunk]`, `show ip interface brief`, `show ipv6 interface
 * [brief] [X]`), routing tables, the ARP and IPv6 neighbour caches, and on switches the VLAN,
 * MAC address and spanning-tree tables and the port displays (`show interfaces status`,
 * `show interfaces [X] switchport`). Text comes from the formatters in console/output/ios
 * fed with views from ios-views.ts. Every show command accepts `| include|exclude|begin|section`.
 * User exec (`R1>`) gets all but the configuration displays, as on IOS.
 * `show clock` (the uptime clock of the log timestamps), `show history` (the console's lines).
 * `show arp` is `show ip arp`'s older spelling. Route filters: `show ipv6 route connected|local|static`, `show ip route connected|local|static`.
 * `show ipv6 route X` looks an address or a prefix up.
 * Leaves out: IPv4 route lookups by address, `show ip interface` (full), `show vlan` (full), `show cdp`, `show logging`.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import { ipv4ClassfulLength, ipv4NetworkPart, ipv6NetworkPart } from '../../addr/prefix';
import type { CommandSpec, ParsedArgs } from '../grammar';
import type { RouteView } from '../views';
import type { IosHandler } from '../ios-dialect';
import { formatShowInterfaces, formatShowInterfacesTrunk, formatShowIpInterfaceBrief, formatShowIpv6Interface, formatShowIpv6InterfaceBrief } from '../output/ios/interfaces';
import { formatShowIpRoute, formatShowIpRouteEntry, formatShowIpv6Route, formatShowIpv6RouteEntry } from '../output/ios/routes';
import { formatShowIpArp, formatShowIpv6Neighbors, formatShowMacAddressTable, formatShowVlanBrief } from '../output/ios/tables';
import { formatShowVersion } from '../output/ios/version';
import { formatShowClock } from '../output/ios/log';
import { formatShowSpanningTree } from '../output/ios/spanning-tree';
import { formatShowInterfacesStatus, formatShowInterfacesSwitchport } from '../output/ios/switchports';
import { interfaceArg, type IosCommandEnv } from './command-context';
import { arpViews, hostInfoView, interfaceViewOf, interfaceViews, macTableViews, neighborViews, routeViews, switchportViews, vlanViews } from './ios-views';
import { formatShowRunningConfig, formatShowRunningConfigInterface } from './running-config';

const SHOW = 'Show running system information';

/**
 * The route `show ipv6 route X` describes: for an address, the longest installed prefix holding
 * it (what forwarding would use, ::/0 included); for a prefix, that exact entry.
 */
function lookupIpv6RouteView(routes: readonly RouteView[], args: ParsedArgs): RouteView | undefined {
  const value = Object.values(args.values).find((v) => v.kind === 'ipv6' || v.kind === 'ipv6-prefix');
  if (value === undefined) return undefined;
  if (value.kind === 'ipv6-prefix') {
    const network = ipv6NetworkPart(value.address, value.prefixLength);
    return routes.find((r) => r.prefix.length === value.prefixLength && r.prefix.network === network);
  }
  if (value.kind !== 'ipv6') return undefined;
  let best: RouteView | undefined;
  for (const route of routes) {
    if (ipv6NetworkPart(value.address, route.prefix.length) !== route.prefix.network) continue;
    if (best === undefined || route.prefix.length > best.prefix.length) best = route;
  }
  return best;
}

/**
 * The route `show ip route X [MASK]` describes. With a mask, that exact entry. Without, the
 * longest prefix holding X, but never the default route: IOS answers `% Network not in table`
 * for an address only the default covers (`show ip route 0.0.0.0` shows the default itself).
 * No match inside a classful network the table has subnets of is `% Subnet not in table`.
 */
function lookupIpv4RouteView(routes: readonly RouteView[], args: ParsedArgs): { route: RouteView | undefined; notFound: 'network' | 'subnet' } {
  const values = Object.values(args.values);
  const address = values.find((v) => v.kind === 'ipv4');
  const mask = values.find((v) => v.kind === 'ipv4-mask');
  if (address === undefined || address.kind !== 'ipv4') return { route: undefined, notFound: 'network' };
  const v4 = routes.filter((r) => r.family === 'ipv4');
  let route: RouteView | undefined;
  if (mask !== undefined && mask.kind === 'ipv4-mask') {
    // A mask that is not a run of ones names no prefix the table can hold.
    if (mask.prefixLength === undefined) return { route: undefined, notFound: 'network' };
    const length = mask.prefixLength;
    route = v4.find((r) => r.prefix.length === length && r.prefix.network === ipv4NetworkPart(address.address, length));
  } else if (address.address === 0) {
    route = v4.find((r) => r.prefix.length === 0);
  } else {
    for (const r of v4) {
      if (r.prefix.length === 0 || ipv4NetworkPart(address.address, r.prefix.length) !== r.prefix.network) continue;
      if (route === undefined || r.prefix.length > route.prefix.length) route = r;
    }
  }
  if (route !== undefined) return { route, notFound: 'network' };
  const classful = ipv4ClassfulLength(address.address);
  const major = ipv4NetworkPart(address.address, classful);
  const subnetted = v4.some((r) => r.prefix.length > classful && ipv4NetworkPart(r.prefix.network as Ipv4Address, classful) === major);
  return { route: undefined, notFound: subnetted ? 'subnet' : 'network' };
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Show commands of privileged exec (`user` = false) or user exec (`user` = true). */
export function showCommands(env: IosCommandEnv, user: boolean): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const kind = rt.device.kind;
  const hasIp = kind !== 'switch';
  const isSwitch = kind === 'switch' || kind === 'l3-switch';
  const only = (name: string | undefined) => {
    if (name === undefined) return interfaceViews(rt);
    const i = rt.config.interfaces.get(name);
    return i === undefined ? [] : [interfaceViewOf(rt, i)];
  };
  const specs: CommandSpec<IosHandler>[] = [
    {
      spec: 'show clock',
      help: [SHOW, 'Display the system clock'],
      handler: () => `${formatShowClock(rt.uptimeNs)}\n`,
      filterable: true,
    },
    {
      spec: 'show history',
      help: [SHOW, 'Display the session command history'],
      handler: () => (env.history?.() ?? []).map((line) => `  ${line}\n`).join(''),
      filterable: true,
    },
    {
      spec: 'show version',
      help: [SHOW, 'System hardware and software status'],
      handler: () => withNewline(formatShowVersion(hostInfoView(rt), interfaceViews(rt))),
      filterable: true,
    },
    {
      spec: 'show interfaces [INTERFACE]',
      help: [SHOW, 'Interface status and configuration'],
      handler: (args) => withNewline(formatShowInterfaces(only(interfaceArg(args)))),
      filterable: true,
    },
    {
      spec: 'show ip interface brief',
      help: [SHOW, 'IP information', 'IP interface status and configuration', 'Brief summary of IP status and configuration'],
      handler: () => withNewline(formatShowIpInterfaceBrief(interfaceViews(rt))),
      filterable: true,
    },
  ];
  if (isSwitch) {
    specs.push(
      {
        spec: 'show interfaces trunk',
        help: [SHOW, 'Interface status and configuration', 'Show interface trunk information'],
        handler: () => withNewline(formatShowInterfacesTrunk(interfaceViews(rt))),
        filterable: true,
      },
      {
        spec: 'show interfaces status',
        help: [SHOW, 'Interface status and configuration', 'Show interface line status'],
        handler: () => withNewline(formatShowInterfacesStatus(interfaceViews(rt))),
        filterable: true,
      },
      {
        spec: 'show interfaces [INTERFACE] switchport',
        help: [SHOW, 'Interface status and configuration', 'Interface', 'Show interface switchport information'],
        handler: (args) => {
          const ports = switchportViews(rt, interfaceArg(args));
          return ports.length === 0 ? '' : `${formatShowInterfacesSwitchport(ports)}\n\n`;
        },
        filterable: true,
      },
      {
        spec: 'show vlan brief',
        help: [SHOW, 'VTP VLAN status', 'VTP all VLAN status in brief'],
        handler: () => withNewline(formatShowVlanBrief(vlanViews(rt))),
        filterable: true,
      },
      {
        spec: 'show mac address-table',
        help: [SHOW, 'MAC configuration', 'MAC forwarding table'],
        handler: () => withNewline(formatShowMacAddressTable(macTableViews(rt))),
        filterable: true,
      },
      {
        spec: 'show spanning-tree',
        help: [SHOW, 'Spanning tree topology'],
        handler: () => {
          const status = rt.mgmt.switching.spanningTree();
          if (status === undefined) return 'No spanning tree instance exists.\n';
          // IOS marks a port Edge when it is configured so (`spanning-tree portfast`).
          const ports = status.ports.map((p) => ({ ...p, edge: rt.config.interfaces.get(p.portName)?.portfast ?? false }));
          return withNewline(formatShowSpanningTree({ ...status, ports }, rt.device.baseMac));
        },
        filterable: true,
      },
    );
  }
  if (hasIp) {
    specs.push(
      {
        spec: 'show ipv6 interface [brief] [INTERFACE]',
        help: [SHOW, 'IPv6 information', 'IPv6 interface status and configuration', 'Brief summary of IPv6 status and configuration'],
        handler: (args) => {
          const views = only(interfaceArg(args));
          return withNewline(args.keywords.includes('brief') ? formatShowIpv6InterfaceBrief(views) : formatShowIpv6Interface(views));
        },
        filterable: true,
      },
      {
        spec: 'show ip route [(connected|local|static)]',
        help: [SHOW, 'IP information', 'IP routing table', 'Connected networks', 'Local networks', 'Static routes'],
        handler: (args) => {
          const code = args.keywords.includes('connected') ? 'C' : args.keywords.includes('local') ? 'L' : args.keywords.includes('static') ? 'S' : undefined;
          // `S*` (candidate default) is a static route too.
          const only = code === undefined ? undefined : (r: RouteView) => r.code.startsWith(code);
          return `${formatShowIpRoute(routeViews(rt, 'ipv4'), only)}\n`;
        },
        filterable: true,
      },
      {
        spec: 'show ip route A.B.C.D [MASK]',
        help: [SHOW, 'IP information', 'IP routing table', 'Network to display information about or hostname', 'Network mask'],
        handler: (args) => {
          const found = lookupIpv4RouteView(routeViews(rt, 'ipv4'), args);
          return `${formatShowIpRouteEntry(found.route, found.notFound)}\n`;
        },
        filterable: true,
      },
      {
        spec: 'show ipv6 route [(connected|local|static)]',
        help: [SHOW, 'IPv6 information', 'Show IPv6 route table entries', 'Show connected routes', 'Show local routes', 'Show static routes'],
        handler: (args) => {
          const code = args.keywords.includes('connected') ? 'C' : args.keywords.includes('local') ? 'L' : args.keywords.includes('static') ? 'S' : undefined;
          const only = code === undefined ? undefined : (r: RouteView) => r.code === code || (code === 'L' && r.code === 'LC');
          return `${formatShowIpv6Route(routeViews(rt, 'ipv6'), only)}\n`;
        },
        filterable: true,
      },
      {
        spec: 'show ipv6 route (X:X::X:X|X:X::X:X/M)',
        help: [SHOW, 'IPv6 information', 'Show IPv6 route table entries', 'IPv6 Address', 'IPv6 prefix'],
        handler: (args) => `${formatShowIpv6RouteEntry(lookupIpv6RouteView(routeViews(rt, 'ipv6'), args))}\n`,
        filterable: true,
      },
      {
        spec: 'show ipv6 neighbors',
        help: [SHOW, 'IPv6 information', 'Show IPv6 neighbor cache entries'],
        handler: () => `${formatShowIpv6Neighbors(neighborViews(rt))}\n`,
        filterable: true,
      },
      {
        spec: 'show ip arp',
        help: [SHOW, 'IP information', 'IP ARP table'],
        handler: () => `${formatShowIpArp(arpViews(rt))}\n`,
        filterable: true,
      },
      {
        // IOS keeps the older `show arp`: the same table.
        spec: 'show arp',
        help: [SHOW, 'ARP table'],
        handler: () => `${formatShowIpArp(arpViews(rt))}\n`,
        filterable: true,
      },
    );
  }
  if (!user) {
    specs.push(
      {
        spec: 'show running-config [interface INTERFACE]',
        help: [SHOW, 'Current operating configuration', 'Show interface configuration'],
        handler: (args) => {
          const name = interfaceArg(args);
          if (name === undefined) return `${formatShowRunningConfig(rt.config)}\n`;
          const i = rt.config.interfaces.get(name);
          return i === undefined ? '' : `${formatShowRunningConfigInterface(rt.config, i)}\n`;
        },
        filterable: true,
      },
      {
        spec: 'show startup-config',
        help: [SHOW, 'Contents of startup configuration'],
        handler: () => (rt.startupConfig === undefined ? 'startup-config is not present\n' : `Using ${rt.startupConfig.length} out of 262144 bytes\n${rt.startupConfig}\n`),
        filterable: true,
      },
    );
  }
  return specs;
}
