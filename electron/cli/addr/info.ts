/**
 * `v6lab addr info <address>`: what an address is, in every form a trainee meets. For IPv6:
 * canonical (RFC 5952) and full form, type and multicast scope, the prefix part in binary when a
 * length is given, the solicited-node group and its MAC (RFC 4291 section 2.7.1, RFC 2464
 * section 7), an embedded IPv4 or MAC when there is one, and the ip6.arpa name (RFC 3596
 * section 2.5). For IPv4: type, mask/wildcard/broadcast for a length, and the IPv6 forms that
 * carry it (mapped, NAT64, 6to4) and the in-addr.arpa name.
 */
import {
  classifyIpv4,
  classifyIpv6,
  formatInterfaceId,
  formatIpv4,
  formatIpv6,
  formatIpv6Full,
  formatIpv6Mixed,
  formatMac,
  formatPrefix,
  ipv4FromSixToFour,
  ipv4Mask,
  ipv4MulticastMac,
  ipv4PrefixOf,
  ipv4Wildcard,
  ipv6HostPart,
  ipv6MulticastMac,
  ipv6PrefixOf,
  ipv6Words,
  lastAddressOf,
  macFromInterfaceId,
  sixToFourPrefix,
  solicitedNodeGroup,
  usableIpv4Hosts,
  embedIpv4,
  NAT64_WELL_KNOWN_PREFIX,
  type Ipv4Address,
  type Ipv6Address,
} from '../../../sim-core/addr';
import { commandError, type CommandOutcome } from '../cli-command';
import { readIpv4Argument, readIpv4InterfaceArgument, readIpv6Argument, readIpv6InterfaceArgument } from './arguments';
import { formatAddressCount, formatReport, groupDigits } from './report-text';

type Detail = readonly [string, string];

/**
 * Binary cells with '|' after bit `length` (the end of the prefix), inside a cell or between two,
 * and the label cells (hex or decimal) above them, aligned.
 */
function binaryRows(labels: readonly string[], cells: readonly string[], cellBits: number, length: number): [string, string] {
  const marked = cells.map((bits, i) => {
    const cut = length - i * cellBits;
    return cut > 0 && cut < cellBits ? `${bits.slice(0, cut)}|${bits.slice(cut)}` : bits;
  });
  const separator = (i: number) => (length === (i + 1) * cellBits ? '|' : ' ');
  const top = labels.map((label, i) => label.padEnd(marked[i]!.length)).join(' ').trimEnd();
  const bottom = marked.map((cell, i) => (i < marked.length - 1 ? `${cell}${separator(i)}` : cell)).join('');
  return [top, length === cells.length * cellBits ? `${bottom}|` : bottom];
}

/** ip6.arpa name: the 32 nibbles, last first (RFC 3596 section 2.5). */
export function ip6ArpaName(address: Ipv6Address, nibbles = 32): string {
  const hex = formatIpv6Full(address).replace(/:/g, '').slice(0, nibbles);
  return `${[...hex].reverse().join('.')}${nibbles > 0 ? '.' : ''}ip6.arpa`;
}

export function inAddrArpaName(address: Ipv4Address, octets = 4): string {
  const parts = formatIpv4(address).split('.').slice(0, octets).reverse();
  return `${parts.join('.')}${octets > 0 ? '.' : ''}in-addr.arpa`;
}

