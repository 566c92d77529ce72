/**
 * pcapng writer (draft-ietf-opsawg-pcapng, "PCAP Now Generic"): a Section Header Block
 * (section 4.1) naming the application, one Interface Description Block (4.2) per captured
 * interface, and one Enhanced Packet Block (4.3) per frame, stamped with the simulator's virtual
 * time. It is incremental so a live capture can stream: add interfaces and packets in any order
 * (an interface before its first packet), `drain()` the bytes written so far, `finish()` the rest.
 *
 * Choices: little-endian blocks; if_tsresol = 9, so a timestamp is integer nanoseconds of virtual
 * time (since the start of the simulation, plus an optional if_tsoffset in seconds so Wireshark
 * shows a chosen date); section length -1 (unknown, as a stream cannot know it).
 * Leaves out: Simple Packet, Name Resolution, Interface Statistics and Decryption Secrets blocks,
 * and every option not listed in `OPTION` below. Reading is in `pcapng-reader.ts`.
 */
import type { PacketDirection } from './capture';
import { LINKTYPE_ETHERNET } from './capture';

/** Block type codes (section 11.1 of the draft). */
export const BLOCK_TYPE = {
  sectionHeader: 0x0a0d0d0a,
  interfaceDescription: 0x00000001,
  obsoletePacket: 0x00000002,
  simplePacket: 0x00000003,
  enhancedPacket: 0x00000006,
} as const;

/** Written in the SHB so a reader can tell the byte order (section 4.1). */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** Option codes used here (sections 3.5, 4.1, 4.2, 4.3). */
export const OPTION = {
  endOfOptions: 0,
  comment: 1,
  shbHardware: 2,
  shbOs: 3,
  shbUserApplication: 4,
  ifName: 2,
  ifDescription: 3,
  ifTimestampResolution: 9,
  ifTimestampOffset: 14,
  epbFlags: 2,
} as const;

/** Snap length written when none is given: Wireshark's default, larger than any simulated frame. */
export const DEFAULT_SNAP_LENGTH = 262_144;

/** epb_flags bits 0-1 (section 4.3.1): 01 inbound, 10 outbound. */
const DIRECTION_FLAGS: Record<PacketDirection, number> = { inbound: 0b01, outbound: 0b10 };

/** if_tsresol value: 10^-9 s units. */
const NANOSECOND_RESOLUTION = 9;

const TWO_POW_32 = 0x1_0000_0000;

export interface PcapngSection {
  /** shb_userappl; default "V6Lab". */
  readonly application?: string;
  /** shb_hardware, shb_os, opt_comment: omitted when undefined. */
  readonly hardware?: string;
  readonly os?: string;
  readonly comment?: string;
}

export interface PcapngInterface {
  /** if_name, e.g. "R1 GigabitEthernet0/0". */
  readonly name: string;
  /** if_description, e.g. "R1 to SW1 (2001:db8:1::/64)". */
  readonly description?: string;
  /** Default 262144; 0 means no limit. Longer packets are cut and keep their original length. */
  readonly snapLength?: number;
  /** LINKTYPE_*; default 1 (Ethernet). */
  readonly linkType?: number;
  /** if_tsoffset in seconds added to every timestamp, e.g. to show a course date; default 0 (omitted). */
  readonly epochOffsetS?: number;
}

export interface PcapngPacket {
  /** The id `addInterface` returned. */
  readonly interfaceId: number;
  /** Virtual time in integer nanoseconds since the start of the simulation. */
  readonly timeNs: number;
  /** The whole frame, without FCS. */
  readonly bytes: Uint8Array;
  /** Length on the wire when `bytes` is already cut; default `bytes.length`. */
  readonly originalLength?: number;
  readonly direction?: PacketDirection;
  /** opt_comment, e.g. a drop reason. */
  readonly comment?: string;
}

export interface PcapngWriter {
  /** Writes an Interface Description Block; returns the interface id packets refer to. */
  addInterface(iface: PcapngInterface): number;
  /** Writes an Enhanced Packet Block. */
  addPacket(packet: PcapngPacket): void;
  /** The bytes written since the last drain (the SHB first), for streaming to a file. */
  drain(): Uint8Array;
  /** The bytes not yet drained (the whole file when never drained); the writer is then closed. */
  finish(): Uint8Array;
  readonly interfaceCount: number;
  readonly packetCount: number;
}

