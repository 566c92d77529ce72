/**
 * Static routes through the management API (sim-core/mgmt/static-routes.ts), the one
 * implementation every dialect and the builder use: every IOS form (next hop, exit interface,
 * both, Null0, a floating distance, recursive resolution), replacing an equal route, removing by
 * what is given, refusals as typed problems, and the IOS, Linux, Windows and Network paths all
 * landing in the same list and RIB.
 */
import { describe, expect, it } from 'vitest';
import { parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { loadIosConfig } from '../../../sim-core/console/ios/load-ios-config';
import { iosRuntimeOf } from '../../../sim-core/console/ios/ios-runtime';
import { formatConfigBody } from '../../../sim-core/console/ios/running-config';
import { runIp } from '../../../sim-core/console/linux/ip-command';
import { linuxHostOf } from '../../../sim-core/console/linux/linux-host';
import { windowsHostOf } from '../../../sim-core/console/windows/windows-host';
import { managementOf } from '../../../sim-core/mgmt/device-management';
import { Network } from '../../../sim-core/sim/network';

function v4(text: string): Ipv4Address {
  const p = parseIpv4(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
}

function v6(text: string): Ipv6Address {
  const p = parseIpv6(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
}

/** R1 g0/0 192.0.2.1/24 + 2001:db8:1::1/64 cabled to R2 g0/0 .2 / ::2; R1 Loopback0 10.255.0.1/32. */
function pair() {
  const net = new Network({ seed: 7 });
  const r1 = net.addDevice('router', 'R1');
  const r2 = net.addDevice('router', 'R2');
  net.connect('R1:g0/0', 'R2:g0/0');
  for (const [name, host] of [['R1', '1'], ['R2', '2']] as const) {
    net.setUp(`${name}:g0/0`, true);
    net.addIpv4Address(`${name}:g0/0`, `192.0.2.${host}/24`);
    net.setIpv6Routing(name, true);
    net.addIpv6Address(`${name}:g0/0`, `2001:db8:1::${host}/64`);
  }
  net.addLoopback('R1', 0);
  net.addIpv4Address('R1:Loopback0', '10.255.0.1/32');
  net.runFor(5e9);
  return { net, r1, r2, mgmt: managementOf(r1) };
}

function installed(mgmt: ReturnType<typeof managementOf>, family: 'ipv4' | 'ipv6', network: string) {
  return mgmt.routing.entries(family as 'ipv4').filter((e) => e.origin === 'static' && String(e.network) === network);
}

describe('static routes: every form, one implementation', () => {
  it('next hop, exit interface, both, and Null0 are kept in order and installed in the RIB', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    expect(statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2') }).ok).toBe(true);
    expect(statics.addIpv4({ network: v4('203.0.113.0'), prefixLength: 24, interfaceName: 'GigabitEthernet0/0' }).ok).toBe(true);
    expect(statics.addIpv4({ network: v4('203.0.113.128'), prefixLength: 25, interfaceName: 'GigabitEthernet0/0', nextHop: v4('192.0.2.2') }).ok).toBe(true);
    expect(statics.addIpv4({ network: v4('10.0.0.0'), prefixLength: 8, discard: true }).ok).toBe(true);
    expect(statics.list('ipv4').map((r) => r.prefixLength)).toEqual([24, 24, 25, 8]);
    const byNetwork = new Map(mgmt.routing.entries('ipv4').filter((e) => e.origin === 'static').map((e) => [e.network, e]));
    expect(byNetwork.get(v4('198.51.100.0'))).toMatchObject({ installed: true, nextHop: v4('192.0.2.2'), interfaceName: null, resolvedInterfaceName: 'GigabitEthernet0/0' });
    expect(byNetwork.get(v4('203.0.113.0'))).toMatchObject({ installed: true, nextHop: null, interfaceName: 'GigabitEthernet0/0' });
    expect(byNetwork.get(v4('10.0.0.0'))).toMatchObject({ installed: true, discard: true, resolvedInterfaceName: null });
  });

  it('a recursive next hop resolves through another static', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    statics.addIpv4({ network: v4('172.16.0.0'), prefixLength: 16, nextHop: v4('192.0.2.2') });
    statics.addIpv4({ network: v4('198.18.0.0'), prefixLength: 15, nextHop: v4('172.16.0.9') });
    expect(installed(mgmt, 'ipv4', String(v4('198.18.0.0')))[0]).toMatchObject({ installed: true, resolvedInterfaceName: 'GigabitEthernet0/0', resolvedNextHop: v4('192.0.2.2') });
  });

  it('a floating static stands by until the primary goes, then takes over', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    statics.addIpv6({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('2001:db8:1::2') });
    statics.addIpv6({ network: v6('2001:db8:99::'), prefixLength: 48, interfaceName: 'Loopback0', distance: 200 });
    const before = installed(mgmt, 'ipv6', String(v6('2001:db8:99::')));
    expect(before.map((e) => [e.distance, e.installed])).toEqual([
      [1, true],
      [200, false],
    ]);
    expect(before[1]!.standby).toBe('not-best');
    expect(statics.removeIpv6({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('2001:db8:1::2') })).toHaveLength(1);
    expect(installed(mgmt, 'ipv6', String(v6('2001:db8:99::'))).map((e) => [e.distance, e.installed])).toEqual([[200, true]]);
  });

  it('adding an equal route replaces it (a new distance), and says which it replaced', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2') });
    const again = statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2'), distance: 50 });
    expect(again.ok && again.replaced.length).toBe(1);
    expect(statics.list('ipv4')).toEqual([{ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2'), distance: 50 }]);
    expect(installed(mgmt, 'ipv4', String(v4('198.51.100.0'))).map((e) => e.distance)).toEqual([50]);
  });

  it('removing takes every route that matches what is given; the prefix alone takes them all', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2') });
    statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, interfaceName: 'Loopback0', distance: 5 });
    statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, discard: true, distance: 9 });
    expect(statics.removeIpv4({ network: v4('198.51.100.0'), prefixLength: 24, discard: true })).toHaveLength(1);
    expect(statics.removeIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.99') })).toHaveLength(0);
    expect(statics.removeIpv4({ network: v4('198.51.100.0'), prefixLength: 24 })).toHaveLength(2);
    expect(statics.list('ipv4')).toEqual([]);
    expect(installed(mgmt, 'ipv4', String(v4('198.51.100.0')))).toEqual([]);
  });

  it('an IPv6 network is cut to its prefix; an IPv4 one with host bits is refused', () => {
    const { mgmt } = pair();
    const statics = mgmt.routing.statics;
    expect(statics.addIpv6({ network: v6('2001:db8:99::1'), prefixLength: 48, nextHop: v6('2001:db8:1::2') }).ok).toBe(true);
    expect(statics.list('ipv6')[0]!.network).toBe(v6('2001:db8:99::'));
    expect(statics.addIpv4({ network: v4('198.51.100.1'), prefixLength: 24, nextHop: v4('192.0.2.2') })).toEqual({ ok: false, problem: { kind: 'inconsistent-mask' } });
  });

  it('refusals are typed: an interface that does not exist, a link-local next hop without one, no routing table', () => {
    const { net, mgmt } = pair();
    const statics = mgmt.routing.statics;
    expect(statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, interfaceName: 'GigabitEthernet0/9' })).toEqual({ ok: false, problem: { kind: 'no-such-interface', interfaceName: 'GigabitEthernet0/9' } });
    expect(statics.addIpv6({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('fe80::2') })).toEqual({ ok: false, problem: { kind: 'refused', message: 'Interface has to be specified for a link-local nexthop' } });
    const sw = net.addDevice('switch', 'SW1');
    expect(managementOf(sw).routing.statics.addIpv4({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2') })).toEqual({ ok: false, problem: { kind: 'no-routing-table' } });
  });

  it('a route through an interface that is removed leaves the configuration and the RIB (no interface Loopback0)', () => {
    const { r1, mgmt } = pair();
    const rt = iosRuntimeOf(r1);
    expect(loadIosConfig(r1, 'interface Loopback0\nip route 198.51.100.0 255.255.255.0 Loopback0\nno interface Loopback0\nend\n').rejected).toEqual([]);
    expect(mgmt.routing.statics.list('ipv4')).toEqual([]);
    expect(installed(mgmt, 'ipv4', String(v4('198.51.100.0')))).toEqual([]);
    expect(formatConfigBody(rt.config)).not.toMatch(/ip route/);
  });
});

