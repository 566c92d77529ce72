/**
 * What a console watches on a device as it runs: line-protocol changes of its interfaces (IOS
 * `%LINK`/`%LINEPROTO` messages), the device log the modules report to the operator (e.g. a
 * duplicate address, RFC 4862 section 5.4.5), and the frames passing its ports (for `debug`
 * output), with the layer-3 interface a frame belongs to (subinterface by 802.1Q tag, SVI by
 * VLAN for switchports).
 * Leaves out: filtering taps by protocol (the listener decodes what it wants).
 */
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';
import type { Device } from '../devices/device';
import { DUPLICATE_ADDRESS_LOG } from '../stack/ipv6/duplicate-address-detection';

/** The report DAD makes when it finds a duplicate (RFC 4862 section 5.4.5). */
export const DUPLICATE_ADDRESS_REPORT = DUPLICATE_ADDRESS_LOG;

export interface LineProtocolChange {
  readonly interfaceName: string;
  readonly up: boolean;
  /** `admin` when the change came from configuration, `carrier` from the link. */
  readonly cause: 'carrier' | 'admin';
}

/** A report from the device's modules (kinds in kebab-case, e.g. `ipv6-duplicate-address`). */
export interface DeviceReport {
  readonly timeNs: number;
  readonly kind: string;
  readonly interfaceName?: string;
  readonly ipv6Address?: Ipv6Address;
  readonly macAddress?: MacAddress;
}

export interface ObservedFrame {
  readonly portName: string;
  /** The port's own MAC (an outbound frame from this device carries it, or the device's base MAC). */
  readonly portMac: MacAddress;
  readonly direction: 'inbound' | 'outbound';
  readonly bytes: Uint8Array;
}

export class ObservationManagement {
  constructor(private readonly device: Device) {}

  /** Line protocol up/down of the layer-3 interfaces; returns the unsubscribe function. */
  onLineProtocol(listener: (change: LineProtocolChange) => void): () => void {
    const stack = this.device.stack;
    if (stack === null) return () => undefined;
    return stack.onInterfaceEvent((event) => {
      if (event.kind === 'up' || event.kind === 'down') listener({ interfaceName: event.iface.name, up: event.kind === 'up', cause: event.cause });
    });
  }

  /** Reports of the device's modules; returns the unsubscribe function. */
  onReport(listener: (report: DeviceReport) => void): () => void {
    const stack = this.device.stack;
    if (stack === null) return () => undefined;
    return stack.onLog(listener);
  }

  /** Every frame on every port of the device (both directions) until the returned function is called. */
  tapPorts(listener: (frame: ObservedFrame) => void): () => void {
    const untaps = this.device.ports.map((port) => port.addTap((frame) => listener({ portName: port.name, portMac: port.mac, direction: frame.direction, bytes: frame.bytes })));
    return () => {
      for (const untap of untaps) untap();
    };
  }

  /** The device's base MAC (SVIs and the bridge use it). */
  get baseMac(): MacAddress {
    return this.device.baseMac;
  }

  /** The layer-3 interface a frame on a port belongs to: the SVI of its VLAN for a switchport, the subinterface of its tag, else the port. */
  interfaceNameForFrame(portName: string, vlan: number | undefined): string {
    const port = this.device.port(portName);
    if (port === undefined) return portName;
    const bridgePort = this.device.bridge?.bridgePortOf(port);
    if (bridgePort !== undefined) return `Vlan${vlan ?? (bridgePort.mode === 'access' ? bridgePort.accessVlan : bridgePort.nativeVlan)}`;
    if (vlan === undefined) return port.name;
    const sub = this.device.stack?.interfaces.find((i) => i.binding.port === port && i.vlanId === vlan && i.kind === 'subinterface');
    return sub?.name ?? port.name;
  }
}
