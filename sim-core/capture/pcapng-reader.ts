/**
 * pcapng reader (draft-ietf-opsawg-pcapng): sections in either byte order (section 4.1), their
 * Interface Description Blocks (4.2) with if_name, if_description, if_tsresol and if_tsoffset,
 * and packets from Enhanced (4.3), Simple (4.4) and obsolete Packet Blocks (appendix A).
 * Interface ids are per section (4.2); the result numbers interfaces across the whole file.
 * Every block's two length fields must agree and stay inside the file (3.1); a problem gives a
 * typed error with its file offset and the packets read before it, never a throw.
 * Leaves out: Name Resolution, Interface Statistics, Decryption Secrets and custom blocks (skipped),
 * options other than the ones above, and the SHB section length (blocks are walked instead).
 */
import type { DecodeErrorKind } from '../wire/result';
import type { Capture, CaptureInterface, CaptureReadResult, CapturedPacket, PacketDirection } from './capture';
import { BLOCK_TYPE, BYTE_ORDER_MAGIC, OPTION } from './pcapng';

const LAYER = 'pcapng';
const NS_PER_S = 1_000_000_000n;
/** Options code → values in order (an option may repeat, section 3.5). */
type Options = Map<number, Uint8Array[]>;

class Failure {
  constructor(
    readonly kind: DecodeErrorKind,
    readonly offset: number,
    readonly message: string,
  ) {}
}

const textDecoder = new TextDecoder('utf-8', { fatal: false });

function readText(value: Uint8Array | undefined): string | undefined {
  // Strings are UTF-8 and not zero-terminated, but some writers add a terminator (3.5).
  if (value === undefined) return undefined;
  const end = value.indexOf(0);
  return textDecoder.decode(end === -1 ? value : value.subarray(0, end));
}

/** Reads the options in `[start, end)`; opt_endofopt may be missing when the list fills the block. */
function readOptions(bytes: Uint8Array, view: DataView, start: number, end: number, littleEndian: boolean): Options | Failure {
  const options: Options = new Map();
  let offset = start;
  while (offset + 4 <= end) {
    const code = view.getUint16(offset, littleEndian);
    const length = view.getUint16(offset + 2, littleEndian);
    if (code === OPTION.endOfOptions) break;
    const valueEnd = offset + 4 + length;
    if (valueEnd > end) return new Failure('bad-value', offset, `option ${code} at offset ${offset} is ${length} bytes long and runs past its block`);
    const values = options.get(code) ?? [];
    values.push(bytes.slice(offset + 4, valueEnd));
    options.set(code, values);
    offset = offset + 4 + ((length + 3) & ~3);
  }
  return options;
}

/** Converts a timestamp in if_tsresol units to whole nanoseconds (finer units are truncated). */
function ticksToNs(ticks: bigint, resolution: CaptureInterface['timestampResolution']): bigint {
  if (resolution.base === 10) {
    return resolution.exponent <= 9 ? ticks * 10n ** BigInt(9 - resolution.exponent) : ticks / 10n ** BigInt(resolution.exponent - 9);
  }
  return (ticks * NS_PER_S) >> BigInt(resolution.exponent);
}

function readInterface(bytes: Uint8Array, view: DataView, offset: number, totalLength: number, littleEndian: boolean): CaptureInterface | Failure {
  if (totalLength < 20) return new Failure('bad-value', offset, `Interface Description Block at offset ${offset} is ${totalLength} bytes, needs at least 20`);
  const options = readOptions(bytes, view, offset + 16, offset + totalLength - 4, littleEndian);
  if (options instanceof Failure) return options;
  const resolutionByte = options.get(OPTION.ifTimestampResolution)?.[0]?.[0];
  // if_tsresol: high bit clear → 10^-n s, set → 2^-n s; absent → microseconds (4.2).
  const timestampResolution =
    resolutionByte === undefined
      ? ({ base: 10, exponent: 6 } as const)
      : ({ base: resolutionByte & 0x80 ? 2 : 10, exponent: resolutionByte & 0x7f } as const);
  const offsetValue = options.get(OPTION.ifTimestampOffset)?.[0];
  const timestampOffsetS =
    offsetValue !== undefined && offsetValue.length >= 8 ? new DataView(offsetValue.buffer, offsetValue.byteOffset, 8).getBigInt64(0, littleEndian) : 0n;
  const name = readText(options.get(OPTION.ifName)?.[0]);
  const description = readText(options.get(OPTION.ifDescription)?.[0]);
  return {
    linkType: view.getUint16(offset + 8, littleEndian),
    snapLength: view.getUint32(offset + 12, littleEndian),
    ...(name !== undefined && { name }),
    ...(description !== undefined && { description }),
    timestampResolution,
    timestampOffsetS,
  };
}

