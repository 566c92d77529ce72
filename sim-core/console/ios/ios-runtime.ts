/**
 * The IOS side of one simulated device: its structured configuration (the device's truth), the
 * saved startup-config, the console log (syslog lines with IOS's uptime timestamps, from virtual
 * time) and `debug` switches. Every configuration change goes through a method here that updates
 * the configuration and applies it to the device through its management API (sim-core/mgmt:
 * interfaces, addresses, static routes, VLANs), so the console, a loaded config text and the
 * programmatic builder change the device the same way. The static routes themselves are kept
 * by mgmt (one implementation for every dialect); the IOS configuration mirrors them.
 * Methods return undefined on success or the IOS message for a refused change (`% …`).
 *
 * IPv6 settings are kept in the configuration and applied through the IPv6 module when the
 * device has one (`ipv6Hooks`); until then `show ipv6 …` derives what IOS would show from the
 * configuration (ios-views.ts).
 * Leaves out: `interface range`, VTP, changing a subinterface's VLAN in place (IOS allows it;
 * here the subinterface is re-created).
 */
import type { Ipv4Address } from '../../addr/ipv4';
import { formatIpv4 } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import { ipv4NetworkPart, ipv6NetworkPart } from '../../addr/prefix';
import type { Device } from '../../devices/device';
import { resolveInterfaceName, type InterfaceRole } from '../../devices/interface-names';
import { NS_PER_S } from '../../engine/time';
import { managementOf, type DeviceManagement } from '../../mgmt/device-management';
import type { StaticRoute, StaticRouteProblem } from '../../mgmt/static-routes';
import { formatIosIpv6 } from '../output/ios/interfaces';
import { installIpv6Binding } from './ios-ipv6-binding';
import type { NeighborView } from '../views';
import { formatLineProtocolLog, formatLinkStateLog, formatIosLogTimestamp } from '../output/ios/log';
import { PrefixOverlapIndex } from './prefix-overlap-index';
import { cloneIosConfig, createInterfaceConfig, createIosConfig, type IosConfig, type IosInterfaceConfig, type IosStaticRoute4, type IosStaticRoute6 } from './ios-config';
import { formatConfigBody } from './running-config';

/** Where IPv6 settings go once the device has an IPv6 module (set by ios-ipv6-binding.ts). */
export interface Ipv6ConfigHooks {
  /** Re-applies the IPv6 settings of one interface (addresses, enable, MTU, ND/RA settings). */
  applyInterface(runtime: IosRuntime, config: IosInterfaceConfig): void;
  /** `ipv6 unicast-routing` changed. */
  applyUnicastRouting?(runtime: IosRuntime, on: boolean): void;
  /** The neighbour caches of every interface, for `show ipv6 neighbors`. */
  neighbors?(runtime: IosRuntime): NeighborView[];
  /** `clear ipv6 neighbors`. */
  clearNeighbors?(runtime: IosRuntime): void;
}

export type LogListener = (line: string) => void;

/** Delay between %LINK and %LINEPROTO messages, as IOS shows them (about a second apart). */
const LINEPROTO_DELAY_NS = NS_PER_S;

/** What a Catalyst prints when `switchport access vlan N` names a VLAN not in the database (a notice, not a refusal). */
export const ACCESS_VLAN_CREATED = '% Access VLAN does not exist. Creating vlan';

const runtimes = new WeakMap<Device, IosRuntime>();

/** The IOS runtime of a device (created with the factory configuration on first use). */
export function iosRuntimeOf(device: Device): IosRuntime {
  let runtime = runtimes.get(device);
  if (runtime === undefined) {
    runtime = new IosRuntime(device);
    installIpv6Binding(runtime);
    runtimes.set(device, runtime);
  }
  return runtime;
}

