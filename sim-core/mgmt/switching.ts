/**
 * Switching of one device: the VLAN database (IEEE 802.1Q VLAN ids 1..4094 with names) and
 * each switchport's mode (access or 802.1Q trunk), access VLAN, native VLAN and allowed list.
 * The bridge (stack/bridge.ts) forwards; this slice only configures it.
 * Leaves out: VTP, private VLANs, voice VLANs, per-VLAN spanning-tree settings.
 */
import type { Device, SwitchportConfig } from '../devices/device';
import type { StpStatus } from '../stack/spanning-tree';
import type { MacTableRow } from './mgmt-views';

export type { SwitchportConfig } from '../devices/device';
export type { StpPortRole, StpStatus } from '../stack/spanning-tree';

/** The name a VLAN has until one is given (`VLAN0010`). */
export function defaultVlanName(id: number): string {
  return `VLAN${String(id).padStart(4, '0')}`;
}

export class SwitchingManagement {
  constructor(private readonly device: Device) {}

  /** Whether the device has a bridge (switches, L3 switches, access points). */
  get available(): boolean {
    return this.device.bridge !== null;
  }

  /** Whether a port is a switchport (a member of the bridge). */
  isSwitchport(portName: string): boolean {
    const port = this.device.port(portName);
    return port !== undefined && this.device.bridge?.bridgePortOf(port) !== undefined;
  }

  /** `switchport mode …`, `switchport access vlan …`, `switchport trunk native/allowed vlan …`. */
  configureSwitchport(portName: string, config: SwitchportConfig): void {
    this.device.configureSwitchport(portName, config);
  }

  /** Whether a switchport forwards now (spanning tree), undefined when it is not a switchport. */
  portForwarding(portName: string): boolean | undefined {
    const port = this.device.port(portName);
    const bridgePort = port === undefined ? undefined : this.device.bridge?.bridgePortOf(port);
    return bridgePort === undefined ? undefined : bridgePort.state === 'forwarding';
  }

  /** The bridge's learnt addresses (aged-out ones left out), by VLAN then MAC. */
  macTable(): MacTableRow[] {
    return (this.device.bridge?.macTableEntries() ?? []).map((e) => ({ vlan: e.vlan, mac: e.mac, portName: e.port.port.name }));
  }

  /** IEEE 802.1D/802.1w spanning-tree status, when the device runs it. */
  spanningTree(): StpStatus | undefined {
    return this.device.spanningTree?.status();
  }

  /** `vlan N`: the VLAN exists (with its default name unless it has one). */
  addVlan(id: number): void {
    const bridge = this.device.bridge;
    if (bridge !== null && !bridge.vlanNames.has(id)) bridge.vlanNames.set(id, defaultVlanName(id));
  }

  /** `name X` under `vlan N` (undefined: back to the default name). */
  setVlanName(id: number, name: string | undefined): void {
    this.device.bridge?.vlanNames.set(id, name ?? defaultVlanName(id));
  }

  /** `no vlan N`. */
  removeVlan(id: number): void {
    this.device.bridge?.vlanNames.delete(id);
  }

  /** The VLAN database: id → name, in id order. */
  vlans(): { readonly id: number; readonly name: string }[] {
    return [...(this.device.bridge?.vlanNames ?? new Map<number, string>())].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id);
  }
}
