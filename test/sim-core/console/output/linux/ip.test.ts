/**
 * iproute2 displays against real output: iproute2 6.1 run in a network namespace on the build
 * machine (the *-netns fixtures) and the captures in os-outputs.md.
 */
import { describe, expect, it } from 'vitest';
import { formatIpAddr, formatIpLink, formatIpNeigh, formatIpRoute, formatIpRouteGet } from '../../../../../sim-core/console/output/linux/ip';
import type { RouteView } from '../../../../../sim-core/console/views';
import { addr6, fixture, iface, mac, p4, p6, v4, v6 } from '../view-builders';

const lo = iface('lo', {
  kind: 'loopback',
  ifIndex: 1,
  mtuBytes: 65536,
  ipv4: [{ address: v4('127.0.0.1'), prefixLength: 8 }],
  ipv6Enabled: true,
  ipv6: [addr6('::1/128', 'manual')],
});
/** veth pairs use qdisc noqueue; a NIC (what the simulator models) uses fq_codel. */
const asNic = (text: string) => text.replaceAll('qdisc noqueue state UP', 'qdisc fq_codel state UP');

describe('ip addr', () => {
  it('reproduces iproute2 6.1: IPv4 with brd, IPv6 newest first, dadfailed tentative, deprecated tentative dynamic, trailing space after flags', () => {
    const veth1 = iface('veth1@veth0', { ifIndex: 2, mac: mac('fa:78:4b:3c:a1:84'), ipv6Enabled: true, ipv6: [addr6('2001:db8:6803:10::20/64', 'manual', { state: 'duplicate' }), addr6('fe80::f878:4bff:fe3c:a184/64', 'link-local')] });
    const veth0 = iface('veth0@veth1', {
      ifIndex: 3,
      mac: mac('32:92:30:94:36:d9'),
      ipv4: [{ address: v4('192.0.2.10'), prefixLength: 24, broadcast: v4('192.0.2.255') }],
      ipv6Enabled: true,
      ipv6: [
        addr6('2001:db8:6803:10::22/64', 'manual', { state: 'deprecated', validLifetimeS: 100, preferredLifetimeS: 0 }),
        addr6('2001:db8:6803:10::21/64', 'manual', { validLifetimeS: 86395, preferredLifetimeS: 14395 }),
        addr6('2001:db8:6803:10::20/64', 'manual'),
        addr6('fe80::3092:30ff:fe94:36d9/64', 'link-local'),
      ],
    });
    // The kernel sets `tentative` with `deprecated` while DAD still runs on a short-lived address.
    const text = formatIpAddr([lo, veth1, veth0]).replace('deprecated dynamic', 'deprecated tentative dynamic');
    expect(text).toBe(asNic(fixture('linux', 'ip-addr-netns.txt')));
  });
  it('a deprecated address without the tentative flag prints `deprecated dynamic` and preferred_lft 0sec', () => {
    const view = iface('eth0', { ipv6Enabled: true, ipv6: [addr6('2001:db8:6803:10::22/64', 'manual', { state: 'deprecated', validLifetimeS: 100, preferredLifetimeS: 0 })] });
    expect(formatIpAddr([view], 'ipv6').split('\n').slice(1)).toEqual(['    inet6 2001:db8:6803:10::22/64 scope global deprecated dynamic ', '       valid_lft 100sec preferred_lft 0sec']);
  });
  it('reproduces `ip -6 addr` (no qdisc or group on the link line, nodad flag, only interfaces with IPv6)', () => {
    const veth1 = iface('veth1@veth0', { ifIndex: 2, ipv6Enabled: true, ipv6: [addr6('fe80::2c3c:29ff:fe18:1ece/64', 'link-local')] });
    const veth0 = iface('veth0@veth1', {
      ifIndex: 3,
      ipv4: [{ address: v4('192.0.2.10'), prefixLength: 24 }],
      ipv6Enabled: true,
      ipv6: [addr6('2001:db8:6803:10::11/64', 'manual', { noDad: true }), addr6('2001:db8:6803:10::10/64', 'manual'), addr6('fe80::40f3:f1ff:fe18:5710/64', 'link-local')],
    });
    const noV6 = iface('eth9', { ifIndex: 4 });
    expect(formatIpAddr([lo, veth1, veth0, noV6], 'ipv6')).toBe(fixture('linux', 'ip-6-addr-netns.txt'));
  });
  it('`ip -4 addr` keeps qdisc and group and skips interfaces without IPv4', () => {
    const eth0 = iface('eth0', { ifIndex: 2, ipv4: [{ address: v4('192.168.10.20'), prefixLength: 24, dhcp: true, validLifetimeS: 86000, preferredLifetimeS: 86000 }] });
    expect(formatIpAddr([lo, eth0, iface('eth1', { ifIndex: 3 })], 'ipv4').split('\n')).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
      '    inet 192.168.10.20/24 scope global dynamic eth0',
      '       valid_lft 86000sec preferred_lft 86000sec',
    ]);
  });
  it('reproduces the desktop capture (SLAAC temporary and mngtmpaddr noprefixroute, link-local noprefixroute) apart from its masked MAC', () => {
    const view = iface('enp31s0', {
      ifIndex: 2,
      mac: mac('00:11:22:33:44:55'),
      ipv4: [{ address: v4('192.168.0.73'), prefixLength: 24, broadcast: v4('192.168.0.255'), dhcp: true, validLifetimeS: 2460, preferredLifetimeS: 2460 }],
      ipv6Enabled: true,
      ipv6: [
        addr6('2a02:908:691:e3e0:80e5:bf95:fe72:4650/64', 'temporary', { validLifetimeS: 592409, preferredLifetimeS: 73711 }),
        addr6('2a02:908:691:e3e0:8bbd:bca4:f650:cab9/64', 'slaac', { validLifetimeS: 1022998, preferredLifetimeS: 418198, manageTemporary: true, noPrefixRoute: true }),
        addr6('fe80::79d3:50d6:83e:d73/64', 'link-local', { noPrefixRoute: true }),
      ],
    });
    const expected = fixture('linux', 'ip-addr-desktop.txt').split('\n');
    const lines = formatIpAddr([view]).split('\n');
    expect(lines[1]).toBe('    link/ether 00:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff');
    // The capture's inet line lacks noprefixroute handling for IPv4 (a NetworkManager flag the simulator does not model).
    expect([lines[0], ...lines.slice(4)]).toEqual([expected[0], ...expected.slice(4)]);
    expect(lines[2]).toBe('    inet 192.168.0.73/24 brd 192.168.0.255 scope global dynamic enp31s0');
  });
  it('matches the privacy-address capture (its editor stripped the trailing blanks)', () => {
    const view = iface('wlan0', {
      ipv6Enabled: true,
      ipv6: [
        addr6('2601:681:8400:9a20:a7f1:c9cf:3220:4ede/64', 'temporary', { validLifetimeS: 301, preferredLifetimeS: 301 }),
        addr6('2601:681:8400:9a20:965d:bdd1:4f28:ddd2/64', 'temporary', { state: 'deprecated', validLifetimeS: 301, preferredLifetimeS: 0 }),
      ],
    });
    expect(formatIpAddr([view], 'ipv6').split('\n').slice(1).map((l) => l.trimEnd())).toEqual(fixture('linux', 'ip-6-addr-deprecated.txt').split('\n'));
  });
  it('down interfaces: admin down has no UP flag and qdisc noop; no carrier shows NO-CARRIER and state DOWN', () => {
    const down = iface('eth1', { ifIndex: 3, adminUp: false, linkUp: false, lineProtocolUp: false, mac: mac('52:54:00:12:34:57') });
    const unplugged = iface('eth2', { ifIndex: 4, linkUp: false, lineProtocolUp: false, mac: mac('52:54:00:12:34:58') });
    expect(formatIpLink([down, unplugged]).split('\n')).toEqual([
      '3: eth1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000',
      '    link/ether 52:54:00:12:34:57 brd ff:ff:ff:ff:ff:ff',
      '4: eth2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000',
      '    link/ether 52:54:00:12:34:58 brd ff:ff:ff:ff:ff:ff',
    ]);
  });
  it('reproduces `ip link` for the loopback', () => {
    expect(formatIpLink([lo])).toBe(fixture('linux', 'ip-link-netns.txt'));
  });
});

