import { describe, it, expect } from 'vitest';
import { secondsToNs } from '../../../sim-core/engine/time';
import { buildTopology, echo } from '../devices/topology';

/** Three switches cabled in a triangle, a host on SW1 and one on SW3. */
function triangle(seed = 1) {
  return buildTopology({
    seed,
    devices: { SW1: 'switch', SW2: 'switch', SW3: 'switch', PC1: 'pc', SRV1: 'server' },
    links: [
      ['SW1:Gi1/0/23', 'SW2:Gi1/0/23'],
      ['SW2:Gi1/0/24', 'SW3:Gi1/0/24'],
      ['SW3:Gi1/0/23', 'SW1:Gi1/0/24'],
      ['PC1:Ethernet0', 'SW1:Gi1/0/1'],
      ['SRV1:eth0', 'SW3:Gi1/0/1'],
    ],
    addresses: { 'PC1:Ethernet0': '192.0.2.1/24', 'SRV1:eth0': '192.0.2.2/24' },
  });
}

function blockedPorts(net: ReturnType<typeof triangle>) {
  return ['SW1', 'SW2', 'SW3'].flatMap((sw) =>
    net
      .spanningTree(sw)!
      .ports.filter((p) => p.state === 'discarding')
      .map((p) => `${sw}:${p.portName}:${p.role}`),
  );
}

describe('spanning tree on a cabled switch loop (IEEE 802.1D-2004 clause 17)', () => {
  it('the loop does not hang the run: a broadcast is delivered and the run ends normally', () => {
    const net = triangle();
    // Hosts ping at power-on, while the tree forms: inter-switch ports hold back until it settles.
    const outcome = echo(net, 'PC1', '192.0.2.2', { count: 3 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(3);
    const result = net.runFor(secondsToNs(10));
    expect(result.status).toBe('time-reached');
    // A storm would send millions of frames; a blocked loop sends hellos and the pings only.
    expect(net.simulator.trace.counts.tx).toBeLessThan(500);
  });

  it('exactly one port of the loop is blocked (alternate, discarding), chosen by bridge and port ids', () => {
    const net = triangle();
    net.runFor(secondsToNs(5));
    const blocked = blockedPorts(net);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatch(/:alternate$/);
    // Every switch agrees on the root: the lowest bridge id (priority 32769, then MAC).
    const roots = ['SW1', 'SW2', 'SW3'].map((sw) => net.spanningTree(sw)!.rootId.mac);
    expect(new Set(roots).size).toBe(1);
    const lowest = Math.min(...['SW1', 'SW2', 'SW3'].map((sw) => net.spanningTree(sw)!.bridgeId.mac));
    expect(roots[0]).toBe(lowest);
    const root = ['SW1', 'SW2', 'SW3'].find((sw) => net.spanningTree(sw)!.bridgeId.mac === lowest)!;
    expect(net.spanningTree(root)!.rootPortName).toBeUndefined();
    expect(net.spanningTree(root)!.ports.every((p) => p.role === 'designated')).toBe(true);
  });

  it('the same seed blocks the same port (deterministic), and host-facing ports are edge ports', () => {
    const a = triangle(3);
    const b = triangle(3);
    a.runFor(secondsToNs(5));
    b.runFor(secondsToNs(5));
    expect(blockedPorts(a)).toEqual(blockedPorts(b));
    expect(a.traceHash()).toBe(b.traceHash());
    const hostPort = a.spanningTree('SW1')!.ports.find((p) => p.portName === 'GigabitEthernet1/0/1')!;
    expect(hostPort).toMatchObject({ role: 'designated', state: 'forwarding', edge: true, portId: '128.1' });
  });

  it('when an active link of the loop fails, the blocked port takes over and traffic flows again', () => {
    const net = triangle();
    net.runFor(secondsToNs(5));
    const [blocked] = blockedPorts(net);
    // Fail one of the two links that are not the blocked one.
    const candidates = ['SW1:Gi1/0/23', 'SW2:Gi1/0/24', 'SW3:Gi1/0/23'];
    const blockedLink = net.linkAt(blocked!.split(':').slice(0, 2).join(':'));
    const victim = candidates.find((endpoint) => net.linkAt(endpoint) !== blockedLink)!;
    net.unplug(victim);
    net.runFor(secondsToNs(1));
    expect(blockedPorts(net)).toHaveLength(0);
    expect(echo(net, 'PC1', '192.0.2.2', { count: 2 }).messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(2);
    net.replug(victim);
    net.runFor(secondsToNs(5));
    expect(blockedPorts(net)).toHaveLength(1);
  });

  it('without spanning tree the same loop is a storm that the event budget stops with a reason', () => {
    const net = triangle();
    for (const sw of ['SW1', 'SW2', 'SW3']) net.device(sw).spanningTree!.stop();
    net.device('PC1').arp!.announce(net.interfaceAt('PC1:Ethernet0'), net.interfaceAt('PC1:Ethernet0').ipv4Addresses[0]!.address);
    const result = net.simulator.runFor(secondsToNs(10), 200_000);
    expect(result.status).toBe('budget-exhausted');
    expect(result.message).toMatch(/broadcast storm/);
  });

  it('a host plugged in later gets a BPDU on its port only: the other ports wait for the hello (17.26, newInfo per port)', () => {
    const net = triangle();
    net.runFor(secondsToNs(5));
    // Between hellos (every 2 s from t = 0): the next one is due at 6 s.
    net.runFor(secondsToNs(0.5));
    const bpdusFrom = (sw: string) =>
      net.simulator.trace.records().filter((r) => r.device === sw && r.direction === 'tx' && r.bytes !== null && r.bytes[0] === 0x01 && r.bytes[1] === 0x80 && r.bytes[2] === 0xc2);
    const before = bpdusFrom('SW2').length;
    net.addDevice('pc', 'PC2');
    net.connect('PC2:Ethernet0', 'SW2:Gi1/0/5');
    net.runFor(secondsToNs(0.1));
    const sent = bpdusFrom('SW2').slice(before);
    expect(sent.map((r) => r.interface)).toEqual(['GigabitEthernet1/0/5']);
    expect(net.spanningTree('SW2')!.ports.find((p) => p.portName === 'GigabitEthernet1/0/5')).toMatchObject({ role: 'designated', state: 'forwarding', edge: true });
  });
});