function ipv6Info(input: string, address: Ipv6Address, zone: string | undefined, length: number | undefined): CommandOutcome {
  const kind = classifyIpv6(address);
  const canonical = `${formatIpv6(address)}${zone === undefined ? '' : `%${zone}`}${length === undefined ? '' : `/${length}`}`;
  const details: Detail[] = [['full form', formatIpv6Full(address)]];
  const json: Record<string, unknown> = { input, family: 'ipv6', canonical, full: formatIpv6Full(address) };
  if (zone !== undefined) {
    details.push(['zone index', `${zone} (which interface the address belongs to)`]);
    json.zone = zone;
  }
  details.push(['type', `${kind.description} [${kind.reference}]`]);
  json.type = kind;
  const warnings: string[] = [];

  if (length !== undefined) {
    const prefix = ipv6PrefixOf(address, length);
    const groups = Math.ceil(length / 16);
    const words = ipv6Words(address).slice(0, groups);
    const [hexRow, bitRow] = binaryRows(
      words.map((w) => w.toString(16).padStart(4, '0')),
      words.map((w) => w.toString(2).padStart(16, '0')),
      16,
      length,
    );
    const host = ipv6HostPart(address, length);
    details.push(['prefix', `${formatPrefix(prefix)} (${formatAddressCount(128 - length)} addresses)`]);
    if (length > 0) details.push(['prefix bits', hexRow], ['', bitRow]);
    details.push([length === 64 ? 'interface ID' : 'host part', length === 64 ? formatInterfaceId(host) : formatIpv6(host as Ipv6Address)]);
    json.prefix = formatPrefix(prefix);
    json.prefixLength = length;
    json.prefixBits = length === 0 ? '' : bitRow.replace(/ /g, '').split('|')[0];
    json.hostPart = formatIpv6(host as Ipv6Address);
    if (length % 4 === 0) {
      details.push(['reverse zone', `${ip6ArpaName(address, length / 4)} (the DNS zone for ${formatPrefix(prefix)})`]);
      json.reverseZone = ip6ArpaName(address, length / 4);
    } else {
      warnings.push(`/${length} is not on a nibble boundary (a multiple of 4); plans are easier to read when cut at /48, /52, /56, /60, /64`);
    }
    if (length > 64 && length < 127 && kind.kind !== 'multicast') warnings.push(`a /${length} is longer than /64: SLAAC will not work on it; LANs use /64`);
  }

  if (kind.kind === 'multicast') {
    const groupMac = formatMac(ipv6MulticastMac(address));
    details.push(['scope', `${kind.multicastScope} (scope value ${kind.multicastScopeValue?.toString(16)})`], ['Ethernet MAC', `${groupMac} (33:33 + the last 32 bits, RFC 2464 section 7)`]);
    json.multicastMac = groupMac;
  } else if (kind.kind !== 'unspecified' && kind.kind !== 'loopback' && kind.kind !== 'ipv4-mapped') {
    const group = solicitedNodeGroup(address);
    const groupMac = formatMac(ipv6MulticastMac(group));
    details.push(['solicited-node', `${formatIpv6(group)} (Ethernet ${groupMac}), where neighbours ask for this address`]);
    json.solicitedNode = formatIpv6(group);
    json.solicitedNodeMac = groupMac;
  }
  if (kind.kind === 'ipv4-mapped' || kind.kind === 'nat64-well-known') {
    const v4 = formatIpv4(Number(address & 0xffffffffn) as Ipv4Address);
    details.push(['embedded IPv4', `${v4} (mixed form ${formatIpv6Mixed(address)})`]);
    json.embeddedIpv4 = v4;
  }
  if (kind.kind === '6to4') {
    const v4 = ipv4FromSixToFour(address);
    if (v4.ok) {
      details.push(['embedded IPv4', `${formatIpv4(v4.value)} (6to4 site ${formatPrefix(sixToFourPrefix(v4.value))})`]);
      json.embeddedIpv4 = formatIpv4(v4.value);
    }
  }
  if (kind.kind !== 'multicast' && kind.kind !== 'ipv4-mapped' && kind.kind !== 'nat64-well-known') {
    const fromMac = macFromInterfaceId(address & 0xffffffffffffffffn);
    if (fromMac !== undefined) {
      details.push(['MAC inside', `${formatMac(fromMac)} (the interface ID is modified EUI-64: ff:fe in the middle, U/L bit flipped)`]);
      json.macFromInterfaceId = formatMac(fromMac);
    }
  }
  if (kind.kind === 'link-local' && zone === undefined) {
    details.push(['note', 'to use a link-local address, name the interface: fe80::1%eth0 (Linux) or fe80::1%11 (Windows)']);
  }
  details.push(['reverse DNS', ip6ArpaName(address)]);
  json.reverseDns = ip6ArpaName(address);
  json.warnings = warnings;
  return { ok: true, text: formatReport(canonical, details, warnings), json };
}