interface Option {
  readonly code: number;
  readonly value: Uint8Array;
}

const textEncoder = new TextEncoder();

function stringOption(code: number, text: string): Option {
  return { code, value: textEncoder.encode(text) };
}

function padTo4(length: number): number {
  return (length + 3) & ~3;
}

function optionsLength(options: readonly Option[]): number {
  if (options.length === 0) return 0;
  // Each option is code, length, value padded to 32 bits; the list ends with opt_endofopt (3.5).
  return options.reduce((sum, option) => sum + 4 + padTo4(option.value.length), 0) + 4;
}

function writeOptions(view: DataView, bytes: Uint8Array, offset: number, options: readonly Option[]): number {
  if (options.length === 0) return offset;
  for (const option of options) {
    view.setUint16(offset, option.code, true);
    view.setUint16(offset + 2, option.value.length, true);
    bytes.set(option.value, offset + 4);
    offset += 4 + padTo4(option.value.length);
  }
  view.setUint32(offset, 0, true); // opt_endofopt, length 0
  return offset + 4;
}

/**
 * Lays out a block: type, total length, `bodyLength` bytes filled by `fillBody`, options, and
 * the total length again (section 3.1). Padding bytes stay zero.
 */
function encodeBlock(type: number, bodyLength: number, options: readonly Option[], fillBody: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const totalLength = 8 + padTo4(bodyLength) + optionsLength(options) + 4;
  const bytes = new Uint8Array(totalLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, totalLength, true);
  fillBody(view, bytes);
  writeOptions(view, bytes, 8 + padTo4(bodyLength), options);
  view.setUint32(totalLength - 4, totalLength, true);
  return bytes;
}

/** A Section Header Block, version 1.0, section length unknown (section 4.1). */
export function encodeSectionHeaderBlock(section: PcapngSection = {}): Uint8Array {
  const options: Option[] = [];
  if (section.comment !== undefined) options.push(stringOption(OPTION.comment, section.comment));
  if (section.hardware !== undefined) options.push(stringOption(OPTION.shbHardware, section.hardware));
  if (section.os !== undefined) options.push(stringOption(OPTION.shbOs, section.os));
  options.push(stringOption(OPTION.shbUserApplication, section.application ?? 'V6Lab'));
  return encodeBlock(BLOCK_TYPE.sectionHeader, 16, options, (view) => {
    view.setUint32(8, BYTE_ORDER_MAGIC, true);
    view.setUint16(12, 1, true); // major version
    view.setUint16(14, 0, true); // minor version
    view.setInt32(16, -1, true); // section length: -1 = not specified (64 bits)
    view.setInt32(20, -1, true);
  });
}

function checkNonNegativeInteger(what: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`pcapng: ${what} must be an integer from 0 to ${max}, got ${value}`);
  }
}

/** An Interface Description Block with if_name, if_description, if_tsresol = 9 and if_tsoffset (section 4.2). */
export function encodeInterfaceDescriptionBlock(iface: PcapngInterface): Uint8Array {
  const snapLength = iface.snapLength ?? DEFAULT_SNAP_LENGTH;
  const linkType = iface.linkType ?? LINKTYPE_ETHERNET;
  const epochOffsetS = iface.epochOffsetS ?? 0;
  checkNonNegativeInteger('snap length', snapLength, 0xffff_ffff);
  checkNonNegativeInteger('link type', linkType, 0xffff);
  if (!Number.isSafeInteger(epochOffsetS)) throw new RangeError(`pcapng: epoch offset must be whole seconds, got ${epochOffsetS}`);
  const options: Option[] = [stringOption(OPTION.ifName, iface.name)];
  if (iface.description !== undefined) options.push(stringOption(OPTION.ifDescription, iface.description));
  options.push({ code: OPTION.ifTimestampResolution, value: Uint8Array.of(NANOSECOND_RESOLUTION) });
  if (epochOffsetS !== 0) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigInt64(0, BigInt(epochOffsetS), true);
    options.push({ code: OPTION.ifTimestampOffset, value });
  }
  return encodeBlock(BLOCK_TYPE.interfaceDescription, 8, options, (view) => {
    view.setUint16(8, linkType, true);
    view.setUint16(10, 0, true); // reserved
    view.setUint32(12, snapLength, true);
  });
}