export class IosRuntime {
  config: IosConfig;
  /** `copy running-config startup-config` / `write memory` text (body from `!` to `end`). */
  startupConfig: string | undefined;
  readonly debug = { ipv6Nd: false };
  ipv6Hooks: Ipv6ConfigHooks | undefined;
  /**
   * While config text is loaded: the interfaces it names and those it sets `shutdown` /
   * `no shutdown` on (IOS reading a startup-config brings up every interface block without
   * `shutdown`, since running-config never prints `no shutdown`).
   */
  loading: { readonly named: Set<string>; readonly shutdownSet: Set<string> } | undefined;
  private logListeners: LogListener[] = [];
  /** Which static routes the configuration holds, so `ip route`/`ipv6 route` finds a repeat without a scan (100,000 lines stay linear). */
  private readonly ipv4Overlaps = new PrefixOverlapIndex<IosInterfaceConfig, Ipv4Address>({ networkOf: ipv4NetworkPart }, (i) => i.ipv4);
  private readonly ipv6Overlaps = new PrefixOverlapIndex<IosInterfaceConfig, Ipv6Address>({ networkOf: ipv6NetworkPart }, (i) => i.ipv6Addresses);
  private debugListeners: (() => void)[] = [];
  /** Virtual time of power-on (the device is built at time 0 in every lab). */
  private readonly bootNs = 0;

  /** The device's management API: every change to the device goes through it. */
  readonly mgmt: DeviceManagement;

  constructor(readonly device: Device) {
    this.config = createIosConfig(device.kind, device.name);
    this.mgmt = managementOf(device);
    this.followStaticRoutes();
    this.mgmt.observation.onLineProtocol((change) => {
      // `shutdown` drops the port's carrier before the stack hears of the admin change, so the
      // event may say 'carrier': the configuration tells which it was (IOS logs %LINK-5-CHANGED).
      const shut = this.config.interfaces.get(change.interfaceName)?.shutdown === true;
      this.logInterfaceChange(change.interfaceName, change.up, shut ? 'admin' : change.cause);
    });
  }

  get hostname(): string {
    return this.config.hostname;
  }

  // ---- log ----

  /** Subscribes a console to log lines (and `debug` output); returns the unsubscribe function. */
  onLog(listener: LogListener): () => void {
    this.logListeners = [...this.logListeners, listener];
    return () => {
      this.logListeners = this.logListeners.filter((l) => l !== listener);
    };
  }

  /** Virtual time since the device booted. */
  get uptimeNs(): number {
    return this.device.simulator.nowNs - this.bootNs;
  }

  /** Prints `*Mar  1 00:01:05.123: <message>` on every console, after the current command. */
  log(message: string, delayNs = 0): void {
    this.device.simulator.setTimer(delayNs, () => {
      const line = `${formatIosLogTimestamp(this.uptimeNs)}: ${message}`;
      for (const listener of this.logListeners) listener(line);
    });
  }

  /** Prints a line already formatted with its timestamp on every console, after the current command. */
  printLine(line: string, delayNs = 0): void {
    this.device.simulator.setTimer(delayNs, () => {
      for (const listener of this.logListeners) listener(line);
    });
  }

  private logInterfaceChange(name: string, up: boolean, cause: 'carrier' | 'admin'): void {
    if (this.logListeners.length === 0) return;
    const now = this.uptimeNs;
    if (!up && cause === 'admin') this.printLine(formatLinkStateLog(now, name, 'administratively down'));
    else this.printLine(formatLinkStateLog(now, name, up ? 'up' : 'down'));
    this.printLine(formatLineProtocolLog(now + LINEPROTO_DELAY_NS, name, up), LINEPROTO_DELAY_NS);
  }

  /** Runs `listener` when a debug switch changes (the IPv6 binding starts or stops its tap). */
  onDebugChange(listener: () => void): void {
    this.debugListeners.push(listener);
  }

  setDebugIpv6Nd(on: boolean): void {
    this.debug.ipv6Nd = on;
    for (const listener of this.debugListeners) listener();
  }

  /** Writes a debug line (`ICMPv6-ND: …`) with its timestamp on every console, after the current command. */
  debugLine(message: string): void {
    this.printLine(`${formatIosLogTimestamp(this.uptimeNs)}: ${message}`);
  }

  // ---- saved configuration ----

  saveStartupConfig(): void {
    this.startupConfig = formatConfigBody(this.config);
  }

  /** A copy of the configuration as it is now (tests, and `show archive`-like displays). */
  snapshot(): IosConfig {
    return cloneIosConfig(this.config);
  }

  // ---- global ----

  setHostname(name: string): void {
    this.config.hostname = name;
  }

  setIpRouting(on: boolean): string | undefined {
    if (!this.mgmt.hasIpStack) return undefined;
    this.config.ipRouting = on;
    this.mgmt.routing.setIpv4Forwarding(on);
    return undefined;
  }

