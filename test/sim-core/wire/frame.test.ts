/**
 * The whole-frame describer (sim-core/wire/frame.ts): every golden frame gets tshark's summary,
 * its layers in order and fields at the right absolute offsets; frames built by our encoders
 * (good, cut short, with bad checksums) get exactly the Protocol and Info tshark prints for them;
 * any bytes at all describe without throwing, inside the frame.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { mac, MAC_BROADCAST, type MacAddress } from '../../../sim-core/addr/mac';
import { writePcapng } from '../../../sim-core/capture/pcapng';
import { encodeArp } from '../../../sim-core/wire/arp';
import type { FieldNode, FrameDescription, LayerDescription } from '../../../sim-core/wire/describe';
import { encodeDhcpv6 } from '../../../sim-core/wire/dhcpv6';
import { DNS_CLASS_IN, DNS_TYPE, encodeDns, type DnsMessage } from '../../../sim-core/wire/dns';
import { encodeEthernet, ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6, type EthernetFrame } from '../../../sim-core/wire/ethernet';
import { classifyFrame, describeFrame, type FrameClass, summarizeFrame } from '../../../sim-core/wire/frame';
import { encodeGre } from '../../../sim-core/wire/gre';
import { encodeIcmpv4, type Icmpv4Message } from '../../../sim-core/wire/icmpv4';
import { buildIcmpv6Error, encodeIcmpv6, type Icmpv6Message } from '../../../sim-core/wire/icmpv6';
import { encodeIpv4 } from '../../../sim-core/wire/ipv4';
import { decodeIpv6, encodeIpv6, type Ipv6Packet } from '../../../sim-core/wire/ipv6';
import { buildIpv6Packet, fragmentIpv6 } from '../../../sim-core/wire/ipv6-extension-headers';
import { encodeOspfv3, type Ospfv3Packet } from '../../../sim-core/wire/ospfv3';
import { encodeTcp, TCP_ACK, TCP_PSH, TCP_SYN, type TcpSegment } from '../../../sim-core/wire/tcp';
import { encodeUdp } from '../../../sim-core/wire/udp';
import { TPID_8021AD, TPID_8021Q } from '../../../sim-core/wire/vlan';
import { tsharkPath } from '../../helpers/external-tools';
import { frame, frameVectors, hexToBytes } from '../../helpers/frames';

/** Cross-frame back-references ("(request in 1)") are not ours to print (frame.ts); trailing spaces are trimmed. */
function withoutBackReferences(text: string): string {
  return text.replace(/ ?\((request|reply|response) in \d+\)/g, '').trimEnd();
}

function allFields(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((node) => [node, ...allFields(node.children ?? [])]);
}

function layer(description: FrameDescription, protocol: string): LayerDescription {
  const found = description.layers.find((l) => l.protocol === protocol);
  if (!found) throw new Error(`no ${protocol} layer in ${description.layers.map((l) => l.protocol).join(', ')}`);
  return found;
}