/**
 * An Enhanced Packet Block (section 4.3) for an interface whose snap length is `snapLength`:
 * the timestamp is split into high and low 32-bit words of the 64-bit nanosecond count.
 */
export function encodeEnhancedPacketBlock(packet: PcapngPacket, snapLength = 0): Uint8Array {
  checkNonNegativeInteger('timestamp (ns)', packet.timeNs, Number.MAX_SAFE_INTEGER);
  checkNonNegativeInteger('interface id', packet.interfaceId, 0xffff_ffff);
  const capturedLength = snapLength > 0 ? Math.min(packet.bytes.length, snapLength) : packet.bytes.length;
  const originalLength = packet.originalLength ?? packet.bytes.length;
  if (!Number.isInteger(originalLength) || originalLength < packet.bytes.length || originalLength > 0xffff_ffff) {
    throw new RangeError(`pcapng: original length ${originalLength} is shorter than the ${packet.bytes.length} bytes given`);
  }
  const options: Option[] = [];
  if (packet.direction !== undefined) {
    const value = new Uint8Array(4);
    new DataView(value.buffer).setUint32(0, DIRECTION_FLAGS[packet.direction], true);
    options.push({ code: OPTION.epbFlags, value });
  }
  if (packet.comment !== undefined) options.push(stringOption(OPTION.comment, packet.comment));
  return encodeBlock(BLOCK_TYPE.enhancedPacket, 20 + capturedLength, options, (view, bytes) => {
    view.setUint32(8, packet.interfaceId, true);
    view.setUint32(12, Math.floor(packet.timeNs / TWO_POW_32), true);
    view.setUint32(16, packet.timeNs % TWO_POW_32, true);
    view.setUint32(20, capturedLength, true);
    view.setUint32(24, originalLength, true);
    bytes.set(capturedLength === packet.bytes.length ? packet.bytes : packet.bytes.subarray(0, capturedLength), 28);
  });
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Starts a capture file: the Section Header Block is written at once. Passing a packet for an
 * interface not yet added, a negative or fractional time, or adding after `finish()` is a bug in
 * the caller and throws a RangeError.
 */
export function createPcapngWriter(section: PcapngSection = {}): PcapngWriter {
  let pending: Uint8Array[] = [encodeSectionHeaderBlock(section)];
  const snapLengths: number[] = [];
  let packetCount = 0;
  let finished = false;

  function checkOpen(): void {
    if (finished) throw new RangeError('pcapng: the writer is finished');
  }

  return {
    addInterface(iface) {
      checkOpen();
      pending.push(encodeInterfaceDescriptionBlock(iface));
      snapLengths.push(iface.snapLength ?? DEFAULT_SNAP_LENGTH);
      return snapLengths.length - 1;
    },
    addPacket(packet) {
      checkOpen();
      const snapLength = snapLengths[packet.interfaceId];
      if (snapLength === undefined) throw new RangeError(`pcapng: no interface ${packet.interfaceId} (add it first)`);
      pending.push(encodeEnhancedPacketBlock(packet, snapLength));
      packetCount += 1;
    },
    drain() {
      const bytes = concatenate(pending);
      pending = [];
      return bytes;
    },
    finish() {
      finished = true;
      const bytes = concatenate(pending);
      pending = [];
      return bytes;
    },
    get interfaceCount() {
      return snapLengths.length;
    },
    get packetCount() {
      return packetCount;
    },
  };
}

/** A whole file in one call: the interfaces (ids 0, 1, … in order) then the packets. */
export function writePcapng(interfaces: readonly PcapngInterface[], packets: readonly PcapngPacket[], section: PcapngSection = {}): Uint8Array {
  const writer = createPcapngWriter(section);
  for (const iface of interfaces) writer.addInterface(iface);
  for (const packet of packets) writer.addPacket(packet);
  return writer.finish();
}
