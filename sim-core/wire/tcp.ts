/**
 * TCP headers (RFC 9293 section 3.1): ports, sequence and acknowledgment numbers, data offset,
 * control flags (with ECN's CWR/ECE, RFC 3168, and the AE bit, RFC 9768), window, checksum over
 * the IPv4/IPv6 pseudo-header, urgent pointer, and options: End of Option List, No-Operation,
 * MSS (RFC 9293 3.2), Window Scale and Timestamps (RFC 7323), SACK-permitted (RFC 2018); any
 * other option, or a known one with an unexpected length, is kept as raw bytes.
 * Encoding pads the options with zeros (EOL) to a multiple of 4; decoding stops at EOL and
 * treats what follows as that padding. Options longer than 40 bytes are cut at 40.
 * Left out: SACK blocks, TCP-AO/MD5 (kept raw), connection state and relative sequence numbers.
 */
import { badChecksum, expectedChecksum, pseudoHeaderSum, type ChecksumOptions, type PseudoHeader } from './checksum';
import { checksumText, field, hex, type DescribedLayer, type FieldNode } from './describe';
import { IP_PROTOCOL_TCP } from './protocol-numbers';
import { decoded, decodeError, truncated, type Decoded } from './result';

export const TCP_MIN_HEADER_LENGTH = 20;
export const TCP_MAX_OPTIONS_LENGTH = 40;

/** Bits of `TcpSegment.flags` (RFC 9293 section 3.1; AE is RFC 9768, formerly NS). */
export const TCP_FIN = 0x001;
export const TCP_SYN = 0x002;
export const TCP_RST = 0x004;
export const TCP_PSH = 0x008;
export const TCP_ACK = 0x010;
export const TCP_URG = 0x020;
export const TCP_ECE = 0x040;
export const TCP_CWR = 0x080;
export const TCP_AE = 0x100;

export type TcpOption =
  | { readonly kind: 'eol' }
  | { readonly kind: 'nop' }
  | { readonly kind: 'mss'; readonly maxSegmentSize: number }
  | { readonly kind: 'window-scale'; readonly shiftCount: number }
  | { readonly kind: 'sack-permitted' }
  | { readonly kind: 'timestamps'; readonly value: number; readonly echoReply: number }
  /** Any other kind, raw: `data` is what follows the kind and length bytes. */
  | { readonly kind: 'unknown'; readonly type: number; readonly data: Uint8Array };

export interface TcpSegment {
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly sequenceNumber: number;
  readonly acknowledgmentNumber: number;
  /** The 12 bits after the data offset: TCP_FIN…TCP_AE, plus 3 reserved bits (0xe00) kept as given. */
  readonly flags: number;
  readonly window: number;
  readonly urgentPointer: number;
  readonly options: readonly TcpOption[];
  readonly payload: Uint8Array;
}

const NO_OPTIONS: readonly TcpOption[] = Object.freeze([]);
const EOL: TcpOption = Object.freeze({ kind: 'eol' });
const NOP: TcpOption = Object.freeze({ kind: 'nop' });
const SACK_PERMITTED: TcpOption = Object.freeze({ kind: 'sack-permitted' });

const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** Parses options in `bytes[start, end)`; an error names the bad option's offset. */
function readOptions(bytes: Uint8Array, start: number, end: number): Decoded<readonly TcpOption[]> {
  if (start === end) return decoded(NO_OPTIONS);
  const options: TcpOption[] = [];
  let i = start;
  while (i < end) {
    const type = bytes[i]!;
    if (type === 0) {
      options.push(EOL);
      break;
    }
    if (type === 1) {
      options.push(NOP);
      i++;
      continue;
    }
    if (i + 1 >= end) return decodeError('TCP', 'truncated', i, `TCP: option ${type} at byte ${i} has no length byte`);
    const length = bytes[i + 1]!;
    if (length < 2) return decodeError('TCP', 'bad-value', i + 1, `TCP: option ${type} at byte ${i} has length ${length} (minimum 2)`);
    if (i + length > end) return decodeError('TCP', 'truncated', i + 1, `TCP: option ${type} at byte ${i} runs ${i + length - end} bytes past the header`);
    if (type === 2 && length === 4) options.push({ kind: 'mss', maxSegmentSize: (bytes[i + 2]! << 8) | bytes[i + 3]! });
    else if (type === 3 && length === 3) options.push({ kind: 'window-scale', shiftCount: bytes[i + 2]! });
    else if (type === 4 && length === 2) options.push(SACK_PERMITTED);
    else if (type === 8 && length === 10) options.push({ kind: 'timestamps', value: u32(bytes, i + 2), echoReply: u32(bytes, i + 6) });
    else options.push({ kind: 'unknown', type, data: bytes.subarray(i + 2, i + length) });
    i += length;
  }
  return decoded(options);
}

