/**
 * Catalyst port displays against real captures: `show interfaces status` rows as in the
 * ntc-templates capture (cisco_ios_show_interfaces_status.raw), `show interfaces switchport`
 * blocks as in cisco_ios_show_interfaces_switchport.raw.
 */
import { describe, expect, it } from 'vitest';
import { formatShowInterfacesStatus, formatShowInterfacesSwitchport, type SwitchportView } from '../../../../../sim-core/console/output/ios/switchports';
import { iface } from '../view-builders';

const access = (vlan: number) => ({ mode: 'access' as const, accessVlan: vlan, nativeVlan: 1 });

describe('show interfaces status', () => {
  it('puts each column where the capture has it: a linked port, a 100 Mb/s one, an unlinked one and a trunk', () => {
    const text = formatShowInterfacesStatus([
      iface('GigabitEthernet1/0/1', { vlan: access(1), linkUp: false, lineProtocolUp: false }),
      iface('GigabitEthernet1/0/2', { description: 'AccessPoint', vlan: access(8) }),
      iface('GigabitEthernet1/0/4', { description: 'SingleName', vlan: access(1), bandwidthKbps: 100000 }),
      iface('GigabitEthernet1/0/5', { description: 'Dashed-Name', vlan: access(1000) }),
    ]);
    expect(text.split('\n')).toEqual([
      '',
      'Port      Name               Status       Vlan       Duplex  Speed Type',
      'Gi1/0/1                      notconnect   1            auto   auto 10/100/1000BaseTX',
      'Gi1/0/2   AccessPoint        connected    8          a-full a-1000 10/100/1000BaseTX',
      'Gi1/0/4   SingleName         connected    1          a-full  a-100 10/100/1000BaseTX',
      'Gi1/0/5   Dashed-Name        connected    1000       a-full a-1000 10/100/1000BaseTX',
    ]);
  });

  it('shows trunks, routed ports and shut ports in the Vlan and Status words IOS uses, and cuts a long description to 18', () => {
    const text = formatShowInterfacesStatus([
      iface('GigabitEthernet1/0/23', { description: 'Uplink to the provincial core', vlan: { mode: 'trunk', nativeVlan: 1 } }),
      iface('GigabitEthernet1/0/24', { adminUp: false, linkUp: false, lineProtocolUp: false }),
      iface('Vlan10', { kind: 'svi' }),
    ]);
    expect(text.split('\n').slice(2)).toEqual([
      'Gi1/0/23  Uplink to the prov connected    trunk      a-full a-1000 10/100/1000BaseTX',
      'Gi1/0/24                     disabled     routed       auto   auto 10/100/1000BaseTX',
    ]);
  });
});

function port(overrides: Partial<SwitchportView>): SwitchportView {
  return {
    name: 'GigabitEthernet0/2',
    switchport: true,
    configuredMode: undefined,
    up: true,
    accessVlan: 100,
    nativeVlan: 1,
    allowedVlans: undefined,
    vlanName: (id) => (id === 1 ? 'default' : id === 100 ? 'PLC1' : undefined),
    ...overrides,
  };
}

describe('show interfaces switchport', () => {
  it('an unconfigured port is dynamic auto operating as static access, as in the capture', () => {
    const lines = formatShowInterfacesSwitchport([port({})]).split('\n');
    expect(lines.slice(0, 10)).toEqual([
      'Name: Gi0/2',
      'Switchport: Enabled',
      'Administrative Mode: dynamic auto',
      'Operational Mode: static access',
      'Administrative Trunking Encapsulation: dot1q',
      'Operational Trunking Encapsulation: native',
      'Negotiation of Trunking: On',
      'Access Mode VLAN: 100 (PLC1)',
      'Trunking Native Mode VLAN: 1 (default)',
      'Administrative Native VLAN tagging: enabled',
    ]);
    expect(lines.slice(-5)).toEqual(['', 'Protected: false', 'Unknown unicast blocked: disabled', 'Unknown multicast blocked: disabled', 'Appliance trust: none']);
  });

  it('a trunk lists its allowed VLANs; a VLAN missing from the database is Inactive; a routed port says Disabled', () => {
    const text = formatShowInterfacesSwitchport([
      port({ name: 'GigabitEthernet0/1', configuredMode: 'trunk', allowedVlans: [10, 20, 21, 22], accessVlan: 1 }),
      port({ name: 'GigabitEthernet0/3', configuredMode: 'access', accessVlan: 30, up: false }),
      port({ name: 'GigabitEthernet0/4', switchport: false }),
    ]);
    expect(text).toContain('Name: Gi0/1\nSwitchport: Enabled\nAdministrative Mode: trunk\nOperational Mode: trunk\n');
    expect(text).toContain('Operational Trunking Encapsulation: dot1q\nNegotiation of Trunking: On\n');
    expect(text).toContain('Trunking VLANs Enabled: 10,20-22\n');
    expect(text).toContain('Name: Gi0/3\nSwitchport: Enabled\nAdministrative Mode: static access\nOperational Mode: down\n');
    expect(text).toContain('Negotiation of Trunking: Off\nAccess Mode VLAN: 30 (Inactive)\n');
    expect(text.endsWith('Appliance trust: none\n\nName: Gi0/4\nSwitchport: Disabled')).toBe(true);
  });
});