function fieldOf(description: FrameDescription, protocol: string, name: string): FieldNode {
  const found = allFields(layer(description, protocol).fields).find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name} in the ${protocol} layer`);
  return found;
}

const protocols = (description: FrameDescription): string[] => description.layers.map((l) => l.protocol);

// --- the golden frames ----------------------------------------------------------------------

const EXPECTED_LAYERS: Record<string, readonly string[]> = {
  'icmpv6-echo-request': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'icmpv6-echo-reply': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'ndp-router-solicitation': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'ndp-router-advertisement': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'ndp-dad-neighbor-solicitation': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'ndp-neighbor-solicitation': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'ndp-neighbor-advertisement': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'arp-request': ['Ethernet II', 'ARP'],
  'icmpv4-echo-vlan10': ['Ethernet II', '802.1Q Virtual LAN', 'IPv4', 'ICMP'],
  'icmpv6-packet-too-big': ['Ethernet II', 'IPv6', 'ICMPv6'],
  'icmpv6-time-exceeded': ['Ethernet II', 'IPv6', 'ICMPv6'],
  // Fragment data is not a whole message (RFC 8200 section 4.5): tshark shows it as Data too.
  'ipv6-first-fragment': ['Ethernet II', 'IPv6', 'Data'],
  '6in4-encapsulated-echo': ['Ethernet II', 'IPv4', 'IPv6', 'ICMPv6'],
  'dns-aaaa-query-over-ipv6': ['Ethernet II', 'IPv6', 'UDP', 'DNS'],
  'dns-aaaa-response': ['Ethernet II', 'IPv6', 'UDP', 'DNS'],
  'dhcpv6-solicit': ['Ethernet II', 'IPv6', 'UDP', 'DHCPv6'],
  'ospfv3-hello': ['Ethernet II', 'IPv6', 'OSPF'],
  'gre-ipv6-over-ipv4': ['Ethernet II', 'IPv4', 'GRE', 'IPv6', 'ICMPv6'],
};

const EXPECTED_CLASS: Record<string, FrameClass> = {
  'icmpv6-echo-request': 'ICMPv6',
  'icmpv6-echo-reply': 'ICMPv6',
  'ndp-router-solicitation': 'NDP',
  'ndp-router-advertisement': 'NDP',
  'ndp-dad-neighbor-solicitation': 'NDP',
  'ndp-neighbor-solicitation': 'NDP',
  'ndp-neighbor-advertisement': 'NDP',
  'arp-request': 'ARP',
  'icmpv4-echo-vlan10': 'ICMP',
  'icmpv6-packet-too-big': 'ICMPv6',
  'icmpv6-time-exceeded': 'ICMPv6',
  'ipv6-first-fragment': 'ICMPv6',
  '6in4-encapsulated-echo': 'tunnel',
  'dns-aaaa-query-over-ipv6': 'DNS',
  'dns-aaaa-response': 'DNS',
  'dhcpv6-solicit': 'DHCPv6',
  'ospfv3-hello': 'OSPF',
  'gre-ipv6-over-ipv4': 'tunnel',
};

describe('the 18 golden frames (test/fixtures/frames.json, decoded by Wireshark)', () => {
  it('covers every vector', () => {
    expect(frameVectors.map((v) => v.name).sort()).toEqual(Object.keys(EXPECTED_LAYERS).sort());
  });

  for (const vector of frameVectors) {
    describe(vector.name, () => {
      const bytes = hexToBytes(vector.hex);
      const described = describeFrame(bytes);

      it(`summary is tshark's "${vector.wireshark}" (less the back-reference)`, () => {
        expect(described.summary).toBe(withoutBackReferences(vector.wireshark));
        expect(summarizeFrame(bytes)).toBe(described.summary);
        expect(described.problem).toBeUndefined();
      });

      it(`layers are ${EXPECTED_LAYERS[vector.name]!.join(' → ')}, in byte order, covering the frame`, () => {
        expect(protocols(described)).toEqual(EXPECTED_LAYERS[vector.name]);
        const ends = described.layers.map((l) => l.offset + l.length);
        described.layers.slice(1).forEach((l, i) => expect(l.offset).toBe(ends[i]));
        expect(Math.max(...ends)).toBeLessThanOrEqual(bytes.length);
      });

      it(`classifies as ${EXPECTED_CLASS[vector.name]}`, () => {
        expect(classifyFrame(bytes)).toBe(EXPECTED_CLASS[vector.name]);
      });
    });
  }

  it('RA: Router lifetime is bytes 60-61 (ICMPv6 at 54, RFC 4861 section 4.2) and reads 1800', () => {
    const lifetime = fieldOf(describeFrame(frame('ndp-router-advertisement')), 'ICMPv6', 'Router lifetime (s)');
    expect([lifetime.offset, lifetime.length, lifetime.value]).toEqual([60, 2, '1800']);
  });

  it('echo request: the IPv6 Hop Limit is byte 21 (14 + 7, RFC 8200 section 3)', () => {
    const hopLimit = fieldOf(describeFrame(frame('icmpv6-echo-request')), 'IPv6', 'Hop Limit');
    expect([hopLimit.offset, hopLimit.length, hopLimit.value]).toEqual([21, 1, '64']);
  });

  it('VLAN 10: the VLAN ID lies in the TCI at bytes 14-15, and the IPv4 TTL at byte 14 + 4 + 8', () => {
    const described = describeFrame(frame('icmpv4-echo-vlan10'));
    const id = fieldOf(described, '802.1Q Virtual LAN', 'ID');
    expect([id.offset, id.length, id.value]).toEqual([14, 2, '10']);
    expect(fieldOf(described, 'IPv4', 'Time to Live')).toMatchObject({ offset: 26, length: 1, value: '64' });
  });

  it('ARP: the Target IP address is bytes 38-41 (14 + 24, RFC 826)', () => {
    expect(fieldOf(describeFrame(frame('arp-request')), 'ARP', 'Target IP address')).toMatchObject({ offset: 38, length: 4, value: '192.0.2.1' });
  });

  it('6in4: the inner IPv6 header starts after the 20-byte IPv4 header (byte 34), its Hop Limit at 41', () => {
    const described = describeFrame(frame('6in4-encapsulated-echo'));
    expect(layer(described, 'IPv6').offset).toBe(34);
    expect(fieldOf(described, 'IPv6', 'Hop Limit')).toMatchObject({ offset: 41, value: '64' });
  });

  it('GRE over IPv4: the inner IPv6 follows the 4-byte GRE header (byte 38)', () => {
    const described = describeFrame(frame('gre-ipv6-over-ipv4'));
    expect(layer(described, 'GRE')).toMatchObject({ offset: 34, length: 4 });
    expect(layer(described, 'IPv6').offset).toBe(38);
  });

  it('DNS: the Transaction ID is bytes 62-63 (UDP payload at 14 + 40 + 8), DHCPv6 transaction-id bytes 63-65', () => {
    expect(fieldOf(describeFrame(frame('dns-aaaa-response')), 'DNS', 'Transaction ID')).toMatchObject({ offset: 62, length: 2, value: '0x4242' });
    expect(fieldOf(describeFrame(frame('dhcpv6-solicit')), 'DHCPv6', 'Transaction ID')).toMatchObject({ offset: 63, length: 3, value: '0x5a5a5a' });
  });

  it('first fragment: the fragment data is one Data layer from byte 62 (14 + 40 + 8) to the end', () => {
    const bytes = frame('ipv6-first-fragment');
    expect(layer(describeFrame(bytes), 'Data')).toMatchObject({ offset: 62, length: bytes.length - 62 });
  });

  it('ARP frame padded to 60 bytes: the 18 bytes after the 28-byte packet are the Ethernet layer\'s Padding', () => {
    const padded = new Uint8Array(60);
    padded.set(frame('arp-request'));
    const described = describeFrame(padded);
    expect(protocols(described)).toEqual(['Ethernet II', 'ARP']);
    expect(described.layers[0]!.fields.find((f) => f.name === 'Padding')).toMatchObject({ offset: 42, length: 18 });
  });
});

