/**
 * IEEE 802.1Q VLAN tags: the 4 bytes a tagged Ethernet frame carries after its source address, a
 * Tag Protocol Identifier (0x8100 C-tag, 0x88a8 S-tag of 802.1ad, 0x9100 old Q-in-Q) and a Tag
 * Control Information word (PCP 3 bits, DEI 1 bit, VID 12 bits). Also the switch operations:
 * push a tag onto an untagged frame and pop the outer one.
 * Left out: GARP/MRP, 802.1Q-2018 VID semantics beyond the numbers (0 priority-tagged, 4095
 * reserved are carried as given).
 */
import { field, hex, type DescribedLayer, type FieldNode } from './describe';
import { decoded, decodeError, truncated, type Decoded } from './result';
import { allocateBytes } from './frame-bytes';

export const TPID_8021Q = 0x8100;
export const TPID_8021AD = 0x88a8;
export const TPID_QINQ_LEGACY = 0x9100;

/** One tag, outermost first when stacked. */
export interface VlanTag {
  /** The EtherType that introduced the tag: 0x8100, 0x88a8 or 0x9100. */
  readonly tpid: number;
  /** Priority Code Point, 0-7 (802.1p class of service). */
  readonly pcp: number;
  /** Drop Eligible Indicator. */
  readonly dei: boolean;
  /** VLAN identifier, 0-4095. */
  readonly vid: number;
}

export function isVlanTpid(etherType: number): boolean {
  return etherType === TPID_8021Q || etherType === TPID_8021AD || etherType === TPID_QINQ_LEGACY;
}

/** Reads the tag whose TPID is at `offset`. The caller checks that 4 bytes are present. */
export function readVlanTag(bytes: Uint8Array, offset: number): VlanTag {
  const tci = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
  return { tpid: (bytes[offset]! << 8) | bytes[offset + 1]!, pcp: tci >>> 13, dei: (tci & 0x1000) !== 0, vid: tci & 0x0fff };
}

/** Writes TPID and TCI (4 bytes) at `offset`. */
export function writeVlanTag(bytes: Uint8Array, offset: number, tag: VlanTag): void {
  const tci = ((tag.pcp & 7) << 13) | (tag.dei ? 0x1000 : 0) | (tag.vid & 0x0fff);
  bytes[offset] = tag.tpid >>> 8;
  bytes[offset + 1] = tag.tpid & 0xff;
  bytes[offset + 2] = tci >>> 8;
  bytes[offset + 3] = tci & 0xff;
}

/** Decodes a 4-byte tag (TPID, TCI); the TPID must be one of the VLAN EtherTypes. */
export function decodeVlanTag(bytes: Uint8Array): Decoded<VlanTag> {
  if (bytes.length < 4) return truncated('802.1Q', 4, bytes.length);
  const tag = readVlanTag(bytes, 0);
  if (!isVlanTpid(tag.tpid)) return decodeError('802.1Q', 'bad-value', 0, `802.1Q: TPID ${hex(tag.tpid, 4)} is not a VLAN tag (0x8100, 0x88a8, 0x9100)`);
  return decoded(tag);
}

export function encodeVlanTag(tag: VlanTag): Uint8Array {
  const bytes = new Uint8Array(4);
  writeVlanTag(bytes, 0, tag);
  return bytes;
}

/** A switch egress on a trunk: inserts `tag` as the outermost tag, after the source address. */
export function pushVlanTag(frame: Uint8Array, tag: VlanTag): Decoded<Uint8Array> {
  if (frame.length < 14) return truncated('Ethernet', 14, frame.length);
  const out = allocateBytes(frame.length + 4);
  out.set(frame.subarray(0, 12), 0);
  writeVlanTag(out, 12, tag);
  out.set(frame.subarray(12), 16);
  return decoded(out);
}

/** A switch ingress on a trunk: removes the outermost tag; `frame` is the untagged (or inner-tagged) frame. */
export function popVlanTag(frame: Uint8Array): Decoded<{ readonly tag: VlanTag; readonly frame: Uint8Array }> {
  if (frame.length < 18) return truncated('802.1Q', 18, frame.length);
  const tag = readVlanTag(frame, 12);
  if (!isVlanTpid(tag.tpid)) return decodeError('802.1Q', 'bad-value', 12, `802.1Q: frame is untagged (EtherType ${hex(tag.tpid, 4)})`);
  const out = allocateBytes(frame.length - 4);
  out.set(frame.subarray(0, 12), 0);
  out.set(frame.subarray(16), 12);
  return decoded({ tag, frame: out });
}

const PRIORITY_NAMES = [
  'Best Effort (default)',
  'Background',
  'Excellent Effort',
  'Critical Applications',
  'Video, < 100ms latency and jitter',
  'Voice, < 10ms latency and jitter',
  'Internetwork Control',
  'Network Control',
];

const ETHERTYPE_NAMES: Readonly<Record<number, string>> = {
  0x0800: 'IPv4',
  0x0806: 'ARP',
  0x8100: '802.1Q Virtual LAN',
  0x86dd: 'IPv6',
  0x88a8: '802.1ad Provider Bridge (Q-in-Q)',
  0x9100: 'VLAN tagged frame (0x9100)',
};

/** "IPv6 (0x86dd)" or "Unknown (0x1234)", as Wireshark shows a Type field. */
export function describeEtherType(etherType: number): string {
  return `${ETHERTYPE_NAMES[etherType] ?? 'Unknown'} (${hex(etherType, 4)})`;
}

/**
 * Describes the 802.1Q layer as Wireshark splits it: the TCI and the inner Type at `offset` (the
 * TPID is the Type of the layer before). The next layer's EtherType is the 2 bytes before `payloadOffset`.
 */
export function describeVlan(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  if (end - offset < 4) return truncated('802.1Q', 4, Math.max(0, end - offset));
  const tci = (frame[offset]! << 8) | frame[offset + 1]!;
  const pcp = tci >>> 13;
  const dei = (tci >>> 12) & 1;
  const vid = tci & 0x0fff;
  const etherType = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const fields: FieldNode[] = [
    field('Priority', `${PRIORITY_NAMES[pcp]} (${pcp})`, offset, 2),
    field('DEI', dei ? 'Eligible' : 'Ineligible', offset, 2),
    field('ID', String(vid), offset, 2),
    field('Type', describeEtherType(etherType), offset + 2, 2),
  ];
  return decoded({
    layer: { protocol: '802.1Q Virtual LAN', title: `PRI: ${pcp}, DEI: ${dei}, ID: ${vid}`, offset, length: 4, fields },
    info: `PRI: ${pcp}  DEI: ${dei}  ID: ${vid}`,
    payloadOffset: offset + 4,
    payloadEnd: end,
  });
}