  setIpv6UnicastRouting(on: boolean): void {
    this.config.ipv6UnicastRouting = on;
    this.mgmt.routing.setIpv6Forwarding(on);
    this.ipv6Hooks?.applyUnicastRouting?.(this, on);
    for (const i of this.config.interfaces.values()) this.applyIpv6(i);
  }

  // ---- interfaces ----

  /** Resolves a canonical interface name on this device kind. */
  roleOf(name: string): InterfaceRole | undefined {
    const resolved = resolveInterfaceName(this.device.kind, name, this.hostname);
    return resolved.ok ? resolved.value.role : undefined;
  }

  /** Whether the device has a layer-3 interface for a configured interface. */
  hasLayer3(name: string): boolean {
    return this.mgmt.interfaces.exists(name);
  }

  /**
   * `interface X`: the configuration entry, created (with the device's interface for loopbacks
   * and SVIs) when it does not exist yet.
   */
  openInterface(name: string): { ok: true; config: IosInterfaceConfig } | { ok: false; error: string } {
    this.loading?.named.add(name);
    const existing = this.config.interfaces.get(name);
    if (existing !== undefined) return { ok: true, config: existing };
    const role = this.roleOf(name);
    if (role === undefined || role === 'null' || role === 'tunnel' || role === 'bvi') return { ok: false, error: `% Interface ${name} cannot be configured on this device` };
    const config = createInterfaceConfig(this.device.kind, name, role);
    if (this.mgmt.interfaces.exists(name)) {
      // Made by the builder before this console knew of it: the configuration adopts it.
    } else if (role === 'loopback') {
      this.mgmt.interfaces.addLoopback(Number(name.slice('Loopback'.length)));
      if (this.logListeners.length > 0) this.printLine(formatLineProtocolLog(this.uptimeNs, name, true));
    } else if (role === 'vlan') {
      this.mgmt.interfaces.addSvi(Number(name.slice('Vlan'.length)), !config.shutdown);
    }
    this.config.interfaces.set(name, config);
    return { ok: true, config };
  }

  /** `no interface X` (loopbacks, subinterfaces, SVIs). */
  removeInterface(name: string): string | undefined {
    const config = this.config.interfaces.get(name);
    if (config === undefined) return undefined;
    if (config.role === 'physical') return '% Removal of physical interfaces is not permitted';
    // Its static routes go with it (from the RIB too), while it can still be named.
    this.mgmt.routing.statics.forgetInterface(name);
    this.mgmt.interfaces.remove(name);
    this.config.interfaces.delete(name);
    return undefined;
  }

  setDescription(i: IosInterfaceConfig, text: string | undefined): void {
    i.description = text;
    this.mgmt.interfaces.setDescription(i.name, text);
  }

  setShutdown(i: IosInterfaceConfig, shutdown: boolean): void {
    this.loading?.shutdownSet.add(i.name);
    i.shutdown = shutdown;
    const change = this.mgmt.interfaces.setAdminUp(i.name, !shutdown);
    if (change.kind !== 'switchport') return;
    // A switchport has no layer-3 interface to raise events: log its change here.
    if (shutdown) this.logInterfaceChange(i.name, false, 'admin');
    else if (!change.wasUp) this.logInterfaceChange(i.name, change.nowUp, 'carrier');
  }

  setMtu(i: IosInterfaceConfig, mtuBytes: number | undefined): void {
    i.mtuBytes = mtuBytes;
    this.mgmt.interfaces.setMtu(i.name, mtuBytes ?? 1500);
  }

  setDuplex(i: IosInterfaceConfig, duplex: IosInterfaceConfig['duplex']): void {
    i.duplex = duplex;
  }

  setSpeed(i: IosInterfaceConfig, speed: IosInterfaceConfig['speed']): void {
    i.speed = speed;
  }

