/**
 * Neighbor Discovery options (RFC 4861 section 4.6): source/target link-layer address (Ethernet,
 * 4.6.1), prefix information (4.6.2, with the R flag of RFC 6275 section 7.2), redirected header
 * (4.6.3), MTU (4.6.4), RDNSS and DNSSL (RFC 8106 section 5), PREF64 (RFC 8781 section 4).
 * An option of length 0 is an error (RFC 4861 section 4.6: the whole message is discarded).
 * Any other option, and a known option whose length or contents do not fit its format (a
 * link-layer address that is not 6 bytes, an RDNSS of even length, a DNSSL name that is not plain
 * labels, a prefix length over 128), is kept raw so the bytes survive a round trip; the stack
 * ignores what it cannot use (RFC 4862 section 5.5.3 ignores a prefix option it cannot use).
 * DNSSL domain names are decoded to text (the only string work here: RAs are rare).
 * Left out: DNS name compression (RFC 8106 forbids it in DNSSL), non-Ethernet link layers.
 */
import { formatIpv6, type Ipv6Address, readIpv6, writeIpv6 } from '../addr/ipv6';
import { formatMac, type MacAddress, readMac, writeMac } from '../addr/mac';
import { field, type FieldNode, hex } from './describe';
import { type Decoded, decoded, decodeError } from './result';

export const NDP_OPTION_SOURCE_LINK_LAYER_ADDRESS = 1;
export const NDP_OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
export const NDP_OPTION_PREFIX_INFORMATION = 3;
export const NDP_OPTION_REDIRECTED_HEADER = 4;
export const NDP_OPTION_MTU = 5;
export const NDP_OPTION_RDNSS = 25;
export const NDP_OPTION_DNSSL = 31;
export const NDP_OPTION_PREF64 = 38;

/** RFC 4861 section 4.6.2: a lifetime of all ones means infinity. */
export const INFINITE_LIFETIME_S = 0xffffffff;

export type NdpOption =
  | { readonly kind: 'source-link-layer-address'; readonly linkLayerAddress: MacAddress }
  | { readonly kind: 'target-link-layer-address'; readonly linkLayerAddress: MacAddress }
  | {
      readonly kind: 'prefix-information';
      readonly prefixLength: number;
      /** L flag. */
      readonly onLink: boolean;
      /** A flag (SLAAC). */
      readonly autonomous: boolean;
      /** R flag (RFC 6275 section 7.2): the prefix field holds the router's whole address. */
      readonly routerAddress: boolean;
      readonly validLifetimeS: number;
      readonly preferredLifetimeS: number;
      readonly prefix: Ipv6Address;
    }
  /** `payload` is the quoted IP header and data; a multiple of 8 bytes round-trips exactly (encode pads with zeros). */
  | { readonly kind: 'redirected-header'; readonly payload: Uint8Array }
  | { readonly kind: 'mtu'; readonly mtu: number }
  | { readonly kind: 'rdnss'; readonly lifetimeS: number; readonly addresses: readonly Ipv6Address[] }
  | { readonly kind: 'dnssl'; readonly lifetimeS: number; readonly domainNames: readonly string[] }
  /** RFC 8781: Scaled Lifetime in units of 8 seconds (13 bits); prefixLength 96, 64, 56, 48, 40 or 32; the prefix's low 32 bits are not carried. */
  | { readonly kind: 'pref64'; readonly scaledLifetime: number; readonly prefixLength: number; readonly prefix: Ipv6Address }
  /** Any other option, or a known one that does not fit its format: `body` is everything after Type and Length. */
  | { readonly kind: 'raw'; readonly type: number; readonly body: Uint8Array };

const LAYER = 'NDP option';

