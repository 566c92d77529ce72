/**
 * `ip link set dev eth0 down` / `up` as Linux 6.x does it (net.ipv6.conf.*.keep_addr_on_down 0,
 * checked with a veth pair in a network namespace): NETDEV_DOWN runs addrconf_ifdown, which
 * removes every IPv6 address of the link (static ones and the link-local included), and flushes
 * every route through it, IPv4 static routes too (fib_sync_down_dev). IPv4 addresses stay. On
 * `up` the link-local is formed again and SLAAC answers the RS; the static IPv6 address and the
 * static routes do not come back. What RAs taught (SLAAC addresses, the RA default route, the
 * on-link prefix) goes at down too, and comes back only with the next RA. While the link is down, iproute2 refuses routes through it.
 */
import { describe, expect, it } from 'vitest';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import { runIp } from '../../../../sim-core/console/linux/ip-command';
import { loadLinuxConfig, printLinuxConfig } from '../../../../sim-core/console/linux/linux-config';
import { linuxHostOf } from '../../../../sim-core/console/linux/linux-host';
import { Network } from '../../../../sim-core/sim/network';

const R1 = 'hostname R1\nipv6 unicast-routing\ninterface GigabitEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n ipv6 address FE80::1 link-local\n ipv6 address 2001:db8:6803:10::1/64\n no shutdown\nend\n';
const SRV1 = [
  'ip link set dev eth0 up',
  'ip address add 192.0.2.10/24 dev eth0',
  'ip -6 address add 2001:db8:6803:10::10/64 dev eth0',
  'ip route add 198.51.100.0/24 via 192.0.2.1',
  'ip -6 route add 2001:db8:6803:99::/64 via 2001:db8:6803:10::1',
  'ip -6 route add default via fe80::1 dev eth0',
].join('\n');

function lab() {
  const net = new Network({ seed: 1 });
  const r1 = net.addDevice('router', 'R1');
  const server = net.addDevice('server', 'SRV1');
  net.connect('R1:g0/0', 'SRV1:eth0');
  expect(loadIosConfig(r1, R1).rejected).toEqual([]);
  expect(loadLinuxConfig(server, SRV1).rejected).toEqual([]);
  net.runFor(20e9);
  const host = linuxHostOf(server);
  return { net, server, ip: (line: string) => runIp(host, line.split(' ').slice(1), true) };
}

