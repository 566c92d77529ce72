/**
 * The host settings form writes console lines, and those lines are what the hosts' consoles
 * accept: typed into a running lab they configure the addresses the form asked for.
 */
import { describe, expect, it } from 'vitest';
import { hostSettingsLines, type HostSettings } from '../../../renderer/terminal/host-settings';
import { createHostHarness, parseLab } from '../sim/host-harness';

const base: HostSettings = { iface: 'Ethernet0', ipv4Address: '192.168.10.11/24', ipv4Gateway: '192.168.10.1', ipv6Mode: 'static', ipv6Address: '2001:db8:6803:10::11/64', ipv6Gateway: 'fe80::1' };

describe('hostSettingsLines', () => {
  it('Windows: netsh lines for IPv4 (mask from the prefix length) and static IPv6 with its default route', () => {
    expect(hostSettingsLines('pc', base)).toEqual({
      ok: true,
      lines: [
        'netsh interface ipv4 set address name="Ethernet0" source=static address=192.168.10.11 mask=255.255.255.0 gateway=192.168.10.1',
        'netsh interface ipv6 add address "Ethernet0" 2001:db8:6803:10::11/64',
        'netsh interface ipv6 add route ::/0 "Ethernet0" fe80::1',
      ],
    });
  });

  it('Linux: ip and sysctl lines as root (sudo); automatic IPv6 turns router advertisements and SLAAC on', () => {
    expect(hostSettingsLines('server', { ...base, iface: 'eth0', ipv6Mode: 'automatic' })).toEqual({
      ok: true,
      lines: ['sudo ip address add 192.168.10.11/24 dev eth0', 'sudo ip route add default via 192.168.10.1', 'sudo sysctl -w net.ipv6.conf.eth0.accept_ra=1', 'sudo sysctl -w net.ipv6.conf.eth0.autoconf=1'],
    });
  });

  it('names the wrong field instead of writing a line the console would refuse', () => {
    expect(hostSettingsLines('pc', { ...base, ipv4Address: '192.168.10.300/24' })).toEqual({ ok: false, error: 'ipv4-address' });
    expect(hostSettingsLines('pc', { ...base, ipv6Address: '2001:db8::zz/64' })).toEqual({ ok: false, error: 'ipv6-address' });
    expect(hostSettingsLines('pc', { ...base, ipv6Gateway: 'router' })).toEqual({ ok: false, error: 'ipv6-gateway' });
    expect(hostSettingsLines('router', base)).toEqual({ ok: false, error: 'not-a-host' });
  });

  it('an empty IPv4 address leaves IPv4 alone', () => {
    const result = hostSettingsLines('pc', { ...base, ipv4Address: '' });
    expect(result.ok && result.lines.some((line) => line.includes('ipv4'))).toBe(false);
  });
});

describe('the lines in a running lab', () => {
  const lab = parseLab(`
version: 1
devices:
  - name: PC1
    kind: pc
  - name: SRV1
    kind: server
links:
  - endpoints: ["PC1:Ethernet0", "SRV1:eth0"]
`);

  it('configure the addresses the form asked for, with no error from the console', () => {
    const harness = createHostHarness();
    harness.request('load-lab', { lab, seed: 3 });
    for (const [device, kind, iface] of [['PC1', 'pc', 'Ethernet0'], ['SRV1', 'server', 'eth0']] as const) {
      const result = hostSettingsLines(kind, { ...base, iface, ipv4Address: device === 'PC1' ? '192.168.10.11/24' : '192.168.10.12/24', ipv6Address: device === 'PC1' ? '2001:db8:6803:10::11/64' : '2001:db8:6803:10::12/64' });
      if (!result.ok) throw new Error(result.error);
      harness.request('console-open', { device });
      harness.takeConsole(device);
      harness.request('console-input', { device, data: result.lines.map((line) => `${line}\r`).join('') });
      const output = harness.takeConsole(device);
      expect(output).not.toMatch(/invalid|error|usage|not found|refus|not permitted/i);
    }
    harness.request('console-input', { device: 'PC1', data: 'ipconfig\r' });
    const pc = harness.takeConsole('PC1');
    expect(pc).toContain('192.168.10.11');
    expect(pc.toLowerCase()).toContain('2001:db8:6803:10::11');
    harness.request('console-input', { device: 'SRV1', data: 'ip -6 address show dev eth0\r' });
    expect(harness.takeConsole('SRV1')).toContain('2001:db8:6803:10::12/64');
  });
});