/** PREF64 Prefix Length Code → prefix length (RFC 8781 section 4). */
const PREF64_LENGTHS = [96, 64, 56, 48, 40, 32];

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** Domain names of a DNSSL option in `bytes[start, end)` (RFC 8106 section 5.2), or undefined if not plain labels + zero padding. */
function readDomainNames(bytes: Uint8Array, start: number, end: number): string[] | undefined {
  const names: string[] = [];
  let i = start;
  while (i < end) {
    if (bytes[i] === 0) {
      // Padding: the rest must be zeros.
      for (; i < end; i++) if (bytes[i] !== 0) return undefined;
      break;
    }
    let name = '';
    for (;;) {
      if (i >= end) return undefined;
      const length = bytes[i]!;
      if (length === 0) {
        i++;
        break;
      }
      if (length > 63 || i + 1 + length > end) return undefined;
      if (name !== '') name += '.';
      for (let j = i + 1; j <= i + length; j++) {
        const c = bytes[j]!;
        if (c === 0x2e || c <= 0x20 || c >= 0x7f) return undefined;
        name += String.fromCharCode(c);
      }
      i += 1 + length;
    }
    names.push(name);
  }
  return names;
}

function decodeOne(type: number, bytes: Uint8Array, start: number, end: number): NdpOption {
  const units = (end - start) / 8;
  switch (type) {
    case NDP_OPTION_SOURCE_LINK_LAYER_ADDRESS:
    case NDP_OPTION_TARGET_LINK_LAYER_ADDRESS:
      if (units !== 1) break;
      return type === NDP_OPTION_SOURCE_LINK_LAYER_ADDRESS
        ? { kind: 'source-link-layer-address', linkLayerAddress: readMac(bytes, start + 2) }
        : { kind: 'target-link-layer-address', linkLayerAddress: readMac(bytes, start + 2) };
    case NDP_OPTION_PREFIX_INFORMATION: {
      // Section 4.6.2: Prefix Length is 0..128; a larger value stays raw, so no record carries it.
      if (units !== 4 || bytes[start + 2]! > 128) break;
      const flags = bytes[start + 3]!;
      return {
        kind: 'prefix-information',
        prefixLength: bytes[start + 2]!,
        onLink: (flags & 0x80) !== 0,
        autonomous: (flags & 0x40) !== 0,
        routerAddress: (flags & 0x20) !== 0,
        validLifetimeS: u32(bytes, start + 4),
        preferredLifetimeS: u32(bytes, start + 8),
        prefix: readIpv6(bytes, start + 16),
      };
    }
    case NDP_OPTION_REDIRECTED_HEADER:
      return { kind: 'redirected-header', payload: bytes.subarray(start + 8, end) };
    case NDP_OPTION_MTU:
      if (units !== 1) break;
      return { kind: 'mtu', mtu: u32(bytes, start + 4) };
    case NDP_OPTION_RDNSS: {
      if (units < 3 || units % 2 === 0) break;
      const addresses: Ipv6Address[] = [];
      for (let at = start + 8; at < end; at += 16) addresses.push(readIpv6(bytes, at));
      return { kind: 'rdnss', lifetimeS: u32(bytes, start + 4), addresses };
    }
    case NDP_OPTION_DNSSL: {
      if (units < 2) break;
      const domainNames = readDomainNames(bytes, start + 8, end);
      if (!domainNames) break;
      return { kind: 'dnssl', lifetimeS: u32(bytes, start + 4), domainNames };
    }
    case NDP_OPTION_PREF64: {
      if (units !== 2) break;
      const word = (bytes[start + 2]! << 8) | bytes[start + 3]!;
      const prefixLength = PREF64_LENGTHS[word & 7];
      if (prefixLength === undefined) break;
      // The 96 bits carried are the high 96 of the address.
      const prefix = (((BigInt(u32(bytes, start + 4)) << 64n) | (BigInt(u32(bytes, start + 8)) << 32n) | BigInt(u32(bytes, start + 12))) << 32n) as Ipv6Address;
      return { kind: 'pref64', scaledLifetime: word >>> 3, prefixLength, prefix };
    }
  }
  return { kind: 'raw', type, body: bytes.subarray(start + 2, end) };
}

