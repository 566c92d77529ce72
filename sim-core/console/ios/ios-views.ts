/**
 * Fills the console's plain views (console/views.ts) from an IOS device: its configuration and
 * the live state of its ports, interfaces, routing table, ARP and neighbour caches and bridge as
 * the management API (sim-core/mgmt) reports them, for the IOS formatters in console/output/ios.
 *
 * IPv6 addresses come from the interface's IPv6 state when the IPv6 module runs on the device;
 * on a device without it they are derived from the configuration as IOS would show them
 * (link-local from modified EUI-64, RFC 4291 appendix A; all-nodes, all-routers and
 * solicited-node groups, RFC 4291 section 2.7.1).
 * Leaves out: rates, per-protocol counters, `show interfaces` for the Null interface.
 */
import { isLinkLocalIpv6 } from '../../addr/classify';
import { interfaceIdFromMac } from '../../addr/eui64';
import type { Ipv6Address } from '../../addr/ipv6';
import type { MacAddress } from '../../addr/mac';
import { ALL_NODES, ALL_ROUTERS, solicitedNodeGroup } from '../../addr/multicast';
import { ipv6NetworkPart, type Ipv4Prefix, type Ipv6Prefix } from '../../addr/prefix';
import type { DeviceManagement } from '../../mgmt/device-management';
import type { RouteEntry } from '../../mgmt/mgmt-views';
import type {
  ArpView,
  HostInfoView,
  InterfaceView,
  Ipv6AddressView,
  MacTableEntryView,
  NdSettingsView,
  NeighborView,
  RouteCode,
  RouteView,
  VlanView,
} from '../views';
import { DEFAULT_PREFERRED_LIFETIME_S, DEFAULT_RA_INTERVAL_S, DEFAULT_RA_LIFETIME_S, DEFAULT_VALID_LIFETIME_S, INFINITE_LIFETIME_S, interfacesInShowOrder, type IosInterfaceConfig } from './ios-config';
import type { IosRuntime } from './ios-runtime';
import type { SwitchportView } from '../output/ios/switchports';

const LINK_LOCAL_NETWORK = 0xfe80n << 112n;

function kindOf(i: IosInterfaceConfig): InterfaceView['kind'] {
  switch (i.role) {
    case 'subinterface':
      return 'sub';
    case 'vlan':
    case 'bvi':
      return 'svi';
    case 'loopback':
      return 'loopback';
    case 'tunnel':
      return 'tunnel';
    default:
      return 'physical';
  }
}

function eui64Of(network: Ipv6Address, mac: MacAddress): Ipv6Address {
  return (ipv6NetworkPart(network, 64) | interfaceIdFromMac(mac)) as Ipv6Address;
}

/** IPv6 addresses as IOS would show them, from configuration only (no IPv6 module on the device). */
function configuredIpv6(runtime: IosRuntime, i: IosInterfaceConfig, mac: MacAddress): { addresses: Ipv6AddressView[]; groups: Ipv6Address[] } {
  if (!runtime.ipv6ConfiguredOn(i)) return { addresses: [], groups: [] };
  const linkLocal = i.ipv6LinkLocal ?? eui64Of(LINK_LOCAL_NETWORK as Ipv6Address, mac);
  const addresses: Ipv6AddressView[] = [{ address: linkLocal, prefixLength: 64, origin: i.ipv6LinkLocal === undefined ? 'link-local' : 'static', state: 'preferred' }];
  for (const a of i.ipv6Addresses) {
    addresses.push({ address: a.eui64 ? eui64Of(a.address, mac) : a.address, prefixLength: a.prefixLength, origin: a.eui64 ? 'eui-64' : 'static', state: 'preferred' });
  }
  const groups: Ipv6Address[] = [ALL_NODES];
  if (runtime.config.ipv6UnicastRouting) groups.push(ALL_ROUTERS);
  for (const a of addresses) {
    const g = solicitedNodeGroup(a.address);
    if (!groups.includes(g)) groups.push(g);
  }
  return { addresses, groups };
}

