/**
 * OSPFv3 packets (RFC 5340 appendix A.3): the common header (A.3.1) with its checksum over the
 * IPv6 pseudo-header (A.3.1, RFC 8200 section 8.1, next header 89), and the Hello body (A.3.2)
 * with the options field (A.2, plus AF of RFC 5838 and L of RFC 5613). Other packet types
 * (Database Description, LS Request, LS Update, LS Acknowledgment) keep their body as raw bytes.
 * Bytes after Packet Length (an LLS block, RFC 5613) are ignored.
 * Left out: LSA formats, authentication trailer (RFC 7166), the Reserved header byte (written as 0).
 */
import { formatIpv4, readIpv4, writeIpv4, type Ipv4Address } from '../addr/ipv4';
import { badChecksum, expectedChecksum, pseudoHeaderSum, type ChecksumOptions, type PseudoHeader } from './checksum';
import { checksumText, field, hex, type DescribedLayer, type FieldNode } from './describe';
import { IP_PROTOCOL_OSPF } from './protocol-numbers';
import { decoded, decodeError, truncated, type Decoded } from './result';

export const OSPFV3_HEADER_LENGTH = 16;
export const OSPFV3_HELLO_LENGTH = 20;
export { IP_PROTOCOL_OSPF } from './protocol-numbers';
export const OSPFV3_TYPE = { HELLO: 1, DATABASE_DESCRIPTION: 2, LS_REQUEST: 3, LS_UPDATE: 4, LS_ACKNOWLEDGMENT: 5 } as const;
/** Options bits (RFC 5340 A.2; AF RFC 5838; L RFC 5613). */
export const OSPFV3_OPTION = { V6: 0x01, E: 0x02, MC: 0x04, N: 0x08, R: 0x10, DC: 0x20, AF: 0x100, L: 0x200, AT: 0x400 } as const;

export interface Ospfv3Hello {
  readonly kind: 'hello';
  readonly interfaceId: number;
  readonly routerPriority: number;
  /** 24-bit options field (OSPFV3_OPTION bits). */
  readonly options: number;
  readonly helloIntervalS: number;
  readonly routerDeadIntervalS: number;
  readonly designatedRouterId: Ipv4Address;
  readonly backupDesignatedRouterId: Ipv4Address;
  readonly neighborIds: readonly Ipv4Address[];
}

/** Any other type, or a Hello whose body is not 20 + 4n bytes: the body as it was. */
export interface Ospfv3RawBody {
  readonly kind: 'raw';
  readonly type: number;
  readonly data: Uint8Array;
}

export interface Ospfv3Packet {
  readonly routerId: Ipv4Address;
  readonly areaId: Ipv4Address;
  readonly instanceId: number;
  readonly body: Ospfv3Hello | Ospfv3RawBody;
}

const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

function ospfChecksum(bytes: Uint8Array, start: number, end: number, pseudo: PseudoHeader): number {
  return expectedChecksum(bytes, start, end, start + 12, pseudoHeaderSum(pseudo, end - start, IP_PROTOCOL_OSPF));
}

/** Checks version and Packet Length; returns the packet's length. */
function checkHeader(bytes: Uint8Array, start: number, end: number): Decoded<number> {
  const available = end - start;
  if (available < OSPFV3_HEADER_LENGTH) return truncated('OSPFv3', OSPFV3_HEADER_LENGTH, Math.max(0, available));
  const version = bytes[start]!;
  if (version !== 3) return decodeError('OSPFv3', 'unsupported', 0, `OSPFv3: version ${version} is not 3`);
  const length = (bytes[start + 2]! << 8) | bytes[start + 3]!;
  if (length < OSPFV3_HEADER_LENGTH) return decodeError('OSPFv3', 'bad-value', 2, `OSPFv3: Packet Length ${length} is shorter than the 16-byte header`);
  if (length > available) return truncated('OSPFv3', length, available);
  return decoded(length);
}