/**
 * Decodes the options filling `bytes` (RFC 4861 section 4.6). Errors: a Length of 0
 * ('bad-value'), an option running past the end ('truncated'). Offsets are within `bytes`.
 */
export function decodeNdpOptions(bytes: Uint8Array): Decoded<readonly NdpOption[]> {
  const options: NdpOption[] = [];
  let i = 0;
  while (i < bytes.length) {
    if (i + 2 > bytes.length) return decodeError(LAYER, 'truncated', i, `NDP option: 1 byte left at byte ${i}, an option needs at least 8`);
    const type = bytes[i]!;
    const length = bytes[i + 1]!;
    if (length === 0) return decodeError(LAYER, 'bad-value', i + 1, `NDP option: type ${type} at byte ${i} has length 0, which RFC 4861 section 4.6 forbids`);
    const end = i + length * 8;
    if (end > bytes.length) {
      return decodeError(LAYER, 'truncated', i, `NDP option: type ${type} at byte ${i} needs ${length * 8} bytes, only ${bytes.length - i} present`);
    }
    options.push(decodeOne(type, bytes, i, end));
    i = end;
  }
  return decoded(options);
}

/** The first link-layer address option of `kind` among `options`, if any. */
export function findLinkLayerAddress(
  options: readonly NdpOption[],
  kind: 'source-link-layer-address' | 'target-link-layer-address',
): MacAddress | undefined {
  for (const option of options) if (option.kind === kind) return option.linkLayerAddress;
  return undefined;
}

// --- encoding -------------------------------------------------------------------------------

function domainNamesLength(names: readonly string[]): number {
  let size = 0;
  for (const name of names) size += name === '' ? 1 : name.length + 2;
  return size;
}

/** Encoded size of one option in bytes (a multiple of 8). */
export function ndpOptionLength(option: NdpOption): number {
  switch (option.kind) {
    case 'source-link-layer-address':
    case 'target-link-layer-address':
    case 'mtu':
      return 8;
    case 'prefix-information':
      return 32;
    case 'redirected-header':
      return 8 + Math.ceil(option.payload.length / 8) * 8;
    case 'rdnss':
      return 8 + 16 * option.addresses.length;
    case 'dnssl':
      // RFC 8106 section 5.2: Length is at least 2, even when no name is given.
      return 8 + Math.max(8, Math.ceil(domainNamesLength(option.domainNames) / 8) * 8);
    case 'pref64':
      return 16;
    case 'raw':
      return Math.ceil((2 + option.body.length) / 8) * 8;
  }
}

export function ndpOptionsLength(options: readonly NdpOption[]): number {
  let size = 0;
  for (const option of options) size += ndpOptionLength(option);
  return size;
}

const OPTION_TYPES: Record<Exclude<NdpOption['kind'], 'raw'>, number> = {
  'source-link-layer-address': NDP_OPTION_SOURCE_LINK_LAYER_ADDRESS,
  'target-link-layer-address': NDP_OPTION_TARGET_LINK_LAYER_ADDRESS,
  'prefix-information': NDP_OPTION_PREFIX_INFORMATION,
  'redirected-header': NDP_OPTION_REDIRECTED_HEADER,
  mtu: NDP_OPTION_MTU,
  rdnss: NDP_OPTION_RDNSS,
  dnssl: NDP_OPTION_DNSSL,
  pref64: NDP_OPTION_PREF64,
};

/**
 * Writes the options at `bytes[offset]` (the range must be zeros: reserved fields and padding are
 * not written); returns the number of bytes written.
 */
