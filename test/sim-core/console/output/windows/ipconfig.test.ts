/** Windows `ipconfig`, `ipconfig /all` and `hostname` against real captures and course hosts. */
import { describe, expect, it } from 'vitest';
import { formatIpconfig, formatIpconfigAll, formatWindowsHostname, IPCONFIG_LABELS } from '../../../../../sim-core/console/output/windows/ipconfig';
import type { HostInfoView, HostInterfaceView } from '../../../../../sim-core/console/views';
import { addr6, fixture, iface, mac, v4, v6 } from '../view-builders';

const host = (extra: Partial<HostInterfaceView> = {}): HostInterfaceView => ({ ipv6DefaultRouters: [], dnsServers: [], dhcpEnabled: true, autoconfigEnabled: true, ...extra });
const info = (extra: Partial<HostInfoView> = {}): HostInfoView => ({ hostname: 'PC1', osVersion: '10.0.19045', uptimeS: 100, dnsSearchList: [], ipRoutingEnabled: false, nodeType: 'Hybrid', ...extra });

describe('ipconfig', () => {
  it('every dotted label puts the colon at column 37', () => {
    for (const label of Object.values(IPCONFIG_LABELS)) expect(`   ${label}:`.indexOf(':')).toBe(37);
  });
  it('reproduces the Windows 10 capture: two public IPv6 addresses, a temporary one, link-local %14, IPv6 gateway first', () => {
    const adapter = iface('Ethernet0 2', {
      ifIndex: 14,
      ipv6Enabled: true,
      ipv6: [addr6('dead:beef::17c/64', 'dhcpv6'), addr6('dead:beef::f770:9e75:ea0f:62bb/64', 'slaac'), addr6('dead:beef::bc72:c797:d2ea:4398/64', 'temporary'), addr6('fe80::8d4e:6cc4:6368:7ff7/64', 'link-local')],
      ipv4: [{ address: v4('10.129.9.213'), prefixLength: 16 }],
      host: host({ dnsSuffix: '.htb', ipv4Gateway: v4('10.129.0.1'), ipv6DefaultRouters: [{ address: v6('fe80::250:56ff:fe94:9b51'), lifetimeS: 1800 }] }),
    });
    const lines = formatIpconfig([adapter]).split('\n');
    expect(lines[0]).toBe(''); // the blank line cmd prints before the title (lost in the write-up)
    expect(lines.slice(1).join('\n')).toBe(fixture('windows', 'ipconfig.txt'));
  });
  it('a disconnected adapter shows Media disconnected and nothing else', () => {
    const text = formatIpconfig([iface('Ethernet1', { linkUp: false, lineProtocolUp: false, host: host() })]);
    expect(text.split('\n').slice(4)).toEqual(['Ethernet adapter Ethernet1:', '', '   Media State . . . . . . . . . . . : Media disconnected', '   Connection-specific DNS Suffix  . :']);
  });
  it('a tentative or duplicate address is not listed by plain ipconfig', () => {
    const text = formatIpconfig([iface('Ethernet0', { ipv6Enabled: true, ipv6: [addr6('2001:db8:6803:10::20/64', 'manual', { state: 'duplicate' }), addr6('fe80::20/64', 'link-local')], host: host() })]);
    expect(text).not.toContain('2001:db8:6803:10::20');
    expect(text).toContain('   Default Gateway . . . . . . . . . :');
  });
});

