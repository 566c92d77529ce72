/**
 * A device: its ports, and the shared stack pieces its kind composes (see compose-device.ts).
 * Frames arriving on a port go to the bridge when the port is a switchport, otherwise to the
 * routed interface of the port (untagged frames) or its 802.1Q subinterface (tagged frames,
 * IEEE 802.1Q; router-on-a-stick). SVIs (`Vlan10`, `BVI1`) sit on the bridge: the bridge hands
 * them frames for the device, they send through it. Carrier changes of a port are turned into
 * interface up/down events on every interface that depends on it.
 * Leaves out: port-channels, tunnels (a later module adds them as interfaces with their own
 * binding), wireless association as a protocol (a radio link is a cable here).
 */
import { MAC_BROADCAST, readMac, type MacAddress } from '../addr/mac';
import type { Simulator } from '../engine/simulator';
import { decodeEthernet } from '../wire/ethernet';
import { isVlanTpid } from '../wire/vlan';
import type { ArpModule } from '../stack/arp';
import type { Bridge, BridgePort } from '../stack/bridge';
import type { Icmpv4Module } from '../stack/icmpv4';
import type { Ipv4Layer } from '../stack/ipv4-layer';
import type { Icmpv6Module } from '../stack/ipv6/icmpv6-module';
import type { Ipv6Layer } from '../stack/ipv6/ipv6-layer';
import type { NetInterface } from '../stack/net-interface';
import type { NodeStack } from '../stack/node-stack';
import { Port } from '../stack/port';
import type { SpanningTree } from '../stack/spanning-tree';
import { VlanSet } from '../stack/vlan-set';
import type { DeviceKind, DeviceKindSpec } from './catalog';

const ETHERNET_HEADER_BYTES = 14;

/**
 * The destination-MAC filter of NodeStack.receiveFrame (own unicast, broadcast, joined group
 * MACs; IEEE 802.3 clause 3.2.3) read from the raw header (bytes 0-5), without decoding.
 */
function acceptsDestination(iface: NetInterface, bytes: Uint8Array): boolean {
  const destination = readMac(bytes, 0);
  return destination === iface.mac || destination === MAC_BROADCAST || iface.acceptsMulticastMac(destination);
}

/** How frames that arrive on a routed port reach its interfaces. */
interface RoutedPort {
  readonly physical: NetInterface;
  readonly byVlan: Map<number, NetInterface>;
  native: NetInterface | null;
}

export interface SwitchportConfig {
  readonly mode?: 'access' | 'trunk';
  readonly accessVlan?: number;
  readonly nativeVlan?: number;
  /** Allowed VLANs on a trunk (default all). */
  readonly allowedVlans?: readonly number[];
}

export class Device {
  readonly ports: Port[] = [];
  private readonly portsByName = new Map<string, Port>();
  private readonly routedPorts = new Map<Port, RoutedPort>();
  private readonly svis = new Map<number, NetInterface>();
  /** Filled in by compose-device.ts according to the kind. */
  stack: NodeStack | null = null;
  arp: ArpModule | null = null;
  ipv4: Ipv4Layer | null = null;
  icmpv4: Icmpv4Module | null = null;
  ipv6: Ipv6Layer | null = null;
  icmpv6: Icmpv6Module | null = null;
  bridge: Bridge | null = null;
  spanningTree: SpanningTree | null = null;

  constructor(
    readonly simulator: Simulator,
    readonly name: string,
    readonly spec: DeviceKindSpec,
    /** The device's base MAC: SVIs and the bridge id use it; port n uses base + n + 1. */
    readonly baseMac: MacAddress,
  ) {}

  get kind(): DeviceKind {
    return this.spec.kind;
  }

  /** Creates a physical port (composition only). */
  createPort(name: string, adminUp: boolean): Port {
    const port = new Port(this.simulator, this.name, name, (this.baseMac + this.ports.length + 1) as MacAddress, this.ports.length);
    port.adminUp = adminUp;
    // Until the port joins the bridge or becomes routed, nothing takes its frames.
    port.receiver = () => undefined;
    port.carrierListener = (p, up) => this.handleCarrier(p, up);
    this.ports.push(port);
    if (!this.portsByName.has(name)) this.portsByName.set(name, port);
    return port;
  }

  /** The port named `name` (canonical name). */
  port(name: string): Port | undefined {
    return this.portsByName.get(name);
  }

