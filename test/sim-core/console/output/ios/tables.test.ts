/** IOS neighbour, ARP, VLAN and MAC tables against real captures. */
import { describe, expect, it } from 'vitest';
import { formatShowIpArp, formatShowIpv6Neighbors, formatShowMacAddressTable, formatShowVlanBrief } from '../../../../../sim-core/console/output/ios/tables';
import type { NeighborView } from '../../../../../sim-core/console/views';
import { fixture, mac, v4, v6 } from '../view-builders';

const n = (address: string, ageMin: number | undefined, link: string | undefined, state: NeighborView['state'], ifName: string): NeighborView => ({
  address: v6(address),
  ...(link === undefined ? {} : { linkLayer: mac(link) }),
  ...(ageMin === undefined ? {} : { ageS: ageMin * 60 + 30 }),
  state,
  interfaceName: ifName,
  isRouter: false,
});

describe('show ipv6 neighbors', () => {
  it('reproduces the ntc-templates capture: ages in minutes right-aligned, `-` for a static entry, short interface names', () => {
    const rows = [
      n('2402:1234:106:100:793a:f08d:5b3a:ef89', 33, '54e1.addb.200f', 'STALE', 'Vlan6'),
      n('2402:1234:106:100:a193:9153:7caf:9802', 1, '54e1.addb.200f', 'STALE', 'Vlan6'),
      n('2402:1234:106:100:b419:f5df:b315:f3c5', 144, '0800.2729.8bc1', 'STALE', 'Vlan6'),
      n('2402:1234:106:100:b8f1:d9d3:a5f1:c1c9', 4, '507b.9dcd.c2ae', 'STALE', 'Vlan6'),
      n('2402:1234:106:100:cc71:364e:a3e7:62b8', 36, '507b.9dcd.c2ae', 'STALE', 'Vlan6'),
      n('fe80::5aac:78ff:fef8:cccc', 23, '58ac.78f8.cccc', 'STALE', 'Vlan6'),
      n('fe80::7a0c:f0ff:fe8e:2ff4', 103, '780c.f08e.2ff4', 'STALE', 'Vlan6'),
      n('fe80::7ead:74ff:fe85:b86', 22, '7cad.7485.0c16', 'STALE', 'Vlan6'),
      n('fe80::208:e3ff:feff:fc28', 0, '0008.e3ff.fc28', 'REACH', 'Vlan687'),
      n('fe80::9277:eeff:fe9b:4e00', undefined, undefined, 'REACH', 'Di0'),
    ];
    expect(formatShowIpv6Neighbors(rows)).toBe(fixture('ios', 'show-ipv6-neighbors.txt'));
  });
  it('an INCMP entry during resolution has no MAC; an empty cache prints the header only', () => {
    expect(formatShowIpv6Neighbors([n('2001:db8:6803:10::99', 0, undefined, 'INCMP', 'GigabitEthernet0/0')]).split('\n')[1]).toBe(
      '2001:DB8:6803:10::99                        0 -               INCMP Gi0/0',
    );
    expect(formatShowIpv6Neighbors([])).toBe('IPv6 Address                              Age Link-layer Addr State Interface');
  });
});

describe('show ip arp', () => {
  it('matches the IOSv rows seen in real captures: own address `-`, learnt entries aged in minutes', () => {
    const text = formatShowIpArp([
      { address: v4('10.0.0.1'), mac: mac('5254.001e.e911'), interfaceName: 'GigabitEthernet0/1', dynamic: false },
      { address: v4('10.0.0.2'), mac: mac('fa16.3e00.0001'), ageMin: 17, interfaceName: 'GigabitEthernet0/1', dynamic: true },
      { address: v4('192.168.122.237'), mac: mac('c401.0531.0001'), ageMin: 173, interfaceName: 'FastEthernet0/0', dynamic: true },
      { address: v4('10.0.0.5'), ageMin: 0, interfaceName: 'GigabitEthernet0/1', dynamic: true },
    ]);
    expect(text.split('\n')).toEqual([
      'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
      'Internet  10.0.0.1                -   5254.001e.e911  ARPA   GigabitEthernet0/1',
      'Internet  10.0.0.2               17   fa16.3e00.0001  ARPA   GigabitEthernet0/1',
      'Internet  192.168.122.237       173   c401.0531.0001  ARPA   FastEthernet0/0',
      'Internet  10.0.0.5                0   Incomplete      ARPA',
    ]);
  });
});

describe('show vlan brief', () => {
  it('reproduces the IOL capture (ports in short form, empty port lists keep trailing blanks)', () => {
    const text = formatShowVlanBrief([
      { id: 1, name: 'default', status: 'active', ports: ['Ethernet0/0'] },
      { id: 100, name: 'Clients', status: 'active', ports: ['Ethernet0/2'] },
      { id: 200, name: 'Management', status: 'active', ports: [] },
      { id: 999, name: 'Parking_Lot', status: 'active', ports: ['Ethernet0/1', 'Ethernet0/3'] },
      { id: 1000, name: 'Native', status: 'active', ports: [] },
    ]);
    // The write-up trimmed the trailing blanks of empty port lists; real IOS keeps them (ntc capture).
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual(fixture('ios', 'show-vlan-brief-iol.txt').split('\n'));
    expect(text.split('\n')[4]).toBe('200  Management                       active    ');
  });
  it('wraps long port lists at the 31-column Ports field with 48-space continuation lines; default reserved VLANs act/unsup', () => {
    const ports = Array.from({ length: 10 }, (_, i) => `GigabitEthernet1/0/${i + 1}`);
    const lines = formatShowVlanBrief([
      { id: 10, name: 'SO-TTTT-LAN', status: 'active', ports },
      { id: 1002, name: 'fddi-default', status: 'act/unsup', ports: [] },
    ]).split('\n');
    expect(lines.slice(2)).toEqual([
      '10   SO-TTTT-LAN                      active    Gi1/0/1, Gi1/0/2, Gi1/0/3',
      `${' '.repeat(48)}Gi1/0/4, Gi1/0/5, Gi1/0/6`,
      `${' '.repeat(48)}Gi1/0/7, Gi1/0/8, Gi1/0/9`,
      `${' '.repeat(48)}Gi1/0/10`,
      '1002 fddi-default                     act/unsup ',
    ]);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(79);
  });
});

describe('show mac address-table', () => {
  it('reproduces the Catalyst capture layout (All/CPU static entries, dynamic entries, total line)', () => {
    const text = formatShowMacAddressTable([
      { mac: mac('0180.c200.000f'), dynamic: false, port: 'CPU' },
      { mac: mac('0180.c200.0010'), dynamic: false, port: 'CPU' },
      { mac: mac('ffff.ffff.ffff'), dynamic: false, port: 'CPU' },
      { vlan: 2, mac: mac('c869.cd54.1f71'), dynamic: true, port: 'GigabitEthernet1/0/7' },
    ]);
    expect(text).toBe(fixture('ios', 'show-mac-address-table.txt'));
  });
  it('an empty table still prints the headers and a zero total', () => {
    expect(formatShowMacAddressTable([]).split('\n').at(-1)).toBe('Total Mac Addresses for this criterion: 0');
  });
});
