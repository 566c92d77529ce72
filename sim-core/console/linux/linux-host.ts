/**
 * The Linux side of a simulated server: the configuration in effect (what `ip` and `sysctl -w`
 * changed, and `hostname`), applied to the device through its management API (sim-core/mgmt),
 * and the plain views (console/views.ts) the iproute2/iputils formatters print, filled from the
 * management views the way the kernel lists them:
 * `lo` is link 1 and the NICs follow; IPv6 addresses newest first with the link-local last;
 * IPv4 routes of the main table in address order, IPv6 routes in the kernel's tree order (more
 * specific first, the default last) with metric 256 for kernel routes and 1024 for static and
 * RA default routes (RFC 4861 section 6.3.4 routers, RFC 4191 preference), RA prefix routes
 * `proto kernel` with `expires`.
 * Methods return undefined on success or the message iproute2 prints for a refused change.
 * `ip link set down` flushes the link's IPv6 addresses and its routes (keep_addr_on_down 0).
 * Leaves out: routing tables other than main, policy rules, VRFs, nexthop objects, `lo` changes,
 * keep_addr_on_down 1.
 */
import { isLinkLocalIpv6 } from '../../addr/classify';
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import { ipv4NetworkPart, ipv6NetworkPart, type Ipv4Prefix, type Ipv6Prefix } from '../../addr/prefix';
import type { Device } from '../../devices/device';
import { managementOf, type DeviceManagement } from '../../mgmt/device-management';
import type { InterfaceEntry, RouteEntry } from '../../mgmt/mgmt-views';
import type { AddressFamily, HostInfoView, InterfaceView, Ipv4AddressView, Ipv6AddressView, NeighborView, RouteView } from '../views';

export interface LinuxAddressSetting {
  readonly family: AddressFamily;
  readonly interfaceName: string;
  readonly address: Ipv4Address | Ipv6Address;
  readonly prefixLength: number;
}

export interface LinuxRouteSetting {
  readonly family: AddressFamily;
  readonly network: Ipv4Address | Ipv6Address;
  readonly prefixLength: number;
  readonly via?: Ipv4Address | Ipv6Address;
  readonly dev?: string;
  readonly metric?: number;
}

export interface LinuxHostConfig {
  /** `hostname NAME` (undefined: the device name). */
  hostname: string | undefined;
  /** Links set down with `ip link set dev X down`. */
  readonly linksDown: Set<string>;
  /** `ip link set dev X mtu N`. */
  readonly mtus: Map<string, number>;
  addresses: LinuxAddressSetting[];
  routes: LinuxRouteSetting[];
  /** sysctl keys written with values other than the default. */
  readonly sysctl: Map<string, string>;
}

/** Kernel route metrics: connected IPv6 (IP6_RT_PRIO_ADDRCONF) and user routes (IP6_RT_PRIO_USER). */
export const KERNEL_ROUTE_METRIC = 256;
export const USER_ROUTE_METRIC = 1024;

/** The sysctl keys the lab knows and their defaults (Debian 12 server). */
const PER_INTERFACE_IPV6: Readonly<Record<string, string>> = { forwarding: '0', accept_ra: '1', autoconf: '1', addr_gen_mode: '0', use_tempaddr: '0', disable_ipv6: '0' };

const hosts = new WeakMap<Device, LinuxHost>();

export function linuxHostOf(device: Device): LinuxHost {
  let host = hosts.get(device);
  if (host === undefined) {
    host = new LinuxHost(device);
    hosts.set(device, host);
  }
  return host;
}

function broadcastOf(address: Ipv4Address, prefixLength: number): number {
  return (ipv4NetworkPart(address, prefixLength) | (prefixLength === 0 ? 0xffffffff : ~(0xffffffff << (32 - prefixLength)))) >>> 0;
}

/** The last address a prefix covers: the kernel's IPv6 tree lists routes in this order. */
function lastOf(network: Ipv6Address, length: number): bigint {
  return length === 128 ? network : network | ((1n << BigInt(128 - length)) - 1n);
}

export class LinuxHost {
  readonly config: LinuxHostConfig = { hostname: undefined, linksDown: new Set(), mtus: new Map(), addresses: [], routes: [], sysctl: new Map() };
  /** The device's management API: every change to the device goes through it. */
  readonly mgmt: DeviceManagement;

