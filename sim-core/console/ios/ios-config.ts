/**
 * The IOS configuration of one device as structured data: global settings, interfaces, VLANs,
 * static routes and IPv6 Neighbor Discovery settings. It is the device's truth: the command
 * handlers change it (and apply each change to the simulated device), `show running-config`
 * prints it, and loading config text feeds each line back through the same handlers.
 *
 * Defaults follow IOS 15 (IOSv router, Catalyst switch): router ports shut down, switchports in
 * VLAN 1 and up, `ip routing` on a router and off on an L3 switch, `ipv6 unicast-routing` off,
 * RA interval 200 s and lifetime 1800 s (RFC 4861 section 6.2.1 as IOS sets it), valid/preferred
 * prefix lifetimes 2592000/604800 s (RFC 4861 section 6.2.1 defaults).
 * Leaves out: AAA, passwords, banners, ACLs, dynamic routing processes, VRFs.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { DeviceKind } from '../../devices/catalog';
import { getDeviceKindSpec } from '../../devices/catalog';
import type { InterfaceRole } from '../../devices/interface-names';

export const DEFAULT_RA_INTERVAL_S = 200;
export const DEFAULT_RA_LIFETIME_S = 1800;
export const DEFAULT_VALID_LIFETIME_S = 2592000;
export const DEFAULT_PREFERRED_LIFETIME_S = 604800;
/** `infinite` in lifetimes (RFC 4861 section 4.6.2: all ones). */
export const INFINITE_LIFETIME_S = 0xffffffff;

export interface IosIpv4AddressConfig {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  readonly secondary: boolean;
}

export interface IosIpv6AddressConfig {
  /** As typed (for `eui-64`, the prefix; the interface identifier is added on the device). */
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  readonly eui64: boolean;
}

/** `ipv6 nd prefix P/L [valid preferred] [off-link] [no-autoconfig] [no-advertise]` (RFC 4861 section 4.6.2). */
export interface IosNdPrefixConfig {
  readonly prefix: Ipv6Address;
  readonly prefixLength: number;
  /** Undefined = default lifetimes; INFINITE_LIFETIME_S = `infinite`. */
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
  readonly offLink: boolean;
  readonly noAutoconfig: boolean;
  readonly noAdvertise: boolean;
}

export interface IosNdDnsServer {
  readonly address: Ipv6Address;
  readonly lifetimeS?: number;
}

/** Router Advertisement settings of an interface (RFC 4861 section 6.2.1, RFC 8106 RDNSS). */
export interface IosNdConfig {
  prefixes: IosNdPrefixConfig[];
  /** `ipv6 nd ra suppress` (periodic RAs) or `ipv6 nd ra suppress all` (solicited too). */
  raSuppress: 'none' | 'periodic' | 'all';
  raIntervalS: number | undefined;
  raIntervalMinS: number | undefined;
  raLifetimeS: number | undefined;
  managedConfigFlag: boolean;
  otherConfigFlag: boolean;
  routerPreference: 'High' | 'Medium' | 'Low';
  dnsServers: IosNdDnsServer[];
}

export interface IosSwitchportConfig {
  /** Undefined = not set (a Catalyst's dynamic default, which this simulator treats as access). */
  mode: 'access' | 'trunk' | undefined;
  accessVlan: number;
  nativeVlan: number;
  /** Undefined = all VLANs. */
  allowedVlans: number[] | undefined;
  /** `switchport trunk encapsulation dot1q` (Catalyst 3750-style L3 switches ask for it). */
  trunkEncapsulationDot1q: boolean;
}