interface Section {
  readonly littleEndian: boolean;
  /** Section-local interface id → index in the whole file's interface list. */
  readonly interfaceIndexes: number[];
}

/** Enhanced Packet Block (type 6) or obsolete Packet Block (type 2): same layout after the interface id. */
function readPacket(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  totalLength: number,
  section: Section,
  interfaces: readonly CaptureInterface[],
  obsolete: boolean,
): CapturedPacket | Failure {
  const name = obsolete ? 'Packet Block' : 'Enhanced Packet Block';
  if (totalLength < 32) return new Failure('bad-value', offset, `${name} at offset ${offset} is ${totalLength} bytes, needs at least 32`);
  const le = section.littleEndian;
  const interfaceId = obsolete ? view.getUint16(offset + 8, le) : view.getUint32(offset + 8, le);
  const interfaceIndex = section.interfaceIndexes[interfaceId];
  if (interfaceIndex === undefined) {
    return new Failure('bad-value', offset + 8, `${name} at offset ${offset} names interface ${interfaceId}, but its section describes ${section.interfaceIndexes.length}`);
  }
  const iface = interfaces[interfaceIndex]!;
  const ticks = (BigInt(view.getUint32(offset + 12, le)) << 32n) | BigInt(view.getUint32(offset + 16, le));
  const capturedLength = view.getUint32(offset + 20, le);
  const originalLength = view.getUint32(offset + 24, le);
  const dataEnd = offset + 28 + capturedLength;
  if (dataEnd > offset + totalLength - 4) {
    return new Failure('bad-value', offset + 20, `${name} at offset ${offset} claims ${capturedLength} captured bytes, more than the block holds`);
  }
  const options = readOptions(bytes, view, offset + 28 + ((capturedLength + 3) & ~3), offset + totalLength - 4, le);
  if (options instanceof Failure) return options;
  let direction: PacketDirection | undefined;
  const flags = options.get(OPTION.epbFlags)?.[0];
  if (!obsolete && flags !== undefined && flags.length >= 4) {
    const bits = new DataView(flags.buffer, flags.byteOffset, 4).getUint32(0, le) & 0b11;
    direction = bits === 0b01 ? 'inbound' : bits === 0b10 ? 'outbound' : undefined;
  }
  const comment = readText(options.get(OPTION.comment)?.[0]);
  return {
    interfaceIndex,
    timestampNs: ticksToNs(ticks, iface.timestampResolution) + iface.timestampOffsetS * NS_PER_S,
    bytes: bytes.slice(offset + 28, dataEnd),
    originalLength: Math.max(originalLength, capturedLength),
    ...(direction !== undefined && { direction }),
    ...(comment !== undefined && { comment }),
  };
}

/** Simple Packet Block (4.4): interface 0 of the section, no timestamp, captured length implied. */
function readSimplePacket(bytes: Uint8Array, view: DataView, offset: number, totalLength: number, section: Section, interfaces: readonly CaptureInterface[]): CapturedPacket | Failure {
  if (totalLength < 16) return new Failure('bad-value', offset, `Simple Packet Block at offset ${offset} is ${totalLength} bytes, needs at least 16`);
  const interfaceIndex = section.interfaceIndexes[0];
  if (interfaceIndex === undefined) return new Failure('bad-value', offset, `Simple Packet Block at offset ${offset} comes before any interface of its section`);
  const originalLength = view.getUint32(offset + 8, section.littleEndian);
  const snapLength = interfaces[interfaceIndex]!.snapLength;
  const room = totalLength - 16;
  const capturedLength = Math.min(originalLength, snapLength > 0 ? snapLength : originalLength, room);
  return { interfaceIndex, timestampNs: undefined, bytes: bytes.slice(offset + 12, offset + 12 + capturedLength), originalLength };
}