  constructor(readonly device: Device) {
    this.mgmt = managementOf(device);
    this.applyIpv6Settings();
  }

  get hostname(): string {
    return this.config.hostname ?? this.device.name;
  }

  setHostname(name: string): void {
    this.config.hostname = name === this.device.name ? undefined : name;
  }

  /** The NICs (physical interfaces) in link order. */
  nics(): InterfaceEntry[] {
    return this.mgmt.interfaces.table().filter((i) => i.kind === 'physical');
  }

  /** A link by its exact name (Linux names are case-sensitive). */
  link(name: string): InterfaceEntry | undefined {
    return this.nics().find((i) => i.name === name);
  }

  /** Linux link index: `lo` is 1. */
  ifIndexOf(iface: InterfaceEntry): number {
    return iface.index + 1;
  }

  // ---- sysctl ----

  /** The keys `sysctl` knows here, with their current values. */
  sysctlValue(key: string): string | undefined {
    const set = this.config.sysctl.get(key);
    if (set !== undefined) return set;
    if (key === 'net.ipv4.ip_forward') return '0';
    const m = /^net\.ipv6\.conf\.([^.]+)\.([a-z_]+)$/.exec(key);
    if (m === null) return undefined;
    const [, ifName, leaf] = m as unknown as [string, string, string];
    if (ifName !== 'all' && ifName !== 'default' && ifName !== 'lo' && this.link(ifName) === undefined) return undefined;
    return PER_INTERFACE_IPV6[leaf];
  }

  /** `sysctl -w key=value`: undefined, or sysctl's message. */
  writeSysctl(key: string, value: string): string | undefined {
    const current = this.sysctlValue(key);
    if (current === undefined) return `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`;
    if (!/^-?\d+$/.test(value)) return `sysctl: setting key "${key}": Invalid argument`;
    const leaf = key.slice(key.lastIndexOf('.') + 1);
    const defaultValue = key === 'net.ipv4.ip_forward' ? '0' : PER_INTERFACE_IPV6[leaf];
    const normalised = String(Number(value));
    if (normalised === defaultValue) this.config.sysctl.delete(key);
    else this.config.sysctl.set(key, normalised);
    if (key === 'net.ipv4.ip_forward') this.mgmt.routing.setIpv4Forwarding(normalised !== '0');
    // conf.all.forwarding switches every interface (and the host stops being a host, RFC 4861 section 6.3.4).
    if (key === 'net.ipv6.conf.all.forwarding') this.mgmt.routing.setIpv6Forwarding(normalised !== '0');
    this.applyIpv6Settings();
    return undefined;
  }

  /** Router discovery and SLAAC switches of each NIC from the sysctls. */
  applyIpv6Settings(): void {
    const forwarding = this.sysctlValue('net.ipv6.conf.all.forwarding') !== '0';
    for (const iface of this.nics()) {
      const get = (leaf: string): string => this.sysctlValue(`net.ipv6.conf.${iface.name}.${leaf}`) ?? PER_INTERFACE_IPV6[leaf]!;
      const acceptRa = Number(get('accept_ra'));
      this.mgmt.host.setIpv6Settings(iface.name, {
        // accept_ra 1 ignores RAs on a forwarding interface; 2 accepts them anyway.
        acceptRouterAdvertisements: acceptRa === 2 || (acceptRa === 1 && !forwarding),
        autoconfig: get('autoconf') !== '0',
        idMode: get('addr_gen_mode') === '0' || get('addr_gen_mode') === '1' ? 'eui64' : 'stable-privacy',
        temporaryAddresses: Number(get('use_tempaddr')) > 0,
        raDroppedFrom: this.config.routes
          .filter((r) => r.family === 'ipv6' && r.prefixLength === 0 && r.via !== undefined && r.dev === iface.name && (r.metric ?? USER_ROUTE_METRIC) === USER_ROUTE_METRIC)
          .map((r) => r.via as Ipv6Address),
      });
    }
  }

  // ---- links ----

