/**
 * DNS messages (RFC 1035 section 4): header and flags (with AD/CD of RFC 4035), questions,
 * answer/authority/additional records. Names are read with compression pointers (section 4.1.4);
 * each pointer must point strictly backwards, so a pointer loop ends in an error, and a name is at
 * most 255 bytes. Names are text in master-file form (section 5.1): labels joined by dots, a dot
 * or backslash inside a label escaped with "\", other bytes outside 0x21-0x7e as "\DDD"; the root
 * is ".". So any name on the wire decodes to text that encodes back to the same labels.
 * Record data decoded: A, AAAA (RFC 3596), NS, CNAME, PTR, MX, TXT, SOA; any other type, or a
 * known one whose data does not parse, is kept as raw bytes. Encoding writes names uncompressed,
 * or with compression when asked (both decode to the same record).
 * Left out: EDNS(0) OPT semantics (kept raw), DNSSEC records (raw), DNS over TCP length prefix.
 */
import { formatIpv4, readIpv4, type Ipv4Address } from '../addr/ipv4';
import { formatIpv6, readIpv6, writeIpv6, type Ipv6Address } from '../addr/ipv6';
import { field, hex, type DescribedLayer, type FieldNode } from './describe';
import { decoded, decodeError, truncated, type Decoded } from './result';

export const DNS_HEADER_LENGTH = 12;
export const DNS_MAX_NAME_LENGTH = 255;
export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, OPT: 41, ANY: 255 } as const;
export const DNS_CLASS_IN = 1;

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export type DnsRecordData =
  | { readonly kind: 'A'; readonly address: Ipv4Address }
  | { readonly kind: 'AAAA'; readonly address: Ipv6Address }
  | { readonly kind: 'NS' | 'CNAME' | 'PTR'; readonly name: string }
  | { readonly kind: 'MX'; readonly preference: number; readonly exchange: string }
  /** Character-strings, one character per byte (0-255). */
  | { readonly kind: 'TXT'; readonly strings: readonly string[] }
  | {
      readonly kind: 'SOA';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refreshS: number;
      readonly retryS: number;
      readonly expireS: number;
      readonly minimumS: number;
    }
  /** Any other type, or a known type whose data did not parse: the RDATA bytes as they were. */
  | { readonly kind: 'raw'; readonly type: number; readonly rdata: Uint8Array };

/** A resource record; its TYPE follows from `data` (dnsRecordType). */
export interface DnsResourceRecord {
  readonly name: string;
  readonly class: number;
  readonly ttlS: number;
  readonly data: DnsRecordData;
}

export interface DnsMessage {
  readonly id: number;
  readonly isResponse: boolean;
  readonly opcode: number;
  readonly authoritativeAnswer: boolean;
  readonly truncated: boolean;
  readonly recursionDesired: boolean;
  readonly recursionAvailable: boolean;
  /** The reserved Z bit, kept so a message writes back exactly. */
  readonly z: boolean;
  readonly authenticData: boolean;
  readonly checkingDisabled: boolean;
  readonly rcode: number;
  readonly questions: readonly DnsQuestion[];
  readonly answers: readonly DnsResourceRecord[];
  readonly authorities: readonly DnsResourceRecord[];
  readonly additionals: readonly DnsResourceRecord[];
}

export interface EncodeDnsOptions {
  /** Compress repeated name suffixes with pointers (RFC 1035 section 4.1.4). Default false. */
  readonly compress?: boolean;
}

const KIND_TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 } as const;

export function dnsRecordType(data: DnsRecordData): number {
  return data.kind === 'raw' ? data.type : KIND_TYPES[data.kind];
}

// ---------------------------------------------------------------- names

interface NameRead {
  readonly name: string;
  /** Offset just after the name where it started (after its first pointer, if any). */
  readonly end: number;
}

