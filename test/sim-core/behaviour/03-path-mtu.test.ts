/**
 * Issue 3, test 3: a 1280-byte-MTU link in the middle. Routers never fragment IPv6 (RFC 8200
 * section 5): a large echo gets Packet Too Big from the router before the small link, the
 * source learns the path MTU (RFC 8201 section 4) and the next large echoes succeed, fragmented
 * at the source with a Fragment header and reassembled by the destination. The capture of the
 * narrow link, written as pcapng, is decoded by tshark with no malformed packet and the
 * fragments reassembled.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { writePcapng } from '../../../sim-core/capture/pcapng';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { tsharkPath } from '../../helpers/external-tools';
import { outcomes, ping, v6 } from './behaviour-helpers';

/** SRV1 (Linux) — R1 ==1280== R2 — PC1 (Windows). */
function narrowPath(seed = 3): Network {
  const net = new Network({ seed });
  for (const [kind, name] of [['server', 'SRV1'], ['router', 'R1'], ['router', 'R2'], ['pc', 'PC1']] as const) net.addDevice(kind, name);
  net.connect('SRV1:eth0', 'R1:g0/0');
  net.connect('R1:g0/1', 'R2:g0/1', { mtuBytes: 1280 });
  net.connect('R2:g0/0', 'PC1:Ethernet0');
  for (const [endpoint, address] of Object.entries({
    'SRV1:eth0': '2001:db8:1::10/64',
    'R1:g0/0': '2001:db8:1::1/64',
    'R1:g0/1': '2001:db8:12::1/64',
    'R2:g0/1': '2001:db8:12::2/64',
    'R2:g0/0': '2001:db8:2::1/64',
    'PC1:Ethernet0': '2001:db8:2::10/64',
  })) {
    net.setUp(endpoint, true);
    net.addIpv6Address(endpoint, address);
  }
  for (const router of ['R1', 'R2']) net.setIpv6Routing(router, true);
  net.addIpv6Route('SRV1', '::/0', { nextHop: '2001:db8:1::1' });
  net.addIpv6Route('PC1', '::/0', { nextHop: '2001:db8:2::1' });
  net.addIpv6Route('R1', '2001:db8:2::/64', { nextHop: '2001:db8:12::2' });
  net.addIpv6Route('R2', '2001:db8:1::/64', { nextHop: '2001:db8:12::1' });
  net.runFor(3 * NS_PER_S);
  ping(net, 'SRV1', v6('2001:db8:2::10'), { count: 2 }); // neighbour caches warm
  return net;
}

const tshark = tsharkPath();
const workDir = mkdtempSync(join(tmpdir(), 'v6lab-pmtu-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('behaviour 3: a 1280-byte-MTU link in the middle (IPv6 PMTU discovery)', { timeout: 60_000 }, () => {
  it('a 1400-byte echo: Packet Too Big (MTU 1280) from R1 for the request, then for the reply; once both ends learned the PMTU the echoes succeed fragmented', () => {
    const net = narrowPath();
    const result = ping(net, 'SRV1', v6('2001:db8:2::10'), { count: 5, sizeBytes: 1400 });
    expect(result.probes[0]!.outcome).toEqual({ kind: 'packet-too-big', from: v6('2001:db8:1::1'), mtuBytes: 1280 });
    // The second request crosses fragmented, but the PC's 1448-byte reply meets R2's Packet Too
    // Big in turn (the PC learns, the reply is lost): a trainee sees B.!!! on IOS.
    expect(outcomes(result).slice(1)).toEqual(['timeout', 'reply', 'reply', 'reply']);
    expect(result.probes[2]!.outcome).toMatchObject({ dataBytes: 1400 });
    expect(net.device('SRV1').ipv6!.pathMtu.get(v6('2001:db8:2::10'))).toBe(1280);
    expect(net.device('PC1').ipv6!.pathMtu.get(v6('2001:db8:1::10'))).toBe(1280);
    expect(net.device('SRV1').ipv6!.counters.fragmentsCreated).toBeGreaterThanOrEqual(8);
    expect(net.device('PC1').ipv6!.counters.reassembled).toBeGreaterThanOrEqual(4);
  });

  it('Linux `-M do`: the source refuses to fragment and reports the learned PMTU locally', () => {
    const net = narrowPath();
    ping(net, 'SRV1', v6('2001:db8:2::10'), { count: 1, sizeBytes: 1400 });
    const result = ping(net, 'SRV1', v6('2001:db8:2::10'), { count: 1, sizeBytes: 1400, dontFragment: true });
    expect(result.probes[0]!.outcome).toEqual({ kind: 'send-failed', reason: 'fragmentation-needed', mtuBytes: 1280 });
  });

  it.skipIf(tshark === undefined)('tshark decodes the capture of the narrow link: no malformed packet, fragments reassembled into echoes', () => {
    const net = narrowPath();
    const capture = net.capture('R1:g0/1');
    ping(net, 'SRV1', v6('2001:db8:2::10'), { count: 4, sizeBytes: 1400 });
    capture.stop();
    expect(capture.frames.map((f) => f.bytes.length).filter((n) => n > 1280 + 14)).toEqual([]);
    const file = join(workDir, 'pmtu.pcapng');
    writeFileSync(file, writePcapng([{ name: capture.interfaceName }], capture.frames.map((f) => ({ interfaceId: 0, timeNs: f.timeNs, bytes: f.bytes, direction: f.direction }))));
    const output = execFileSync(tshark!, ['-r', file, '-T', 'fields', '-e', 'frame.number', '-e', '_ws.col.Info', '-e', '_ws.malformed', '-e', 'ipv6.reassembled.length'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = output.split('\n').filter((line) => line !== '');
    expect(lines.length).toBe(capture.frames.length);
    expect(lines.filter((line) => line.split('\t')[2] !== '')).toEqual([]);
    const reassembled = lines.filter((line) => /Echo \(ping\) (request|reply)/.test(line.split('\t')[1]!) && line.split('\t')[3] !== '');
    // Three fragmented requests and two fragmented replies after the Packet Too Bigs.
    expect(reassembled.length).toBeGreaterThanOrEqual(5);
    expect(new Set(reassembled.map((line) => line.split('\t')[3]))).toEqual(new Set(['1408'])); // reassembled payload: 8 ICMPv6 + 1400 data
  });
});