  /**
   * `ip link set dev X up|down`. Going down is NETDEV_DOWN with keep_addr_on_down 0:
   * addrconf_ifdown removes every IPv6 address of the link, static and link-local included, and
   * the kernel flushes every route through it (fib_sync_down_dev for IPv4, rt6_sync_down_dev);
   * IPv4 addresses stay and their connected routes return with the link. Coming up forms the
   * link-local again (RFC 4862 section 5.3, DAD first) and the RS brings SLAAC back; removed
   * static addresses and routes are gone, from the configuration text too. SLAAC and temporary
   * addresses, RA default routes and on-link prefixes go too (measured on a Linux 6.x veth:
   * `ip -6 addr show dev X` prints nothing after down, only the link-local after up until an RA
   * comes). Setting a link to the state it is already in changes nothing (no flush).
   */
  setLinkUp(iface: InterfaceEntry, up: boolean): void {
    const changing = iface.adminUp !== up;
    if (up) this.config.linksDown.delete(iface.name);
    else this.config.linksDown.add(iface.name);
    if (changing && !up) this.flushLink(iface.name);
    this.mgmt.interfaces.setAdminUp(iface.name, up);
    if (changing && up) this.formLinkLocal(iface.name);
  }

  /** The link-locals removed by `ip link set down`, formed again on `up` (the same identifier: EUI-64 or stable). */
  private readonly linkLocalsDown = new Map<string, Ipv6Address>();

  private flushLink(name: string): void {
    const addresses = this.mgmt.addresses;
    for (const route of this.config.routes.filter((r) => this.exitOf(r) === name)) this.deleteRoute(route);
    if (addresses.hasIpv6) {
      // What RAs taught (SLAAC and temporary addresses, default routers, on-link prefixes) goes first.
      this.mgmt.host.forgetRouterAdvertisements(name);
      for (const entry of addresses.ipv6(name)) {
        if (entry.origin === 'slaac' || entry.origin === 'temporary' || entry.origin === 'dhcpv6') continue;
        if (entry.origin === 'link-local') this.linkLocalsDown.set(name, entry.address);
        addresses.removeIpv6(name, entry.address);
      }
    }
    this.config.addresses = this.config.addresses.filter((a) => !(a.family === 'ipv6' && a.interfaceName === name));
  }

  private formLinkLocal(name: string): void {
    const address = this.linkLocalsDown.get(name);
    this.linkLocalsDown.delete(name);
    const addresses = this.mgmt.addresses;
    // An address configured in fe80::/10 while the link was down takes the place of the automatic one.
    if (address === undefined || !addresses.ipv6Enabled(name) || addresses.ipv6(name).some((a) => isLinkLocalIpv6(a.address))) return;
    addresses.addIpv6(name, { address, prefixLength: 64, origin: 'link-local' });
  }

  /** The link a configured route leaves through: its `dev`, else the link its gateway was found on. */
  private exitOf(route: LinuxRouteSetting): string | undefined {
    if (route.dev !== undefined) return this.link(route.dev)?.name;
    const entries: RouteEntry[] = route.family === 'ipv4' ? this.mgmt.routing.entries('ipv4') : this.mgmt.routing.entries('ipv6');
    const entry = entries.find((e) => e.origin === 'static' && e.network === route.network && e.prefixLength === route.prefixLength && (e.nextHop ?? undefined) === route.via);
    return entry?.interfaceName ?? entry?.resolvedInterfaceName ?? undefined;
  }

  setMtu(iface: InterfaceEntry, mtuBytes: number): string | undefined {
    if (mtuBytes < 68 || mtuBytes > 9000) return `Error: mtu less than device minimum.`;
    if (mtuBytes === 1500) this.config.mtus.delete(iface.name);
    else this.config.mtus.set(iface.name, mtuBytes);
    this.mgmt.interfaces.setMtu(iface.name, mtuBytes);
    // addrconf NETDEV_CHANGEMTU: the link's IPv6 MTU becomes the new link MTU (an RA MTU learnt before is dropped).
    this.mgmt.interfaces.setIpv6Mtu(iface.name, undefined);
    return undefined;
  }

  // ---- addresses ----