/** IPv6 addresses from the IPv6 module's state, link-local first (IOS order). */
function liveIpv6(mgmt: DeviceManagement, name: string): { addresses: Ipv6AddressView[]; groups: Ipv6Address[] } {
  const addresses: Ipv6AddressView[] = mgmt.addresses.ipv6(name).map((a) => ({
    address: a.address,
    prefixLength: a.prefixLength,
    origin: a.origin === 'eui64-static' ? 'eui-64' : a.origin,
    state: a.state === 'optimistic' ? 'tentative' : a.state,
    ...(a.dynamic ? { validLifetimeS: a.validLifetimeS, preferredLifetimeS: a.preferredLifetimeS } : {}),
    anycast: a.anycast,
  }));
  addresses.sort((x, y) => Number(isLinkLocalIpv6(y.address)) - Number(isLinkLocalIpv6(x.address)));
  // IOS lists joined groups in numeric order (FF02::1, FF02::2, then solicited-node groups).
  return { addresses, groups: mgmt.addresses.ipv6Groups(name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

function ndView(runtime: IosRuntime, i: IosInterfaceConfig): NdSettingsView {
  const nd = i.nd;
  return {
    dadAttempts: 1,
    reachableTimeMs: 30000,
    nsRetransmitMs: 1000,
    advertisedReachableTimeMs: 0,
    advertisedRetransmitMs: 0,
    sendsRouterAdvertisements: runtime.config.ipv6UnicastRouting && i.role !== 'loopback',
    raSuppressed: nd.raSuppress !== 'none',
    raIntervalS: nd.raIntervalS ?? DEFAULT_RA_INTERVAL_S,
    raLifetimeS: nd.raLifetimeS ?? DEFAULT_RA_LIFETIME_S,
    routerPreference: nd.routerPreference,
    managedFlag: nd.managedConfigFlag,
    otherConfigFlag: nd.otherConfigFlag,
    advertisedPrefixes: nd.prefixes
      .filter((p) => !p.noAdvertise)
      .map((p) => ({
        prefix: { family: 'ipv6', network: p.prefix, length: p.prefixLength } as Ipv6Prefix,
        validLifetimeS: p.validLifetimeS === INFINITE_LIFETIME_S ? undefined : (p.validLifetimeS ?? DEFAULT_VALID_LIFETIME_S),
        preferredLifetimeS: p.preferredLifetimeS === INFINITE_LIFETIME_S ? undefined : (p.preferredLifetimeS ?? DEFAULT_PREFERRED_LIFETIME_S),
        onLink: !p.offLink,
        autonomous: !p.noAutoconfig,
      })),
    statelessAutoconfig: i.ipv6Autoconfig !== undefined,
  };
}

function bandwidthKbpsOf(i: IosInterfaceConfig): number {
  return i.role === 'loopback' ? 8000000 : i.role === 'tunnel' ? 100 : 1000000;
}

/** One interface as `show interfaces` / `show ip interface brief` / `show ipv6 interface` need it. */
export function interfaceViewOf(runtime: IosRuntime, i: IosInterfaceConfig): InterfaceView {
  const mgmt = runtime.mgmt;
  const iface = mgmt.interfaces.entry(i.name);
  const portName = mgmt.interfaces.hasPort(i.name) ? i.name : mgmt.interfaces.portNameOf(i.name);
  const port = portName === undefined ? undefined : mgmt.interfaces.port(portName);
  const mac = iface?.mac ?? port?.mac ?? mgmt.observation.baseMac;
  const adminUp = iface?.adminUp ?? port?.adminUp ?? !i.shutdown;
  const linkUp = iface !== undefined ? iface.lowerLayerUp : (port?.carrier ?? false);
  const lineProtocolUp = iface !== undefined ? iface.lineProtocolUp : (port?.up ?? false);
  const ipv6 = iface !== undefined && (iface.ipv6Enabled || mgmt.addresses.ipv6(i.name).length > 0) ? liveIpv6(mgmt, i.name) : configuredIpv6(runtime, i, mac);
  const counters = port?.counters;
  const forwarding = port === undefined ? undefined : mgmt.switching.portForwarding(port.name);
  const sp = i.switchport;
  let vlan: InterfaceView['vlan'];
  if (sp !== undefined && forwarding !== undefined) {
    const allowed = sp.allowedVlans ?? Array.from({ length: 4094 }, (_, k) => k + 1);
    const active = allowed.filter((v) => runtime.config.vlans.has(v));
    vlan = {
      mode: (sp.mode ?? 'access') === 'trunk' ? 'trunk' : 'access',
      accessVlan: sp.accessVlan,
      nativeVlan: sp.nativeVlan,
      allowedVlans: allowed,
      activeVlans: active,
      forwardingVlans: forwarding ? active : [],
    };
  } else if (i.encapsulation !== undefined) {
    vlan = { mode: 'routed', dot1qVlan: i.encapsulation.vlan };
  }
  return {
    name: i.name,
    ...(i.description !== undefined ? { description: i.description } : {}),
    kind: kindOf(i),
    adminUp,
    linkUp,
    lineProtocolUp,
    mac,
    mtuBytes: iface?.mtuBytes ?? i.mtuBytes ?? 1500,
    ...(iface !== undefined && iface.ipv6MtuBytes !== undefined ? { ipv6MtuBytes: iface.ipv6MtuBytes } : i.ipv6MtuBytes !== undefined ? { ipv6MtuBytes: i.ipv6MtuBytes } : {}),
    bandwidthKbps: bandwidthKbpsOf(i),
    ipv4Method: i.ipv4.length === 0 ? 'unset' : 'manual',
    ipv4: i.ipv4.map((a) => ({ address: a.address, prefixLength: a.prefixLength, secondary: a.secondary })),
    ipv6Enabled: ipv6.addresses.length > 0,
    ipv6: ipv6.addresses,
    ipv6Groups: ipv6.groups,
    ...(iface !== undefined ? { nd: ndView(runtime, i) } : {}),
    counters: {
      inPackets: counters?.rxFrames ?? iface?.counters.inPackets ?? 0,
      inBytes: counters?.rxBytes ?? 0,
      outPackets: counters?.txFrames ?? iface?.counters.outPackets ?? 0,
      outBytes: counters?.txBytes ?? 0,
      inErrors: 0,
      outErrors: 0,
      inDrops: 0,
      outDrops: counters?.drops ?? 0,
    },
    ...(vlan !== undefined ? { vlan } : {}),
    ifIndex: iface?.index ?? (port?.index ?? 0) + 1,
  };
}

/** Every interface in `show` order. */
export function interfaceViews(runtime: IosRuntime): InterfaceView[] {
  return interfacesInShowOrder(runtime.config).map((i) => interfaceViewOf(runtime, i));
}

/** `show interfaces [X] switchport`: the physical ports (or the one named), switchport or routed. */
export function switchportViews(runtime: IosRuntime, name?: string): SwitchportView[] {
  const config = runtime.config;
  const vlanName = (id: number): string | undefined => {
    if (id === 1) return 'default';
    const vlan = config.vlans.get(id);
    return vlan === undefined ? undefined : (vlan.name ?? `VLAN${String(id).padStart(4, '0')}`);
  };
  return interfacesInShowOrder(config)
    .filter((i) => i.role === 'physical' && (name === undefined || i.name === name))
    .map((i) => {
      const port = runtime.mgmt.interfaces.port(i.name);
      const sp = i.switchport;
      return {
        name: i.name,
        switchport: sp !== undefined,
        configuredMode: sp?.mode,
        up: port !== undefined && port.up,
        accessVlan: sp?.accessVlan ?? 1,
        nativeVlan: sp?.nativeVlan ?? 1,
        allowedVlans: sp?.allowedVlans,
        vlanName,
      };
    });
}

/** The IOS route code of a route's origin, as the first column of `show ip route` prints it. */
function codeOf(mgmt: DeviceManagement, route: RouteEntry, family: 'ipv4' | 'ipv6'): RouteCode {
  switch (route.origin) {
    case 'connected':
      return 'C';
    case 'local':
      return family === 'ipv6' && route.interfaceName !== null && mgmt.interfaces.entry(route.interfaceName)?.kind === 'loopback' ? 'LC' : 'L';
    case 'static':
      return route.prefixLength === 0 && family === 'ipv4' ? 'S*' : 'S';
    case 'nd':
      return 'ND';
    case 'nd-prefix':
      return 'NDp';
    case 'ospf':
    case 'ospfv3':
      return 'O';
    case 'bgp':
      return 'B';
    default:
      return 'S';
  }
}

/** Installed routes of both families (IOS shows only the routes in use). */
export function routeViews(runtime: IosRuntime, family: 'ipv4' | 'ipv6'): RouteView[] {
  const mgmt = runtime.mgmt;
  if (!mgmt.hasIpStack) return [];
  const nowNs = runtime.device.simulator.nowNs;
  const entries: RouteEntry[] = family === 'ipv4' ? mgmt.routing.entries('ipv4') : mgmt.routing.entries('ipv6');
  const views: RouteView[] = [];
  for (const r of entries) {
    if (!r.installed) continue;
    // IOS keeps fe80::/64 connected routes out of `show ipv6 route`.
    if (family === 'ipv6' && isLinkLocalIpv6(r.network as Ipv6Address) && r.origin === 'connected') continue;
    const prefix = family === 'ipv4' ? ({ family: 'ipv4', network: r.network, length: r.prefixLength } as Ipv4Prefix) : ({ family: 'ipv6', network: r.network, length: r.prefixLength } as Ipv6Prefix);
    const receive = r.origin === 'local';
    const nextHops = r.discard
      ? [{ interfaceName: 'Null0' }]
      : [
          {
            ...(r.nextHop !== null ? { address: r.nextHop as Ipv6Address } : {}),
            ...(r.interfaceName !== null ? { interfaceName: r.interfaceName } : {}),
            ...(receive && family === 'ipv6' ? { receive: true } : {}),
          },
        ];
    const dynamic = r.origin !== 'connected' && r.origin !== 'local' && r.origin !== 'static';
    views.push({
      family,
      prefix,
      code: codeOf(mgmt, r, family),
      distance: r.distance,
      metric: r.metric,
      nextHops,
      ...(dynamic && r.createdNs !== undefined ? { ageS: Math.floor((nowNs - r.createdNs) / 1e9) } : {}),
      ...(r.createdNs !== undefined ? { updatedAgoS: Math.floor((nowNs - r.createdNs) / 1e9) } : {}),
    });
  }
  if (family === 'ipv6') {
    views.sort((a, b) => (a.prefix.network < b.prefix.network ? -1 : a.prefix.network > b.prefix.network ? 1 : a.prefix.length - b.prefix.length));
    // IOS always lists the multicast receive route last.
    if (views.length > 0 || runtime.config.ipv6UnicastRouting) {
      views.push({ family: 'ipv6', prefix: { family: 'ipv6', network: (0xffn << 120n) as Ipv6Address, length: 8 }, code: 'L', distance: 0, metric: 0, nextHops: [{ interfaceName: 'Null0', receive: true }] });
    }
  }
  return views;
}

/** `show ip arp`: the device's own addresses (age `-`) and learned entries, by address. */
export function arpViews(runtime: IosRuntime): ArpView[] {
  const mgmt = runtime.mgmt;
  const out: ArpView[] = [];
  const nowNs = runtime.device.simulator.nowNs;
  for (const iface of mgmt.interfaces.table()) {
    if (iface.kind === 'loopback' || iface.kind === 'null') continue;
    if (iface.lineProtocolUp) for (const a of mgmt.addresses.ipv4(iface.name)) out.push({ address: a.address, mac: iface.mac, interfaceName: iface.name, dynamic: false });
    for (const e of mgmt.neighbors.arp(iface.name)) {
      out.push({
        address: e.address,
        ...(e.mac !== null ? { mac: e.mac } : {}),
        ...(e.state === 'complete' ? { ageMin: Math.floor((nowNs - e.updatedNs) / 60e9) } : {}),
        interfaceName: iface.name,
        dynamic: e.state === 'complete',
      });
    }
  }
  return out.sort((a, b) => a.address - b.address);
}

/** `show ipv6 neighbors` (empty on a device without the IPv6 module). */
export function neighborViews(runtime: IosRuntime): NeighborView[] {
  return runtime.ipv6Hooks?.neighbors?.(runtime) ?? [];
}

/** `show vlan brief`: every VLAN with its access ports (trunks are not listed, as on IOS). */
export function vlanViews(runtime: IosRuntime): VlanView[] {
  const config = runtime.config;
  const ids = [...config.vlans.keys()].sort((a, b) => a - b);
  const views: VlanView[] = ids.map((id) => {
    const ports = [...config.interfaces.values()].filter((i) => i.switchport !== undefined && (i.switchport.mode ?? 'access') === 'access' && i.switchport.accessVlan === id).map((i) => i.name);
    return { id, name: id === 1 ? 'default' : (config.vlans.get(id)?.name ?? `VLAN${String(id).padStart(4, '0')}`), status: 'active', ports };
  });
  for (const [id, name] of [
    [1002, 'fddi-default'],
    [1003, 'token-ring-default'],
    [1004, 'fddinet-default'],
    [1005, 'trnet-default'],
  ] as const) {
    views.push({ id, name, status: 'act/unsup', ports: [] });
  }
  return views;
}

/** `show mac address-table`: CPU entries (All) then learned addresses. */
export function macTableViews(runtime: IosRuntime): MacTableEntryView[] {
  const switching = runtime.mgmt.switching;
  if (!switching.available) return [];
  const cpu: MacTableEntryView[] = [0x0180c2000000, 0x0180c2000001, 0x0180c2000002, 0x0180c2000003, 0xffffffffffff].map((m) => ({ mac: m as MacAddress, dynamic: false, port: 'CPU' }));
  const learned = switching.macTable().map((e) => ({ vlan: e.vlan, mac: e.mac, dynamic: true, port: e.portName }));
  return [...cpu, ...learned];
}

/** `show version`. */
export function hostInfoView(runtime: IosRuntime): HostInfoView {
  const kind = runtime.device.kind;
  return {
    hostname: runtime.hostname,
    osVersion: '15.9(3)M',
    model: kind === 'router' ? 'IOSv' : kind === 'l3-switch' ? 'WS-C3750X-24' : 'WS-C2960X-24TS',
    uptimeS: Math.floor(runtime.uptimeNs / 1e9),
    dnsSearchList: [],
    ipRoutingEnabled: runtime.config.ipRouting,
  };
}
