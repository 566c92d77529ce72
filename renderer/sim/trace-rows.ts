/**
 * Trace records (sim-core/engine/trace.ts) as the timeline and the inspector read them. Ports
 * record whole Ethernet frames; a device that drops a packet at the IP layer records the IP
 * packet alone (no Ethernet header), so before the wire describers (which start at Ethernet)
 * see such bytes they get a stand-in Ethernet header, and the inspector's offsets are moved back
 * onto the recorded bytes. Also the packet identity used to follow one packet through a device:
 * its IP bytes with the hop limit (TTL and header checksum for IPv4) left out, since forwarding
 * changes exactly those (RFC 8200 section 3, RFC 791 section 3.2).
 *
 * Leaves out: following a packet through NAT or a tunnel (its identity changes there).
 */
import type { TraceRecord } from '../../sim-core/engine/trace';
import type { FieldNode, FrameDescription, LayerDescription } from '../../sim-core/wire/describe';
import { classifyFrame, describeFrame, summarizeFrame } from '../../sim-core/wire/frame';
import type { RowClass, TraceRow } from './sim-protocol';

const ETHERNET_HEADER_BYTES = 14;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_ARP = 0x0806;
const TPID_8021Q = 0x8100;
const TPID_8021AD = 0x88a8;

/** Whether the recorded bytes are an IP packet without its Ethernet header, and which family. */
export function bareIpFamily(bytes: Uint8Array): 4 | 6 | null {
  const version = bytes.length > 0 ? bytes[0]! >>> 4 : 0;
  // An IPv6 packet whose Payload Length accounts for every byte.
  if (version === 6 && bytes.length >= 40 && 40 + ((bytes[4]! << 8) | bytes[5]!) === bytes.length) return 6;
  if (version === 4 && bytes.length >= 20 && (bytes[0]! & 0x0f) >= 5 && ((bytes[2]! << 8) | bytes[3]!) === bytes.length) return 4;
  if (bytes.length >= ETHERNET_HEADER_BYTES) {
    const etherType = (bytes[12]! << 8) | bytes[13]!;
    if (etherType === ETHERTYPE_IPV6 || etherType === ETHERTYPE_IPV4 || etherType === ETHERTYPE_ARP || etherType === TPID_8021Q || etherType === TPID_8021AD) return null;
  }
  if (version === 6 && bytes.length >= 40) return 6;
  if (version === 4 && bytes.length >= 20) return 4;
  return null;
}

/** The bytes as an Ethernet frame for the describers, and how many stand-in bytes lead it. */
export function asEthernetFrame(bytes: Uint8Array): { readonly frame: Uint8Array; readonly shift: number } {
  const family = bareIpFamily(bytes);
  if (family === null) return { frame: bytes, shift: 0 };
  const frame = new Uint8Array(ETHERNET_HEADER_BYTES + bytes.length);
  const etherType = family === 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
  frame[12] = etherType >>> 8;
  frame[13] = etherType & 0xff;
  frame.set(bytes, ETHERNET_HEADER_BYTES);
  return { frame, shift: ETHERNET_HEADER_BYTES };
}

/** Spanning tree BPDUs: IEEE 802.3 length field, then LLC with DSAP and SSAP 0x42 (IEEE 802.1D section 9.3). */
export function isSpanningTreeBpdu(bytes: Uint8Array): boolean {
  return bytes.length >= 17 && ((bytes[12]! << 8) | bytes[13]!) <= 1500 && bytes[14] === 0x42 && bytes[15] === 0x42;
}

/** The event-list row of a record. */
export function toTraceRow(seq: number, record: TraceRecord): TraceRow {
  let frameClass: RowClass = 'other';
  let summary = '';
  if (record.bytes !== null) {
    const { frame } = asEthernetFrame(record.bytes);
    if (isSpanningTreeBpdu(frame)) {
      frameClass = 'STP';
      summary = `STP: ${frame[20] === 0x80 ? 'Topology Change Notification' : 'Configuration BPDU'}`;
    } else {
      frameClass = classifyFrame(frame);
      summary = summarizeFrame(frame);
    }
  }
  return {
    seq,
    timeNs: record.timeNs,
    device: record.device,
    iface: record.interface,
    direction: record.direction,
    frameClass,
    summary,
    length: record.length,
    reason: record.reason,
  };
}