  addAddress(setting: LinuxAddressSetting): string | undefined {
    const iface = this.link(setting.interfaceName);
    const addresses = this.mgmt.addresses;
    if (iface === undefined || !this.mgmt.hasIpStack) return `Cannot find device "${setting.interfaceName}"`;
    if (setting.family === 'ipv4') {
      const address = setting.address as Ipv4Address;
      const existing = addresses.ipv4(iface.name);
      if (existing.some((a) => a.address === address)) return 'Error: ipv4: Address already assigned.';
      // The stack keeps one primary (IOS rules); Linux keeps them all: later ones ride as secondaries.
      addresses.addIpv4(iface.name, address, setting.prefixLength, existing.length > 0);
    } else {
      const address = setting.address as Ipv6Address;
      if (!addresses.hasIpv6) return 'RTNETLINK answers: Permission denied';
      if (addresses.ipv6(iface.name).some((a) => a.address === address)) return 'Error: ipv6: address already assigned.';
      addresses.addIpv6(iface.name, { address, prefixLength: setting.prefixLength, origin: 'static' });
    }
    this.config.addresses.push(setting);
    return undefined;
  }

  /** `ip addr del A[/L] dev X` (without a length: the first address equal to A). */
  deleteAddress(family: AddressFamily, interfaceName: string, address: Ipv4Address | Ipv6Address, prefixLength: number | undefined): string | undefined {
    const iface = this.link(interfaceName);
    const addresses = this.mgmt.addresses;
    if (iface === undefined || !this.mgmt.hasIpStack) return `Cannot find device "${interfaceName}"`;
    const notFound = family === 'ipv4' ? 'Error: ipv4: Address not found.' : 'Error: ipv6: address not found.';
    if (family === 'ipv4') {
      const entry = addresses.ipv4(iface.name).find((a) => a.address === address && (prefixLength === undefined || a.prefixLength === prefixLength));
      if (entry === undefined) return notFound;
      addresses.removeIpv4(iface.name, entry.address);
    } else {
      const entry = addresses.ipv6(iface.name).find((a) => a.address === address && (prefixLength === undefined || a.prefixLength === prefixLength));
      if (entry === undefined) return notFound;
      addresses.removeIpv6(iface.name, entry.address);
    }
    this.config.addresses = this.config.addresses.filter((a) => !(a.family === family && a.interfaceName === interfaceName && a.address === address));
    return undefined;
  }

  // ---- routes ----

