/**
 * The management layer's slices and views on a small LAN: R1 advertises 2001:db8:1::/64 with
 * an RDNSS option (RFC 8106); a Linux server forms its address by SLAAC (RFC 4862 section
 * 5.5.3). Checked: the interface table and admin state (layer-3 interface and bare switchport),
 * address lists with RFC 4862 states and lifetimes that count down, neighbour entries with
 * RFC 4861 state names, host settings (RAs off: no SLAAC), RA settings, forwarding lookups,
 * and the empty slots later issues fill.
 */
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { managementOf } from '../../../sim-core/mgmt/device-management';
import { Network } from '../../../sim-core/sim/network';

function v6(text: string): Ipv6Address {
  const p = parseIpv6(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
}

const PREFIX = v6('2001:db8:1::');

function lan(options: { srvAcceptsRa?: boolean } = {}) {
  const net = new Network({ seed: 11 });
  const r1 = net.addDevice('router', 'R1');
  const sw = net.addDevice('switch', 'SW1');
  const srv = net.addDevice('server', 'SRV1');
  net.connect('R1:g0/0', 'SW1:Gi1/0/24');
  net.connect('SRV1:eth0', 'SW1:Gi1/0/1');
  net.setUp('R1:g0/0', true);
  net.addIpv4Address('R1:g0/0', '192.0.2.1/24');
  net.addIpv6Address('R1:g0/0', '2001:db8:1::1/64');
  const router = managementOf(r1);
  router.routerAdvertisements.configure('GigabitEthernet0/0', {
    suppress: false,
    suppressAll: false,
    managed: false,
    other: false,
    preference: 'medium',
    prefixes: [{ prefix: PREFIX, prefixLength: 64, validLifetimeS: 3600, preferredLifetimeS: 1800 }],
    dnsServers: [{ address: v6('2001:db8:1::53'), lifetimeS: 600 }],
  });
  if (options.srvAcceptsRa === false) managementOf(srv).host.setIpv6Settings('eth0', { acceptRouterAdvertisements: false, autoconfig: false, idMode: 'eui64', temporaryAddresses: false });
  net.setIpv6Routing('R1', true);
  net.addIpv4Address('SRV1:eth0', '192.0.2.10/24');
  return { net, router, sw: managementOf(sw), server: managementOf(srv) };
}

describe('mgmt views', () => {
  it('the interface table and admin state: a layer-3 interface, and a bare switchport that reports its change', () => {
    const { router, sw } = lan();
    const g0 = router.interfaces.entry('GigabitEthernet0/0')!;
    expect(g0).toMatchObject({ kind: 'physical', adminUp: true, mtuBytes: 1500, ipv6MtuBytes: undefined });
    router.interfaces.setIpv6Mtu('GigabitEthernet0/0', 1400);
    router.interfaces.setDescription('GigabitEthernet0/0', 'to SW1');
    expect(router.interfaces.entry('GigabitEthernet0/0')).toMatchObject({ ipv6MtuBytes: 1400, description: 'to SW1' });
    expect(router.interfaces.setAdminUp('GigabitEthernet0/0', false)).toEqual({ kind: 'interface' });
    expect(router.interfaces.entry('GigabitEthernet0/0')).toMatchObject({ adminUp: false, lineProtocolUp: false });
    expect(sw.interfaces.setAdminUp('GigabitEthernet1/0/1', false)).toEqual({ kind: 'switchport', wasUp: true, nowUp: false });
    expect(sw.interfaces.port('GigabitEthernet1/0/1')).toMatchObject({ adminUp: false, up: false });
    expect(sw.interfaces.setAdminUp('GigabitEthernet9/9/9', false)).toEqual({ kind: 'unknown' });
  });

  it('addresses start tentative, become preferred after DAD; SLAAC lifetimes count down; the RA carried DNS servers', () => {
    const { net, router, server } = lan();
    expect(router.addresses.ipv6('GigabitEthernet0/0').find((a) => a.address === v6('2001:db8:1::1'))).toMatchObject({ origin: 'static', state: 'tentative', dynamic: false });
    net.runFor(10 * NS_PER_S);
    expect(router.addresses.ipv6('GigabitEthernet0/0').find((a) => a.address === v6('2001:db8:1::1'))?.state).toBe('preferred');
    const slaac = server.addresses.ipv6('eth0').find((a) => a.origin === 'slaac')!;
    expect(slaac.address >> 64n).toBe(PREFIX >> 64n);
    expect(slaac).toMatchObject({ state: 'preferred', dynamic: true });
    const valid = slaac.validLifetimeS!;
    expect(valid).toBeLessThanOrEqual(3600);
    // No more periodic RAs (each would refresh the lifetimes, RFC 4862 section 5.5.3 e): they only count down now.
    router.routerAdvertisements.configure('GigabitEthernet0/0', {
      suppress: true,
      suppressAll: false,
      managed: false,
      other: false,
      preference: 'medium',
      prefixes: [{ prefix: PREFIX, prefixLength: 64, validLifetimeS: 3600, preferredLifetimeS: 1800 }],
      dnsServers: [{ address: v6('2001:db8:1::53'), lifetimeS: 600 }],
    });
    router.routerAdvertisements.refresh('GigabitEthernet0/0');
    net.runFor(100 * NS_PER_S);
    const later = server.addresses.ipv6('eth0').find((a) => a.address === slaac.address)!;
    expect(valid - later.validLifetimeS!).toBeGreaterThanOrEqual(99);
    expect(valid - later.validLifetimeS!).toBeLessThanOrEqual(101);
    expect(server.host.dnsServers('eth0')).toEqual([v6('2001:db8:1::53')]);
    expect(server.addresses.ipv4('eth0')).toEqual([{ address: 0xc000020a, prefixLength: 24, secondary: false }]);
  });

  it('host settings: with RAs not accepted there is no SLAAC address and no RA default route', () => {
    const { net, server } = lan({ srvAcceptsRa: false });
    net.runFor(10 * NS_PER_S);
    expect(server.addresses.ipv6('eth0').map((a) => a.origin)).toEqual(['link-local']);
    expect(server.routing.entries('ipv6').filter((e) => e.origin === 'nd')).toEqual([]);
  });

  it('neighbour entries carry RFC 4861 state names; clearing empties them', () => {
    const { net, router, server } = lan();
    net.runFor(10 * NS_PER_S);
    const target = server.addresses.ipv6('eth0').find((a) => a.origin === 'slaac')!.address;
    router.probes.ping({ destination: target, count: 1 });
    net.runFor(2 * NS_PER_S);
    const entry = router.neighbors.ipv6('GigabitEthernet0/0').find((n) => n.address === target)!;
    expect(['REACHABLE', 'STALE', 'DELAY', 'PROBE']).toContain(entry.state);
    expect(entry.linkLayerAddress).not.toBeNull();
    router.neighbors.clearIpv6();
    expect(router.neighbors.ipv6()).toEqual([]);
  });

  it('forwarding lookups answer where a packet goes and from which source; the RA default route is an nd entry', () => {
    const { net, server } = lan();
    net.runFor(10 * NS_PER_S);
    const out = server.routing.lookupIpv6(v6('2001:db8:99::1'))!;
    expect(out.interfaceName).toBe('eth0');
    expect(out.nextHop >> 118n).toBe(0x3fan); // the router's link-local (RFC 4861 section 4.2)
    expect(out.source! >> 64n).toBe(PREFIX >> 64n);
    expect(server.routing.entries('ipv6').find((e) => e.origin === 'nd' && e.prefixLength === 0)).toMatchObject({ installed: true, resolvedInterfaceName: 'eth0' });
    const google = parseIpv4('8.8.8.8');
    if (!google.ok) throw new Error(google.error);
    expect(server.routing.lookupIpv4(google.value)).toBeUndefined();
  });

  it('the slots later issues fill are there, typed and empty', () => {
    const { router } = lan();
    expect([router.routing.processes.size, router.tunnels.size, router.translators.size, router.accessLists.size, router.services.size]).toEqual([0, 0, 0, 0, 0]);
  });
});