export function decodeOspfv3(bytes: Uint8Array, pseudo: PseudoHeader, options: ChecksumOptions = {}): Decoded<Ospfv3Packet> {
  const checked = checkHeader(bytes, 0, bytes.length);
  if (!checked.ok) return checked;
  const length = checked.value;
  if (options.verifyChecksum !== false) {
    const found = (bytes[12]! << 8) | bytes[13]!;
    const expected = ospfChecksum(bytes, 0, length, pseudo);
    if (found !== expected) return badChecksum('OSPFv3', 12, found, expected);
  }
  const type = bytes[1]!;
  const data = bytes.subarray(OSPFV3_HEADER_LENGTH, length);
  let body: Ospfv3Hello | Ospfv3RawBody = { kind: 'raw', type, data };
  if (type === OSPFV3_TYPE.HELLO && data.length >= OSPFV3_HELLO_LENGTH && data.length % 4 === 0) {
    const neighborIds: Ipv4Address[] = [];
    for (let i = OSPFV3_HELLO_LENGTH; i < data.length; i += 4) neighborIds.push(readIpv4(data, i));
    body = {
      kind: 'hello',
      interfaceId: u32(data, 0),
      routerPriority: data[4]!,
      options: (data[5]! << 16) | (data[6]! << 8) | data[7]!,
      helloIntervalS: (data[8]! << 8) | data[9]!,
      routerDeadIntervalS: (data[10]! << 8) | data[11]!,
      designatedRouterId: readIpv4(data, 12),
      backupDesignatedRouterId: readIpv4(data, 16),
      neighborIds,
    };
  }
  return decoded({ routerId: readIpv4(bytes, 4), areaId: readIpv4(bytes, 8), instanceId: bytes[14]!, body });
}

export function encodeOspfv3(packet: Ospfv3Packet, pseudo: PseudoHeader): Uint8Array {
  const body = packet.body;
  const bodyLength = body.kind === 'hello' ? OSPFV3_HELLO_LENGTH + 4 * body.neighborIds.length : body.data.length;
  const length = OSPFV3_HEADER_LENGTH + bodyLength;
  const bytes = new Uint8Array(length);
  bytes[0] = 3;
  bytes[1] = body.kind === 'hello' ? OSPFV3_TYPE.HELLO : body.type;
  bytes[2] = (length >>> 8) & 0xff;
  bytes[3] = length & 0xff;
  writeIpv4(bytes, 4, packet.routerId);
  writeIpv4(bytes, 8, packet.areaId);
  bytes[14] = packet.instanceId;
  if (body.kind === 'hello') {
    const b = OSPFV3_HEADER_LENGTH;
    writeIpv4(bytes, b, body.interfaceId as Ipv4Address);
    bytes[b + 4] = body.routerPriority;
    bytes[b + 5] = (body.options >>> 16) & 0xff;
    bytes[b + 6] = (body.options >>> 8) & 0xff;
    bytes[b + 7] = body.options & 0xff;
    bytes[b + 8] = body.helloIntervalS >>> 8;
    bytes[b + 9] = body.helloIntervalS & 0xff;
    bytes[b + 10] = body.routerDeadIntervalS >>> 8;
    bytes[b + 11] = body.routerDeadIntervalS & 0xff;
    writeIpv4(bytes, b + 12, body.designatedRouterId);
    writeIpv4(bytes, b + 16, body.backupDesignatedRouterId);
    body.neighborIds.forEach((id, i) => writeIpv4(bytes, b + OSPFV3_HELLO_LENGTH + 4 * i, id));
  } else {
    bytes.set(body.data, OSPFV3_HEADER_LENGTH);
  }
  const checksum = ospfChecksum(bytes, 0, length, pseudo);
  bytes[12] = checksum >>> 8;
  bytes[13] = checksum & 0xff;
  return bytes;
}

const TYPE_NAMES = ['', 'Hello Packet', 'DB Description', 'LS Request', 'LS Update', 'LS Acknowledge'];

/** Option bits in the order Wireshark lists them (highest first). */
const OPTION_BITS: readonly [number, string][] = [
  [OSPFV3_OPTION.AT, 'AT'],
  [OSPFV3_OPTION.L, 'L'],
  [OSPFV3_OPTION.AF, 'AF'],
  [OSPFV3_OPTION.DC, 'DC'],
  [OSPFV3_OPTION.R, 'R'],
  [OSPFV3_OPTION.N, 'N'],
  [OSPFV3_OPTION.MC, 'MC'],
  [OSPFV3_OPTION.E, 'E'],
  [OSPFV3_OPTION.V6, 'V6'],
];