  /** `ip [-6] route add P [via G] [dev X] [metric N]`. */
  addRoute(route: LinuxRouteSetting): string | undefined {
    if (!this.mgmt.hasIpStack) return 'RTNETLINK answers: Operation not supported';
    const addresses = this.mgmt.addresses;
    const statics = this.mgmt.routing.statics;
    const dev = route.dev === undefined ? undefined : this.link(route.dev);
    if (route.dev !== undefined && dev === undefined) return `Cannot find device "${route.dev}"`;
    const same = (r: LinuxRouteSetting): boolean => r.family === route.family && r.network === route.network && r.prefixLength === route.prefixLength && (r.metric ?? defaultMetric(r.family)) === (route.metric ?? defaultMetric(route.family));
    if (this.config.routes.some(same)) return 'RTNETLINK answers: File exists';
    if (route.family === 'ipv4') {
      const network = route.network as Ipv4Address;
      if (ipv4NetworkPart(network, route.prefixLength) !== network) return 'Error: Invalid prefix for given prefix length.';
      const via = route.via as Ipv4Address | undefined;
      let exit = dev;
      if (via !== undefined) {
        // The gateway must be on a connected subnet (of `dev` when given) of a link that is up.
        const onLink = this.nics().find((i) => (dev === undefined || i.name === dev.name) && i.adminUp && addresses.ipv4Covering(i.name, via) !== undefined);
        if (onLink === undefined) return 'Error: Nexthop has invalid gateway.';
        exit = onLink;
      } else if (dev === undefined) return 'RTNETLINK answers: No such device';
      else if (!dev.adminUp) return 'Error: Device for nexthop is not up.';
      const added = statics.addIpv4({ network, prefixLength: route.prefixLength, ...(via !== undefined ? { nextHop: via } : {}), ...(exit !== undefined ? { interfaceName: exit.name } : {}) });
      if (!added.ok) return 'RTNETLINK answers: Invalid argument';
    } else {
      const network = ipv6NetworkPart(route.network as Ipv6Address, route.prefixLength);
      const via = route.via as Ipv6Address | undefined;
      let exit = dev;
      if (via !== undefined) {
        if (isLinkLocalIpv6(via)) {
          if (dev === undefined) return 'Error: Egress device not specified.';
          if (!dev.adminUp) return 'Error: Nexthop device is not up.';
        } else {
          // The kernel wants the gateway on-link (a connected prefix of a link that is up), not merely routable.
          const onLink = this.nics().find((i) => (dev === undefined || i.name === dev.name) && i.adminUp && addresses.ipv6(i.name).some((a) => !isLinkLocalIpv6(a.address) && ipv6NetworkPart(a.address, a.prefixLength) === ipv6NetworkPart(via, a.prefixLength)));
          if (onLink === undefined) return 'RTNETLINK answers: No route to host';
          exit = onLink;
        }
      } else if (dev === undefined) return 'RTNETLINK answers: No such device';
      else if (!dev.adminUp) return 'Error: Nexthop device is not up.';
      // fib6_add with NLM_F_EXCL, after the next hop checked out: any route of that prefix and metric (kernel, RA) is in the way, whatever its gateway.
      const metric = route.metric ?? USER_ROUTE_METRIC;
      if (this.routeViews('ipv6').some((v) => v.prefix.network === network && v.prefix.length === route.prefixLength && v.metric === metric)) return 'RTNETLINK answers: File exists';
      const added = statics.addIpv6({ network, prefixLength: route.prefixLength, ...(via !== undefined ? { nextHop: via } : {}), ...(exit !== undefined ? { interfaceName: exit.name } : {}) });
      if (!added.ok) return 'RTNETLINK answers: Invalid argument';
      route = { ...route, network };
    }
    this.config.routes.push(route);
    if (route.family === 'ipv6') this.applyIpv6Settings();
    return undefined;
  }

  /** `ip [-6] route del P [via G] [dev X]`. */
  deleteRoute(route: Omit<LinuxRouteSetting, 'metric'> & { readonly metric?: number }): string | undefined {
    const network = route.family === 'ipv6' ? ipv6NetworkPart(route.network as Ipv6Address, route.prefixLength) : route.network;
    const matches = (r: LinuxRouteSetting): boolean =>
      r.family === route.family &&
      r.network === network &&
      r.prefixLength === route.prefixLength &&
      (route.via === undefined || r.via === route.via) &&
      (route.dev === undefined || r.dev === route.dev) &&
      (route.metric === undefined || (r.metric ?? defaultMetric(r.family)) === route.metric);
    const gone = this.config.routes.find(matches);
    if (gone === undefined) return 'RTNETLINK answers: No such process';
    this.config.routes = this.config.routes.filter((r) => r !== gone);
    const statics = this.mgmt.routing.statics;
    if (gone.family === 'ipv4') {
      statics.removeIpv4({ network: gone.network as Ipv4Address, prefixLength: gone.prefixLength, ...(gone.via !== undefined ? { nextHop: gone.via as Ipv4Address } : {}) });
    } else {
      statics.removeIpv6({ network: gone.network as Ipv6Address, prefixLength: gone.prefixLength, ...(gone.via !== undefined ? { nextHop: gone.via as Ipv6Address } : {}) });
    }
    if (gone.family === 'ipv6') this.applyIpv6Settings();
    return undefined;
  }

  // ---- views ----

  hostInfo(): HostInfoView {
    return { hostname: this.hostname, osVersion: '6.1.0-18-amd64', uptimeS: Math.floor(this.device.simulator.nowNs / 1e9), dnsSearchList: [], ipRoutingEnabled: this.sysctlValue('net.ipv4.ip_forward') !== '0' };
  }

  private loopbackView(): InterfaceView {
    return {
      name: 'lo',
      kind: 'loopback',
      adminUp: true,
      linkUp: true,
      lineProtocolUp: true,
      mtuBytes: 65536,
      bandwidthKbps: 0,
      ipv4: [{ address: 0x7f000001 as Ipv4Address, prefixLength: 8 }],
      ipv6Enabled: true,
      ipv6: [{ address: 1n as Ipv6Address, prefixLength: 128, origin: 'manual', state: 'preferred' }],
      ipv6Groups: [],
      counters: { inPackets: 0, inBytes: 0, outPackets: 0, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: 0 },
      ifIndex: 1,
    };
  }