/** Reads a whole pcapng file. Never throws. */
export function readPcapng(bytes: Uint8Array): CaptureReadResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const interfaces: CaptureInterface[] = [];
  const packets: CapturedPacket[] = [];
  let application: string | undefined;
  let section: Section | undefined;

  const result = (): Capture => ({ format: 'pcapng', interfaces, packets, ...(application !== undefined && { application }) });
  const fail = (kind: DecodeErrorKind, offset: number, message: string): CaptureReadResult => ({
    ok: false,
    error: { layer: LAYER, kind, offset, message: `${LAYER}: ${message}` },
    partial: result(),
  });

  if (bytes.length === 0) return fail('truncated', 0, 'the file is empty');
  let offset = 0;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < 12) return fail('truncated', offset, `block at offset ${offset} needs at least 12 bytes, only ${remaining} left`);
    // The SHB type reads the same in both byte orders; its magic tells the order (4.1).
    const isSectionHeader = view.getUint32(offset, true) === BLOCK_TYPE.sectionHeader;
    let littleEndian: boolean;
    if (isSectionHeader) {
      const magic = view.getUint32(offset + 8, true);
      if (magic === BYTE_ORDER_MAGIC) littleEndian = true;
      else if (view.getUint32(offset + 8, false) === BYTE_ORDER_MAGIC) littleEndian = false;
      else return fail('bad-value', offset + 8, `Section Header Block at offset ${offset} has byte-order magic 0x${magic.toString(16)}, expected 0x1a2b3c4d`);
    } else if (section === undefined) {
      return fail('bad-value', offset, 'not a pcapng file: it does not start with a Section Header Block (0x0a0d0d0a)');
    } else {
      littleEndian = section.littleEndian;
    }
    const type = view.getUint32(offset, littleEndian);
    const totalLength = view.getUint32(offset + 4, littleEndian);
    if (totalLength < 12 || totalLength % 4 !== 0) {
      return fail('bad-value', offset + 4, `block at offset ${offset} has total length ${totalLength}, which is not a multiple of 4 of at least 12`);
    }
    if (totalLength > remaining) return fail('truncated', offset + 4, `block at offset ${offset} is ${totalLength} bytes long, only ${remaining} left in the file`);
    const trailingLength = view.getUint32(offset + totalLength - 4, littleEndian);
    if (trailingLength !== totalLength) {
      return fail('bad-value', offset + totalLength - 4, `block at offset ${offset} starts with length ${totalLength} but ends with ${trailingLength}`);
    }

    if (isSectionHeader) {
      if (totalLength < 28) return fail('bad-value', offset, `Section Header Block at offset ${offset} is ${totalLength} bytes, needs at least 28`);
      const major = view.getUint16(offset + 12, littleEndian);
      if (major !== 1) return fail('unsupported', offset + 12, `Section Header Block at offset ${offset} has major version ${major}, only 1 is defined`);
      const options = readOptions(bytes, view, offset + 24, offset + totalLength - 4, littleEndian);
      if (options instanceof Failure) return fail(options.kind, options.offset, options.message);
      if (section === undefined) application = readText(options.get(OPTION.shbUserApplication)?.[0]);
      section = { littleEndian, interfaceIndexes: [] };
    } else if (section !== undefined && type === BLOCK_TYPE.interfaceDescription) {
      const iface = readInterface(bytes, view, offset, totalLength, littleEndian);
      if (iface instanceof Failure) return fail(iface.kind, iface.offset, iface.message);
      section.interfaceIndexes.push(interfaces.length);
      interfaces.push(iface);
    } else if (section !== undefined) {
      const packet =
        type === BLOCK_TYPE.enhancedPacket
          ? readPacket(bytes, view, offset, totalLength, section, interfaces, false)
          : type === BLOCK_TYPE.obsoletePacket
            ? readPacket(bytes, view, offset, totalLength, section, interfaces, true)
            : type === BLOCK_TYPE.simplePacket
              ? readSimplePacket(bytes, view, offset, totalLength, section, interfaces)
              : undefined; // other block types carry no packet: skipped
      if (packet instanceof Failure) return fail(packet.kind, packet.offset, packet.message);
      if (packet !== undefined) packets.push(packet);
    }
    offset += totalLength;
  }
  return { ok: true, value: result() };
}
