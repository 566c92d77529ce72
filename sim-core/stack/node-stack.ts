/**
 * The per-device stack hub: the interface table with the link adapter of each interface,
 * interface events (up/down, addresses), the IP input entry points, and a registry where
 * protocol modules find each other. It knows no protocol: ARP, IPv4, IPv6 and everything later
 * register here (see docs/simulator.md, "extension points").
 *
 * Every interface owns a link adapter (link-adapter.ts): Ethernet (ethernet-link.ts, with the
 * EtherType dispatch, ARP and ND resolution) for ports, subinterfaces and SVIs, a loopback
 * adapter, a Null0 adapter, or one given by its creator (tunnels). The IP layers send through
 * `iface.adapter` and receive from `receiveIp`, so they never know what carries them.
 * `receiveFrame`, `sendFrame` and `registerEtherType` are the Ethernet adapter's, kept here
 * for the device and the Ethernet-only modules (ARP, Neighbor Discovery).
 * Leaves out: promiscuous mode, 802.3 LLC frames (STP is handled by the bridge, not here).
 */
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';
import type { TimeNs } from '../engine/time';
import type { DropReason } from '../engine/trace';
import type { EthernetFrame } from '../wire/ethernet';
import { EthernetLink, type EtherTypeHandler } from './ethernet-link';
import { LoopbackAdapter, NullAdapter, type LinkAdapter } from './link-adapter';
import type { NodeContext } from './node-context';
import { personalityOf, type StackFlavour, type StackPersonality } from './personality';
import { DataKey, NetInterface, type Ipv4InterfaceAddress, type Ipv6InterfaceAddress } from './net-interface';

export type { StackFlavour } from './personality';

export type { EtherTypeHandler } from './ethernet-link';

/** Handles an IP packet (its first byte the version) that an interface's adapter carried in. */
export type IpInputHandler = (iface: NetInterface, packet: Uint8Array) => void;

export type InterfaceEvent =
  | { readonly kind: 'added'; readonly iface: NetInterface }
  /** Operational state changed: admin state and carrier together (IOS "line protocol"). */
  | { readonly kind: 'up' | 'down'; readonly iface: NetInterface; readonly cause: 'carrier' | 'admin' }
  | { readonly kind: 'ipv4-address-added' | 'ipv4-address-removed'; readonly iface: NetInterface; readonly address: Ipv4InterfaceAddress }
  | { readonly kind: 'ipv6-address-added' | 'ipv6-address-removed' | 'ipv6-address-changed'; readonly iface: NetInterface; readonly address: Ipv6InterfaceAddress }
  | { readonly kind: 'mtu-changed'; readonly iface: NetInterface };

export type InterfaceListener = (event: InterfaceEvent) => void;

/**
 * Something the device's OS reports to its operator (an IOS syslog message, a Linux kernel line,
 * a Windows event): data only, the console writes the text in the OS's words. Modules name their
 * kinds in kebab-case, e.g. `ipv6-duplicate-address` (duplicate-address-detection.ts).
 */
export interface DeviceLogEvent {
  readonly timeNs: TimeNs;
  readonly kind: string;
  readonly interfaceName?: string;
  readonly ipv6Address?: Ipv6Address;
  readonly macAddress?: MacAddress;
}

export type DeviceLogListener = (event: DeviceLogEvent) => void;

/** Log events kept per device (IOS `logging buffered` keeps a bounded buffer too). */
const LOG_BUFFER_LIMIT = 256;

export class NodeStack {
  readonly interfaces: NetInterface[] = [];
  private readonly byName = new Map<string, NetInterface>();
  /** The Ethernet adapter of the stack's Ethernet interfaces (and the Ethernet ingress). */
  readonly ethernet: EthernetLink;
  private readonly loopbackAdapter: LinkAdapter;
  private readonly nullAdapter: LinkAdapter;
  private ipv4Input: IpInputHandler | null = null;
  private ipv6Input: IpInputHandler | null = null;
  private listeners: InterfaceListener[] = [];
  private logListeners: DeviceLogListener[] = [];
  /** The most recent log events, oldest first (`show logging`). */
  readonly logBuffer: DeviceLogEvent[] = [];
  private readonly services = new Map<DataKey<unknown>, unknown>();
  private nextIfIndex = 1;
  /** Routes IPv4 packets between interfaces (`ip routing`; on by default on IOS routers). */
  ipv4Forwarding = false;
  /** Routes IPv6 packets (`ipv6 unicast-routing`; off by default on IOS). */
  ipv6Forwarding = false;

