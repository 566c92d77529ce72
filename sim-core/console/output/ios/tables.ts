/**
 * Cisco IOS table displays: `show ipv6 neighbors`, `show ip arp`, `show vlan brief`,
 * `show mac address-table`.
 *
 * Column positions measured on real captures (os-outputs.md; IOS/IOL/IOSv lab logs):
 * neighbours — address 40, age right-aligned 5, MAC 15, state 5 (RFC 4861 section 7.3.2 states
 * as IOS abbreviates them), short interface name; ARP — `Internet`, address 16, age right-aligned
 * to column 34, MAC 14, `ARPA`; VLANs — id 4, name 32, status 9, ports wrapped to the 31-column
 * Ports field (4 `Gi0/x` per line, as on a real 80-column Catalyst) with 48-space continuation
 * lines; MAC table — the Catalyst 2960/3750 layout with its total line.
 * Left out: VRF/vlan filters (the caller passes the filtered list), `show vlan` (full).
 */
import { formatIpv4 } from '../../../addr/ipv4';
import { formatMacCisco } from '../../../addr/mac';
import { shortInterfaceName } from '../../../devices/interface-names';
import type { ArpView, MacTableEntryView, NeighborView, VlanView } from '../../views';
import { formatIosIpv6 } from './interfaces';

const NEIGHBOR_HEADER = 'IPv6 Address                              Age Link-layer Addr State Interface';

function iosNeighborState(state: NeighborView['state']): string {
  if (state === 'PERMANENT') return 'REACH';
  if (state === 'FAILED') return 'INCMP';
  return state;
}

/** `show ipv6 neighbors`: static entries show `-` for age. */
export function formatShowIpv6Neighbors(neighbors: readonly NeighborView[]): string {
  const rows = neighbors.map((n) => {
    const age = n.ageS === undefined ? '-' : String(Math.floor(n.ageS / 60));
    const mac = n.linkLayer === undefined ? '-' : formatMacCisco(n.linkLayer);
    return `${formatIosIpv6(n.address).padEnd(40)}${age.padStart(5)} ${mac.padEnd(15)} ${iosNeighborState(n.state).padEnd(5)} ${shortInterfaceName(n.interfaceName)}`;
  });
  return [NEIGHBOR_HEADER, ...rows].join('\n');
}

const ARP_HEADER = 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface';

/** `show ip arp`: own addresses and static entries have age `-`; incomplete entries no MAC. */
export function formatShowIpArp(entries: readonly ArpView[]): string {
  const rows = entries.map((e) => {
    const age = e.ageMin === undefined ? '-' : String(e.ageMin);
    const mac = e.mac === undefined ? 'Incomplete' : formatMacCisco(e.mac);
    const iface = e.mac === undefined ? '' : e.interfaceName;
    return `Internet  ${formatIpv4(e.address).padEnd(16)}${age.padStart(9)}   ${mac.padEnd(14)}  ARPA   ${iface}`.trimEnd();
  });
  return [ARP_HEADER, ...rows].join('\n');
}

const PORTS_WIDTH = 31;

function wrapPorts(ports: readonly string[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const port of ports.map(shortInterfaceName)) {
    const next = current === '' ? port : `${current}, ${port}`;
    if (current !== '' && next.length > PORTS_WIDTH) {
      lines.push(current);
      current = port;
    } else {
      current = next;
    }
  }
  lines.push(current);
  return lines;
}

/** `show vlan brief` (an empty port list keeps the trailing spaces real IOS prints). */
export function formatShowVlanBrief(vlans: readonly VlanView[]): string {
  const lines = ['VLAN Name                             Status    Ports', '---- -------------------------------- --------- -------------------------------'];
  for (const v of vlans) {
    const [first = '', ...rest] = wrapPorts(v.ports);
    lines.push(`${String(v.id).padEnd(4)} ${v.name.slice(0, 32).padEnd(32)} ${v.status.padEnd(9)} ${first}`);
    for (const more of rest) lines.push(`${' '.repeat(48)}${more}`);
  }
  return lines.join('\n');
}

/** `show mac address-table`: VLAN right-aligned 4 (`All` for CPU entries), type in capitals. */
export function formatShowMacAddressTable(entries: readonly MacTableEntryView[]): string {
  const lines = ['          Mac Address Table', '-------------------------------------------', '', 'Vlan    Mac Address       Type        Ports', '----    -----------       --------    -----'];
  for (const e of entries) {
    const vlan = e.vlan === undefined ? 'All' : String(e.vlan);
    const port = e.port === 'CPU' ? 'CPU' : shortInterfaceName(e.port);
    lines.push(`${vlan.padStart(4)}    ${formatMacCisco(e.mac)}    ${(e.dynamic ? 'DYNAMIC' : 'STATIC').padEnd(8)}    ${port}`);
  }
  lines.push(`Total Mac Addresses for this criterion: ${entries.length}`);
  return lines.join('\n');
}