export interface IosInterfaceConfig {
  /** Canonical name (`GigabitEthernet0/0.10`). */
  readonly name: string;
  readonly role: InterfaceRole;
  description: string | undefined;
  shutdown: boolean;
  mtuBytes: number | undefined;
  /** Subinterfaces: `encapsulation dot1Q N [native]`. */
  encapsulation: { readonly vlan: number; readonly native: boolean } | undefined;
  /** Primary first, then secondaries. */
  ipv4: IosIpv4AddressConfig[];
  ipv6Enable: boolean;
  ipv6LinkLocal: Ipv6Address | undefined;
  ipv6Autoconfig: { readonly default: boolean } | undefined;
  ipv6Addresses: IosIpv6AddressConfig[];
  ipv6MtuBytes: number | undefined;
  nd: IosNdConfig;
  /** Present on layer-2 ports (switch, L3 switch ports until `no switchport`). */
  switchport: IosSwitchportConfig | undefined;
  portfast: boolean;
  duplex: 'auto' | 'full' | 'half';
  speed: 'auto' | '10' | '100' | '1000';
}

export interface IosStaticRoute4 {
  readonly network: Ipv4Address;
  readonly prefixLength: number;
  readonly nextHop: Ipv4Address | undefined;
  /** Exit interface (canonical), or `Null0`. */
  readonly interfaceName: string | undefined;
  /** Undefined = 1. */
  readonly distance: number | undefined;
}

export interface IosStaticRoute6 {
  readonly prefix: Ipv6Address;
  readonly prefixLength: number;
  readonly nextHop: Ipv6Address | undefined;
  readonly interfaceName: string | undefined;
  readonly distance: number | undefined;
}

/** `line con 0`, `line vty 0 4` …: the block header and its sub-commands as IOS prints them. */
export interface IosLineConfig {
  readonly header: string;
  commands: string[];
}

export interface IosConfig {
  readonly kind: DeviceKind;
  hostname: string;
  ipRouting: boolean;
  ipv6UnicastRouting: boolean;
  ipDomainLookup: boolean;
  interfaces: Map<string, IosInterfaceConfig>;
  /** VLAN database (switches); VLAN 1 is always there and named `default`. */
  vlans: Map<number, { name: string | undefined }>;
  ipRoutes: IosStaticRoute4[];
  ipv6Routes: IosStaticRoute6[];
  lines: IosLineConfig[];
}

export function createNdConfig(): IosNdConfig {
  return {
    prefixes: [],
    raSuppress: 'none',
    raIntervalS: undefined,
    raIntervalMinS: undefined,
    raLifetimeS: undefined,
    managedConfigFlag: false,
    otherConfigFlag: false,
    routerPreference: 'Medium',
    dnsServers: [],
  };
}

export function createSwitchportConfig(): IosSwitchportConfig {
  return { mode: undefined, accessVlan: 1, nativeVlan: 1, allowedVlans: undefined, trunkEncapsulationDot1q: false };
}

/** A fresh interface entry with IOS's defaults for its kind of device. */
export function createInterfaceConfig(kind: DeviceKind, name: string, role: InterfaceRole): IosInterfaceConfig {
  const switchKind = kind === 'switch' || kind === 'l3-switch';
  return {
    name,
    role,
    description: undefined,
    // Router ports and the factory Vlan1 start shut down; switchports, loopbacks, subinterfaces
    // and new SVIs start up.
    shutdown: (kind === 'router' && role === 'physical') || name === 'Vlan1',
    mtuBytes: undefined,
    encapsulation: undefined,
    ipv4: [],
    ipv6Enable: false,
    ipv6LinkLocal: undefined,
    ipv6Autoconfig: undefined,
    ipv6Addresses: [],
    ipv6MtuBytes: undefined,
    nd: createNdConfig(),
    switchport: switchKind && role === 'physical' ? createSwitchportConfig() : undefined,
    portfast: false,
    duplex: 'auto',
    speed: 'auto',
  };
}

