/**
 * A TCP conversation as Wireshark sees it: the server port's capture of a handshake, a transfer
 * each way, a half-close and the close, over IPv4 and IPv6, written as pcapng and read by
 * tshark with checksum checks on. It must find every segment, no malformed packet, no checksum
 * error, and no "TCP analysis" finding (retransmission, lost segment, ACKed unseen segment,
 * zero window, duplicate ACK …) and nothing at warning level or above: a real stack on a clean link
 * produces none. The port is one no dissector claims, so the bytes stay TCP payload.
 * Skips (with a reason) when tshark is absent; V6LAB_REQUIRE_TOOLS=1 makes that a failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcapng } from '../../../../sim-core/capture/pcapng';
import { msToNs } from '../../../../sim-core/engine/time';
import type { Network } from '../../../../sim-core/sim/network';
import type { StreamSocket } from '../../../../sim-core/stack/transport/socket';
import { TCP, type TcpModule } from '../../../../sim-core/stack/transport/tcp';
import { tsharkPath } from '../../../helpers/external-tools';
import { buildIpv4Chain, echo, ip } from '../../devices/topology';
import { buildChain, v6 } from '../ipv6/ipv6-topology';

const tshark = tsharkPath();
const workDir = process.env.H6_KEEP ?? mkdtempSync(join(tmpdir(), 'v6lab-tcp-'));
afterAll(() => process.env.H6_KEEP === undefined && rmSync(workDir, { recursive: true, force: true }));

/** Unassigned (IANA), so tshark shows the payload as data. */
const PORT = 44444;
const STRICT = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];

function tcpOf(net: Network, device: string): TcpModule {
  return net.device(device).stack!.findRequired(TCP);
}

function runTshark(args: readonly string[]): string {
  return execFileSync(tshark!, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a conversation between PC1 and SRV1:PORT and returns the server port's capture as pcapng. */
function conversation(net: Network, server: bigint | number): Uint8Array {
  const capture = net.capture('SRV1:eth0');
  const listener = tcpOf(net, 'SRV1').listen({ port: PORT });
  if (typeof listener === 'string') throw new Error(listener);
  let accepted: StreamSocket | undefined;
  listener.onAccept((socket) => {
    accepted = socket;
    socket.on((event) => {
      if (event.kind === 'peer-closed') {
        socket.send(Uint8Array.from({ length: 20000 }, (_, i) => i & 0xff));
        socket.close();
      }
    });
  });
  const client = tcpOf(net, 'PC1').connect({ address: server as never, port: PORT });
  if (typeof client === 'string') throw new Error(client);
  net.runFor(msToNs(300));
  client.send(Uint8Array.from({ length: 12000 }, (_, i) => (i * 3) & 0xff));
  net.runFor(msToNs(300));
  client.shutdown();
  net.runFor(msToNs(1000));
  expect(accepted?.state).toBe('CLOSED');
  capture.stop();
  return writePcapng(
    [{ name: capture.interfaceName }],
    capture.frames.map((frame) => ({ interfaceId: 0, timeNs: frame.timeNs, bytes: frame.bytes, direction: frame.direction })),
  );
}

describe.skipIf(tshark === undefined)('a TCP conversation in tshark', { timeout: 60_000 }, () => {
  for (const family of ['IPv4', 'IPv6'] as const) {
    it(`over ${family}: every segment decodes, checksums are good, no TCP analysis findings`, () => {
      let net: Network;
      let server: bigint | number;
      if (family === 'IPv4') {
        net = buildIpv4Chain();
        echo(net, 'PC1', '198.51.100.10', { count: 2 });
        server = ip('198.51.100.10');
      } else {
        net = buildChain();
        server = v6('2001:db8:2::10');
      }
      const file = join(workDir, `tcp-${family}.pcapng`);
      writeFileSync(file, conversation(net, server));
      const segments = runTshark(['-r', file, ...STRICT, '-Y', 'tcp', '-T', 'fields', '-e', 'tcp.flags.str', '-e', 'tcp.len']).trim().split('\n');
      expect(segments.length).toBeGreaterThan(20);
      const flagged = runTshark(['-r', file, ...STRICT, '-Y', 'tcp.analysis.flags || _ws.malformed || tcp.checksum.status == 0 || ip.checksum.status == 0 || _ws.expert.severity >= 6291456', '-T', 'fields', '-e', 'frame.number', '-e', '_ws.col.Info']).trim();
      expect(flagged).toBe('');
      // The handshake and both FINs are there, with the relative sequence numbers tshark computes.
      const info = runTshark(['-r', file, '-Y', 'tcp.flags.syn == 1 || tcp.flags.fin == 1', '-T', 'fields', '-e', '_ws.col.Info']).trim().split('\n');
      expect(info[0]).toMatch(/\[SYN\] Seq=0 .*MSS=14[46]0/);
      expect(info[1]).toMatch(/\[SYN, ACK\] Seq=0 Ack=1 /);
      expect(info.filter((line) => line.includes('FIN'))).toHaveLength(2);
    });
  }
});