function optionLength(option: TcpOption): number {
  switch (option.kind) {
    case 'eol':
    case 'nop':
      return 1;
    case 'mss':
      return 4;
    case 'window-scale':
      return 3;
    case 'sack-permitted':
      return 2;
    case 'timestamps':
      return 10;
    case 'unknown':
      return 2 + option.data.length;
  }
}

function writeU32(bytes: Uint8Array, i: number, value: number): void {
  bytes[i] = value >>> 24;
  bytes[i + 1] = (value >>> 16) & 0xff;
  bytes[i + 2] = (value >>> 8) & 0xff;
  bytes[i + 3] = value & 0xff;
}

/** Writes options from `start`, never past `end`. */
function writeOptions(bytes: Uint8Array, start: number, end: number, options: readonly TcpOption[]): void {
  let i = start;
  for (const option of options) {
    const length = optionLength(option);
    if (i + length > end) break;
    switch (option.kind) {
      case 'eol':
        bytes[i] = 0;
        break;
      case 'nop':
        bytes[i] = 1;
        break;
      case 'mss':
        bytes.set([2, 4, option.maxSegmentSize >>> 8, option.maxSegmentSize & 0xff], i);
        break;
      case 'window-scale':
        bytes.set([3, 3, option.shiftCount], i);
        break;
      case 'sack-permitted':
        bytes.set([4, 2], i);
        break;
      case 'timestamps':
        bytes[i] = 8;
        bytes[i + 1] = 10;
        writeU32(bytes, i + 2, option.value);
        writeU32(bytes, i + 6, option.echoReply);
        break;
      case 'unknown':
        bytes[i] = option.type;
        bytes[i + 1] = length;
        bytes.set(option.data, i + 2);
        break;
    }
    i += length;
  }
}

function tcpChecksum(bytes: Uint8Array, start: number, end: number, pseudo: PseudoHeader): number {
  return expectedChecksum(bytes, start, end, start + 16, pseudoHeaderSum(pseudo, end - start, IP_PROTOCOL_TCP));
}

export function decodeTcp(bytes: Uint8Array, pseudo: PseudoHeader, options: ChecksumOptions = {}): Decoded<TcpSegment> {
  if (bytes.length < TCP_MIN_HEADER_LENGTH) return truncated('TCP', TCP_MIN_HEADER_LENGTH, bytes.length);
  const headerLength = (bytes[12]! >>> 4) * 4;
  if (headerLength < TCP_MIN_HEADER_LENGTH) {
    return decodeError('TCP', 'bad-value', 12, `TCP: data offset ${headerLength / 4} (${headerLength} bytes) is below the minimum 5 (20 bytes)`);
  }
  if (bytes.length < headerLength) return truncated('TCP', headerLength, bytes.length);
  if (options.verifyChecksum !== false) {
    const found = (bytes[16]! << 8) | bytes[17]!;
    const expected = tcpChecksum(bytes, 0, bytes.length, pseudo);
    if (found !== expected) return badChecksum('TCP', 16, found, expected);
  }
  const parsedOptions = readOptions(bytes, TCP_MIN_HEADER_LENGTH, headerLength);
  if (!parsedOptions.ok) return parsedOptions;
  return decoded({
    sourcePort: (bytes[0]! << 8) | bytes[1]!,
    destinationPort: (bytes[2]! << 8) | bytes[3]!,
    sequenceNumber: u32(bytes, 4),
    acknowledgmentNumber: u32(bytes, 8),
    flags: ((bytes[12]! & 0x0f) << 8) | bytes[13]!,
    window: (bytes[14]! << 8) | bytes[15]!,
    urgentPointer: (bytes[18]! << 8) | bytes[19]!,
    options: parsedOptions.value,
    payload: bytes.subarray(headerLength),
  });
}

