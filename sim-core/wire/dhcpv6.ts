/**
 * DHCPv6 client/server messages (RFC 8415 section 8): message type, 24-bit transaction id and the
 * option list (section 21). Decoded options: Client and Server Identifier with DUID-LLT, DUID-EN,
 * DUID-LL (section 11), IA_NA with its IA Address and Status Code sub-options, Option Request,
 * Elapsed Time, Status Code, DNS Recursive Name Server and Domain Search List (RFC 3646). Any other
 * option, or a known one whose contents do not parse, is kept as raw bytes, so every message
 * writes back exactly. An option running past the end of the message is an error.
 * Left out: relay messages (Relay-forw/Relay-reply, types 12 and 13: 'unsupported'), IA_TA, IA_PD,
 * authentication, and all client/server behaviour.
 */
import { formatIpv6, readIpv6, writeIpv6, type Ipv6Address } from '../addr/ipv6';
import { field, hex, type DescribedLayer, type FieldNode } from './describe';
import { encodeDnsName, readDnsName } from './dns';
import { decoded, decodeError, truncated, type Decoded } from './result';

export { PORT_DHCPV6_CLIENT as DHCPV6_CLIENT_PORT, PORT_DHCPV6_SERVER as DHCPV6_SERVER_PORT } from './protocol-numbers';
export const DHCPV6_MESSAGE = {
  SOLICIT: 1,
  ADVERTISE: 2,
  REQUEST: 3,
  CONFIRM: 4,
  RENEW: 5,
  REBIND: 6,
  REPLY: 7,
  RELEASE: 8,
  DECLINE: 9,
  RECONFIGURE: 10,
  INFORMATION_REQUEST: 11,
} as const;
export const DHCPV6_OPTION = {
  CLIENTID: 1,
  SERVERID: 2,
  IA_NA: 3,
  IAADDR: 5,
  ORO: 6,
  ELAPSED_TIME: 8,
  STATUS_CODE: 13,
  DNS_SERVERS: 23,
  DOMAIN_LIST: 24,
} as const;

export type Dhcpv6Duid =
  | { readonly kind: 'llt'; readonly hardwareType: number; /** Seconds since 2000-01-01 00:00 UTC, mod 2^32. */ readonly timeS: number; readonly linkLayerAddress: Uint8Array }
  | { readonly kind: 'en'; readonly enterpriseNumber: number; readonly identifier: Uint8Array }
  | { readonly kind: 'll'; readonly hardwareType: number; readonly linkLayerAddress: Uint8Array }
  /** DUID-UUID (4) and unknown types: the bytes after the type. */
  | { readonly kind: 'other'; readonly duidType: number; readonly data: Uint8Array };

export type Dhcpv6Option =
  | { readonly kind: 'client-id' | 'server-id'; readonly duid: Dhcpv6Duid }
  | { readonly kind: 'ia-na'; readonly iaid: number; readonly t1S: number; readonly t2S: number; readonly options: readonly Dhcpv6Option[] }
  | {
      readonly kind: 'ia-address';
      readonly address: Ipv6Address;
      readonly preferredLifetimeS: number;
      readonly validLifetimeS: number;
      readonly options: readonly Dhcpv6Option[];
    }
  | { readonly kind: 'option-request'; readonly codes: readonly number[] }
  /** Hundredths of a second since the client began the exchange (RFC 8415 21.9). */
  | { readonly kind: 'elapsed-time'; readonly elapsedCs: number }
  | { readonly kind: 'status-code'; readonly statusCode: number; /** UTF-8 text. */ readonly message: string }
  | { readonly kind: 'dns-servers'; readonly addresses: readonly Ipv6Address[] }
  /** Fully qualified names, uncompressed on the wire (RFC 3646, RFC 8415 section 10). */
  | { readonly kind: 'domain-list'; readonly domains: readonly string[] }
  | { readonly kind: 'raw'; readonly code: number; readonly data: Uint8Array };

