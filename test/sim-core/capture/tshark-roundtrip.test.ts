/**
 * Our captures are what Wireshark sees: a pcapng written by sim-core/capture/pcapng.ts with every
 * golden frame is read back by tshark, which must find the same packets, summaries, timestamps,
 * interface names and directions, and no malformed packet or warning/error-level expert finding.
 * Skips (with a reason) when tshark is absent; CI sets V6LAB_REQUIRE_TOOLS=1 to make that a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePcapng, type PcapngInterface, type PcapngPacket } from '../../../sim-core/capture/pcapng';
import { readCapture } from '../../../sim-core/capture/read-capture';
import { readPcap } from '../../../sim-core/capture/pcap-reader';
import { tsharkPath } from '../../helpers/external-tools';
import { bytesToHex, frameVectors, hexToBytes } from '../../helpers/frames';

const tshark = tsharkPath();
const workDir = mkdtempSync(join(tmpdir(), 'v6lab-tshark-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/**
 * Checksum verification is off by default in tshark 4.0 for IPv4, UDP and TCP: turn it on so a
 * bad checksum shows up as an expert warning.
 */
const STRICT = ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];

function runTshark(args: readonly string[]): string {
  // stderr (tshark's "Running as root" notice) is not part of the answer.
  return execFileSync(tshark!, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
}

interface TsharkPacket {
  readonly number: number;
  readonly epoch: string;
  readonly interfaceName: string;
  readonly direction: string;
  readonly protocol: string;
  readonly info: string;
  /** Expert-info severities of the frame (tshark's numeric PI_* values). */
  readonly severities: readonly number[];
  readonly malformed: boolean;
}

/** One line per frame, tab-separated fields (checked to exist in tshark 4.0 with `tshark -G fields`). */
function decodeWithTshark(file: string): TsharkPacket[] {
  const fields = ['frame.number', 'frame.time_epoch', 'frame.interface_name', 'frame.packet_flags_direction', '_ws.col.Protocol', '_ws.col.Info', '_ws.expert.severity', '_ws.malformed'];
  const output = runTshark(['-r', file, ...STRICT, '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', ...fields.flatMap((f) => ['-e', f])]);
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [number, epoch, interfaceName, direction, protocol, info, severities, malformed] = line.split('\t');
      return {
        number: Number(number),
        epoch: epoch!,
        interfaceName: interfaceName!,
        direction: direction!,
        protocol: protocol!,
        info: info!,
        severities: severities ? severities.split(',').map(Number) : [],
        malformed: (malformed ?? '') !== '',
      };
    });
}

/** PI_WARN in epan/proto.h; PI_ERROR is 0x00800000. */
const PI_WARN = 0x00600000;

/** The expert summary (`-z expert,warn`): the lines of its tables, empty when nothing is at warning level or above. */
function expertFindings(file: string): string[] {
  const output = runTshark(['-r', file, ...STRICT, '-q', '-z', 'expert,warn']);
  return output.split('\n').filter((line) => /^\s+\d+\s+\S/.test(line));
}

/**
 * Makes an Info column comparable with the vector's summary. Only two things vary legitimately:
 * back-references to other frames ("(request in 1)") carry frame numbers that depend on where the
 * frame sits in a capture, so the number is replaced by '#'; and tshark leaves a trailing space
 * after some summaries (DHCPv6 "… CID: …"), which the vectors trimmed.
 */
function normaliseInfo(info: string): string {
  return info.replace(/\((request|response|reply) in \d+\)/g, '($1 in #)').trimEnd();
}

/** frame.time_epoch as tshark prints it: seconds, a dot, nine digits. */
function epochText(ns: bigint): string {
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}

