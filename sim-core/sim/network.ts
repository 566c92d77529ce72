/**
 * The programmatic API of the simulator: build a network in code (devices by kind and name,
 * links between ports with delay/bandwidth/MTU), configure it (interfaces, addresses, routes,
 * switchports, subinterfaces, SVIs), run it on virtual time, ask it questions (interfaces,
 * ARP caches, routes, MAC tables, spanning tree, counters), capture any port, and hash the
 * trace. Endpoints read like lab files and containerlab: `R1:GigabitEthernet0/0`; interface
 * names may be abbreviated as on IOS (`R1:g0/0`), resolved by devices/interface-names.ts.
 * Configuration goes through each device's management API (sim-core/mgmt), the same one the
 * consoles and the lab loader use, so tests and the product take one path; this file only adds
 * names and checks.
 * Errors in what a caller asks (unknown device, bad address) throw `NetworkError` with a
 * message for a person: this API is for code (tests, the lab loader), not for untrusted text.
 * Devices and links may be added and removed while the network runs (an edit of the lab): a
 * removed device's cables are pulled first, so its neighbours see carrier loss, and its name and
 * MAC block are free again.
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from '../addr/ipv4';
import type { MacAddress } from '../addr/mac';
import { interfaceIdFromMac } from '../addr/eui64';
import { parseIpv6, type Ipv6Address } from '../addr/ipv6';
import { ipv6NetworkPart, parseIpv4Interface, parseIpv4Prefix, parseIpv6Interface, parseIpv6Prefix } from '../addr/prefix';
import { Simulator, type RunResult } from '../engine/simulator';
import type { TimeNs } from '../engine/time';
import type { TraceOptions } from '../engine/trace';
import { isDeviceKind, type DeviceKind } from '../devices/catalog';
import { composeDevice } from '../devices/compose-device';
import type { Device, SwitchportConfig } from '../devices/device';
import { resolveInterfaceName } from '../devices/interface-names';
import { Link, type LinkOptions } from '../link/link';
import { managementOf } from '../mgmt/device-management';
import type { StaticRouteProblem } from '../mgmt/static-routes';
import type { ArpEntry } from '../stack/arp';
import type { MacTableEntry } from '../stack/bridge';
import type { Ipv4Route } from '../stack/ipv4-fib';
import type { NetInterface } from '../stack/net-interface';
import type { Port, TappedFrame } from '../stack/port';
import type { StpStatus } from '../stack/spanning-tree';
import type { Ipv6AddressSnapshot, Ipv6Layer } from '../stack/ipv6/ipv6-layer';
import type { NeighborSnapshot } from '../stack/ipv6/neighbor-cache';
import type { PathMtuEntry } from '../stack/ipv6/path-mtu';
import type { Ipv6Route } from '../stack/routing/ipv6-fib';
import { IPV4_RIB } from '../stack/routing/ipv4-rib';
import { IPV6_RIB } from '../stack/routing/ipv6-rib';
import type { RibEntry } from '../stack/routing/route';

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export interface NetworkOptions {
  /** Seed of every random choice: required, so every run can be replayed. */
  readonly seed: number;
  readonly eventBudget?: number;
  readonly trace?: TraceOptions;
}

export interface InterfaceSummary {
  readonly name: string;
  readonly kind: NetInterface['kind'];
  readonly adminUp: boolean;
  /** Line protocol: admin up and carrier. */
  readonly up: boolean;
  readonly mac: MacAddress;
  readonly mtuBytes: number;
  /** `192.0.2.1/24`, primary first. */
  readonly ipv4: readonly string[];
}

export interface StaticRouteOptions {
  /** Next-hop address text. */
  readonly nextHop?: string;
  /** Exit interface name (may be abbreviated). */
  readonly iface?: string;
  /** Administrative distance (default 1; a floating static uses more). */
  readonly distance?: number;
  /** Route to Null0 (discard). */
  readonly discard?: boolean;
}

/** A live capture of one port: frames in order, with virtual time, ready for the pcapng writer. */
export interface PortCapture {
  /** `R1 GigabitEthernet0/0`, the pcapng if_name. */
  readonly interfaceName: string;
  readonly frames: TappedFrame[];
  stop(): void;
}