function labelText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b > 0x20 && b < 0x7f && b !== 0x2e && b !== 0x5c) continue;
    if (run < i) text += String.fromCharCode(...bytes.subarray(run, i));
    text += b === 0x2e || b === 0x5c ? `\\${String.fromCharCode(b)}` : `\\${String(b).padStart(3, '0')}`;
    run = i + 1;
  }
  if (run < end) text += String.fromCharCode(...bytes.subarray(run, end));
  return text;
}

/**
 * Reads a possibly compressed name at `offset` of a message starting at 0. Pointers must point
 * strictly before the pointer itself (this rules out loops); the name is at most 255 bytes.
 */
export function readDnsName(bytes: Uint8Array, offset: number, layer = 'DNS'): Decoded<NameRead> {
  let i = offset;
  let end = -1;
  let wireLength = 0;
  let name = '';
  for (;;) {
    if (i >= bytes.length) return decodeError(layer, 'truncated', i, `${layer}: name at byte ${offset} runs past the end of the message`);
    const length = bytes[i]!;
    if (length === 0) {
      if (end < 0) end = i + 1;
      break;
    }
    const top = length & 0xc0;
    if (top === 0xc0) {
      if (i + 1 >= bytes.length) return decodeError(layer, 'truncated', i, `${layer}: compression pointer at byte ${i} is cut off`);
      const target = ((length & 0x3f) << 8) | bytes[i + 1]!;
      if (target >= i) {
        return decodeError(layer, 'bad-value', i, `${layer}: compression pointer at byte ${i} points forward to ${target} (a loop or a forward reference)`);
      }
      if (end < 0) end = i + 2;
      i = target;
      continue;
    }
    if (top !== 0) return decodeError(layer, 'unsupported', i, `${layer}: label type 0x${top.toString(16)} at byte ${i} is not supported`);
    wireLength += 1 + length;
    if (wireLength > DNS_MAX_NAME_LENGTH - 1) return decodeError(layer, 'bad-value', offset, `${layer}: name at byte ${offset} is longer than 255 bytes`);
    if (i + 1 + length > bytes.length) return decodeError(layer, 'truncated', i, `${layer}: label at byte ${i} runs past the end of the message`);
    name += name === '' ? labelText(bytes, i + 1, i + 1 + length) : `.${labelText(bytes, i + 1, i + 1 + length)}`;
    i += 1 + length;
  }
  return decoded({ name: name === '' ? '.' : name, end });
}

/** Splits master-file text into label byte arrays (escapes undone). Empty labels are dropped. */
function nameLabels(name: string): Uint8Array[] {
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c && i + 1 < name.length) {
      const digits = name.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(digits)) {
        current.push(Number(digits) & 0xff);
        i += 3;
      } else {
        current.push(name.charCodeAt(i + 1) & 0xff);
        i += 1;
      }
    } else if (c === 0x2e) {
      if (current.length > 0) labels.push(Uint8Array.from(current.slice(0, 63)));
      current = [];
    } else {
      current.push(c & 0xff);
    }
  }
  if (current.length > 0) labels.push(Uint8Array.from(current.slice(0, 63)));
  return labels;
}

/** Growable output buffer with the name-compression table. */
class Writer {
  bytes = new Uint8Array(512);
  length = 0;
  constructor(private readonly compression: Map<string, number> | undefined) {}
  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
  u8(v: number): void {
    this.ensure(1);
    this.bytes[this.length++] = v & 0xff;
  }
  u16(v: number): void {
    this.u8(v >>> 8);
    this.u8(v);
  }
  u32(v: number): void {
    this.u16(v >>> 16);
    this.u16(v & 0xffff);
  }
  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }
  name(name: string): void {
    const labels = nameLabels(name);
    for (let i = 0; i < labels.length; i++) {
      if (this.compression) {
        const key = labels.slice(i).map((l) => labelText(l, 0, l.length)).join('.');
        const at = this.compression.get(key);
        if (at !== undefined) {
          this.u16(0xc000 | at);
          return;
        }
        if (this.length < 0x4000) this.compression.set(key, this.length);
      }
      this.u8(labels[i]!.length);
      this.raw(labels[i]!);
    }
    this.u8(0);
  }
}