export function writeNdpOptions(bytes: Uint8Array, offset: number, options: readonly NdpOption[]): number {
  let at = offset;
  for (const option of options) {
    const size = ndpOptionLength(option);
    bytes[at] = option.kind === 'raw' ? option.type : OPTION_TYPES[option.kind];
    bytes[at + 1] = size / 8;
    switch (option.kind) {
      case 'source-link-layer-address':
      case 'target-link-layer-address':
        writeMac(bytes, at + 2, option.linkLayerAddress);
        break;
      case 'prefix-information':
        bytes[at + 2] = option.prefixLength;
        bytes[at + 3] = (option.onLink ? 0x80 : 0) | (option.autonomous ? 0x40 : 0) | (option.routerAddress ? 0x20 : 0);
        writeU32(bytes, at + 4, option.validLifetimeS);
        writeU32(bytes, at + 8, option.preferredLifetimeS);
        writeIpv6(bytes, at + 16, option.prefix);
        break;
      case 'redirected-header':
        bytes.set(option.payload, at + 8);
        break;
      case 'mtu':
        writeU32(bytes, at + 4, option.mtu);
        break;
      case 'rdnss':
        writeU32(bytes, at + 4, option.lifetimeS);
        option.addresses.forEach((address, i) => writeIpv6(bytes, at + 8 + 16 * i, address));
        break;
      case 'dnssl': {
        writeU32(bytes, at + 4, option.lifetimeS);
        let i = at + 8;
        for (const name of option.domainNames) {
          if (name !== '') {
            for (const label of name.split('.')) {
              bytes[i++] = label.length;
              for (let j = 0; j < label.length; j++) bytes[i++] = label.charCodeAt(j) & 0xff;
            }
          }
          bytes[i++] = 0;
        }
        break;
      }
      case 'pref64': {
        const plc = PREF64_LENGTHS.indexOf(option.prefixLength);
        const word = ((option.scaledLifetime & 0x1fff) << 3) | (plc < 0 ? 0 : plc);
        bytes[at + 2] = word >>> 8;
        bytes[at + 3] = word & 0xff;
        const high = option.prefix >> 32n;
        writeU32(bytes, at + 4, Number((high >> 64n) & 0xffffffffn));
        writeU32(bytes, at + 8, Number((high >> 32n) & 0xffffffffn));
        writeU32(bytes, at + 12, Number(high & 0xffffffffn));
        break;
      }
      case 'raw':
        bytes.set(option.body, at + 2);
        break;
    }
    at += size;
  }
  return at - offset;
}

export function encodeNdpOptions(options: readonly NdpOption[]): Uint8Array {
  const bytes = new Uint8Array(ndpOptionsLength(options));
  writeNdpOptions(bytes, 0, options);
  return bytes;
}

// --- describing -----------------------------------------------------------------------------

const OPTION_NAMES: Record<number, string> = {
  1: 'Source link-layer address',
  2: 'Target link-layer address',
  3: 'Prefix information',
  4: 'Redirected header',
  5: 'MTU',
  24: 'Route Information',
  25: 'Recursive DNS Server',
  31: 'DNS Search List Option',
  38: 'PREF64 Option',
};

function lifetimeText(seconds: number): string {
  return seconds === INFINITE_LIFETIME_S ? `Infinity (${seconds})` : String(seconds);
}

function setText(flag: boolean): string {
  return flag ? 'Set' : 'Not set';
}

/**
 * One subtree per option in `frame[offset, end)`, named as Wireshark names them ("ICMPv6 Option
 * (Prefix information : 2001:db8:1::/64)"). Stops at an option of length 0 or one that overruns,
 * with a last node saying so.
 */
