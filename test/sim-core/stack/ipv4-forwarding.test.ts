import { describe, it, expect } from 'vitest';
import { decodeEthernet } from '../../../sim-core/wire/ethernet';
import { decodeIpv4 } from '../../../sim-core/wire/ipv4';
import { buildIpv4Chain, echo } from '../devices/topology';

const chain = buildIpv4Chain;

describe('IPv4 forwarding across routers (RFC 1812 section 5.2)', () => {
  it('an echo crosses two routers and comes back with the server TTL less two hops (Linux 64 → 62)', () => {
    const net = chain();
    const outcome = echo(net, 'PC1', '198.51.100.10', { count: 4 });
    const replies = outcome.messages.filter((m) => m.kind === 'echo-reply');
    // IOS drops the packet that triggers ARP resolution: the first request dies at R1 (resolving
    // R2), the second at R2 (resolving SRV1), as a real two-router path prints `..!!`.
    expect(replies).toHaveLength(2);
    expect(replies.every((m) => m.from === '198.51.100.10' && m.ttl === 62)).toBe(true);
  });

  it('a forwarded packet has its TTL decremented and a valid header checksum (RFC 1624 update)', () => {
    const net = chain();
    const capture = net.capture('R2:g0/0');
    echo(net, 'PC1', '198.51.100.10', { count: 3 });
    const requests = capture.frames
      .filter((f) => f.direction === 'outbound')
      .map((f) => decodeEthernet(f.bytes))
      .filter((d) => d.ok && d.value.etherType === 0x0800)
      .map((d) => decodeIpv4(d.ok ? d.value.payload : new Uint8Array()))
      .filter((d) => d.ok && d.value.destination !== 0);
    expect(requests.length).toBeGreaterThan(0);
    for (const decoded of requests) {
      expect(decoded.ok).toBe(true); // decodeIpv4 verifies the checksum
      if (decoded.ok) expect(decoded.value.timeToLive).toBe(126); // Windows 128, two routers
    }
  });

  it('TTL 1 at a router gives time exceeded from that router (RFC 792, RFC 1812 section 5.3.1)', () => {
    const net = chain();
    echo(net, 'PC1', '198.51.100.10', { count: 2 }); // warm the ARP caches
    const outcome = echo(net, 'PC1', '198.51.100.10', { ttl: 1 });
    expect(outcome.messages).toContainEqual({ kind: 'time-exceeded', code: 0, from: '192.0.2.1', ttl: 255 });
    const second = echo(net, 'PC1', '198.51.100.10', { ttl: 2 });
    expect(second.messages).toContainEqual({ kind: 'time-exceeded', code: 0, from: '10.0.12.2', ttl: 254 });
    expect(net.simulator.trace.dropsByReason.get('hop-limit-exceeded')).toBe(2);
  });

  it('no route at a router gives destination net unreachable (code 0) from it', () => {
    const net = chain();
    const outcome = echo(net, 'PC1', '203.0.113.5', { count: 2 });
    expect(outcome.messages.map((m) => [m.kind, m.code, m.from])).toContainEqual(['destination-unreachable', 0, '192.0.2.1']);
    expect(net.simulator.trace.dropsByReason.get('no-route')).toBeGreaterThan(0);
  });

  it('a missing return route means silence, not an error (the reply is dropped at R2)', () => {
    const net = chain();
    net.device('R2').ipv4!.fib.remove((route) => route.source === 'static');
    const outcome = echo(net, 'PC1', '198.51.100.10', { count: 3 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(0);
  });

  it('DF set and a smaller exit MTU gives fragmentation needed with the next-hop MTU (RFC 1191)', () => {
    const net = chain();
    net.device('R1').stack!.setMtu(net.interfaceAt('R1:g0/1'), 1280);
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const outcome = echo(net, 'PC1', '198.51.100.10', { size: 1400, dontFragment: true });
    expect(outcome.messages.map((m) => [m.kind, m.code, m.from])).toContainEqual(['destination-unreachable', 4, '192.0.2.1']);
  });

  it('DF clear and a smaller exit MTU: the router fragments and the server reassembles and answers', () => {
    const net = chain();
    net.device('R1').stack!.setMtu(net.interfaceAt('R1:g0/1'), 1280);
    net.device('R2').stack!.setMtu(net.interfaceAt('R2:g0/1'), 1280);
    echo(net, 'PC1', '198.51.100.10', { count: 2 });
    const outcome = echo(net, 'PC1', '198.51.100.10', { size: 1400 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    expect(net.device('R1').ipv4!.counters.fragmentsCreated).toBeGreaterThanOrEqual(2);
    expect(net.device('SRV1').ipv4!.counters.reassembled).toBeGreaterThanOrEqual(1);
  });

  it('the same seed gives the same trace hash; a different run gives a different one', () => {
    const run = (seed: number, destination = '198.51.100.10') => {
      const net = chain(seed);
      echo(net, 'PC1', destination, { count: 3 });
      return net.traceHash();
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(5, '198.51.100.99'));
  });
});

describe('the address of an interface that is down', () => {
  it('IOS does not answer for it: with its connected and local routes gone the ping is routed, and fails', () => {
    const net = chain();
    // R2's LAN port loses its cable: 198.51.100.1 stays configured but the interface is down.
    net.unplug('R2:g0/0');
    net.runFor(1e9);
    const down = echo(net, 'PC1', '198.51.100.1', { count: 3 });
    expect(down.messages.filter((m) => m.kind === 'echo-reply')).toEqual([]);
    // R2 has no other route to it: it says so (net unreachable), as IOS prints U.
    expect(down.messages.some((m) => m.kind === 'destination-unreachable' && m.from === '10.0.12.2')).toBe(true);
    net.replug('R2:g0/0');
    net.runFor(5e9);
    const up = echo(net, 'PC1', '198.51.100.1', { count: 3 });
    expect(up.messages.filter((m) => m.kind === 'echo-reply').length).toBeGreaterThan(0);
  });

  it('pinging its own address of a down interface fails on IOS and works on a Linux server (weak host)', () => {
    const net = chain();
    net.unplug('R2:g0/0');
    net.runFor(1e9);
    expect(echo(net, 'R2', '198.51.100.1', { count: 2 }).messages.filter((m) => m.kind === 'echo-reply')).toEqual([]);
    expect(echo(net, 'SRV1', '198.51.100.10', { count: 2 }).messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(2);
  });
});
