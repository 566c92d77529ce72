/** iputils ping and traceroute output, with the captures in os-outputs.md, errors and long RTTs. */
import { describe, expect, it } from 'vitest';
import { formatLinuxHostname, formatResolvConf, formatSysctl } from '../../../../../sim-core/console/output/linux/files';
import { formatIputilsTime, formatLinuxPing, formatLinuxTraceroute } from '../../../../../sim-core/console/output/linux/ping';
import type { PingResultView, ProbeOutcome, TraceProbe } from '../../../../../sim-core/console/views';
import { fixture, v4, v6 } from '../view-builders';

function ping(target: PingResultView['target'], probes: ProbeOutcome[], extra: Partial<PingResultView> = {}): PingResultView {
  return { family: typeof target === 'bigint' ? 'ipv6' : 'ipv4', target, sizeBytes: 56, count: probes.length, timeoutS: 10, probes, elapsedMs: 1001 * Math.max(0, probes.length - 1) + 2, ...extra };
}
const reply = (from: PingResultView['target'], rttMs: number, ttl = 64): ProbeOutcome => ({ kind: 'reply', from, rttMs, ttl, bytes: 64 });

describe('ping (iputils)', () => {
  it('prints link-local reply and error sources with their %interface, even when the target was typed without one (iputils 20221126)', () => {
    const t = v6('fe80::1');
    const lines = formatLinuxPing(ping(t, [reply(t, 0.086), { kind: 'unreachable', from: v6('fe80::2'), reason: 'address' }], { targetText: 'fe80::1' }), 'eth0').split('\n');
    expect(lines[0]).toBe('PING fe80::1(fe80::1) 56 data bytes');
    expect(lines[1]).toBe('64 bytes from fe80::1%eth0: icmp_seq=1 ttl=64 time=0.086 ms');
    expect(lines[2]).toBe('From fe80::2%eth0 icmp_seq=2 Destination unreachable: Address unreachable');
  });
  it('reproduces the Debian 12 capture: target echoed as typed, canonical address in parentheses, time precision', () => {
    const t = v6('2001:db8:acad:1::1');
    const lines = formatLinuxPing(ping(t, [reply(t, 9.78, 63), reply(t, 1.02, 63)], { targetText: '2001:DB8:ACAD:1::1' })).split('\n');
    expect(lines.slice(0, 3).join('\n')).toBe(fixture('linux', 'ping-debian12.txt'));
  });
  it('a full IPv6 run: statistics block with time, loss and rtt min/avg/max/mdev', () => {
    const t = v6('2001:db8:6803:10::1');
    const text = formatLinuxPing(ping(t, [reply(t, 0.045), reply(t, 0.03), reply(t, 0.04), reply(t, 0.045), reply(t, 0.04)], { elapsedMs: 4005 }));
    expect(text.split('\n')).toEqual([
      'PING 2001:db8:6803:10::1(2001:db8:6803:10::1) 56 data bytes',
      '64 bytes from 2001:db8:6803:10::1: icmp_seq=1 ttl=64 time=0.045 ms',
      '64 bytes from 2001:db8:6803:10::1: icmp_seq=2 ttl=64 time=0.030 ms',
      '64 bytes from 2001:db8:6803:10::1: icmp_seq=3 ttl=64 time=0.040 ms',
      '64 bytes from 2001:db8:6803:10::1: icmp_seq=4 ttl=64 time=0.045 ms',
      '64 bytes from 2001:db8:6803:10::1: icmp_seq=5 ttl=64 time=0.040 ms',
      '',
      '--- 2001:db8:6803:10::1 ping statistics ---',
      '5 packets transmitted, 5 received, 0% packet loss, time 4005ms',
      'rtt min/avg/max/mdev = 0.030/0.040/0.045/0.005 ms',
    ]);
  });
  it('errors: Packet too big with mtu (current iputils form), unreachables, hop limit; +N errors and no rtt line', () => {
    const router = v6('2001:db8:6800:ff00::1');
    const text = formatLinuxPing(
      ping(v6('2001:db8:6803:20::5'), [
        { kind: 'packet-too-big', from: router, mtuBytes: 1280 },
        { kind: 'unreachable', from: router, reason: 'no-route' },
        { kind: 'unreachable', from: v6('2001:db8:6803:10::10'), reason: 'address' },
        { kind: 'ttl-exceeded', from: router },
        { kind: 'timeout' },
      ], { sizeBytes: 1400, elapsedMs: 4052 }),
    );
    expect(text.split('\n')).toEqual([
      'PING 2001:db8:6803:20::5(2001:db8:6803:20::5) 1400 data bytes',
      'From 2001:db8:6800:ff00::1 icmp_seq=1 Packet too big: mtu=1280',
      'From 2001:db8:6800:ff00::1 icmp_seq=2 Destination unreachable: No route',
      'From 2001:db8:6803:10::10 icmp_seq=3 Destination unreachable: Address unreachable',
      'From 2001:db8:6800:ff00::1 icmp_seq=4 Time exceeded: Hop limit',
      '',
      '--- 2001:db8:6803:20::5 ping statistics ---',
      '5 packets transmitted, 0 received, +4 errors, 100% packet loss, time 4052ms',
    ]);
  });
  it('IPv4: header with 56(84) bytes, Destination Host Unreachable, %g loss, 100+ ms times without decimals', () => {
    const t = v4('192.0.2.1');
    const lines = formatLinuxPing(ping(t, [reply(t, 123.4, 63), { kind: 'unreachable', from: v4('192.0.2.254'), reason: 'host' }, { kind: 'timeout' }], { elapsedMs: 2003 })).split('\n');
    expect(lines[0]).toBe('PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.');
    expect(lines[1]).toBe('64 bytes from 192.0.2.1: icmp_seq=1 ttl=63 time=123 ms');
    expect(lines[2]).toBe('From 192.0.2.254 icmp_seq=2 Destination Host Unreachable');
    expect(lines[5]).toBe('3 packets transmitted, 1 received, +1 errors, 66.6667% packet loss, time 2003ms');
    expect(lines[6]).toBe('rtt min/avg/max/mdev = 123.400/123.400/123.400/0.000 ms');
  });
  it('no route: the connect error alone', () => {
    expect(formatLinuxPing(ping(v6('2001:db8:99::1'), [], { noRoute: true }))).toBe('ping: connect: Network is unreachable');
  });
  it('iputils time precision boundaries', () => {
    expect([0.045, 0.9994, 1.02, 9.78, 12.34, 99.9, 123.4].map(formatIputilsTime)).toEqual(['0.045', '0.999', '1.02', '9.78', '12.3', '99.9', '123']);
  });
});

