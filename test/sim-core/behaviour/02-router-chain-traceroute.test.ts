/**
 * Issue 3, test 2: three routers in a chain with static routes. traceroute lists each hop, in
 * both probe styles (Windows tracert: ICMP echo; Linux and IOS: UDP); a missing return route
 * gives the timeouts a trainee would see (`* * *` lines, "Request timed out.").
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { cabledRouterChain, hopTable, outcomes, ping, traceroute, v4 } from './behaviour-helpers';

/** PC1 (Windows) — R1 — R2 — R3 — SRV1 (Linux). */
function chain(seed = 7): Network {
  const addresses: Record<string, string> = {
    'PC1:Ethernet0': '192.168.1.10/24',
    'R1:g0/0': '192.168.1.1/24',
    'R1:g0/1': '10.0.12.1/30',
    'R2:g0/1': '10.0.12.2/30',
    'R2:g0/2': '10.0.23.1/30',
    'R3:g0/2': '10.0.23.2/30',
    'R3:g0/0': '192.168.3.1/24',
    'SRV1:eth0': '192.168.3.10/24',
  };
  const net = cabledRouterChain(seed, addresses, (n, endpoint, address) => n.addIpv4Address(endpoint, address));
  net.setDefaultGateway('PC1', '192.168.1.1');
  net.setDefaultGateway('SRV1', '192.168.3.1');
  net.addIpv4Route('R1', '192.168.3.0/24', { nextHop: '10.0.12.2' });
  net.addIpv4Route('R1', '10.0.23.0/30', { nextHop: '10.0.12.2' });
  net.addIpv4Route('R2', '192.168.1.0/24', { nextHop: '10.0.12.1' });
  net.addIpv4Route('R2', '192.168.3.0/24', { nextHop: '10.0.23.2' });
  net.addIpv4Route('R3', '192.168.1.0/24', { nextHop: '10.0.23.1' });
  net.addIpv4Route('R3', '10.0.12.0/30', { nextHop: '10.0.23.1' });
  net.runFor(NS_PER_S);
  // A first exchange fills the ARP caches (IOS drops the packet that starts resolution).
  ping(net, 'PC1', v4('192.168.3.10'));
  return net;
}

describe('behaviour 2: three routers in a chain with static routes (IPv4)', () => {
  it('Windows tracert (ICMP echo) lists R1, R2, R3 and the server, then stops', () => {
    const net = chain();
    const result = traceroute(net, 'PC1', v4('192.168.3.10'));
    expect(result.method).toBe('icmp-echo');
    expect(result.reached).toBe(true);
    expect(hopTable(result)).toEqual([
      Array(3).fill(v4('192.168.1.1')),
      Array(3).fill(v4('10.0.12.2')),
      Array(3).fill(v4('10.0.23.2')),
      Array(3).fill(v4('192.168.3.10')),
    ]);
  });

  it('Linux traceroute (UDP) lists the same path backwards, each hop by the address facing the server', () => {
    const net = chain();
    const result = traceroute(net, 'SRV1', v4('192.168.1.10'));
    expect(result.method).toBe('udp');
    expect(result.reached).toBe(true);
    expect(hopTable(result)).toEqual([Array(3).fill(v4('192.168.3.1')), Array(3).fill(v4('10.0.23.1')), Array(3).fill(v4('10.0.12.1')), Array(3).fill(v4('192.168.1.10'))]);
  });

  it('IOS traceroute (UDP, 3 s timeout) from R1 lists R2, R3 and the server', () => {
    const net = chain();
    const result = traceroute(net, 'R1', v4('192.168.3.10'));
    expect(result.method).toBe('udp');
    expect(result.timeoutNs).toBe(3 * NS_PER_S);
    expect(hopTable(result)).toEqual([Array(3).fill(v4('10.0.12.2')), Array(3).fill(v4('10.0.23.2')), Array(3).fill(v4('192.168.3.10'))]);
  });

  it('R3 without a route back: tracert shows R1 and R2, then "Request timed out." to hop 30; ping times out', () => {
    const net = chain();
    net.device('R3').ipv4!.fib.remove((route) => route.source === 'static' && route.prefixLength === 24);
    const trace = traceroute(net, 'PC1', v4('192.168.3.10'));
    expect(trace.reached).toBe(false);
    expect(trace.hops).toHaveLength(30);
    const table = hopTable(trace);
    expect(table[0]).toEqual(Array(3).fill(v4('192.168.1.1')));
    expect(table[1]).toEqual(Array(3).fill(v4('10.0.12.2')));
    for (const hop of table.slice(2)) expect(hop).toEqual(['*', '*', '*']);
    const result = ping(net, 'PC1', v4('192.168.3.10'));
    expect(outcomes(result)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(result.lossPercent).toBe(100);
  });
});
