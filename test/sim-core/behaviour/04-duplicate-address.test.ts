/**
 * Issue 3, test 4: two hosts with the same address. Duplicate Address Detection (RFC 4862
 * section 5.4) catches it on the second: its address is marked duplicate and never used, while
 * the first keeps it and still answers.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { ping, v6 } from './behaviour-helpers';

function lan(seed = 4): Network {
  const net = new Network({ seed });
  net.addDevice('switch', 'SW1');
  for (const [kind, name, nic, port] of [['server', 'SRV1', 'eth0', 1], ['pc', 'PC1', 'Ethernet0', 2], ['server', 'SRV2', 'eth0', 3]] as const) {
    net.addDevice(kind, name);
    net.connect(`${name}:${nic}`, `SW1:Gi1/0/${port}`);
  }
  net.runFor(3 * NS_PER_S);
  return net;
}

const stateOf = (net: Network, endpoint: string, address: string) => net.ipv6Addresses(endpoint).find((a) => a.address === v6(address))?.state;

describe('behaviour 4: two hosts with the same address (DAD, RFC 4862 section 5.4)', () => {
  it('the second host to configure it finds it duplicate; the first keeps it preferred', () => {
    const net = lan();
    net.addIpv6Address('SRV1:eth0', '2001:db8:1::5/64');
    net.runFor(3 * NS_PER_S);
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::5')).toBe('preferred');
    net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::5/64');
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::5')).toBe('tentative');
    net.runFor(3 * NS_PER_S);
    expect(stateOf(net, 'PC1:Ethernet0', '2001:db8:1::5')).toBe('duplicate'); // Windows shows "Duplicate"
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::5')).toBe('preferred');
  });

  it('the address still reaches the first host, and the second cannot use the duplicate as a source', () => {
    const net = lan();
    net.addIpv6Address('SRV1:eth0', '2001:db8:1::5/64');
    net.addIpv6Address('SRV2:eth0', '2001:db8:1::7/64');
    net.runFor(3 * NS_PER_S);
    net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::5/64');
    net.runFor(3 * NS_PER_S);
    const result = ping(net, 'SRV2', v6('2001:db8:1::5'), { count: 3 });
    expect(result.received).toBe(3);
    // Only SRV1 answered: the reply came from its MAC, the PC never saw the requests as its own.
    expect(net.device('PC1').icmpv6!.counters.echoRequestsAnswered).toBe(0);
    const fromPc = ping(net, 'PC1', v6('2001:db8:1::7'), { count: 1 });
    expect(fromPc.source).not.toBe(v6('2001:db8:1::5'));
  });
});
