/** Windows ping and tracert against real captures (os-outputs.md), with unreachables and long RTTs. */
import { describe, expect, it } from 'vitest';
import { formatWindowsPing, formatWindowsTracert } from '../../../../../sim-core/console/output/windows/ping';
import type { PingResultView, ProbeOutcome, TraceProbe, TracerouteView } from '../../../../../sim-core/console/views';
import { fixture, v4, v6 } from '../view-builders';

function ping(target: PingResultView['target'], probes: ProbeOutcome[], extra: Partial<PingResultView> = {}): PingResultView {
  return { family: typeof target === 'bigint' ? 'ipv6' : 'ipv4', target, sizeBytes: 32, count: probes.length, timeoutS: 4, probes, elapsedMs: 0, ...extra };
}
const reply = (from: PingResultView['target'], rttMs: number, ttl = 128): ProbeOutcome => ({ kind: 'reply', from, rttMs, ttl, bytes: 32 });
/** Output without the leading blank line cmd prints (the write-ups drop it). */
const body = (text: string) => text.split('\n').slice(1).join('\n');

describe('Windows ping', () => {
  it('reproduces the IPv6 loopback capture: no bytes= and no TTL= on IPv6 replies, time<1ms', () => {
    expect(body(formatWindowsPing(ping(v6('::1'), [reply(v6('::1'), 0.2)])))).toBe(fixture('windows', 'ping-ipv6-loopback.txt'));
  });
  it('reproduces the IPv6 global capture (time=12ms)', () => {
    const t = v6('2001:4860:4860::8888');
    expect(body(formatWindowsPing(ping(t, [reply(t, 12)])))).toBe(fixture('windows', 'ping-ipv6-global.txt'));
  });
  it('reproduces the IPv4 capture: bytes=32 time=64ms TTL=114 and the statistics block', () => {
    const t = v4('8.8.8.8');
    expect(body(formatWindowsPing(ping(t, [reply(t, 64, 114), reply(t, 56, 114), reply(t, 57, 114), reply(t, 59, 114)])))).toBe(fixture('windows', 'ping-ipv4.txt'));
  });
  it('reproduces the timeout capture: no round-trip block when nothing came back', () => {
    expect(body(formatWindowsPing(ping(v4('11.1.1.1'), [{ kind: 'timeout' }])))).toBe(fixture('windows', 'ping-ipv4-timeout.txt'));
  });
  it('reproduces the unreachable-reply capture: the error reply counts as Received (0% loss)', () => {
    expect(body(formatWindowsPing(ping(v4('10.1.1.99'), [{ kind: 'unreachable', from: v4('10.1.1.2'), reason: 'host' }])))).toBe(fixture('windows', 'ping-ipv4-unreachable-reply.txt'));
  });
  it('reproduces the IPv6 neighbour-failure capture (blank lines removed by the blog): local failures count as lost', () => {
    const failed: ProbeOutcome = { kind: 'unreachable', reason: 'address' };
    const text = formatWindowsPing(ping(v6('fe80::20c:29ff:fee2:fdb1'), [failed, failed, failed, failed]));
    expect(text.split('\n').filter((l) => l !== '')).toEqual(fixture('windows', 'ping-ipv6-neighbor-failure.txt').split('\n'));
  });
  it('a link-local target keeps its %zone; TTL expired and fragmentation-needed lines; 100+ ms times', () => {
    const t = v6('fe80::1');
    const lines = formatWindowsPing(
      ping(t, [reply(t, 150), { kind: 'ttl-exceeded', from: v6('2001:db8:6800:ff00::1') }, { kind: 'packet-too-big', mtuBytes: 1280 }, { kind: 'timeout' }], { targetZone: '12' }),
    ).split('\n');
    expect(lines.slice(1, 6)).toEqual([
      'Pinging fe80::1%12 with 32 bytes of data:',
      'Reply from fe80::1%12: time=150ms',
      'Reply from 2001:db8:6800:ff00::1: TTL expired in transit.',
      'Packet needs to be fragmented but DF set.',
      'Request timed out.',
    ]);
    expect(lines).toContain('    Packets: Sent = 4, Received = 2, Lost = 2 (50% loss),');
    expect(lines.at(-1)).toBe('    Minimum = 150ms, Maximum = 150ms, Average = 150ms');
  });
  it('no route: transmit failed for each echo, all lost', () => {
    const lines = formatWindowsPing(ping(v6('2001:db8:99::1'), [], { count: 4, noRoute: true })).split('\n');
    expect(lines.filter((l) => l === 'PING: transmit failed. General failure.')).toHaveLength(4);
    expect(lines.at(-1)).toBe('    Packets: Sent = 4, Received = 0, Lost = 4 (100% loss),');
  });
});

