/**
 * Linux `ping` against real iputils 20221126 run in network namespaces on this machine
 * (test/fixtures/os-outputs/linux/ping-netns.README.md says how each capture was made):
 * each reply carries its probe's own icmp_seq, and `-M do` with a probe bigger than the link
 * MTU keeps sending, prints `mtu: M` and counts every refused probe as sent and as an error;
 * an echo to ff02::1 leaves with hop limit 1 (tshark on the peer namespace showed hlim 1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinuxConsole } from '../../../../sim-core/console/linux/linux-console';
import { formatLinuxPing } from '../../../../sim-core/console/output/linux/ping';
import type { PingResultView, ProbeOutcome } from '../../../../sim-core/console/views';
import { formatIpv6, parseIpv6 } from '../../../../sim-core/addr/ipv6';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIpv6 } from '../../../../sim-core/wire/ipv6';
import { renderScreen, runScript } from '../transcript-runner';
import { buildHostLab } from '../windows/host-lab';

const real = (name: string): string[] => readFileSync(fileURLToPath(new URL(`../../../fixtures/os-outputs/linux/${name}`, import.meta.url)), 'utf8').trimEnd().split('\n');
/** Times and elapsed vary from run to run; everything else must be as iputils printed it. */
const shape = (lines: string[]): string[] => lines.map((l) => l.replace(/time=[\d.]+ ms/, 'time=T ms').replace(/time \d+ms/, 'time Nms').replace(/^rtt .*/, 'rtt …'));

describe('Linux ping (iputils 20221126, recorded in a netns)', () => {
  it('after a lost probe the next reply shows its own icmp_seq (3), not its position (2)', () => {
    const target = parseIpv6('2001:db8:1::1');
    if (!target.ok) throw new Error('address');
    const reply = (rttMs: number): ProbeOutcome => ({ kind: 'reply', from: target.value, rttMs, ttl: 64, bytes: 64 });
    // What the console hands the formatter for probes 1, 3, 4 answered and 2 lost.
    const view: PingResultView = { family: 'ipv6', target: target.value, targetText: '2001:db8:1::1', sizeBytes: 56, count: 4, timeoutS: 1, probes: [reply(0.118), { kind: 'timeout' }, reply(0.042), reply(0.043)], sequences: [1, 2, 3, 4], elapsedMs: 3055 };
    // The printed times are rounded, so the rtt line is compared by shape only.
    expect(shape(formatLinuxPing(view).split('\n'))).toEqual(shape(real('ping-lost-probe-netns.txt')));
  });

  it('on the console: replies after lost probes print their own sequence while the lost ones still wait for their 10 s timeout', () => {
    const lab = buildHostLab();
    const session = createLinuxConsole(lab.server);
    let out = '';
    session.onData((d) => {
      out += d;
    });
    session.open();
    session.write('ping -c 6 2001:db8:6803:10::1\r');
    // R1 unplugged from the switch between probes 2 and 3; back on the wire, it answers again from probe 6.
    lab.net.runFor(1.5e9);
    lab.net.unplug('R1:g0/0');
    lab.net.runFor(0.6e9);
    lab.net.replug('R1:g0/0');
    lab.net.runFor(4e9); // probe 6's reply is in; 3–5 are not yet counted lost
    const seqs = () => [...renderScreen(out).matchAll(/icmp_seq=(\d+) /g)].map((m) => Number(m[1]));
    expect(seqs()).toEqual([1, 2, 6]);
    lab.net.runFor(20e9);
    expect(seqs()).toEqual([1, 2, 6]);
    expect(renderScreen(out)).toMatch(/^6 packets transmitted, 3 received, 50% packet loss, time 5000ms$/m);
  });

  it('-M do with a probe over the link MTU: every probe fails locally, ping keeps sending, `mtu: 1280`, +3 errors', () => {
    const lab = buildHostLab();
    const session = createLinuxConsole(lab.server);
    const out = renderScreen(runScript('sudo ip link set dev eth0 mtu 1280\nping -c 3 -M do -s 1300 2001:db8:6803:10::1\n#! advance 5000', { session, advance: (ms) => void lab.net.runFor(ms * 1e6) }));
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('PING '));
    const got = lines.slice(start, start + 7).map((l) => l.replaceAll('2001:db8:6803:10::1', 'TARGET'));
    const want = real('ping-mdo-local-error-netns.txt').map((l) => l.replaceAll('2001:db8:1::1', 'TARGET'));
    expect(shape(got)).toEqual(shape(want));
  });

  it('an echo to ff02::1 leaves with hop limit 1, a unicast one with 64; -t still sets it', () => {
    const lab = buildHostLab();
    const session = createLinuxConsole(lab.server);
    const capture = lab.net.capture('SRV1:eth0');
    runScript('ping -c 1 ff02::1%eth0\n#! advance 2000\nping -c 1 2001:db8:6803:10::1\n#! advance 2000\nping -c 1 -t 5 ff02::1%eth0\n#! advance 2000', { session, advance: (ms) => void lab.net.runFor(ms * 1e6) });
    const echoes = capture.frames.flatMap((f) => {
      if (f.direction !== 'outbound') return [];
      const eth = decodeEthernet(f.bytes);
      if (!eth.ok || eth.value.etherType !== 0x86dd) return [];
      const ip = decodeIpv6(eth.value.payload);
      return ip.ok && ip.value.nextHeader === 58 && ip.value.payload[0] === 128 ? [`${formatIpv6(ip.value.destination)} hlim ${ip.value.hopLimit}`] : [];
    });
    expect(echoes).toEqual(['ff02::1 hlim 1', '2001:db8:6803:10::1 hlim 64', 'ff02::1 hlim 5']);
  });
});
