/**
 * diffLabs: what an edit of the lab changes in the running network, in the order a session
 * applies it; and budget reports that say what used a run's events.
 */
import { describe, expect, it } from 'vitest';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { diffLabs } from '../../../sim-core/lab/lab-diff';
import { asDeviceName, type Lab } from '../../../sim-core/lab/lab-document';
import { loadLab } from '../../../sim-core/lab/load-lab';

function parse(text: string): Lab {
  const loaded = loadLab(text, 'lab.v6lab.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.lab;
}

const LAB = parse(`
version: 1
devices:
  - name: R1
    kind: router
    position: { x: 10, y: 20 }
    config: |
      hostname R1
      interface GigabitEthernet0/0
       no shutdown
  - name: PC1
    kind: pc
    position: { x: 100, y: 20 }
links:
  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]
`);

describe('diffLabs', () => {
  it('moving a device or naming the lab changes nothing in the network', () => {
    const moved: Lab = { ...LAB, name: 'renamed lab', devices: LAB.devices.map((d) => ({ ...d, position: { x: d.position!.x + 50, y: 0 } })) };
    expect(diffLabs(LAB, moved)).toEqual([]);
  });

  it('a device added with its cable: the device first, then the cable', () => {
    const added = parse(`
version: 1
devices:
  - { name: R1, kind: router, position: { x: 10, y: 20 }, config: "hostname R1\\ninterface GigabitEthernet0/0\\n no shutdown\\n" }
  - { name: PC1, kind: pc, position: { x: 100, y: 20 } }
  - { name: SRV1, kind: server }
links:
  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]
  - endpoints: ["R1:GigabitEthernet0/1", "SRV1:eth0"]
`);
    expect(diffLabs(LAB, added).map((c) => c.kind)).toEqual(['add-device', 'add-link']);
    expect(diffLabs(added, LAB).map((c) => c.kind)).toEqual(['remove-link', 'remove-device']);
  });

  it('a rename (same kind, same place, hostname line rewritten) is one rename, its cable kept', () => {
    const renamed: Lab = {
      ...LAB,
      devices: LAB.devices.map((d) => (d.name === 'R1' ? { ...d, name: asDeviceName('EDGE1'), config: d.config!.replace('hostname R1', 'hostname EDGE1') } : d)),
      links: LAB.links.map((l) => ({ ...l, endpoints: [{ ...l.endpoints[0], device: asDeviceName('EDGE1') }, l.endpoints[1]] as const })),
    };
    expect(diffLabs(LAB, renamed)).toEqual([{ kind: 'rename-device', from: 'R1', to: 'EDGE1' }]);
  });

  it('a cable unplugged is a state change; a cable with a new delay is re-cabled', () => {
    const unplugged: Lab = { ...LAB, links: LAB.links.map((l) => ({ ...l, state: 'down' as const })) };
    expect(diffLabs(LAB, unplugged).map((c) => c.kind)).toEqual(['set-link-state']);
    const slower: Lab = { ...LAB, links: LAB.links.map((l) => ({ ...l, delayNs: 5_000_000 })) };
    expect(diffLabs(LAB, slower).map((c) => c.kind)).toEqual(['remove-link', 'add-link']);
  });

  it('a device whose config text changed otherwise is put in again, with its cables', () => {
    const reconfigured: Lab = { ...LAB, devices: LAB.devices.map((d) => (d.name === 'R1' ? { ...d, config: `${d.config}ipv6 unicast-routing\n` } : d)) };
    expect(diffLabs(LAB, reconfigured).map((c) => c.kind)).toEqual(['remove-link', 'remove-device', 'add-device', 'add-link']);
  });

  it('applied to a running session, the network ends up as a fresh boot of the new lab would be', () => {
    const session = bootLab(LAB, { seed: 1 });
    session.runFor(5_000_000_000);
    const next = parse(`
version: 1
devices:
  - { name: EDGE1, kind: router, position: { x: 10, y: 20 }, config: "hostname EDGE1\\ninterface GigabitEthernet0/0\\n no shutdown\\n" }
  - { name: PC1, kind: pc, position: { x: 100, y: 20 } }
  - { name: SRV1, kind: server, config: "ip link set dev eth0 up\\n" }
links:
  - endpoints: ["EDGE1:GigabitEthernet0/0", "PC1:Ethernet0"]
  - endpoints: ["EDGE1:GigabitEthernet0/1", "SRV1:eth0"]
`);
    expect(session.applyChanges(diffLabs(LAB, next), next)).toEqual([]);
    expect(session.nowNs).toBe(5_000_000_000);
    expect(session.deviceNames).toEqual(['EDGE1', 'PC1', 'SRV1']);
    const config = session.runningConfig('EDGE1');
    expect(config.ok && config.value).toContain('hostname EDGE1');
    expect(session.device('EDGE1').name).toBe('R1');
    expect(session.labNameOf('R1')).toBe('EDGE1');
    expect(session.network.linkAt('R1:GigabitEthernet0/1').b.device).toBe('SRV1');
    // A new R1 while the renamed one still runs under that name gets a name of its own in the network.
    const again: Lab = { ...next, devices: [...next.devices, { name: asDeviceName('R1'), kind: 'router' }] };
    expect(session.applyChanges(diffLabs(next, again), again)).toEqual([]);
    expect(session.device('R1').name).toBe('R1~2');
    expect(session.exec('R1', 'show running-config').ok).toBe(true);
  });
});

describe('undoing a delete', () => {
  it('brings the device back with the configuration typed at its console, and a save writes it', () => {
    const session = bootLab(LAB, { seed: 1 });
    session.runFor(2_000_000_000);
    for (const line of ['enable', 'configure terminal', 'ipv6 unicast-routing', 'end']) session.exec('R1', line);
    const configured = session.runningConfig('R1');
    const without: Lab = { ...LAB, devices: LAB.devices.filter((d) => d.name !== 'R1'), links: [] };
    session.applyChanges(diffLabs(LAB, without), without);
    expect(session.changedConfigs()).toEqual({});
    session.applyChanges(diffLabs(without, LAB), LAB);
    expect(session.runningConfig('R1')).toEqual(configured);
    expect(session.changedConfigs().R1).toContain('\nipv6 unicast-routing\n');
    // A device of that name added anew (another kind, or other text) starts from its own config.
    session.applyChanges(diffLabs(LAB, without), without);
    const other: Lab = { ...without, devices: [...without.devices, { name: asDeviceName('R1'), kind: 'router' }] };
    session.applyChanges(diffLabs(without, other), other);
    expect(session.runningConfig('R1')).not.toEqual(configured);
  });
});

describe('a run that uses the event budget says what used it', () => {
  it('a loop of switches without spanning tree: the message names the switches, the ports and the traffic', () => {
    const session = bootLab(
      parse(`
version: 1
devices:
  - { name: SW1, kind: switch }
  - { name: SW2, kind: switch }
  - { name: PC1, kind: pc, config: "netsh interface ipv4 set address \\"Ethernet0\\" static 192.0.2.10 255.255.255.0\\n" }
links:
  - endpoints: ["SW1:GigabitEthernet1/0/1", "SW2:GigabitEthernet1/0/1"]
  - endpoints: ["SW1:GigabitEthernet1/0/2", "SW2:GigabitEthernet1/0/2"]
  - endpoints: ["SW1:GigabitEthernet1/0/4", "PC1:Ethernet0"]
`),
      { seed: 1, eventBudget: 100_000 },
    );
    for (const sw of ['SW1', 'SW2']) session.network.device(sw).spanningTree!.stop();
    const result = session.runFor(10_000_000_000);
    expect(result.status).toBe('budget-exhausted');
    expect(result.message).toMatch(/event budget ran out.*: a broadcast storm: frames loop through SW1, SW2\. .*Busiest ports in the last 20000 events: SW1 GigabitEthernet1\/0\/1 \(\d+\)/);
    expect(result.message).not.toContain('GigabitEthernet1/0/4');
    expect(result.message).toContain('100% of the frames are ARP');
    const report = session.budgetReport()!;
    expect(report.loop).toBe('layer-2');
    expect(report.text.vi).toContain('bão quảng bá: khung tin chạy vòng qua SW1, SW2');
  });
});
