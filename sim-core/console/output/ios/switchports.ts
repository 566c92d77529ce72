/**
 * Catalyst switch-port displays: `show interfaces status` and `show interfaces [X] switchport`.
 *
 * Layouts from real captures (ntc-templates `cisco_ios_show_interfaces_status.raw` and
 * `cisco_ios_show_interfaces_switchport.raw`, genieparser IOS XE ShowInterfacesStatus):
 * `status` has fixed columns Port 10, Name 19 (descriptions cut to 18), Status 13, Vlan 11,
 * then Duplex and Speed right-aligned in 6 and a space before each of Speed and Type, after an
 * empty line; a linked port shows the negotiated `a-full a-1000`, an unlinked one `auto auto`.
 * `switchport` prints the 2960 block per port, a blank line between ports.
 * Left out: err-disabled and monitoring states, voice VLANs, private VLANs (always none), DTP
 * (an unconfigured port is `dynamic auto` that operates as `static access`, as with no trunking
 * neighbour), SFP types.
 */
import { shortInterfaceName } from '../../../devices/interface-names';
import type { InterfaceView } from '../../views';
import { formatVlanRanges } from './interfaces';

/** The copper ports of the catalog's switches. */
const COPPER_TYPE = '10/100/1000BaseTX';

function statusWord(view: InterfaceView): string {
  if (!view.adminUp) return 'disabled';
  return view.linkUp ? 'connected' : 'notconnect';
}

function vlanColumn(view: InterfaceView): string {
  const vlan = view.vlan;
  if (vlan === undefined || vlan.mode === 'routed') return 'routed';
  if (vlan.mode === 'trunk') return 'trunk';
  return String(vlan.accessVlan ?? 1);
}

/** The negotiated speed as the Speed column prints it: `1000`, `100`, `10G`. */
function speedText(bandwidthKbps: number): string {
  const mbps = Math.round(bandwidthKbps / 1000);
  return mbps >= 10000 && mbps % 1000 === 0 ? `${mbps / 1000}G` : String(mbps);
}

/** `show interfaces status`: the physical ports, one line each. */
export function formatShowInterfacesStatus(views: readonly InterfaceView[]): string {
  const lines = ['', 'Port      Name               Status       Vlan       Duplex  Speed Type'];
  for (const view of views) {
    if (view.kind !== 'physical') continue;
    const linked = view.adminUp && view.linkUp;
    const duplex = linked ? 'a-full' : 'auto';
    const speed = linked ? `a-${speedText(view.bandwidthKbps)}` : 'auto';
    const port = shortInterfaceName(view.name);
    lines.push(
      `${port.padEnd(9)} ${(view.description ?? '').slice(0, 18).padEnd(18)} ${statusWord(view).padEnd(12)} ${vlanColumn(view).padEnd(10)} ${duplex.padStart(6)} ${speed.padStart(6)} ${COPPER_TYPE}`,
    );
  }
  return lines.join('\n');
}

/** One switch port as `show interfaces switchport` describes it. */
export interface SwitchportView {
  /** Canonical name (printed short). */
  readonly name: string;
  /** False for a routed port (`no switchport` on an L3 switch). */
  readonly switchport: boolean;
  /** `switchport mode` as configured; undefined = never set (the Catalyst default, dynamic auto). */
  readonly configuredMode: 'access' | 'trunk' | undefined;
  readonly up: boolean;
  readonly accessVlan: number;
  readonly nativeVlan: number;
  /** Undefined = all VLANs. */
  readonly allowedVlans: readonly number[] | undefined;
  /** The VLAN's name in the database; undefined when the VLAN does not exist (IOS prints Inactive). */
  vlanName(id: number): string | undefined;
}

function vlanWithName(port: SwitchportView, id: number): string {
  return `${id} (${port.vlanName(id) ?? 'Inactive'})`;
}

/** `show interfaces [X] switchport`: the 2960 block for each port. */
export function formatShowInterfacesSwitchport(ports: readonly SwitchportView[]): string {
  const blocks = ports.map((port) => {
    const name = `Name: ${shortInterfaceName(port.name)}`;
    if (!port.switchport) return `${name}\nSwitchport: Disabled`;
    const trunk = port.configuredMode === 'trunk';
    const administrative = trunk ? 'trunk' : port.configuredMode === 'access' ? 'static access' : 'dynamic auto';
    const operational = !port.up ? 'down' : trunk ? 'trunk' : 'static access';
    return [
      name,
      'Switchport: Enabled',
      `Administrative Mode: ${administrative}`,
      `Operational Mode: ${operational}`,
      'Administrative Trunking Encapsulation: dot1q',
      `Operational Trunking Encapsulation: ${trunk && port.up ? 'dot1q' : 'native'}`,
      `Negotiation of Trunking: ${port.configuredMode === 'access' ? 'Off' : 'On'}`,
      `Access Mode VLAN: ${vlanWithName(port, port.accessVlan)}`,
      `Trunking Native Mode VLAN: ${vlanWithName(port, port.nativeVlan)}`,
      'Administrative Native VLAN tagging: enabled',
      'Voice VLAN: none',
      'Administrative private-vlan host-association: none',
      'Administrative private-vlan mapping: none',
      'Administrative private-vlan trunk native VLAN: none',
      'Administrative private-vlan trunk Native VLAN tagging: enabled',
      'Administrative private-vlan trunk encapsulation: dot1q',
      'Administrative private-vlan trunk normal VLANs: none',
      'Administrative private-vlan trunk associations: none',
      'Administrative private-vlan trunk mappings: none',
      'Operational private-vlan: none',
      `Trunking VLANs Enabled: ${port.allowedVlans === undefined ? 'ALL' : formatVlanRanges(port.allowedVlans).replace(/, /g, ',')}`,
      'Pruning VLANs Enabled: 2-1001',
      'Capture Mode Disabled',
      'Capture VLANs Allowed: ALL',
      '',
      'Protected: false',
      'Unknown unicast blocked: disabled',
      'Unknown multicast blocked: disabled',
      'Appliance trust: none',
    ].join('\n');
  });
  return blocks.join('\n\n');
}
