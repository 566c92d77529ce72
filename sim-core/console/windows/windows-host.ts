/**
 * The Windows side of a simulated PC: the configuration in effect (what `netsh` set: static or
 * DHCP IPv4 with its gateway, manual IPv6 addresses and routes, router discovery per interface,
 * random interface identifiers, temporary addresses) applied to the device through its
 * management API (sim-core/mgmt), and the plain views (console/views.ts) the Windows formatters
 * print, filled from the management views.
 *
 * Windows numbering: adapters get interface indexes above the loopback pseudo-interface (1), so
 * `Ethernet0` is 11 here (the `%11` of `fe80::…%11`); routes carry the automatic interface metric
 * of a 1 Gb/s adapter (25) on top of the route metric (256 for on-link and RA routes), as
 * `route print` shows them (RFC 4191 router preferences are not shown by Windows).
 * Methods return undefined on success or the message netsh prints for a refused change.
 * Leaves out: a DHCP client (source=dhcp only clears the static address), APIPA addresses,
 * tunnel adapters (ISATAP, Teredo), persistent-vs-active stores (everything is both).
 */
import { isLinkLocalIpv6 } from '../../addr/classify';
import { formatIpv4, type Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import { macToBytes, type MacAddress } from '../../addr/mac';
import { ipv4NetworkPart, ipv6NetworkPart, type Ipv4Prefix, type Ipv6Prefix } from '../../addr/prefix';
import type { Device } from '../../devices/device';
import type { SeededRandom } from '../../engine/random';
import { managementOf, type DeviceManagement } from '../../mgmt/device-management';
import type { InterfaceEntry } from '../../mgmt/mgmt-views';
import type { ArpView, HostInfoView, InterfaceView, Ipv6AddressView, NeighborView, RouteView } from '../views';

export type WindowsIpv4Setting =
  | { readonly source: 'dhcp' }
  | { readonly source: 'static'; readonly address: Ipv4Address; readonly prefixLength: number; readonly gateway?: Ipv4Address; readonly gatewayMetric?: number };

export interface WindowsIpv6AddressSetting {
  readonly interfaceName: string;
  readonly address: Ipv6Address;
  readonly prefixLength: number;
}

export interface WindowsIpv6RouteSetting {
  readonly network: Ipv6Address;
  readonly prefixLength: number;
  readonly interfaceName: string;
  readonly nextHop?: Ipv6Address;
  readonly metric?: number;
}

/** What `netsh` has set (the defaults are a fresh Windows 10/11 install). */
export interface WindowsHostConfig {
  randomizeIdentifiers: boolean;
  privacy: boolean;
  readonly ipv4: Map<string, WindowsIpv4Setting>;
  /** Interfaces with router discovery disabled. */
  readonly routerDiscoveryDisabled: Set<string>;
  ipv6Addresses: WindowsIpv6AddressSetting[];
  ipv6Routes: WindowsIpv6RouteSetting[];
}

/** Windows interface index = stack index + this (1 is the loopback pseudo-interface). */
const IF_INDEX_OFFSET = 10;
/** Automatic metric of a 1 Gb/s adapter (Windows 10: 500 Mb/s to 2 Gb/s → 25). */
export const INTERFACE_METRIC = 25;
/** Loopback Pseudo-Interface 1 metric (75) as route print adds it. */
const LOOPBACK_METRIC = 75;
/** Route metric of on-link routes, RA routes and netsh routes without `metric=`. */
export const DEFAULT_ROUTE_METRIC = 256;
const LOOPBACK_V4 = 0x7f000001 as Ipv4Address;
/** DUID-LLT times (seconds since 2000-01-01 UTC) of a plausible install: 2022-01-01 to 2025-01-01. */
const DUID_TIME_FROM_S = 694_224_000;
const DUID_TIME_TO_S = 788_918_400;

const hosts = new WeakMap<Device, WindowsHost>();

/** The Windows runtime of a PC (created with the factory configuration on first use). */
export function windowsHostOf(device: Device): WindowsHost {
  let host = hosts.get(device);
  if (host === undefined) {
    host = new WindowsHost(device);
    hosts.set(device, host);
  }
  return host;
}

export class WindowsHost {
  readonly config: WindowsHostConfig = {
    randomizeIdentifiers: true,
    privacy: true,
    ipv4: new Map(),
    routerDiscoveryDisabled: new Set(),
    ipv6Addresses: [],
    ipv6Routes: [],
  };

  /** The device's management API: every change to the device goes through it. */
  readonly mgmt: DeviceManagement;

  constructor(readonly device: Device) {
    this.mgmt = managementOf(device);
    this.applyIpv6Settings();
  }

  get hostname(): string {
    return this.device.name;
  }

  /** The adapters (layer-3 interfaces other than loopbacks), in index order. */
  adapters(): InterfaceEntry[] {
    return this.mgmt.interfaces.table().filter((i) => i.kind === 'physical');
  }

  /** An adapter by name as netsh matches it (case-insensitive), or by Windows index. */
  adapterNamed(name: string): InterfaceEntry | undefined {
    const trimmed = name.trim();
    const byIndex = /^\d+$/.test(trimmed) ? this.adapters().find((i) => this.ifIndexOf(i) === Number(trimmed)) : undefined;
    return byIndex ?? this.adapters().find((i) => i.name.toLowerCase() === trimmed.toLowerCase());
  }

  ifIndexOf(iface: InterfaceEntry): number {
    return iface.index + IF_INDEX_OFFSET;
  }

  // ---- IPv4 ----

  /** `netsh interface ipv4 set address name=X source=static address=A mask=M [gateway=G [gwmetric=N]]`. */
  setIpv4Static(iface: InterfaceEntry, address: Ipv4Address, prefixLength: number, gateway: Ipv4Address | undefined, gatewayMetric?: number): string | undefined {
    if (!this.mgmt.hasIpStack) return 'Element not found.';
    if (gateway !== undefined && ipv4NetworkPart(gateway, prefixLength) !== ipv4NetworkPart(address, prefixLength)) {
      // Windows takes an off-subnet gateway but warns; the lab keeps it simple and refuses it.
      return `The gateway ${formatIpv4(gateway)} is not on the same network segment (subnet) as the IP address.`;
    }
    this.clearIpv4(iface.name);
    this.mgmt.addresses.addIpv4(iface.name, address, prefixLength, false);
    if (gateway !== undefined) this.mgmt.routing.statics.addIpv4({ network: 0 as Ipv4Address, prefixLength: 0, nextHop: gateway, interfaceName: iface.name });
    this.config.ipv4.set(iface.name, { source: 'static', address, prefixLength, ...(gateway !== undefined ? { gateway } : {}), ...(gatewayMetric !== undefined ? { gatewayMetric } : {}) });
    return undefined;
  }

  /** `… source=dhcp`: no static address or gateway any more (no DHCP server is simulated). */
  setIpv4Dhcp(iface: InterfaceEntry): void {
    this.clearIpv4(iface.name);
    this.config.ipv4.delete(iface.name);
  }

  private clearIpv4(name: string): void {
    const old = this.config.ipv4.get(name);
    if (old?.source === 'static' && old.gateway !== undefined) this.mgmt.routing.statics.removeIpv4({ network: 0 as Ipv4Address, prefixLength: 0, nextHop: old.gateway, interfaceName: name });
    for (const a of this.mgmt.addresses.ipv4(name)) this.mgmt.addresses.removeIpv4(name, a.address);
  }

  ipv4Setting(iface: InterfaceEntry): WindowsIpv4Setting {
    return this.config.ipv4.get(iface.name) ?? { source: 'dhcp' };
  }

  // ---- IPv6 ----

  /** `netsh interface ipv6 add address X A/L`. */
  addIpv6Address(iface: InterfaceEntry, address: Ipv6Address, prefixLength: number): string | undefined {
    const addresses = this.mgmt.addresses;
    if (!addresses.hasIpv6) return 'The requested operation requires elevation (Run as administrator).';
    if (addresses.ipv6(iface.name).some((a) => a.address === address)) return 'The object already exists.';
    addresses.addIpv6(iface.name, { address, prefixLength, origin: 'static' });
    this.config.ipv6Addresses.push({ interfaceName: iface.name, address, prefixLength });
    return undefined;
  }

  /** `netsh interface ipv6 delete address X A`. */
  deleteIpv6Address(iface: InterfaceEntry, address: Ipv6Address): string | undefined {
    const index = this.config.ipv6Addresses.findIndex((a) => a.interfaceName === iface.name && a.address === address);
    if (index < 0) return 'Element not found.';
    this.config.ipv6Addresses.splice(index, 1);
    this.mgmt.addresses.removeIpv6(iface.name, address);
    return undefined;
  }

  /** `netsh interface ipv6 add route P/L X [nexthop] [metric=N]`. */
  addIpv6Route(route: WindowsIpv6RouteSetting): string | undefined {
    if (!this.mgmt.addresses.hasIpv6 || !this.mgmt.interfaces.exists(route.interfaceName)) return 'Element not found.';
    const network = ipv6NetworkPart(route.network, route.prefixLength);
    if (this.config.ipv6Routes.some((r) => r.network === network && r.prefixLength === route.prefixLength && r.interfaceName === route.interfaceName && r.nextHop === route.nextHop)) return 'The object already exists.';
    const added = this.mgmt.routing.statics.addIpv6({ network, prefixLength: route.prefixLength, interfaceName: route.interfaceName, ...(route.nextHop !== undefined ? { nextHop: route.nextHop } : {}) });
    if (!added.ok) return added.problem.kind === 'no-routing-table' ? 'Element not found.' : 'The parameter is incorrect.';
    this.config.ipv6Routes.push({ ...route, network });
    return undefined;
  }

  /** `netsh interface ipv6 delete route P/L X [nexthop]`. */
  deleteIpv6Route(route: WindowsIpv6RouteSetting): string | undefined {
    const network = ipv6NetworkPart(route.network, route.prefixLength);
    const matches = (r: WindowsIpv6RouteSetting): boolean =>
      r.network === network && r.prefixLength === route.prefixLength && r.interfaceName === route.interfaceName && (route.nextHop === undefined || r.nextHop === route.nextHop);
    const gone = this.config.ipv6Routes.filter(matches);
    if (gone.length === 0) return 'Element not found.';
    this.config.ipv6Routes = this.config.ipv6Routes.filter((r) => !matches(r));
    for (const r of gone) this.mgmt.routing.statics.removeIpv6({ network: r.network, prefixLength: r.prefixLength, interfaceName: r.interfaceName, ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}) });
    return undefined;
  }

  setRouterDiscovery(iface: InterfaceEntry, on: boolean): void {
    if (on) this.config.routerDiscoveryDisabled.delete(iface.name);
    else this.config.routerDiscoveryDisabled.add(iface.name);
    this.applyIpv6Settings();
  }

  setRandomizeIdentifiers(on: boolean): void {
    this.config.randomizeIdentifiers = on;
    this.applyIpv6Settings();
  }

  setPrivacy(on: boolean): void {
    this.config.privacy = on;
    this.applyIpv6Settings();
  }

  /** Hands router discovery / identifier / privacy settings to the IPv6 modules, when they exist. */
  applyIpv6Settings(): void {
    for (const iface of this.adapters()) {
      this.mgmt.host.setIpv6Settings(iface.name, {
        acceptRouterAdvertisements: !this.config.routerDiscoveryDisabled.has(iface.name),
        autoconfig: !this.config.routerDiscoveryDisabled.has(iface.name),
        idMode: this.config.randomizeIdentifiers ? 'stable-privacy' : 'eui64',
        temporaryAddresses: this.config.privacy,
      });
    }
  }

  // ---- views ----

  hostInfo(): HostInfoView {
    return { hostname: this.hostname, osVersion: '10.0.19045', uptimeS: Math.floor(this.device.simulator.nowNs / 1e9), nodeType: 'Hybrid', dnsSearchList: [], ipRoutingEnabled: false };
  }

  private ipv6AddressViews(name: string): Ipv6AddressView[] {
    return this.mgmt.addresses.ipv6(name).map((a) => {
      const origin: Ipv6AddressView['origin'] = a.origin === 'static' || a.origin === 'eui64-static' ? (isLinkLocalIpv6(a.address) ? 'link-local' : 'manual') : a.origin;
      return {
        address: a.address,
        prefixLength: a.prefixLength,
        origin,
        state: a.state === 'optimistic' ? 'tentative' : a.state,
        ...(a.validLifetimeS !== undefined ? { validLifetimeS: a.validLifetimeS } : {}),
        ...(a.preferredLifetimeS !== undefined ? { preferredLifetimeS: a.preferredLifetimeS } : {}),
      };
    });
  }

  /** The IPv6 default gateways of an adapter: ::/0 routes in use (RA-learned or added). */
  private defaultRouters(name: string): Ipv6Address[] {
    const out: Ipv6Address[] = [];
    for (const r of this.mgmt.routing.entries('ipv6')) {
      if (r.prefixLength !== 0 || r.nextHop === null || (r.interfaceName !== null && r.interfaceName !== name)) continue;
      if (r.resolvedInterfaceName !== name && r.interfaceName !== name) continue;
      if (!out.includes(r.nextHop)) out.push(r.nextHop);
    }
    return out;
  }

  /**
   * The adapter's DHCPv6 IAID (RFC 8415 section 12): Windows builds it from a per-adapter byte
   * (the top 8 bits) and the adapter's OUI (the low 24 bits: 0x03000C29 for 00-0C-29-…, as the
   * captures show); the byte comes from the device's seeded generator.
   */
  dhcpv6IaidOf(iface: InterfaceEntry): number {
    const adapterByte = this.randomStream(`dhcpv6-iaid ${iface.name}`).uniformInt(2, 30);
    const oui = Math.floor(iface.mac / 0x1000000);
    return adapterByte * 0x1000000 + oui;
  }

  /**
   * The host's DHCPv6 client DUID, one for every adapter: DUID-LLT (RFC 8415 section 11.2: type 1,
   * hardware type 1 Ethernet, the time in seconds since 2000-01-01 UTC, the link-layer address)
   * made at "installation" from the first adapter's MAC; the time is drawn from the device's
   * seeded generator between 2022 and 2025 (never the wall clock).
   */
  dhcpv6ClientDuid(): number[] {
    const first = this.adapters()[0];
    const timeS = this.randomStream('dhcpv6-duid').uniformInt(DUID_TIME_FROM_S, DUID_TIME_TO_S);
    const mac = first === undefined ? [0, 0, 0, 0, 0, 0] : [...macToBytes(first.mac)];
    return [0x00, 0x01, 0x00, 0x01, (timeS >>> 24) & 0xff, (timeS >>> 16) & 0xff, (timeS >>> 8) & 0xff, timeS & 0xff, ...mac];
  }

  /** A named stream of the device's seeded generator (deriving consumes nothing). */
  private randomStream(label: string): SeededRandom {
    const stack = this.device.stack;
    // Adapters exist only in a stack: asking without one is a bug.
    if (stack === null) throw new Error(`${this.device.name}: no stack, no DHCPv6 identity`);
    return stack.context.random.derive(label);
  }

  adapterViews(): InterfaceView[] {
    return this.adapters().map((iface) => this.adapterView(iface));
  }

  adapterView(iface: InterfaceEntry): InterfaceView {
    const setting = this.ipv4Setting(iface);
    const gateway = setting.source === 'static' ? setting.gateway : undefined;
    return {
      name: iface.name,
      kind: 'physical',
      adminUp: iface.adminUp,
      linkUp: iface.lowerLayerUp,
      lineProtocolUp: iface.lineProtocolUp,
      mac: iface.mac,
      mtuBytes: iface.mtuBytes,
      bandwidthKbps: 1_000_000,
      ipv4: this.mgmt.addresses.ipv4(iface.name).map((a) => ({ address: a.address, prefixLength: a.prefixLength })),
      ipv6Enabled: iface.ipv6Enabled,
      ipv6: this.ipv6AddressViews(iface.name),
      ipv6Groups: this.mgmt.addresses.ipv6Groups(iface.name),
      counters: { inPackets: iface.counters.inPackets, inBytes: 0, outPackets: iface.counters.outPackets, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: iface.counters.drops },
      ifIndex: this.ifIndexOf(iface),
      host: {
        ...(gateway !== undefined ? { ipv4Gateway: gateway } : {}),
        ipv6DefaultRouters: this.defaultRouters(iface.name).map((address) => ({ address })),
        dnsServers: this.mgmt.host.dnsServers(iface.name),
        dhcpEnabled: setting.source === 'dhcp',
        autoconfigEnabled: true,
        // Windows lists its DHCPv6 client identity on every adapter running IPv6, DHCP or static IPv4.
        ...(iface.ipv6Enabled ? { dhcpv6Iaid: this.dhcpv6IaidOf(iface), dhcpv6ClientDuid: this.dhcpv6ClientDuid() } : {}),
        adapterType: 'Ethernet',
        adapterDescription: 'Intel(R) 82574L Gigabit Network Connection',
        interfaceMetric: INTERFACE_METRIC,
      },
    };
  }

  /** The loopback pseudo-interface as `route print` lists it. */
  private loopbackView(): InterfaceView {
    return {
      name: 'Loopback Pseudo-Interface 1',
      kind: 'loopback',
      adminUp: true,
      linkUp: true,
      lineProtocolUp: true,
      mtuBytes: 4294967295,
      bandwidthKbps: 1_000_000,
      ipv4: [{ address: LOOPBACK_V4, prefixLength: 8 }],
      ipv6Enabled: true,
      ipv6: [],
      ipv6Groups: [],
      counters: { inPackets: 0, inBytes: 0, outPackets: 0, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: 0 },
      ifIndex: 1,
    };
  }

  /**
   * `netsh interface ipv6 show address`: each adapter's addresses newest first (the link-local,
   * formed first, ends up last, as in every real capture), then the loopback with ::1.
   */
  netshAddressViews(): InterfaceView[] {
    const adapters = this.adapterViews().map((v) => ({ ...v, ipv6: [...v.ipv6].reverse() }));
    return [...adapters, { ...this.loopbackView(), ipv6: [{ address: 1n as Ipv6Address, prefixLength: 128, origin: 'link-local', state: 'preferred' }] }];
  }

  /** Interface list of `route print`: adapters, then the loopback. */
  routePrintInterfaces(): InterfaceView[] {
    return [...this.adapterViews(), this.loopbackView()];
  }

  /** Both route tables as `route print` lists them (loopback, broadcast and multicast rows included). */
  routeViews(): RouteView[] {
    const v4: RouteView[] = [];
    const v6: RouteView[] = [];
    const onLink4 = (network: number, length: number, local: Ipv4Address, metric: number): RouteView => ({
      family: 'ipv4',
      prefix: { family: 'ipv4', network: network as Ipv4Address, length } as Ipv4Prefix,
      code: 'C',
      distance: 0,
      metric,
      nextHops: [{}],
      source: local,
    });
    const loopMetric = DEFAULT_ROUTE_METRIC + LOOPBACK_METRIC;
    const ifMetric = DEFAULT_ROUTE_METRIC + INTERFACE_METRIC;
    v4.push(onLink4(0x7f000000, 8, LOOPBACK_V4, loopMetric), onLink4(0x7f000001, 32, LOOPBACK_V4, loopMetric), onLink4(0x7fffffff, 32, LOOPBACK_V4, loopMetric));
    v4.push(onLink4(0xe0000000, 4, LOOPBACK_V4, loopMetric), onLink4(0xffffffff, 32, LOOPBACK_V4, loopMetric));
    const v6OnLink = (network: Ipv6Address, length: number, ifIndex: number, metric: number, code: RouteView['code'] = 'C'): RouteView => ({
      family: 'ipv6',
      prefix: { family: 'ipv6', network, length } as Ipv6Prefix,
      code,
      distance: 0,
      metric,
      nextHops: [{ ifIndex }],
    });
    v6.push(v6OnLink(1n as Ipv6Address, 128, 1, loopMetric), v6OnLink((0xffn << 120n) as Ipv6Address, 8, 1, loopMetric));
    for (const iface of this.adapters()) {
      if (!iface.lineProtocolUp) continue;
      const index = this.ifIndexOf(iface);
      const a = this.mgmt.addresses.primaryIpv4(iface.name);
      if (a !== undefined) {
        const network = ipv4NetworkPart(a.address, a.prefixLength);
        const broadcast = (network | (a.prefixLength === 0 ? 0xffffffff : ~(0xffffffff << (32 - a.prefixLength)))) >>> 0;
        v4.push(onLink4(network, a.prefixLength, a.address, ifMetric), onLink4(a.address, 32, a.address, ifMetric));
        if (a.prefixLength < 31) v4.push(onLink4(broadcast, 32, a.address, ifMetric));
        v4.push(onLink4(0xe0000000, 4, a.address, ifMetric), onLink4(0xffffffff, 32, a.address, ifMetric));
        const setting = this.ipv4Setting(iface);
        if (setting.source === 'static' && setting.gateway !== undefined) {
          v4.push({ family: 'ipv4', prefix: { family: 'ipv4', network: 0 as Ipv4Address, length: 0 }, code: 'S*', distance: 1, metric: (setting.gatewayMetric ?? DEFAULT_ROUTE_METRIC) + INTERFACE_METRIC, nextHops: [{ address: setting.gateway, interfaceName: iface.name }], source: a.address });
        }
      }
      if (!iface.ipv6Enabled) continue;
      v6.push(v6OnLink((0xfe80n << 112n) as Ipv6Address, 64, index, ifMetric), v6OnLink((0xffn << 120n) as Ipv6Address, 8, index, ifMetric));
      for (const entry of this.mgmt.addresses.ipv6(iface.name)) {
        if (entry.state === 'duplicate' || entry.state === 'tentative') continue;
        v6.push(v6OnLink(entry.address, 128, index, ifMetric, 'L'));
        if (entry.origin === 'static' && !isLinkLocalIpv6(entry.address)) v6.push(v6OnLink(ipv6NetworkPart(entry.address, entry.prefixLength), entry.prefixLength, index, ifMetric));
      }
    }
    // Routes learnt from RAs and added with netsh.
    for (const r of this.mgmt.routing.entries('ipv6')) {
      if (r.origin !== 'static' && r.origin !== 'nd' && r.origin !== 'nd-prefix') continue;
      const exit = r.interfaceName ?? r.resolvedInterfaceName;
      const iface = exit === null ? undefined : this.mgmt.interfaces.entry(exit);
      if (iface === undefined || !r.resolvedInterfaceUp) continue;
      const configured = this.config.ipv6Routes.find((c) => c.network === r.network && c.prefixLength === r.prefixLength && c.nextHop === (r.nextHop ?? undefined));
      const metric = (configured?.metric ?? DEFAULT_ROUTE_METRIC) + INTERFACE_METRIC;
      const code: RouteView['code'] = r.origin === 'static' ? 'S' : r.origin === 'nd' ? 'ND' : 'NDp';
      v6.push({
        family: 'ipv6',
        prefix: { family: 'ipv6', network: r.network, length: r.prefixLength } as Ipv6Prefix,
        code,
        distance: r.distance,
        metric,
        nextHops: [{ ...(r.nextHop !== null ? { address: r.nextHop } : {}), interfaceName: iface.name, ifIndex: this.ifIndexOf(iface) }],
        ...(r.origin === 'static' ? { persistent: true } : {}),
      });
    }
    // Same destination: the loopback pseudo-interface (index 1) first, as route print lists them.
    v4.sort((x, y) => (x.prefix.network as number) - (y.prefix.network as number) || x.prefix.length - y.prefix.length || Number(y.source === LOOPBACK_V4) - Number(x.source === LOOPBACK_V4));
    v6.sort((x, y) => {
      const a = x.prefix.network as Ipv6Address;
      const b = y.prefix.network as Ipv6Address;
      return a < b ? -1 : a > b ? 1 : x.prefix.length - y.prefix.length || (x.nextHops[0]?.ifIndex ?? 0) - (y.nextHops[0]?.ifIndex ?? 0);
    });
    return [...v4, ...v6];
  }

  /** `netsh interface ipv6 show route`: the same routes with netsh's plain metrics, without the loopback and multicast rows. */
  netshRouteViews(): RouteView[] {
    return this.routeViews()
      .filter((r) => r.family === 'ipv6' && !(r.prefix.length === 8 && (r.prefix.network as Ipv6Address) >> 120n === 0xffn))
      .map((r) => ({ ...r, metric: r.metric - (r.nextHops[0]?.ifIndex === 1 ? LOOPBACK_METRIC : INTERFACE_METRIC), nextHops: r.nextHops.map((h) => ({ ...h, interfaceName: h.interfaceName ?? this.interfaceNameOfIndex(h.ifIndex) })) }));
  }

  private interfaceNameOfIndex(ifIndex: number | undefined): string {
    if (ifIndex === 1) return 'Loopback Pseudo-Interface 1';
    return this.adapters().find((i) => this.ifIndexOf(i) === ifIndex)?.name ?? '';
  }

  /** `netsh interface ipv6 show neighbors`: the neighbour cache plus the multicast entries Windows lists as Permanent. */
  neighborViews(): NeighborView[] {
    const out: NeighborView[] = [];
    for (const iface of this.adapters()) {
      if (!this.mgmt.addresses.hasIpv6) break;
      const index = this.ifIndexOf(iface);
      for (const n of this.mgmt.neighbors.ipv6(iface.name)) {
        const state: NeighborView['state'] = n.state === 'INCOMPLETE' ? 'INCMP' : n.state === 'REACHABLE' ? 'REACH' : n.state;
        out.push({ address: n.address, ...(n.linkLayerAddress !== null ? { linkLayer: n.linkLayerAddress } : {}), state, ageS: n.ageS, interfaceName: iface.name, ifIndex: index, isRouter: n.isRouter });
      }
      const groups = this.mgmt.addresses.ipv6Groups(iface.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const g of groups) {
        const mac = (0x333300000000 + Number(g & 0xffffffffn)) as MacAddress;
        out.push({ address: g, linkLayer: mac, state: 'PERMANENT', interfaceName: iface.name, ifIndex: index, isRouter: false });
      }
    }
    return out;
  }

  /** `arp -a`: learned entries plus the broadcast and multicast entries Windows keeps as static. */
  arpViews(): ArpView[] {
    const out: ArpView[] = [];
    for (const iface of this.adapters()) {
      const a = this.mgmt.addresses.primaryIpv4(iface.name);
      if (a === undefined) continue;
      const index = this.ifIndexOf(iface);
      for (const e of this.mgmt.neighbors.arp(iface.name)) {
        out.push({ address: e.address, ...(e.mac !== null ? { mac: e.mac } : {}), interfaceName: iface.name, ifIndex: index, dynamic: e.state !== 'static' });
      }
      const network = ipv4NetworkPart(a.address, a.prefixLength);
      const broadcast = (network | (a.prefixLength === 0 ? 0xffffffff : ~(0xffffffff << (32 - a.prefixLength)))) >>> 0;
      const statics: [number, number][] = [
        [broadcast, 0xffffffffffff],
        [0xe0000016, 0x01005e000016],
        [0xe00000fb, 0x01005e0000fb],
        [0xe00000fc, 0x01005e0000fc],
        [0xeffffffa, 0x01005e7ffffa],
        [0xffffffff, 0xffffffffffff],
      ];
      for (const [ip, mac] of statics) {
        if (out.some((e) => e.interfaceName === iface.name && e.address === ip)) continue;
        out.push({ address: ip as Ipv4Address, mac: mac as MacAddress, interfaceName: iface.name, ifIndex: index, dynamic: false });
      }
    }
    return out.sort((x, y) => x.address - y.address);
  }
}
