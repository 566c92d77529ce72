/**
 * Issue 3, test 7: a cabled switch loop. The run does not hang; the problem is reported: spanning
 * tree blocks one port of the loop and says so in its status, and traffic still flows.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { ping, v4 } from './behaviour-helpers';

/** Two switches cabled twice (the classic trainee loop), a host on each. */
function loop(seed = 9): Network {
  const net = new Network({ seed });
  net.addDevice('switch', 'SW1');
  net.addDevice('switch', 'SW2');
  net.addDevice('pc', 'PC1');
  net.addDevice('server', 'SRV1');
  net.connect('SW1:Gi1/0/23', 'SW2:Gi1/0/23');
  net.connect('SW1:Gi1/0/24', 'SW2:Gi1/0/24');
  net.connect('PC1:Ethernet0', 'SW1:Gi1/0/1');
  net.connect('SRV1:eth0', 'SW2:Gi1/0/1');
  net.addIpv4Address('PC1:Ethernet0', '192.168.1.10/24');
  net.addIpv4Address('SRV1:eth0', '192.168.1.20/24');
  return net;
}

describe('behaviour 7: a cabled switch loop (IPv4)', () => {
  it('no hang: a minute of virtual time with broadcasts (ARP) ends normally, in a few hundred frames', () => {
    const net = loop();
    const result = ping(net, 'PC1', v4('192.168.1.20'));
    expect(result.received).toBe(4);
    const run = net.runFor(60 * NS_PER_S);
    expect(run.status).toBe('time-reached');
    expect(net.simulator.trace.counts.tx).toBeLessThan(2000);
  });

  it('the loop is reported: exactly one switch port is discarding (alternate) in the spanning-tree status', () => {
    const net = loop();
    net.runFor(40 * NS_PER_S);
    const blocked = ['SW1', 'SW2'].flatMap((sw) => net.spanningTree(sw)!.ports.filter((p) => p.state === 'discarding').map((p) => `${sw} ${p.portName} ${p.role}`));
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatch(/Gi.*1\/0\/2[34] alternate$|GigabitEthernet1\/0\/2[34] alternate$/);
  });
});