describe('ipconfig /all', () => {
  it('reproduces the Windows 11 host block', () => {
    const text = formatIpconfigAll(info({ hostname: 'DESKTOP-WIN11-HOME' }), []);
    expect(text).toBe(fixture('windows', 'ipconfig-all-header-win11.txt').replace(/\n$/, ''));
  });
  it('reproduces the Windows 11 Wi-Fi adapter (IPv6, temporary, link-local %11, DHCPv6 IAID/DUID) without the lease dates', () => {
    const adapter = iface('Wi-Fi', {
      ifIndex: 11,
      mac: mac('a8-7e-ea-55-26-b0'),
      ipv6Enabled: true,
      ipv6: [addr6('fd63:cc9c:65eb:3f95:57c2:aa:10d8:db08/64', 'slaac'), addr6('fd63:cc9c:65eb:3f95:8928:348e:d692:b7ef/64', 'temporary'), addr6('fe80::4fae:1380:5a1b:8b6b/64', 'link-local')],
      ipv4: [{ address: v4('192.168.1.169'), prefixLength: 24, dhcp: true }],
      host: host({
        adapterType: 'Wireless LAN',
        adapterDescription: 'Intel(R) Wi-Fi 6 AX200 160MHz',
        dnsSuffix: 'localdomain',
        ipv4Gateway: v4('192.168.1.1'),
        dhcpServer: v4('192.168.1.1'),
        dhcpv6Iaid: 162037482,
        dhcpv6ClientDuid: [0x00, 0x01, 0x00, 0x01, 0x2c, 0xcf, 0x19, 0xeb, 0x24, 0x4b, 0xfe, 0x5b, 0x9b, 0xe6],
        dnsServers: [v4('192.168.1.1')],
      }),
    });
    const text = formatIpconfigAll(info(), [adapter]);
    expect(text.split('\n').slice(9).join('\n')).toBe(fixture('windows', 'ipconfig-all-wifi-win11.txt'));
  });
  it('reproduces the server capture: IPv6 default gateway %6 without (Preferred), then the IPv4 gateway', () => {
    const adapter = iface('Ethernet0', {
      ifIndex: 6,
      mac: mac('00:50:56:b9:07:19'),
      ipv6Enabled: true,
      ipv6: [addr6('dead:beef::7153:19bd:ba81:2f49/64', 'dhcpv6'), addr6('fe80::fadf:1792:8597:3c3a/64', 'link-local')],
      ipv4: [{ address: v4('10.129.234.50'), prefixLength: 16, dhcp: true }],
      host: host({
        adapterDescription: 'vmxnet3 Ethernet Adapter',
        dnsSuffix: '.htb',
        ipv4Gateway: v4('10.129.0.1'),
        ipv6DefaultRouters: [{ address: v6('fe80::250:56ff:feb9:acf1') }],
        dhcpServer: v4('10.129.0.1'),
        dhcpv6Iaid: 385896534,
        dhcpv6ClientDuid: [0, 1, 0, 1, 0x30, 0xb9, 0x80, 0xa1, 0x00, 0x50, 0x56, 0xb9, 0x07, 0x19],
        dnsServers: [v4('127.0.0.1')],
      }),
    });
    expect(formatIpconfigAll(info(), [adapter]).split('\n').slice(9).join('\n')).toBe(fixture('windows', 'ipconfig-all-ethernet-server.txt'));
  });
  it('course PC: search list, static address, tentative and deprecated states, IPv6 DNS server with %index', () => {
    const adapter = iface('Ethernet0', {
      ifIndex: 12,
      mac: mac('00:0c:29:3a:4b:5c'),
      ipv6Enabled: true,
      ipv6: [addr6('2001:db8:6803:10::20/64', 'manual', { state: 'tentative' }), addr6('2001:db8:6803:10:a1b2:c3d4:e5f6:789/64', 'temporary', { state: 'deprecated' }), addr6('fe80::20c:29ff:fe3a:4b5c/64', 'link-local')],
      host: host({ dhcpEnabled: false, dnsServers: [v6('2001:db8:6801::53'), v6('fe80::1')] }),
    });
    const lines = formatIpconfigAll(info({ dnsSearchList: ['sotttt.kiengiang.gov.vn', 'kiengiang.gov.vn'] }), [adapter]).split('\n');
    expect(lines).toContain('   DNS Suffix Search List. . . . . . : sotttt.kiengiang.gov.vn');
    expect(lines).toContain(`${' '.repeat(39)}kiengiang.gov.vn`);
    expect(lines).toContain('   IPv6 Address. . . . . . . . . . . : 2001:db8:6803:10::20(Tentative)');
    expect(lines).toContain('   Temporary IPv6 Address. . . . . . : 2001:db8:6803:10:a1b2:c3d4:e5f6:789(Deprecated)');
    expect(lines).toContain('   DHCP Enabled. . . . . . . . . . . : No');
    expect(lines).toContain('   Default Gateway . . . . . . . . . :');
    const dns = lines.indexOf('   DNS Servers . . . . . . . . . . . : 2001:db8:6801::53');
    expect(lines[dns + 1]).toBe(`${' '.repeat(39)}fe80::1%12`);
  });
});

describe('hostname', () => {
  it('prints the name alone', () => {
    expect(formatWindowsHostname(info({ hostname: 'PC-SOTTTT-01' }))).toBe('PC-SOTTTT-01');
  });
});

describe('ipconfig /all DNS Servers', () => {
  const adapter = (dnsServers: HostInterfaceView['dnsServers'], ipv6Enabled = true) =>
    iface('Ethernet0', { ifIndex: 11, ipv6Enabled, ipv6: ipv6Enabled ? [addr6('fe80::8d4e:6cc4:6368:7ff7/64', 'link-local')] : [], ipv4: [{ address: v4('192.168.10.11'), prefixLength: 24 }], host: host({ dhcpEnabled: false, dnsServers }) });
  it('an IPv6-enabled adapter with no DNS server lists the fec0:0:0:ffff::1-3%1 placeholders, as Windows 10/11 do (jc windows-10 fixture)', () => {
    const lines = formatIpconfigAll(info(), [adapter([])]).split('\n');
    const at = lines.findIndex((l) => l.startsWith('   DNS Servers'));
    expect(lines.slice(at, at + 4)).toEqual([
      '   DNS Servers . . . . . . . . . . . : fec0:0:0:ffff::1%1',
      '                                       fec0:0:0:ffff::2%1',
      '                                       fec0:0:0:ffff::3%1',
      '   NetBIOS over Tcpip. . . . . . . . : Enabled',
    ]);
  });
  it('a configured or learned DNS server replaces the placeholders', () => {
    const text = formatIpconfigAll(info(), [adapter([v6('2001:db8:6803:10::53')])]);
    expect(text).toContain('   DNS Servers . . . . . . . . . . . : 2001:db8:6803:10::53\n   NetBIOS');
    expect(text).not.toContain('fec0');
  });
  it('an adapter without IPv6 shows an empty DNS Servers line', () => {
    expect(formatIpconfigAll(info(), [adapter([], false)])).toContain('   DNS Servers . . . . . . . . . . . :\n');
  });
});
