/**
 * The whole-frame describer: one call turns an Ethernet frame into every layer in order (field
 * trees with absolute offsets, for the inspector's hex highlight) and the one-line summary
 * "<Protocol>: <Info>" exactly as tshark 4.0 prints its Protocol and Info columns with default
 * settings. Chain: Ethernet II → 802.1Q/802.1ad tags → ARP | IPv4 | IPv6 (extension headers,
 * RFC 8200 section 4) → ICMPv6 | ICMP | UDP (→ DNS on port 53, DHCPv6 on 546/547) | TCP |
 * OSPFv3 (IP protocol 89) | tunnels: 6in4 (41, RFC 4213), 4in6 (4, RFC 2473), GRE (47, RFC 2784).
 * Also a cheap summary-only path for the event list and a protocol classifier for its filters.
 *
 * Never throws on any bytes: a layer that fails to decode ends the chain and sets `problem`; the
 * layers before it stay, the rest of the bytes become a "Data" layer, and the summary is what
 * tshark prints for such a frame (the failing protocol, the Info it wrote before the bytes ran
 * out, then "[Malformed Packet]").
 *
 * Left out, because they need other frames: "(request in N)"/"(reply in N)" back-references,
 * reassembly of IPv4/IPv6 fragments (every fragment shows tshark's fragment line; tshark shows
 * the reassembled message at the last fragment when it holds the others), TCP relative
 * sequence numbers and sequence analysis ("[TCP Retransmission]"): TCP shows absolute numbers,
 * as tshark does with tcp.relative_sequence_numbers off. Also left out: application protocols
 * other than DNS and DHCPv6 (BGP is classified by port but described as TCP payload), OSPFv2.
 * The summary is trimmed at the end (tshark leaves a trailing space after DHCPv6's Info).
 */