function ipv4Info(input: string, address: Ipv4Address, length: number | undefined): CommandOutcome {
  const kind = classifyIpv4(address);
  const canonical = `${formatIpv4(address)}${length === undefined ? '' : `/${length}`}`;
  const details: Detail[] = [['type', `${kind.description} [${kind.reference}]`]];
  const json: Record<string, unknown> = { input, family: 'ipv4', canonical, type: kind };
  const warnings: string[] = [];
  if (length !== undefined) {
    const prefix = ipv4PrefixOf(address, length);
    const octets = formatIpv4(address).split('.').map(Number);
    const [decRow, bitRow] = binaryRows(
      octets.map(String),
      octets.map((o) => o.toString(2).padStart(8, '0')),
      8,
      length,
    );
    const last = lastAddressOf(prefix);
    details.push(
      ['prefix', formatPrefix(prefix)],
      ['mask', `${formatIpv4(ipv4Mask(length))} (wildcard ${formatIpv4(ipv4Wildcard(length))})`],
      ['bits', decRow],
      ['', bitRow],
    );
    json.prefix = formatPrefix(prefix);
    json.mask = formatIpv4(ipv4Mask(length));
    json.wildcard = formatIpv4(ipv4Wildcard(length));
    if (length <= 30) {
      details.push(
        ['hosts', `${formatIpv4((prefix.network + 1) as Ipv4Address)} to ${formatIpv4((last - 1) as Ipv4Address)} (${groupDigits(usableIpv4Hosts(length))} usable)`],
        ['broadcast', formatIpv4(last)],
      );
      json.broadcast = formatIpv4(last);
      if (address === prefix.network) warnings.push(`${formatIpv4(address)} is the network address of ${formatPrefix(prefix)}; a host cannot use it`);
      if (address === last) warnings.push(`${formatIpv4(address)} is the broadcast address of ${formatPrefix(prefix)}; a host cannot use it`);
    } else {
      details.push(['hosts', `${formatIpv4(prefix.network)} to ${formatIpv4(last)} (${usableIpv4Hosts(length)} usable${length === 31 ? ', point-to-point link, RFC 3021' : ''})`]);
    }
    json.usableHosts = usableIpv4Hosts(length);
  }
  const mapped = formatIpv6((0xffff00000000n | BigInt(address)) as Ipv6Address);
  details.push(['IPv4-mapped', `${mapped} (how an IPv6 socket sees this IPv4 address)`]);
  json.ipv4Mapped = mapped;
  if (kind.kind === 'global' || kind.kind === 'documentation') {
    const nat64 = embedIpv4(NAT64_WELL_KNOWN_PREFIX, address);
    if (nat64.ok) {
      details.push(['NAT64', `${formatIpv6Mixed(nat64.value)} (= ${formatIpv6(nat64.value)}, well-known prefix 64:ff9b::/96)`]);
      json.nat64 = formatIpv6(nat64.value);
    }
    details.push(['6to4 prefix', `${formatPrefix(sixToFourPrefix(address))} (legacy)`]);
    json.sixToFourPrefix = formatPrefix(sixToFourPrefix(address));
  }
  if (kind.kind === 'multicast') {
    details.push(['Ethernet MAC', `${formatMac(ipv4MulticastMac(address))} (01:00:5e + the last 23 bits, RFC 1112)`]);
    json.multicastMac = formatMac(ipv4MulticastMac(address));
  }
  details.push(['reverse DNS', inAddrArpaName(address)]);
  json.reverseDns = inAddrArpaName(address);
  json.warnings = warnings;
  return { ok: true, text: formatReport(canonical, details, warnings), json };
}

/** The `addr info` result for one argument: an IPv6 or IPv4 address, optionally with /length. */
export function runAddrInfo(input: string): CommandOutcome {
  if (input.includes(':')) {
    if (input.includes('/')) {
      const withLength = readIpv6InterfaceArgument(input);
      if (!withLength.ok) return withLength;
      return ipv6Info(input, withLength.value.address, undefined, withLength.value.length);
    }
    const scoped = readIpv6Argument(input);
    if (!scoped.ok) return scoped;
    return ipv6Info(input, scoped.value.address, scoped.value.zone, undefined);
  }
  if (/^[0-9./]+$/.test(input) && input.includes('.')) {
    if (input.includes('/')) {
      const withLength = readIpv4InterfaceArgument(input);
      if (!withLength.ok) return withLength;
      return ipv4Info(input, withLength.value.address, withLength.value.length);
    }
    const v4 = readIpv4Argument(input);
    if (!v4.ok) return v4;
    return ipv4Info(input, v4.value, undefined);
  }
  return commandError(`'${input}' is not an IP address: an IPv6 address has ':' (2001:db8::1), an IPv4 address has dots (192.0.2.1)`);
}
