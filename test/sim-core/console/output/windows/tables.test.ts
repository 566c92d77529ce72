/** Windows route print, arp -a and netsh ipv6 tables against real captures. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatArpA,
  formatNetshShowAddress,
  formatNetshShowNeighbors,
  formatNetshShowRoute,
  formatRoutePrint,
  formatWindowsLifetime,
} from '../../../../../sim-core/console/output/windows/tables';
import type { InterfaceView, NeighborView, RouteView } from '../../../../../sim-core/console/views';
import { addr6, fixture, iface, mac, p4, p6, v4, v6 } from '../view-builders';

const route6 = (prefix: string, metric: number, ifIndex: number, gateway?: string, extra: Partial<RouteView> = {}): RouteView => ({
  family: 'ipv6',
  prefix: p6(prefix),
  code: gateway === undefined ? 'C' : 'ND',
  distance: 0,
  metric,
  nextHops: [{ ifIndex, ...(gateway === undefined ? {} : { address: v6(gateway) }) }],
  ...extra,
});

describe('route print', () => {
  const ethernet = iface('Ethernet0', { ifIndex: 12, mac: mac('00:0c:29:3a:4b:5c'), ipv4: [{ address: v4('192.168.10.20'), prefixLength: 24 }], host: { ipv6DefaultRouters: [], dnsServers: [], dhcpEnabled: true, autoconfigEnabled: true, adapterDescription: 'Intel(R) 82574L Gigabit Network Connection' } });
  const loopback = iface('Loopback Pseudo-Interface 1', { kind: 'loopback', ifIndex: 1 });
  it('reproduces the IPv6 section of a real capture, including a /128 that wraps its gateway onto a 36-space line', () => {
    const routes = [
      route6('::/0', 281, 6, 'fe80::429b:cdff:fe3e:1d8c'),
      route6('::1/128', 331, 1),
      route6('2001:8f8:1629:2ae2::/64', 281, 6),
      route6('2001:8f8:1629:2ae2:6084:b7fa:9bf:9385/128', 281, 6),
      route6('fe80::/64', 291, 12),
    ];
    const lines = formatRoutePrint([], routes).split('\n');
    const start = lines.indexOf('IPv6 Route Table');
    const expected = fixture('windows', 'route-print-ipv6.txt').split('\n');
    expect(lines.slice(start, start + expected.length)).toEqual(expected);
  });
  it('interface list, IPv4 columns (the jc Windows layout) and the None persistent lists', () => {
    const routes: RouteView[] = [
      { family: 'ipv4', prefix: p4('0.0.0.0/0'), code: 'S*', distance: 1, metric: 281, nextHops: [{ address: v4('192.168.10.1') }], source: v4('192.168.10.20') },
      { family: 'ipv4', prefix: p4('127.0.0.0/8'), code: 'C', distance: 0, metric: 331, nextHops: [{}], source: v4('127.0.0.1') },
      { family: 'ipv4', prefix: p4('192.168.10.0/24'), code: 'C', distance: 0, metric: 281, nextHops: [{}], source: v4('192.168.10.20') },
    ];
    const lines = formatRoutePrint([ethernet, loopback], routes).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '='.repeat(75),
      'Interface List',
      ' 12...00 0c 29 3a 4b 5c ......Intel(R) 82574L Gigabit Network Connection',
      '  1...........................Software Loopback Interface 1',
      '='.repeat(75),
    ]);
    expect(lines.slice(9, 13)).toEqual([
      'Network Destination        Netmask          Gateway       Interface  Metric',
      '          0.0.0.0          0.0.0.0     192.168.10.1    192.168.10.20    281',
      '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331',
      '     192.168.10.0    255.255.255.0         On-link     192.168.10.20    281',
    ]);
    expect(lines.slice(13, 17)).toEqual(['='.repeat(75), 'Persistent Routes:', '  None', '']);
    expect(lines.slice(-3)).toEqual(['='.repeat(75), 'Persistent Routes:', '  None']);
  });
  it('a persistent IPv6 route is listed under Persistent Routes with If 0', () => {
    const lines = formatRoutePrint([], [route6('2001:db8::/64', 4294967295, 12, 'fe80::1', { persistent: true, code: 'S' })]).split('\n');
    expect(lines.slice(-3)).toEqual([' If Metric Network Destination      Gateway', '  0 4294967295 2001:db8::/64            fe80::1', '='.repeat(75)]);
  });
});

describe('arp -a', () => {
  it('reproduces the two-interface capture (index in hex, lower-case dashed MACs, dynamic/static)', () => {
    const a = iface('Ethernet0', { ifIndex: 0xd, ipv4: [{ address: v4('192.168.205.4'), prefixLength: 24 }] });
    const b = iface('Ethernet1', { ifIndex: 0x11, ipv4: [{ address: v4('172.30.0.2'), prefixLength: 24 }] });
    const row = (ip: string, m: string, dynamic: boolean, on: InterfaceView) => ({ address: v4(ip), mac: mac(m), dynamic, interfaceName: on.name });
    const text = formatArpA(
      [a, b],
      [
        row('192.168.205.254', '00-50-56-ab-66-1c', true, a),
        row('192.168.253.254', '00-50-56-ab-66-1c', true, a),
        row('224.0.0.22', '01-00-5e-00-00-16', false, a),
        row('224.0.0.251', '01-00-5e-00-00-fb', false, a),
        row('224.0.0.252', '01-00-5e-00-00-fc', false, a),
        row('255.255.255.255', 'ff-ff-ff-ff-ff-ff', false, a),
        row('172.30.0.1', '00-50-56-bd-14-0f', true, b),
      ],
    );
    expect(text).toBe(fixture('windows', 'arp-a.txt'));
  });
  it('no IPv4 interface: No ARP Entries Found.', () => {
    expect(formatArpA([], [])).toBe('No ARP Entries Found.');
  });
});

describe('netsh interface ipv6 show address', () => {
  it('reproduces the Odom capture: Temporary/Public/Other, lifetimes overflowing the column, %index on link-local', () => {
    const wifi = iface('Wi-Fi', {
      ifIndex: 7,
      ipv6Enabled: true,
      ipv6: [
        addr6('2001:db8:1111:1:c1cd:7a44:45a5:58f1/64', 'temporary', { validLifetimeS: 6 * 86400 + 23 * 3600 + 57 * 60 + 58, preferredLifetimeS: 23 * 3600 + 49 * 60 + 3 }),
        addr6('2001:db8:1111:1:f1f5:5cbb:f395:6c51/64', 'slaac'),
        addr6('fe80::f1f5:5cbb:f395:6c51/64', 'link-local'),
      ],
    });
    expect(formatNetshShowAddress([wifi])).toBe(`\n${fixture('windows', 'netsh-show-address-wifi.txt')}`);
  });
  it('reproduces the two-interface capture (Deprecated, loopback ::1)', () => {
    const views = [
      iface('Local Area Connection* 3', { ifIndex: 16, ipv6Enabled: true, ipv6: [addr6('fe80::78a9:3abe:7c8f:b5c1/64', 'link-local', { state: 'deprecated' })] }),
      iface('Loopback Pseudo-Interface 1', { kind: 'loopback', ifIndex: 1, ipv6Enabled: true, ipv6: [addr6('::1/128', 'link-local')] }),
      iface('Bluetooth Network Connection', { ifIndex: 4 }),
    ];
    expect(formatNetshShowAddress(views)).toBe(`\n${fixture('windows', 'netsh-show-address-two.txt')}`);
  });
  it('reproduces the Manual (static) address capture', () => {
    const view = iface('Ethernet', { ifIndex: 13, ipv6Enabled: true, ipv6: [addr6('2001:ee0:b004:30fe::1/64', 'manual'), addr6('fe80::1c3c:ffc:c87c:8082/64', 'link-local')] });
    expect(formatNetshShowAddress([view])).toBe(`\n${fixture('windows', 'netsh-show-address-manual.txt')}`);
  });
  it('lifetimes: infinite, leading and trailing zero units dropped, inner zeros kept', () => {
    expect(formatWindowsLifetime(undefined)).toBe('infinite');
    expect(formatWindowsLifetime(604740)).toBe('6d23h59m');
    expect(formatWindowsLifetime(86400 + 5)).toBe('1d0h0m5s');
    expect(formatWindowsLifetime(0)).toBe('0s');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 8 }), (s) => {
        const parts = [...formatWindowsLifetime(s).matchAll(/(\d+)([dhms])/g)];
        const total = parts.reduce((sum, [, n, u]) => sum + Number(n) * { d: 86400, h: 3600, m: 60, s: 1 }[u as 'd' | 'h' | 'm' | 's'], 0);
        expect(total).toBe(s);
      }),
    );
  });
});

describe('netsh interface ipv6 show route', () => {
  it('reproduces the blog capture (System routes, Idx right-aligned, interface names)', () => {
    const sys = (prefix: string, idx: number, name: string): RouteView => ({ family: 'ipv6', prefix: p6(prefix), code: 'C', distance: 0, metric: 256, nextHops: [{ ifIndex: idx, interfaceName: name }] });
    const text = formatNetshShowRoute([sys('::1/128', 1, 'Loopback Pseudo-Interface 1'), sys('fe80::/64', 10, 'Ethernet'), sys('fe80::/64', 26, 'vEthernet (External)')]);
    expect(text).toBe(`\n${fixture('windows', 'netsh-show-route.txt')}`);
  });
  it('an RA default is Autoconf with its gateway; a static route is Manual', () => {
    const lines = formatNetshShowRoute([
      { family: 'ipv6', prefix: p6('::/0'), code: 'ND', distance: 0, metric: 256, nextHops: [{ ifIndex: 12, address: v6('fe80::1') }] },
      { family: 'ipv6', prefix: p6('2001:db8:6803:20::/64'), code: 'S', distance: 0, metric: 256, nextHops: [{ ifIndex: 12, address: v6('2001:db8:6803:10::1') }], publish: false },
    ]).split('\n');
    expect(lines.slice(3)).toEqual(['No       Autoconf  256  ::/0                       12  fe80::1', 'No       Manual    256  2001:db8:6803:20::/64      12  2001:db8:6803:10::1']);
  });
});

describe('netsh interface ipv6 show neighbors', () => {
  it('reproduces the blog capture rows (Unreachable with zero MAC omitted → blank, Permanent multicast)', () => {
    const nb = (a: string, m: string | undefined, state: NeighborView['state'], isRouter = false): NeighborView => ({ address: v6(a), ...(m === undefined ? {} : { linkLayer: mac(m) }), state, interfaceName: 'Ethernet', isRouter });
    const text = formatNetshShowNeighbors(
      [iface('Ethernet', { ifIndex: 26 })],
      [nb('fe80::f841:cd78:7c8a:e20d', '00-00-00-00-00-00', 'FAILED'), nb('ff02::1', '33-33-00-00-00-01', 'PERMANENT'), nb('ff02::2', '33-33-00-00-00-02', 'PERMANENT')],
    );
    expect(text.split('\n').slice(3)).toEqual(fixture('windows', 'netsh-show-neighbors.txt').split('\n'));
    expect(text.split('\n').slice(0, 3)).toEqual(['', 'Interface 26: Ethernet', '']);
  });
  it('a router is marked (Router); an incomplete entry has no MAC', () => {
    const lines = formatNetshShowNeighbors(
      [iface('Ethernet0', { ifIndex: 12 })],
      [
        { address: v6('fe80::1'), linkLayer: mac('00:00:5e:00:53:01'), state: 'REACH', interfaceName: 'Ethernet0', isRouter: true },
        { address: v6('2001:db8:6803:10::99'), state: 'INCMP', interfaceName: 'Ethernet0', isRouter: false },
      ],
    ).split('\n');
    expect(lines.slice(5)).toEqual(['fe80::1                                       00-00-5e-00-53-01  Reachable (Router)', '2001:db8:6803:10::99                                             Incomplete']);
  });
});