  /**
   * A port a new link can attach to: the named copper port when free; for a radio, a fresh
   * association port of the same name (a radio takes many links, catalog `maxLinks`).
   */
  portForLink(name: string): Port | undefined {
    const spec = this.spec.physicalPorts.find((p) => p.name === name);
    const port = this.portsByName.get(name);
    if (spec === undefined || port === undefined) return undefined;
    if (spec.medium !== 'radio') return port.attachment === null ? port : undefined;
    if (port.attachment === null) return port;
    const associations = this.ports.filter((p) => p.name === name).length;
    if (associations >= spec.maxLinks) return undefined;
    const association = this.createPort(name, true);
    if (this.bridge !== null) this.joinBridge(association);
    return association;
  }

  /** Makes `port` a switchport of the device's bridge: its frames go straight to its bridge port (no lookup per frame). */
  joinBridge(port: Port): BridgePort {
    const bridge = this.bridge;
    if (bridge === null) throw new Error(`${this.name}: a ${this.kind} has no bridge`);
    const member = bridge.addPort(port);
    port.receiver = (_port, bytes) => bridge.receiveOn(member, bytes);
    return member;
  }

  /** The layer-3 interface named `name` (canonical), if the device has one. */
  interface(name: string): NetInterface | undefined {
    return this.stack?.interfaceByName(name);
  }

  /** Makes `port` a routed port with its physical interface (composition, and `no switchport`). */
  makeRouted(port: Port, adminUp: boolean): NetInterface {
    const stack = this.requireStack();
    this.bridge?.removePort(port);
    const physical = stack.addInterface(port.name, 'physical', port.mac, { transmitFrame: (bytes) => port.transmit(bytes), lowerLayerUp: () => port.carrier, port }, adminUp);
    const routed: RoutedPort = { physical, byVlan: new Map(), native: null };
    this.routedPorts.set(port, routed);
    // The port hands its frames straight to this routed port: no table lookup per frame.
    port.receiver = (p, bytes) => this.receiveRouted(routed, p, bytes);
    return physical;
  }

  /** `interface Gi0/0.N` + `encapsulation dot1Q <vlan> [native]`. */
  addSubinterface(parentName: string, number: number, vlan: number, native = false): NetInterface {
    const stack = this.requireStack();
    const port = this.portsByName.get(parentName);
    const routed = port === undefined ? undefined : this.routedPorts.get(port);
    if (port === undefined || routed === undefined) throw new Error(`${this.name}: ${parentName} is not a routed port`);
    if (routed.byVlan.has(vlan)) throw new Error(`${this.name}: VLAN ${vlan} is already used by another subinterface of ${parentName}`);
    const iface = stack.addInterface(`${parentName}.${number}`, 'subinterface', port.mac, { transmitFrame: (bytes) => port.transmit(bytes), lowerLayerUp: () => port.carrier, port }, true);
    iface.vlanId = vlan;
    iface.nativeVlan = native;
    routed.byVlan.set(vlan, iface);
    if (native) routed.native = iface;
    return iface;
  }

  /** `no interface Gi0/0.N` (or a new `encapsulation dot1Q`): the subinterface goes, its VLAN is free again. */
  removeSubinterface(name: string): void {
    const iface = this.stack?.interfaceByName(name);
    const port = iface?.binding.port ?? undefined;
    const routed = port === undefined ? undefined : this.routedPorts.get(port);
    if (iface === undefined || iface.kind !== 'subinterface' || routed === undefined) return;
    for (const [vlan, sub] of routed.byVlan) if (sub === iface) routed.byVlan.delete(vlan);
    if (routed.native === iface) routed.native = null;
    this.stack!.removeInterface(iface);
  }

  /** An SVI on the bridge (`interface Vlan10`, `BVI1`). */
  addSvi(name: string, vlan: number, adminUp: boolean): NetInterface {
    const stack = this.requireStack();
    const bridge = this.bridge;
    if (bridge === null) throw new Error(`${this.name}: a ${this.kind} has no bridge for ${name}`);
    const iface = stack.addInterface(
      name,
      'svi',
      this.baseMac,
      {
        transmitFrame: (bytes) => bridge.transmitFromLocal(vlan, bytes),
        lowerLayerUp: () => bridge.ports.some((p) => p.port.up && p.carries(vlan)),
        port: null,
      },
      adminUp,
    );
    iface.vlanId = vlan;
    bridge.localMacs.add(this.baseMac);
    if (!bridge.vlanNames.has(vlan)) bridge.vlanNames.set(vlan, `VLAN${String(vlan).padStart(4, '0')}`);
    this.svis.set(vlan, iface);
    return iface;
  }