export interface Dhcpv6Message {
  readonly messageType: number;
  /** 24 bits. */
  readonly transactionId: number;
  readonly options: readonly Dhcpv6Option[];
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function readDuid(data: Uint8Array): Dhcpv6Duid | undefined {
  if (data.length < 2) return undefined;
  const type = u16(data, 0);
  if (type === 1 && data.length >= 8) return { kind: 'llt', hardwareType: u16(data, 2), timeS: u32(data, 4), linkLayerAddress: data.subarray(8) };
  if (type === 2 && data.length >= 6) return { kind: 'en', enterpriseNumber: u32(data, 2), identifier: data.subarray(6) };
  if (type === 3 && data.length >= 4) return { kind: 'll', hardwareType: u16(data, 2), linkLayerAddress: data.subarray(4) };
  return { kind: 'other', duidType: type, data: data.subarray(2) };
}

function duidType(duid: Dhcpv6Duid): number {
  return duid.kind === 'llt' ? 1 : duid.kind === 'en' ? 2 : duid.kind === 'll' ? 3 : duid.duidType;
}

/** One option's contents; undefined when they do not parse (the caller keeps the option raw). */
function readOption(code: number, data: Uint8Array): Dhcpv6Option | undefined {
  switch (code) {
    case DHCPV6_OPTION.CLIENTID:
    case DHCPV6_OPTION.SERVERID: {
      const duid = readDuid(data);
      return duid && { kind: code === DHCPV6_OPTION.CLIENTID ? 'client-id' : 'server-id', duid };
    }
    case DHCPV6_OPTION.IA_NA: {
      if (data.length < 12) return undefined;
      const options = readOptions(data, 12);
      return options.ok ? { kind: 'ia-na', iaid: u32(data, 0), t1S: u32(data, 4), t2S: u32(data, 8), options: options.value } : undefined;
    }
    case DHCPV6_OPTION.IAADDR: {
      if (data.length < 24) return undefined;
      const options = readOptions(data, 24);
      return options.ok
        ? { kind: 'ia-address', address: readIpv6(data, 0), preferredLifetimeS: u32(data, 16), validLifetimeS: u32(data, 20), options: options.value }
        : undefined;
    }
    case DHCPV6_OPTION.ORO: {
      if (data.length % 2 !== 0) return undefined;
      const codes: number[] = [];
      for (let i = 0; i < data.length; i += 2) codes.push(u16(data, i));
      return { kind: 'option-request', codes };
    }
    case DHCPV6_OPTION.ELAPSED_TIME:
      return data.length === 2 ? { kind: 'elapsed-time', elapsedCs: u16(data, 0) } : undefined;
    case DHCPV6_OPTION.STATUS_CODE: {
      if (data.length < 2) return undefined;
      try {
        return { kind: 'status-code', statusCode: u16(data, 0), message: utf8Decoder.decode(data.subarray(2)) };
      } catch {
        return undefined; // not UTF-8: kept raw so it writes back exactly
      }
    }
    case DHCPV6_OPTION.DNS_SERVERS: {
      if (data.length % 16 !== 0) return undefined;
      const addresses: Ipv6Address[] = [];
      for (let i = 0; i < data.length; i += 16) addresses.push(readIpv6(data, i));
      return { kind: 'dns-servers', addresses };
    }
    case DHCPV6_OPTION.DOMAIN_LIST: {
      const domains: string[] = [];
      let i = 0;
      while (i < data.length) {
        const name = readDnsName(data, i, 'DHCPv6');
        // Compression is not allowed here; a name that would encode differently stays raw.
        if (!name.ok || encodeDnsName(name.value.name).length !== name.value.end - i) return undefined;
        domains.push(name.value.name);
        i = name.value.end;
      }
      return { kind: 'domain-list', domains };
    }
    default:
      return undefined;
  }
}

function readOptions(bytes: Uint8Array, start: number): Decoded<readonly Dhcpv6Option[]> {
  const options: Dhcpv6Option[] = [];
  let i = start;
  while (i < bytes.length) {
    if (i + 4 > bytes.length) return decodeError('DHCPv6', 'truncated', i, `DHCPv6: option header at byte ${i} is cut off`);
    const code = u16(bytes, i);
    const length = u16(bytes, i + 2);
    if (i + 4 + length > bytes.length) {
      return decodeError('DHCPv6', 'truncated', i + 2, `DHCPv6: option ${code} at byte ${i} has length ${length}, only ${bytes.length - i - 4} bytes left`);
    }
    const data = bytes.subarray(i + 4, i + 4 + length);
    options.push(readOption(code, data) ?? { kind: 'raw', code, data });
    i += 4 + length;
  }
  return decoded(options);
}

export function decodeDhcpv6(bytes: Uint8Array): Decoded<Dhcpv6Message> {
  if (bytes.length < 4) return truncated('DHCPv6', 4, bytes.length);
  const messageType = bytes[0]!;
  if (messageType === 12 || messageType === 13) {
    return decodeError('DHCPv6', 'unsupported', 0, `DHCPv6: relay message type ${messageType} is not supported`);
  }
  const options = readOptions(bytes, 4);
  if (!options.ok) return options;
  return decoded({ messageType, transactionId: (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!, options: options.value });
}

// ---------------------------------------------------------------- encode

function optionCode(option: Dhcpv6Option): number {
  switch (option.kind) {
    case 'client-id':
      return DHCPV6_OPTION.CLIENTID;
    case 'server-id':
      return DHCPV6_OPTION.SERVERID;
    case 'ia-na':
      return DHCPV6_OPTION.IA_NA;
    case 'ia-address':
      return DHCPV6_OPTION.IAADDR;
    case 'option-request':
      return DHCPV6_OPTION.ORO;
    case 'elapsed-time':
      return DHCPV6_OPTION.ELAPSED_TIME;
    case 'status-code':
      return DHCPV6_OPTION.STATUS_CODE;
    case 'dns-servers':
      return DHCPV6_OPTION.DNS_SERVERS;
    case 'domain-list':
      return DHCPV6_OPTION.DOMAIN_LIST;
    case 'raw':
      return option.code;
  }
}

function u16Bytes(v: number): number[] {
  return [(v >>> 8) & 0xff, v & 0xff];
}
function u32Bytes(v: number): number[] {
  return [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}
function ipv6Bytes(a: Ipv6Address): Uint8Array {
  const b = new Uint8Array(16);
  writeIpv6(b, 0, a);
  return b;
}

function duidBytes(duid: Dhcpv6Duid): Uint8Array[] {
  const type = Uint8Array.from(u16Bytes(duidType(duid)));
  switch (duid.kind) {
    case 'llt':
      return [type, Uint8Array.from([...u16Bytes(duid.hardwareType), ...u32Bytes(duid.timeS)]), duid.linkLayerAddress];
    case 'en':
      return [type, Uint8Array.from(u32Bytes(duid.enterpriseNumber)), duid.identifier];
    case 'll':
      return [type, Uint8Array.from(u16Bytes(duid.hardwareType)), duid.linkLayerAddress];
    case 'other':
      return [type, duid.data];
  }
}

function optionData(option: Dhcpv6Option): Uint8Array[] {
  switch (option.kind) {
    case 'client-id':
    case 'server-id':
      return duidBytes(option.duid);
    case 'ia-na':
      return [Uint8Array.from([...u32Bytes(option.iaid), ...u32Bytes(option.t1S), ...u32Bytes(option.t2S)]), ...option.options.map(encodeDhcpv6Option)];
    case 'ia-address':
      return [
        ipv6Bytes(option.address),
        Uint8Array.from([...u32Bytes(option.preferredLifetimeS), ...u32Bytes(option.validLifetimeS)]),
        ...option.options.map(encodeDhcpv6Option),
      ];
    case 'option-request':
      return [Uint8Array.from(option.codes.flatMap(u16Bytes))];
    case 'elapsed-time':
      return [Uint8Array.from(u16Bytes(option.elapsedCs))];
    case 'status-code':
      return [Uint8Array.from(u16Bytes(option.statusCode)), utf8Encoder.encode(option.message)];
    case 'dns-servers':
      return option.addresses.map(ipv6Bytes);
    case 'domain-list':
      return option.domains.map(encodeDnsName);
    case 'raw':
      return [option.data];
  }
}

function concat(parts: readonly Uint8Array[], headerLength: number): Uint8Array {
  let length = headerLength;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = headerLength;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One option with its code and length (4 + data). */
export function encodeDhcpv6Option(option: Dhcpv6Option): Uint8Array {
  const bytes = concat(optionData(option), 4);
  const code = optionCode(option);
  const length = bytes.length - 4;
  bytes[0] = code >>> 8;
  bytes[1] = code & 0xff;
  bytes[2] = (length >>> 8) & 0xff;
  bytes[3] = length & 0xff;
  return bytes;
}

export function encodeDhcpv6(message: Dhcpv6Message): Uint8Array {
  const bytes = concat(message.options.map(encodeDhcpv6Option), 4);
  bytes[0] = message.messageType;
  bytes[1] = (message.transactionId >>> 16) & 0xff;
  bytes[2] = (message.transactionId >>> 8) & 0xff;
  bytes[3] = message.transactionId & 0xff;
  return bytes;
}

// ---------------------------------------------------------------- describe

const MESSAGE_NAMES = ['', 'Solicit', 'Advertise', 'Request', 'Confirm', 'Renew', 'Rebind', 'Reply', 'Release', 'Decline', 'Reconfigure', 'Information-request', 'Relay-forw', 'Relay-reply'];

const OPTION_NAMES: Readonly<Record<number, string>> = {
  1: 'Client Identifier',
  2: 'Server Identifier',
  3: 'Identity Association for Non-temporary Address',
  4: 'Identity Association for Temporary Address',
  5: 'IA Address',
  6: 'Option Request',
  7: 'Preference',
  8: 'Elapsed time',
  13: 'Status code',
  14: 'Rapid Commit',
  23: 'DNS recursive name server',
  24: 'Domain Search List',
  25: 'Identity Association for Prefix Delegation',
  26: 'IA Prefix',
  39: 'Fully Qualified Domain Name',
};
const optionName = (code: number) => OPTION_NAMES[code] ?? `Unknown (${code})`;

const DUID_TYPE_NAMES = ['', 'link-layer address plus time', 'assigned by vendor based on Enterprise number', 'link-layer address', 'Universally Unique IDentifier (UUID)'];
const STATUS_NAMES = ['Success', 'UnspecFail', 'NoAddrAvail', 'NoBinding', 'NotOnLink', 'UseMulticast', 'NoPrefixAvail'];
const HARDWARE_NAMES: Readonly<Record<number, string>> = { 1: 'Ethernet', 6: 'IEEE 802' };

function hexBytes(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b.toString(16).padStart(2, '0');
  return text;
}
function linkLayerText(hardwareType: number, address: Uint8Array): string {
  return hardwareType === 1 && address.length === 6 ? Array.from(address, (b) => b.toString(16).padStart(2, '0')).join(':') : hexBytes(address);
}

interface Summary {
  info: string;
}

function duidFields(duid: Dhcpv6Duid, start: number, end: number, frame: Uint8Array): FieldNode[] {
  const type = duidType(duid);
  const nodes = [field('DUID', hexBytes(frame.subarray(start, end)), start, end - start), field('DUID Type', `${DUID_TYPE_NAMES[type] || 'Unknown'} (${type})`, start, 2)];
  if (duid.kind === 'llt' || duid.kind === 'll') nodes.push(field('Hardware type', `${HARDWARE_NAMES[duid.hardwareType] ?? 'Unknown'} (${duid.hardwareType})`, start + 2, 2));
  if (duid.kind === 'llt') nodes.push(field('DUID Time', String(duid.timeS), start + 4, 4));
  if (duid.kind === 'llt' || duid.kind === 'll') {
    const at = duid.kind === 'llt' ? start + 8 : start + 4;
    nodes.push(field('Link-layer address', linkLayerText(duid.hardwareType, duid.linkLayerAddress), at, end - at));
  }
  if (duid.kind === 'en') {
    nodes.push(field('Enterprise ID', String(duid.enterpriseNumber), start + 2, 4), field('Identifier', hexBytes(duid.identifier), start + 6, end - start - 6));
  }
  return nodes;
}

/** Builds the option's node; appends to the Info summary the way Wireshark does ("CID: …", "IAA: …"). */
function describeOption(frame: Uint8Array, at: number, summary: Summary): FieldNode {
  const code = u16(frame, at);
  const length = u16(frame, at + 2);
  const start = at + 4;
  const end = start + length;
  const data = frame.subarray(start, end);
  const option = readOption(code, data);
  const children: FieldNode[] = [field('Option', `${optionName(code)} (${code})`, at, 2), field('Length', String(length), at + 2, 2)];
  if (option) {
    switch (option.kind) {
      case 'client-id':
      case 'server-id':
        children.push(...duidFields(option.duid, start, end, frame));
        if (option.kind === 'client-id') summary.info += `CID: ${hexBytes(data)} `;
        break;
      case 'ia-na':
        children.push(field('IAID', hex(option.iaid, 8).slice(2), start, 4), field('T1', String(option.t1S), start + 4, 4), field('T2', String(option.t2S), start + 8, 4));
        children.push(...describeOptions(frame, start + 12, end, summary));
        break;
      case 'ia-address':
        children.push(
          field('IPv6 address', formatIpv6(option.address), start, 16),
          field('Preferred lifetime', String(option.preferredLifetimeS), start + 16, 4),
          field('Valid lifetime', String(option.validLifetimeS), start + 20, 4),
        );
        summary.info += `IAA: ${formatIpv6(option.address)} `;
        children.push(...describeOptions(frame, start + 24, end, summary));
        break;
      case 'option-request':
        option.codes.forEach((c, i) => children.push(field('Requested Option code', `${optionName(c)} (${c})`, start + 2 * i, 2)));
        break;
      case 'elapsed-time':
        children.push(field('Elapsed time', `${option.elapsedCs * 10}ms`, start, 2));
        break;
      case 'status-code':
        children.push(field('Status Code', `${STATUS_NAMES[option.statusCode] ?? 'Unknown'} (${option.statusCode})`, start, 2));
        children.push(field('Status Message', option.message, start + 2, length - 2));
        break;
      case 'dns-servers':
        option.addresses.forEach((a, i) => children.push(field('DNS server address', formatIpv6(a), start + 16 * i, 16)));
        break;
      case 'domain-list': {
        let i = start;
        for (const d of option.domains) {
          const size = encodeDnsName(d).length;
          children.push(field('List entry', d === '.' ? d : `${d}.`, i, size));
          i += size;
        }
        break;
      }
      case 'raw':
        break;
    }
  } else if (length > 0) {
    children.push(field('Value', hexBytes(data), start, length));
  }
  return field(optionName(code), '', at, 4 + length, children);
}

function describeOptions(frame: Uint8Array, start: number, end: number, summary: Summary): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (let i = start; i + 4 <= end && i + 4 + u16(frame, i + 2) <= end; i += 4 + u16(frame, i + 2)) nodes.push(describeOption(frame, i, summary));
  return nodes;
}

/**
 * Describes a DHCPv6 message at `offset`. Info as tshark prints it, trailing space included:
 * "Solicit XID: 0x5a5a5a CID: 00030001000c290c47d5 ".
 */
export function describeDhcpv6(frame: Uint8Array, offset: number, end: number): Decoded<DescribedLayer> {
  const result = decodeDhcpv6(frame.subarray(offset, end));
  if (!result.ok) return result;
  const { messageType, transactionId } = result.value;
  const typeName = MESSAGE_NAMES[messageType] || 'Unknown';
  const summary: Summary = { info: `${typeName} XID: ${hex(transactionId, 6)} ` };
  const fields = [
    field('Message type', `${typeName} (${messageType})`, offset, 1),
    field('Transaction ID', hex(transactionId, 6), offset + 1, 3),
    ...describeOptions(frame, offset + 4, end, summary),
  ];
  return decoded({
    layer: { protocol: 'DHCPv6', title: 'DHCPv6', offset, length: end - offset, fields },
    info: summary.info,
    payloadOffset: end,
    payloadEnd: end,
  });
}