function shiftField(node: FieldNode, shift: number): FieldNode {
  const moved: FieldNode = { name: node.name, value: node.value, offset: node.offset - shift, length: node.length };
  return node.children ? { ...moved, children: node.children.map((child) => shiftField(child, shift)) } : moved;
}

/** describeFrame over the recorded bytes: offsets index `bytes` itself, stand-in layers removed. */
export function describeRecordedBytes(bytes: Uint8Array): FrameDescription {
  const { frame, shift } = asEthernetFrame(bytes);
  const description = describeFrame(frame);
  if (shift === 0) return description;
  const layers: LayerDescription[] = description.layers
    .filter((layer) => layer.offset >= shift)
    .map((layer) => ({ ...layer, offset: layer.offset - shift, fields: layer.fields.map((node) => shiftField(node, shift)) }));
  return description.problem === undefined ? { layers, summary: description.summary } : { layers, summary: description.summary, problem: description.problem };
}

/** The IP packet inside recorded bytes: where it starts and its family; null for non-IP frames. */
export function locateIpPacket(bytes: Uint8Array): { readonly offset: number; readonly family: 4 | 6 } | null {
  const bare = bareIpFamily(bytes);
  if (bare !== null) return { offset: 0, family: bare };
  if (bytes.length < ETHERNET_HEADER_BYTES) return null;
  let offset = ETHERNET_HEADER_BYTES;
  let etherType = (bytes[12]! << 8) | bytes[13]!;
  while (etherType === TPID_8021Q || etherType === TPID_8021AD) {
    if (offset + 4 > bytes.length) return null;
    etherType = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    offset += 4;
  }
  if (etherType === ETHERTYPE_IPV6 && bytes.length - offset >= 40 && bytes[offset]! >>> 4 === 6) return { offset, family: 6 };
  if (etherType === ETHERTYPE_IPV4 && bytes.length - offset >= 20 && bytes[offset]! >>> 4 === 4) return { offset, family: 4 };
  return null;
}

/** An IP packet's identity and hop limit, for following it through a router. */
export interface PacketIdentity {
  readonly family: 4 | 6;
  /** The packet's bytes (padding cut) with hop limit / TTL and IPv4 header checksum zeroed, as text. */
  readonly key: string;
  readonly hopLimit: number;
  /** Destination is multicast (IPv6 ff00::/8, IPv4 224.0.0.0/4). */
  readonly multicast: boolean;
}

export function identifyPacket(bytes: Uint8Array): PacketIdentity | null {
  const located = locateIpPacket(bytes);
  if (located === null) return null;
  const { offset, family } = located;
  const total = family === 6 ? 40 + ((bytes[offset + 4]! << 8) | bytes[offset + 5]!) : (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
  const end = Math.min(bytes.length, offset + total);
  const packet = bytes.slice(offset, end);
  let hopLimit: number;
  let multicast: boolean;
  if (family === 6) {
    hopLimit = packet[7] ?? 0;
    packet[7] = 0;
    multicast = packet[24] === 0xff;
  } else {
    hopLimit = packet[8] ?? 0;
    packet[8] = 0;
    packet[10] = 0;
    packet[11] = 0;
    multicast = ((packet[16] ?? 0) & 0xf0) === 0xe0;
  }
  let key = '';
  for (let i = 0; i < packet.length; i++) key += String.fromCharCode(packet[i]!);
  return { family, key, hopLimit, multicast };
}

/** The IPv6 or IPv4 destination address bytes of a packet in recorded bytes (for route lookups). */
export function destinationBytes(bytes: Uint8Array): { readonly family: 4 | 6; readonly address: Uint8Array } | null {
  const located = locateIpPacket(bytes);
  if (located === null) return null;
  const { offset, family } = located;
  return family === 6 ? { family, address: bytes.slice(offset + 24, offset + 40) } : { family, address: bytes.slice(offset + 16, offset + 20) };
}