  private ipv6Views(name: string): Ipv6AddressView[] {
    const views = this.mgmt.addresses.ipv6(name).map((a): Ipv6AddressView => ({
      address: a.address,
      prefixLength: a.prefixLength,
      origin: a.origin === 'static' || a.origin === 'eui64-static' ? (isLinkLocalIpv6(a.address) ? 'link-local' : 'manual') : a.origin,
      state: a.state === 'optimistic' ? 'tentative' : a.state,
      ...(a.validLifetimeS !== undefined ? { validLifetimeS: a.validLifetimeS } : {}),
      ...(a.preferredLifetimeS !== undefined ? { preferredLifetimeS: a.preferredLifetimeS } : {}),
      // The kernel flags every address it forms from a PIO IFA_F_MANAGETEMPADDR, use_tempaddr or not.
      ...(a.origin === 'slaac' ? { manageTemporary: true } : {}),
    }));
    // The kernel lists the newest address first; the link-local (formed first) ends up last.
    return views.reverse();
  }

  private ipv4Views(name: string): Ipv4AddressView[] {
    const all = this.mgmt.addresses.ipv4(name);
    return all.map((a, i) => {
      const earlier = all.slice(0, i).some((b) => ipv4NetworkPart(b.address, b.prefixLength) === ipv4NetworkPart(a.address, a.prefixLength) && b.prefixLength === a.prefixLength);
      return { address: a.address, prefixLength: a.prefixLength, ...(earlier ? { secondary: true } : {}) };
    });
  }

  /** `lo` and the NICs, as `ip addr` / `ip link` list them. */
  interfaceViews(): InterfaceView[] {
    const nics = this.nics().map((iface): InterfaceView => ({
      name: iface.name,
      kind: 'physical',
      adminUp: iface.adminUp,
      linkUp: iface.lowerLayerUp,
      lineProtocolUp: iface.lineProtocolUp,
      mac: iface.mac,
      mtuBytes: iface.mtuBytes,
      bandwidthKbps: 1_000_000,
      ipv4: this.ipv4Views(iface.name),
      ipv6Enabled: iface.ipv6Enabled,
      ipv6: this.ipv6Views(iface.name),
      ipv6Groups: this.mgmt.addresses.ipv6Groups(iface.name),
      counters: { inPackets: iface.counters.inPackets, inBytes: 0, outPackets: iface.counters.outPackets, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: iface.counters.drops },
      ifIndex: this.ifIndexOf(iface),
    }));
    return [this.loopbackView(), ...nics];
  }

