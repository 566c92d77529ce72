/**
 * The Linux side of a simulated server: the configuration in effect (what `ip` and `sysctl -w`
 * changed, and `hostname`), applied to the device's stack, and the plain views (console/views.ts)
 * the iproute2/iputils formatters print, filled from the live stack the way the kernel lists them:
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
import { IPV6, type Ipv6Layer } from '../../stack/ipv6/ipv6-layer';
import { ROUTER_DISCOVERY } from '../../stack/ipv6/router-discovery';
import type { NetInterface } from '../../stack/net-interface';
import { IPV4_RIB } from '../../stack/routing/ipv4-rib';
import { IPV6_RIB } from '../../stack/routing/ipv6-rib';
import type { Route } from '../../stack/routing/route';
import type { AddressFamily, HostInfoView, InterfaceView, Ipv4AddressView, Ipv6AddressView, NeighborView, RouteView } from '../views';
import { applyHostIpv6Settings, dnsServersLearned } from './host-ipv6-settings';
import { remainingLifetimeS } from '../address-lifetime';

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

  constructor(readonly device: Device) {
    this.applyIpv6Settings();
  }

  get hostname(): string {
    return this.config.hostname ?? this.device.name;
  }

  setHostname(name: string): void {
    this.config.hostname = name === this.device.name ? undefined : name;
  }

  /** The NICs (physical interfaces) in link order. */
  nics(): NetInterface[] {
    return (this.device.stack?.interfaces ?? []).filter((i) => i.kind === 'physical');
  }

  /** A link by its exact name (Linux names are case-sensitive). */
  link(name: string): NetInterface | undefined {
    return this.nics().find((i) => i.name === name);
  }

  /** Linux link index: `lo` is 1. */
  ifIndexOf(iface: NetInterface): number {
    return iface.ifIndex + 1;
  }

  private get ipv6(): Ipv6Layer | undefined {
    return this.device.stack?.find(IPV6);
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
    const stack = this.device.stack;
    if (stack !== null) {
      if (key === 'net.ipv4.ip_forward') stack.ipv4Forwarding = normalised !== '0';
      // conf.all.forwarding switches every interface (and the host stops being a host, RFC 4861 section 6.3.4).
      if (key === 'net.ipv6.conf.all.forwarding') stack.ipv6Forwarding = normalised !== '0';
    }
    this.applyIpv6Settings();
    return undefined;
  }

  /** Router discovery and SLAAC switches of each NIC from the sysctls. */
  applyIpv6Settings(): void {
    const forwarding = this.sysctlValue('net.ipv6.conf.all.forwarding') !== '0';
    for (const iface of this.nics()) {
      const get = (leaf: string): string => this.sysctlValue(`net.ipv6.conf.${iface.name}.${leaf}`) ?? PER_INTERFACE_IPV6[leaf]!;
      const acceptRa = Number(get('accept_ra'));
      applyHostIpv6Settings(this.device, iface, {
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
  setLinkUp(iface: NetInterface, up: boolean): void {
    const changing = iface.adminUp !== up;
    if (up) this.config.linksDown.delete(iface.name);
    else this.config.linksDown.add(iface.name);
    if (changing && !up) this.flushLink(iface);
    this.device.setInterfaceAdminUp(iface, up);
    if (changing && up) this.formLinkLocal(iface);
  }

  /** The link-locals removed by `ip link set down`, formed again on `up` (the same identifier: EUI-64 or stable). */
  private readonly linkLocalsDown = new Map<NetInterface, Ipv6Address>();

  private flushLink(iface: NetInterface): void {
    const ipv6 = this.ipv6;
    for (const route of this.config.routes.filter((r) => this.exitOf(r) === iface)) this.deleteRoute(route);
    if (ipv6 !== undefined) {
      // What RAs taught (SLAAC and temporary addresses, default routers, on-link prefixes) goes first.
      this.device.stack?.find(ROUTER_DISCOVERY)?.forgetInterface(iface);
      for (const entry of [...iface.ipv6.addresses]) {
        if (entry.origin === 'slaac' || entry.origin === 'temporary' || entry.origin === 'dhcpv6') continue;
        if (entry.origin === 'link-local') this.linkLocalsDown.set(iface, entry.address);
        ipv6.removeAddress(iface, entry.address);
      }
    }
    this.config.addresses = this.config.addresses.filter((a) => !(a.family === 'ipv6' && a.interfaceName === iface.name));
  }

  private formLinkLocal(iface: NetInterface): void {
    const address = this.linkLocalsDown.get(iface);
    this.linkLocalsDown.delete(iface);
    // An address configured in fe80::/10 while the link was down takes the place of the automatic one.
    if (address === undefined || !iface.ipv6.enabled || iface.ipv6.addresses.some((a) => isLinkLocalIpv6(a.address))) return;
    this.ipv6?.addAddress(iface, { address, prefixLength: 64, origin: 'link-local' });
  }

  /** The link a configured route leaves through: its `dev`, else the link its gateway was found on. */
  private exitOf(route: LinuxRouteSetting): NetInterface | undefined {
    if (route.dev !== undefined) return this.link(route.dev);
    const stack = this.device.stack;
    if (stack === null) return undefined;
    const entries = route.family === 'ipv4' ? (stack.find(IPV4_RIB)?.entries() ?? []) : (stack.find(IPV6_RIB)?.entries() ?? []);
    const entry = entries.find((e) => e.route.source === 'static' && e.route.network === route.network && e.route.prefixLength === route.prefixLength && (e.route.nextHop ?? undefined) === route.via);
    return entry?.route.iface ?? entry?.resolvedIface ?? undefined;
  }

  setMtu(iface: NetInterface, mtuBytes: number): string | undefined {
    if (mtuBytes < 68 || mtuBytes > 9000) return `Error: mtu less than device minimum.`;
    if (mtuBytes === 1500) this.config.mtus.delete(iface.name);
    else this.config.mtus.set(iface.name, mtuBytes);
    this.device.stack?.setMtu(iface, mtuBytes);
    return undefined;
  }

  // ---- addresses ----

  addAddress(setting: LinuxAddressSetting): string | undefined {
    const iface = this.link(setting.interfaceName);
    const stack = this.device.stack;
    if (iface === undefined || stack === null) return `Cannot find device "${setting.interfaceName}"`;
    if (setting.family === 'ipv4') {
      const address = setting.address as Ipv4Address;
      if (iface.ipv4Addresses.some((a) => a.address === address)) return 'Error: ipv4: Address already assigned.';
      // The stack keeps one primary (IOS rules); Linux keeps them all: later ones ride as secondaries.
      stack.addIpv4Address(iface, { address, prefixLength: setting.prefixLength, secondary: iface.ipv4Addresses.length > 0 });
    } else {
      const ipv6 = this.ipv6;
      const address = setting.address as Ipv6Address;
      if (ipv6 === undefined) return 'RTNETLINK answers: Permission denied';
      if (iface.ipv6.addresses.some((a) => a.address === address)) return 'Error: ipv6: address already assigned.';
      ipv6.addAddress(iface, { address, prefixLength: setting.prefixLength, origin: 'static' });
    }
    this.config.addresses.push(setting);
    return undefined;
  }

  /** `ip addr del A[/L] dev X` (without a length: the first address equal to A). */
  deleteAddress(family: AddressFamily, interfaceName: string, address: Ipv4Address | Ipv6Address, prefixLength: number | undefined): string | undefined {
    const iface = this.link(interfaceName);
    const stack = this.device.stack;
    if (iface === undefined || stack === null) return `Cannot find device "${interfaceName}"`;
    const notFound = family === 'ipv4' ? 'Error: ipv4: Address not found.' : 'Error: ipv6: address not found.';
    if (family === 'ipv4') {
      const entry = iface.ipv4Addresses.find((a) => a.address === address && (prefixLength === undefined || a.prefixLength === prefixLength));
      if (entry === undefined) return notFound;
      stack.removeIpv4Address(iface, entry.address);
    } else {
      const entry = iface.ipv6.addresses.find((a) => a.address === address && (prefixLength === undefined || a.prefixLength === prefixLength));
      if (entry === undefined) return notFound;
      this.ipv6?.removeAddress(iface, entry.address);
    }
    this.config.addresses = this.config.addresses.filter((a) => !(a.family === family && a.interfaceName === interfaceName && a.address === address));
    return undefined;
  }

  // ---- routes ----

  /** `ip [-6] route add P [via G] [dev X] [metric N]`. */
  addRoute(route: LinuxRouteSetting): string | undefined {
    const stack = this.device.stack;
    if (stack === null) return 'RTNETLINK answers: Operation not supported';
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
        const onLink = this.nics().find((i) => (dev === undefined || i === dev) && i.adminUp && i.ipv4AddressCovering(via) !== undefined);
        if (onLink === undefined) return 'Error: Nexthop has invalid gateway.';
        exit = onLink;
      } else if (dev === undefined) return 'RTNETLINK answers: No such device';
      else if (!dev.adminUp) return 'Error: Device for nexthop is not up.';
      const rib = stack.find(IPV4_RIB);
      const added = rib?.addStatic({ network, prefixLength: route.prefixLength, ...(via !== undefined ? { nextHop: via } : {}), ...(exit !== undefined ? { iface: exit } : {}) });
      if (added === undefined || !added.ok) return 'RTNETLINK answers: Invalid argument';
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
          const onLink = this.nics().find((i) => (dev === undefined || i === dev) && i.adminUp && i.ipv6.addresses.some((a) => !isLinkLocalIpv6(a.address) && ipv6NetworkPart(a.address, a.prefixLength) === ipv6NetworkPart(via, a.prefixLength)));
          if (onLink === undefined) return 'RTNETLINK answers: No route to host';
          exit = onLink;
        }
      } else if (dev === undefined) return 'RTNETLINK answers: No such device';
      else if (!dev.adminUp) return 'Error: Nexthop device is not up.';
      // fib6_add with NLM_F_EXCL, after the next hop checked out: any route of that prefix and metric (kernel, RA) is in the way, whatever its gateway.
      const metric = route.metric ?? USER_ROUTE_METRIC;
      if (this.routeViews('ipv6').some((v) => v.prefix.network === network && v.prefix.length === route.prefixLength && v.metric === metric)) return 'RTNETLINK answers: File exists';
      const rib = stack.find(IPV6_RIB);
      const added = rib?.addStatic({ network, prefixLength: route.prefixLength, ...(via !== undefined ? { nextHop: via } : {}), ...(exit !== undefined ? { iface: exit } : {}) });
      if (added === undefined || !added.ok) return 'RTNETLINK answers: Invalid argument';
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
    const stack = this.device.stack!;
    const dev = gone.dev === undefined ? undefined : this.link(gone.dev);
    if (gone.family === 'ipv4') {
      stack.find(IPV4_RIB)?.removeStatic({ network: gone.network as Ipv4Address, prefixLength: gone.prefixLength, ...(gone.via !== undefined ? { nextHop: gone.via as Ipv4Address } : {}) });
    } else {
      stack.find(IPV6_RIB)?.removeStatic({ network: gone.network as Ipv6Address, prefixLength: gone.prefixLength, ...(gone.via !== undefined ? { nextHop: gone.via as Ipv6Address } : {}) });
    }
    void dev;
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

  private ipv6Views(iface: NetInterface): Ipv6AddressView[] {
    const now = this.device.simulator.nowNs;
    const views = iface.ipv6.addresses.map((a): Ipv6AddressView => {
      const dynamic = a.origin === 'slaac' || a.origin === 'temporary' || a.origin === 'dhcpv6';
      const valid = dynamic ? remainingLifetimeS(a.validLifetimeS, a.lifetimesSetNs, now) : undefined;
      const preferred = dynamic ? remainingLifetimeS(a.preferredLifetimeS, a.lifetimesSetNs, now) : undefined;
      return {
        address: a.address,
        prefixLength: a.prefixLength,
        origin: a.origin === 'static' || a.origin === 'eui64-static' ? (isLinkLocalIpv6(a.address) ? 'link-local' : 'manual') : a.origin,
        state: a.state === 'optimistic' ? 'tentative' : a.state,
        ...(valid !== undefined ? { validLifetimeS: valid } : {}),
        ...(preferred !== undefined ? { preferredLifetimeS: preferred } : {}),
        // The kernel flags every address it forms from a PIO IFA_F_MANAGETEMPADDR, use_tempaddr or not.
        ...(a.origin === 'slaac' ? { manageTemporary: true } : {}),
      };
    });
    // The kernel lists the newest address first; the link-local (formed first) ends up last.
    return views.reverse();
  }

  private ipv4Views(iface: NetInterface): Ipv4AddressView[] {
    return iface.ipv4Addresses.map((a, i) => {
      const earlier = iface.ipv4Addresses.slice(0, i).some((b) => ipv4NetworkPart(b.address, b.prefixLength) === ipv4NetworkPart(a.address, a.prefixLength) && b.prefixLength === a.prefixLength);
      return { address: a.address, prefixLength: a.prefixLength, ...(earlier ? { secondary: true } : {}) };
    });
  }

  /** `lo` and the NICs, as `ip addr` / `ip link` list them. */
  interfaceViews(): InterfaceView[] {
    const nics = this.nics().map((iface): InterfaceView => ({
      name: iface.name,
      kind: 'physical',
      adminUp: iface.adminUp,
      linkUp: iface.binding.lowerLayerUp(),
      lineProtocolUp: iface.operUp,
      mac: iface.mac,
      mtuBytes: iface.mtuBytes,
      bandwidthKbps: 1_000_000,
      ipv4: this.ipv4Views(iface),
      ipv6Enabled: iface.ipv6.enabled,
      ipv6: this.ipv6Views(iface),
      ipv6Groups: [...iface.ipv6.joinedGroups],
      counters: { inPackets: iface.counters.inPackets, inBytes: 0, outPackets: iface.counters.outPackets, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: iface.counters.drops },
      ifIndex: this.ifIndexOf(iface),
    }));
    return [this.loopbackView(), ...nics];
  }

  /** The main routing table of one family, in the kernel's order. */
  routeViews(family: AddressFamily): RouteView[] {
    const stack = this.device.stack;
    if (stack === null) return [];
    const now = this.device.simulator.nowNs;
    const views: RouteView[] = [];
    if (family === 'ipv4') {
      for (const iface of this.nics()) {
        if (!iface.operUp) continue;
        for (const a of iface.ipv4Addresses) {
          const network = ipv4NetworkPart(a.address, a.prefixLength);
          if (views.some((v) => v.prefix.network === network && v.prefix.length === a.prefixLength)) continue;
          views.push({ family, prefix: { family, network, length: a.prefixLength } as Ipv4Prefix, code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: iface.name }], source: a.address });
        }
      }
      for (const setting of this.config.routes.filter((r) => r.family === 'ipv4')) {
        const entry = (stack.find(IPV4_RIB)?.entries() ?? []).find((e) => e.route.source === 'static' && e.route.network === setting.network && e.route.prefixLength === setting.prefixLength && (e.route.nextHop ?? undefined) === setting.via);
        const iface = entry?.route.iface ?? entry?.resolvedIface ?? null;
        if (iface === null || !iface.operUp) continue;
        views.push({
          family,
          prefix: { family, network: setting.network as Ipv4Address, length: setting.prefixLength } as Ipv4Prefix,
          code: setting.prefixLength === 0 ? 'S*' : 'S',
          distance: 1,
          metric: setting.metric ?? 0,
          nextHops: [{ ...(setting.via !== undefined ? { address: setting.via } : {}), interfaceName: iface.name }],
        });
      }
      return views.sort((x, y) => (x.prefix.network as number) - (y.prefix.network as number) || x.prefix.length - y.prefix.length || x.metric - y.metric);
    }
    const rib = stack.find(IPV6_RIB);
    // The RA's Cur Hop Limit rides on the RA default route (`hoplimit 64`).
    const hopLimitOf = (iface: NetInterface): number | undefined => stack.find(ROUTER_DISCOVERY)?.learnedParameters(iface)?.curHopLimit;
    for (const entry of rib?.entries() ?? []) {
      const r: Route<Ipv6Address> = entry.route;
      const iface = r.iface ?? entry.resolvedIface;
      if (iface === null || !iface.operUp || iface.kind !== 'physical') continue;
      if (r.source === 'local') continue; // local table
      // An RA prefix already covered by an address's kernel route is that same route (one entry).
      if (r.source === 'nd-prefix' && rib!.routes().some((o) => o.source === 'connected' && o.network === r.network && o.prefixLength === r.prefixLength && o.iface === r.iface)) continue;
      let code: RouteView['code'];
      let metric: number;
      if (r.source === 'connected' || r.source === 'nd-prefix') {
        code = 'C';
        metric = KERNEL_ROUTE_METRIC;
      } else if (r.source === 'static') {
        const setting = this.config.routes.find((s) => s.family === 'ipv6' && s.network === r.network && s.prefixLength === r.prefixLength && s.via === (r.nextHop ?? undefined));
        code = 'S';
        metric = setting?.metric ?? USER_ROUTE_METRIC;
      } else if (r.source === 'nd') {
        code = 'ND';
        metric = r.metric === 0 ? USER_ROUTE_METRIC : r.metric;
      } else continue;
      views.push({
        family,
        prefix: { family, network: r.network, length: r.prefixLength } as Ipv6Prefix,
        code,
        distance: r.distance,
        metric,
        nextHops: [{ ...(r.nextHop !== null ? { address: r.nextHop } : {}), interfaceName: iface.name }],
        ...(r.expiresNs !== undefined && Number.isFinite(r.expiresNs) ? { expiresS: Math.max(0, Math.floor((r.expiresNs - now) / 1e9)) } : {}),
        ...(code === 'ND' && hopLimitOf(iface) !== undefined ? { hopLimit: hopLimitOf(iface) } : {}),
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
    const ipv6 = this.ipv6;
    if (ipv6 === undefined) return [];
    return this.nics().flatMap((iface) =>
      ipv6.neighbors.snapshot(iface).map((n): NeighborView => ({
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
    return this.nics().flatMap((iface) => dnsServersLearned(this.device, iface));
  }

  /** Broadcast address helper for views and `brd +`. */
  broadcastOf(address: Ipv4Address, prefixLength: number): Ipv4Address {
    return broadcastOf(address, prefixLength) as Ipv4Address;
  }
}

function defaultMetric(family: AddressFamily): number {
  return family === 'ipv4' ? 0 : USER_ROUTE_METRIC;
}