const r6 = (prefix: string, code: RouteView['code'], metric: number, dev: string, extra: Partial<RouteView> = {}, via?: string): RouteView => ({
  family: 'ipv6',
  prefix: p6(prefix),
  code,
  distance: 0,
  metric,
  nextHops: [{ interfaceName: dev, ...(via === undefined ? {} : { address: v6(via) }) }],
  ...extra,
});

describe('ip route', () => {
  it('reproduces `ip -6 route` from iproute2 6.1: kernel routes, an RA route and the RA default with expires and hoplimit', () => {
    const routes = [
      r6('2001:db8:6803:10::/64', 'C', 256, 'veth0'),
      r6('2001:db8:6803:10::/64', 'C', 256, 'veth1'),
      r6('2001:db8:6803:20::/64', 'ND', 1024, 'veth0', { expiresS: 1799 }, 'fe80::1'),
      r6('fe80::/64', 'C', 256, 'veth1'),
      r6('fe80::/64', 'C', 256, 'veth0'),
      r6('::/0', 'ND', 1024, 'veth0', { expiresS: 1799, hopLimit: 64 }, 'fe80::1'),
    ];
    expect(formatIpRoute(routes, 'ipv6')).toBe(fixture('linux', 'ip-6-route-netns.txt'));
  });
  it('reproduces `ip -6 route show dev enp0s9` (dev left out, RA on-link prefix)', () => {
    const routes = [r6('2001:2:0:1000::/64', 'NDp', 1024, 'enp0s9', { expiresS: 65518 }), r6('fe80::/64', 'C', 256, 'enp0s9'), r6('fe80::/64', 'C', 256, 'eth1')];
    expect(formatIpRoute(routes, 'ipv6', { dev: 'enp0s9' })).toBe(fixture('linux', 'ip-6-route-dev.txt'));
  });
  it('reproduces `ip route` (IPv4 lines end in a space; kernel routes scope link with src)', () => {
    const routes: RouteView[] = [
      { family: 'ipv4', prefix: p4('0.0.0.0/0'), code: 'S*', distance: 1, metric: 0, nextHops: [{ address: v4('192.0.2.1'), interfaceName: 'veth0' }] },
      { family: 'ipv4', prefix: p4('192.0.2.0/24'), code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: 'veth0' }], source: v4('192.0.2.10') },
    ];
    // `onlink` was needed to add the gateway in the namespace; the simulator's routes do not carry it.
    expect(formatIpRoute(routes, 'ipv4')).toBe(fixture('linux', 'ip-route-netns.txt').replace(' onlink ', ' '));
  });
  it('an empty table prints nothing; a static IPv6 route has no proto and a /128 host route no length', () => {
    expect(formatIpRoute([], 'ipv6')).toBe('');
    expect(formatIpRoute([r6('2001:db8:6801::53/128', 'S', 1024, 'eth0', {}, '2001:db8:6803:10::1')], 'ipv6')).toBe('2001:db8:6801::53 via 2001:db8:6803:10::1 dev eth0 metric 1024 pref medium');
  });
  it('reproduces `ip route get` for both families, and the refusal without a route', () => {
    const connected4: RouteView = { family: 'ipv4', prefix: p4('192.0.2.0/24'), code: 'C', distance: 0, metric: 0, nextHops: [{ interfaceName: 'veth0' }] };
    expect(formatIpRouteGet(v4('192.0.2.5'), connected4, v4('192.0.2.10'))).toBe(fixture('linux', 'ip-route-get-v4-netns.txt'));
    const src = v6('2001:db8:6803:10::11');
    const lines = [formatIpRouteGet(v6('2001:db8:6803:10::5'), r6('2001:db8:6803:10::/64', 'C', 256, 'veth0'), src), formatIpRouteGet(v6('2001:db8:1::1'), r6('::/0', 'S', 1024, 'veth0', {}, 'fe80::1'), src)];
    expect(lines.join('\n')).toBe(fixture('linux', 'ip-route-get-v6-netns.txt'));
    expect(formatIpRouteGet(v6('2001:db8:99::1'), undefined)).toBe('RTNETLINK answers: Network is unreachable');
  });
});

