/**
 * Issue 3, test 2, IPv6 half: three routers in a chain with static IPv6 routes. traceroute6
 * lists each hop in both probe styles (Windows tracert: ICMPv6 echo; Linux and IOS: UDP to
 * 33434+, ended by ICMPv6 port unreachable, RFC 4443 section 3.1 code 4); a missing return
 * route gives `* * *` / "Request timed out." lines.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { cabledRouterChain, hopTable, ping, traceroute, v6 } from './behaviour-helpers';

/** PC1 (Windows) — R1 — R2 — R3 — SRV1 (Linux), static addresses and routes. */
function chain(seed = 7, withReturnRoute = true): Network {
  const addresses: Record<string, string> = {
    'PC1:Ethernet0': '2001:db8:1::10/64',
    'R1:g0/0': '2001:db8:1::1/64',
    'R1:g0/1': '2001:db8:12::1/64',
    'R2:g0/1': '2001:db8:12::2/64',
    'R2:g0/2': '2001:db8:23::1/64',
    'R3:g0/2': '2001:db8:23::2/64',
    'R3:g0/0': '2001:db8:3::1/64',
    'SRV1:eth0': '2001:db8:3::10/64',
  };
  const net = cabledRouterChain(seed, addresses, (n, endpoint, address) => n.addIpv6Address(endpoint, address));
  for (const router of ['R1', 'R2', 'R3']) net.setIpv6Routing(router, true);
  net.addIpv6Route('PC1', '::/0', { nextHop: '2001:db8:1::1' });
  net.addIpv6Route('SRV1', '::/0', { nextHop: '2001:db8:3::1' });
  net.addIpv6Route('R1', '2001:db8:3::/64', { nextHop: '2001:db8:12::2' });
  net.addIpv6Route('R1', '2001:db8:23::/64', { nextHop: '2001:db8:12::2' });
  net.addIpv6Route('R2', '2001:db8:1::/64', { nextHop: '2001:db8:12::1' });
  net.addIpv6Route('R2', '2001:db8:3::/64', { nextHop: '2001:db8:23::2' });
  if (withReturnRoute) net.addIpv6Route('R3', '2001:db8:1::/64', { nextHop: '2001:db8:23::1' });
  net.addIpv6Route('R3', '2001:db8:12::/64', { nextHop: '2001:db8:23::1' });
  // DAD takes about a second (RFC 4862: one NS, RetransTimer 1 s).
  net.runFor(3 * NS_PER_S);
  return net;
}

describe('behaviour 2: three routers in a chain with static routes (IPv6)', () => {
  it('ping -6 from the PC crosses three routers: hop limit 64 − 3 = 61 from the Linux server', () => {
    const net = chain();
    const result = ping(net, 'PC1', v6('2001:db8:3::10'));
    expect(result.family).toBe('ipv6');
    expect(result.received).toBeGreaterThanOrEqual(3);
    const reply = result.probes.find((p) => p.outcome.kind === 'reply')!.outcome;
    expect(reply).toMatchObject({ from: v6('2001:db8:3::10'), hopLimit: 61, dataBytes: 32 });
  });

  it('Windows tracert -6 (ICMPv6 echo) lists R1, R2, R3 and the server', () => {
    const net = chain();
    ping(net, 'PC1', v6('2001:db8:3::10'));
    const result = traceroute(net, 'PC1', v6('2001:db8:3::10'));
    expect(result.method).toBe('icmp-echo');
    expect(result.reached).toBe(true);
    expect(hopTable(result)).toEqual([
      Array(3).fill(v6('2001:db8:1::1')),
      Array(3).fill(v6('2001:db8:12::2')),
      Array(3).fill(v6('2001:db8:23::2')),
      Array(3).fill(v6('2001:db8:3::10')),
    ]);
  });

  it('Linux traceroute6 (UDP, 80-byte packets) ends at the PC\'s port unreachable', () => {
    const net = chain();
    ping(net, 'SRV1', v6('2001:db8:1::10'), { count: 2 });
    const result = traceroute(net, 'SRV1', v6('2001:db8:1::10'));
    expect(result.method).toBe('udp');
    expect(result.packetBytes).toBe(80);
    expect(result.reached).toBe(true);
    expect(hopTable(result)).toEqual([
      Array(3).fill(v6('2001:db8:3::1')),
      Array(3).fill(v6('2001:db8:23::1')),
      Array(3).fill(v6('2001:db8:12::1')),
      Array(3).fill(v6('2001:db8:1::10')),
    ]);
  });

  it('IOS traceroute from R1 (UDP) lists R2, R3 and the server', () => {
    const net = chain();
    ping(net, 'R1', v6('2001:db8:3::10'));
    const result = traceroute(net, 'R1', v6('2001:db8:3::10'));
    expect(result.reached).toBe(true);
    expect(hopTable(result).map((hop) => hop.filter((x) => x !== '*')[0])).toEqual([v6('2001:db8:12::2'), v6('2001:db8:23::2'), v6('2001:db8:3::10')]);
  });

  it('R3 without the route back: hops after R2 are * * * to hop 30, ping times out', () => {
    const broken = chain(7, false);
    const trace = traceroute(broken, 'PC1', v6('2001:db8:3::10'));
    expect(trace.reached).toBe(false);
    expect(trace.hops).toHaveLength(30);
    const table = hopTable(trace);
    expect(table[0]).toEqual(Array(3).fill(v6('2001:db8:1::1')));
    expect(table[1]).toEqual(Array(3).fill(v6('2001:db8:12::2')));
    for (const hop of table.slice(2)) expect(hop).toEqual(['*', '*', '*']);
    expect(ping(broken, 'PC1', v6('2001:db8:3::10')).received).toBe(0);
  });
});

