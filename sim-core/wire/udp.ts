/**
 * UDP headers (RFC 768): ports, length, and the checksum over the IPv4 or IPv6 pseudo-header
 * (RFC 768, RFC 8200 section 8.1). The Length field must match the bytes given (the IP layer
 * hands over exactly its payload). Over IPv4 a zero checksum means "none" and is kept as
 * `noChecksum: true`; over IPv6 it is invalid (RFC 8200 section 8.1) and decodes to 'bad-checksum'.
 * A computed checksum of zero is sent as 0xffff (RFC 768).
 * Left out: IPv6 jumbograms (RFC 2675, Length 0), UDP-Lite, RFC 6936 zero-checksum tunnels.
 */
import { badChecksum, expectedChecksum, pseudoHeaderSum, type ChecksumOptions, type PseudoHeader } from './checksum';
import { checksumText, field, hex, type DescribedLayer } from './describe';
import { decoded, decodeError, truncated, type Decoded } from './result';
import { allocateBytes } from './frame-bytes';
import { IP_PROTOCOL_UDP } from './protocol-numbers';

export const UDP_HEADER_LENGTH = 8;

export interface UdpDatagram {
  readonly sourcePort: number;
  readonly destinationPort: number;
  /** Set when the checksum field is zero: "no checksum" over IPv4 (RFC 768). Absent otherwise. */
  readonly noChecksum?: true;
  readonly payload: Uint8Array;
}

export function decodeUdp(bytes: Uint8Array, pseudo: PseudoHeader, options: ChecksumOptions = {}): Decoded<UdpDatagram> {
  if (bytes.length < UDP_HEADER_LENGTH) return truncated('UDP', UDP_HEADER_LENGTH, bytes.length);
  const length = (bytes[4]! << 8) | bytes[5]!;
  if (length < UDP_HEADER_LENGTH) return decodeError('UDP', 'bad-value', 4, `UDP: Length ${length} is less than the 8-byte header`);
  if (length > bytes.length) return truncated('UDP', length, bytes.length);
  if (length < bytes.length) {
    return decodeError('UDP', 'bad-value', 4, `UDP: Length ${length} does not match the ${bytes.length} bytes of the IP payload`);
  }
  const found = (bytes[6]! << 8) | bytes[7]!;
  const zero = found === 0;
  if (options.verifyChecksum !== false) {
    if (zero && pseudo.family === 6) {
      return decodeError('UDP', 'bad-checksum', 6, 'UDP: checksum 0x0000 is not allowed over IPv6 (RFC 8200 section 8.1)');
    }
    if (!zero) {
      const expected = udpChecksum(bytes, 0, bytes.length, pseudo);
      if (found !== expected) return badChecksum('UDP', 6, found, expected);
    }
  }
  const sourcePort = (bytes[0]! << 8) | bytes[1]!;
  const destinationPort = (bytes[2]! << 8) | bytes[3]!;
  const payload = bytes.subarray(UDP_HEADER_LENGTH);
  return decoded(zero ? { sourcePort, destinationPort, noChecksum: true, payload } : { sourcePort, destinationPort, payload });
}

/** The value the checksum field must hold for `bytes[start, end)` (a computed 0 is sent as 0xffff). */
function udpChecksum(bytes: Uint8Array, start: number, end: number, pseudo: PseudoHeader): number {
  const checksum = expectedChecksum(bytes, start, end, start + 6, pseudoHeaderSum(pseudo, end - start, IP_PROTOCOL_UDP));
  return checksum === 0 ? 0xffff : checksum;
}

export function encodeUdp(datagram: UdpDatagram, pseudo: PseudoHeader): Uint8Array {
  const length = UDP_HEADER_LENGTH + datagram.payload.length;
  const bytes = allocateBytes(length);
  bytes[0] = datagram.sourcePort >>> 8;
  bytes[1] = datagram.sourcePort & 0xff;
  bytes[2] = datagram.destinationPort >>> 8;
  bytes[3] = datagram.destinationPort & 0xff;
  bytes[4] = (length >>> 8) & 0xff;
  bytes[5] = length & 0xff;
  bytes.set(datagram.payload, UDP_HEADER_LENGTH);
  if (!datagram.noChecksum) {
    const checksum = udpChecksum(bytes, 0, length, pseudo);
    bytes[6] = checksum >>> 8;
    bytes[7] = checksum & 0xff;
  }
  return bytes;
}

/**
 * Describes a UDP header at `offset`; without `pseudo` the checksum shows "[unverified]". Info as
 * tshark prints it: "50000 → 53 Len=41" (Len is the payload length).
 */
export function describeUdp(frame: Uint8Array, offset: number, end: number, pseudo?: PseudoHeader): Decoded<DescribedLayer> {
  const available = end - offset;
  if (available < UDP_HEADER_LENGTH) return truncated('UDP', UDP_HEADER_LENGTH, Math.max(0, available));
  const sourcePort = (frame[offset]! << 8) | frame[offset + 1]!;
  const destinationPort = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const length = (frame[offset + 4]! << 8) | frame[offset + 5]!;
  const found = (frame[offset + 6]! << 8) | frame[offset + 7]!;
  let checksum: string;
  if (!pseudo) checksum = `${hex(found, 4)} [unverified]`;
  else if (found === 0) checksum = pseudo.family === 4 ? '0x0000 [zero-value ignored]' : '0x0000 [illegal (RFC 8200 section 8.1)]';
  else checksum = checksumText(found, udpChecksum(frame, offset, end, pseudo));
  const lengthOk = length >= UDP_HEADER_LENGTH && length === available;
  const fields = [
    field('Source Port', String(sourcePort), offset, 2),
    field('Destination Port', String(destinationPort), offset + 2, 2),
    field('Length', lengthOk ? String(length) : `${length} [bad length: ${available} bytes present]`, offset + 4, 2),
    field('Checksum', checksum, offset + 6, 2),
    field('UDP payload', `(${available - UDP_HEADER_LENGTH} bytes)`, offset + 8, available - UDP_HEADER_LENGTH),
  ];
  let info: string;
  if (length < UDP_HEADER_LENGTH) info = `${sourcePort} → ${destinationPort} [BAD UDP LENGTH ${length} < 8]`;
  else if (length > available) info = `${sourcePort} → ${destinationPort} [BAD UDP LENGTH ${length} > IP PAYLOAD LENGTH] Len=${available - UDP_HEADER_LENGTH}`;
  else info = `${sourcePort} → ${destinationPort} Len=${length - UDP_HEADER_LENGTH}`;
  return decoded({
    layer: { protocol: 'UDP', title: `Src Port: ${sourcePort}, Dst Port: ${destinationPort}`, offset, length: UDP_HEADER_LENGTH, fields },
    info,
    payloadOffset: offset + UDP_HEADER_LENGTH,
    payloadEnd: length >= UDP_HEADER_LENGTH && length < available ? offset + length : end,
  });
}