  /** `encapsulation dot1Q N [native]` on a subinterface: creates (or re-creates) it on the device. */
  setEncapsulation(i: IosInterfaceConfig, vlan: number, native: boolean): string | undefined {
    if (i.role !== 'subinterface') return '% Encapsulation dot1Q is only configurable on subinterfaces here';
    const parent = i.name.slice(0, i.name.lastIndexOf('.'));
    for (const other of this.config.interfaces.values()) {
      if (other !== i && other.encapsulation?.vlan === vlan && other.name.startsWith(`${parent}.`)) {
        return `% Configuration of multiple subinterfaces of the same main\n% interface with the same VID (${vlan}) is not permitted.\n% This VID is already configured on ${other.name}.`;
      }
    }
    const interfaces = this.mgmt.interfaces;
    if (interfaces.exists(i.name)) interfaces.remove(i.name);
    i.encapsulation = { vlan, native };
    interfaces.addSubinterface(parent, Number(i.name.slice(parent.length + 1)), vlan, native);
    interfaces.setAdminUp(i.name, !i.shutdown);
    if (i.mtuBytes !== undefined) interfaces.setMtu(i.name, i.mtuBytes);
    for (const a of i.ipv4) this.mgmt.addresses.addIpv4(i.name, a.address, a.prefixLength, a.secondary);
    this.applyIpv6(i);
    return undefined;
  }

  /** `ip address A M [secondary]`. */
  setIpv4Address(i: IosInterfaceConfig, address: Ipv4Address, prefixLength: number, secondary: boolean): string | undefined {
    if (i.switchport !== undefined) return '% IP addresses may not be configured on L2 links.';
    if (i.role === 'subinterface' && i.encapsulation === undefined) {
      return '% Configuring IP routing on a LAN subinterface is only allowed if that\nsubinterface is already configured as part of an IEEE 802.10, IEEE 802.1Q,\nor ISL vLAN.';
    }
    if (prefixLength < 31) {
      const host = address & ~(prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0);
      const broadcast = (~(prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0)) >>> 0;
      if (host === 0 || host >>> 0 === broadcast) return `Bad mask /${prefixLength} for address ${formatIpv4(address)}`;
    }
    const network = ipv4NetworkPart(address, prefixLength);
    // The index says whether the scan below would find anything (so 10,000 interfaces stay linear).
    if (this.ipv4Overlaps.overlapsOther(this.config.interfaces.values(), i, address, prefixLength)) {
      for (const other of this.config.interfaces.values()) {
        if (other === i) continue;
        for (const a of other.ipv4) {
          const shorter = Math.min(a.prefixLength, prefixLength);
          if (ipv4NetworkPart(a.address, shorter) === ipv4NetworkPart(address, shorter)) return `% ${formatIpv4(network)} overlaps with ${other.name}`;
        }
      }
    }
    const entry = { address, prefixLength, secondary };
    if (secondary) {
      if (!i.ipv4.some((a) => !a.secondary)) return '% Secondary address is not allowed without a primary address';
      i.ipv4 = [...i.ipv4.filter((a) => a.address !== address), entry];
    } else {
      i.ipv4 = [entry, ...i.ipv4.filter((a) => a.secondary && a.address !== address)];
    }
    this.mgmt.addresses.addIpv4(i.name, entry.address, entry.prefixLength, entry.secondary);
    return undefined;
  }

  /** `no ip address [A M [secondary]]`. */
  removeIpv4Address(i: IosInterfaceConfig, address?: Ipv4Address): string | undefined {
    const gone = address === undefined ? i.ipv4 : i.ipv4.filter((a) => a.address === address);
    if (address !== undefined && gone.length === 0) return '% Address not found';
    const removingPrimary = gone.some((a) => !a.secondary);
    if (address !== undefined && removingPrimary && i.ipv4.some((a) => a.secondary)) return '% Must delete secondary before deleting primary';
    i.ipv4 = i.ipv4.filter((a) => !gone.includes(a));
    for (const a of gone) this.mgmt.addresses.removeIpv4(i.name, a.address);
    return undefined;
  }

  /** `no switchport` on an L3 switch port: it becomes a routed port. */
  makeRoutedPort(i: IosInterfaceConfig): string | undefined {
    if (i.switchport === undefined) return undefined;
    if (!this.mgmt.interfaces.hasPort(i.name) || this.device.kind !== 'l3-switch') return undefined;
    i.switchport = undefined;
    i.portfast = false;
    this.mgmt.interfaces.makeRouted(i.name, !i.shutdown);
    return undefined;
  }

  // ---- switchports and VLANs ----

