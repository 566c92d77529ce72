/**
 * Issue 3: same seed, same trace hash for a whole scenario; a different seed changes the random
 * choices (IP identification, later RA jitter and interface identifiers) but not the outcomes.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { hopTable, outcomes, ping, traceroute, v4 } from './behaviour-helpers';

/** A switched LAN of two hosts behind a router, a server beyond it: ping and traceroute both ways. */
function scenario(seed: number) {
  const net = new Network({ seed });
  net.addDevice('router', 'R1');
  net.addDevice('switch', 'SW1');
  net.addDevice('pc', 'PC1');
  net.addDevice('pc', 'PC2');
  net.addDevice('server', 'SRV1');
  net.connect('R1:g0/0', 'SW1:Gi1/0/24');
  net.connect('PC1:Ethernet0', 'SW1:Gi1/0/1');
  net.connect('PC2:Ethernet0', 'SW1:Gi1/0/2');
  net.connect('R1:g0/1', 'SRV1:eth0');
  for (const [endpoint, address] of Object.entries({ 'R1:g0/0': '192.168.1.1/24', 'R1:g0/1': '192.168.2.1/24', 'PC1:Ethernet0': '192.168.1.10/24', 'PC2:Ethernet0': '192.168.1.11/24', 'SRV1:eth0': '192.168.2.10/24' })) {
    net.setUp(endpoint, true);
    net.addIpv4Address(endpoint, address);
  }
  for (const host of ['PC1', 'PC2']) net.setDefaultGateway(host, '192.168.1.1');
  net.setDefaultGateway('SRV1', '192.168.2.1');
  net.runFor(35 * NS_PER_S);
  const pings = [ping(net, 'PC1', v4('192.168.2.10')), ping(net, 'PC2', v4('192.168.1.10')), ping(net, 'SRV1', v4('192.168.1.11'), { count: 3 })];
  const trace = traceroute(net, 'SRV1', v4('192.168.1.10'));
  return { hash: net.traceHash(), outcomes: pings.map(outcomes), hops: hopTable(trace), events: net.simulator.eventsExecuted };
}

describe('replayable runs', () => {
  it('the same seed gives the same trace hash and the same outcomes', () => {
    const a = scenario(1234);
    const b = scenario(1234);
    expect(b.hash).toBe(a.hash);
    expect(b).toEqual(a);
  });

  it('a different seed gives a different trace (random choices differ) but the same outcomes', () => {
    const a = scenario(1234);
    const b = scenario(98765);
    expect(b.hash).not.toBe(a.hash);
    expect(b.outcomes).toEqual(a.outcomes);
    expect(b.hops).toEqual(a.hops);
  });
});