describe('ip -6 neigh', () => {
  it('reproduces iproute2 6.1 (router flag, trailing space after the state)', () => {
    const text = formatIpNeigh([
      { address: v6('fe80::1'), linkLayer: mac('00:00:5e:00:53:01'), state: 'PERMANENT', interfaceName: 'veth0', isRouter: true },
      { address: v6('2001:db8:6803:10::99'), linkLayer: mac('00:00:5e:00:53:02'), state: 'STALE', interfaceName: 'veth0', isRouter: false },
    ]);
    expect(text).toBe(fixture('linux', 'ip-6-neigh-netns.txt'));
  });
  it('incomplete and failed entries have no lladdr; REACH prints REACHABLE', () => {
    const lines = formatIpNeigh([
      { address: v6('2001:db8:6803:10::5'), state: 'INCMP', interfaceName: 'eth0', isRouter: false },
      { address: v6('2001:db8:6803:10::6'), state: 'FAILED', interfaceName: 'eth0', isRouter: false },
      { address: v6('fe80::1'), linkLayer: mac('00:00:5e:00:53:01'), state: 'REACH', interfaceName: 'eth0', isRouter: true },
    ]).split('\n');
    expect(lines).toEqual(['2001:db8:6803:10::5 dev eth0 INCOMPLETE ', '2001:db8:6803:10::6 dev eth0 FAILED ', 'fe80::1 dev eth0 lladdr 00:00:5e:00:53:01 router REACHABLE ']);
  });
});