// --- faults ---------------------------------------------------------------------------------

describe('a layer that fails ends the chain: earlier layers stay, the rest is Data, problem says why', () => {
  const echo = frame('icmpv6-echo-request');

  it('ipv6-header-12-bytes: "IPv6: needs 40 bytes, only 12 present", the 12 bytes shown as Data', () => {
    const described = describeFrame(echo.slice(0, 26));
    expect(described.problem).toBe('IPv6: needs 40 bytes, only 12 present');
    expect(protocols(described)).toEqual(['Ethernet II', 'Data']);
    expect(described.layers[1]).toMatchObject({ offset: 14, length: 12 });
    expect(described.summary).toBe('IPv6: Invalid IPv6 header (12 bytes, need exactly 40)[Malformed Packet]');
  });

  it('frame-13-bytes: shorter than an Ethernet header, all of it is Data', () => {
    const described = describeFrame(echo.slice(0, 13));
    expect(described.problem).toBe('Ethernet: needs 14 bytes, only 13 present');
    expect(protocols(described)).toEqual(['Data']);
    expect(described.summary).toBe('Ethernet: [Malformed Packet]');
  });

  it('empty frame: one problem, no layers, no throw', () => {
    const described = describeFrame(new Uint8Array(0));
    expect(described.layers).toEqual([]);
    expect(described.problem).toBe('Ethernet: needs 14 bytes, only 0 present');
  });

  it('icmpv6-echo-6-bytes: the Payload Length overrun is a problem but the chain goes on, as in tshark; the cut echo ends it', () => {
    const described = describeFrame(echo.slice(0, 14 + 40 + 6));
    expect(protocols(described)).toEqual(['Ethernet II', 'IPv6', 'Data']);
    expect(described.problem).toBe('IPv6: Payload Length 16 exceeds the 6 bytes present after the header; ICMPv6: needs 8 bytes, only 6 present');
    expect(described.summary).toBe('ICMPv6: Echo (ping) request[Malformed Packet]');
  });

  it('dns-question-cut: the DNS header is there, the question name is not; UDP stays described', () => {
    const dns = frame('dns-aaaa-query-over-ipv6');
    const cut = dns.slice(0, 14 + 40 + 8 + 14);
    // Keep the IPv6 and UDP lengths consistent so only DNS fails.
    cut[18] = 0;
    cut[19] = 22;
    cut[14 + 40 + 4] = 0;
    cut[14 + 40 + 5] = 22;
    const described = describeFrame(cut);
    expect(protocols(described)).toEqual(['Ethernet II', 'IPv6', 'UDP', 'Data']);
    expect(described.problem).toMatch(/^DNS: /);
    expect(described.summary).toBe('DNS: Standard query 0x4242[Malformed Packet]');
  });

  it('tunnel-depth-limit: IPv6-in-IPv6 nested past maxTunnelDepth stops with a problem', () => {
    let packet: Uint8Array = encodeIcmpv6(echo6(1, 1), { family: 6, source: HOST, destination: SERVER });
    packet = ipv6Packet(HOST, SERVER, 58, packet);
    for (let i = 0; i < 3; i++) packet = ipv6Packet(HOST, SERVER, 41, packet);
    const bytes = ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, packet);
    expect(protocols(describeFrame(bytes))).toEqual(['Ethernet II', 'IPv6', 'IPv6', 'IPv6', 'IPv6', 'ICMPv6']);
    const limited = describeFrame(bytes, { maxTunnelDepth: 2 });
    expect(protocols(limited)).toEqual(['Ethernet II', 'IPv6', 'IPv6', 'IPv6', 'Data']);
    expect(limited.problem).toMatch(/deeper than 2/);
  });
});

// --- frames built by our encoders ---------------------------------------------------------------

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
const PC = v4('192.0.2.10');
const GATEWAY = v4('192.0.2.1');
const REMOTE = v4('198.51.100.7');

function ethernet(destination: MacAddress, source: MacAddress, etherType: number, payload: Uint8Array, vlanTags: EthernetFrame['vlanTags'] = []): Uint8Array {
  return encodeEthernet({ destination, source, vlanTags, etherType, payload }, { padToMinimum: true });
}

function ipv6Packet(source: Ipv6Address, destination: Ipv6Address, nextHeader: number, payload: Uint8Array, hopLimit = 64): Uint8Array {
  return encodeIpv6({ trafficClass: 0, flowLabel: 0, nextHeader, hopLimit, source, destination, payload });
}

function icmpv6Packet(source: Ipv6Address, destination: Ipv6Address, message: Icmpv6Message, hopLimit = 64): Uint8Array {
  return ipv6Packet(source, destination, 58, encodeIcmpv6(message, { family: 6, source, destination }), hopLimit);
}

