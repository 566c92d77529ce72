/**
 * A server's configuration as ip/sysctl/hostname text: the example labs load without a refused
 * line, refused lines come back with their number and the real tool's message, and
 * print → load → print is stable over generated configurations (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHostConfig, printHostConfig } from '../../../../sim-core/console/host-config';
import { loadLinuxConfig, printLinuxConfig } from '../../../../sim-core/console/linux/linux-config';
import { Network } from '../../../../sim-core/sim/network';
import { exampleHostConfigs } from '../windows/host-lab';

function freshServer() {
  const net = new Network({ seed: 3 });
  return net.addDevice('server', 'SRV1');
}

describe('Linux configuration text', () => {
  it('loads the server configs of every example lab with zero rejected lines', () => {
    const configs = exampleHostConfigs('server');
    expect(configs.length).toBeGreaterThan(0);
    for (const { file, name, config } of configs) {
      const server = freshServer();
      expect(loadHostConfig(server, config).rejected, `${file} ${name}`).toEqual([]);
      expect(printHostConfig(server)).toMatch(/^ip address add .* dev eth0$/m);
    }
  });

  it('prints the lines in effect, normalised (sudo and comments dropped, abbreviations expanded, order that loads)', () => {
    const server = freshServer();
    const text = '# boot script\nsudo ip -6 r add default via fe80::1 dev eth0\nip a a 2001:DB8:0:0::10/64 dev eth0\nsysctl -w net.ipv6.conf.all.forwarding=1\nhostname srv1\nsysctl net.ipv4.ip_forward=0\n';
    expect(loadLinuxConfig(server, text).rejected).toEqual([]);
    expect(printLinuxConfig(server)).toBe('hostname srv1\nsysctl -w net.ipv6.conf.all.forwarding=1\nip -6 address add 2001:db8::10/64 dev eth0\nip -6 route add default via fe80::1 dev eth0\n');
  });

  it('returns each refused line with its line number and the message iproute2 or sysctl prints', () => {
    const server = freshServer();
    const result = loadLinuxConfig(server, 'ip address add 192.0.2.10/24 dev eth0\nip address add 192.0.2.10/24 dev eth0\n\nip route add 10.0.0.0/8 via 198.51.100.1\nsysctl -w net.ipv6.conf.eth9.forwarding=1\nip addr add 192.0.2.11/24 eth0\nping 192.0.2.1\n');
    expect(result.rejected.map((r) => [r.line, r.message])).toEqual([
      [2, 'Error: ipv4: Address already assigned.'],
      [4, 'Error: Nexthop has invalid gateway.'],
      [5, 'sysctl: cannot stat /proc/sys/net/ipv6/conf/eth9/forwarding: No such file or directory'],
      [6, 'Error: either "local" is duplicate, or "eth0" is a garbage.'],
      [7, 'ping: not a configuration command (a server\'s configuration holds ip, sysctl and hostname lines)'],
    ]);
  });

  it('print → load → print is stable over generated configurations', () => {
    const sysctlKey = fc.constantFrom('net.ipv4.ip_forward', 'net.ipv6.conf.all.forwarding', 'net.ipv6.conf.eth0.accept_ra', 'net.ipv6.conf.eth0.autoconf', 'net.ipv6.conf.eth0.addr_gen_mode', 'net.ipv6.conf.eth0.use_tempaddr');
    const line = fc.oneof(
      fc.constantFrom('srv1', 'web-01', 'SRV1').map((h) => `hostname ${h}`),
      fc.tuple(sysctlKey, fc.integer({ min: 0, max: 2 })).map(([k, v]) => `sysctl -w ${k}=${v}`),
      fc.constantFrom('up', 'down', 'mtu 1400', 'mtu 1500').map((a) => `ip link set dev eth0 ${a}`),
      fc.tuple(fc.integer({ min: 1, max: 254 }), fc.constantFrom(16, 24, 32)).map(([h, len]) => `ip address add 10.1.0.${h}/${len} dev eth0`),
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 48, max: 128 })).map(([n, h, len]) => `ip -6 address add 2001:db8:${n.toString(16)}::${h.toString(16)}/${len} dev eth0`),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.option(fc.integer({ min: 1, max: 999 }))).map(([n, m]) => `ip route add 172.16.${n}.0/24 via 10.1.0.1${m === null ? '' : ` metric ${m}`}`),
      fc.constant('ip route add default via 10.1.0.1'),
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.option(fc.integer({ min: 1, max: 999 }))).map(([n, m]) => `ip -6 route add 2001:db8:${n.toString(16)}::/48 via fe80::1 dev eth0${m === null ? '' : ` metric ${m}`}`),
      fc.constant('ip -6 route add default via fe80::1 dev eth0'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const first = freshServer();
        loadLinuxConfig(first, lines.join('\n'));
        const printed = printLinuxConfig(first);
        const second = freshServer();
        expect(loadLinuxConfig(second, printed).rejected).toEqual([]);
        expect(printLinuxConfig(second)).toBe(printed);
      }),
      { numRuns: 60 },
    );
  });
});
