/**
 * Ethernet II frames (IEEE 802.3 clause 3 with the DIX EtherType): destination, source, any
 * stacked 802.1Q/802.1ad tags (outermost first), EtherType, payload. Frames are handled without
 * the FCS, as captures show them. Encoding can pad to the 60-byte minimum as a NIC does; decoding
 * keeps any padding in the payload (the IPv4 decoder trims it using Total Length).
 * Left out: 802.3 length/LLC/SNAP frames (a Type below 0x0600 is kept as a number), jumbo checks.
 */
import { formatMac, readMac, writeMac, type MacAddress } from '../addr/mac';
import { field, type DescribedLayer, type FieldNode } from './describe';
import { decoded, truncated, type Decoded } from './result';
import { describeEtherType, isVlanTpid, readVlanTag, writeVlanTag, type VlanTag } from './vlan';
import { allocateBytes } from './frame-bytes';

export { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './protocol-numbers';

/** Minimum frame length without FCS (64 bytes on the wire minus the 4-byte FCS). */
export const ETHERNET_MIN_FRAME_LENGTH = 60;
export const ETHERNET_HEADER_LENGTH = 14;

export interface EthernetFrame {
  readonly destination: MacAddress;
  readonly source: MacAddress;
  /** 802.1Q/802.1ad tags in wire order (outermost first); empty when untagged. */
  readonly vlanTags: readonly VlanTag[];
  /** The EtherType after the last tag (0x0800 IPv4, 0x0806 ARP, 0x86dd IPv6). */
  readonly etherType: number;
  readonly payload: Uint8Array;
}

export interface EncodeEthernetOptions {
  /** Pad with zero bytes to the 60-byte minimum, as a real NIC does. Default false. */
  readonly padToMinimum?: boolean;
}

const NO_TAGS: readonly VlanTag[] = Object.freeze([]);

export function decodeEthernet(bytes: Uint8Array): Decoded<EthernetFrame> {
  if (bytes.length < ETHERNET_HEADER_LENGTH) return truncated('Ethernet', ETHERNET_HEADER_LENGTH, bytes.length);
  let offset = 12;
  let etherType = (bytes[12]! << 8) | bytes[13]!;
  let vlanTags = NO_TAGS;
  if (isVlanTpid(etherType)) {
    const tags: VlanTag[] = [];
    while (isVlanTpid(etherType)) {
      if (bytes.length < offset + 6) return truncated('802.1Q', offset + 6, bytes.length);
      tags.push(readVlanTag(bytes, offset));
      offset += 4;
      etherType = (bytes[offset]! << 8) | bytes[offset + 1]!;
    }
    vlanTags = tags;
  }
  return decoded({
    destination: readMac(bytes, 0),
    source: readMac(bytes, 6),
    vlanTags,
    etherType,
    payload: bytes.subarray(offset + 2),
  });
}

export function encodeEthernet(frame: EthernetFrame, options: EncodeEthernetOptions = {}): Uint8Array {
  const headerLength = ETHERNET_HEADER_LENGTH + 4 * frame.vlanTags.length;
  let length = headerLength + frame.payload.length;
  if (options.padToMinimum && length < ETHERNET_MIN_FRAME_LENGTH) length = ETHERNET_MIN_FRAME_LENGTH;
  const bytes = allocateBytes(length);
  writeMac(bytes, 0, frame.destination);
  writeMac(bytes, 6, frame.source);
  let offset = 12;
  for (const tag of frame.vlanTags) {
    writeVlanTag(bytes, offset, tag);
    offset += 4;
  }
  bytes[offset] = frame.etherType >>> 8;
  bytes[offset + 1] = frame.etherType & 0xff;
  bytes.set(frame.payload, headerLength);
  return bytes;
}

function describeAddress(name: string, frame: Uint8Array, offset: number): FieldNode {
  const mac = readMac(frame, offset);
  const text = formatMac(mac);
  const first = frame[offset]!;
  return field(name, text, offset, 6, [
    field('Address', text, offset, 6),
    field('LG bit', first & 2 ? 'Locally administered address (this is NOT the factory default)' : 'Globally unique address (factory default)', offset, 3),
    field('IG bit', first & 1 ? 'Group address (multicast/broadcast)' : 'Individual address (unicast)', offset, 3),
  ]);
}

/**
 * Describes the 14 bytes Wireshark calls "Ethernet II" (destination, source, Type). A VLAN tag
 * follows as its own layer (describeVlan). The next layer's EtherType is the 2 bytes before
 * `payloadOffset`. Info is "Ethernet II", what tshark prints when nothing above is decoded.
 */
export function describeEthernet(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  if (end - offset < ETHERNET_HEADER_LENGTH) return truncated('Ethernet', ETHERNET_HEADER_LENGTH, Math.max(0, end - offset));
  const etherType = (frame[offset + 12]! << 8) | frame[offset + 13]!;
  const fields = [
    describeAddress('Destination', frame, offset),
    describeAddress('Source', frame, offset + 6),
    field('Type', describeEtherType(etherType), offset + 12, 2),
  ];
  const title = `Src: ${formatMac(readMac(frame, offset + 6))}, Dst: ${formatMac(readMac(frame, offset))}`;
  return decoded({
    layer: { protocol: 'Ethernet II', title, offset, length: ETHERNET_HEADER_LENGTH, fields },
    info: 'Ethernet II',
    payloadOffset: offset + ETHERNET_HEADER_LENGTH,
    payloadEnd: end,
  });
}