function ipv4Packet(protocol: number, payload: Uint8Array, options: { source?: Ipv4Address; destination?: Ipv4Address; ttl?: number; moreFragments?: boolean; fragmentOffset?: number } = {}): Uint8Array {
  return encodeIpv4({
    dscp: 0,
    ecn: 0,
    identification: 0x1c46,
    reservedFlag: false,
    dontFragment: !options.moreFragments && !options.fragmentOffset,
    moreFragments: options.moreFragments ?? false,
    fragmentOffset: options.fragmentOffset ?? 0,
    timeToLive: options.ttl ?? 64,
    protocol,
    source: options.source ?? PC,
    destination: options.destination ?? REMOTE,
    options: new Uint8Array(0),
    payload,
  });
}

function echo6(identifier: number, sequenceNumber: number, dataLength = 8, kind: 'echo-request' | 'echo-reply' = 'echo-request'): Icmpv6Message {
  return { kind, code: 0, identifier, sequenceNumber, payload: Uint8Array.from({ length: dataLength }, (_, i) => 0x61 + (i % 26)) };
}

function echo4(kind: 'echo-request' | 'echo-reply'): Uint8Array {
  return encodeIcmpv4({ kind, code: 0, identifier: 1, sequenceNumber: 7, payload: new TextEncoder().encode('abcdefghijklmnopqrstuvwabcdefghi') });
}

function udp6(source: Ipv6Address, destination: Ipv6Address, sourcePort: number, destinationPort: number, payload: Uint8Array): Uint8Array {
  return ipv6Packet(source, destination, 17, encodeUdp({ sourcePort, destinationPort, payload }, { family: 6, source, destination }));
}

function tcpSegment(flags: number, options: TcpSegment['options'] = [], payload = new Uint8Array(0)): TcpSegment {
  return { sourcePort: 49152, destinationPort: 80, sequenceNumber: 0x12345678, acknowledgmentNumber: flags & TCP_ACK ? 0x0abcdef0 : 0, flags, window: 64800, urgentPointer: 0, options, payload };
}

/** Flips the bits of `mask` in byte `at` of a copy. */
function flipped(bytes: Uint8Array, at: number, mask = 0xff): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= mask;
  return copy;
}

const ospfHello: Ospfv3Packet = {
  routerId: v4('1.1.1.1'),
  areaId: v4('0.0.0.0'),
  instanceId: 0,
  body: { kind: 'hello', interfaceId: 3, routerPriority: 1, options: 0x13, helloIntervalS: 10, routerDeadIntervalS: 40, designatedRouterId: v4('0.0.0.0'), backupDesignatedRouterId: v4('0.0.0.0'), neighborIds: [] },
};

const dnsQuery: DnsMessage = {
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
  questions: [{ name: 'portal.kiengiang.gov.vn', type: DNS_TYPE.AAAA, class: DNS_CLASS_IN }],
  answers: [],
  authorities: [],
  additionals: [],
};

