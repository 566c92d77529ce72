/**
 * IOS interface displays against real captures (os-outputs.md, copied to
 * test/fixtures/os-outputs/ios) and edge cases on the course address plan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatIosAge,
  formatShowInterfaces,
  formatShowInterfacesTrunk,
  formatShowIpInterfaceBrief,
  formatShowIpv6Interface,
  formatShowIpv6InterfaceBrief,
  formatVlanRanges,
} from '../../../../../sim-core/console/output/ios/interfaces';
import type { InterfaceView } from '../../../../../sim-core/console/views';
import { addr6, fixture, iface, mac, ROUTER_ND, v4, v6 } from '../view-builders';

const ll = (text: string) => addr6(`${text}/64`, 'link-local');
const down = { linkUp: false, lineProtocolUp: false };
const shut = { adminUp: false, linkUp: false, lineProtocolUp: false };

describe('show ipv6 interface brief', () => {
  it('reproduces the ntc-templates capture: [status/protocol] at column 23, link-local first, unassigned, all status words', () => {
    const views: InterfaceView[] = [
      iface('TenGigabitEthernet1/1', { ipv6Enabled: true, ipv6: [addr6('2a01:3333:3333::5/64', 'static'), ll('fe80::333:3333:3333:3333')] }),
      iface('TenGigabitEthernet2/1', { ipv6Enabled: true, ipv6: [ll('fe80::333:3333:3333:3333'), addr6('2a01:3333:3333::9/64', 'static')] }),
      iface('TenGigabitEthernet2/2'),
      iface('TenGigabitEthernet2/6', { lineProtocolUp: false }),
      iface('TenGigabitEthernet3/10', shut),
      iface('TenGigabitEthernet3/12', down),
    ];
    expect(formatShowIpv6InterfaceBrief(views)).toBe(fixture('ios', 'show-ipv6-interface-brief.txt'));
  });
  it('reproduces the IOS XE capture (ISR port names, loopback without IPv6)', () => {
    const views = [
      iface('GigabitEthernet0/0/4', { ipv6Enabled: true, ipv6: [ll('fe80::c6b2:39ff:fefb:c414'), addr6('100:300:1::2/64', 'static')] }),
      iface('GigabitEthernet0/0/5'),
      iface('Loopback0', { kind: 'loopback' }),
    ];
    expect(formatShowIpv6InterfaceBrief(views)).toBe(fixture('ios', 'show-ipv6-interface-brief-xe.txt'));
  });
  it('course LAN: addresses in upper case; a name longer than 22 keeps one space', () => {
    const views = [
      iface('GigabitEthernet0/0.100', { ipv6Enabled: true, ipv6: [ll('fe80::1'), addr6('2001:db8:6803:10::1/64', 'static')] }),
      iface('TenGigabitEthernet0/0/0.1000', shut),
    ];
    expect(formatShowIpv6InterfaceBrief(views)).toBe(
      ['GigabitEthernet0/0.100 [up/up]', '    FE80::1', '    2001:DB8:6803:10::1', 'TenGigabitEthernet0/0/0.1000 [administratively down/down]', '    unassigned'].join('\n'),
    );
  });
  it('a deleted subinterface prints [deleted/down]', () => {
    expect(formatShowIpv6InterfaceBrief([iface('GigabitEthernet0/0.10', { kind: 'sub', deleted: true })])).toBe('GigabitEthernet0/0.10  [deleted/down]\n    unassigned');
  });
});

describe('show ipv6 interface', () => {
  it('reproduces the IOSv capture (router with RAs, /112 subnets, trailing space after unmarked addresses)', () => {
    const groups = ['ff02::1', 'ff02::2', 'ff02::5', 'ff02::6', 'ff02::1:ff01:1', 'ff02::1:ff05:2', 'ff02::1:ff4b:55fd'].map(v6);
    const view = iface('GigabitEthernet0/1.1', {
      kind: 'sub',
      ipv6Enabled: true,
      ipv6: [ll('fe80::f816:3eff:feff:a049'), addr6('2001:db8:405::1:1/112', 'static'), addr6('2001:db8:405::5:2/112', 'static')],
      ipv6Groups: groups,
      nd: ROUTER_ND,
    });
    expect(formatShowIpv6Interface([view])).toBe(fixture('ios', 'show-ipv6-interface-iosv.txt'));
  });
  it('a shut interface is tentative with [TEN] on its link-local (IOS XE capture, first lines)', () => {
    const view = iface('GigabitEthernet0/0/0', { ...shut, ipv6Enabled: true, ipv6: [ll('fe80::72ea:1aff:feb5:49b0')].map((a) => ({ ...a, state: 'tentative' as const })), nd: { ...ROUTER_ND, statelessAutoconfig: true } });
    const expected = fixture('ios', 'show-ipv6-interface-shutdown-xe.txt').split('\n').slice(0, 6);
    expect(formatShowIpv6Interface([view]).split('\n').slice(0, 6)).toEqual(expected);
  });
  it('DAD failure: link-local duplicate makes IPv6 "stalled" with [DUP]; a duplicate global gets [DUP]', () => {
    const view = iface('GigabitEthernet0/0', {
      ipv6Enabled: true,
      ipv6: [{ ...ll('fe80::99'), state: 'duplicate' }, addr6('2001:db8:6803:10::1/64', 'static', { state: 'duplicate' })],
      nd: ROUTER_ND,
    });
    const text = formatShowIpv6Interface([view]);
    expect(text).toContain('\n  IPv6 is stalled, link-local address is FE80::99 [DUP]\n');
    expect(text).toContain('\n    2001:DB8:6803:10::1, subnet is 2001:DB8:6803:10::/64 [DUP]\n');
  });
  it('eui-64 and autoconfig addresses carry EUI/CAL/PRE with the lifetimes line; tentative shows TEN', () => {
    const view = iface('GigabitEthernet0/1', {
      ipv6Enabled: true,
      ipv6: [
        ll('fe80::5054:ff:fe12:3456'),
        addr6('2001:db8:6803:10:5054:ff:fe12:3456/64', 'eui-64'),
        addr6('2001:db8:6803:20:5054:ff:fe12:3456/64', 'slaac', { validLifetimeS: 2591995, preferredLifetimeS: 604795 }),
        addr6('2001:db8:6803:30::1/64', 'static', { state: 'tentative' }),
      ],
      nd: { ...ROUTER_ND, sendsRouterAdvertisements: false, statelessAutoconfig: true },
    });
    const lines = formatShowIpv6Interface([view]).split('\n');
    expect(lines).toContain('    2001:DB8:6803:10:5054:FF:FE12:3456, subnet is 2001:DB8:6803:10::/64 [EUI]');
    const cal = lines.indexOf('    2001:DB8:6803:20:5054:FF:FE12:3456, subnet is 2001:DB8:6803:20::/64 [EUI/CAL/PRE]');
    expect(cal).toBeGreaterThan(0);
    expect(lines[cal + 1]).toBe('      valid lifetime 2591995 preferred lifetime 604795');
    expect(lines).toContain('    2001:DB8:6803:30::1, subnet is 2001:DB8:6803:30::/64 [TEN]');
    expect(lines[3]).toBe('  Stateless address autoconfig enabled');
    expect(lines.at(-1)).toBe('  ND NS retransmit interval is 1000 milliseconds');
  });
  it('RA settings: suppressed, M and O flags, ipv6 mtu', () => {
    const view = iface('GigabitEthernet0/0', {
      ipv6Enabled: true,
      ipv6MtuBytes: 1280,
      ipv6: [ll('fe80::1')],
      nd: { ...ROUTER_ND, raSuppressed: true, sendsRouterAdvertisements: false, managedFlag: true, otherConfigFlag: true },
    });
    const lines = formatShowIpv6Interface([view]).split('\n');
    expect(lines).toContain('  No global unicast address is configured');
    expect(lines).toContain('  MTU is 1280 bytes');
    expect(lines).toContain('  ND RAs are suppressed (periodic)');
    expect(lines).not.toContain('  ND router advertisements are sent every 200 seconds');
    expect(lines.slice(-2)).toEqual(['  Hosts use DHCP to obtain routable addresses.', '  Hosts use DHCP to obtain other configuration.']);
  });
  it('interfaces without IPv6 print nothing', () => {
    expect(formatShowIpv6Interface([iface('GigabitEthernet0/2')])).toBe('');
  });
});

describe('show ip interface brief', () => {
  it('reproduces the ntc-templates capture (NVRAM, deleted, administratively down)', () => {
    const views = [
      iface('Ethernet0/0', { ipv4Method: 'NVRAM' }),
      iface('Ethernet0/0.11', { kind: 'sub', ipv4Method: 'NVRAM', ipv4: [{ address: v4('10.0.1.38'), prefixLength: 30 }] }),
      iface('Ethernet0/0.100', { kind: 'sub', ipv4Method: 'NVRAM', deleted: true }),
      iface('Ethernet0/1', { ipv4Method: 'NVRAM', ipv4: [{ address: v4('1.1.1.1'), prefixLength: 24 }] }),
      iface('Ethernet0/2', { ...shut, ipv4Method: 'NVRAM' }),
      iface('Ethernet0/3', { ...shut, ipv4Method: 'NVRAM' }),
      iface('Loopback0', { kind: 'loopback', ipv4Method: 'NVRAM', ipv4: [{ address: v4('10.0.1.2'), prefixLength: 32 }] }),
    ];
    expect(formatShowIpInterfaceBrief(views)).toBe(fixture('ios', 'show-ip-interface-brief.txt'));
  });
  it('reproduces the IOL capture: Method defaults to manual with an address and unset without', () => {
    const views = [
      iface('Ethernet0/0', { ipv4: [{ address: v4('10.0.0.1'), prefixLength: 30 }] }),
      iface('Ethernet0/1'),
      iface('Ethernet0/1.100', { kind: 'sub', ipv4: [{ address: v4('192.168.1.1'), prefixLength: 26 }] }),
      iface('Ethernet0/1.200', { kind: 'sub', ipv4: [{ address: v4('192.168.1.65'), prefixLength: 26 }] }),
      iface('Ethernet0/2', shut),
      iface('Ethernet0/3', shut),
    ];
    expect(formatShowIpInterfaceBrief(views)).toBe(fixture('ios', 'show-ip-interface-brief-iol.txt'));
  });
  it('a cable pulled out shows down/down; a secondary address is not the one listed', () => {
    const text = formatShowIpInterfaceBrief([
      iface('GigabitEthernet0/1', { ...down, ipv4: [{ address: v4('192.0.2.9'), prefixLength: 24, secondary: true }, { address: v4('192.0.2.1'), prefixLength: 24 }] }),
    ]);
    expect(text.split('\n')[1]).toBe('GigabitEthernet0/1         192.0.2.1       YES manual down                  down');
  });
});

describe('show interfaces', () => {
  const counters = { inPackets: 1543, inBytes: 187642, outPackets: 1210, outBytes: 98765, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: 0, inBroadcasts: 3, inMulticasts: 40, interfaceResets: 1 };
  it('an IOSv port: header with trailing space, iGbE hardware with bia, description, address, counters', () => {
    const text = formatShowInterfaces([
      iface('GigabitEthernet0/0', { mac: mac('0c2f.b0a8.1400'), description: 'LAN So TT&TT', ipv4: [{ address: v4('192.168.1.1'), prefixLength: 24 }], counters, lastInputAgoS: 0, lastOutputAgoS: 3 }),
    ]);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'GigabitEthernet0/0 is up, line protocol is up ',
      '  Hardware is iGbE, address is 0c2f.b0a8.1400 (bia 0c2f.b0a8.1400)',
      '  Description: LAN So TT&TT',
      '  Internet address is 192.168.1.1/24',
      '  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, ',
      '     reliability 255/255, txload 1/255, rxload 1/255',
    ]);
    expect(lines).toContain('  Last input 00:00:00, output 00:00:03, output hang never');
    expect(lines).toContain('     1543 packets input, 187642 bytes, 0 no buffer');
    expect(lines).toContain('     Received 3 broadcasts (40 IP multicasts)');
    expect(lines).toContain('     1210 packets output, 98765 bytes, 0 underruns');
    expect(lines).toContain('     0 output errors, 0 collisions, 1 interface resets');
    expect(lines.at(-1)).toBe('     0 output buffer failures, 0 output buffers swapped out');
    expect(lines).toHaveLength(29);
  });
  it('the loopback block matches the ntc-templates capture line for line (ignoring trailing blanks)', () => {
    const text = formatShowInterfaces([iface('Loopback0', { kind: 'loopback', description: 'Loopback', mtuBytes: 1514, bandwidthKbps: 8_000_000 })]);
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual([
      'Loopback0 is up, line protocol is up',
      '  Hardware is Loopback',
      '  Description: Loopback',
      '  MTU 1514 bytes, BW 8000000 Kbit/sec, DLY 5000 usec,',
      '     reliability 255/255, txload 1/255, rxload 1/255',
      '  Encapsulation LOOPBACK, loopback not set',
      '  Keepalive set (10 sec)',
      '  Last input never, output never, output hang never',
      '  Last clearing of "show interface" counters never',
      '  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0',
      '  Queueing strategy: fifo',
      '  Output queue: 0/0 (size/max)',
      '  5 minute input rate 0 bits/sec, 0 packets/sec',
      '  5 minute output rate 0 bits/sec, 0 packets/sec',
      '     0 packets input, 0 bytes, 0 no buffer',
      '     Received 0 broadcasts (0 IP multicasts)',
      '     0 runts, 0 giants, 0 throttles',
      '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
      '     0 packets output, 0 bytes, 0 underruns',
      '     0 output errors, 0 collisions, 0 interface resets',
      '     0 unknown protocol drops',
      '     0 output buffer failures, 0 output buffers swapped out',
    ]);
  });
  it('a subinterface shows its 802.1Q VLAN; an SVI says Ethernet SVI; a shut port is administratively down', () => {
    const text = formatShowInterfaces([
      iface('GigabitEthernet0/0.10', { kind: 'sub', mac: mac('5254.0012.3456'), vlan: { mode: 'routed', dot1qVlan: 10 } }),
      iface('Vlan10', { kind: 'svi', mac: mac('5254.0012.3457') }),
      iface('GigabitEthernet0/3', { ...shut, mac: mac('5254.0012.3458') }),
    ]);
    expect(text).toContain('  Encapsulation 802.1Q Virtual LAN, Vlan ID  10.\n');
    expect(text).toContain('Vlan10 is up, line protocol is up \n  Hardware is Ethernet SVI, address is 5254.0012.3457 (bia 5254.0012.3457)\n');
    expect(text).toContain('GigabitEthernet0/3 is administratively down, line protocol is down \n');
    expect(text).toContain('  Auto Duplex, Auto Speed, link type is auto, media type is RJ45\n');
  });
});

describe('show interfaces trunk', () => {
  const trunk = (name: string, allowed: number[], active?: number[]): InterfaceView =>
    iface(name, { vlan: { mode: 'trunk', nativeVlan: 1, allowedVlans: allowed, ...(active ? { activeVlans: active } : {}) } });
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  it('reproduces the first three sections of the genieparser Catalyst capture', () => {
    const views = [
      trunk('GigabitEthernet1/0/4', range(200, 211)),
      trunk('GigabitEthernet1/0/23', range(200, 211)),
      trunk('GigabitEthernet1/0/24', range(200, 211)),
      trunk('Port-channel12', range(100, 110)),
      trunk('Port-channel14', range(200, 211), [...range(200, 211), ...range(300, 302)]),
    ];
    const text = formatShowInterfacesTrunk(views);
    expect(text.split('\n').slice(0, 20).join('\n')).toBe(fixture('ios', 'show-interfaces-trunk.txt'));
  });
  it('access ports and down trunks are not listed; no trunk prints nothing', () => {
    expect(formatShowInterfacesTrunk([iface('GigabitEthernet0/1', { vlan: { mode: 'access', accessVlan: 10 } }), { ...trunk('GigabitEthernet0/2', [1]), ...down }])).toBe('');
  });
  it('VLAN ranges collapse runs and say none when empty', () => {
    expect(formatVlanRanges([30, 10, 11, 12, 20, 21])).toBe('10-12, 20-21, 30');
    expect(formatVlanRanges([])).toBe('none');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 4094 }), { minLength: 1, maxLength: 60 }), (vlans) => {
        const expanded = formatVlanRanges(vlans)
          .split(', ')
          .flatMap((part) => {
            const [a, b = a] = part.split('-').map(Number);
            return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
          });
        expect(expanded).toEqual([...vlans].sort((x, y) => x - y));
      }),
    );
  });
});

describe('IOS ages', () => {
  it('hh:mm:ss under a day, 1d21h under a week, 2w3d beyond', () => {
    expect(formatIosAge(0)).toBe('00:00:00');
    expect(formatIosAge(6 * 3600 + 46 * 60 + 59)).toBe('06:46:59');
    expect(formatIosAge(86400 + 21 * 3600 + 5)).toBe('1d21h');
    expect(formatIosAge(17 * 86400)).toBe('2w3d');
  });
});