const at = (addr: string, rttMs: number): TraceProbe => ({ kind: 'reply', from: addr.includes(':') ? v6(addr) : v4(addr), rttMs, reached: false });

describe('traceroute', () => {
  it('reproduces the `traceroute -n` IPv6 capture, ECMP answers inline', () => {
    const view = {
      family: 'ipv6' as const,
      target: v6('2607:f8b0:4020:806::2004'),
      targetName: 'www.google.com',
      maxHops: 30,
      packetBytes: 80,
      hops: [
        { ttl: 1, probes: [at('2605:9000:402:6a01::1', 4.181), at('2605:9000:402:6a01::1', 4.294), at('2605:9000:402:6a01::1', 4.253)] },
        { ttl: 2, probes: [at('2605:9000:0:400a::f1', 0.354), at('2605:9000:0:400a::f1', 0.532), at('2605:9000:0:400a::f1', 0.484)] },
        { ttl: 3, probes: [at('2001:5a0:40:100::51', 15.284), at('2605:9000:0:101::1', 4.864), at('2001:5a0:40:100::51', 15.415)] },
      ],
    };
    expect(formatLinuxTraceroute(view, true)).toBe(fixture('linux', 'traceroute-n-ipv6.txt'));
  });
  it('without -n each address is followed by (address); lost probes are `*`; !N / !X / !H after the time', () => {
    const router = v6('2001:db8:6800:ff00::1');
    const view = {
      family: 'ipv6' as const,
      target: v6('2001:db8:6803:20::5'),
      maxHops: 30,
      packetBytes: 80,
      hops: [
        { ttl: 1, probes: [at('2001:db8:6803:10::1', 0.412), { kind: 'timeout' as const }, at('2001:db8:6803:10::1', 0.3)] },
        { ttl: 2, probes: [{ kind: 'timeout' as const }, { kind: 'timeout' as const }, { kind: 'timeout' as const }] },
        { ttl: 3, probes: [{ kind: 'unreachable' as const, from: router, rttMs: 1.5, reason: 'no-route' as const }, { kind: 'unreachable' as const, from: router, rttMs: 1.4, reason: 'admin-prohibited' as const }, { kind: 'unreachable' as const, from: router, rttMs: 1.6, reason: 'address' as const }] },
      ],
    };
    expect(formatLinuxTraceroute(view).split('\n')).toEqual([
      'traceroute to 2001:db8:6803:20::5 (2001:db8:6803:20::5), 30 hops max, 80 byte packets',
      ' 1  2001:db8:6803:10::1 (2001:db8:6803:10::1)  0.412 ms *  0.300 ms',
      ' 2  * * *',
      ' 3  2001:db8:6800:ff00::1 (2001:db8:6800:ff00::1)  1.500 ms !N  1.400 ms !X  1.600 ms !H',
    ]);
  });
});

describe('resolv.conf, sysctl, hostname', () => {
  const info = { hostname: 'srv-dns01', osVersion: '6.1.0-18-amd64', uptimeS: 10, dnsSearchList: ['sotttt.kiengiang.gov.vn'], ipRoutingEnabled: false };
  it('search line then one nameserver per server', () => {
    expect(formatResolvConf(info, [v6('2001:db8:6801::53'), v4('192.0.2.53')])).toBe('search sotttt.kiengiang.gov.vn\nnameserver 2001:db8:6801::53\nnameserver 192.0.2.53');
    expect(formatResolvConf({ ...info, dnsSearchList: [] }, [])).toBe('');
  });
  it('sysctl prints key = value (matches `sysctl net.ipv6.conf.all.forwarding` on Debian 12)', () => {
    expect(formatSysctl('net.ipv6.conf.all.forwarding', 0)).toBe('net.ipv6.conf.all.forwarding = 0');
  });
  it('hostname prints the name', () => {
    expect(formatLinuxHostname(info)).toBe('srv-dns01');
  });
});
