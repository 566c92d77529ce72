import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIpv4, type Ipv4Address } from '../../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../../sim-core/addr/ipv6';
import { ipv4NetworkPart, ipv6NetworkPart } from '../../../../sim-core/addr/prefix';
import { Network } from '../../../../sim-core/sim/network';
import type { NetInterface } from '../../../../sim-core/stack/net-interface';
import { IPV4_RIB } from '../../../../sim-core/stack/routing/ipv4-rib';
import { IPV6_FIB } from '../../../../sim-core/stack/routing/ipv6-fib';
import { IPV6_RIB, type Ipv6Rib } from '../../../../sim-core/stack/routing/ipv6-rib';
import { LpmTable } from '../../../../sim-core/stack/routing/lpm-table';

function v4(text: string): Ipv4Address {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Puts a static IPv6 address on an interface as the IPv6 module would (state preferred). */
function addIpv6(net: Network, endpoint: string, address: string, prefixLength = 64): NetInterface {
  const iface = net.interfaceAt(endpoint);
  iface.ipv6.enabled = true;
  const entry = { address: v6(address), prefixLength, state: 'preferred' as const, origin: 'static' as const, anycast: false, validLifetimeS: Infinity, preferredLifetimeS: Infinity, lifetimesSetNs: 0 };
  iface.ipv6.addresses.push(entry);
  net.device(endpoint.split(':')[0]!).stack!.emit({ kind: 'ipv6-address-added', iface, address: entry });
  return iface;
}

/** R1 with G0/0 and G0/1 cabled to R2 and R3, both up. */
function triangle() {
  const net = new Network({ seed: 7 });
  for (const name of ['R1', 'R2', 'R3']) net.addDevice('router', name);
  net.connect('R1:g0/0', 'R2:g0/0');
  net.connect('R1:g0/1', 'R3:g0/0');
  for (const endpoint of ['R1:g0/0', 'R1:g0/1', 'R2:g0/0', 'R3:g0/0']) net.setUp(endpoint, true);
  net.addIpv4Address('R1:g0/0', '10.0.12.1/30');
  net.addIpv4Address('R1:g0/1', '10.0.13.1/30');
  const r1v6 = net.device('R1').stack!.findRequired(IPV6_RIB);
  addIpv6(net, 'R1:g0/0', '2001:db8:12::1');
  addIpv6(net, 'R1:g0/1', '2001:db8:13::1');
  net.runFor(1_000_000);
  return { net, r1v6, rib4: net.device('R1').stack!.findRequired(IPV4_RIB) };
}

describe('RIB route selection (administrative distance, then metric)', () => {
  it('connected and local routes appear for an address on an up interface (IOS C and L)', () => {
    const { r1v6, rib4 } = triangle();
    const codes4 = rib4.routes().map((r) => `${r.source} ${r.prefixLength}`);
    expect(codes4).toEqual(expect.arrayContaining(['connected 30', 'local 32']));
    const c = r1v6.lookup(v6('2001:db8:12::99'))!;
    expect(c.route.source).toBe('connected');
    expect(c.onLink).toBe(true);
    expect(c.nextHop).toBe(v6('2001:db8:12::99'));
    expect(r1v6.lookup(v6('2001:db8:12::1'))!.route.source).toBe('local');
  });

  it('the lower distance wins; among equal distances the lower metric', () => {
    const { r1v6 } = triangle();
    r1v6.add({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('2001:db8:13::3'), iface: null, source: 'ospfv3', distance: 110, metric: 20 });
    r1v6.add({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('2001:db8:12::2'), iface: null, source: 'ospfv3', distance: 110, metric: 10 });
    expect(r1v6.lookup(v6('2001:db8:99::1'))!.nextHop).toBe(v6('2001:db8:12::2'));
    r1v6.addStatic({ network: v6('2001:db8:99::'), prefixLength: 48, nextHop: v6('2001:db8:13::3') });
    const decision = r1v6.lookup(v6('2001:db8:99::1'))!;
    expect(decision.route.source).toBe('static');
    expect(decision.iface!.name).toBe('GigabitEthernet0/1');
  });

  it('a floating static (distance 200) takes over when the primary exit interface goes down and gives way when it returns', () => {
    const { net, r1v6 } = triangle();
    r1v6.addStatic({ network: v6('2001:db8:2::'), prefixLength: 64, iface: net.interfaceAt('R1:g0/0') });
    r1v6.addStatic({ network: v6('2001:db8:2::'), prefixLength: 64, nextHop: v6('2001:db8:13::3'), distance: 200 });
    expect(r1v6.lookup(v6('2001:db8:2::5'))!.iface!.name).toBe('GigabitEthernet0/0');
    net.unplug('R1:g0/0');
    net.runFor(1_000_000);
    const backup = r1v6.lookup(v6('2001:db8:2::5'))!;
    expect(backup.route.distance).toBe(200);
    expect(backup.nextHop).toBe(v6('2001:db8:13::3'));
    const standby = r1v6.entries().find((e) => e.route.source === 'static' && e.route.distance === 1)!;
    expect(standby.installed).toBe(false);
    expect(standby.standby).toBe('interface-down');
    net.replug('R1:g0/0');
    net.runFor(1_000_000);
    expect(r1v6.lookup(v6('2001:db8:2::5'))!.route.distance).toBe(1);
  });

  it('IPv4 floating static and Null0 (`ip route 10.0.0.0 255.0.0.0 Null0`) discard', () => {
    const { net, rib4 } = triangle();
    rib4.addStatic({ network: v4('10.0.0.0'), prefixLength: 8, discard: true });
    rib4.addStatic({ network: v4('10.9.0.0'), prefixLength: 16, nextHop: v4('10.0.12.2') });
    rib4.addStatic({ network: v4('10.9.0.0'), prefixLength: 16, nextHop: v4('10.0.13.2'), distance: 200 });
    expect(rib4.lookup(v4('10.200.0.1'))!.iface).toBeNull();
    expect(rib4.lookup(v4('10.200.0.1'))!.route.discard).toBe(true);
    expect(rib4.lookup(v4('10.9.1.1'))!.nextHop).toBe(v4('10.0.12.2'));
    net.setUp('R1:g0/0', false);
    expect(rib4.lookup(v4('10.9.1.1'))!.nextHop).toBe(v4('10.0.13.2'));
  });
});

describe('static route forms (IOS ip route / ipv6 route)', () => {
  it('a recursive static resolves through another static to the connected next hop', () => {
    const { r1v6 } = triangle();
    r1v6.addStatic({ network: v6('2001:db8:a::'), prefixLength: 64, nextHop: v6('2001:db8:b::1') });
    expect(r1v6.lookup(v6('2001:db8:a::1'))).toBeUndefined();
    r1v6.addStatic({ network: v6('2001:db8:b::'), prefixLength: 64, nextHop: v6('2001:db8:12::2') });
    const decision = r1v6.lookup(v6('2001:db8:a::1'))!;
    expect(decision.iface!.name).toBe('GigabitEthernet0/0');
    expect(decision.nextHop).toBe(v6('2001:db8:12::2'));
  });

  it('recursive routes that resolve through each other never install (loop protection)', () => {
    const { r1v6 } = triangle();
    r1v6.addStatic({ network: v6('2001:db8:a::'), prefixLength: 64, nextHop: v6('2001:db8:b::1') });
    r1v6.addStatic({ network: v6('2001:db8:b::'), prefixLength: 64, nextHop: v6('2001:db8:a::1') });
    r1v6.addStatic({ network: v6('2001:db8:c::'), prefixLength: 64, nextHop: v6('2001:db8:c::1') });
    expect(r1v6.lookup(v6('2001:db8:a::1'))).toBeUndefined();
    expect(r1v6.lookup(v6('2001:db8:c::5'))).toBeUndefined();
    expect(r1v6.entries().filter((e) => e.route.source === 'static').every((e) => e.standby === 'next-hop-unresolved')).toBe(true);
  });

  it('an IPv6 static does not resolve its next hop through ::/0 unless `ipv6 route static resolve default`', () => {
    const { r1v6 } = triangle();
    r1v6.addStatic({ network: v6('::'), prefixLength: 0, nextHop: v6('2001:db8:12::2') });
    r1v6.addStatic({ network: v6('2001:db8:a::'), prefixLength: 64, nextHop: v6('2001:db8:77::1') });
    expect(r1v6.lookup(v6('2001:db8:a::1'))!.route.prefixLength).toBe(0);
    r1v6.resolveViaDefault = true;
    expect(r1v6.lookup(v6('2001:db8:a::1'))!.route.prefixLength).toBe(64);
  });

  it('a link-local next hop needs the exit interface (IOS: "% Interface has to be specified for a link-local nexthop")', () => {
    const { net, r1v6 } = triangle();
    const bare = r1v6.addStatic({ network: v6('::'), prefixLength: 0, nextHop: v6('fe80::2') });
    expect(bare).toEqual({ ok: false, error: 'Interface has to be specified for a link-local nexthop' });
    const full = r1v6.addStatic({ network: v6('::'), prefixLength: 0, nextHop: v6('fe80::2'), iface: net.interfaceAt('R1:g0/0') });
    expect(full.ok).toBe(true);
    const decision = r1v6.lookup(v6('2001:db8:ffff::1'))!;
    expect(decision.nextHop).toBe(v6('fe80::2'));
    expect(decision.iface!.name).toBe('GigabitEthernet0/0');
    expect(decision.onLink).toBe(false);
  });

  it('an exit-interface-only static sends to the destination itself (on-link)', () => {
    const { net, r1v6 } = triangle();
    r1v6.addStatic({ network: v6('2001:db8:2::'), prefixLength: 64, iface: net.interfaceAt('R1:g0/1') });
    const decision = r1v6.lookup(v6('2001:db8:2::7'))!;
    expect(decision).toMatchObject({ nextHop: v6('2001:db8:2::7'), onLink: true });
  });

  it('IPv6 Null0 discards and host bits in the prefix are refused (IOS "Inconsistent address and mask")', () => {
    const { r1v6 } = triangle();
    expect(r1v6.addStatic({ network: v6('2001:db8::1'), prefixLength: 32, discard: true }).ok).toBe(false);
    r1v6.addStatic({ network: v6('2001:db8::'), prefixLength: 32, discard: true });
    expect(r1v6.lookup(v6('2001:db8:5::1'))).toMatchObject({ discard: true, iface: null });
    expect(r1v6.removeStatic({ network: v6('2001:db8::'), prefixLength: 32 })).toBe(1);
    expect(r1v6.lookup(v6('2001:db8:5::1'))).toBeUndefined();
  });

  it('link-local destinations are not looked up (they need a zone, RFC 4007)', () => {
    const { r1v6 } = triangle();
    r1v6.addStatic({ network: v6('::'), prefixLength: 0, nextHop: v6('2001:db8:12::2') });
    expect(r1v6.lookup(v6('fe80::1'))).toBeUndefined();
    expect(r1v6.lookup(v6('ff02::1'))).toBeUndefined();
  });
});

describe('connected routes follow carrier and admin state', () => {
  it('unplugging removes C and L; replugging restores them', () => {
    const { net, r1v6, rib4 } = triangle();
    net.unplug('R1:g0/0');
    net.runFor(1_000_000);
    expect(r1v6.lookup(v6('2001:db8:12::9'))).toBeUndefined();
    expect(rib4.lookup(v4('10.0.12.2'))).toBeUndefined();
    net.replug('R1:g0/0');
    net.runFor(1_000_000);
    expect(r1v6.lookup(v6('2001:db8:12::9'))!.route.source).toBe('connected');
    expect(rib4.lookup(v4('10.0.12.2'))!.route.source).toBe('connected');
  });

  it('a duplicate address gives no routes; SLAAC addresses give only the /128 (RFC 5942)', () => {
    const net = new Network({ seed: 1 });
    net.addDevice('server', 'S');
    const iface = net.interfaceAt('S:eth0');
    const rib: Ipv6Rib = net.device('S').stack!.findRequired(IPV6_RIB);
    iface.operUp = true;
    iface.ipv6.enabled = true;
    const entry = { address: v6('2001:db8:1::5'), prefixLength: 64, state: 'preferred' as 'preferred' | 'duplicate', origin: 'slaac' as const, anycast: false, validLifetimeS: 100, preferredLifetimeS: 50, lifetimesSetNs: 0 };
    iface.ipv6.addresses.push(entry);
    rib.syncConnected(iface);
    const global = rib.routes().filter((r) => r.network >> 112n === 0x2001n);
    expect(global.map((r) => `${r.source}/${r.prefixLength}`)).toEqual(['local/128']);
    entry.state = 'duplicate';
    rib.syncConnected(iface);
    expect(rib.routes().filter((r) => r.network >> 112n === 0x2001n)).toEqual([]);
  });
});

describe('longest-prefix match', () => {
  it('the IPv6 FIB is published under IPV6_FIB on every IP device', () => {
    const net = new Network({ seed: 1 });
    for (const [kind, name] of [['router', 'R'], ['pc', 'P'], ['server', 'S'], ['l3-switch', 'L']] as const) {
      net.addDevice(kind, name);
      expect(net.device(name).stack!.find(IPV6_FIB)).toBeDefined();
    }
  });

  it('matches a brute-force oracle for IPv4 and IPv6 (property)', () => {
    const v4Route = fc.record({ network: fc.integer({ min: 0, max: 0xffffffff }), length: fc.integer({ min: 0, max: 32 }) });
    fc.assert(
      fc.property(fc.array(v4Route, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 20 }), (routes, probes) => {
        const table = new LpmTable<Ipv4Address, number>({ bits: 32, networkOf: ipv4NetworkPart });
        const oracle = new Map<string, number>();
        routes.forEach((r, i) => {
          const network = ipv4NetworkPart(r.network as Ipv4Address, r.length);
          table.set(network, r.length, i);
          oracle.set(`${network}/${r.length}`, i);
        });
        for (const probe of probes) {
          let best: number | undefined;
          let bestLength = -1;
          for (const [key, value] of oracle) {
            const [network, length] = key.split('/').map(Number) as [number, number];
            if (ipv4NetworkPart(probe as Ipv4Address, length) === network && length > bestLength) {
              best = value;
              bestLength = length;
            }
          }
          expect(table.lookup(probe as Ipv4Address)).toBe(best);
        }
      }),
    );
    const v6Route = fc.record({ network: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), length: fc.integer({ min: 0, max: 128 }) });
    fc.assert(
      fc.property(fc.array(v6Route, { maxLength: 30 }), fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { minLength: 1, maxLength: 10 }), (routes, probes) => {
        const table = new LpmTable<Ipv6Address, number>({ bits: 128, networkOf: ipv6NetworkPart });
        const entries: { network: Ipv6Address; length: number; value: number }[] = [];
        routes.forEach((r, i) => {
          const network = ipv6NetworkPart(r.network as Ipv6Address, r.length);
          table.set(network, r.length, i);
          const existing = entries.find((e) => e.network === network && e.length === r.length);
          if (existing) existing.value = i;
          else entries.push({ network, length: r.length, value: i });
        });
        // Probes near the routes too, so that long prefixes get hit.
        for (const probe of [...probes, ...entries.map((e) => (e.network | 1n) as Ipv6Address)]) {
          const matching = entries.filter((e) => ipv6NetworkPart(probe as Ipv6Address, e.length) === e.network).sort((a, b) => b.length - a.length);
          expect(table.lookup(probe as Ipv6Address)).toBe(matching[0]?.value);
        }
      }),
    );
  });
});