export function encodeTcp(segment: TcpSegment, pseudo: PseudoHeader): Uint8Array {
  let optionsLength = 0;
  for (const option of segment.options) optionsLength += optionLength(option);
  optionsLength = Math.min(TCP_MAX_OPTIONS_LENGTH, (optionsLength + 3) & ~3);
  const headerLength = TCP_MIN_HEADER_LENGTH + optionsLength;
  const bytes = new Uint8Array(headerLength + segment.payload.length);
  bytes[0] = segment.sourcePort >>> 8;
  bytes[1] = segment.sourcePort & 0xff;
  bytes[2] = segment.destinationPort >>> 8;
  bytes[3] = segment.destinationPort & 0xff;
  writeU32(bytes, 4, segment.sequenceNumber);
  writeU32(bytes, 8, segment.acknowledgmentNumber);
  bytes[12] = ((headerLength / 4) << 4) | ((segment.flags >>> 8) & 0x0f);
  bytes[13] = segment.flags & 0xff;
  bytes[14] = segment.window >>> 8;
  bytes[15] = segment.window & 0xff;
  bytes[18] = segment.urgentPointer >>> 8;
  bytes[19] = segment.urgentPointer & 0xff;
  writeOptions(bytes, TCP_MIN_HEADER_LENGTH, headerLength, segment.options);
  bytes.set(segment.payload, headerLength);
  const checksum = tcpChecksum(bytes, 0, bytes.length, pseudo);
  bytes[16] = checksum >>> 8;
  bytes[17] = checksum & 0xff;
  return bytes;
}

/** Flag names in the order tshark lists them in Info ("[SYN, ACK]"). */
const FLAG_NAMES: readonly [number, string][] = [
  [TCP_FIN, 'FIN'],
  [TCP_SYN, 'SYN'],
  [TCP_RST, 'RST'],
  [TCP_PSH, 'PSH'],
  [TCP_ACK, 'ACK'],
  [TCP_URG, 'URG'],
  [TCP_ECE, 'ECE'],
  [TCP_CWR, 'CWR'],
  [TCP_AE, 'AE'],
];

const FLAG_FIELDS: readonly [number, string][] = [
  [0xe00, 'Reserved'],
  [TCP_AE, 'Accurate ECN'],
  [TCP_CWR, 'Congestion Window Reduced'],
  [TCP_ECE, 'ECN-Echo'],
  [TCP_URG, 'Urgent'],
  [TCP_ACK, 'Acknowledgment'],
  [TCP_PSH, 'Push'],
  [TCP_RST, 'Reset'],
  [TCP_SYN, 'Syn'],
  [TCP_FIN, 'Fin'],
];

function describeOptions(frame: Uint8Array, start: number, end: number, infoParts: string[]): FieldNode[] {
  const nodes: FieldNode[] = [];
  let i = start;
  while (i < end) {
    const type = frame[i]!;
    if (type === 0) {
      nodes.push(field('TCP Option - End of Option List (EOL)', '', i, 1));
      if (end - i > 1) nodes.push(field('Padding', `(${end - i - 1} bytes)`, i + 1, end - i - 1));
      break;
    }
    if (type === 1) {
      nodes.push(field('TCP Option - No-Operation (NOP)', '', i, 1));
      i++;
      continue;
    }
    const length = i + 1 < end ? frame[i + 1]! : 0;
    if (length < 2 || i + length > end) {
      nodes.push(field(`TCP Option - Unknown (${type})`, `[bad length ${length}]`, i, end - i));
      break;
    }
    const kindField = field('Kind', String(type), i, 1);
    const lengthField = field('Length', String(length), i + 1, 1);
    if (type === 2 && length === 4) {
      const mss = (frame[i + 2]! << 8) | frame[i + 3]!;
      infoParts.push(`MSS=${mss}`);
      nodes.push(field('TCP Option - Maximum segment size', `${mss} bytes`, i, 4, [kindField, lengthField, field('MSS Value', String(mss), i + 2, 2)]));
    } else if (type === 3 && length === 3) {
      const shift = frame[i + 2]!;
      const multiplier = shift <= 14 ? 2 ** shift : 2 ** 14;
      infoParts.push(`WS=${multiplier}`);
      nodes.push(field('TCP Option - Window scale', `${shift} (multiply by ${multiplier})`, i, 3, [kindField, lengthField, field('Shift count', String(shift), i + 2, 1)]));
    } else if (type === 4 && length === 2) {
      infoParts.push('SACK_PERM');
      nodes.push(field('TCP Option - SACK permitted', '', i, 2, [kindField, lengthField]));
    } else if (type === 8 && length === 10) {
      const value = u32(frame, i + 2);
      const echo = u32(frame, i + 6);
      infoParts.push(`TSval=${value} TSecr=${echo}`);
      nodes.push(
        field('TCP Option - Timestamps', `TSval ${value}, TSecr ${echo}`, i, 10, [
          kindField,
          lengthField,
          field('Timestamp value', String(value), i + 2, 4),
          field('Timestamp echo reply', String(echo), i + 6, 4),
        ]),
      );
    } else {
      nodes.push(field(`TCP Option - Unknown (${type})`, `(${length} bytes)`, i, length, [kindField, lengthField]));
    }
    i += length;
  }
  return nodes;
}