describe('Linux ip link set down/up (addrconf_ifdown, keep_addr_on_down 0)', () => {
  it('down removes every IPv6 address of the link and every route through it; IPv4 addresses stay', () => {
    const { ip } = lab();
    expect(ip('ip -6 route').output).toMatch(/^2001:db8:6803:99::\/64 via 2001:db8:6803:10::1 dev eth0 metric 1024 pref medium$/m);
    expect(ip('ip link set dev eth0 down')).toEqual({ ok: true, output: '' });
    expect(ip('ip -6 addr show dev eth0').output).not.toMatch(/inet6/);
    expect(ip('ip -4 addr show dev eth0').output).toMatch(/^ {4}inet 192\.0\.2\.10\/24 scope global eth0$/m);
    expect(ip('ip route').output).toBe('');
    expect(ip('ip -6 route').output).toBe('');
  });

  it('up brings back the link-local and SLAAC, not the static IPv6 address or the static routes', () => {
    const { net, ip } = lab();
    ip('ip link set dev eth0 down');
    ip('ip link set dev eth0 up');
    net.runFor(20e9);
    const addresses = ip('ip -6 addr show dev eth0').output;
    expect(addresses).not.toMatch(/2001:db8:6803:10::10\//);
    expect(addresses).toMatch(/^ {4}inet6 fe80::[0-9a-f:]+\/64 scope link $/m);
    // The user default route is gone, so the RA is no longer dropped: SLAAC forms an address.
    expect(addresses).toMatch(/^ {4}inet6 2001:db8:6803:10:[0-9a-f:]+\/64 scope global dynamic mngtmpaddr $/m);
    expect(addresses).not.toMatch(/tentative/);
    expect(ip('ip route').output).toBe('192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.10 ');
    const routes6 = ip('ip -6 route').output;
    expect(routes6).not.toMatch(/2001:db8:6803:99::/);
    expect(routes6).not.toMatch(/^default via fe80::1 dev eth0 metric 1024/m);
    expect(routes6).toMatch(/^default via fe80::1 dev eth0 proto ra metric 1024 /m);
  });

  it('down forgets what RAs taught too (SLAAC address, RA default route, on-link prefix); up learns it afresh', () => {
    const net = new Network({ seed: 1 });
    const r1 = net.addDevice('router', 'R1');
    const server = net.addDevice('server', 'SRV1');
    net.connect('R1:g0/0', 'SRV1:eth0');
    expect(loadIosConfig(r1, R1).rejected).toEqual([]);
    expect(loadLinuxConfig(server, 'ip link set dev eth0 up').rejected).toEqual([]);
    net.runFor(20e9);
    const host = linuxHostOf(server);
    const ip = (line: string) => runIp(host, line.split(' ').slice(1), true).output;
    expect(ip('ip -6 addr show dev eth0')).toMatch(/inet6 2001:db8:6803:10:[0-9a-f:]+\/64 scope global dynamic mngtmpaddr/);
    expect(ip('ip -6 route')).toMatch(/^default via fe80::1 dev eth0 proto ra/m);
    net.runFor(600e9);
    ip('ip link set dev eth0 down');
    // As on a Linux 6.x veth: nothing at all is left on the link.
    expect(ip('ip -6 addr show dev eth0')).toBe('');
    expect(ip('ip -6 route')).toBe('');
    ip('ip link set dev eth0 up');
    // At once only the link-local (tentative) is back; SLAAC waits for the RA that answers the RS.
    expect(ip('ip -6 addr show dev eth0')).not.toMatch(/2001:db8:6803:10:/);
    expect(ip('ip -6 addr show dev eth0')).toMatch(/inet6 fe80::[0-9a-f:]+\/64 scope link tentative/);
    net.runFor(20e9);
    const after = ip('ip -6 addr show dev eth0');
    expect(after).toMatch(/inet6 2001:db8:6803:10:[0-9a-f:]+\/64 scope global dynamic mngtmpaddr/);
    // Lifetimes start again from the new RA (2592000 s valid on IOS), not from the old address's 10 minutes less.
    const valid = Number(/valid_lft (\d+)sec/.exec(after)?.[1]);
    expect(valid).toBeGreaterThan(2592000 - 30);
    expect(ip('ip -6 route')).toMatch(/^default via fe80::1 dev eth0 proto ra/m);
  });

  it('keeps the configuration text in step: down drops the IPv6 addresses and routes of the link', () => {
    const { server, ip } = lab();
    ip('ip link set dev eth0 down');
    expect(printLinuxConfig(server)).toBe('ip link set dev eth0 down\nip address add 192.0.2.10/24 dev eth0\n');
    ip('ip link set dev eth0 up');
    expect(printLinuxConfig(server)).toBe('ip address add 192.0.2.10/24 dev eth0\n');
  });

  it('keeps an IPv6 address added while the link is down (tentative), and a second down is no flush', () => {
    const { net, server, ip } = lab();
    ip('ip link set dev eth0 down');
    expect(ip('ip -6 address add 2001:db8:6803:10::20/64 dev eth0')).toEqual({ ok: true, output: '' });
    ip('ip link set dev eth0 down');
    expect(ip('ip -6 addr show dev eth0').output).toMatch(/^ {4}inet6 2001:db8:6803:10::20\/64 scope global tentative $/m);
    expect(printLinuxConfig(server)).toBe('ip link set dev eth0 down\nip address add 192.0.2.10/24 dev eth0\nip -6 address add 2001:db8:6803:10::20/64 dev eth0\n');
    ip('ip link set dev eth0 up');
    net.runFor(5e9);
    expect(ip('ip -6 addr show dev eth0').output).toMatch(/^ {4}inet6 2001:db8:6803:10::20\/64 scope global $/m);
  });

  it('refuses routes through a link that is down, with iproute2 messages', () => {
    const { ip } = lab();
    ip('ip link set dev eth0 down');
    ip('ip -6 address add 2001:db8:6803:10::20/64 dev eth0');
    expect(ip('ip -6 route add 2001:db8:2::/64 via 2001:db8:6803:10::1 dev eth0').output).toBe('RTNETLINK answers: No route to host');
    expect(ip('ip -6 route add 2001:db8:3::/64 dev eth0').output).toBe('Error: Nexthop device is not up.');
    expect(ip('ip -6 route add default via fe80::1 dev eth0').output).toBe('Error: Nexthop device is not up.');
    expect(ip('ip route add 198.51.100.0/24 via 192.0.2.1 dev eth0').output).toBe('Error: Nexthop has invalid gateway.');
    expect(ip('ip route add 198.51.101.0/24 via 192.0.2.1').output).toBe('Error: Nexthop has invalid gateway.');
    expect(ip('ip route add 198.51.102.0/24 dev eth0').output).toBe('Error: Device for nexthop is not up.');
  });
});
