import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { writePcapng } from '../../../../sim-core/capture/pcapng';
import { msToNs } from '../../../../sim-core/engine/time';
import { ICMPV6_PROTOCOL } from '../../../../sim-core/wire/icmpv6';
import { tsharkPath } from '../../../helpers/external-tools';
import { buildChain, echo6, ipv6Frames, text, v6 } from './ipv6-topology';

const tshark = tsharkPath();
const workDir = mkdtempSync(join(tmpdir(), 'v6lab-ipv6-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('IPv6 forwarding (RFC 8200, RFC 4443)', () => {
  it('an echo crosses two routers: the request arrives with Hop Limit 128 − 2, the reply with 64 − 2', () => {
    const net = buildChain();
    const capture = net.capture('SRV1:eth0');
    const messages = echo6(net, 'PC1', '2001:db8:2::10', { count: 2 });
    expect(messages).toEqual([
      { kind: 'echo-reply', code: 0, from: '2001:db8:2::10', hopLimit: 62 },
      { kind: 'echo-reply', code: 0, from: '2001:db8:2::10', hopLimit: 62 },
    ]);
    const requests = ipv6Frames(capture.frames).filter((f) => f.icmpv6?.kind === 'echo-request');
    expect(requests.map((f) => f.ipv6.hopLimit)).toEqual([126, 126]);
    expect(net.device('R1').ipv6!.counters.forwarded).toBe(4);
  });

  it('Hop Limit 1 at a router gives Time Exceeded code 0 from it; 2 from the next one (traceroute)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    expect(echo6(net, 'PC1', '2001:db8:2::10', { hopLimit: 1 })).toEqual([{ kind: 'time-exceeded', code: 0, from: '2001:db8:1::1', hopLimit: 64 }]);
    expect(echo6(net, 'PC1', '2001:db8:2::10', { hopLimit: 2 })).toEqual([{ kind: 'time-exceeded', code: 0, from: '2001:db8:12::2', hopLimit: 63 }]);
    expect(net.simulator.trace.dropsByReason.get('hop-limit-exceeded')).toBe(2);
  });

  it('no route at a router gives Destination Unreachable code 0 (no route to destination) from it', () => {
    const net = buildChain();
    expect(echo6(net, 'PC1', '2001:db8:99::1')).toEqual([{ kind: 'destination-unreachable', code: 0, from: '2001:db8:1::1', hopLimit: 64 }]);
    expect(net.simulator.trace.dropsByReason.get('no-route')).toBe(1);
  });

  it("an IOS address on an interface that is down is not the router's own: no route to it, so unreachable (not silence)", () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::1');
    net.unplug('R2:g0/0');
    net.runFor(msToNs(1000));
    expect(echo6(net, 'PC1', '2001:db8:2::1')).toEqual([{ kind: 'destination-unreachable', code: 0, from: '2001:db8:12::2', hopLimit: 63 }]);
  });

  it('a host never forwards, and a router forwards only with `ipv6 unicast-routing`', () => {
    const net = buildChain();
    net.setIpv6Routing('R1', false);
    expect(echo6(net, 'PC1', '2001:db8:2::10')).toEqual([]);
    expect(net.simulator.trace.dropsByReason.get('not-for-us')).toBeGreaterThan(0);
  });

  it('a router that cannot resolve an on-link destination sends address unreachable (code 3, RFC 4861 section 7.2.2)', () => {
    const net = buildChain();
    // R2 owns the on-link prefix; it answers from the address facing PC1 (RFC 4443 section 2.2).
    expect(echo6(net, 'PC1', '2001:db8:2::99', { waitMs: 4000 })).toEqual([{ kind: 'destination-unreachable', code: 3, from: '2001:db8:12::2', hopLimit: 63 }]);
  });

  it('an ICMPv6 error is never sent about an ICMPv6 error (RFC 4443 section 2.4 e.1)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const icmp = net.device('R1').icmpv6!;
    const before = icmp.counters.errorsSent;
    // A Time Exceeded with Hop Limit 1 arriving at R1 for forwarding: no error about it.
    net.device('PC1').icmpv6!.send({ destination: v6('2001:db8:2::10'), hopLimit: 1, message: { kind: 'time-exceeded', code: 0, payload: new Uint8Array(48) } });
    net.runFor(msToNs(500));
    expect(icmp.counters.errorsSent).toBe(before);
    expect(icmp.counters.errorsSuppressed).toBe(1);
  });
});

