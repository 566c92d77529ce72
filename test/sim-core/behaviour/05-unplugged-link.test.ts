/**
 * Issue 3, test 5: an unplugged link. While it is out, ping gives what the systems give (the
 * router answers "destination net unreachable" once its connected route is gone; a host whose
 * own cable is out cannot send at all), and everything recovers when the cable is back.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { outcomes, ping, v4, v6 } from './behaviour-helpers';

/** PC1 (Windows) — R1 — SRV1 (Linux). */
function lan(seed = 5): Network {
  const net = new Network({ seed });
  net.addDevice('pc', 'PC1');
  net.addDevice('router', 'R1');
  net.addDevice('server', 'SRV1');
  net.connect('PC1:Ethernet0', 'R1:g0/0');
  net.connect('R1:g0/1', 'SRV1:eth0');
  for (const [endpoint, address] of Object.entries({ 'PC1:Ethernet0': '192.168.1.10/24', 'R1:g0/0': '192.168.1.1/24', 'R1:g0/1': '192.168.2.1/24', 'SRV1:eth0': '192.168.2.10/24' })) {
    net.setUp(endpoint, true);
    net.addIpv4Address(endpoint, address);
  }
  net.setDefaultGateway('PC1', '192.168.1.1');
  net.setDefaultGateway('SRV1', '192.168.2.1');
  net.setIpv6Routing('R1', true);
  net.addIpv6Address('R1:g0/0', '2001:db8:1::1/64');
  net.addIpv6Address('R1:g0/1', '2001:db8:2::1/64');
  net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
  net.addIpv6Address('SRV1:eth0', '2001:db8:2::10/64');
  net.runFor(5 * NS_PER_S);
  return net;
}

describe('behaviour 5: an unplugged link, then replugged (IPv4)', () => {
  it('the server side unplugged: R1 loses its connected route and answers net unreachable; replugged, replies again', () => {
    const net = lan();
    expect(ping(net, 'PC1', v4('192.168.2.10')).received).toBeGreaterThan(0);
    net.unplug('SRV1:eth0');
    expect(net.interfaces('R1').find((i) => i.name === 'GigabitEthernet0/1')!.up).toBe(false);
    const down = ping(net, 'PC1', v4('192.168.2.10'));
    expect(down.received).toBe(0);
    // Windows prints "Reply from 192.168.1.1: Destination net unreachable." (rate limited by IOS: some time out).
    const unreachable = down.probes.filter((p) => p.outcome.kind === 'unreachable');
    expect(unreachable.length).toBeGreaterThan(0);
    for (const probe of unreachable) expect(probe.outcome).toMatchObject({ from: v4('192.168.1.1'), reason: 'net' });
    net.replug('SRV1:eth0');
    const back = ping(net, 'PC1', v4('192.168.2.10'));
    expect(back.received).toBeGreaterThanOrEqual(3);
    expect(outcomes(back).at(-1)).toBe('reply');
  });

  it('over IPv6: unplugged, the router has no route (Destination Unreachable code 0, "no route") or nothing comes back; replugged, DAD reruns and replies return', () => {
    const net = lan();
    expect(ping(net, 'PC1', v6('2001:db8:2::10')).received).toBeGreaterThan(0);
    net.unplug('SRV1:eth0');
    const down = ping(net, 'PC1', v6('2001:db8:2::10'));
    expect(down.received).toBe(0);
    for (const probe of down.probes) expect(['unreachable', 'timeout']).toContain(probe.outcome.kind);
    expect(down.probes.some((p) => p.outcome.kind === 'unreachable' && p.outcome.from === v6('2001:db8:1::1') && p.outcome.reason === 'no-route')).toBe(true);
    net.replug('SRV1:eth0');
    net.runFor(3 * NS_PER_S);
    const back = ping(net, 'PC1', v6('2001:db8:2::10'));
    expect(back.received).toBeGreaterThanOrEqual(3);
  });

  it('the PC\'s own cable unplugged: nothing can be sent (a local failure, no frame on the wire); replugged, it works', () => {
    const net = lan();
    net.unplug('PC1:Ethernet0');
    const down = ping(net, 'PC1', v4('192.168.2.10'));
    expect(down.sent).toBe(0);
    expect(new Set(down.probes.map((p) => p.outcome.kind))).toEqual(new Set(['send-failed']));
    net.replug('PC1:Ethernet0');
    net.runFor(NS_PER_S);
    const back = ping(net, 'PC1', v4('192.168.2.10'));
    expect(back.received).toBeGreaterThanOrEqual(3);
  });

  it('a link unplugged in the middle of a ping: probes in flight are lost (timeouts), the rest get answers again after replug', () => {
    const net = lan();
    ping(net, 'SRV1', v4('192.168.1.10'), { count: 2 });
    const link = net.linkAt('R1:g0/0');
    // Out from t+2.5 s to t+5.5 s of a 10-probe Linux ping.
    const start = net.nowNs;
    net.simulator.scheduleAt(start + 2.5 * NS_PER_S, () => link.unplug(), undefined);
    net.simulator.scheduleAt(start + 5.5 * NS_PER_S, () => link.replug(), undefined);
    const result = ping(net, 'SRV1', v4('192.168.1.10'), { count: 10 });
    const kinds = outcomes(result);
    expect(kinds.slice(0, 3)).toEqual(['reply', 'reply', 'reply']);
    expect(kinds.slice(3, 6).every((k) => k !== 'reply')).toBe(true);
    expect(kinds.slice(7)).toEqual(['reply', 'reply', 'reply']);
  });
});