  constructor(
    readonly context: NodeContext,
    /** The OS the device imitates (consoles pick their dialect by it; modules read `personality`). */
    readonly flavour: StackFlavour,
    /** The OS's defaults (personality.ts); by default the one of `flavour`. */
    readonly personality: StackPersonality = personalityOf(flavour),
  ) {
    this.ethernet = new EthernetLink(this);
    this.loopbackAdapter = new LoopbackAdapter(this);
    this.nullAdapter = new NullAdapter(this);
  }

  /**
   * Whether an address of `iface` counts as this device's own (for packets to it and from it).
   * On IOS only while the interface is up: its connected and local (receive) routes go when it
   * is down, so a packet to that address is routed like any other and a ping to it fails, even
   * from the router itself. Linux and Windows hosts keep their addresses (weak host).
   */
  ownsAddressesOf(iface: NetInterface): boolean {
    return this.personality.addresses.ownWhileDown || iface.operUp;
  }

  // ---- interfaces ----

  /**
   * Creates and registers an interface; ifIndex values count up from 1. Its link adapter is
   * `adapter` when given (a tunnel), else the one of its kind (loopback, Null0, Ethernet).
   */
  addInterface(name: string, kind: NetInterface['kind'], mac: MacAddress, binding: NetInterface['binding'], adminUp: boolean, adapter?: LinkAdapter): NetInterface {
    if (this.byName.has(name)) throw new Error(`${this.context.deviceName}: interface ${name} already exists`);
    const iface = new NetInterface(name, kind, this.nextIfIndex++, mac, binding, adminUp);
    iface.adapter = adapter ?? (kind === 'loopback' ? this.loopbackAdapter : kind === 'null' ? this.nullAdapter : this.ethernet);
    this.interfaces.push(iface);
    this.byName.set(name, iface);
    iface.operUp = iface.computeOperUp();
    this.emit({ kind: 'added', iface });
    return iface;
  }

  /** Removes an interface (`no interface GigabitEthernet0/0.10`); it goes down first. */
  removeInterface(iface: NetInterface): void {
    if (iface.operUp) {
      iface.operUp = false;
      this.emit({ kind: 'down', iface, cause: 'admin' });
    }
    for (const address of [...iface.ipv4Addresses]) this.removeIpv4Address(iface, address.address);
    this.interfaces.splice(this.interfaces.indexOf(iface), 1);
    this.byName.delete(iface.name);
  }

  interfaceByName(name: string): NetInterface | undefined {
    return this.byName.get(name);
  }

  interfaceByIndex(ifIndex: number): NetInterface | undefined {
    return this.interfaces.find((iface) => iface.ifIndex === ifIndex);
  }

  /** `shutdown` / `no shutdown` on an interface. */
  setAdminUp(iface: NetInterface, up: boolean): void {
    iface.adminUp = up;
    this.refreshInterface(iface, 'admin');
  }

  /** Re-evaluates the operational state (the device calls it on carrier change) and tells listeners. */
  refreshInterface(iface: NetInterface, cause: 'carrier' | 'admin'): void {
    const up = iface.computeOperUp();
    if (up === iface.operUp) return;
    iface.operUp = up;
    this.emit({ kind: up ? 'up' : 'down', iface, cause });
  }

  setMtu(iface: NetInterface, mtuBytes: number): void {
    if (iface.mtuBytes === mtuBytes) return;
    iface.mtuBytes = mtuBytes;
    this.emit({ kind: 'mtu-changed', iface });
  }

  /** `ip address A M [secondary]`: a second primary replaces the first, as IOS does. */
  addIpv4Address(iface: NetInterface, address: Ipv4InterfaceAddress): void {
    if (!address.secondary) {
      const primary = iface.ipv4Addresses.find((entry) => !entry.secondary);
      if (primary) this.removeIpv4Address(iface, primary.address);
    }
    if (iface.ipv4Addresses.some((entry) => entry.address === address.address)) return;
    iface.ipv4Addresses.push(address);
    this.emit({ kind: 'ipv4-address-added', iface, address });
  }