function instanceName(id: number): string {
  if (id < 32) return 'IPv6 unicast AF';
  if (id < 64) return 'IPv6 multicast AF';
  if (id < 96) return 'IPv4 unicast AF';
  if (id < 128) return 'IPv4 multicast AF';
  return 'Reserved';
}

/**
 * Describes an OSPFv3 packet at `offset`; without `pseudo` the checksum shows "[unverified]".
 * Info as tshark prints it: the packet type ("Hello Packet", "LS Update"…).
 */
export function describeOspfv3(frame: Uint8Array, offset: number, end: number, pseudo?: PseudoHeader): Decoded<DescribedLayer> {
  const checked = checkHeader(frame, offset, end);
  if (!checked.ok) return checked;
  const length = checked.value;
  const type = frame[offset + 1]!;
  const typeName = TYPE_NAMES[type] || `Unknown (${type})`;
  const areaId = readIpv4(frame, offset + 8);
  const found = (frame[offset + 12]! << 8) | frame[offset + 13]!;
  const instanceId = frame[offset + 14]!;
  const header = field('OSPF Header', '', offset, OSPFV3_HEADER_LENGTH, [
    field('Version', '3', offset, 1),
    field('Message Type', `${typeName} (${type})`, offset + 1, 1),
    field('Packet Length', String(length), offset + 2, 2),
    field('Source OSPF Router', formatIpv4(readIpv4(frame, offset + 4)), offset + 4, 4),
    field('Area ID', areaId === 0 ? '0.0.0.0 (Backbone)' : formatIpv4(areaId), offset + 8, 4),
    field('Checksum', pseudo ? checksumText(found, ospfChecksum(frame, offset, offset + length, pseudo)) : `${hex(found, 4)} [unverified]`, offset + 12, 2),
    field('Instance ID', `${instanceName(instanceId)} (${instanceId})`, offset + 14, 1),
    field('Reserved', frame[offset + 15]!.toString(16).padStart(2, '0'), offset + 15, 1),
  ]);
  const fields: FieldNode[] = [header];
  const b = offset + OSPFV3_HEADER_LENGTH;
  const bodyLength = length - OSPFV3_HEADER_LENGTH;
  if (type === OSPFV3_TYPE.HELLO && bodyLength >= OSPFV3_HELLO_LENGTH) {
    const options = (frame[b + 5]! << 16) | (frame[b + 6]! << 8) | frame[b + 7]!;
    const setNames = OPTION_BITS.filter(([bit]) => options & bit).map(([, name]) => name);
    const hello: FieldNode[] = [
      field('Interface ID', String(u32(frame, b)), b, 4),
      field('Router Priority', String(frame[b + 4]!), b + 4, 1),
      field(
        'Options',
        `${hex(options, 6)}${setNames.length > 0 ? `, ${setNames.join(', ')}` : ''}`,
        b + 5,
        3,
        OPTION_BITS.map(([bit, name]) => field(name, options & bit ? 'Set' : 'Not set', b + 5, 3)),
      ),
      field('Hello Interval [sec]', String((frame[b + 8]! << 8) | frame[b + 9]!), b + 8, 2),
      field('Router Dead Interval [sec]', String((frame[b + 10]! << 8) | frame[b + 11]!), b + 10, 2),
      field('Designated Router', formatIpv4(readIpv4(frame, b + 12)), b + 12, 4),
      field('Backup Designated Router', formatIpv4(readIpv4(frame, b + 16)), b + 16, 4),
    ];
    for (let i = b + OSPFV3_HELLO_LENGTH; i + 4 <= offset + length; i += 4) hello.push(field('Active Neighbor', formatIpv4(readIpv4(frame, i)), i, 4));
    fields.push(field('OSPF Hello Packet', '', b, bodyLength, hello));
  } else if (bodyLength > 0) {
    fields.push(field(`OSPF ${typeName}`, `(${bodyLength} bytes)`, b, bodyLength));
  }
  return decoded({
    layer: { protocol: 'OSPF', title: 'Open Shortest Path First', offset, length, fields },
    info: typeName,
    payloadOffset: offset + length,
    payloadEnd: end,
  });
}