/**
 * Describes a TCP header at `offset`; without `pseudo` the checksum shows "[unverified]". Info as
 * tshark prints it with absolute sequence numbers (tcp.relative_sequence_numbers off, no
 * conversation analysis): "50000 → 80 [SYN, ACK] Seq=1 Ack=10 Win=8111 Len=0 MSS=1460 SACK_PERM".
 */
export function describeTcp(frame: Uint8Array, offset: number, end: number, pseudo?: PseudoHeader): Decoded<DescribedLayer> {
  const available = end - offset;
  if (available < TCP_MIN_HEADER_LENGTH) return truncated('TCP', TCP_MIN_HEADER_LENGTH, Math.max(0, available));
  const dataOffset = frame[offset + 12]! >>> 4;
  const headerLength = dataOffset * 4;
  if (headerLength < TCP_MIN_HEADER_LENGTH) {
    return decodeError('TCP', 'bad-value', 12, `TCP: data offset ${dataOffset} (${headerLength} bytes) is below the minimum 5 (20 bytes)`);
  }
  if (available < headerLength) return truncated('TCP', headerLength, available);
  const sourcePort = (frame[offset]! << 8) | frame[offset + 1]!;
  const destinationPort = (frame[offset + 2]! << 8) | frame[offset + 3]!;
  const sequence = u32(frame, offset + 4);
  const acknowledgment = u32(frame, offset + 8);
  const flags = ((frame[offset + 12]! & 0x0f) << 8) | frame[offset + 13]!;
  const window = (frame[offset + 14]! << 8) | frame[offset + 15]!;
  const found = (frame[offset + 16]! << 8) | frame[offset + 17]!;
  const urgent = (frame[offset + 18]! << 8) | frame[offset + 19]!;
  const setFlags = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name);
  if (setFlags.length === 0) setFlags.push('<None>');
  const optionInfo: string[] = [];
  const fields: FieldNode[] = [
    field('Source Port', String(sourcePort), offset, 2),
    field('Destination Port', String(destinationPort), offset + 2, 2),
    field('Sequence Number', String(sequence), offset + 4, 4),
    field('Acknowledgment Number', String(acknowledgment), offset + 8, 4),
    field('Header Length', `${headerLength} bytes (${dataOffset})`, offset + 12, 1),
    field(
      'Flags',
      `${hex(flags, 3)} (${setFlags.join(', ')})`,
      offset + 12,
      2,
      FLAG_FIELDS.map(([bit, name]) => field(name, bit === 0xe00 ? String((flags & bit) >>> 9) : flags & bit ? 'Set' : 'Not set', offset + 12, 2)),
    ),
    field('Window', String(window), offset + 14, 2),
    field('Checksum', pseudo ? checksumText(found, tcpChecksum(frame, offset, end, pseudo)) : `${hex(found, 4)} [unverified]`, offset + 16, 2),
    field('Urgent Pointer', String(urgent), offset + 18, 2),
  ];
  if (headerLength > TCP_MIN_HEADER_LENGTH) {
    const length = headerLength - TCP_MIN_HEADER_LENGTH;
    fields.push(field('Options', `(${length} bytes)`, offset + 20, length, describeOptions(frame, offset + 20, offset + headerLength, optionInfo)));
  }
  const payloadLength = available - headerLength;
  if (payloadLength > 0) fields.push(field('TCP payload', `(${payloadLength} bytes)`, offset + headerLength, payloadLength));
  const parts = [`${sourcePort} → ${destinationPort} [${setFlags.join(', ')}] Seq=${sequence}`];
  if (flags & TCP_ACK) parts.push(`Ack=${acknowledgment}`);
  parts.push(`Win=${window}`);
  if (flags & TCP_URG) parts.push(`Urg=${urgent}`);
  parts.push(`Len=${payloadLength}`, ...optionInfo);
  return decoded({
    layer: {
      protocol: 'TCP',
      title: `Src Port: ${sourcePort}, Dst Port: ${destinationPort}, Seq: ${sequence}${flags & TCP_ACK ? `, Ack: ${acknowledgment}` : ''}, Len: ${payloadLength}`,
      offset,
      length: headerLength,
      fields,
    },
    info: parts.join(' '),
    payloadOffset: offset + headerLength,
    payloadEnd: end,
  });
}