  removeIpv4Address(iface: NetInterface, address: number): boolean {
    const index = iface.ipv4Addresses.findIndex((entry) => entry.address === address);
    if (index < 0) return false;
    const [removed] = iface.ipv4Addresses.splice(index, 1);
    this.emit({ kind: 'ipv4-address-removed', iface, address: removed! });
    return true;
  }

  // ---- events ----

  /** Calls `listener` on every interface event; returns the function that unsubscribes. */
  onInterfaceEvent(listener: InterfaceListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Tells every listener. Modules emit the IPv6 address events themselves. */
  emit(event: InterfaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` on every log event (the console prints them); returns the function that unsubscribes. */
  onLog(listener: DeviceLogListener): () => void {
    this.logListeners = [...this.logListeners, listener];
    return () => {
      this.logListeners = this.logListeners.filter((l) => l !== listener);
    };
  }

  /** Records a log event and tells listeners. */
  log(event: DeviceLogEvent): void {
    this.logBuffer.push(event);
    if (this.logBuffer.length > LOG_BUFFER_LIMIT) this.logBuffer.shift();
    for (const listener of this.logListeners) listener(event);
  }

  // ---- registry ----

  /** Registers the handler of an EtherType on Ethernet interfaces (0x0806 ARP). One per type. */
  registerEtherType(etherType: number, handler: EtherTypeHandler): void {
    this.ethernet.registerEtherType(etherType, handler);
  }

  /**
   * Registers the input of IP version `version` (the IPv4 or IPv6 layer; one each). Ethernet
   * dispatches its EtherType to it; other adapters call `receiveIp`.
   */
  registerIpInput(version: 4 | 6, handler: IpInputHandler): void {
    if ((version === 4 ? this.ipv4Input : this.ipv6Input) !== null) throw new Error(`${this.context.deviceName}: IPv${version} input already registered`);
    if (version === 4) this.ipv4Input = handler;
    else this.ipv6Input = handler;
    this.ethernet.registerEtherType(EthernetLink.etherTypeOf(version), (iface, frame) => handler(iface, frame.payload));
  }

  /** Publishes a module (the IPv4 layer, the ARP cache, the FIB …) for other modules to find. */
  provide<T>(key: DataKey<T>, service: T): void {
    this.services.set(key, service);
  }

  /** The module published under `key`, if any. */
  find<T>(key: DataKey<T>): T | undefined {
    return this.services.get(key) as T | undefined;
  }

  /** The module published under `key`; a missing one is a composition bug. */
  findRequired<T>(key: DataKey<T>): T {
    const service = this.services.get(key);
    if (service === undefined) throw new Error(`${this.context.deviceName}: no ${key.name} module in this stack`);
    return service as T;
  }

  // ---- frames ----

  /** Ingress of an Ethernet interface: a frame that arrived on `iface` (already untagged, VLAN resolved by the device). */
  receiveFrame(iface: NetInterface, frame: EthernetFrame, bytes: Uint8Array): void {
    this.ethernet.receiveFrame(iface, frame, bytes);
  }

  /**
   * Ingress from a link adapter that is not Ethernet (a tunnel, a test link): the IP packet
   * `packet` of version `version` arrived on `iface`.
   */
  receiveIp(iface: NetInterface, version: 4 | 6, packet: Uint8Array): void {
    if (!iface.operUp) return this.drop(iface, packet, 'link-down');
    const handler = version === 4 ? this.ipv4Input : this.ipv6Input;
    if (handler === null) return this.drop(iface, packet, 'unknown-protocol');
    iface.counters.inPackets++;
    handler(iface, packet);
  }

  /** Egress of an Ethernet interface (ARP and Neighbor Discovery; IP goes through `iface.adapter`). */
  sendFrame(iface: NetInterface, destination: MacAddress, etherType: number, payload: Uint8Array): boolean {
    return this.ethernet.sendFrame(iface, destination, etherType, payload);
  }

  /** Records a dropped packet or frame on `iface`. */
  drop(iface: NetInterface, bytes: Uint8Array, reason: DropReason): void {
    iface.counters.drops++;
    this.context.traceDrop(iface.name, bytes, reason);
  }
}