/** The configuration of a device fresh from the box (`hostname` as the lab names it). */
export function createIosConfig(kind: DeviceKind, hostname: string): IosConfig {
  const config: IosConfig = {
    kind,
    hostname,
    ipRouting: kind === 'router',
    ipv6UnicastRouting: false,
    ipDomainLookup: true,
    interfaces: new Map(),
    vlans: new Map([[1, { name: undefined }]]),
    ipRoutes: [],
    ipv6Routes: [],
    // Catalyst switches have no aux line and 16 vty lines.
    lines:
      kind === 'router'
        ? [
            { header: 'line con 0', commands: [] },
            { header: 'line aux 0', commands: [] },
            { header: 'line vty 0 4', commands: ['login'] },
          ]
        : [
            { header: 'line con 0', commands: [] },
            { header: 'line vty 0 4', commands: ['login'] },
            { header: 'line vty 5 15', commands: ['login'] },
          ],
  };
  for (const port of getDeviceKindSpec(kind).physicalPorts) {
    config.interfaces.set(port.name, createInterfaceConfig(kind, port.name, 'physical'));
  }
  if (kind === 'l3-switch') config.interfaces.set('Vlan1', createInterfaceConfig(kind, 'Vlan1', 'vlan'));
  return config;
}

/** A deep copy (the saved startup-config is one). */
export function cloneIosConfig(config: IosConfig): IosConfig {
  return {
    ...config,
    interfaces: new Map(
      [...config.interfaces].map(([name, i]) => [
        name,
        {
          ...i,
          ipv4: [...i.ipv4],
          ipv6Addresses: [...i.ipv6Addresses],
          nd: { ...i.nd, prefixes: [...i.nd.prefixes], dnsServers: [...i.nd.dnsServers] },
          switchport: i.switchport === undefined ? undefined : { ...i.switchport, allowedVlans: i.switchport.allowedVlans?.slice() },
        },
      ]),
    ),
    vlans: new Map([...config.vlans].map(([id, v]) => [id, { ...v }])),
    ipRoutes: [...config.ipRoutes],
    ipv6Routes: [...config.ipv6Routes],
    lines: config.lines.map((l) => ({ header: l.header, commands: [...l.commands] })),
  };
}

const ROLE_ORDER: Readonly<Record<InterfaceRole, number>> = { loopback: 0, tunnel: 1, physical: 2, subinterface: 2, vlan: 3, bvi: 4, null: 5 };

/** Compares interface numbers `0/0.10` numerically, part by part. */
function compareNumbers(a: string, b: string): number {
  const pa = a.split(/[/.]/).map(Number);
  const pb = b.split(/[/.]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function numberPart(name: string): string {
  return /[0-9].*$/.exec(name)?.[0] ?? '';
}

/** By type word, then numerically by number (`Loopback2` before `Loopback10`). */
function compareNames(a: string, b: string): number {
  const ta = a.slice(0, a.length - numberPart(a).length);
  const tb = b.slice(0, b.length - numberPart(b).length);
  return ta.localeCompare(tb) || compareNumbers(numberPart(a), numberPart(b));
}

/**
 * Interfaces in running-config order: IOS lists loopbacks and tunnels first, then the ports with
 * each one's subinterfaces after it, then SVIs (Catalyst puts `interface Vlan1` last).
 */
export function interfacesInConfigOrder(config: IosConfig): IosInterfaceConfig[] {
  return [...config.interfaces.values()].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareNames(a.name, b.name),
  );
}

/**
 * Interfaces in `show ip interface brief` order: routers list ports (with subinterfaces) before
 * loopbacks; Catalyst switches list `Vlan` interfaces first.
 */
export function interfacesInShowOrder(config: IosConfig): IosInterfaceConfig[] {
  const rank = (i: IosInterfaceConfig): number => {
    if (config.kind !== 'router' && i.role === 'vlan') return 0;
    if (i.role === 'physical' || i.role === 'subinterface') return 1;
    if (i.role === 'loopback') return 2;
    return 3;
  };
  return [...config.interfaces.values()].sort(
    (a, b) => rank(a) - rank(b) || (rank(a) === 1 ? 0 : a.name.localeCompare(b.name)) || compareNumbers(numberPart(a.name), numberPart(b.name)),
  );
}