  setSwitchport(i: IosInterfaceConfig, change: Partial<NonNullable<IosInterfaceConfig['switchport']>>): string | undefined {
    const sp = i.switchport;
    if (sp === undefined) return '% Command rejected: not a switchport';
    if (change.mode === 'trunk' && this.device.kind === 'l3-switch' && !sp.trunkEncapsulationDot1q && !change.trunkEncapsulationDot1q) {
      // A Catalyst 3750 refuses until the encapsulation is set; the lab accepts it (dot1q is the only one).
    }
    Object.assign(sp, change);
    let notice: string | undefined;
    // Catalyst creates a missing access VLAN (a missing native VLAN just carries nothing).
    if (change.accessVlan !== undefined && !this.config.vlans.has(change.accessVlan)) {
      this.addVlan(change.accessVlan);
      notice = `${ACCESS_VLAN_CREATED} ${change.accessVlan}`;
    }
    this.mgmt.switching.configureSwitchport(i.name, {
      mode: sp.mode ?? 'access',
      accessVlan: sp.accessVlan,
      nativeVlan: sp.nativeVlan,
      allowedVlans: sp.allowedVlans ?? allVlans(),
    });
    return notice;
  }

  setPortfast(i: IosInterfaceConfig, on: boolean): void {
    i.portfast = on;
  }

  /** `vlan N`: adds it to the VLAN database. */
  addVlan(id: number): void {
    if (!this.config.vlans.has(id)) this.config.vlans.set(id, { name: undefined });
    this.mgmt.switching.addVlan(id);
  }

  setVlanName(id: number, name: string | undefined): void {
    this.addVlan(id);
    this.config.vlans.get(id)!.name = name;
    this.mgmt.switching.setVlanName(id, name);
  }

  removeVlan(id: number): string | undefined {
    if (id === 1) return '%Default VLAN 1 may not be deleted.';
    this.config.vlans.delete(id);
    this.mgmt.switching.removeVlan(id);
    return undefined;
  }

  // ---- static routes (kept by mgmt; the configuration mirrors them for running-config) ----

  addIpRoute(route: IosStaticRoute4): string | undefined {
    const result = this.mgmt.routing.statics.addIpv4(toStaticRoute(route));
    return result.ok ? undefined : staticRouteMessage(result.problem, 4);
  }

  /** `no ip route P M [hop|if]`: every static to the prefix that matches what was given. */
  removeIpRoute(route: Omit<IosStaticRoute4, 'distance'>): string | undefined {
    const gone = this.mgmt.routing.statics.removeIpv4(toStaticRoute(route));
    return gone.length === 0 ? '%No matching route to delete' : undefined;
  }

  addIpv6Route(route: IosStaticRoute6): string | undefined {
    const result = this.mgmt.routing.statics.addIpv6(toStaticRoute({ ...route, network: route.prefix }));
    return result.ok ? undefined : staticRouteMessage(result.problem, 6);
  }

  removeIpv6Route(route: Omit<IosStaticRoute6, 'distance'>): string | undefined {
    const gone = this.mgmt.routing.statics.removeIpv6(toStaticRoute({ ...route, network: route.prefix }));
    return gone.length === 0 ? '% No matching route to delete' : undefined;
  }

  /**
   * The configuration's route lists follow mgmt's, in IOS's form (Null0 as an interface),
   * whoever changes them: this console, the builder, a loaded lab.
   */
  private followStaticRoutes(): void {
    const statics = this.mgmt.routing.statics;
    this.config.ipRoutes = statics.list('ipv4').map((r) => ({ network: r.network, ...fromStaticRoute(r) }));
    this.config.ipv6Routes = statics.list('ipv6').map((r) => ({ prefix: r.network, ...fromStaticRoute(r) }));
    statics.onChange((change) => {
      if (change.family === 'ipv4') {
        if (change.kind === 'added') this.config.ipRoutes.push({ network: change.route.network, ...fromStaticRoute(change.route) });
        else this.config.ipRoutes = withoutRoute(this.config.ipRoutes, change.route, (r) => r.network);
      } else if (change.kind === 'added') this.config.ipv6Routes.push({ prefix: change.route.network, ...fromStaticRoute(change.route) });
      else this.config.ipv6Routes = withoutRoute(this.config.ipv6Routes, change.route, (r) => r.prefix);
    });
  }

  // ---- IPv6 ----

