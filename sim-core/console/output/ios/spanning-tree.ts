/**
 * Cisco Catalyst `show spanning-tree` (rapid-pvst, one instance: VLAN0001) from a spanning-tree
 * status snapshot: the Root ID block (`This bridge is the root`, or cost and root port), the
 * Bridge ID block with the sys-id-ext split of the priority (IEEE 802.1Q section 13.26.2 system
 * id extension), then one row per up port: role (Root/Desg/Altn/Back/Disb), status (FWD/BLK),
 * cost, port id `128.N`, link type `P2p` (plus `Edge` for a port that hears no BPDU).
 * Column widths follow the Catalyst layout: 19, 4, 3, 9, 8.
 * Left out: per-VLAN instances beyond VLAN 1, `Shr` link types, port-channel rows.
 */
import { formatMacCisco, type MacAddress } from '../../../addr/mac';
import { shortInterfaceName } from '../../../devices/interface-names';
import type { StpPortRole, StpStatus } from '../../../mgmt/switching';

const ROLE_WORDS: Readonly<Record<StpPortRole, string>> = { root: 'Root', designated: 'Desg', alternate: 'Altn', backup: 'Back', disabled: 'Disb' };

/** `show spanning-tree`; `bridgeMac` is the switch's own address (the bridge id MAC). */
export function formatShowSpanningTree(status: StpStatus, bridgeMac: MacAddress): string {
  const timers = `             Hello Time   ${status.helloTimeS} sec  Max Age ${status.maxAgeS} sec  Forward Delay ${status.forwardDelayS} sec`;
  const isRoot = status.rootId.mac === bridgeMac && status.rootId.priority === status.bridgeId.priority;
  const lines = ['VLAN0001', '  Spanning tree enabled protocol rstp', `  Root ID    Priority    ${status.rootId.priority}`, `             Address     ${formatMacCisco(status.rootId.mac)}`];
  if (isRoot) lines.push('             This bridge is the root');
  else {
    lines.push(`             Cost        ${status.rootPathCost}`);
    const rootPort = status.rootPortName ?? '';
    const portNumber = status.ports.find((p) => p.portName === rootPort)?.portId.split('.')[1] ?? '0';
    lines.push(`             Port        ${portNumber} (${rootPort})`);
  }
  lines.push(timers, '');
  const vlan = 1;
  lines.push(`  Bridge ID  Priority    ${status.bridgeId.priority}  (priority ${status.bridgeId.priority - vlan} sys-id-ext ${vlan})`);
  lines.push(`             Address     ${formatMacCisco(status.bridgeId.mac)}`);
  lines.push(timers, '             Aging Time  300 sec', '');
  lines.push('Interface           Role Sts Cost      Prio.Nbr Type');
  lines.push('------------------- ---- --- --------- -------- --------------------------------');
  for (const p of status.ports) {
    const sts = p.state === 'forwarding' ? 'FWD' : 'BLK';
    lines.push(`${shortInterfaceName(p.portName).padEnd(19)} ${ROLE_WORDS[p.role]} ${sts} ${String(p.cost).padEnd(9)} ${p.portId.padEnd(8)} ${p.edge ? 'P2p Edge' : 'P2p'}`);
  }
  return lines.join('\n');
}
