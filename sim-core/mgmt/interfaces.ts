/**
 * Interfaces of one device and their state: which exist (physical ports, subinterfaces,
 * SVIs, loopbacks), admin up/down, MTU (link and IPv6-only, RFC 8200 section 5 minimum is the
 * IPv6 layer's business), description, and the interface table view. Creating and removing
 * interfaces (loopbacks, 802.1Q subinterfaces, SVIs, `no switchport`) happens here too, so the
 * dialects and the programmatic builder change a device the same way.
 * A port without a layer-3 interface (a switchport) takes admin state here as well; the answer
 * says which it was, for dialects that log the change themselves.
 * Leaves out: speed/duplex (configuration text only), interface counters beyond packets and drops.
 */
import type { Device } from '../devices/device';
import type { NetInterface } from '../stack/net-interface';
import type { InterfaceEntry, PortEntry } from './mgmt-views';

/** What `setAdminUp` changed: a layer-3 interface (its events tell the rest), or a bare switchport. */
export type AdminChange =
  | { readonly kind: 'interface' }
  | { readonly kind: 'switchport'; readonly wasUp: boolean; readonly nowUp: boolean }
  | { readonly kind: 'unknown' };

export class InterfaceManagement {
  private readonly descriptions = new Map<string, string>();

  constructor(private readonly device: Device) {}

  /** The layer-3 interfaces in creation order. */
  table(): InterfaceEntry[] {
    return (this.device.stack?.interfaces ?? []).map((iface) => this.entryOf(iface));
  }

  /** One row of the table, by canonical name. */
  entry(name: string): InterfaceEntry | undefined {
    const iface = this.device.interface(name);
    return iface === undefined ? undefined : this.entryOf(iface);
  }

  exists(name: string): boolean {
    return this.device.interface(name) !== undefined;
  }

  /** A physical port by name exists (routed or switchport). */
  hasPort(name: string): boolean {
    return this.device.port(name) !== undefined;
  }

  /** A physical port by name (routed or switchport). */
  port(name: string): PortEntry | undefined {
    const port = this.device.port(name);
    if (port === undefined) return undefined;
    const c = port.counters;
    return {
      name: port.name,
      mac: port.mac,
      adminUp: port.adminUp,
      carrier: port.carrier,
      up: port.up,
      index: port.index,
      counters: { txFrames: c.txFrames, txBytes: c.txBytes, rxFrames: c.rxFrames, rxBytes: c.rxBytes, drops: c.drops },
    };
  }

  /** The port a layer-3 interface runs on (its own port, or the parent of a subinterface); undefined for SVIs and loopbacks. */
  portNameOf(interfaceName: string): string | undefined {
    return this.device.interface(interfaceName)?.binding.port?.name;
  }

  /** `shutdown` / `no shutdown`, `ip link set down|up`: a layer-3 interface, or a switchport. */
  setAdminUp(name: string, up: boolean): AdminChange {
    const iface = this.device.interface(name);
    if (iface !== undefined) {
      this.device.setInterfaceAdminUp(iface, up);
      return { kind: 'interface' };
    }
    const port = this.device.port(name);
    if (port === undefined) return { kind: 'unknown' };
    const wasUp = port.up;
    this.device.setPortAdminUp(port, up);
    return { kind: 'switchport', wasUp, nowUp: port.up };
  }

  /** `mtu N` (the link MTU both families use unless `ipv6 mtu` is set). */
  setMtu(name: string, mtuBytes: number): void {
    const iface = this.device.interface(name);
    if (iface !== undefined) this.device.stack?.setMtu(iface, mtuBytes);
  }

  /** `ipv6 mtu N` / `no ipv6 mtu` (undefined: the link MTU). */
  setIpv6Mtu(name: string, mtuBytes: number | undefined): void {
    const iface = this.device.interface(name);
    if (iface === undefined || iface.ipv6.mtuBytes === mtuBytes) return;
    iface.ipv6.mtuBytes = mtuBytes;
    this.device.stack?.emit({ kind: 'mtu-changed', iface });
  }

  setDescription(name: string, text: string | undefined): void {
    if (text === undefined) this.descriptions.delete(name);
    else this.descriptions.set(name, text);
  }

  /** `interface Loopback<n>` (created up). */
  addLoopback(number: number): void {
    this.device.addLoopback(number);
  }

  /** `interface Vlan<n>` on a device with a bridge. */
  addSvi(vlan: number, adminUp: boolean): void {
    this.device.addSvi(`Vlan${vlan}`, vlan, adminUp);
  }

  /** `interface Gi0/0.N` + `encapsulation dot1Q <vlan> [native]`. */
  addSubinterface(parentName: string, number: number, vlan: number, native: boolean): void {
    this.device.addSubinterface(parentName, number, vlan, native);
  }

  /** `no interface X` (subinterfaces, loopbacks, SVIs). */
  remove(name: string): void {
    const iface = this.device.interface(name);
    this.descriptions.delete(name);
    if (iface === undefined) return;
    if (iface.kind === 'subinterface') this.device.removeSubinterface(name);
    else this.device.stack?.removeInterface(iface);
  }

  /** `no switchport`: the port becomes a routed port with its layer-3 interface. */
  makeRouted(portName: string, adminUp: boolean): boolean {
    const port = this.device.port(portName);
    if (port === undefined) return false;
    this.device.makeRouted(port, adminUp);
    return true;
  }

  private entryOf(iface: NetInterface): InterfaceEntry {
    return {
      name: iface.name,
      kind: iface.kind,
      adminUp: iface.adminUp,
      lowerLayerUp: iface.binding.lowerLayerUp(),
      lineProtocolUp: iface.operUp,
      mac: iface.mac,
      mtuBytes: iface.mtuBytes,
      ipv6MtuBytes: iface.ipv6.mtuBytes,
      index: iface.ifIndex,
      vlanId: iface.vlanId,
      nativeVlan: iface.nativeVlan,
      description: this.descriptions.get(iface.name),
      ipv6Enabled: iface.ipv6.enabled,
      counters: { inPackets: iface.counters.inPackets, outPackets: iface.counters.outPackets, drops: iface.counters.drops },
    };
  }
}