describe('static routes: every dialect and the builder take the same path', () => {
  it('IOS `ip route` / `ipv6 route` land in mgmt, and running-config prints mgmt\'s list', () => {
    const { r1, mgmt } = pair();
    const text = 'ip route 198.51.100.0 255.255.255.0 192.0.2.2 20\nip route 10.0.0.0 255.0.0.0 Null0\nipv6 route 2001:DB8:99::/48 GigabitEthernet0/0 FE80::2\nend\n';
    expect(loadIosConfig(r1, text).rejected).toEqual([]);
    expect(mgmt.routing.statics.list('ipv4')).toEqual([
      { network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2'), distance: 20 },
      { network: v4('10.0.0.0'), prefixLength: 8, discard: true },
    ]);
    expect(mgmt.routing.statics.list('ipv6')).toEqual([{ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('fe80::2'), interfaceName: 'GigabitEthernet0/0' }]);
    const body = formatConfigBody(iosRuntimeOf(r1).config);
    expect(body).toMatch(/^ip route 10\.0\.0\.0 255\.0\.0\.0 Null0$/m);
    expect(body).toMatch(/^ip route 198\.51\.100\.0 255\.255\.255\.0 192\.0\.2\.2 20$/m);
    expect(body).toMatch(/^ipv6 route 2001:DB8:99::\/48 GigabitEthernet0\/0 FE80::2$/m);
  });

  it('Linux `ip route add` and Windows `netsh … add route` land in mgmt with their exit interfaces', () => {
    const net = new Network({ seed: 3 });
    net.addDevice('router', 'R1');
    const srv = net.addDevice('server', 'SRV1');
    const pc = net.addDevice('pc', 'PC1');
    net.connect('R1:g0/0', 'SRV1:eth0');
    net.connect('R1:g0/1', 'PC1:Ethernet0');
    const ip = (line: string) => runIp(linuxHostOf(srv), line.split(' ').slice(1), true);
    expect(ip('ip link set dev eth0 up').ok).toBe(true);
    expect(ip('ip address add 192.0.2.10/24 dev eth0').ok).toBe(true);
    expect(ip('ip route add 198.51.100.0/24 via 192.0.2.1').ok).toBe(true);
    expect(managementOf(srv).routing.statics.list('ipv4')).toEqual([{ network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.1'), interfaceName: 'eth0' }]);
    expect(ip('ip route del 198.51.100.0/24').ok).toBe(true);
    expect(managementOf(srv).routing.statics.list('ipv4')).toEqual([]);
    const win = windowsHostOf(pc);
    const adapter = win.adapterNamed('Ethernet0')!;
    expect(win.setIpv4Static(adapter, v4('192.0.2.20'), 24, v4('192.0.2.1'))).toBeUndefined();
    expect(win.addIpv6Route({ network: v6('2001:db8:99::'), prefixLength: 48, interfaceName: 'Ethernet0', nextHop: v6('fe80::1') })).toBeUndefined();
    const statics = managementOf(pc).routing.statics;
    expect(statics.list('ipv4')).toEqual([{ network: 0, prefixLength: 0, nextHop: v4('192.0.2.1'), interfaceName: 'Ethernet0' }]);
    expect(statics.list('ipv6')).toEqual([{ network: v6('2001:db8:99::'), prefixLength: 48, interfaceName: 'Ethernet0', nextHop: v6('fe80::1') }]);
    win.setIpv4Dhcp(adapter);
    expect(statics.list('ipv4')).toEqual([]);
  });

  it('Network.addIpv4Route / addIpv6Route configure the same list (no direct FIB writes), and refuse what the consoles refuse', () => {
    const { net, mgmt } = pair();
    net.addIpv4Route('R1', '198.51.100.0/24', { nextHop: '192.0.2.2', distance: 10 });
    net.addIpv4Route('R1', '10.0.0.0/8', { discard: true });
    net.addIpv6Route('R1', '2001:db8:99::/48', { nextHop: 'fe80::2', iface: 'g0/0' });
    expect(mgmt.routing.statics.list('ipv4')).toEqual([
      { network: v4('198.51.100.0'), prefixLength: 24, nextHop: v4('192.0.2.2'), distance: 10 },
      { network: v4('10.0.0.0'), prefixLength: 8, discard: true },
    ]);
    expect(mgmt.routing.statics.list('ipv6')).toEqual([{ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('fe80::2'), interfaceName: 'GigabitEthernet0/0' }]);
    expect(() => net.addIpv4Route('R1', '198.51.100.0/24', { nextHop: '192.0.2.2', distance: 300 })).toThrow(/distance 300 is outside 1\.\.255/);
    expect(() => net.addIpv6Route('R1', '2001:db8:98::/48', { nextHop: 'fe80::2' })).toThrow(/link-local nexthop/);
  });

  it('builder-made routes show in the IOS running-config, made before or after the console, so tests and the product see one configuration', () => {
    const { net, r1 } = pair();
    net.addIpv4Route('R1', '198.51.100.0/24', { nextHop: '192.0.2.2' });
    const rt = iosRuntimeOf(r1);
    net.addIpv6Route('R1', '2001:db8:99::/48', { nextHop: '2001:db8:1::2' });
    const body = formatConfigBody(rt.config);
    expect(body).toMatch(/^ip route 198\.51\.100\.0 255\.255\.255\.0 192\.0\.2\.2$/m);
    expect(body).toMatch(/^ipv6 route 2001:DB8:99::\/48 2001:DB8:1::2$/m);
    expect(rt.removeIpRoute({ network: v4('198.51.100.0'), prefixLength: 24, nextHop: undefined, interfaceName: undefined })).toBeUndefined();
    expect(managementOf(r1).routing.statics.list('ipv4')).toEqual([]);
    expect(formatConfigBody(rt.config)).not.toMatch(/^ip route/m);
  });

  it('a loopback the builder made is adopted by `interface Loopback0`, not made twice', () => {
    const { r1 } = pair();
    expect(loadIosConfig(r1, 'interface Loopback0\n description made by the builder first\nend\n').rejected).toEqual([]);
    expect(managementOf(r1).interfaces.entry('Loopback0')?.description).toBe('made by the builder first');
  });
});
