/**
 * ARP for IPv4 over Ethernet (RFC 826): request, reply, and the gratuitous forms (RFC 5227
 * section 3 announcement, probe with sender 0.0.0.0). Only the Ethernet/IPv4 form is decoded
 * (hardware size 6, protocol type 0x0800, protocol size 4); hardware type 1 (Ethernet) and
 * 6 (IEEE 802) are accepted. Bytes after the 28-byte packet (Ethernet padding) are ignored.
 * Left out: RARP/InARP semantics (their opcodes are decoded as numbers), other hardware sizes.
 */
import { formatIpv4, readIpv4, writeIpv4, type Ipv4Address } from '../addr/ipv4';
import { formatMac, readMac, writeMac, type MacAddress } from '../addr/mac';
import { field, hex, type DescribedLayer } from './describe';
import { decoded, decodeError, truncated, type Decoded } from './result';

export const ARP_PACKET_LENGTH = 28;
export const ARP_HARDWARE_ETHERNET = 1;
export const ARP_OPCODE_REQUEST = 1;
export const ARP_OPCODE_REPLY = 2;

export interface ArpPacket {
  /** 1 Ethernet, 6 IEEE 802. */
  readonly hardwareType: number;
  /** 1 request, 2 reply (3/4 RARP, 8/9 InARP kept as numbers). */
  readonly opcode: number;
  readonly senderMac: MacAddress;
  readonly senderIp: Ipv4Address;
  readonly targetMac: MacAddress;
  readonly targetIp: Ipv4Address;
}

export function decodeArp(bytes: Uint8Array): Decoded<ArpPacket> {
  if (bytes.length < ARP_PACKET_LENGTH) return truncated('ARP', ARP_PACKET_LENGTH, bytes.length);
  const hardwareType = (bytes[0]! << 8) | bytes[1]!;
  const protocolType = (bytes[2]! << 8) | bytes[3]!;
  if (protocolType !== 0x0800) return decodeError('ARP', 'unsupported', 2, `ARP: protocol type ${hex(protocolType, 4)} is not IPv4 (0x0800)`);
  if (bytes[4] !== 6 || bytes[5] !== 4) {
    return decodeError('ARP', 'unsupported', 4, `ARP: hardware size ${bytes[4]} and protocol size ${bytes[5]} are not Ethernet/IPv4 (6 and 4)`);
  }
  return decoded({
    hardwareType,
    opcode: (bytes[6]! << 8) | bytes[7]!,
    senderMac: readMac(bytes, 8),
    senderIp: readIpv4(bytes, 14),
    targetMac: readMac(bytes, 18),
    targetIp: readIpv4(bytes, 24),
  });
}

export function encodeArp(packet: ArpPacket): Uint8Array {
  const bytes = new Uint8Array(ARP_PACKET_LENGTH);
  bytes[0] = packet.hardwareType >>> 8;
  bytes[1] = packet.hardwareType & 0xff;
  bytes[2] = 0x08;
  bytes[4] = 6;
  bytes[5] = 4;
  bytes[6] = packet.opcode >>> 8;
  bytes[7] = packet.opcode & 0xff;
  writeMac(bytes, 8, packet.senderMac);
  writeIpv4(bytes, 14, packet.senderIp);
  writeMac(bytes, 18, packet.targetMac);
  writeIpv4(bytes, 24, packet.targetIp);
  return bytes;
}

const OPCODE_NAMES: Readonly<Record<number, string>> = {
  1: 'request',
  2: 'reply',
  3: 'reverse request',
  4: 'reverse reply',
  5: 'drarp request',
  6: 'drarp reply',
  7: 'drarp error',
  8: 'inarp request',
  9: 'inarp reply',
};

const HARDWARE_NAMES: Readonly<Record<number, string>> = { 1: 'Ethernet', 6: 'IEEE 802' };

/** tshark's Info text and the title's qualifier ("request/gratuitous ARP") for a packet. */
function arpSummary(p: ArpPacket): { info: string; kind: string } {
  const opName = OPCODE_NAMES[p.opcode] ?? 'unknown';
  const gratuitous = p.senderIp === p.targetIp;
  if (p.opcode === ARP_OPCODE_REQUEST) {
    // RFC 5227 section 2.3 announcement: target hardware address zero; probe (2.1.1): sender 0.0.0.0.
    if (gratuitous && p.targetMac === 0) return { info: `ARP Announcement for ${formatIpv4(p.targetIp)}`, kind: 'request/gratuitous ARP' };
    if (gratuitous) return { info: `Gratuitous ARP for ${formatIpv4(p.targetIp)} (Request)`, kind: 'request/gratuitous ARP' };
    if (p.senderIp === 0) return { info: `Who has ${formatIpv4(p.targetIp)}? (ARP Probe)`, kind: 'ARP Probe' };
    return { info: `Who has ${formatIpv4(p.targetIp)}? Tell ${formatIpv4(p.senderIp)}`, kind: opName };
  }
  if (p.opcode === ARP_OPCODE_REPLY) {
    if (gratuitous) return { info: `Gratuitous ARP for ${formatIpv4(p.senderIp)} (Reply)`, kind: 'reply/gratuitous ARP' };
    return { info: `${formatIpv4(p.senderIp)} is at ${formatMac(p.senderMac)}`, kind: opName };
  }
  if (p.opcode === 3 || p.opcode === 5) return { info: `Who is ${formatMac(p.targetMac)}? Tell ${formatMac(p.senderMac)}`, kind: opName };
  if (p.opcode === 4 || p.opcode === 6) return { info: `${formatMac(p.targetMac)} is at ${formatIpv4(p.targetIp)}`, kind: opName };
  return { info: `Unknown ARP opcode 0x${p.opcode.toString(16).padStart(4, '0')}`, kind: opName };
}

/** Describes the 28-byte packet at `offset`; info as tshark prints it ("Who has 192.0.2.1? Tell 192.0.2.10"). */
export function describeArp(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  const result = decodeArp(frame.subarray(offset, end));
  if (!result.ok) return result;
  const p = result.value;
  const { info, kind } = arpSummary(p);
  const fields = [
    field('Hardware type', `${HARDWARE_NAMES[p.hardwareType] ?? 'Unknown'} (${p.hardwareType})`, offset, 2),
    field('Protocol type', 'IPv4 (0x0800)', offset + 2, 2),
    field('Hardware size', '6', offset + 4, 1),
    field('Protocol size', '4', offset + 5, 1),
    field('Opcode', `${OPCODE_NAMES[p.opcode] ?? 'Unknown'} (${p.opcode})`, offset + 6, 2),
    field('Sender MAC address', formatMac(p.senderMac), offset + 8, 6),
    field('Sender IP address', formatIpv4(p.senderIp), offset + 14, 4),
    field('Target MAC address', formatMac(p.targetMac), offset + 18, 6),
    field('Target IP address', formatIpv4(p.targetIp), offset + 24, 4),
  ];
  return decoded({
    layer: { protocol: 'ARP', title: `Address Resolution Protocol (${kind})`, offset, length: ARP_PACKET_LENGTH, fields },
    info,
    payloadOffset: offset + ARP_PACKET_LENGTH,
    payloadEnd: offset + ARP_PACKET_LENGTH,
  });
}