  /** `interface Loopback<n>`. */
  addLoopback(number: number): NetInterface {
    return this.requireStack().addInterface(`Loopback${number}`, 'loopback', this.baseMac, { transmitFrame: () => undefined, lowerLayerUp: () => true, port: null }, true);
  }

  /** `shutdown` / `no shutdown`: on a physical interface the port itself goes down (the peer loses carrier). */
  setInterfaceAdminUp(iface: NetInterface, up: boolean): void {
    if (iface.kind === 'physical' && iface.binding.port !== null) iface.binding.port.setAdminUp(up);
    this.stack?.setAdminUp(iface, up);
  }

  /** `shutdown` on a switchport (no layer-3 interface). */
  setPortAdminUp(port: Port, up: boolean): void {
    const routed = this.routedPorts.get(port);
    if (routed !== undefined) return this.setInterfaceAdminUp(routed.physical, up);
    port.setAdminUp(up);
  }

  /** `switchport mode …`, `switchport access vlan …`, `switchport trunk native/allowed vlan …`. */
  configureSwitchport(portName: string, config: SwitchportConfig): BridgePort {
    const port = this.portsByName.get(portName);
    const bridgePort = port === undefined ? undefined : this.bridge?.bridgePortOf(port);
    if (bridgePort === undefined) throw new Error(`${this.name}: ${portName} is not a switchport`);
    if (config.mode !== undefined) bridgePort.mode = config.mode;
    if (config.accessVlan !== undefined) bridgePort.accessVlan = config.accessVlan;
    if (config.nativeVlan !== undefined) bridgePort.nativeVlan = config.nativeVlan;
    if (config.allowedVlans !== undefined) bridgePort.allowedVlans = VlanSet.of(...config.allowedVlans);
    for (const vlan of [bridgePort.accessVlan, bridgePort.nativeVlan]) {
      if (this.bridge !== null && !this.bridge.vlanNames.has(vlan)) this.bridge.vlanNames.set(vlan, `VLAN${String(vlan).padStart(4, '0')}`);
    }
    this.bridge!.flushPort(bridgePort);
    this.refreshSvis();
    return bridgePort;
  }

  private requireStack(): NodeStack {
    if (this.stack === null) throw new Error(`${this.name}: a ${this.kind} has no IP stack`);
    return this.stack;
  }

  private receiveRouted(routed: RoutedPort, port: Port, bytes: Uint8Array): void {
    // Untagged frames (the common case): the NIC's destination filter runs on the raw header, so
    // the BPDUs and NS floods a host hears are not decoded only to be ignored (same silent drop
    // as NodeStack.receiveFrame makes after decoding).
    if (bytes.length >= ETHERNET_HEADER_BYTES && !isVlanTpid((bytes[12]! << 8) | bytes[13]!)) {
      const untagged = routed.native ?? routed.physical;
      if (untagged.operUp && !acceptsDestination(untagged, bytes)) return;
    }
    const decoded = decodeEthernet(bytes);
    if (!decoded.ok) return port.recordDrop(bytes, 'malformed');
    const frame = decoded.value;
    const outer = frame.vlanTags[0];
    const iface = outer === undefined || outer.vid === 0 ? (routed.native ?? routed.physical) : routed.byVlan.get(outer.vid);
    if (iface === undefined) return port.recordDrop(bytes, 'no-interface');
    this.stack!.receiveFrame(iface, frame, bytes);
  }

  /** Frames the bridge hands to the device itself: to the SVI of their VLAN. */
  deliverToSvi(vlan: number, bytes: Uint8Array): void {
    const svi = this.svis.get(vlan);
    if (svi === undefined || this.stack === null) return;
    if (bytes.length >= ETHERNET_HEADER_BYTES && svi.operUp && !acceptsDestination(svi, bytes)) return;
    const decoded = decodeEthernet(bytes);
    if (decoded.ok) this.stack.receiveFrame(svi, decoded.value, bytes);
  }

  private handleCarrier(port: Port, up: boolean): void {
    const routed = this.routedPorts.get(port);
    if (routed !== undefined) {
      this.stack!.refreshInterface(routed.physical, 'carrier');
      for (const sub of routed.byVlan.values()) this.stack!.refreshInterface(sub, 'carrier');
      return;
    }
    this.bridge?.handleCarrier(port, up);
    this.refreshSvis();
  }

  private refreshSvis(): void {
    if (this.stack === null) return;
    for (const svi of this.svis.values()) this.stack.refreshInterface(svi, 'carrier');
  }
}