/** Frames of every kind the simulator sends, plus cut and corrupted ones, each built only with sim-core/wire encoders. */
function buildFrames(): { readonly name: string; readonly bytes: Uint8Array }[] {
  const frames: { name: string; bytes: Uint8Array }[] = [];
  const add = (name: string, bytes: Uint8Array): void => {
    frames.push({ name, bytes });
  };
  const toRouter = (etherType: number, payload: Uint8Array, tags: EthernetFrame['vlanTags'] = []): Uint8Array => ethernet(ROUTER_MAC, HOST_MAC, etherType, payload, tags);
  const echoRequest = toRouter(ETHERTYPE_IPV6, icmpv6Packet(HOST, SERVER, echo6(0x1234, 1)));

  add('icmpv6-echo-request', echoRequest);
  add('icmpv6-echo-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(SERVER, HOST, echo6(0x1234, 1, 8, 'echo-reply'), 63)));
  add('icmpv4-echo-request', toRouter(ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-request'))));
  add('icmpv4-echo-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-reply'), { source: REMOTE, destination: PC, ttl: 63 })));
  add('ndp-router-solicitation', ethernet(mac(0x333300000002), HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST_LINK_LOCAL, v6('ff02::2'), { kind: 'router-solicitation', code: 0, options: [{ kind: 'source-link-layer-address', linkLayerAddress: HOST_MAC }] }, 255)));
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
    ],
  };
  add('ndp-router-advertisement', ethernet(mac(0x333300000001), ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER_LINK_LOCAL, v6('ff02::1'), ra, 255)));
  add('ndp-neighbor-solicitation', ethernet(mac(0x3333ff000001), HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(HOST, v6('ff02::1:ff00:1'), { kind: 'neighbor-solicitation', code: 0, targetAddress: ROUTER, options: [{ kind: 'source-link-layer-address', linkLayerAddress: HOST_MAC }] }, 255)));
  add('ndp-dad-probe', ethernet(mac(0x3333ff0c47d5), HOST_MAC, ETHERTYPE_IPV6, icmpv6Packet(v6('::'), v6('ff02::1:ff0c:47d5'), { kind: 'neighbor-solicitation', code: 0, targetAddress: HOST_LINK_LOCAL, options: [] }, 255)));
  add('ndp-neighbor-advertisement', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, { kind: 'neighbor-advertisement', code: 0, router: true, solicited: true, override: false, targetAddress: ROUTER, options: [{ kind: 'target-link-layer-address', linkLayerAddress: ROUTER_MAC }] }, 255)));
  const arpRequest = encodeArp({ hardwareType: 1, opcode: 1, senderMac: HOST_MAC, senderIp: PC, targetMac: mac(0), targetIp: GATEWAY });
  add('arp-request', ethernet(MAC_BROADCAST, HOST_MAC, ETHERTYPE_ARP, arpRequest));
  add('arp-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_ARP, encodeArp({ hardwareType: 1, opcode: 2, senderMac: ROUTER_MAC, senderIp: GATEWAY, targetMac: HOST_MAC, targetIp: PC })));
  add('vlan-arp', ethernet(MAC_BROADCAST, HOST_MAC, ETHERTYPE_ARP, arpRequest, [{ tpid: TPID_8021Q, pcp: 0, dei: false, vid: 20 }]));
  add('qinq-icmpv6-echo', toRouter(ETHERTYPE_IPV6, icmpv6Packet(HOST, SERVER, echo6(0x0a0a, 3)), [{ tpid: TPID_8021AD, pcp: 0, dei: false, vid: 100 }, { tpid: TPID_8021Q, pcp: 5, dei: false, vid: 10 }]));

  const bigEcho = icmpv6Packet(HOST, SERVER, echo6(0x0b0b, 1, 1400 - 48));
  add('icmpv6-packet-too-big', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, buildIcmpv6Error({ kind: 'packet-too-big', mtu: 1280 }, bigEcho))));
  const probe = ipv6Packet(HOST, SERVER, 17, encodeUdp({ sourcePort: 50000, destinationPort: 33434, payload: new Uint8Array(24) }, { family: 6, source: HOST, destination: SERVER }), 1);
  add('icmpv6-time-exceeded', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, icmpv6Packet(ROUTER, HOST, buildIcmpv6Error({ kind: 'time-exceeded', code: 0 }, probe))));
  const icmpError = (message: Icmpv4Message): Uint8Array => ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV4, ipv4Packet(1, encodeIcmpv4(message), { source: GATEWAY, destination: PC }));
  const quoted = ipv4Packet(17, encodeUdp({ sourcePort: 50000, destinationPort: 33434, payload: new Uint8Array(8) }, { family: 4, source: PC, destination: REMOTE }));
  add('icmpv4-port-unreachable', icmpError({ kind: 'destination-unreachable', code: 3, unused: 0, nextHopMtu: 0, payload: quoted }));
  add('icmpv4-fragmentation-needed', icmpError({ kind: 'destination-unreachable', code: 4, unused: 0, nextHopMtu: 1400, payload: quoted }));

  // Fragments of two different packets, so tshark cannot reassemble either (we never do).
  const fragmentsOf = (identification: number): Ipv6Packet[] => {
    const decoded = decodeIpv6(bigEcho);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const fragments = fragmentIpv6(decoded.value, 1280, identification);
    if (!fragments.ok) throw new Error(fragments.error.message);
    return [...fragments.value];
  };
  add('ipv6-first-fragment', toRouter(ETHERTYPE_IPV6, encodeIpv6(fragmentsOf(0xabcd)[0]!)));
  add('ipv6-last-fragment-alone', toRouter(ETHERTYPE_IPV6, encodeIpv6(fragmentsOf(0xbcde)[1]!)));
  add('ipv4-non-first-fragment', toRouter(ETHERTYPE_IPV4, ipv4Packet(17, new Uint8Array(40), { fragmentOffset: 185 })));
  const mld = buildIpv6Packet(
    { trafficClass: 0, flowLabel: 0, hopLimit: 1, source: HOST_LINK_LOCAL, destination: v6('ff02::16') },
    [{ kind: 'hop-by-hop-options', nextHeader: 58, options: [{ kind: 'router-alert', value: 0 }, { kind: 'padn', data: new Uint8Array(0) }] }],
    58,
    new Uint8Array([143, 0, 0, 0, 0, 0, 0, 0]),
  );
  add('mld-report-after-hop-by-hop', ethernet(mac(0x333300000016), HOST_MAC, ETHERTYPE_IPV6, encodeIpv6(mld)));
  add('ipv6-no-next-header', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 59, new Uint8Array(0))));
  add('ipv6-unknown-next-header-253', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 253, new Uint8Array(8))));
  add('ipv4-unknown-protocol-253', toRouter(ETHERTYPE_IPV4, ipv4Packet(253, new Uint8Array(8))));
  add('unknown-ethertype-0x1234', toRouter(0x1234, new Uint8Array(46)));

  const tunnelEcho = icmpv6Packet(HOST, SERVER, echo6(0x0005, 1));
  const tunnel = { source: v4('203.0.113.1'), destination: v4('203.0.113.2') };
  add('6in4-echo', toRouter(ETHERTYPE_IPV4, ipv4Packet(41, tunnelEcho, tunnel)));
  add('4in6-echo', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 4, ipv4Packet(1, echo4('echo-request')))));
  add('ipv6-in-ipv6-echo', toRouter(ETHERTYPE_IPV6, ipv6Packet(ROUTER, SERVER, 41, tunnelEcho)));
  const gre = (protocolType: number, payload: Uint8Array, checksumPresent = false): Uint8Array =>
    toRouter(ETHERTYPE_IPV4, ipv4Packet(47, encodeGre({ checksumPresent, key: 42, sequenceNumber: undefined, protocolType, payload }), tunnel));
  add('gre-ipv6', gre(0x86dd, tunnelEcho, true));
  add('gre-ipv4', gre(0x0800, ipv4Packet(1, echo4('echo-request'))));
  add('gre-unknown-payload', gre(0x1234, new Uint8Array(8)));

  add('udp-over-ipv6', toRouter(ETHERTYPE_IPV6, udp6(HOST, SERVER, 50000, 50001, new TextEncoder().encode('hello'))));
  const syn = tcpSegment(TCP_SYN, [{ kind: 'mss', maxSegmentSize: 1440 }, { kind: 'sack-permitted' }, { kind: 'timestamps', value: 1000, echoReply: 0 }, { kind: 'nop' }, { kind: 'window-scale', shiftCount: 7 }]);
  add('tcp-syn-with-options', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 6, encodeTcp(syn, { family: 6, source: HOST, destination: SERVER }))));
  add('tcp-psh-ack-over-ipv4', toRouter(ETHERTYPE_IPV4, ipv4Packet(6, encodeTcp(tcpSegment(TCP_PSH | TCP_ACK, [], new Uint8Array(10)), { family: 4, source: PC, destination: REMOTE }))));

  const resolver = v6('2001:db8:53::53');
  add('dns-aaaa-query', toRouter(ETHERTYPE_IPV6, udp6(HOST, resolver, 53000, 53, encodeDns(dnsQuery))));
  const response: DnsMessage = { ...dnsQuery, isResponse: true, authoritativeAnswer: true, recursionAvailable: true, answers: [{ name: dnsQuery.questions[0]!.name, class: DNS_CLASS_IN, ttlS: 300, data: { kind: 'AAAA', address: v6('2001:db8:100::80') } }] };
  add('dns-aaaa-response', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, udp6(resolver, HOST, 53, 53000, encodeDns(response, { compress: true }))));
  add('dns-nxdomain-over-ipv4', toRouter(ETHERTYPE_IPV4, ipv4Packet(17, encodeUdp({ sourcePort: 53, destinationPort: 53001, payload: encodeDns({ ...dnsQuery, isResponse: true, rcode: 3, recursionAvailable: true }) }, { family: 4, source: REMOTE, destination: PC }))));
  const clientId = { kind: 'client-id', duid: { kind: 'll', hardwareType: 1, linkLayerAddress: Uint8Array.of(0, 0x0c, 0x29, 0x0c, 0x47, 0xd5) } } as const;
  const allDhcp = v6('ff02::1:2');
  add('dhcpv6-solicit', ethernet(mac(0x333300010002), HOST_MAC, ETHERTYPE_IPV6, udp6(HOST_LINK_LOCAL, allDhcp, 546, 547, encodeDhcpv6({ messageType: 1, transactionId: 0x5a5a5a, options: [clientId, { kind: 'elapsed-time', elapsedCs: 0 }, { kind: 'option-request', codes: [23, 24] }] }))));
  add('dhcpv6-reply', ethernet(HOST_MAC, ROUTER_MAC, ETHERTYPE_IPV6, udp6(ROUTER_LINK_LOCAL, HOST_LINK_LOCAL, 547, 546, encodeDhcpv6({ messageType: 7, transactionId: 0x5a5a5a, options: [clientId, { kind: 'dns-servers', addresses: [resolver] }] }))));
  const allSpf = v6('ff02::5');
  const ospf = encodeOspfv3(ospfHello, { family: 6, source: ROUTER_LINK_LOCAL, destination: allSpf });
  add('ospfv3-hello', ethernet(mac(0x333300000005), ROUTER_MAC, ETHERTYPE_IPV6, ipv6Packet(ROUTER_LINK_LOCAL, allSpf, 89, ospf, 1)));
  const lsUpdate = encodeOspfv3({ ...ospfHello, body: { kind: 'raw', type: 4, data: new Uint8Array(4) } }, { family: 6, source: ROUTER_LINK_LOCAL, destination: allSpf });
  add('ospfv3-ls-update', ethernet(mac(0x333300000005), ROUTER_MAC, ETHERTYPE_IPV6, ipv6Packet(ROUTER_LINK_LOCAL, allSpf, 89, lsUpdate, 1)));

  // Cut short: tshark dissects what is there and reports "[Malformed Packet]" where it runs out.
  add('cut-frame-10-bytes', echoRequest.slice(0, 10));
  add('cut-ipv6-header-12-bytes', echoRequest.slice(0, 26));
  add('cut-ipv6-payload-4-of-16', echoRequest.slice(0, 14 + 40 + 4).slice(0, 58));
  // Payload Length past the end but the echo header whole: tshark describes it, without complaint.
  add('short-ipv6-payload-12-of-16', echoRequest.slice(0, 14 + 40 + 12));
  add('cut-ipv4-header', toRouter(ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-request'))).slice(0, 14 + 12));
  add('cut-arp', ethernet(MAC_BROADCAST, HOST_MAC, ETHERTYPE_ARP, arpRequest).slice(0, 34));
  add('cut-vlan-tag', toRouter(TPID_8021Q, new Uint8Array(0)).slice(0, 16));
  add('cut-udp-header-4-bytes', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 17, Uint8Array.of(0xc3, 0x50, 0xc3, 0x51))));
  add('cut-tcp-header-10-bytes', toRouter(ETHERTYPE_IPV4, ipv4Packet(6, encodeTcp(syn, { family: 4, source: PC, destination: REMOTE }).slice(0, 10))));
  add('cut-dns-question', toRouter(ETHERTYPE_IPV6, udp6(HOST, resolver, 53000, 53, encodeDns(dnsQuery).slice(0, 14))));
  add('cut-ospfv3-header', ethernet(mac(0x333300000005), ROUTER_MAC, ETHERTYPE_IPV6, ipv6Packet(ROUTER_LINK_LOCAL, allSpf, 89, ospf.slice(0, 8), 1)));
  add('cut-gre-key', toRouter(ETHERTYPE_IPV4, ipv4Packet(47, Uint8Array.of(0x20, 0, 0x86, 0xdd, 0, 0), tunnel)));
  add('cut-icmpv6-time-exceeded', toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 58, Uint8Array.of(3, 0, 0, 0, 0))));
  add('bad-ipv4-ihl-4', flipped(toRouter(ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-request'))), 14, 0x01));

  // Bad checksums: tshark 4.0 verifies none of these by default, so the summary does not change.
  add('bad-checksum-icmpv6', flipped(echoRequest, 14 + 40 + 2));
  add('bad-checksum-udp', flipped(toRouter(ETHERTYPE_IPV6, udp6(HOST, SERVER, 50000, 50001, new Uint8Array(5))), 14 + 40 + 6));
  add('bad-checksum-ipv4-header', flipped(toRouter(ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-request'))), 14 + 10));
  add('bad-checksum-icmpv4', flipped(toRouter(ETHERTYPE_IPV4, ipv4Packet(1, echo4('echo-request'))), 14 + 20 + 3));
  // Another port: the same SYN again would be a "[TCP Retransmission]" to tshark's sequence analysis.
  const otherSyn = { ...syn, sourcePort: 49153 };
  add('bad-checksum-tcp', flipped(toRouter(ETHERTYPE_IPV6, ipv6Packet(HOST, SERVER, 6, encodeTcp(otherSyn, { family: 6, source: HOST, destination: SERVER }))), 14 + 40 + 16));
  add('bad-checksum-ospfv3', flipped(ethernet(mac(0x333300000005), ROUTER_MAC, ETHERTYPE_IPV6, ipv6Packet(ROUTER_LINK_LOCAL, allSpf, 89, ospf, 1)), 14 + 40 + 12));
  add('bad-checksum-gre', flipped(gre(0x86dd, tunnelEcho, true), 14 + 20 + 4));
  return frames;
}

const builtFrames = buildFrames();

describe('classifyFrame: the event-list filter classes', () => {
  const expected: Record<string, FrameClass> = {
    'icmpv6-echo-request': 'ICMPv6',
    'icmpv4-echo-reply': 'ICMP',
    'ndp-router-advertisement': 'NDP',
    'ndp-dad-probe': 'NDP',
    'vlan-arp': 'ARP',
    'qinq-icmpv6-echo': 'ICMPv6',
    // Fragments: the first by its ICMPv6 type, a later one by Next Header alone.
    'ipv6-first-fragment': 'ICMPv6',
    'ipv6-last-fragment-alone': 'ICMPv6',
    'mld-report-after-hop-by-hop': 'ICMPv6',
    '6in4-echo': 'tunnel',
    '4in6-echo': 'tunnel',
    'gre-ipv6': 'tunnel',
    'udp-over-ipv6': 'UDP',
    'tcp-syn-with-options': 'TCP',
    'dns-nxdomain-over-ipv4': 'DNS',
    'dhcpv6-reply': 'DHCPv6',
    'ospfv3-ls-update': 'OSPF',
    'unknown-ethertype-0x1234': 'other',
    'cut-ipv6-header-12-bytes': 'other',
    'short-ipv6-payload-12-of-16': 'ICMPv6',
    'cut-frame-10-bytes': 'other',
  };
  for (const [name, kind] of Object.entries(expected)) {
    it(`${name} → ${kind}`, () => {
      expect(classifyFrame(builtFrames.find((f) => f.name === name)!.bytes)).toBe(kind);
    });
  }

  it('BGP is TCP port 179 either way (RFC 4271 section 8.2.1)', () => {
    const bgp = (sourcePort: number, destinationPort: number): Uint8Array =>
      ethernet(ROUTER_MAC, HOST_MAC, ETHERTYPE_IPV6, ipv6Packet(ROUTER, SERVER, 6, encodeTcp({ ...tcpSegment(TCP_SYN), sourcePort, destinationPort }, { family: 6, source: ROUTER, destination: SERVER })));
    expect([classifyFrame(bgp(50000, 179)), classifyFrame(bgp(179, 50000)), classifyFrame(bgp(50000, 180))]).toEqual(['BGP', 'BGP', 'TCP']);
  });
});

// --- against the real tshark --------------------------------------------------------------------

const tshark = tsharkPath();

describe.skipIf(tshark === undefined)('summarizeFrame prints what tshark 4.0 prints for each of our frames', { timeout: 60_000 }, () => {
  const workDir = mkdtempSync(join(tmpdir(), 'v6lab-frame-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  let lines: string[] = [];
  beforeAll(() => {
    const file = join(workDir, 'frames.pcapng');
    writeFileSync(file, writePcapng([{ name: 'R1 GigabitEthernet0/0' }], builtFrames.map((f, i) => ({ interfaceId: 0, timeNs: (i + 1) * 1_000_000, bytes: f.bytes }))));
    // Default settings except TCP's relative sequence numbers, which depend on earlier frames of
    // the conversation: a single frame can only show the absolute numbers (frame.ts).
    const output = execFileSync(tshark!, ['-r', file, '-o', 'tcp.relative_sequence_numbers:FALSE', '-T', 'fields', '-e', '_ws.col.Protocol', '-e', '_ws.col.Info'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    lines = output.split('\n').filter((line) => line !== '');
  });

  it(`tshark lists all ${builtFrames.length} frames`, () => {
    expect(builtFrames.length).toBeGreaterThanOrEqual(30);
    expect(lines).toHaveLength(builtFrames.length);
  });

  it('every summary equals tshark\'s "<Protocol>: <Info>" (back-references removed)', () => {
    const theirs = lines.map((line, i) => {
      const [protocol, info] = line.split('\t');
      return `${builtFrames[i]!.name} → ${withoutBackReferences(`${protocol}: ${info ?? ''}`)}`;
    });
    const ours = builtFrames.map((f) => `${f.name} → ${summarizeFrame(f.bytes)}`);
    expect(ours).toEqual(theirs);
  });

  it('the comparison can fail: tshark says "[Malformed Packet]" for the cut frames and we do too', () => {
    const cut = lines.filter((_, i) => builtFrames[i]!.name.startsWith('cut-'));
    expect(cut.length).toBeGreaterThan(10);
    expect(cut.every((line) => line.endsWith('[Malformed Packet]'))).toBe(true);
  });
});

describe('describeFrame and summarizeFrame agree on every frame we build', () => {
  for (const { name, bytes } of builtFrames) {
    it(name, () => {
      const described = describeFrame(bytes);
      expect(summarizeFrame(bytes)).toBe(described.summary);
      expect(described.problem !== undefined).toBe(/^(cut|short|bad-ipv4-ihl)-/.test(name));
    });
  }
});

// --- properties ---------------------------------------------------------------------------------

/** Every layer and field (at any depth) lies inside the frame, and layers go in byte order. */
function checkInside(bytes: Uint8Array, described: FrameDescription): void {
  let previous = 0;
  for (const l of described.layers) {
    expect(l.offset).toBeGreaterThanOrEqual(previous);
    expect(l.length).toBeGreaterThanOrEqual(0);
    expect(l.offset + l.length).toBeLessThanOrEqual(bytes.length);
    previous = l.offset;
    for (const f of allFields(l.fields)) {
      expect(Number.isInteger(f.offset) && Number.isInteger(f.length), `${l.protocol} ${f.name}`).toBe(true);
      expect(f.offset, `${l.protocol} ${f.name}`).toBeGreaterThanOrEqual(0);
      expect(f.length, `${l.protocol} ${f.name}`).toBeGreaterThanOrEqual(0);
      expect(f.offset + f.length, `${l.protocol} ${f.name} at ${f.offset}+${f.length} in ${bytes.length} bytes`).toBeLessThanOrEqual(bytes.length);
    }
  }
}

const CLASSES: readonly FrameClass[] = ['ARP', 'NDP', 'ICMPv6', 'ICMP', 'DHCPv6', 'DNS', 'OSPF', 'BGP', 'TCP', 'UDP', 'tunnel', 'other'];

function checkAnyBytes(bytes: Uint8Array): void {
  const described = describeFrame(bytes);
  checkInside(bytes, described);
  expect(summarizeFrame(bytes)).toBe(described.summary);
  expect(described.summary).toMatch(/^\S.*: ?/);
  expect(CLASSES).toContain(classifyFrame(bytes));
}

const seeds = [...frameVectors.map((v) => hexToBytes(v.hex)), ...builtFrames.map((f) => f.bytes)];
const seed = fc.integer({ min: 0, max: seeds.length - 1 }).map((i) => seeds[i]!);

describe('any bytes: describeFrame never throws, every field lies inside the frame, the quick summary is the same', () => {
  it('random bytes, with an IPv4, IPv6, ARP or VLAN EtherType half of the time', () => {
    const etherType = fc.constantFrom(0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.option(etherType), (bytes, type) => {
        if (type !== null && bytes.length >= 14) {
          bytes[12] = type >>> 8;
          bytes[13] = type & 0xff;
        }
        checkAnyBytes(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('valid frames cut at every length', () => {
    fc.assert(
      fc.property(seed, fc.nat(), (bytes, cut) => checkAnyBytes(bytes.slice(0, cut % (bytes.length + 1)))),
      { numRuns: 1000 },
    );
  });

  it('valid frames with bits flipped (headers most often)', () => {
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(seed, flips, (bytes, changes) => {
        const copy = bytes.slice();
        for (const [at, mask, inHeaders] of changes) copy[at % (inHeaders ? Math.min(copy.length, 96) : copy.length)]! ^= mask;
        checkAnyBytes(copy);
      }),
      { numRuns: 1000 },
    );
  });
});
