import { describe, it, expect } from 'vitest';
import { interfaceIdFromMac } from '../../../../sim-core/addr/eui64';
import { formatIpv6 } from '../../../../sim-core/addr/ipv6';
import { NS_PER_S } from '../../../../sim-core/engine/time';
import { IPV6_RIB } from '../../../../sim-core/stack/routing/ipv6-rib';
import { lan, v6 } from './rd-topology';

const DAY_S = 86400;

function globals<T extends { readonly address: bigint }>(addresses: readonly T[]): T[] {
  return addresses.filter((a) => a.address >> 112n === 0x2001n);
}

describe('SLAAC from router advertisements (RFC 4862 section 5.5.3)', () => {
  it('the Linux server forms prefix + EUI-64 of its MAC; the Windows PC a stable random address plus a temporary one; all pass DAD', () => {
    const { net, pc, srv } = lan();
    net.runFor(30 * NS_PER_S);
    const eth0 = net.interfaceAt('SRV1:eth0');
    const linux = globals(eth0.ipv6.addresses);
    expect(linux.map((a) => a.address)).toEqual([(v6('2001:db8:1::') | interfaceIdFromMac(eth0.mac))]);
    expect(linux[0]).toMatchObject({ origin: 'slaac', state: 'preferred' });
    const windows = globals(net.interfaceAt('PC1:Ethernet0').ipv6.addresses);
    expect(windows.map((a) => a.origin).sort()).toEqual(['slaac', 'temporary']);
    expect(windows.every((a) => a.state === 'preferred')).toBe(true);
    const mac = net.interfaceAt('PC1:Ethernet0').mac;
    for (const a of windows) expect(a.address & 0xffffffffffffffffn).not.toBe(interfaceIdFromMac(mac));
    expect(pc.rd.slaac.addresses().length).toBe(2);
    expect(srv.rd.dnsServers(eth0)).toEqual([]);
  });

  it('the same seed gives the same addresses; another seed gives the Windows PC other ones (not Linux)', () => {
    const run = (seed: number) => {
      const { net } = lan(seed);
      net.runFor(30 * NS_PER_S);
      return ['PC1:Ethernet0', 'SRV1:eth0'].map((e) => globals(net.interfaceAt(e).ipv6.addresses).map((a) => formatIpv6(a.address)).sort());
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    const b = run(6);
    expect(b[1]).toEqual(a[1]);
    expect(b[0]).not.toEqual(a[0]);
  });

  it('hosts get a default route via the router link-local (ND), and the on-link /64 from the L flag', () => {
    const { net, r1 } = lan();
    net.runFor(30 * NS_PER_S);
    const routerLinkLocal = r1.modules.ipv6.linkLocalOf(net.interfaceAt('R1:g0/0'))!.address;
    const rib = net.device('SRV1').stack!.findRequired(IPV6_RIB);
    const toInternet = rib.lookup(v6('2001:db8:99::1'))!;
    expect(toInternet.route.source).toBe('nd');
    expect(toInternet.route.metric).toBe(1024); // Linux: default via fe80::… proto ra metric 1024
    expect(toInternet.nextHop).toBe(routerLinkLocal);
    const onLink = rib.lookup(v6('2001:db8:1::77'))!;
    expect(onLink).toMatchObject({ onLink: true });
    expect(onLink.route.source).toBe('nd-prefix');
  });

  it('an address deprecates after the preferred lifetime and goes after the valid lifetime when RAs stop', () => {
    const { net, r1, g00 } = lan();
    r1.rd.config(g00).prefixes = [{ prefix: v6('2001:db8:1::'), prefixLength: 64, validLifetimeS: 3 * 3600, preferredLifetimeS: 3600 }];
    net.runFor(30 * NS_PER_S);
    net.setUp('R1:g0/0', false); // no more RAs
    const eth0 = net.interfaceAt('SRV1:eth0');
    net.runFor(3600 * NS_PER_S);
    expect(globals(eth0.ipv6.addresses)[0]!.state).toBe('deprecated');
    net.runFor(2 * 3600 * NS_PER_S);
    expect(globals(eth0.ipv6.addresses)).toEqual([]);
  });

  it('the two-hour rule: an RA with a short valid lifetime cannot cut a long remaining lifetime below two hours', () => {
    const { net, r1, g00 } = lan();
    net.runFor(30 * NS_PER_S);
    r1.rd.config(g00).prefixes = [{ prefix: v6('2001:db8:1::'), prefixLength: 64, validLifetimeS: 60, preferredLifetimeS: 30 }];
    net.runFor(250 * NS_PER_S); // next periodic RA carries valid 60 s
    const eth0 = net.interfaceAt('SRV1:eth0');
    const entry = globals(eth0.ipv6.addresses)[0]!;
    const remainingS = (entry.lifetimesSetNs + entry.validLifetimeS * NS_PER_S - net.nowNs) / NS_PER_S;
    expect(remainingS).toBeGreaterThan(7200 - 250); // set to two hours when that RA came, not to 60 s
    expect(remainingS).toBeLessThanOrEqual(7200);
    net.setUp('R1:g0/0', false);
    net.runFor(7201 * NS_PER_S);
    expect(globals(eth0.ipv6.addresses)).toEqual([]);
  });

  it('Windows makes a new temporary address before the current one deprecates (RFC 8981 section 3.6)', () => {
    const { net } = lan();
    net.runFor(30 * NS_PER_S);
    const temps = () => globals(net.interfaceAt('PC1:Ethernet0').ipv6.addresses).filter((a) => a.origin === 'temporary');
    const first = temps()[0]!.address;
    net.runFor(DAY_S * NS_PER_S);
    const now = temps();
    expect(now.length).toBeGreaterThanOrEqual(2);
    expect(now.find((a) => a.address === first)!.state).toBe('deprecated');
    expect(now.some((a) => a.address !== first && a.state === 'preferred')).toBe(true);
  });

  it('router lifetime 0 (`ipv6 nd ra lifetime 0`): addresses but no default route', () => {
    const { net } = lan(1, { routerLifetimeS: 0 });
    net.runFor(30 * NS_PER_S);
    const rib = net.device('SRV1').stack!.findRequired(IPV6_RIB);
    expect(globals(net.interfaceAt('SRV1:eth0').ipv6.addresses).length).toBe(1);
    expect(rib.lookup(v6('2001:db8:99::1'))).toBeUndefined();
  });
});
