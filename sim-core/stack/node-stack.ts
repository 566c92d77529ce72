/**
 * The per-device stack hub: the interface table, the EtherType dispatch, interface events
 * (up/down, addresses), the send path for frames, and a registry where protocol modules find
 * each other. It knows no protocol: ARP, IPv4, IPv6 and everything later register here
 * (see docs/simulator.md, "extension points").
 *
 * Ingress: the device picks the interface a frame belongs to (routed port, subinterface by VLAN,
 * SVI through the bridge) and calls `receiveFrame`; the stack filters by destination MAC
 * (own unicast, broadcast, joined multicast groups; IEEE 802.3 clause 3.2.3) and hands the frame
 * to the handler registered for its EtherType. Egress: `sendFrame` builds Ethernet II bytes
 * (802.1Q-tagged on a subinterface), padded to the 60-byte minimum as a NIC does.
 * Leaves out: promiscuous mode, 802.3 LLC frames (STP is handled by the bridge, not here).
 */
import type { Ipv6Address } from '../addr/ipv6';
import { MAC_BROADCAST, type MacAddress } from '../addr/mac';
import type { TimeNs } from '../engine/time';
import type { DropReason } from '../engine/trace';
import { encodeEthernet, type EthernetFrame } from '../wire/ethernet';
import { TPID_8021Q, type VlanTag } from '../wire/vlan';
import type { NodeContext } from './node-context';
import { DataKey, NetInterface, type Ipv4InterfaceAddress, type Ipv6InterfaceAddress } from './net-interface';

/** The operating system a device imitates: protocol defaults follow it (TTL 255/128/64 …). */
export type StackFlavour = 'ios' | 'windows' | 'linux';

/** Handles a frame of one EtherType that passed the MAC filter on `iface`. */
export type EtherTypeHandler = (iface: NetInterface, frame: EthernetFrame, bytes: Uint8Array) => void;

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

const NO_TAGS: readonly VlanTag[] = Object.freeze([]);

export class NodeStack {
  readonly interfaces: NetInterface[] = [];
  private readonly byName = new Map<string, NetInterface>();
  private readonly etherTypeHandlers = new Map<number, EtherTypeHandler>();
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
    readonly flavour: StackFlavour,
  ) {}

  /**
   * Whether an address of `iface` counts as this device's own (for packets to it and from it).
   * On IOS only while the interface is up: its connected and local (receive) routes go when it
   * is down, so a packet to that address is routed like any other and a ping to it fails, even
   * from the router itself. Linux and Windows hosts keep their addresses (weak host).
   */
  ownsAddressesOf(iface: NetInterface): boolean {
    return this.flavour !== 'ios' || iface.operUp;
  }

  // ---- interfaces ----

  /** Creates and registers an interface; ifIndex values count up from 1. */
  addInterface(name: string, kind: NetInterface['kind'], mac: MacAddress, binding: NetInterface['binding'], adminUp: boolean): NetInterface {
    if (this.byName.has(name)) throw new Error(`${this.context.deviceName}: interface ${name} already exists`);
    const iface = new NetInterface(name, kind, this.nextIfIndex++, mac, binding, adminUp);
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

  /** Registers the handler of an EtherType (0x0806 ARP, 0x0800 IPv4, 0x86dd IPv6). One per type. */
  registerEtherType(etherType: number, handler: EtherTypeHandler): void {
    if (this.etherTypeHandlers.has(etherType)) {
      throw new Error(`${this.context.deviceName}: EtherType 0x${etherType.toString(16)} already has a handler`);
    }
    this.etherTypeHandlers.set(etherType, handler);
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

  /** Ingress: a frame that arrived on `iface` (already untagged, VLAN resolved by the device). */
  receiveFrame(iface: NetInterface, frame: EthernetFrame, bytes: Uint8Array): void {
    if (!iface.operUp) return this.drop(iface, bytes, 'link-down');
    const destination = frame.destination;
    if (destination !== iface.mac && destination !== MAC_BROADCAST && !iface.acceptsMulticastMac(destination)) {
      // IEEE 802.3: a NIC ignores unicast frames for other stations (a switch flooded it here).
      return;
    }
    const handler = this.etherTypeHandlers.get(frame.etherType);
    if (handler === undefined) {
      // An 802.3 length field (LLC: BPDUs, CDP) is not for the IP stack; a host ignores it quietly.
      if (frame.etherType < 0x0600) return;
      return this.drop(iface, bytes, 'unknown-ethertype');
    }
    iface.counters.inPackets++;
    handler(iface, frame, bytes);
  }

  /**
   * Egress: sends `payload` in an Ethernet II frame from `iface` to `destination`. The payload
   * must fit the interface MTU (the IP layers fragment or report before calling). Returns false
   * (and records the drop) when the interface is down or the payload too big.
   */
  sendFrame(iface: NetInterface, destination: MacAddress, etherType: number, payload: Uint8Array): boolean {
    if (!iface.operUp) {
      this.drop(iface, payload, iface.adminUp ? 'link-down' : 'admin-down');
      return false;
    }
    if (payload.length > iface.mtuBytes) {
      this.drop(iface, payload, 'mtu-exceeded');
      return false;
    }
    const tagged = iface.kind === 'subinterface' && iface.vlanId !== null && !iface.nativeVlan;
    const bytes = encodeEthernet(
      {
        destination,
        source: iface.mac,
        vlanTags: tagged ? [{ tpid: TPID_8021Q, pcp: 0, dei: false, vid: iface.vlanId! }] : NO_TAGS,
        etherType,
        payload,
      },
      { padToMinimum: true },
    );
    iface.counters.outPackets++;
    iface.binding.transmitFrame(bytes);
    return true;
  }

  /** Records a dropped packet or frame on `iface`. */
  drop(iface: NetInterface, bytes: Uint8Array, reason: DropReason): void {
    iface.counters.drops++;
    this.context.traceDrop(iface.name, bytes, reason);
  }
}