const at = (addr: string, rttMs: number, reached = false): TraceProbe => ({ kind: 'reply', from: addr.includes(':') ? v6(addr) : v4(addr), rttMs, reached });
const lost: TraceProbe = { kind: 'timeout' };
const trace = (target: TracerouteView['target'], hops: TraceProbe[][], extra: Partial<TracerouteView> = {}): TracerouteView => ({
  family: typeof target === 'bigint' ? 'ipv6' : 'ipv4',
  target,
  maxHops: 30,
  packetBytes: 32,
  hops: hops.map((probes, i) => ({ ttl: i + 1, probes })),
  ...extra,
});

describe('Windows tracert', () => {
  it('reproduces the numeric capture: 9-wide RTT columns, Request timed out.', () => {
    const view = trace(v4('8.8.8.8'), [
      [at('192.168.1.1', 1), at('192.168.1.1', 1), at('192.168.1.1', 1)],
      [at('78.107.1.249', 3), at('78.107.1.249', 2), at('78.107.1.249', 3)],
      [lost, lost, lost],
      [at('213.234.224.156', 4), at('213.234.224.156', 4), at('213.234.224.156', 3)],
    ]);
    const expected = fixture('windows', 'tracert-ipv4-numeric.txt').split('\n');
    expect(formatWindowsTracert(view).split('\n').slice(0, expected.length)).toEqual(expected);
  });
  it('reproduces the named capture (name [address], hop numbers past 9, 159 ms)', () => {
    const three = (a: string, ms: number[]) => ms.map((m) => at(a, m));
    const view: TracerouteView = {
      family: 'ipv4',
      target: v4('158.232.12.119'),
      targetName: 'who.int',
      maxHops: 15,
      packetBytes: 32,
      hops: [
        { ttl: 1, probes: three('128.95.230.102', [0.3, 0.3, 0.3]) },
        { ttl: 2, probes: three('10.132.1.73', [0.3, 0.3, 0.3]) },
        { ttl: 3, probes: three('10.132.1.75', [0.3, 0.3, 0.3]) },
        { ttl: 10, probes: three('192.91.246.110', [159, 153, 153]) },
        { ttl: 13, probes: [lost, lost, lost] },
        { ttl: 14, probes: [lost, lost, lost] },
        { ttl: 15, probes: [lost, lost, lost] },
      ],
    };
    expect(formatWindowsTracert(view)).toBe(`\n${fixture('windows', 'tracert-ipv4-named.txt')}`);
  });
  it('IPv6 course path with a partial loss and an unreachable report that ends the trace', () => {
    const view = trace(v6('2001:db8:6803:20::5'), [
      [at('2001:db8:6803:10::1', 0.4), lost, at('2001:db8:6803:10::1', 1)],
      [{ kind: 'unreachable', from: v6('2001:db8:6800:ff00::1'), rttMs: 1, reason: 'no-route' }],
    ]);
    expect(formatWindowsTracert(view).split('\n')).toEqual([
      '',
      'Tracing route to 2001:db8:6803:20::5 over a maximum of 30 hops',
      '',
      '  1    <1 ms     *        1 ms  2001:db8:6803:10::1',
      '  2  2001:db8:6800:ff00::1  reports: Destination net unreachable.',
      '',
      'Trace complete.',
    ]);
  });
});