/** Writes a name uncompressed (for DHCPv6 domain lists, RFC 8415 section 10). */
export function encodeDnsName(name: string): Uint8Array {
  const writer = new Writer(undefined);
  writer.name(name);
  return writer.bytes.slice(0, writer.length);
}

// ---------------------------------------------------------------- records

interface RecordRead {
  readonly record: DnsResourceRecord;
  readonly type: number;
  readonly nameEnd: number;
  readonly rdataStart: number;
  readonly end: number;
}

function readRdata(bytes: Uint8Array, type: number, start: number, end: number): DnsRecordData {
  const length = end - start;
  const raw: DnsRecordData = { kind: 'raw', type, rdata: bytes.subarray(start, end) };
  // A name inside RDATA must end exactly at the RDATA's end; pointers may reach earlier bytes.
  const nameAt = (at: number): NameRead | undefined => {
    const r = readDnsName(bytes.subarray(0, end), at);
    return r.ok ? r.value : undefined;
  };
  switch (type) {
    case KIND_TYPES.A:
      return length === 4 ? { kind: 'A', address: readIpv4(bytes, start) } : raw;
    case KIND_TYPES.AAAA:
      return length === 16 ? { kind: 'AAAA', address: readIpv6(bytes, start) } : raw;
    case KIND_TYPES.NS:
    case KIND_TYPES.CNAME:
    case KIND_TYPES.PTR: {
      const n = nameAt(start);
      if (!n || n.end !== end) return raw;
      return { kind: type === KIND_TYPES.NS ? 'NS' : type === KIND_TYPES.CNAME ? 'CNAME' : 'PTR', name: n.name };
    }
    case KIND_TYPES.MX: {
      if (length < 3) return raw;
      const n = nameAt(start + 2);
      if (!n || n.end !== end) return raw;
      return { kind: 'MX', preference: (bytes[start]! << 8) | bytes[start + 1]!, exchange: n.name };
    }
    case KIND_TYPES.TXT: {
      if (length === 0) return raw;
      const strings: string[] = [];
      let i = start;
      while (i < end) {
        const l = bytes[i]!;
        if (i + 1 + l > end) return raw;
        strings.push(String.fromCharCode(...bytes.subarray(i + 1, i + 1 + l)));
        i += 1 + l;
      }
      return { kind: 'TXT', strings };
    }
    case KIND_TYPES.SOA: {
      const m = nameAt(start);
      if (!m) return raw;
      const r = nameAt(m.end);
      if (!r || r.end + 20 !== end) return raw;
      const u32 = (at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
      return { kind: 'SOA', mname: m.name, rname: r.name, serial: u32(r.end), refreshS: u32(r.end + 4), retryS: u32(r.end + 8), expireS: u32(r.end + 12), minimumS: u32(r.end + 16) };
    }
    default:
      return raw;
  }
}

function readRecord(bytes: Uint8Array, offset: number): Decoded<RecordRead> {
  const name = readDnsName(bytes, offset);
  if (!name.ok) return name;
  const at = name.value.end;
  if (at + 10 > bytes.length) return decodeError('DNS', 'truncated', at, `DNS: record at byte ${offset} is cut off in its fixed fields`);
  const type = (bytes[at]! << 8) | bytes[at + 1]!;
  const rdLength = (bytes[at + 8]! << 8) | bytes[at + 9]!;
  const rdataStart = at + 10;
  if (rdataStart + rdLength > bytes.length) {
    return decodeError('DNS', 'truncated', at + 8, `DNS: record at byte ${offset} has ${rdLength} data bytes, only ${bytes.length - rdataStart} present`);
  }
  const record: DnsResourceRecord = {
    name: name.value.name,
    class: (bytes[at + 2]! << 8) | bytes[at + 3]!,
    ttlS: ((bytes[at + 4]! << 24) | (bytes[at + 5]! << 16) | (bytes[at + 6]! << 8) | bytes[at + 7]!) >>> 0,
    data: readRdata(bytes, type, rdataStart, rdataStart + rdLength),
  };
  return decoded({ record, type, nameEnd: at, rdataStart, end: rdataStart + rdLength });
}

// ---------------------------------------------------------------- message

interface MessageRead {
  readonly message: DnsMessage;
  readonly questionEnds: readonly { start: number; nameEnd: number; end: number }[];
  readonly records: readonly (RecordRead & { start: number })[];
}

function readMessage(bytes: Uint8Array): Decoded<MessageRead> {
  if (bytes.length < DNS_HEADER_LENGTH) return truncated('DNS', DNS_HEADER_LENGTH, bytes.length);
  const counts = [4, 6, 8, 10].map((i) => (bytes[i]! << 8) | bytes[i + 1]!);
  const questions: DnsQuestion[] = [];
  const questionEnds: { start: number; nameEnd: number; end: number }[] = [];
  let offset = DNS_HEADER_LENGTH;
  for (let q = 0; q < counts[0]!; q++) {
    const name = readDnsName(bytes, offset);
    if (!name.ok) return name;
    const at = name.value.end;
    if (at + 4 > bytes.length) return decodeError('DNS', 'truncated', at, `DNS: question ${q + 1} is cut off after its name`);
    questions.push({ name: name.value.name, type: (bytes[at]! << 8) | bytes[at + 1]!, class: (bytes[at + 2]! << 8) | bytes[at + 3]! });
    questionEnds.push({ start: offset, nameEnd: at, end: at + 4 });
    offset = at + 4;
  }
  const sections: DnsResourceRecord[][] = [[], [], []];
  const records: (RecordRead & { start: number })[] = [];
  for (let s = 0; s < 3; s++) {
    for (let r = 0; r < counts[s + 1]!; r++) {
      const record = readRecord(bytes, offset);
      if (!record.ok) return record;
      sections[s]!.push(record.value.record);
      records.push({ ...record.value, start: offset });
      offset = record.value.end;
    }
  }
  const flags = (bytes[2]! << 8) | bytes[3]!;
  return decoded({
    message: {
      id: (bytes[0]! << 8) | bytes[1]!,
      isResponse: (flags & 0x8000) !== 0,
      opcode: (flags >>> 11) & 0x0f,
      authoritativeAnswer: (flags & 0x0400) !== 0,
      truncated: (flags & 0x0200) !== 0,
      recursionDesired: (flags & 0x0100) !== 0,
      recursionAvailable: (flags & 0x0080) !== 0,
      z: (flags & 0x0040) !== 0,
      authenticData: (flags & 0x0020) !== 0,
      checkingDisabled: (flags & 0x0010) !== 0,
      rcode: flags & 0x0f,
      questions,
      answers: sections[0]!,
      authorities: sections[1]!,
      additionals: sections[2]!,
    },
    questionEnds,
    records,
  });
}

/** Decodes a DNS message (the UDP payload). Bytes after the last record are ignored. */
export function decodeDns(bytes: Uint8Array): Decoded<DnsMessage> {
  const read = readMessage(bytes);
  return read.ok ? decoded(read.value.message) : read;
}

function writeRecord(w: Writer, record: DnsResourceRecord): void {
  w.name(record.name);
  const data = record.data;
  w.u16(dnsRecordType(data));
  w.u16(record.class);
  w.u32(record.ttlS);
  const lengthAt = w.length;
  w.u16(0);
  switch (data.kind) {
    case 'A':
      w.u32(data.address);
      break;
    case 'AAAA': {
      const b = new Uint8Array(16);
      writeIpv6(b, 0, data.address);
      w.raw(b);
      break;
    }
    case 'NS':
    case 'CNAME':
    case 'PTR':
      w.name(data.name);
      break;
    case 'MX':
      w.u16(data.preference);
      w.name(data.exchange);
      break;
    case 'TXT':
      for (const s of data.strings) {
        const l = Math.min(255, s.length);
        w.u8(l);
        for (let i = 0; i < l; i++) w.u8(s.charCodeAt(i));
      }
      break;
    case 'SOA':
      w.name(data.mname);
      w.name(data.rname);
      for (const v of [data.serial, data.refreshS, data.retryS, data.expireS, data.minimumS]) w.u32(v);
      break;
    case 'raw':
      w.raw(data.rdata);
      break;
  }
  const rdLength = w.length - lengthAt - 2;
  w.bytes[lengthAt] = rdLength >>> 8;
  w.bytes[lengthAt + 1] = rdLength & 0xff;
}

export function encodeDns(message: DnsMessage, options: EncodeDnsOptions = {}): Uint8Array {
  const w = new Writer(options.compress ? new Map() : undefined);
  w.u16(message.id);
  w.u16(
    (message.isResponse ? 0x8000 : 0) |
      ((message.opcode & 0x0f) << 11) |
      (message.authoritativeAnswer ? 0x0400 : 0) |
      (message.truncated ? 0x0200 : 0) |
      (message.recursionDesired ? 0x0100 : 0) |
      (message.recursionAvailable ? 0x0080 : 0) |
      (message.z ? 0x0040 : 0) |
      (message.authenticData ? 0x0020 : 0) |
      (message.checkingDisabled ? 0x0010 : 0) |
      (message.rcode & 0x0f),
  );
  for (const n of [message.questions.length, message.answers.length, message.authorities.length, message.additionals.length]) w.u16(n);
  for (const q of message.questions) {
    w.name(q.name);
    w.u16(q.type);
    w.u16(q.class);
  }
  for (const section of [message.answers, message.authorities, message.additionals]) for (const r of section) writeRecord(w, r);
  return w.bytes.slice(0, w.length);
}

// ---------------------------------------------------------------- describe

const TYPE_NAMES: Readonly<Record<number, [string, string]>> = {
  1: ['A', 'Host Address'],
  2: ['NS', 'authoritative Name Server'],
  5: ['CNAME', 'Canonical NAME for an alias'],
  6: ['SOA', 'Start Of a zone of Authority'],
  12: ['PTR', 'domain name PoinTeR'],
  15: ['MX', 'Mail eXchange'],
  16: ['TXT', 'Text strings'],
  28: ['AAAA', 'IPv6 Address'],
  33: ['SRV', 'Server Selection'],
  41: ['OPT', ''],
  43: ['DS', 'Delegation Signer'],
  46: ['RRSIG', 'Resource Record Signature'],
  48: ['DNSKEY', 'DNS Public Key'],
  64: ['SVCB', 'General-purpose service binding'],
  65: ['HTTPS', 'SVCB-compatible type for use with HTTPS'],
  99: ['SPF', 'Sender Policy Framework'],
  255: ['ANY', 'A request for all records the server/cache has available'],
};
const typeShort = (t: number) => TYPE_NAMES[t]?.[0] ?? `Unknown (${t})`;
const typeLong = (t: number) => (TYPE_NAMES[t] ? `${TYPE_NAMES[t][0]}${TYPE_NAMES[t][1] ? ` (${TYPE_NAMES[t][1]})` : ''} (${t})` : `Unknown (${t})`);
const CLASS_NAMES: Readonly<Record<number, string>> = { 1: 'IN', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' };
const classText = (c: number) => `${CLASS_NAMES[c] ?? 'Unknown'} (${hex(c, 4)})`;
const OPCODE_NAMES = ['Standard query', 'Inverse query', 'Server status request', 'Unknown operation (3)', 'Zone change notification', 'Dynamic update'];
const RCODE_NAMES = ['No error', 'Format error', 'Server failure', 'No such name', 'Not implemented', 'Refused', 'YXDomain', 'YXRRSet', 'NXRRSet', 'Not auth', 'Not zone'];
const shownName = (name: string) => (name === '.' ? '<Root>' : name);

/** The record's data as the Info column shows it after the type ("2001:db8::1", "10 mail.example"). */
function dataInfo(data: DnsRecordData): string {
  switch (data.kind) {
    case 'A':
      return ` ${formatIpv4(data.address)}`;
    case 'AAAA':
      return ` ${formatIpv6(data.address)}`;
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return ` ${shownName(data.name)}`;
    case 'MX':
      return ` ${data.preference} ${shownName(data.exchange)}`;
    case 'SOA':
      return ` ${shownName(data.mname)}`;
    default:
      return '';
  }
}

function dataFields(data: DnsRecordData, start: number, end: number): FieldNode[] {
  const length = end - start;
  switch (data.kind) {
    case 'A':
      return [field('Address', formatIpv4(data.address), start, 4)];
    case 'AAAA':
      return [field('AAAA Address', formatIpv6(data.address), start, 16)];
    case 'NS':
      return [field('Name Server', shownName(data.name), start, length)];
    case 'CNAME':
      return [field('CNAME', shownName(data.name), start, length)];
    case 'PTR':
      return [field('Domain Name', shownName(data.name), start, length)];
    case 'MX':
      return [field('Preference', String(data.preference), start, 2), field('Mail Exchange', shownName(data.exchange), start + 2, length - 2)];
    case 'TXT':
      return data.strings.map((s) => field('TXT', s, start, length));
    case 'SOA':
      return [
        field('Primary name server', shownName(data.mname), start, length - 20),
        field('Responsible authority\'s mailbox', shownName(data.rname), start, length - 20),
        field('Serial Number', String(data.serial), end - 20, 4),
        field('Refresh Interval', `${data.refreshS}`, end - 16, 4),
        field('Retry Interval', `${data.retryS}`, end - 12, 4),
        field('Expire limit', `${data.expireS}`, end - 8, 4),
        field('Minimum TTL', `${data.minimumS}`, end - 4, 4),
      ];
    case 'raw':
      return length > 0 ? [field('Data', `(${length} bytes)`, start, length)] : [];
  }
}

/** Describes a DNS message at `offset` (a UDP payload). Info as tshark prints it, e.g. "Standard query 0x4242 AAAA portal.kiengiang.gov.vn". */
export function describeDns(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  // Offsets inside a message are relative to its start (compression pointers are).
  const bytes = frame.subarray(offset, end);
  const read = readMessage(bytes);
  if (!read.ok) return read;
  const { message, questionEnds, records } = read.value;
  const flags = (bytes[2]! << 8) | bytes[3]!;
  const bit = (mask: number, on: string, off: string) => (flags & mask ? on : off);
  const opcodeName = OPCODE_NAMES[message.opcode] ?? `Unknown operation (${message.opcode})`;
  const rcodeName = RCODE_NAMES[message.rcode] ?? `Unknown error (${message.rcode})`;
  const flagsSummary = message.isResponse ? `${opcodeName} response, ${rcodeName}` : opcodeName;
  const flagChildren = [
    field('Response', bit(0x8000, 'Message is a response', 'Message is a query'), offset + 2, 2),
    field('Opcode', `${opcodeName} (${message.opcode})`, offset + 2, 2),
  ];
  if (message.isResponse) flagChildren.push(field('Authoritative', bit(0x0400, 'Server is an authority for domain', 'Server is not an authority for domain'), offset + 2, 2));
  flagChildren.push(
    field('Truncated', bit(0x0200, 'Message is truncated', 'Message is not truncated'), offset + 2, 2),
    field('Recursion desired', bit(0x0100, 'Do query recursively', "Don't do query recursively"), offset + 2, 2),
  );
  if (message.isResponse) flagChildren.push(field('Recursion available', bit(0x0080, 'Server can do recursive queries', "Server can't do recursive queries"), offset + 2, 2));
  flagChildren.push(field('Z', `reserved (${(flags >>> 6) & 1})`, offset + 2, 2));
  if (message.isResponse) {
    flagChildren.push(
      field('Answer authenticated', bit(0x0020, 'Answer/authority portion was authenticated by the server', 'Answer/authority portion was not authenticated by the server'), offset + 2, 2),
    );
  } else {
    flagChildren.push(field('AD bit', bit(0x0020, 'Set', 'Not set'), offset + 2, 2));
  }
  flagChildren.push(field('Non-authenticated data', bit(0x0010, 'Acceptable', 'Unacceptable'), offset + 2, 2));
  if (message.isResponse) flagChildren.push(field('Reply code', `${rcodeName} (${message.rcode})`, offset + 2, 2));
  const fields: FieldNode[] = [
    field('Transaction ID', hex(message.id, 4), offset, 2),
    field('Flags', `${hex(flags, 4)} ${flagsSummary}`, offset + 2, 2, flagChildren),
    field('Questions', String(message.questions.length), offset + 4, 2),
    field('Answer RRs', String(message.answers.length), offset + 6, 2),
    field('Authority RRs', String(message.authorities.length), offset + 8, 2),
    field('Additional RRs', String(message.additionals.length), offset + 10, 2),
  ];
  if (message.questions.length > 0) {
    const queries = message.questions.map((q, i) => {
      const at = questionEnds[i]!;
      return field(`${shownName(q.name)}: type ${typeShort(q.type)}, class ${CLASS_NAMES[q.class] ?? q.class}`, '', offset + at.start, at.end - at.start, [
        field('Name', shownName(q.name), offset + at.start, at.nameEnd - at.start),
        field('Type', typeLong(q.type), offset + at.nameEnd, 2),
        field('Class', classText(q.class), offset + at.nameEnd + 2, 2),
      ]);
    });
    const first = questionEnds[0]!.start;
    fields.push(field('Queries', '', offset + first, questionEnds[questionEnds.length - 1]!.end - first, queries));
  }
  const sectionNames = ['Answers', 'Authoritative nameservers', 'Additional records'];
  const counts = [message.answers.length, message.authorities.length, message.additionals.length];
  let index = 0;
  counts.forEach((count, s) => {
    if (count === 0) return;
    const nodes = records.slice(index, index + count).map((r) => {
      const rr = r.record;
      const summary = `${shownName(rr.name)}: type ${typeShort(r.type)}, class ${CLASS_NAMES[rr.class] ?? rr.class}`;
      return field(summary, '', offset + r.start, r.end - r.start, [
        field('Name', shownName(rr.name), offset + r.start, r.nameEnd - r.start),
        field('Type', typeLong(r.type), offset + r.nameEnd, 2),
        field('Class', classText(rr.class), offset + r.nameEnd + 2, 2),
        field('Time to live', String(rr.ttlS), offset + r.nameEnd + 4, 4),
        field('Data length', String(r.end - r.rdataStart), offset + r.nameEnd + 8, 2),
        ...dataFields(rr.data, offset + r.rdataStart, offset + r.end),
      ]);
    });
    const start = records[index]!.start;
    fields.push(field(sectionNames[s]!, '', offset + start, records[index + count - 1]!.end - start, nodes));
    index += count;
  });
  let info = `${opcodeName}${message.isResponse ? ' response' : ''} ${hex(message.id, 4)}`;
  if (message.isResponse && message.rcode !== 0) info += ` ${rcodeName}`;
  for (const q of message.questions) info += ` ${typeShort(q.type)} ${shownName(q.name)}`;
  // tshark lists every record of all three sections, not only the answers.
  for (const r of records) info += ` ${typeShort(r.type)}${dataInfo(r.record.data)}`;
  const last = records.length > 0 ? records[records.length - 1]!.end : questionEnds.length > 0 ? questionEnds[questionEnds.length - 1]!.end : DNS_HEADER_LENGTH;
  return decoded({
    layer: { protocol: 'DNS', title: `Domain Name System (${message.isResponse ? 'response' : 'query'})`, offset, length: last, fields },
    info,
    payloadOffset: offset + last,
    payloadEnd: end,
  });
}