describe.skipIf(tshark === undefined)('tshark reads our pcapng (draft-ietf-opsawg-pcapng) exactly as we wrote it', () => {
  const interfaces: PcapngInterface[] = [
    { name: 'R1 GigabitEthernet0/0', description: 'R1 to SW1 (2001:db8:1::/64)' },
    { name: 'SW1 FastEthernet0/1' },
    // if_tsoffset: Wireshark adds these seconds, so a course can show a real date.
    { name: 'PC1 Ethernet0', epochOffsetS: 1_780_000_000 },
  ];
  const packets: PcapngPacket[] = frameVectors.map((vector, index) => ({
    interfaceId: index % interfaces.length,
    // Distinct, increasing, and with every nanosecond digit significant.
    timeNs: index * 1_250_000_007 + 123_456_789,
    bytes: hexToBytes(vector.hex),
    direction: index % 2 === 0 ? 'outbound' : 'inbound',
  }));
  const file = join(workDir, 'golden-frames.pcapng');
  let decoded: TsharkPacket[] = [];
  beforeAll(() => {
    writeFileSync(file, writePcapng(interfaces, packets));
    decoded = decodeWithTshark(file);
  });

  it('finds all 18 frames, in order', () => {
    expect(frameVectors).toHaveLength(18);
    expect(decoded.map((p) => p.number)).toEqual(frameVectors.map((_, i) => i + 1));
  });

  it("gives each frame the vector's Wireshark summary (protocol column and Info)", () => {
    const summaries = decoded.map((p) => `${p.protocol}: ${normaliseInfo(p.info)}`);
    expect(summaries).toEqual(frameVectors.map((v) => normaliseInfo(v.wireshark)));
  });

  it('shows our virtual timestamps to the nanosecond (plus if_tsoffset), our interface names and directions', () => {
    expect(decoded.map((p) => p.epoch)).toEqual(
      packets.map((p) => epochText(BigInt(p.timeNs) + BigInt(interfaces[p.interfaceId]!.epochOffsetS ?? 0) * 1_000_000_000n)),
    );
    expect(decoded.map((p) => p.interfaceName)).toEqual(packets.map((p) => interfaces[p.interfaceId]!.name));
    // epb_flags direction: 1 inbound, 2 outbound (section 4.3.1).
    expect(decoded.map((p) => Number(p.direction))).toEqual(packets.map((p) => (p.direction === 'inbound' ? 1 : 2)));
  });

  it('reports no malformed frame and no warning- or error-level expert finding, checksums verified', () => {
    const flagged = decoded.filter((p) => p.malformed || p.severities.some((s) => s >= PI_WARN));
    expect(flagged.map((p) => frameVectors[p.number - 1]!.name)).toEqual([]);
    expect(expertFindings(file)).toEqual([]);
  });

  it('the expert check can fail: a cut DNS frame and a corrupted ICMPv6 checksum are both reported', () => {
    const dns = hexToBytes(frameVectors.find((v) => v.name === 'dns-aaaa-response')!.hex);
    const echo = hexToBytes(frameVectors[0]!.hex);
    echo[echo.length - 9]! ^= 0xff;
    const bad = join(workDir, 'bad.pcapng');
    writeFileSync(bad, writePcapng([{ name: 'x' }], [{ interfaceId: 0, timeNs: 1, bytes: dns.slice(0, dns.length - 10) }, { interfaceId: 0, timeNs: 2, bytes: echo }]));
    const flagged = decodeWithTshark(bad).filter((p) => p.malformed || p.severities.some((s) => s >= PI_WARN));
    expect(flagged.map((p) => p.number)).toEqual([1, 2]);
    expect(expertFindings(bad).join('\n')).toMatch(/Malformed[\s\S]*Bad checksum/);
  });

  it('our reader opens a pcapng written by Wireshark itself (editcap -F pcapng of frames.pcap)', () => {
    const editcap = join(dirname(tshark!), 'editcap');
    expect(existsSync(editcap), `${editcap} comes with tshark`).toBe(true);
    const original = join(workDir, 'frames.pcap');
    const converted = join(workDir, 'frames-by-wireshark.pcapng');
    writeFileSync(original, fixture('frames.pcap'));
    execFileSync(editcap, ['-F', 'pcapng', original, converted], { stdio: 'ignore' });
    const ours = readCapture(readFileSync(converted));
    const classic = readCapture(fixture('frames.pcap'));
    expect(ours.ok && classic.ok).toBe(true);
    if (!ours.ok || !classic.ok) return;
    expect(ours.value.format).toBe('pcapng');
    expect(ours.value.packets.map((p) => [bytesToHex(p.bytes), p.timestampNs])).toEqual(classic.value.packets.map((p) => [bytesToHex(p.bytes), p.timestampNs]));
  });
});

describe('frames.pcap, the classic-pcap copy of the golden frames', () => {
  it('reads with our classic pcap reader to exactly the bytes of frames.json, Ethernet, in order', () => {
    const read = readPcap(fixture('frames.pcap'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.interfaces).toHaveLength(1);
    expect(read.value.interfaces[0]!.linkType).toBe(1);
    expect(read.value.packets.map((p) => bytesToHex(p.bytes))).toEqual(frameVectors.map((v) => v.hex));
    expect(read.value.packets.every((p) => p.originalLength === p.bytes.length)).toBe(true);
    const times = read.value.packets.map((p) => p.timestampNs!);
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
  });
});