  /** The main routing table of one family, in the kernel's order. */
  routeViews(family: AddressFamily): RouteView[] {
    if (!this.mgmt.hasIpStack) return [];
    const now = this.device.simulator.nowNs;
    const views: RouteView[] = [];
    if (family === 'ipv4') {
      const entries = this.mgmt.routing.entries('ipv4');
      for (const iface of this.nics()) {
        if (!iface.lineProtocolUp) continue;
        for (const a of this.mgmt.addresses.ipv4(iface.name)) {
          const network = ipv4NetworkPart(a.address, a.prefixLength);
          if (views.some((v) => v.prefix.network === network && v.prefix.length === a.prefixLength)) continue;
          views.push({ family, prefix: { family, network, length: a.prefixLength } as Ipv4Prefix, code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: iface.name }], source: a.address });
        }
      }
      for (const setting of this.config.routes.filter((r) => r.family === 'ipv4')) {
        const entry = entries.find((e) => e.origin === 'static' && e.network === setting.network && e.prefixLength === setting.prefixLength && (e.nextHop ?? undefined) === setting.via);
        const exit = entry?.interfaceName ?? entry?.resolvedInterfaceName ?? null;
        if (entry === undefined || exit === null || !entry.resolvedInterfaceUp) continue;
        views.push({
          family,
          prefix: { family, network: setting.network as Ipv4Address, length: setting.prefixLength } as Ipv4Prefix,
          code: setting.prefixLength === 0 ? 'S*' : 'S',
          distance: 1,
          metric: setting.metric ?? 0,
          nextHops: [{ ...(setting.via !== undefined ? { address: setting.via } : {}), interfaceName: exit }],
        });
      }
      return views.sort((x, y) => (x.prefix.network as number) - (y.prefix.network as number) || x.prefix.length - y.prefix.length || x.metric - y.metric);
    }
    const entries = this.mgmt.routing.entries('ipv6');
    for (const r of entries) {
      const exit = r.interfaceName ?? r.resolvedInterfaceName;
      if (exit === null || !r.resolvedInterfaceUp || this.mgmt.interfaces.entry(exit)?.kind !== 'physical') continue;
      if (r.origin === 'local') continue; // local table
      // An RA prefix already covered by an address's kernel route is that same route (one entry).
      if (r.origin === 'nd-prefix' && entries.some((o) => o.origin === 'connected' && o.network === r.network && o.prefixLength === r.prefixLength && o.interfaceName === r.interfaceName)) continue;
      let code: RouteView['code'];
      let metric: number;
      if (r.origin === 'connected' || r.origin === 'nd-prefix') {
        code = 'C';
        metric = KERNEL_ROUTE_METRIC;
      } else if (r.origin === 'static') {
        const setting = this.config.routes.find((s) => s.family === 'ipv6' && s.network === r.network && s.prefixLength === r.prefixLength && s.via === (r.nextHop ?? undefined));
        code = 'S';
        metric = setting?.metric ?? USER_ROUTE_METRIC;
      } else if (r.origin === 'nd') {
        code = 'ND';
        metric = r.metric === 0 ? USER_ROUTE_METRIC : r.metric;
      } else continue;
      // The RA's Cur Hop Limit rides on the RA default route (`hoplimit 64`).
      const hopLimit = code === 'ND' ? this.mgmt.host.learnedHopLimit(exit) : undefined;
      views.push({
        family,
        prefix: { family, network: r.network, length: r.prefixLength } as Ipv6Prefix,
        code,
        distance: r.distance,
        metric,
        nextHops: [{ ...(r.nextHop !== null ? { address: r.nextHop } : {}), interfaceName: exit }],
        ...(r.expiresNs !== undefined && Number.isFinite(r.expiresNs) ? { expiresS: Math.max(0, Math.floor((r.expiresNs - now) / 1e9)) } : {}),
        ...(hopLimit !== undefined ? { hopLimit } : {}),
      });
    }
    return views.sort((x, y) => {
      const a = lastOf(x.prefix.network as Ipv6Address, x.prefix.length);
      const b = lastOf(y.prefix.network as Ipv6Address, y.prefix.length);
      return a < b ? -1 : a > b ? 1 : y.prefix.length - x.prefix.length || x.metric - y.metric;
    });
  }

  /** `ip -6 neigh`: the neighbour cache of every NIC. */
  neighborViews(): NeighborView[] {
    return this.nics().flatMap((iface) =>
      this.mgmt.neighbors.ipv6(iface.name).map((n): NeighborView => ({
        address: n.address,
        ...(n.linkLayerAddress !== null ? { linkLayer: n.linkLayerAddress } : {}),
        state: n.state === 'INCOMPLETE' ? 'INCMP' : n.state === 'REACHABLE' ? 'REACH' : n.state,
        ageS: n.ageS,
        interfaceName: iface.name,
        isRouter: n.isRouter,
      })),
    );
  }

  /** `/etc/resolv.conf` servers: configured and RDNSS-learnt. */
  dnsServers(): (Ipv4Address | Ipv6Address)[] {
    return this.nics().flatMap((iface) => this.mgmt.host.dnsServers(iface.name));
  }

  /** Broadcast address helper for views and `brd +`. */
  broadcastOf(address: Ipv4Address, prefixLength: number): Ipv4Address {
    return broadcastOf(address, prefixLength) as Ipv4Address;
  }
}

function defaultMetric(family: AddressFamily): number {
  return family === 'ipv4' ? 0 : USER_ROUTE_METRIC;
}
