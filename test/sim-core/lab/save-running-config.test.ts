/**
 * Saving a lab keeps every device's configuration: configure from the consoles, write the lab
 * with each device's running configuration (LabSession.runningConfig / changedConfigs), load
 * the text back, boot it, and the devices show the same `show running-config`, `ipconfig /all`
 * and `ip addr` as before.
 */
import { describe, expect, it } from 'vitest';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { withDeviceConfigs, type Lab } from '../../../sim-core/lab/lab-document';
import type { LabSession } from '../../../sim-core/lab/lab-session';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { serializeLab } from '../../../sim-core/lab/serialize-lab';

/** R1 and SW1 at factory settings, PC1 and SRV1 unconfigured, SRV2 written by hand with a comment. */
const BLANK_LAB = `
version: 1
devices:
  - name: R1
    kind: router
  - name: SW1
    kind: switch
  - name: PC1
    kind: pc
  - name: SRV1
    kind: server
  - name: SRV2
    kind: server
    config: |
      # written by hand: kept as it is when nobody configures SRV2
      ip link set dev eth0 up
links:
  - endpoints: ["R1:GigabitEthernet0/0", "SW1:GigabitEthernet1/0/1"]
  - endpoints: ["SW1:GigabitEthernet1/0/2", "PC1:Ethernet0"]
  - endpoints: ["SW1:GigabitEthernet1/0/3", "SRV1:eth0"]
  - endpoints: ["R1:GigabitEthernet0/1", "SRV2:eth0"]
`;

function parse(text: string): Lab {
  const loaded = loadLab(text, 'lab.v6lab.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return loaded.lab;
}

function type(session: LabSession, device: string, lines: readonly string[]): void {
  for (const line of lines) {
    const result = session.exec(device, line);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.transcript, `${device}: ${line}`).not.toMatch(/% Invalid|% Incomplete|is not recognized|command not found|Usage:|not permitted|rror/);
  }
}

/** What a trainee looks at to see a device's configuration, without the lines that change with time. */
function views(session: LabSession): Record<string, string> {
  const show = (device: string, line: string) => {
    const result = session.exec(device, line);
    if (!result.ok) throw new Error(result.error);
    // Lifetimes count down and the uptime moves: they are not configuration.
    return result.value.transcript.replace(/\d+(\.\d+)?\s*(sec|s\b)|lft \S+|Lease \S+.*|\d{2}:\d{2}:\d{2}/g, '<t>');
  };
  return {
    'R1 show running-config': show('R1', 'show running-config'),
    'SW1 show running-config': show('SW1', 'show running-config'),
    'PC1 ipconfig /all': show('PC1', 'ipconfig /all'),
    'SRV1 ip addr': show('SRV1', 'ip addr'),
    'SRV1 ip -6 route': show('SRV1', 'ip -6 route'),
    'SRV2 ip addr': show('SRV2', 'ip addr'),
  };
}

describe('saving a lab writes every device’s running configuration', () => {
  it('configured at the consoles, saved, reopened: the same running-config, ipconfig /all and ip addr', () => {
    const lab = parse(BLANK_LAB);
    const session = bootLab(lab, { seed: 1 });
    session.runUntilSettled();
    type(session, 'R1', [
      'enable',
      'configure terminal',
      'hostname EDGE1',
      'ipv6 unicast-routing',
      'interface GigabitEthernet0/0',
      'ipv6 address 2001:db8:10::1/64',
      'ip address 192.0.2.1 255.255.255.0',
      'no shutdown',
      'end',
    ]);
    type(session, 'SW1', ['enable', 'configure terminal', 'vlan 10', 'name USERS', 'end']);
    type(session, 'PC1', ['netsh interface ipv6 add address "Ethernet0" 2001:db8:10::50', 'netsh interface ipv4 set address "Ethernet0" static 192.0.2.50 255.255.255.0 192.0.2.1']);
    type(session, 'SRV1', ['sudo ip -6 address add 2001:db8:10::10/64 dev eth0', 'sudo ip link set dev eth0 up', 'sudo ip -6 route add default via 2001:db8:10::1']);
    session.runUntil(session.nowNs + 5_000_000_000);
    // Looking at a device is not configuring it.
    session.exec('SRV2', 'ip addr');
    const before = views(session);
    expect(before['R1 show running-config']).toContain(' ipv6 address 2001:DB8:10::1/64');
    expect(before['SW1 show running-config']).toContain('vlan 10\n name USERS');
    expect(before['PC1 ipconfig /all']).toMatch(/2001:db8:10::50[\s\S]*192\.0\.2\.50/);
    expect(before['SRV1 ip addr']).toContain('inet6 2001:db8:10::10/64');

    const changed = session.changedConfigs();
    expect(Object.keys(changed).sort()).toEqual(['PC1', 'R1', 'SRV1', 'SW1']);
    expect(changed.R1).toContain('hostname EDGE1');
    expect(changed.R1).toContain('ipv6 unicast-routing');
    const saved = serializeLab(withDeviceConfigs(lab, changed));
    expect(saved).toContain('# written by hand: kept as it is when nobody configures SRV2');

    const reopened = bootLab(parse(saved), { seed: 1 });
    expect(reopened.problems).toEqual([]);
    reopened.runUntil(session.nowNs);
    type(reopened, 'R1', ['enable']);
    type(reopened, 'SW1', ['enable']);
    const after = views(reopened);
    for (const [view, text] of Object.entries(before)) expect(after[view], view).toBe(text);
    // And the reopened devices print the same configuration text again.
    for (const device of ['R1', 'SW1', 'PC1', 'SRV1']) expect(reopened.runningConfig(device)).toEqual(session.runningConfig(device));
  });

  it('runningConfig answers any device by name, and says which names there are for a wrong one', () => {
    const session = bootLab(parse(BLANK_LAB), { seed: 1 });
    const r1 = session.runningConfig('r1');
    expect(r1.ok && r1.value).toMatch(/^!\nversion [\d.]+\n[\s\S]*hostname R1\n[\s\S]*end\n$/);
    expect(session.runningConfig('PC1')).toEqual({ ok: true, value: '' });
    const wrong = session.runningConfig('R9');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error).toContain('R1, SW1, PC1, SRV1, SRV2');
  });
});
