/**
 * Classic libpcap file reader (draft-ietf-opsawg-pcap): the 24-byte file header in either byte
 * order, with the microsecond magic 0xa1b2c3d4 or the nanosecond magic 0xa1b23c4d (section 4),
 * then 16-byte packet record headers each followed by its captured bytes (section 5).
 * A problem gives a typed error with its file offset and the packets read before it, never a throw.
 * Leaves out: the FCS length bits of the link-type field, and thiszone (always 0 in practice).
 * A record whose original length is below its captured length is read with the captured length.
 */
import type { DecodeErrorKind } from '../wire/result';
import type { Capture, CaptureInterface, CaptureReadResult, CapturedPacket } from './capture';

const LAYER = 'pcap';
export const PCAP_MAGIC_MICROSECONDS = 0xa1b2c3d4;
export const PCAP_MAGIC_NANOSECONDS = 0xa1b23c4d;
const FILE_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;

/** Byte order and timestamp unit from the magic number, or undefined when it is not a pcap file. */
export function readPcapMagic(bytes: Uint8Array): { littleEndian: boolean; nanoseconds: boolean } | undefined {
  if (bytes.length < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4);
  for (const littleEndian of [true, false]) {
    const magic = view.getUint32(0, littleEndian);
    if (magic === PCAP_MAGIC_MICROSECONDS) return { littleEndian, nanoseconds: false };
    if (magic === PCAP_MAGIC_NANOSECONDS) return { littleEndian, nanoseconds: true };
  }
  return undefined;
}

/** Reads a whole classic pcap file. Never throws. */
export function readPcap(bytes: Uint8Array): CaptureReadResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const interfaces: CaptureInterface[] = [];
  const packets: CapturedPacket[] = [];
  const result = (): Capture => ({ format: 'pcap', interfaces, packets });
  const fail = (kind: DecodeErrorKind, offset: number, message: string): CaptureReadResult => ({
    ok: false,
    error: { layer: LAYER, kind, offset, message: `${LAYER}: ${message}` },
    partial: result(),
  });

  const magic = readPcapMagic(bytes);
  if (magic === undefined) return fail('bad-value', 0, 'not a pcap file: the magic number is not 0xa1b2c3d4 or 0xa1b23c4d in either byte order');
  if (bytes.length < FILE_HEADER_LENGTH) return fail('truncated', bytes.length, `the file header needs ${FILE_HEADER_LENGTH} bytes, only ${bytes.length} present`);
  const le = magic.littleEndian;
  const major = view.getUint16(4, le);
  if (major !== 2) return fail('unsupported', 4, `major version ${major}, only 2 is defined`);
  interfaces.push({
    // LinkType is the low 16 bits; the upper bits may carry the FCS length (section 4).
    linkType: view.getUint32(20, le) & 0xffff,
    snapLength: view.getUint32(16, le),
    timestampResolution: { base: 10, exponent: magic.nanoseconds ? 9 : 6 },
    timestampOffsetS: 0n,
  });
  const nsPerUnit = magic.nanoseconds ? 1n : 1000n;

  let offset = FILE_HEADER_LENGTH;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < RECORD_HEADER_LENGTH) {
      return fail('truncated', offset, `packet record at offset ${offset} needs a ${RECORD_HEADER_LENGTH}-byte header, only ${remaining} bytes left`);
    }
    const seconds = view.getUint32(offset, le);
    const fraction = view.getUint32(offset + 4, le);
    const capturedLength = view.getUint32(offset + 8, le);
    const originalLength = view.getUint32(offset + 12, le);
    if (capturedLength > remaining - RECORD_HEADER_LENGTH) {
      return fail('truncated', offset + 8, `packet record at offset ${offset} claims ${capturedLength} captured bytes, only ${remaining - RECORD_HEADER_LENGTH} left`);
    }
    const dataStart = offset + RECORD_HEADER_LENGTH;
    packets.push({
      interfaceIndex: 0,
      timestampNs: BigInt(seconds) * 1_000_000_000n + BigInt(fraction) * nsPerUnit,
      bytes: bytes.slice(dataStart, dataStart + capturedLength),
      originalLength: Math.max(originalLength, capturedLength),
    });
    offset = dataStart + capturedLength;
  }
  return { ok: true, value: result() };
}
