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
import { parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { mac, MAC_BROADCAST, type MacAddress } from '../../../sim-core/addr/mac';
import { ARP_OPCODE_REPLY, ARP_OPCODE_REQUEST, encodeArp } from '../../../sim-core/wire/arp';
import { DNS_CLASS_IN, DNS_TYPE, encodeDns, type DnsMessage } from '../../../sim-core/wire/dns';
import { encodeEthernet, ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6, type EthernetFrame } from '../../../sim-core/wire/ethernet';
import { encodeGre, GRE_PROTOCOL, GRE_PROTOCOL_TYPE_IPV6 } from '../../../sim-core/wire/gre';
import { encodeIcmpv4 } from '../../../sim-core/wire/icmpv4';
import { buildIcmpv6Error, encodeIcmpv6, ICMPV6_PROTOCOL, type Icmpv6Message } from '../../../sim-core/wire/icmpv6';
import { encodeIpv4, IP_PROTOCOL_ICMP, IP_PROTOCOL_IPV6, IP_PROTOCOL_TCP, IP_PROTOCOL_UDP } from '../../../sim-core/wire/ipv4';
import { decodeIpv6, encodeIpv6 } from '../../../sim-core/wire/ipv6';
import { fragmentIpv6 } from '../../../sim-core/wire/ipv6-extension-headers';
import { encodeTcp, TCP_SYN, type TcpSegment } from '../../../sim-core/wire/tcp';
import { encodeUdp } from '../../../sim-core/wire/udp';
import { TPID_8021Q } from '../../../sim-core/wire/vlan';
import { tsharkPath } from '../../helpers/external-tools';
import { bytesToHex, frameVectors, hexToBytes } from '../../helpers/frames';

const tshark = tsharkPath();
const workDir = mkdtempSync(join(tmpdir(), 'v6lab-tshark-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/** Each tshark run takes a second or more (longer on a busy machine): the describes allow 60 s per test. */
const TSHARK_TIMEOUT = { timeout: 60_000 };

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

describe.skipIf(tshark === undefined)('tshark reads our pcapng (draft-ietf-opsawg-pcapng) exactly as we wrote it', TSHARK_TIMEOUT, () => {
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

// --- frames built by our own encoders -------------------------------------------------------

function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function v4(text: string): Ipv4Address {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const HOST_MAC = mac(0x000c290c47d5);
const ROUTER_MAC = mac(0x00005e005301);
const HOST = v6('2001:db8:1::10');
const SERVER = v6('2001:db8:2::20');
const ROUTER = v6('2001:db8:1::1');
const HOST_LINK_LOCAL = v6('fe80::20c:29ff:fe0c:47d5');
const ROUTER_LINK_LOCAL = v6('fe80::200:5eff:fe00:5301');

function ethernet(destination: MacAddress, source: MacAddress, etherType: number, payload: Uint8Array, vlanTags: EthernetFrame['vlanTags'] = []): Uint8Array {
  return encodeEthernet({ destination, source, vlanTags, etherType, payload }, { padToMinimum: true });
}

function ipv6Packet(source: Ipv6Address, destination: Ipv6Address, nextHeader: number, payload: Uint8Array, hopLimit = 64): Uint8Array {
  return encodeIpv6({ trafficClass: 0, flowLabel: 0, nextHeader, hopLimit, source, destination, payload });
}

function icmpv6Packet(source: Ipv6Address, destination: Ipv6Address, message: Icmpv6Message, hopLimit = 64): Uint8Array {
  return ipv6Packet(source, destination, ICMPV6_PROTOCOL, encodeIcmpv6(message, { family: 6, source, destination }), hopLimit);
}

function ipv4Packet(source: Ipv4Address, destination: Ipv4Address, protocol: number, payload: Uint8Array, timeToLive = 64, identification = 0x1c46): Uint8Array {
  return encodeIpv4({
    dscp: 0,
    ecn: 0,
    identification,
    reservedFlag: false,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    timeToLive,
    protocol,
    source,
    destination,
    options: new Uint8Array(0),
    payload,
  });
}

function echo6(kind: 'echo-request' | 'echo-reply', identifier: number, sequenceNumber: number, dataLength = 8): Icmpv6Message {
  return { kind, code: 0, identifier, sequenceNumber, payload: Uint8Array.from({ length: dataLength }, (_, i) => 0x61 + (i % 26)) };
}

interface BuiltFrame {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** "<Protocol>: <Info>" we expect tshark 4.0 to print (normaliseInfo applied to both sides). */
  readonly expected: string;
}

/** One frame of every kind the simulator sends, each built only with sim-core/wire encoders. */
function buildFrames(): BuiltFrame[] {
  const frames: BuiltFrame[] = [];
  const add = (name: string, bytes: Uint8Array, expected: string): void => {
    frames.push({ name, bytes, expected });
  };
  add('icmpv6-echo-request', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST, SERVER, echo6('echo-request', 0x1234, 1))), 'ICMPv6: Echo (ping) request id=0x1234, seq=1, hop limit=64');
  add('icmpv6-echo-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(SERVER, HOST, echo6('echo-reply', 0x1234, 1), 63)), 'ICMPv6: Echo (ping) reply id=0x1234, seq=1, hop limit=63 (request in #)');

  const pc = v4('192.0.2.10');
  const gateway = v4('192.0.2.1');
  const remote = v4('198.51.100.7');
  const ping4 = (kind: 'echo-request' | 'echo-reply'): Uint8Array => encodeIcmpv4({ kind, code: 0, identifier: 1, sequenceNumber: 7, payload: new TextEncoder().encode('abcdefghijklmnopqrstuvwabcdefghi') });
  add('icmpv4-echo-request', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV4, ipv4Packet(pc, remote, IP_PROTOCOL_ICMP, ping4('echo-request'))), 'ICMP: Echo (ping) request  id=0x0001, seq=7/1792, ttl=64');
  add('icmpv4-echo-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV4, ipv4Packet(remote, pc, IP_PROTOCOL_ICMP, ping4('echo-reply'), 63, 0x2d57)), 'ICMP: Echo (ping) reply    id=0x0001, seq=7/1792, ttl=63 (request in #)');

  const allRouters = v6('ff02::2');
  const allNodes = v6('ff02::1');
  add(
    'ndp-router-solicitation',
    ethernet(mac(0x333300000002), HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST_LINK_LOCAL, allRouters, { kind: 'router-solicitation', code: 0, options: [{ kind: 'source-link-layer-address', linkLayerAddress: HOST_MAC }] }, 255)),
    'ICMPv6: Router Solicitation from 00:0c:29:0c:47:d5',
  );
  const ra: Icmpv6Message = {
    kind: 'router-advertisement',
    code: 0,
    curHopLimit: 64,
    managed: false,
    other: true,
    homeAgent: false,
    preference: 'medium',
    proxy: false,
    routerLifetimeS: 1800,
    reachableTimeMs: 0,
    retransTimerMs: 0,
    options: [
      { kind: 'source-link-layer-address', linkLayerAddress: ROUTER_MAC },
      { kind: 'mtu', mtu: 1500 },
      { kind: 'prefix-information', prefixLength: 64, onLink: true, autonomous: true, routerAddress: false, validLifetimeS: 2_592_000, preferredLifetimeS: 604_800, prefix: v6('2001:db8:1::') },
      { kind: 'rdnss', lifetimeS: 1800, addresses: [v6('2001:db8:53::53')] },
    ],
  };
  add('ndp-router-advertisement', ethernet(mac(0x333300000001), ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER_LINK_LOCAL, allNodes, ra, 255)), 'ICMPv6: Router Advertisement from 00:00:5e:00:53:01');
  add(
    'ndp-neighbor-solicitation',
    ethernet(mac(0x3333ff000001), HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST, v6('ff02::1:ff00:1'), { kind: 'neighbor-solicitation', code: 0, targetAddress: ROUTER, options: [{ kind: 'source-link-layer-address', linkLayerAddress: HOST_MAC }] }, 255)),
    'ICMPv6: Neighbor Solicitation for 2001:db8:1::1 from 00:0c:29:0c:47:d5',
  );
  add(
    'ndp-neighbor-advertisement',
    ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, { kind: 'neighbor-advertisement', code: 0, router: true, solicited: true, override: true, targetAddress: ROUTER, options: [{ kind: 'target-link-layer-address', linkLayerAddress: ROUTER_MAC }] }, 255)),
    'ICMPv6: Neighbor Advertisement 2001:db8:1::1 (rtr, sol, ovr) is at 00:00:5e:00:53:01',
  );

  add(
    'arp-request',
    ethernet(MAC_BROADCAST, HOST_MAC, ETHERTYPE_ARP, encodeArp({ hardwareType: 1, opcode: ARP_OPCODE_REQUEST, senderMac: HOST_MAC, senderIp: pc, targetMac: mac(0), targetIp: gateway })),
    'ARP: Who has 192.0.2.1? Tell 192.0.2.10',
  );
  add(
    'arp-reply',
    ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_ARP, encodeArp({ hardwareType: 1, opcode: ARP_OPCODE_REPLY, senderMac: ROUTER_MAC, senderIp: gateway, targetMac: HOST_MAC, targetIp: pc })),
    'ARP: 192.0.2.1 is at 00:00:5e:00:53:01',
  );
  add(
    'vlan-10-icmpv6-echo',
    ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST, SERVER, echo6('echo-request', 0x0a0a, 3)), [{ tpid: TPID_8021Q, pcp: 0, dei: false, vid: 10 }]),
    'ICMPv6: Echo (ping) request id=0x0a0a, seq=3, hop limit=64',
  );

  // A 1400-byte echo request that meets a 1280-byte link: the router's Packet Too Big quotes it.
  const bigEcho = icmpv6Packet(HOST, SERVER, echo6('echo-request', 0x0b0b, 1, 1400 - 48), 64);
  add('icmpv6-packet-too-big', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, buildIcmpv6Error({ kind: 'packet-too-big', mtu: 1280 }, bigEcho))), 'ICMPv6: Packet Too Big');
  // A traceroute probe (UDP to port 33434) whose hop limit runs out at the router.
  const probe = ipv6Packet(HOST, SERVER, IP_PROTOCOL_UDP, encodeUdp({ sourcePort: 50000, destinationPort: 33434, payload: new Uint8Array(24) }, { family: 6, source: HOST, destination: SERVER }), 1);
  add('icmpv6-time-exceeded', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, buildIcmpv6Error({ kind: 'time-exceeded', code: 0 }, probe))), 'ICMPv6: Time Exceeded (hop limit exceeded in transit)');

  // The same 1400-byte echo fragmented by the host for a 1280-byte path (RFC 8200 section 4.5).
  const decodedBig = decodeIpv6(bigEcho);
  if (!decodedBig.ok) throw new Error(decodedBig.error.message);
  const fragments = fragmentIpv6(decodedBig.value, 1280, 0xabcd);
  if (!fragments.ok) throw new Error(fragments.error.message);
  expect(fragments.value).toHaveLength(2);
  add('ipv6-first-fragment', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, encodeIpv6(fragments.value[0]!)), 'IPv6: IPv6 fragment (off=0 more=y ident=0x0000abcd nxt=58)');
  // tshark reassembles both fragments and decodes the whole echo request at the last one.
  add('ipv6-last-fragment', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, encodeIpv6(fragments.value[1]!)), 'ICMPv6: Echo (ping) request id=0x0b0b, seq=1, hop limit=64');

  // 6in4 (RFC 4213): IPv6 inside IPv4 protocol 41.
  const tunnelEcho = icmpv6Packet(HOST, SERVER, echo6('echo-request', 0x0005, 1));
  add('6in4-echo', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV4, ipv4Packet(v4('203.0.113.1'), v4('203.0.113.2'), IP_PROTOCOL_IPV6, tunnelEcho)), 'ICMPv6: Echo (ping) request id=0x0005, seq=1, hop limit=64');
  // GRE (RFC 2784 with an RFC 2890 key, checksum present) carrying IPv6 over IPv4.
  const gre = encodeGre({ checksumPresent: true, key: 42, sequenceNumber: undefined, protocolType: GRE_PROTOCOL_TYPE_IPV6, payload: icmpv6Packet(HOST, SERVER, echo6('echo-request', 0x0006, 1)) });
  add('gre-ipv6-over-ipv4', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV4, ipv4Packet(v4('203.0.113.1'), v4('203.0.113.2'), GRE_PROTOCOL, gre)), 'ICMPv6: Echo (ping) request id=0x0006, seq=1, hop limit=64');

  add(
    'udp-over-ipv6',
    ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, IP_PROTOCOL_UDP, encodeUdp({ sourcePort: 50000, destinationPort: 50001, payload: new TextEncoder().encode('hello') }, { family: 6, source: HOST, destination: SERVER }))),
    'UDP: 50000 → 50001 Len=5',
  );
  const syn: TcpSegment = {
    sourcePort: 49152,
    destinationPort: 80,
    sequenceNumber: 0x12345678,
    acknowledgmentNumber: 0,
    flags: TCP_SYN,
    window: 64800,
    urgentPointer: 0,
    options: [
      { kind: 'mss', maxSegmentSize: 1440 },
      { kind: 'sack-permitted' },
      { kind: 'timestamps', value: 1000, echoReply: 0 },
      { kind: 'nop' },
      { kind: 'window-scale', shiftCount: 7 },
    ],
    payload: new Uint8Array(0),
  };
  // Seq=0: tshark shows sequence numbers relative to the SYN's.
  add(
    'tcp-syn-with-options',
    ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, IP_PROTOCOL_TCP, encodeTcp(syn, { family: 6, source: HOST, destination: SERVER }))),
    'TCP: 49152 → 80 [SYN] Seq=0 Win=64800 Len=0 MSS=1440 SACK_PERM TSval=1000 TSecr=0 WS=128',
  );

  // DNS over IPv6/UDP port 53 (RFC 1035): an AAAA query and its answer, names compressed in the answer.
  const resolver = v6('2001:db8:53::53');
  const question = { name: 'portal.kiengiang.gov.vn', type: DNS_TYPE.AAAA, class: DNS_CLASS_IN };
  const query: DnsMessage = {
    id: 0x4242,
    isResponse: false,
    opcode: 0,
    authoritativeAnswer: false,
    truncated: false,
    recursionDesired: true,
    recursionAvailable: false,
    z: false,
    authenticData: false,
    checkingDisabled: false,
    rcode: 0,
    questions: [question],
    answers: [],
    authorities: [],
    additionals: [],
  };
  const response: DnsMessage = {
    ...query,
    isResponse: true,
    authoritativeAnswer: true,
    recursionAvailable: true,
    answers: [{ name: question.name, class: DNS_CLASS_IN, ttlS: 300, data: { kind: 'AAAA', address: v6('2001:db8:100::80') } }],
  };
  const overUdp = (source: Ipv6Address, destination: Ipv6Address, sourcePort: number, destinationPort: number, payload: Uint8Array): Uint8Array =>
    ipv6Packet(source, destination, IP_PROTOCOL_UDP, encodeUdp({ sourcePort, destinationPort, payload }, { family: 6, source, destination }));
  add('dns-aaaa-query', ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, overUdp(HOST, resolver, 53000, 53, encodeDns(query))), 'DNS: Standard query 0x4242 AAAA portal.kiengiang.gov.vn');
  add(
    'dns-aaaa-response',
    ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, overUdp(resolver, HOST, 53, 53000, encodeDns(response, { compress: true }))),
    'DNS: Standard query response 0x4242 AAAA portal.kiengiang.gov.vn AAAA 2001:db8:100::80',
  );
  return frames;
}

