/**
 * iproute2's abbreviations and messages (checked against iproute2 6.1 on Linux 6.1 in a network
 * namespace): `ip a`, `ip r`, `ip -6 r`, `ip n`, `ip a a`, `ip r g`; errors byte for byte; root
 * needed for changes.
 */
import { describe, expect, it } from 'vitest';
import { matchesWord, runIp } from '../../../../sim-core/console/linux/ip-command';
import { linuxHostOf } from '../../../../sim-core/console/linux/linux-host';
import { Network } from '../../../../sim-core/sim/network';

function server() {
  const net = new Network({ seed: 1 });
  const host = linuxHostOf(net.addDevice('server', 'SRV1'));
  // A peer on the cable: routes of a link without carrier are not listed.
  net.addDevice('server', 'SRV2');
  net.connect('SRV1:eth0', 'SRV2:eth0');
  return (line: string, root = true) => runIp(host, line.split(' ').slice(1), root);
}

describe('ip', () => {
  it('matches objects and commands by prefix in iproute2 table order', () => {
    expect(matchesWord('a', 'address')).toBe(true);
    expect(matchesWord('', 'address')).toBe(false);
    const ip = server();
    expect(ip('ip a').output).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP>/);
    expect(ip('ip a a 192.0.2.10/24 dev eth0')).toEqual({ ok: true, output: '' });
    expect(ip('ip r').output).toBe('192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.10 ');
    expect(ip('ip -6 r').output).toBe('fe80::/64 dev eth0 proto kernel metric 256 pref medium');
    expect(ip('ip r g 192.0.2.99').output).toBe('192.0.2.99 dev eth0 src 192.0.2.10 uid 0 \n    cache ');
    expect(ip('ip n')).toEqual({ ok: true, output: '' });
    expect(ip('ip l').output).toMatch(/^1: lo: .* mode DEFAULT group default qlen 1000$/m);
  });

  it('prints iproute2 and kernel messages for refused commands', () => {
    const ip = server();
    ip('ip addr add 192.0.2.10/24 dev eth0');
    expect(ip('ip foo').output).toBe('Object "foo" is unknown, try "ip help".');
    expect(ip('ip addr foo').output).toBe('Command "foo" is unknown, try "ip address help".');
    expect(ip('ip route foo').output).toBe('Command "foo" is unknown, try "ip route help".');
    expect(ip('ip addr add 192.0.2.10/24 dev eth0').output).toBe('Error: ipv4: Address already assigned.');
    expect(ip('ip addr add 192.0.2.11/24 eth0').output).toBe('Error: either "local" is duplicate, or "eth0" is a garbage.');
    expect(ip('ip addr add foo dev eth0').output).toBe('Error: any valid prefix is expected rather than "foo".');
    expect(ip('ip -4 addr add 2001:db8::1/64 dev eth0').output).toBe('Error: inet prefix is expected rather than "2001:db8::1/64".');
    expect(ip('ip addr add 1.2.3.4/24 dev eth9').output).toBe('Cannot find device "eth9"');
    expect(ip('ip addr add 1.2.3.4/24').output).toBe('Not enough information: "dev" argument is required.');
    expect(ip('ip addr del 192.0.2.99/24 dev eth0').output).toBe('Error: ipv4: Address not found.');
    expect(ip('ip -6 addr del 2001:db8::99/64 dev eth0').output).toBe('Error: ipv6: address not found.');
    expect(ip('ip route add default via 198.51.100.1').output).toBe('Error: Nexthop has invalid gateway.');
    expect(ip('ip route add 10.1.2.3/8 via 192.0.2.1').output).toBe('Error: Invalid prefix for given prefix length.');
    expect(ip('ip route add 10.0.0.0/8').output).toBe('RTNETLINK answers: No such device');
    expect(ip('ip route add 10.0.0.0/8 foo').output).toBe('Error: either "to" is duplicate, or "foo" is a garbage.');
    expect(ip('ip route add default via 192.0.2.1').ok).toBe(true);
    expect(ip('ip route add default via 192.0.2.1').output).toBe('RTNETLINK answers: File exists');
    expect(ip('ip route del 10.0.0.0/8').output).toBe('RTNETLINK answers: No such process');
    expect(ip('ip -6 route add default via fe80::1').output).toBe('Error: Egress device not specified.');
    expect(ip('ip -6 route add 2001:db8:7::/64 via 2001:db8:77::1').output).toBe('RTNETLINK answers: No route to host');
    expect(ip('ip link show dev eth9').output).toBe('Device "eth9" does not exist.');
    expect(ip('ip link set dev eth9 up').output).toBe('Cannot find device "eth9"');
    expect(ip('ip link set').output).toBe('Not enough information: "dev" argument is required.');
    expect(ip('ip -x a').output).toBe('Option "-x" is unknown, try "ip -help".');
  });

  it('needs root for changes (RTNETLINK answers: Operation not permitted), not for displays', () => {
    const ip = server();
    expect(ip('ip addr add 192.0.2.10/24 dev eth0', false)).toEqual({ ok: false, output: 'RTNETLINK answers: Operation not permitted' });
    expect(ip('ip link set eth0 down', false)).toEqual({ ok: false, output: 'RTNETLINK answers: Operation not permitted' });
    expect(ip('ip route add default via 192.0.2.1', false)).toEqual({ ok: false, output: 'RTNETLINK answers: Operation not permitted' });
    expect(ip('ip -6 addr', false).ok).toBe(true);
  });
});
