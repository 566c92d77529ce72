/**
 * A server with a static IPv6 default route through the same router that sends it RAs, as the
 * dual-stack example lab configures SRV1. Checked on Linux 6.18 / iproute2 6.1 in network
 * namespaces with radvd: the kernel keeps one default route per gateway and metric. When the
 * user route (metric 1024) came first, the RA's default route collides with it (fib6_add
 * -EEXIST), ndisc_router_discovery logs "RA: ndisc_router_discovery failed to add default route"
 * and drops the whole RA: no `proto ra` default, no SLAAC address. When the RA route came first,
 * `ip -6 route add` of a route with the same prefix and metric answers "RTNETLINK answers: File
 * exists" (NLM_F_EXCL), whatever the gateway.
 */
import { describe, expect, it } from 'vitest';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import { runIp } from '../../../../sim-core/console/linux/ip-command';
import { loadLinuxConfig } from '../../../../sim-core/console/linux/linux-config';
import { linuxHostOf } from '../../../../sim-core/console/linux/linux-host';
import { Network } from '../../../../sim-core/sim/network';

const R1 = 'hostname R1\nipv6 unicast-routing\ninterface GigabitEthernet0/0\n ipv6 address FE80::1 link-local\n ipv6 address 2001:db8:6803:10::1/64\n no shutdown\nend\n';

function lab(serverConfig: string) {
  const net = new Network({ seed: 1 });
  const r1 = net.addDevice('router', 'R1');
  const server = net.addDevice('server', 'SRV1');
  net.connect('R1:g0/0', 'SRV1:eth0');
  expect(loadIosConfig(r1, R1).rejected).toEqual([]);
  expect(loadLinuxConfig(server, serverConfig).rejected).toEqual([]);
  const host = linuxHostOf(server);
  return { net, ip: (line: string) => runIp(host, line.split(' ').slice(1), true) };
}

describe('Linux default routes from static configuration and RAs', () => {
  it('keeps the one user default route and ignores the RA of that router (kernel: failed to add default route)', () => {
    const { net, ip } = lab('ip link set dev eth0 up\nip -6 address add 2001:db8:6803:10::10/64 dev eth0\nip -6 route add default via fe80::1 dev eth0\n');
    net.runFor(20e9);
    expect(ip('ip -6 route').output).toBe(
      ['2001:db8:6803:10::/64 dev eth0 proto kernel metric 256 pref medium', 'fe80::/64 dev eth0 proto kernel metric 256 pref medium', 'default via fe80::1 dev eth0 metric 1024 pref medium'].join('\n'),
    );
    expect(ip('ip -6 addr show dev eth0').output).not.toMatch(/dynamic/);
  });

  it('takes the RA (default route and SLAAC) when the user default route has another metric', () => {
    const { net, ip } = lab('ip link set dev eth0 up\nip -6 route add default via fe80::1 dev eth0 metric 100\n');
    net.runFor(20e9);
    expect(ip('ip -6 route').output).toMatch(/^default via fe80::1 dev eth0 metric 100 pref medium\ndefault via fe80::1 dev eth0 proto ra metric 1024 expires \d+sec hoplimit 64 pref medium$/m);
    expect(ip('ip -6 addr show dev eth0').output).toMatch(/scope global dynamic/);
  });

  it('marks every SLAAC address mngtmpaddr, even with use_tempaddr 0 (addrconf_prefix_rcv_add_addr sets IFA_F_MANAGETEMPADDR)', () => {
    const { net, ip } = lab('ip link set dev eth0 up\n');
    net.runFor(20e9);
    expect(ip('ip -6 addr show dev eth0').output).toMatch(/^ {4}inet6 2001:db8:6803:10:[0-9a-f:]+\/64 scope global dynamic mngtmpaddr \n {7}valid_lft \d+sec preferred_lft \d+sec$/m);
  });

  it('refuses a user route with the prefix and metric of an existing RA route: RTNETLINK answers: File exists', () => {
    const { net, ip } = lab('ip link set dev eth0 up\n');
    net.runFor(20e9);
    expect(ip('ip -6 route add default via fe80::1 dev eth0')).toEqual({ ok: false, output: 'RTNETLINK answers: File exists' });
    expect(ip('ip -6 route add default via fe80::2 dev eth0')).toEqual({ ok: false, output: 'RTNETLINK answers: File exists' });
    expect(ip('ip -6 route add 2001:db8:6803:10::/64 dev eth0 metric 256')).toEqual({ ok: false, output: 'RTNETLINK answers: File exists' });
    expect(ip('ip -6 route add default via fe80::2 dev eth0 metric 100')).toEqual({ ok: true, output: '' });
    expect(ip('ip -6 route').output.split('\n').filter((l) => l.startsWith('default'))).toHaveLength(2);
  });
});
