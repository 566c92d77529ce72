/** IOS ping and traceroute output, reproduced from real captures, with unreachables and long RTTs. */
import { describe, expect, it } from 'vitest';
import { formatIosPing, formatIosTraceroute } from '../../../../../sim-core/console/output/ios/ping';
import type { PingResultView, ProbeOutcome, TraceProbe } from '../../../../../sim-core/console/views';
import { fixture, v4, v6 } from '../view-builders';

const reply = (from: ReturnType<typeof v4> | ReturnType<typeof v6>, rttMs: number): ProbeOutcome => ({ kind: 'reply', from, rttMs, ttl: 255, bytes: 100 });
const timeout: ProbeOutcome = { kind: 'timeout' };

function ping(target: PingResultView['target'], probes: ProbeOutcome[], extra: Partial<PingResultView> = {}): PingResultView {
  return { family: typeof target === 'bigint' ? 'ipv6' : 'ipv4', target, sizeBytes: 100, count: probes.length, timeoutS: 2, probes, elapsedMs: 0, ...extra };
}

describe('IOS ping', () => {
  it('reproduces the IPv4 success capture (min/avg/max = 1/2/10)', () => {
    const t = v4('192.168.0.1');
    expect(formatIosPing(ping(t, [reply(t, 1), reply(t, 1), reply(t, 1), reply(t, 1), reply(t, 10)]))).toBe(fixture('ios', 'ping-ipv4-success.txt'));
  });
  it('reproduces the unreachable capture: U and dots, no round-trip clause when nothing came back', () => {
    const u: ProbeOutcome = { kind: 'unreachable', from: v4('10.0.0.1'), reason: 'host' };
    expect(formatIosPing(ping(v4('10.245.179.14'), [u, timeout, timeout, u, timeout]))).toBe(fixture('ios', 'ping-ipv4-unreachable.txt'));
  });
  it('reproduces the IOL IPv6 capture: the target re-printed in upper case', () => {
    const t = v6('2001:db8:acad:2::2');
    expect(formatIosPing(ping(t, [reply(t, 18), reply(t, 1), reply(t, 1), reply(t, 1), reply(t, 1)]))).toBe(fixture('ios', 'ping-ipv6-iol.txt'));
  });
  it('reproduces the IOS XE capture: source line, B for Packet Too Big (RFC 4443 type 2)', () => {
    const t = v6('6800::6');
    const probes: ProbeOutcome[] = [{ kind: 'packet-too-big', from: v6('6800::1'), mtuBytes: 1280 }, reply(t, 1), reply(t, 1), reply(t, 1), reply(t, 1)];
    const view = ping(t, probes, { sizeBytes: 1379, timeoutS: 1, source: v6('1700::1'), sourceInterface: 'vpn-101' });
    expect(formatIosPing(view)).toBe(fixture('ios', 'ping-ipv6-packet-too-big.txt'));
  });
  it('reproduces the no-route capture', () => {
    expect(formatIosPing(ping(v6('2001::1'), [], { count: 5, noRoute: true }))).toBe(fixture('ios', 'ping-ipv6-no-route.txt'));
  });
  it('IPv6 error characters: U no route, A prohibited, H address unreachable, T hop limit, N beyond scope; IPv4 & for TTL', () => {
    const from = v6('2001:db8:6800:ff00::1');
    const probes: ProbeOutcome[] = [
      { kind: 'unreachable', from, reason: 'no-route' },
      { kind: 'unreachable', from, reason: 'admin-prohibited' },
      { kind: 'unreachable', from, reason: 'address' },
      { kind: 'ttl-exceeded', from },
      { kind: 'unreachable', from, reason: 'beyond-scope' },
    ];
    expect(formatIosPing(ping(v6('2001:db8:6803:20::5'), probes)).split('\n')[2]).toBe('UAHTN');
    expect(formatIosPing(ping(v4('192.0.2.1'), [{ kind: 'ttl-exceeded', from: v4('192.0.2.254') }, { kind: 'packet-too-big', mtuBytes: 1400 }])).split('\n')[2]).toBe('&M');
  });
  it('a long repeat wraps at 70 characters per line; 100+ ms RTTs and 20 percent success', () => {
    const t = v6('2001:db8:6801::53');
    const probes = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? reply(t, 120 + i) : timeout));
    const lines = formatIosPing(ping(t, probes)).split('\n');
    expect(lines[2]).toHaveLength(70);
    expect(lines[3]).toHaveLength(30);
    expect(lines[4]).toBe('Success rate is 20 percent (20/100), round-trip min/avg/max = 120/167/215 ms');
  });
});

const hop = (ttl: number, ...probes: TraceProbe[]) => ({ ttl, probes });
const at = (addr: string, rttMs: number, reached = false): TraceProbe => ({ kind: 'reply', from: addr.includes(':') ? v6(addr) : v4(addr), rttMs, reached });

describe('IOS traceroute', () => {
  it('reproduces the IPv4 capture (one probe per hop, `  4  * ` for a lost hop, VRF info line)', () => {
    const view = {
      family: 'ipv4' as const,
      target: v4('39.156.69.79'),
      maxHops: 30,
      packetBytes: 28,
      hops: [hop(1, at('10.255.1.1', 1)), hop(2, at('10.255.0.5', 0)), hop(3, at('192.168.1.254', 1)), hop(4, { kind: 'timeout' }), hop(5, { kind: 'timeout' }), hop(6, at('31.55.185.176', 11, true))],
    };
    expect(formatIosTraceroute(view)).toBe(fixture('ios', 'traceroute-ipv4.txt'));
  });
  it('reproduces the IPv6 capture (blank line after the header)', () => {
    const view = { family: 'ipv6' as const, target: v6('1100::2'), maxHops: 30, packetBytes: 28, hops: [hop(1, at('1100::2', 0, true), at('1100::2', 0, true))] };
    expect(formatIosTraceroute(view)).toBe(fixture('ios', 'traceroute-ipv6.txt'));
  });
  it('lost probes between replies, ECMP on continuation lines, !H unreachables, upper-case IPv6', () => {
    const view = {
      family: 'ipv6' as const,
      target: v6('2001:db8:6803:20::5'),
      maxHops: 30,
      packetBytes: 28,
      hops: [
        hop(1, at('2001:db8:6803:10::1', 9), { kind: 'timeout' }, at('2001:db8:6803:10::1', 2)),
        hop(2, at('2001:db8:6800:ff00::1', 1), at('2001:db8:6800:ff02::1', 1), at('2001:db8:6800:ff00::1', 130)),
        hop(3, { kind: 'unreachable', from: v6('2001:db8:6800:ff00::1'), rttMs: 2, reason: 'address' }, { kind: 'timeout' }, { kind: 'unreachable', from: v6('2001:db8:6800:ff00::1'), rttMs: 2, reason: 'address' }),
      ],
    };
    expect(formatIosTraceroute(view).split('\n').slice(3)).toEqual([
      '  1 2001:DB8:6803:10::1 9 msec *  2 msec',
      '  2 2001:DB8:6800:FF00::1 1 msec',
      '    2001:DB8:6800:FF02::1 1 msec',
      '    2001:DB8:6800:FF00::1 130 msec',
      '  3 2001:DB8:6800:FF00::1 !H  *  !H ',
    ]);
  });
});