/** OUIs by kind, so MACs look like the gear they imitate (EUI-64 addresses too). */
const OUI: Readonly<Record<DeviceKind, number>> = {
  router: 0x001e7a, // Cisco Systems
  'l3-switch': 0x001e7a,
  switch: 0x001e7a,
  'access-point': 0x001e7a,
  pc: 0x001b21, // Intel Corporate
  server: 0x525400, // the KVM/QEMU virtual NIC a Linux VM shows
};
/** MACs reserved per device: the base (SVIs, bridge id) and one per port. */
const MACS_PER_DEVICE = 64;

function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class Network {
  readonly simulator: Simulator;
  private readonly devices = new Map<string, Device>();
  private readonly links: Link[] = [];
  private readonly usedMacBlocks = new Set<number>();

  constructor(options: NetworkOptions) {
    this.simulator = new Simulator(options);
  }

  get nowNs(): TimeNs {
    return this.simulator.nowNs;
  }

  // ---- building ----

  /** Adds a powered-on device. The name is its hostname and its trace name. */
  addDevice(kind: DeviceKind, name: string): Device {
    if (!isDeviceKind(kind)) throw new NetworkError(`unknown device kind '${String(kind)}'`);
    if (name === '' || name.includes(':')) throw new NetworkError(`device name '${name}' must be non-empty and have no ':'`);
    if (this.devices.has(name)) throw new NetworkError(`there is already a device named ${name}`);
    // MACs depend on the name only (not on the seed or on other devices), unless two collide.
    let block = (hashName(name) >>> 6) & 0x3ffff;
    while (this.usedMacBlocks.has(block)) block = (block + 1) & 0x3ffff;
    this.usedMacBlocks.add(block);
    const baseMac = (OUI[kind] * 0x1000000 + block * MACS_PER_DEVICE) as MacAddress;
    const device = composeDevice(this.simulator, kind, name, baseMac);
    this.devices.set(name, device);
    return device;
  }

  device(name: string): Device {
    const device = this.devices.get(name);
    if (device === undefined) throw new NetworkError(`there is no device named ${name}`);
    return device;
  }

  allDevices(): Device[] {
    return [...this.devices.values()];
  }

  /**
   * Takes a device out of the running network: every cable on it is removed (the far ends lose
   * carrier, frames in flight are lost), then the device is forgotten. Its timers may still
   * fire, but with no cable nothing it sends leaves it.
   */
  removeDevice(name: string): void {
    const device = this.device(name);
    for (const link of this.links.filter((l) => l.a.device === name || l.b.device === name)) this.disconnect(link);
    this.devices.delete(name);
    this.usedMacBlocks.delete(Math.floor((device.baseMac - OUI[device.kind] * 0x1000000) / MACS_PER_DEVICE));
  }

  /** Cables two ports: `connect('R1:g0/0', 'SW1:Gi1/0/1', { delayNs, bandwidthBps, mtuBytes })`. */
  connect(a: string, b: string, options: LinkOptions = {}): Link {
    const portA = this.freePort(a);
    const portB = this.freePort(b);
    if (portA.device === portB.device && portA === portB) throw new NetworkError(`cannot cable ${a} to itself`);
    const link = new Link(this.simulator, portA, portB, options);
    if (options.mtuBytes !== undefined) {
      // A link MTU configures both ends, as `mtu` on both interfaces would.
      for (const port of [portA, portB]) managementOf(this.device(port.device)).interfaces.setMtu(port.name, options.mtuBytes);
    }
    this.links.push(link);
    return link;
  }

  /** The link cabled to an endpoint. */
  linkAt(endpoint: string): Link {
    const { port } = this.resolvePort(endpoint);
    const link = this.links.find((l) => l.a === port || l.b === port);
    if (link === undefined) throw new NetworkError(`${endpoint} is not cabled`);
    return link;
  }

  /** Removes a cable: both ports lose carrier and are free for another one. */
  disconnect(link: Link): void {
    const index = this.links.indexOf(link);
    if (index < 0) throw new NetworkError(`that link (${link.a.device} ${link.a.name} – ${link.b.device} ${link.b.name}) is not in this network`);
    this.links.splice(index, 1);
    link.detach();
  }

  unplug(endpoint: string): void {
    this.linkAt(endpoint).unplug();
  }

  replug(endpoint: string): void {
    this.linkAt(endpoint).replug();
  }

  // ---- configuring ----

  /** The layer-3 interface at an endpoint (`R1:Gi0/0.10`, `CORE1:Vlan10`, `PC1:Ethernet0`). */
  interfaceAt(endpoint: string): NetInterface {
    const { device, name } = this.resolveName(endpoint);
    const iface = device.interface(name);
    if (iface === undefined) throw new NetworkError(`${device.name} has no layer-3 interface ${name}`);
    return iface;
  }

  /** `no shutdown` / `shutdown` on an interface or switchport. */
  setUp(endpoint: string, up: boolean): void {
    const { device, name } = this.resolveName(endpoint);
    const change = managementOf(device).interfaces.setAdminUp(name, up);
    if (change.kind === 'unknown') throw new NetworkError(`${device.name} has no interface ${name}`);
  }

  /** `ip address 192.0.2.1 255.255.255.0` written as `192.0.2.1/24`; add `secondary` for more. */
  addIpv4Address(endpoint: string, addressWithLength: string, secondary = false): void {
    const parsed = parseIpv4Interface(addressWithLength);
    if (!parsed.ok) throw new NetworkError(parsed.error);
    const iface = this.interfaceAt(endpoint);
    managementOf(this.resolveName(endpoint).device).addresses.addIpv4(iface.name, parsed.value.address, parsed.value.length, secondary);
  }

  /** `ip route P M next-hop|interface [distance]`, or a host's gateway when prefix is 0.0.0.0/0. */
  addIpv4Route(deviceName: string, prefix: string, options: StaticRouteOptions): void {
    const device = this.device(deviceName);
    if (device.ipv4 === null) throw new NetworkError(`${deviceName} has no IP stack`);
    const parsed = parseIpv4Prefix(prefix);
    if (!parsed.ok) throw new NetworkError(parsed.error);
    let nextHop: Ipv4Address | null = null;
    if (options.nextHop !== undefined) {
      const hop = parseIpv4(options.nextHop);
      if (!hop.ok) throw new NetworkError(hop.error);
      nextHop = hop.value;
    }
    const iface = options.iface === undefined ? null : this.interfaceAt(`${deviceName}:${options.iface}`);
    if (!options.discard && nextHop === null && iface === null) throw new NetworkError('a static route needs a next hop, an interface, or discard');
    const added = managementOf(device).routing.statics.addIpv4({
      network: parsed.value.network,
      prefixLength: parsed.value.length,
      ...(nextHop !== null ? { nextHop } : {}),
      ...(iface !== null ? { interfaceName: iface.name } : {}),
      ...(options.distance !== undefined ? { distance: options.distance } : {}),
      ...(options.discard === true ? { discard: true } : {}),
    });
    if (!added.ok) throw new NetworkError(`${deviceName}: static route ${prefix}: ${describeProblem(added.problem)}`);
  }

  /** `ipv6 route P next-hop|interface [next-hop] [distance]` (a link-local next hop needs the interface). */
  addIpv6Route(deviceName: string, prefix: string, options: StaticRouteOptions): void {
    const device = this.device(deviceName);
    if (device.stack === null) throw new NetworkError(`${deviceName} has no IP stack`);
    const parsed = parseIpv6Prefix(prefix);
    if (!parsed.ok) throw new NetworkError(parsed.error);
    let nextHop;
    if (options.nextHop !== undefined) {
      const hop = parseIpv6(options.nextHop);
      if (!hop.ok) throw new NetworkError(hop.error);
      nextHop = hop.value;
    }
    const iface = options.iface === undefined ? undefined : this.interfaceAt(`${deviceName}:${options.iface}`);
    const added = managementOf(device).routing.statics.addIpv6({
      network: parsed.value.network,
      prefixLength: parsed.value.length,
      ...(nextHop !== undefined ? { nextHop } : {}),
      ...(iface !== undefined ? { interfaceName: iface.name } : {}),
      ...(options.distance !== undefined ? { distance: options.distance } : {}),
      ...(options.discard === true ? { discard: true } : {}),
    });
    if (!added.ok) throw new NetworkError(added.problem.kind === 'refused' ? added.problem.message : `${deviceName}: static route ${prefix}: ${describeProblem(added.problem)}`);
  }

  /**
   * `ipv6 address 2001:db8::1/64` (or `FE80::1/64` for a link-local): the address starts
   * tentative and becomes preferred when DAD passes. `eui64` forms the identifier from the MAC.
   */
  addIpv6Address(endpoint: string, addressWithLength: string, options: { readonly eui64?: boolean; readonly noDad?: boolean } = {}): void {
    const parsed = parseIpv6Interface(addressWithLength);
    if (!parsed.ok) throw new NetworkError(parsed.error);
    const iface = this.interfaceAt(endpoint);
    const address = options.eui64 ? ((ipv6NetworkPart(parsed.value.address, 64) | interfaceIdFromMac(iface.mac)) as Ipv6Address) : parsed.value.address;
    this.ipv6Of(endpoint);
    managementOf(this.resolveName(endpoint).device).addresses.addIpv6(iface.name, {
      address,
      prefixLength: parsed.value.length,
      origin: options.eui64 ? 'eui64-static' : 'static',
      ...(options.noDad !== undefined ? { noDad: options.noDad } : {}),
    });
  }

  /** `ipv6 enable` / `no ipv6 enable` on an interface (the link-local address appears). */
  setIpv6Enabled(endpoint: string, on: boolean): void {
    const iface = this.interfaceAt(endpoint);
    this.ipv6Of(endpoint);
    managementOf(this.resolveName(endpoint).device).addresses.setIpv6Enabled(iface.name, on);
  }

  /** `ipv6 unicast-routing` / `no ipv6 unicast-routing`. */
  setIpv6Routing(deviceName: string, on: boolean): void {
    const device = this.device(deviceName);
    if (device.stack === null) throw new NetworkError(`${deviceName} has no IP stack`);
    const mgmt = managementOf(device);
    mgmt.routing.setIpv6Forwarding(on);
    // RAs start (or a final one with lifetime 0 goes out) as on IOS.
    mgmt.routerAdvertisements.refresh();
  }

  /** A host's default gateway (`ipconfig` Default Gateway, `ip route add default via`). */
  setDefaultGateway(deviceName: string, gateway: string): void {
    this.addIpv4Route(deviceName, '0.0.0.0/0', { nextHop: gateway });
  }

  /** `ip routing` / `no ip routing`. */
  setIpv4Routing(deviceName: string, on: boolean): void {
    const device = this.device(deviceName);
    if (device.stack === null) throw new NetworkError(`${deviceName} has no IP stack`);
    managementOf(device).routing.setIpv4Forwarding(on);
  }

  configureSwitchport(endpoint: string, config: SwitchportConfig): void {
    const { device, name } = this.resolveName(endpoint);
    managementOf(device).switching.configureSwitchport(name, config);
  }

  /** `interface Gi0/0.10` + `encapsulation dot1Q 10`: endpoint names the subinterface. */
  addSubinterface(endpoint: string, vlan: number, native = false): NetInterface {
    const { device, name } = this.resolveName(endpoint);
    const dot = name.lastIndexOf('.');
    if (dot < 0) throw new NetworkError(`${name} is not a subinterface name (expected e.g. GigabitEthernet0/0.10)`);
    managementOf(device).interfaces.addSubinterface(name.slice(0, dot), Number(name.slice(dot + 1)), vlan, native);
    return this.interfaceAt(`${device.name}:${name}`);
  }

  /** `interface Vlan<N>` on an L3 switch (up: `no shutdown` included). */
  addSvi(deviceName: string, vlan: number): NetInterface {
    managementOf(this.device(deviceName)).interfaces.addSvi(vlan, true);
    return this.interfaceAt(`${deviceName}:Vlan${vlan}`);
  }

  addLoopback(deviceName: string, number: number): NetInterface {
    managementOf(this.device(deviceName)).interfaces.addLoopback(number);
    return this.interfaceAt(`${deviceName}:Loopback${number}`);
  }

  // ---- running ----

  runFor(durationNs: number): RunResult {
    return this.simulator.runFor(durationNs);
  }

  runUntil(timeNs: TimeNs): RunResult {
    return this.simulator.runUntil(timeNs);
  }

  runUntilIdle(): RunResult {
    return this.simulator.runUntilIdle();
  }

  // ---- asking ----

  interfaces(deviceName: string): InterfaceSummary[] {
    const stack = this.device(deviceName).stack;
    if (stack === null) return [];
    return stack.interfaces.map((iface) => ({
      name: iface.name,
      kind: iface.kind,
      adminUp: iface.adminUp,
      up: iface.operUp,
      mac: iface.mac,
      mtuBytes: iface.mtuBytes,
      ipv4: iface.ipv4Addresses.map((entry) => `${formatIpv4(entry.address)}/${entry.prefixLength}`),
    }));
  }

  arpTable(endpoint: string): ArpEntry[] {
    const device = this.resolveName(endpoint).device;
    return device.arp === null ? [] : device.arp.entries(this.interfaceAt(endpoint));
  }

  ipv4Routes(deviceName: string): Ipv4Route[] {
    return this.device(deviceName).ipv4?.fib.routes() ?? [];
  }

  /** Every IPv6 route of the device's RIB (installed or not). */
  ipv6Routes(deviceName: string): Ipv6Route[] {
    return this.device(deviceName).stack?.find(IPV6_RIB)?.routes() ?? [];
  }

  /** The RIB with selection and resolution (`show ip route` / `show ipv6 route`, `route print`, `ip -6 route`). */
  ribEntries(deviceName: string, family: 4 | 6): RibEntry<unknown>[] {
    const stack = this.device(deviceName).stack;
    if (stack === null) return [];
    return family === 4 ? (stack.find(IPV4_RIB)?.entries() ?? []) : (stack.find(IPV6_RIB)?.entries() ?? []);
  }

  /** The IPv6 addresses of an interface with state, origin and remaining lifetimes (link-local first). */
  ipv6Addresses(endpoint: string): Ipv6AddressSnapshot[] {
    return this.ipv6Of(endpoint).addresses(this.interfaceAt(endpoint));
  }

  /** The IPv6 neighbour cache of an interface (`show ipv6 neighbors`, `ip -6 neigh`, `netsh … show neighbors`). */
  ipv6Neighbors(endpoint: string): NeighborSnapshot[] {
    return this.ipv6Of(endpoint).neighbors.snapshot(this.interfaceAt(endpoint));
  }

  /** The Path MTU cache of a device (RFC 8201; `show ipv6 mtu`). */
  pathMtuCache(deviceName: string): PathMtuEntry[] {
    return this.device(deviceName).ipv6?.pathMtu.entries() ?? [];
  }

  macTable(deviceName: string): MacTableEntry[] {
    return this.device(deviceName).bridge?.macTableEntries() ?? [];
  }

  spanningTree(deviceName: string): StpStatus | undefined {
    return this.device(deviceName).spanningTree?.status();
  }

  /** Starts capturing the frames of a port (both directions). */
  capture(endpoint: string): PortCapture {
    const { port } = this.resolvePort(endpoint);
    const frames: TappedFrame[] = [];
    const stop = port.addTap((frame) => frames.push(frame));
    return { interfaceName: `${port.device} ${port.name}`, frames, stop };
  }

  /** The trace hash: equal seeds and equal actions give equal hashes. */
  traceHash(): string {
    return this.simulator.trace.hash();
  }

  // ---- names ----

  private resolveName(endpoint: string): { device: Device; name: string } {
    const colon = endpoint.indexOf(':');
    if (colon <= 0) throw new NetworkError(`'${endpoint}' is not an endpoint; write device:interface, e.g. R1:GigabitEthernet0/0`);
    const device = this.device(endpoint.slice(0, colon));
    const resolved = resolveInterfaceName(device.kind, endpoint.slice(colon + 1), device.name);
    if (!resolved.ok) throw new NetworkError(resolved.error);
    return { device, name: resolved.value.name };
  }

  private ipv6Of(endpoint: string): Ipv6Layer {
    const device = this.resolveName(endpoint).device;
    if (device.ipv6 === null) throw new NetworkError(`${device.name} has no IPv6 stack`);
    return device.ipv6;
  }

  private resolvePort(endpoint: string): { device: Device; port: Port } {
    const { device, name } = this.resolveName(endpoint);
    const port = device.port(name);
    if (port === undefined) throw new NetworkError(`${device.name} ${name} is not a physical port`);
    return { device, port };
  }

  private freePort(endpoint: string): Port {
    const { device, name } = this.resolveName(endpoint);
    if (device.port(name) === undefined) throw new NetworkError(`${device.name} ${name} is not a physical port`);
    const port = device.portForLink(name);
    if (port === undefined) throw new NetworkError(`${device.name} ${name} is already cabled`);
    return port;
  }
}

/** A refused static route in words for the programmer who asked for it. */
function describeProblem(problem: StaticRouteProblem): string {
  switch (problem.kind) {
    case 'no-routing-table':
      return 'the device has no routing table of that family';
    case 'no-such-interface':
      return `there is no layer-3 interface ${problem.interfaceName}`;
    case 'inconsistent-mask':
      return 'the network has host bits set';
    case 'refused':
      return problem.message;
  }
}
