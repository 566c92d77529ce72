/**
 * IOS routing tables: the IOSv `show ip route` classful grouping and the `show ipv6 route`
 * entry layout, reproduced from real captures, plus the course's static-route labs.
 */
import { describe, expect, it } from 'vitest';
import { formatShowIpRoute, formatShowIpRouteEntry, formatShowIpv6Route, formatShowIpv6RouteEntry } from '../../../../../sim-core/console/output/ios/routes';
import type { RouteView } from '../../../../../sim-core/console/views';
import { fixture, p4, p6, rawP6, v4, v6 } from '../view-builders';

const connected4 = (prefix: string, ifName: string, code: 'C' | 'L' = 'C'): RouteView => ({ family: 'ipv4', prefix: p4(prefix), code, distance: 0, metric: 0, nextHops: [{ interfaceName: ifName }] });

describe('show ip route', () => {
  it('reproduces the IOSv capture: legend, gateway not set, variably subnetted 10.0.0.0/8 with an ECMP OSPF route', () => {
    const age = 6 * 3600 + 46 * 60 + 59;
    const routes: RouteView[] = [
      { family: 'ipv4', prefix: p4('10.2.3.0/24'), code: 'O', distance: 110, metric: 2, ageS: age, nextHops: [{ address: v4('10.186.2.2'), interfaceName: 'GigabitEthernet0/1' }, { address: v4('10.1.2.2'), interfaceName: 'GigabitEthernet0/0' }] },
      connected4('10.1.2.0/24', 'GigabitEthernet0/0'),
      connected4('10.1.2.1/32', 'GigabitEthernet0/0', 'L'),
      connected4('10.1.3.0/24', 'GigabitEthernet0/2'),
      connected4('10.1.3.1/32', 'GigabitEthernet0/2', 'L'),
    ];
    expect(formatShowIpRoute(routes)).toBe(fixture('ios', 'show-ip-route-iosv.txt'));
  });
  it('a static default sets the gateway of last resort and prints at top level with S*', () => {
    const routes: RouteView[] = [
      connected4('192.168.10.0/24', 'GigabitEthernet0/0'),
      connected4('192.168.10.1/32', 'GigabitEthernet0/0', 'L'),
      { family: 'ipv4', prefix: p4('0.0.0.0/0'), code: 'S*', distance: 1, metric: 0, nextHops: [{ address: v4('203.0.113.1') }] },
      { family: 'ipv4', prefix: p4('172.16.1.0/24'), code: 'S', distance: 1, metric: 0, nextHops: [{ address: v4('192.168.10.2') }] },
      { family: 'ipv4', prefix: p4('172.16.2.0/24'), code: 'S', distance: 1, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet0/1' }] },
    ];
    const text = formatShowIpRoute(routes);
    expect(text.split('\n').slice(10)).toEqual([
      'Gateway of last resort is 203.0.113.1 to network 0.0.0.0',
      '',
      'S*    0.0.0.0/0 [1/0] via 203.0.113.1',
      '      172.16.0.0/24 is subnetted, 2 subnets',
      'S        172.16.1.0 [1/0] via 192.168.10.2',
      'S        172.16.2.0 is directly connected, GigabitEthernet0/1',
      '      192.168.10.0/24 is variably subnetted, 2 subnets, 2 masks',
      'C        192.168.10.0/24 is directly connected, GigabitEthernet0/0',
      'L        192.168.10.1/32 is directly connected, GigabitEthernet0/0',
    ]);
  });
  it('an empty table prints the legend and the gateway line only', () => {
    const lines = formatShowIpRoute([]).split('\n');
    expect(lines.slice(-3)).toEqual(['', 'Gateway of last resort is not set', '']);
  });
});

describe('show ipv6 route', () => {
  it('reproduces the ntc-templates capture below its header (C, B with link-local next hops, L Null0 receive, S with four paths)', () => {
    const routes: RouteView[] = [
      { family: 'ipv6', prefix: p6('2a05:c100:2a::/64'), code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: 'Vlan1' }] },
      { family: 'ipv6', prefix: rawP6('2001:db8:4::2', 48), code: 'B', distance: 20, metric: 0, nextHops: [{ address: v6('fe80::a8bb:ccff:fe02:8b00'), interfaceName: 'Serial6/0' }, { address: v6('a8bb::fe80:ccff:fe02:8b00'), interfaceName: 'Serial4/0' }] },
      { family: 'ipv6', prefix: p6('ff00::/8'), code: 'L', distance: 0, metric: 0, nextHops: [{ interfaceName: 'Null0', receive: true }] },
      {
        family: 'ipv6',
        prefix: rawP6('5555:4444::4', 128),
        code: 'S',
        distance: 1,
        metric: 0,
        nextHops: [{ address: v6('2a05:c100:2a::56') }, { address: v6('2a05:c100:2a::5765') }, { address: v6('2a05:c100:2a::3:344'), interfaceName: 'Vlan1' }, { interfaceName: 'Vlan1' }],
      },
    ];
    // The capture's header counts 6 entries: the file goes on past the 4 routes it quotes.
    const expected = fixture('ios', 'show-ipv6-route.txt').split('\n');
    const lines = formatShowIpv6Route(routes).split('\n');
    expect(lines[0]).toBe('IPv6 Routing Table - default - 4 entries');
    expect(lines.slice(1)).toEqual(expected.slice(1));
  });
  it('course LAN router: connected, local receive, a /127 link, a static default to a link-local next hop', () => {
    const routes: RouteView[] = [
      { family: 'ipv6', prefix: p6('::/0'), code: 'S', distance: 1, metric: 0, nextHops: [{ address: v6('fe80::2'), interfaceName: 'GigabitEthernet0/1' }] },
      { family: 'ipv6', prefix: p6('2001:db8:6800:ff00::/127'), code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet0/1' }] },
      { family: 'ipv6', prefix: p6('2001:db8:6800:ff00::/128'), code: 'L', distance: 0, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet0/1', receive: true }] },
      { family: 'ipv6', prefix: p6('2001:db8:6803:10::/64'), code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet0/0' }] },
      { family: 'ipv6', prefix: p6('2001:db8:6803:10::1/128'), code: 'L', distance: 0, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet0/0', receive: true }] },
      { family: 'ipv6', prefix: p6('ff00::/8'), code: 'L', distance: 0, metric: 0, nextHops: [{ interfaceName: 'Null0', receive: true }] },
    ];
    const lines = formatShowIpv6Route(routes).split('\n');
    expect(lines[0]).toBe('IPv6 Routing Table - default - 6 entries');
    expect(lines.slice(7)).toEqual([
      'S   ::/0 [1/0]',
      '     via FE80::2, GigabitEthernet0/1',
      'C   2001:DB8:6800:FF00::/127 [0/0]',
      '     via GigabitEthernet0/1, directly connected',
      'L   2001:DB8:6800:FF00::/128 [0/0]',
      '     via GigabitEthernet0/1, receive',
      'C   2001:DB8:6803:10::/64 [0/0]',
      '     via GigabitEthernet0/0, directly connected',
      'L   2001:DB8:6803:10::1/128 [0/0]',
      '     via GigabitEthernet0/0, receive',
      'L   FF00::/8 [0/0]',
      '     via Null0, receive',
    ]);
  });
  it('ND default and NDp prefix routes learnt from RAs (IOS as a host) use the 4-wide code column', () => {
    const text = formatShowIpv6Route([
      { family: 'ipv6', prefix: p6('::/0'), code: 'ND', distance: 2, metric: 0, nextHops: [{ address: v6('fe80::a8bb:ccff:fe83:d2ff'), interfaceName: 'Ethernet0/0.103' }] },
      { family: 'ipv6', prefix: p6('2001:103::/64'), code: 'NDp', distance: 2, metric: 0, nextHops: [{ interfaceName: 'Ethernet0/0.103' }] },
    ]);
    expect(text.split('\n').slice(7)).toEqual(['ND  ::/0 [2/0]', '     via FE80::A8BB:CCFF:FE83:D2FF, Ethernet0/0.103', 'NDp 2001:103::/64 [2/0]', '     via Ethernet0/0.103, directly connected']);
  });
  it('an empty IPv6 table says 0 entries', () => {
    expect(formatShowIpv6Route([]).split('\n')[0]).toBe('IPv6 Routing Table - default - 0 entries');
  });
});

describe('show ipv6 route X (one entry)', () => {
  it('reproduces the captures of a connected and a static entry', () => {
    const twoWeeksThreeDays = (2 * 7 + 3) * 86400 + 5 * 3600;
    expect(formatShowIpv6RouteEntry({ family: 'ipv6', prefix: p6('2001:db8:0:52::/64'), code: 'C', distance: 0, metric: 0, updatedAgoS: twoWeeksThreeDays, nextHops: [{ interfaceName: 'Ethernet0/2' }] })).toBe(
      [
        'Routing entry for 2001:DB8:0:52::/64',
        '  Known via "connected", distance 0, metric 0, type connected',
        '  Route count is 1/1, share count 0',
        '  Routing paths:',
        '    directly connected via Ethernet0/2',
        '      Last updated 2w3d ago',
      ].join('\n'),
    );
    expect(formatShowIpv6RouteEntry({ family: 'ipv6', prefix: p6('2001:db8:3::/64'), code: 'S', distance: 1, metric: 0, updatedAgoS: 5 * 60 + 23, nextHops: [{ address: v6('2001:db8:12::2') }] })).toBe(
      ['Routing entry for 2001:DB8:3::/64', '  Known via "static", distance 1, metric 0', '  Route count is 1/1, share count 0', '  Routing paths:', '    2001:DB8:12::2', '      Last updated 00:05:23 ago'].join('\n'),
    );
  });

  it('a link-local next hop names its interface, as the capture of an EIGRP default does; no entry is % Route not found', () => {
    const text = formatShowIpv6RouteEntry({ family: 'ipv6', prefix: p6('::/0'), code: 'S', distance: 1, metric: 0, updatedAgoS: 73, nextHops: [{ address: v6('fe80::5054:ff:fe7a:74a2'), interfaceName: 'GigabitEthernet0/0' }] });
    expect(text.split('\n')[0]).toBe('Routing entry for ::/0');
    expect(text).toContain('\n    FE80::5054:FF:FE7A:74A2, GigabitEthernet0/0\n      Last updated 00:01:13 ago');
    expect(formatShowIpv6RouteEntry(undefined)).toBe('% Route not found');
  });
});

describe('show ip route X (one entry)', () => {
  it('reproduces the captures of a connected subnet, a static by next hop and a static by interface', () => {
    expect(formatShowIpRouteEntry(connected4('10.1.12.0/30', 'GigabitEthernet0/0'))).toBe(
      [
        'Routing entry for 10.1.12.0/30',
        '  Known via "connected", distance 0, metric 0 (connected, via interface)',
        '  Routing Descriptor Blocks:',
        '  * directly connected, via GigabitEthernet0/0',
        '      Route metric is 0, traffic share count is 1',
      ].join('\n'),
    );
    expect(formatShowIpRouteEntry({ family: 'ipv4', prefix: p4('10.1.3.0/24'), code: 'S', distance: 8, metric: 0, nextHops: [{ address: v4('10.1.12.2') }] })).toBe(
      ['Routing entry for 10.1.3.0/24', '  Known via "static", distance 8, metric 0', '  Routing Descriptor Blocks:', '  * 10.1.12.2', '      Route metric is 0, traffic share count is 1'].join('\n'),
    );
    expect(formatShowIpRouteEntry({ family: 'ipv4', prefix: p4('10.2.1.2/32'), code: 'S', distance: 1, metric: 0, nextHops: [{ interfaceName: 'GigabitEthernet2' }] })).toBe(
      ['Routing entry for 10.2.1.2/32', '  Known via "static", distance 1, metric 0 (connected)', '  Routing Descriptor Blocks:', '  * directly connected, via GigabitEthernet2', '      Route metric is 0, traffic share count is 1'].join('\n'),
    );
  });

  it('the default is a supernet and the candidate default path; nothing found is not in table', () => {
    const text = formatShowIpRouteEntry({ family: 'ipv4', prefix: p4('0.0.0.0/0'), code: 'S*', distance: 1, metric: 0, nextHops: [{ address: v4('203.0.113.1') }] });
    expect(text.split('\n').slice(0, 2)).toEqual(['Routing entry for 0.0.0.0/0, supernet', '  Known via "static", distance 1, metric 0, candidate default path']);
    expect(formatShowIpRouteEntry(undefined)).toBe('% Network not in table');
    expect(formatShowIpRouteEntry(undefined, 'subnet')).toBe('% Subnet not in table');
  });
});