import { readIpv4 } from '../addr/ipv4';
import { describeArp } from './arp';
import { type PseudoHeader } from './checksum';
import { type DescribedLayer, field, type FieldNode, type FrameDescription, type LayerDescription } from './describe';
import { describeDhcpv6, DHCPV6_CLIENT_PORT, DHCPV6_SERVER_PORT } from './dhcpv6';
import { describeDns } from './dns';
import { describeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ethernet';
import { describeGre, GRE_PROTOCOL_TYPE_IPV4, GRE_PROTOCOL_TYPE_IPV6 } from './gre';
import { describeIcmpv4 } from './icmpv4';
import { describeIcmpv6, icmpv6TypeName } from './icmpv6';
import { describeIpv4, IP_PROTOCOL_GRE, IP_PROTOCOL_ICMP, IP_PROTOCOL_ICMPV6, IP_PROTOCOL_IPV6, IP_PROTOCOL_OSPF, IP_PROTOCOL_TCP, IP_PROTOCOL_UDP } from './ipv4';
import { describeIpv6, type Ipv6PseudoHeader } from './ipv6';
import { FRAGMENT_HEADER, HOP_BY_HOP_OPTIONS, ipProtocolText, isIpv6ExtensionHeaderType, NO_NEXT_HEADER } from './ipv6-extension-headers';
import { describeOspfv3 } from './ospfv3';
import { IP_PROTOCOL_IPV4, PORT_DNS as DNS_PORT, PORT_FRAME_CLASSES, PROTOCOL_FRAME_CLASS, type FrameClass } from './protocol-numbers';
import type { Decoded, DecodeError } from './result';
import { describeTcp } from './tcp';
import { describeUdp } from './udp';
import { describeVlan, isVlanTpid } from './vlan';

const MALFORMED = '[Malformed Packet]';
/** How much of a Data layer's bytes its value text shows. */
const DATA_PREVIEW_BYTES = 24;

export interface DescribeFrameOptions {
  /**
   * How many tunnels (6in4, 4in6, IPv6-in-IPv6, GRE) deep to follow; deeper payloads are shown
   * as Data with a problem. Default 8, which no real lab reaches.
   */
  readonly maxTunnelDepth?: number;
}

const DEFAULT_MAX_TUNNEL_DEPTH = 8;

/** The filter classes of the simulation event list (protocol-numbers.ts FRAME_CLASS_TABLE). */
export type { FrameClass } from './protocol-numbers';

// --- the walk -------------------------------------------------------------------------------

/** State of one describe: the layers so far and the two columns as the last layer left them. */
interface Walk {
  readonly frame: Uint8Array;
  readonly layers: LayerDescription[];
  readonly problems: string[];
  readonly maxTunnelDepth: number;
  protocol: string;
  info: string;
}

/** The upper-layer context an IP header hands on. */
interface IpContext {
  readonly pseudo: PseudoHeader;
  /** Hop Limit (IPv6) or TTL (IPv4): ICMP echoes show it. */
  readonly hopLimit: number;
  readonly depth: number;
}

function setColumns(walk: Walk, protocol: string, info: string): void {
  walk.protocol = protocol;
  walk.info = info;
}

function hexPreview(frame: Uint8Array, start: number, end: number): string {
  let text = '';
  const stop = Math.min(end, start + DATA_PREVIEW_BYTES);
  for (let i = start; i < stop; i++) text += frame[i]!.toString(16).padStart(2, '0');
  return stop < end ? `${text}…` : text;
}

/** Bytes no layer claims, as Wireshark's "Data" protocol shows them. */
function dataLayer(frame: Uint8Array, start: number, end: number): LayerDescription {
  const length = end - start;
  return {
    protocol: 'Data',
    title: `Data (${length} bytes)`,
    offset: start,
    length,
    fields: [field('Data', hexPreview(frame, start, end), start, length), field('[Length]', String(length), start, length)],
  };
}

function addData(walk: Walk, start: number, end: number): void {
  if (end > start) walk.layers.push(dataLayer(walk.frame, start, end));
}

/**
 * A layer that failed: its error becomes a problem, the Info column is what tshark had written
 * before the exception (`partial`) plus "[Malformed Packet]" (or only `partial` when tshark
 * reports the fault in words and carries on), and the remaining bytes become Data.
 */
function fail(walk: Walk, protocol: string, error: DecodeError, start: number, end: number, partial: string, malformed = true): void {
  walk.problems.push(error.message);
  setColumns(walk, protocol, malformed ? `${partial}${MALFORMED}` : partial);
  addData(walk, start, end);
}

/** `frame[start, end)` copied into a zeroed buffer of `length` bytes, for describing a cut header's first fields. */
function padded(frame: Uint8Array, start: number, end: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(frame.subarray(start, Math.min(end, start + length)));
  return bytes;
}

function infoOf(result: Decoded<DescribedLayer>): string {
  return result.ok ? result.value.info : '';
}

function u16(frame: Uint8Array, at: number): number {
  return (frame[at]! << 8) | frame[at + 1]!;
}

/** Fixed length of an ICMPv6 message type (RFC 4443, RFC 4861 section 4): shorter is truncated. */
function icmpv6FixedLength(type: number): number {
  if (type === 134) return 16;
  if (type === 135 || type === 136) return 24;
  if (type === 137) return 40;
  if ((type >= 1 && type <= 4) || type === 128 || type === 129 || type === 133) return 8;
  return 4;
}

// --- the Info tshark wrote before a cut layer ran out ------------------------------------------

function icmpv6Partial(frame: Uint8Array, start: number, end: number, context: { pseudoHeader: Ipv6PseudoHeader; hopLimit: number }): string {
  const length = end - start;
  if (length === 0) return '';
  if (length === 1) return icmpv6TypeName(frame[start]!);
  // Quoted mode describes whatever fixed fields are present: the type and code names.
  const bytes = length < 4 ? padded(frame, start, end, 4) : frame;
  const at = length < 4 ? 0 : start;
  return infoOf(describeIcmpv6(bytes, at, at + Math.max(length, 4), { ...context, quoted: true }));
}

function udpPartial(frame: Uint8Array, start: number, end: number): string {
  const available = end - start;
  if (available < 4) return '';
  let text = `${u16(frame, start)} → ${u16(frame, start + 2)}`;
  if (available < 6) return text;
  const length = u16(frame, start + 4);
  if (length < 8) text += ` [BAD UDP LENGTH ${length} < 8]`;
  else if (length > available) text += ` [BAD UDP LENGTH ${length} > IP PAYLOAD LENGTH] Len=${length - 8}`;
  else text += ` Len=${length - 8}`;
  return text;
}

/** A header whose first `headerBytes` are present, described from a copy with the rest zeroed. */
function headerPartial(frame: Uint8Array, start: number, end: number, headerBytes: number, size: number, describe: (bytes: Uint8Array) => string): string {
  if (end - start < headerBytes) return '';
  return describe(padded(frame, start, start + headerBytes, size));
}

// --- layers ---------------------------------------------------------------------------------

/** ARP, IPv4 or IPv6 at `offset` by EtherType; returns where that packet ends (undefined when none or failed). */
function walkNetwork(walk: Walk, etherType: number, offset: number, end: number): number | undefined {
  if (etherType === ETHERTYPE_ARP) {
    const arp = describeArp(walk.frame, offset, end);
    if (!arp.ok) {
      fail(walk, 'ARP', arp.error, offset, end, '');
      return undefined;
    }
    walk.layers.push(arp.value.layer);
    setColumns(walk, 'ARP', arp.value.info);
    return arp.value.payloadEnd;
  }
  if (etherType === ETHERTYPE_IPV4) return walkIpv4(walk, offset, end, 0);
  if (etherType === ETHERTYPE_IPV6) return walkIpv6(walk, offset, end, 0);
  addData(walk, offset, end);
  return undefined;
}

function walkIpv4(walk: Walk, offset: number, end: number, depth: number): number | undefined {
  const { frame } = walk;
  const ip = describeIpv4(frame, offset, end);
  if (!ip.ok) {
    const ihl = end - offset >= 20 && frame[offset]! >>> 4 === 4 ? frame[offset]! & 0x0f : 5;
    // tshark words a short IHL and stops, without calling the packet malformed.
    if (ihl < 5) fail(walk, 'IPv4', ip.error, offset, end, `Bogus IP header length (${ihl * 4}, must be at least 20)`, false);
    else fail(walk, 'IPv4', ip.error, offset, end, '');
    return undefined;
  }
  const { layer, info, payloadOffset, payloadEnd } = ip.value;
  walk.layers.push(layer);
  setColumns(walk, 'IPv4', info);
  const fragment = (frame[offset + 6]! & 0x3f) !== 0 || frame[offset + 7]! !== 0;
  if (fragment) {
    // A fragment's payload is not a whole upper-layer message (RFC 791 section 2.3).
    addData(walk, payloadOffset, payloadEnd);
    return payloadEnd;
  }
  if (payloadOffset >= payloadEnd) {
    // tshark calls no upper dissector on an empty payload and leaves Info empty.
    setColumns(walk, 'IPv4', '');
    return payloadEnd;
  }
  const pseudo: PseudoHeader = { family: 4, source: readIpv4(frame, offset + 12), destination: readIpv4(frame, offset + 16) };
  const protocol = frame[offset + 9]!;
  if (!walkUpper(walk, protocol, payloadOffset, payloadEnd, { pseudo, hopLimit: frame[offset + 8]!, depth })) addData(walk, payloadOffset, payloadEnd);
  return payloadEnd;
}

function walkIpv6(walk: Walk, offset: number, end: number, depth: number): number | undefined {
  const { frame } = walk;
  const available = end - offset;
  let ip = describeIpv6(frame, offset, end);
  if (!ip.ok && available >= 40 && frame[offset]! >>> 4 === 6 && 40 + u16(frame, offset + 4) > available) {
    // Payload Length runs past the captured bytes: tshark dissects what is there, and so do we.
    const partial = describeIpv6(frame, offset, end, { quoted: true });
    if (partial.ok) {
      walk.problems.push(ip.error.message);
      ip = partial;
    }
  }
  if (!ip.ok || isIpv6ExtensionHeaderType(ip.value.upperLayer)) {
    // (The quoted walk stops without an error at an extension header that does not fit.)
    const error: DecodeError = ip.ok
      ? { layer: 'IPv6', kind: 'truncated', offset: ip.value.payloadOffset - offset, message: `IPv6: the ${ipProtocolText(ip.value.upperLayer)} header does not fit in the bytes present` }
      : ip.error;
    let partial = '';
    if (available > 0 && available < 40) partial = `Invalid IPv6 header (${available} bytes, need exactly 40)`;
    else if (available >= 40 && (ip.ok ? ip.value.upperLayer : frame[offset + 6]!) === HOP_BY_HOP_OPTIONS) partial = 'IPv6 hop-by-hop options';
    if (ip.ok) {
      walk.layers.push(ip.value.layer);
      fail(walk, 'IPv6', error, ip.value.payloadOffset, end, partial);
    } else {
      fail(walk, 'IPv6', error, offset, end, partial);
    }
    return undefined;
  }
  const { layer, info, payloadOffset, payloadEnd, upperLayer, fragmented, hopLimit, pseudoHeader } = ip.value;
  walk.layers.push(layer);
  setColumns(walk, 'IPv6', info);
  if (fragmented || upperLayer === NO_NEXT_HEADER) {
    // Fragment data is not a whole message (RFC 8200 section 4.5); tshark shows the fragment line.
    addData(walk, payloadOffset, payloadEnd);
    return payloadEnd;
  }
  if (payloadOffset === payloadEnd && (upperLayer === IP_PROTOCOL_UDP || upperLayer === IP_PROTOCOL_TCP)) {
    // tshark blames IPv6 when the UDP or TCP header is missing altogether.
    const message = `IPv6: Next Header is ${ipProtocolText(upperLayer)} but the payload is empty`;
    fail(walk, 'IPv6', { layer: 'IPv6', kind: 'truncated', offset: payloadOffset - offset, message }, payloadOffset, payloadEnd, '');
    return payloadEnd;
  }
  if (!walkUpper(walk, upperLayer, payloadOffset, payloadEnd, { pseudo: pseudoHeader, hopLimit, depth })) {
    setColumns(walk, 'IPv6', `Unknown IP Protocol: ${ipProtocolText(upperLayer)}`);
    addData(walk, payloadOffset, payloadEnd);
  }
  return payloadEnd;
}

/** The layer above IP; false when `protocol` is not one we describe (the caller shows Data). */
function walkUpper(walk: Walk, protocol: number, start: number, end: number, context: IpContext): boolean {
  const { frame } = walk;
  const { pseudo } = context;
  switch (protocol) {
    case IP_PROTOCOL_ICMPV6: {
      if (pseudo.family !== 6) return false;
      const icmp = describeIcmpv6(frame, start, end, { pseudoHeader: pseudo, hopLimit: context.hopLimit });
      if (!icmp.ok) fail(walk, 'ICMPv6', icmp.error, start, end, icmpv6Partial(frame, start, end, { pseudoHeader: pseudo, hopLimit: context.hopLimit }));
      else {
        walk.layers.push(icmp.value.layer);
        setColumns(walk, 'ICMPv6', icmp.value.info);
      }
      return true;
    }
    case IP_PROTOCOL_ICMP: {
      const icmp = describeIcmpv4(frame, start, end, pseudo.family === 4 ? { timeToLive: context.hopLimit } : {});
      if (!icmp.ok) fail(walk, 'ICMP', icmp.error, start, end, '');
      else {
        // An error's quoted datagram is already in the ICMP field tree (RFC 792).
        walk.layers.push(icmp.value.layer);
        setColumns(walk, 'ICMP', icmp.value.info);
      }
      return true;
    }
    case IP_PROTOCOL_UDP:
      walkUdp(walk, start, end, pseudo);
      return true;
    case IP_PROTOCOL_TCP: {
      const tcp = describeTcp(frame, start, end, pseudo);
      if (!tcp.ok) {
        walkFailedTcp(walk, tcp.error, start, end);
        return true;
      }
      walk.layers.push(tcp.value.layer);
      setColumns(walk, 'TCP', tcp.value.info);
      addData(walk, tcp.value.payloadOffset, tcp.value.payloadEnd);
      return true;
    }
    case IP_PROTOCOL_OSPF: {
      // OSPFv2 over IPv4 is not described: the IPv4 Info and Data stand.
      if (pseudo.family !== 6) return false;
      const ospf = describeOspfv3(frame, start, end, pseudo);
      if (!ospf.ok) {
        const partial = headerPartial(frame, start, end, 2, 16, (bytes) => {
          bytes[0] = 3;
          bytes[3] = 16;
          return infoOf(describeOspfv3(bytes, 0, 16));
        });
        fail(walk, 'OSPF', ospf.error, start, end, partial);
        return true;
      }
      walk.layers.push(ospf.value.layer);
      setColumns(walk, 'OSPF', ospf.value.info);
      addData(walk, ospf.value.payloadOffset, ospf.value.payloadEnd);
      return true;
    }
    case IP_PROTOCOL_GRE:
      return walkGre(walk, start, end, context);
    case IP_PROTOCOL_IPV6:
    case IP_PROTOCOL_IPV4:
      if (!enterTunnel(walk, start, end, context)) return true;
      if (protocol === IP_PROTOCOL_IPV6) walkIpv6(walk, start, end, context.depth + 1);
      else walkIpv4(walk, start, end, context.depth + 1);
      return true;
    default:
      return false;
  }
}

/** False (with a problem and Data) when one more tunnel would pass the depth limit. */
function enterTunnel(walk: Walk, start: number, end: number, context: IpContext): boolean {
  if (context.depth + 1 <= walk.maxTunnelDepth) return true;
  walk.problems.push(`tunnels nested deeper than ${walk.maxTunnelDepth}: the inner packet is not described`);
  addData(walk, start, end);
  return false;
}

function walkFailedTcp(walk: Walk, error: DecodeError, start: number, end: number): void {
  const { frame } = walk;
  if (error.kind === 'bad-value' && end - start >= 20) {
    // tshark prints the fixed header's Info, then words the bad Data Offset (not malformed).
    const bytes = padded(frame, start, end, 20);
    const dataOffset = bytes[12]! >>> 4;
    bytes[12] = 0x50 | (bytes[12]! & 0x0f);
    const info = infoOf(describeTcp(bytes, 0, 20)).replace(/ Len=0$/, '');
    fail(walk, 'TCP', error, start, end, `${info}, bogus TCP header length (${dataOffset * 4}, must be at least 20)`, false);
    return;
  }
  fail(walk, 'TCP', error, start, end, end - start >= 4 ? `${u16(frame, start)} → ${u16(frame, start + 2)}` : '');
}

function walkUdp(walk: Walk, start: number, end: number, pseudo: PseudoHeader): void {
  const { frame } = walk;
  const udp = describeUdp(frame, start, end, pseudo);
  if (!udp.ok) {
    fail(walk, 'UDP', udp.error, start, end, udpPartial(frame, start, end));
    return;
  }
  walk.layers.push(udp.value.layer);
  setColumns(walk, 'UDP', udp.value.info);
  const { payloadOffset, payloadEnd } = udp.value;
  if (payloadOffset >= payloadEnd) return;
  const application = udpApplication(u16(frame, start), u16(frame, start + 2));
  if (application === 'DNS') {
    const dns = describeDns(frame, payloadOffset, payloadEnd);
    if (!dns.ok) {
      const partial = headerPartial(frame, payloadOffset, payloadEnd, 4, 12, (bytes) => infoOf(describeDns(bytes, 0, 12)));
      fail(walk, 'DNS', dns.error, payloadOffset, payloadEnd, partial);
      return;
    }
    walk.layers.push(dns.value.layer);
    setColumns(walk, 'DNS', dns.value.info);
    addData(walk, dns.value.payloadOffset, dns.value.payloadEnd);
  } else if (application === 'DHCPv6') {
    const dhcp = describeDhcpv6(frame, payloadOffset, payloadEnd);
    if (!dhcp.ok) {
      const partial = headerPartial(frame, payloadOffset, payloadEnd, 4, 4, (bytes) => infoOf(describeDhcpv6(bytes, 0, 4)));
      fail(walk, 'DHCPv6', dhcp.error, payloadOffset, payloadEnd, partial);
      return;
    }
    walk.layers.push(dhcp.value.layer);
    setColumns(walk, 'DHCPv6', dhcp.value.info);
  } else {
    addData(walk, payloadOffset, payloadEnd);
  }
}

/** Which application a UDP port pair carries; tshark tries the lower port first. */
function udpApplication(sourcePort: number, destinationPort: number): 'DNS' | 'DHCPv6' | undefined {
  for (const port of sourcePort <= destinationPort ? [sourcePort, destinationPort] : [destinationPort, sourcePort]) {
    if (port === DNS_PORT) return 'DNS';
    if (port === DHCPV6_CLIENT_PORT || port === DHCPV6_SERVER_PORT) return 'DHCPv6';
  }
  return undefined;
}

function walkGre(walk: Walk, start: number, end: number, context: IpContext): boolean {
  const { frame } = walk;
  const gre = describeGre(frame, start, end);
  if (!gre.ok) {
    fail(walk, 'GRE', gre.error, start, end, greEncapsulatedText(frame, start, end));
    return true;
  }
  const { layer, payloadOffset, payloadEnd, protocolType } = gre.value;
  walk.layers.push(layer);
  setColumns(walk, 'GRE', greEncapsulatedText(frame, start, end));
  if ((protocolType === GRE_PROTOCOL_TYPE_IPV6 || protocolType === GRE_PROTOCOL_TYPE_IPV4) && payloadOffset < payloadEnd) {
    if (!enterTunnel(walk, payloadOffset, payloadEnd, context)) return true;
    if (protocolType === GRE_PROTOCOL_TYPE_IPV6) walkIpv6(walk, payloadOffset, payloadEnd, context.depth + 1);
    else walkIpv4(walk, payloadOffset, payloadEnd, context.depth + 1);
    return true;
  }
  addData(walk, payloadOffset, payloadEnd);
  return true;
}

/** tshark's GRE Info: "Encapsulated IPv6", "Encapsulated 0x1234 (unknown)". */
function greEncapsulatedText(frame: Uint8Array, start: number, end: number): string {
  if (end - start < 4) return '';
  const type = u16(frame, start + 2);
  const described = describeGre(new Uint8Array([0, 0, type >>> 8, type & 0xff]), 0, 4);
  const name = described.ok ? /\((.*)\)$/.exec(described.value.layer.title)?.[1] : undefined;
  return name && name !== 'Unknown' ? `Encapsulated ${name}` : `Encapsulated 0x${type.toString(16).padStart(4, '0')} (unknown)`;
}

/** The Ethernet layer with the bytes after the packet it carried shown as Wireshark's "Padding". */
function withPadding(layer: LayerDescription, frame: Uint8Array, start: number): LayerDescription {
  const length = frame.length - start;
  const padding: FieldNode = field('Padding', hexPreview(frame, start, frame.length), start, length);
  return { ...layer, fields: [...layer.fields, padding] };
}

function walkFrame(frame: Uint8Array, options: DescribeFrameOptions): Walk {
  const walk: Walk = { frame, layers: [], problems: [], maxTunnelDepth: options.maxTunnelDepth ?? DEFAULT_MAX_TUNNEL_DEPTH, protocol: 'Ethernet', info: '' };
  const ethernet = describeEthernet(frame, 0, frame.length);
  if (!ethernet.ok) {
    fail(walk, 'Ethernet', ethernet.error, 0, frame.length, '');
    return walk;
  }
  walk.layers.push(ethernet.value.layer);
  let offset = ETHERNET_HEADER_LENGTH;
  let etherType = u16(frame, 12);
  // With nothing above it, tshark shows the EtherType number as the protocol.
  setColumns(walk, `0x${etherType.toString(16).padStart(4, '0')}`, ethernet.value.info);
  while (isVlanTpid(etherType)) {
    const vlan = describeVlan(frame, offset, frame.length);
    if (!vlan.ok) {
      fail(walk, 'VLAN', vlan.error, offset, frame.length, headerPartial(frame, offset, frame.length, 2, 4, (bytes) => infoOf(describeVlan(bytes, 0, 4))));
      return walk;
    }
    walk.layers.push(vlan.value.layer);
    setColumns(walk, 'VLAN', vlan.value.info);
    offset = vlan.value.payloadOffset;
    etherType = u16(frame, offset - 2);
  }
  const packetEnd = walkNetwork(walk, etherType, offset, frame.length);
  if (packetEnd !== undefined && packetEnd < frame.length) walk.layers[0] = withPadding(walk.layers[0]!, frame, packetEnd);
  return walk;
}

function summaryOf(walk: Walk): string {
  return `${walk.protocol}: ${walk.info}`.trimEnd();
}

/**
 * Every layer of an Ethernet frame (without FCS) with field trees at absolute offsets, the
 * tshark-style summary, and the problem when some layer could not be decoded. Never throws.
 */
export function describeFrame(frame: Uint8Array, options: DescribeFrameOptions = {}): FrameDescription {
  const walk = walkFrame(frame, options);
  const summary = summaryOf(walk);
  return walk.problems.length > 0 ? { layers: walk.layers, summary, problem: walk.problems.join('; ') } : { layers: walk.layers, summary };
}

// --- the summary alone ------------------------------------------------------------------------

/**
 * The summary line without field trees for the frames most traces hold (Ethernet, VLAN tags,
 * IPv4 or IPv6 without extension headers, then ICMP/ICMPv6/UDP/DNS/DHCPv6/TCP/OSPFv3): only
 * the last layer is described, without checksums. Undefined for anything else (tunnels,
 * extension headers, fragments, any fault), which takes the full walk.
 */
function quickSummary(frame: Uint8Array): string | undefined {
  const length = frame.length;
  if (length < ETHERNET_HEADER_LENGTH) return undefined;
  let offset = ETHERNET_HEADER_LENGTH;
  let etherType = u16(frame, 12);
  while (isVlanTpid(etherType)) {
    if (offset + 4 > length) return undefined;
    offset += 4;
    etherType = u16(frame, offset - 2);
  }
  if (etherType === ETHERTYPE_ARP) {
    const arp = describeArp(frame, offset, length);
    return arp.ok ? `ARP: ${arp.value.info}` : undefined;
  }
  if (etherType === ETHERTYPE_IPV6) {
    if (length - offset < 40 || frame[offset]! >>> 4 !== 6) return undefined;
    const end = offset + 40 + u16(frame, offset + 4);
    const nextHeader = frame[offset + 6]!;
    if (end > length || isIpv6ExtensionHeaderType(nextHeader) || nextHeader === NO_NEXT_HEADER) return undefined;
    return quickUpperSummary(frame, nextHeader, offset + 40, end, frame[offset + 7]!, 6);
  }
  if (etherType === ETHERTYPE_IPV4) {
    const available = length - offset;
    if (available < 20 || frame[offset]! >>> 4 !== 4) return undefined;
    const headerLength = (frame[offset]! & 0x0f) * 4;
    if (headerLength < 20 || available < headerLength) return undefined;
    if ((frame[offset + 6]! & 0x3f) !== 0 || frame[offset + 7]! !== 0) return undefined;
    const totalLength = u16(frame, offset + 2);
    const end = totalLength >= headerLength ? Math.min(length, offset + totalLength) : length;
    return quickUpperSummary(frame, frame[offset + 9]!, offset + headerLength, end, frame[offset + 8]!, 4);
  }
  return undefined;
}

/** No checksum is verified here, so the pseudo-header's addresses are never read. */
const UNREAD_PSEUDO_HEADER: Ipv6PseudoHeader = { family: 6, source: 0n as Ipv6PseudoHeader['source'], destination: 0n as Ipv6PseudoHeader['destination'] };

function quickUpperSummary(frame: Uint8Array, protocol: number, start: number, end: number, hopLimit: number, family: 4 | 6): string | undefined {
  if (start >= end) return undefined;
  let result: Decoded<DescribedLayer>;
  let column: string;
  switch (protocol) {
    case IP_PROTOCOL_ICMPV6:
      // Quoted mode skips the checksum and the quoted packet; past the fixed length its Info is the same.
      if (family !== 6 || end - start < icmpv6FixedLength(frame[start]!)) return undefined;
      result = describeIcmpv6(frame, start, end, { pseudoHeader: UNREAD_PSEUDO_HEADER, hopLimit, quoted: true });
      column = 'ICMPv6';
      break;
    case IP_PROTOCOL_ICMP:
      result = describeIcmpv4(frame, start, end, family === 4 ? { timeToLive: hopLimit } : {});
      column = 'ICMP';
      break;
    case IP_PROTOCOL_TCP:
      result = describeTcp(frame, start, end);
      column = 'TCP';
      break;
    case IP_PROTOCOL_OSPF:
      if (family !== 6) return undefined;
      result = describeOspfv3(frame, start, end);
      column = 'OSPF';
      break;
    case IP_PROTOCOL_UDP: {
      const udp = describeUdp(frame, start, end);
      if (!udp.ok) return undefined;
      const { payloadOffset, payloadEnd } = udp.value;
      const application = payloadOffset < payloadEnd ? udpApplication(u16(frame, start), u16(frame, start + 2)) : undefined;
      if (application === 'DNS') result = describeDns(frame, payloadOffset, payloadEnd);
      else if (application === 'DHCPv6') result = describeDhcpv6(frame, payloadOffset, payloadEnd);
      else result = udp;
      column = application ?? 'UDP';
      break;
    }
    default:
      return undefined;
  }
  return result.ok ? `${column}: ${result.value.info}`.trimEnd() : undefined;
}

/**
 * Only the summary line of `frame`, the same text as `describeFrame(frame).summary`, without
 * building field trees for the common frames (the event list may hold 100k of them).
 */
export function summarizeFrame(frame: Uint8Array): string {
  return quickSummary(frame) ?? describeFrame(frame).summary;
}

// --- classifying ----------------------------------------------------------------------------

/**
 * The event-list filter class of a frame, read from the headers alone (no checksum, no field
 * tree): NDP is ICMPv6 types 133-137 (RFC 4861 section 4), 'tunnel' is 6in4, 4in6 or GRE (the
 * outer packet decides), DNS and DHCPv6 by UDP port (DNS also over TCP), BGP by TCP port 179.
 * A fragment after the first is classed by its Next Header alone. Anything unreadable is 'other'.
 */
export function classifyFrame(frame: Uint8Array): FrameClass {
  const length = frame.length;
  if (length < ETHERNET_HEADER_LENGTH) return 'other';
  let offset = ETHERNET_HEADER_LENGTH;
  let etherType = u16(frame, 12);
  while (isVlanTpid(etherType)) {
    if (offset + 4 > length) return 'other';
    offset += 4;
    etherType = u16(frame, offset - 2);
  }
  if (etherType === ETHERTYPE_ARP) return 'ARP';
  if (etherType === ETHERTYPE_IPV4) {
    if (length - offset < 20 || frame[offset]! >>> 4 !== 4) return 'other';
    const headerLength = (frame[offset]! & 0x0f) * 4;
    if (headerLength < 20 || length - offset < headerLength) return 'other';
    const first = (u16(frame, offset + 6) & 0x1fff) === 0;
    const totalLength = u16(frame, offset + 2);
    const end = totalLength >= headerLength ? Math.min(length, offset + totalLength) : length;
    return classifyUpper(frame, frame[offset + 9]!, offset + headerLength, end, first);
  }
  if (etherType === ETHERTYPE_IPV6) {
    if (length - offset < 40 || frame[offset]! >>> 4 !== 6) return 'other';
    const end = Math.min(length, offset + 40 + u16(frame, offset + 4));
    let nextHeader = frame[offset + 6]!;
    let at = offset + 40;
    let first = true;
    // RFC 8200 section 4: each extension header names the next; lengths per sections 4.3-4.6, RFC 4302.
    while (isIpv6ExtensionHeaderType(nextHeader)) {
      if (at + 2 > end) return 'other';
      let size: number;
      if (nextHeader === FRAGMENT_HEADER) {
        size = 8;
        if (at + 4 <= end && u16(frame, at + 2) >>> 3 !== 0) first = false;
      } else if (nextHeader === 51) size = (frame[at + 1]! + 2) * 4;
      else size = (frame[at + 1]! + 1) * 8;
      if (at + size > end) return 'other';
      nextHeader = frame[at]!;
      at += size;
    }
    return classifyUpper(frame, nextHeader, at, end, first);
  }
  return 'other';
}

/** The class of an upper layer by the tables of protocol-numbers.ts: protocol number, then ICMPv6 type or well-known port. */
function classifyUpper(frame: Uint8Array, protocol: number, start: number, end: number, first: boolean): FrameClass {
  const byProtocol = PROTOCOL_FRAME_CLASS.get(protocol);
  if (byProtocol === undefined) return 'other';
  if (byProtocol === 'ICMPv6') {
    const type = first && start < end ? frame[start]! : 0;
    return type >= 133 && type <= 137 ? 'NDP' : 'ICMPv6';
  }
  const ports = PORT_FRAME_CLASSES.get(protocol);
  if (ports !== undefined && first && end - start >= 4) {
    const sourcePort = u16(frame, start);
    const destinationPort = u16(frame, start + 2);
    for (const entry of ports) if (sourcePort === entry.port || destinationPort === entry.port) return entry.frameClass;
  }
  return byProtocol;
}