describe.skipIf(tshark === undefined)('tshark decodes frames built by our encoders (sim-core/wire)', TSHARK_TIMEOUT, () => {
  let frames: BuiltFrame[] = [];
  let decoded: TsharkPacket[] = [];
  beforeAll(() => {
    frames = buildFrames();
    const file = join(workDir, 'our-encoders.pcapng');
    writeFileSync(file, writePcapng([{ name: 'R1 GigabitEthernet0/0' }], frames.map((f, i) => ({ interfaceId: 0, timeNs: (i + 1) * 1_000_000, bytes: f.bytes }))));
    decoded = decodeWithTshark(file);
  });

  it('gives every frame the summary we expect', () => {
    expect(decoded.map((p) => `${frames[p.number - 1]!.name} → ${p.protocol}: ${normaliseInfo(p.info)}`)).toEqual(
      frames.map((f) => `${f.name} → ${normaliseInfo(f.expected)}`),
    );
  });

  it('finds no malformed frame and no warning- or error-level expert finding (checksums verified)', () => {
    const flagged = decoded.filter((p) => p.malformed || p.severities.some((s) => s >= PI_WARN));
    expect(flagged.map((p) => frames[p.number - 1]!.name)).toEqual([]);
    expect(expertFindings(join(workDir, 'our-encoders.pcapng'))).toEqual([]);
  });
});