  /** Applies an interface's IPv6 settings to the device (through the IPv6 module, when present). */
  applyIpv6(i: IosInterfaceConfig): void {
    if (!this.mgmt.interfaces.exists(i.name)) return;
    this.mgmt.interfaces.setIpv6Mtu(i.name, i.ipv6MtuBytes);
    this.ipv6Hooks?.applyInterface(this, i);
  }

  /** Whether IPv6 is on for an interface by configuration (an address, `ipv6 enable`, autoconfig). */
  ipv6ConfiguredOn(i: IosInterfaceConfig): boolean {
    return i.ipv6Enable || i.ipv6Addresses.length > 0 || i.ipv6LinkLocal !== undefined || i.ipv6Autoconfig !== undefined;
  }

  /** Checks an IPv6 address against the other interfaces (IOS refuses a prefix used elsewhere). */
  ipv6OverlapOf(i: IosInterfaceConfig, address: Ipv6Address, prefixLength: number): string | undefined {
    // The index says whether the scan below would find anything (so 10,000 interfaces stay linear).
    if (!this.ipv6Overlaps.overlapsOther(this.config.interfaces.values(), i, address, prefixLength)) return undefined;
    for (const other of this.config.interfaces.values()) {
      if (other === i) continue;
      for (const a of other.ipv6Addresses) {
        const shorter = Math.min(a.prefixLength, prefixLength);
        if (ipv6NetworkPart(a.address, shorter) === ipv6NetworkPart(address, shorter)) {
          const mine = `${formatIosIpv6(ipv6NetworkPart(address, prefixLength))}/${prefixLength}`;
          const theirs = `${formatIosIpv6(ipv6NetworkPart(a.address, a.prefixLength))}/${a.prefixLength}`;
          return `% ${i.name}: Error: ${mine} is overlapping with ${theirs} on ${other.name}`;
        }
      }
    }
    return undefined;
  }
}

/** An IOS static route (Null0 written as the interface) as mgmt keeps it (Null0 as discard). */
function toStaticRoute<A>(route: { readonly network: A; readonly prefixLength: number; readonly nextHop?: A; readonly interfaceName?: string; readonly distance?: number }): StaticRoute<A> {
  const discard = route.interfaceName === 'Null0';
  return {
    network: route.network,
    prefixLength: route.prefixLength,
    ...(route.nextHop !== undefined ? { nextHop: route.nextHop } : {}),
    ...(route.interfaceName !== undefined && !discard ? { interfaceName: route.interfaceName } : {}),
    ...(discard ? { discard: true } : {}),
    ...(route.distance !== undefined ? { distance: route.distance } : {}),
  };
}

function fromStaticRoute<A>(route: StaticRoute<A>): { prefixLength: number; nextHop: A | undefined; interfaceName: string | undefined; distance: number | undefined } {
  return { prefixLength: route.prefixLength, nextHop: route.nextHop, interfaceName: route.discard === true ? 'Null0' : route.interfaceName, distance: route.distance };
}

/** The IOS routes other than `gone` (mgmt's route, compared field by field). */
function withoutRoute<R extends { readonly prefixLength: number; readonly nextHop: A | undefined; readonly interfaceName: string | undefined }, A>(routes: readonly R[], gone: StaticRoute<A>, networkOf: (r: R) => A): R[] {
  const g = fromStaticRoute(gone);
  return routes.filter((r) => !(networkOf(r) === gone.network && r.prefixLength === g.prefixLength && r.nextHop === g.nextHop && r.interfaceName === g.interfaceName));
}

/** What IOS prints for a refused `ip route` (4) or `ipv6 route` (6). */
function staticRouteMessage(problem: StaticRouteProblem, family: 4 | 6): string {
  switch (problem.kind) {
    case 'no-routing-table':
      return family === 4 ? '% IP routing table not available' : '% IPv6 routing table not available';
    case 'inconsistent-mask':
      return '%Inconsistent address and mask';
    case 'no-such-interface':
      return `% Interface ${problem.interfaceName} has no ${family === 4 ? 'IP' : 'IPv6'} layer`;
    case 'refused':
      return family === 4 ? `%${problem.message}` : `% ${problem.message}`;
  }
}

function allVlans(): number[] {
  const out: number[] = [];
  for (let v = 1; v <= 4094; v++) out.push(v);
  return out;
}