describe('Path MTU discovery and fragmentation (issue 3 test 3: a 1280-byte link in the middle)', () => {
  it('PTB from the router, PMTU learned, then a large echo succeeds fragmented and is reassembled; tshark decodes the capture', () => {
    const net = buildChain({ middleMtuBytes: 1280 });
    const middle = net.capture('R2:g0/1');
    const edge = net.capture('PC1:Ethernet0');
    echo6(net, 'PC1', '2001:db8:2::10'); // neighbours resolved
    // 1400 data bytes: 1448-byte packet > 1280 on R1's exit.
    const first = echo6(net, 'PC1', '2001:db8:2::10', { size: 1400 });
    expect(first).toEqual([{ kind: 'packet-too-big', code: 0, from: '2001:db8:1::1', hopLimit: 64, mtu: 1280 }]);
    expect(net.pathMtuCache('PC1')).toEqual([expect.objectContaining({ destination: v6('2001:db8:2::10'), mtuBytes: 1280 })]);
    expect(net.simulator.trace.dropsByReason.get('packet-too-big')).toBe(1);

    // The request now leaves PC1 in fragments; SRV1's 1448-byte reply meets R2's 1280 link: PTB to SRV1.
    const second = echo6(net, 'PC1', '2001:db8:2::10', { size: 1400 });
    expect(second).toEqual([]);
    // PC1 (Windows) took SLAAC addresses from R1's RAs besides its static one and sources from its
    // temporary address (RFC 6724 rule 7), so that is where SRV1's reply went.
    const pcSource = net.ipv6Addresses('PC1:Ethernet0').find((a) => a.origin === 'temporary')!.address;
    expect(net.pathMtuCache('SRV1')).toEqual([expect.objectContaining({ destination: pcSource, mtuBytes: 1280 })]);
    expect(net.device('SRV1').ipv6!.counters.reassembled).toBe(1);

    // Both ends know the path MTU: request and reply are fragmented, reassembled, and the echo succeeds.
    const third = echo6(net, 'PC1', '2001:db8:2::10', { size: 1400 });
    expect(third).toEqual([{ kind: 'echo-reply', code: 0, from: '2001:db8:2::10', hopLimit: 62 }]);
    expect(net.device('PC1').ipv6!.counters.reassembled).toBe(1);

    const frames = ipv6Frames(middle.frames);
    const fragments = frames.filter((f) => f.extensionHeaders.some((h) => h.kind === 'fragment'));
    expect(fragments.length).toBe(6); // request twice and the reply once, two fragments each
    for (const fragment of fragments) {
      expect(fragment.ipv6.payload.length + 40).toBeLessThanOrEqual(1280);
      expect(fragment.ipv6.nextHeader).toBe(44);
    }
    const [head, tail] = fragments;
    expect(head!.extensionHeaders[0]).toMatchObject({ kind: 'fragment', fragmentOffset: 0, moreFragments: true, nextHeader: ICMPV6_PROTOCOL });
    expect(tail!.extensionHeaders[0]).toMatchObject({ kind: 'fragment', moreFragments: false });
    expect((tail!.extensionHeaders[0] as { identification: number }).identification).toBe((head!.extensionHeaders[0] as { identification: number }).identification);
    const ptb = ipv6Frames(edge.frames).find((f) => f.icmpv6?.kind === 'packet-too-big')!;
    expect(ptb.icmpv6).toMatchObject({ mtu: 1280 });
    expect(ptb.ipv6.payload.length + 40).toBeLessThanOrEqual(1280); // the quote fits the minimum MTU (RFC 4443 2.4 c)

    if (tshark === undefined) return;
    const file = join(workDir, 'pmtu.pcapng');
    const packets = [edge, middle]
      .flatMap((c, interfaceId) => c.frames.map((f) => ({ interfaceId, timeNs: f.timeNs, bytes: f.bytes, direction: f.direction })))
      .sort((a, b) => a.timeNs - b.timeNs);
    writeFileSync(file, writePcapng([{ name: edge.interfaceName }, { name: middle.interfaceName }], packets));
    const output = execFileSync(tshark, ['-r', file, '-o', 'ipv6.defragment:TRUE', '-T', 'fields', '-e', '_ws.col.Protocol', '-e', '_ws.col.Info', '-e', '_ws.malformed', '-e', '_ws.expert.severity', '-E', 'occurrence=a'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = output.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(packets.length);
    for (const line of lines) {
      const [, , malformed, severity] = line.split('\t');
      expect(malformed).toBe('');
      // Expert infos at warning (6291456) or error (8388608) level would mean a broken packet.
      expect((severity ?? '').split(',').filter((s) => s === '6291456' || s === '8388608')).toEqual([]);
    }
    expect(lines.some((line) => line.includes('Packet Too Big'))).toBe(true);
    expect(lines.some((line) => /Echo \(ping\) reply.*\(reassembled|IPv6 fragment/.test(line))).toBe(true);
    expect(lines.filter((line) => line.includes('Echo (ping) request')).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('the PMTU estimate never goes under 1280 and is forgotten after 10 minutes (RFC 8201 sections 4 and 5.3)', () => {
    const net = buildChain();
    const cache = net.device('PC1').ipv6!.pathMtu;
    expect(cache.learn(v6('2001:db8:2::10'), 600, 1500)).toBe(true);
    expect(cache.get(v6('2001:db8:2::10'))).toBe(1280);
    expect(cache.learn(v6('2001:db8:2::10'), 1400, 1500)).toBe(false); // a PTB never raises it
    net.runFor(msToNs(599_000));
    expect(cache.get(v6('2001:db8:2::10'))).toBe(1280);
    net.runFor(msToNs(1_000));
    expect(cache.get(v6('2001:db8:2::10'))).toBeUndefined();
  });
});

describe('ICMPv6 error rate limiting (RFC 4443 section 2.4 f)', () => {
  it('IOS: a bucket of 10 refilled one every 100 ms (`ipv6 icmp error-interval 100 10`)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const got: string[] = [];
    net.device('PC1').icmpv6!.addListener((message) => {
      if (message.kind === 'time-exceeded') got.push(message.kind);
    });
    const burst = () => {
      for (let i = 0; i < 30; i++) {
        net.device('PC1').icmpv6!.send({ destination: v6('2001:db8:2::10'), hopLimit: 1, message: { kind: 'echo-request', code: 0, identifier: 7, sequenceNumber: i, payload: new Uint8Array(8) } });
      }
      net.runFor(msToNs(50));
    };
    burst();
    expect(got).toHaveLength(10);
    expect(net.device('R1').icmpv6!.counters.errorsRateLimited).toBe(20);
    net.runFor(msToNs(450)); // 500 ms after the burst: 5 tokens back
    burst();
    expect(got).toHaveLength(15);
  });

  it('Linux: one per second with a burst of 6, Packet Too Big exempt (net.ipv6.icmp.ratemask)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const srv = net.device('SRV1').icmpv6!;
    // Unknown Next Header 253 to SRV1: each one earns a Parameter Problem, within the limit.
    for (let i = 0; i < 10; i++) net.device('PC1').ipv6!.send({ destination: v6('2001:db8:2::10'), protocol: 253, payload: new Uint8Array(8) });
    net.runFor(msToNs(100));
    expect(srv.counters.errorsSent).toBe(6);
    expect(srv.counters.errorsRateLimited).toBe(4);
    for (let i = 0; i < 10; i++) srv.sendError(new Uint8Array(0), null, { kind: 'packet-too-big', mtu: 1280 });
    expect(srv.counters.errorsRateLimited).toBe(4);
  });
});

describe('IPv6 input (RFC 8200 section 4)', () => {
  it('an unknown Next Header gives Parameter Problem code 1 pointing at the Next Header field (offset 6)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const problems: { code: number; pointer: number; from: string }[] = [];
    net.device('PC1').icmpv6!.addListener((message, datagram) => {
      if (message.kind === 'parameter-problem') problems.push({ code: message.code, pointer: message.pointer, from: text(datagram.source) });
    });
    net.device('PC1').ipv6!.send({ destination: v6('2001:db8:2::10'), protocol: 253, payload: new Uint8Array(8) });
    net.runFor(msToNs(100));
    expect(problems).toEqual([{ code: 1, pointer: 6, from: '2001:db8:2::10' }]);
    expect(net.simulator.trace.dropsByReason.get('unknown-next-header')).toBe(1);
  });

  it('a Hop-by-Hop header that is not first gives Parameter Problem code 1 pointing at the Next Header that names it', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const problems: number[] = [];
    net.device('PC1').icmpv6!.addListener((message) => {
      if (message.kind === 'parameter-problem') problems.push(message.pointer);
    });
    // Destination Options (8 bytes, next header 0 = Hop-by-Hop), then Hop-by-Hop (next header 59).
    const payload = new Uint8Array([0, 0, 1, 4, 0, 0, 0, 0, 59, 0, 1, 4, 0, 0, 0, 0]);
    net.device('PC1').ipv6!.send({ destination: v6('2001:db8:2::10'), protocol: 60, payload });
    net.runFor(msToNs(100));
    expect(problems).toEqual([40]);
  });

  it('the same seed gives the same trace hash; another destination another', () => {
    const run = (destination: string) => {
      const net = buildChain({ seed: 7, middleMtuBytes: 1280 });
      echo6(net, 'PC1', destination, { count: 3, size: 1400 });
      return net.traceHash();
    };
    expect(run('2001:db8:2::10')).toBe(run('2001:db8:2::10'));
    expect(run('2001:db8:2::10')).not.toBe(run('2001:db8:2::11'));
  });
});