export function describeNdpOptions(frame: Uint8Array, offset: number, end: number): FieldNode[] {
  const nodes: FieldNode[] = [];
  let at = offset;
  while (at < end) {
    if (at + 2 > end || frame[at + 1] === 0 || at + frame[at + 1]! * 8 > end) {
      const why = at + 2 > end ? 'truncated' : frame[at + 1] === 0 ? 'length 0 (RFC 4861 section 4.6)' : 'runs past the end of the message';
      nodes.push(field('Malformed ICMPv6 option', why, at, end - at));
      break;
    }
    const type = frame[at]!;
    const size = frame[at + 1]! * 8;
    const name = OPTION_NAMES[type] ?? 'Unknown';
    const option = decodeOne(type, frame, at, at + size);
    const children: FieldNode[] = [field('Type', `${name} (${type})`, at, 1), field('Length', `${size / 8} (${size} bytes)`, at + 1, 1)];
    let summary = '';
    switch (option.kind) {
      case 'source-link-layer-address':
      case 'target-link-layer-address':
        summary = ` : ${formatMac(option.linkLayerAddress)}`;
        children.push(field('Link-layer address', formatMac(option.linkLayerAddress), at + 2, 6));
        break;
      case 'prefix-information': {
        const flags = frame[at + 3]!;
        summary = ` : ${formatIpv6(option.prefix)}/${option.prefixLength}`;
        const flagNames = [option.onLink ? 'On-link flag(L)' : '', option.autonomous ? 'Autonomous address-configuration flag(A)' : '', option.routerAddress ? 'Router address flag(R)' : '']
          .filter((n) => n !== '')
          .join(', ');
        children.push(
          field('Prefix Length', String(option.prefixLength), at + 2, 1),
          field('Flag', `${hex(flags, 2)}${flagNames ? `, ${flagNames}` : ''}`, at + 3, 1, [
            field('On-link flag(L)', setText(option.onLink), at + 3, 1),
            field('Autonomous address-configuration flag(A)', setText(option.autonomous), at + 3, 1),
            field('Router address flag(R)', setText(option.routerAddress), at + 3, 1),
            field('Reserved', String(flags & 0x1f), at + 3, 1),
          ]),
          field('Valid Lifetime', lifetimeText(option.validLifetimeS), at + 4, 4),
          field('Preferred Lifetime', lifetimeText(option.preferredLifetimeS), at + 8, 4),
          field('Reserved', '', at + 12, 4),
          field('Prefix', formatIpv6(option.prefix), at + 16, 16),
        );
        break;
      }
      case 'redirected-header':
        children.push(field('Reserved', '', at + 2, 6), field('Redirected Packet', `${size - 8} bytes`, at + 8, size - 8));
        break;
      case 'mtu':
        summary = ` : ${option.mtu}`;
        children.push(field('Reserved', '', at + 2, 2), field('MTU', String(option.mtu), at + 4, 4));
        break;
      case 'rdnss':
        summary = ` ${option.addresses.map(formatIpv6).join(' ')}`;
        children.push(field('Reserved', '', at + 2, 2), field('Lifetime', lifetimeText(option.lifetimeS), at + 4, 4));
        option.addresses.forEach((address, i) => children.push(field('Recursive DNS Servers', formatIpv6(address), at + 8 + 16 * i, 16)));
        break;
      case 'dnssl':
        summary = ` ${option.domainNames.join(' ')}`;
        children.push(field('Reserved', '', at + 2, 2), field('Lifetime', lifetimeText(option.lifetimeS), at + 4, 4));
        for (const name of option.domainNames) children.push(field('Domain Names', name, at + 8, size - 8));
        break;
      case 'pref64':
        children.push(
          field('Scaled Lifetime', String(option.scaledLifetime), at + 2, 2),
          field('PLC (Prefix Length Code)', `${option.prefixLength} bits prefix length (${hex(frame[at + 3]! & 7, 1)})`, at + 3, 1),
          field('Prefix', formatIpv6(option.prefix), at + 4, 12),
        );
        break;
      case 'raw':
        if (size > 2) children.push(field('Data', `${size - 2} bytes`, at + 2, size - 2));
        break;
    }
    nodes.push(field(`ICMPv6 Option (${name}${summary})`, '', at, size, children));
    at += size;
  }
  return nodes;
}
