/**
 * IOS static routes typed again replace the earlier line (one line in running-config, one route
 * in the RIB), also after `no ipv6 route` / `no ip route` and after the interface they name is
 * deleted: the index that makes 100,000 route lines linear must keep IOS's answer exact.
 */
import { describe, expect, it } from 'vitest';
import { bootLab } from '../../../../sim-core/lab/boot-lab';
import { loadLab } from '../../../../sim-core/lab/load-lab';

function router() {
  const loaded = loadLab('version: 1\ndevices:\n  - name: R1\n    kind: router\n    config: |\n      ipv6 unicast-routing\n      interface GigabitEthernet0/0\n       ip address 10.0.0.1 255.255.255.0\n       ipv6 address 2001:db8::1/64\n       no shutdown\nlinks: []\n', 'r.v6lab.yaml');
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });
  const run = (line: string): string => {
    const result = session.exec('R1', line);
    if (!result.ok) throw new Error(result.error);
    return result.value.transcript;
  };
  run('enable');
  run('configure terminal');
  const routeLines = (): string[] => run('do show running-config').split('\n').filter((line) => /^ip(v6)? route /.test(line));
  return { run, routeLines };
}

describe('static routes typed twice', () => {
  it('one line per route, whatever was removed or retyped in between', () => {
    const { run, routeLines } = router();
    run('ipv6 route 2001:db8:1::/48 2001:db8::2');
    run('ipv6 route 2001:db8:1::/48 2001:db8::2');
    run('ipv6 route 2001:db8:1::/48 2001:db8::2 200');
    run('ip route 10.1.0.0 255.255.0.0 10.0.0.2');
    run('ip route 10.1.0.0 255.255.0.0 10.0.0.2');
    expect(routeLines()).toEqual(['ip route 10.1.0.0 255.255.0.0 10.0.0.2', 'ipv6 route 2001:DB8:1::/48 2001:DB8::2 200']);
    run('no ipv6 route 2001:db8:1::/48 2001:db8::2');
    run('no ip route 10.1.0.0 255.255.0.0 10.0.0.2');
    expect(routeLines()).toEqual([]);
    run('ipv6 route 2001:db8:1::/48 2001:db8::2');
    run('ipv6 route 2001:db8:1::/48 Loopback5');
    run('interface Loopback5');
    run('exit');
    run('ipv6 route 2001:db8:2::/48 Loopback5');
    run('no interface Loopback5');
    run('ipv6 route 2001:db8:1::/48 2001:db8::2');
    expect(routeLines()).toEqual(['ipv6 route 2001:DB8:1::/48 2001:DB8::2']);
  });
});
