/**
 * `address`: an interface holds (or does not hold) an address matching every condition given:
 * inside `prefix`, equal to `address`, configured with prefix length `length` (a /127 on a
 * router link, RFC 6164; a /128 loopback; a /64 LAN), of a kind (`slaac`, RFC 4862; `temporary`,
 * RFC 8981; `static`, typed by a person, EUI-64 included; `link-local`, any fe80::/10 address;
 * `dhcpv6`, RFC 8415) and in a state (default `preferred`: tentative or duplicate addresses
 * are not usable, RFC 4862 section 5.5.4). IPv4 prefixes or addresses check the interface's
 * IPv4 addresses (kind and state do not apply).
 */
import { z } from 'zod';
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { ipv4PrefixContains, ipv6PrefixContains, parsePrefix, type Ipv4Prefix, type Ipv6Prefix } from '../../../addr/prefix';
import type { Ipv6AddressSnapshot } from '../../../stack/ipv6/ipv6-layer';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, ENDPOINT_FIELD, PRESENCE_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';
import { familyOfAddressText, validateAddress, validateEndpoint, validatePrefix } from './check-validation';
import { findLiveInterface, formatIpv6Entry, ipv4AddressesOf, ipv6AddressesOf, listShort, parseAddress } from './lab-queries';
import { formatIpv4 } from '../../../addr/ipv4';

export const ADDRESS_KINDS = ['slaac', 'temporary', 'static', 'link-local', 'dhcpv6'] as const;
/** An IPv6 address's origin and state in Vietnamese words, for explanations (RFC 4862 section 5.5.4 names the states). */
const ORIGIN_VI: Readonly<Record<Ipv6AddressSnapshot['origin'], string>> = {
  static: 'tĩnh',
  'eui64-static': 'tĩnh',
  'link-local': 'link-local',
  slaac: 'SLAAC',
  temporary: 'tạm thời',
  dhcpv6: 'DHCPv6',
};
const STATE_VI: Readonly<Record<Ipv6AddressSnapshot['state'], string>> = {
  preferred: 'dùng được',
  deprecated: 'sắp hết hạn',
  tentative: 'đang kiểm tra trùng lặp',
  optimistic: 'dùng tạm khi đang kiểm tra trùng lặp',
  duplicate: 'bị trùng',
};

export type AddressKind = (typeof ADDRESS_KINDS)[number];

const schema = z
  .strictObject({
    kind: z.literal('address'),
    title: CHECK_TITLE_FIELD,
    interface: ENDPOINT_FIELD.meta({ description: 'The interface, DEVICE:INTERFACE.' }),
    prefix: z.string().optional().meta({ description: 'The address must be inside this prefix.', examples: ['2001:db8:6803:10::/64', '192.168.10.0/24'] }),
    address: z.string().optional().meta({ description: 'The exact address.', examples: ['2001:db8:6800::1'] }),
    length: z.number().int().min(0).max(128).optional().meta({ description: 'The configured prefix length (127 on a router link, 128 on a loopback).' }),
    type: z.enum(ADDRESS_KINDS).optional().meta({ description: 'How the address was made: slaac, temporary, static, link-local or dhcpv6 (IPv6 only).' }),
    state: z
      .enum(['preferred', 'deprecated', 'tentative', 'duplicate', 'any'])
      .optional()
      .meta({ description: 'IPv6 address state (default preferred; any: whatever the state).' }),
    expect: PRESENCE_FIELD,
  })
  .meta({ description: 'An interface has (or has not) an address with the given prefix, length, type and state.' });

type AddressCheck = z.infer<typeof schema>;

const TYPE_WORDS: Readonly<Record<AddressKind, { vi: string; en: string }>> = {
  slaac: { vi: 'SLAAC', en: 'SLAAC' },
  temporary: { vi: 'tạm thời (RFC 8981)', en: 'temporary (RFC 8981)' },
  static: { vi: 'tĩnh', en: 'static' },
  'link-local': { vi: 'link-local', en: 'link-local' },
  dhcpv6: { vi: 'DHCPv6', en: 'DHCPv6' },
};

function isIpv4Check(check: AddressCheck): boolean {
  if (check.prefix !== undefined) {
    const prefix = parsePrefix(check.prefix.trim());
    if (prefix.ok) return prefix.value.family === 'ipv4';
  }
  return check.address !== undefined && familyOfAddressText(check.address) === 'ipv4';
}

/** The address asked for, in words: `2001:db8::1/64 (static)`, `a SLAAC address in 2001:db8::/64`. */
function conditionWords(check: AddressCheck): { vi: string; en: string } {
  const type = check.type === undefined ? undefined : TYPE_WORDS[check.type];
  if (check.address !== undefined) {
    const text = `${check.address}${check.length === undefined ? '' : `/${check.length}`}`;
    return { vi: `${text}${type === undefined ? '' : ` (${type.vi})`}`, en: `${text}${type === undefined ? '' : ` (${type.en})`}` };
  }
  const inVi = `${check.prefix === undefined ? '' : ` trong ${check.prefix}`}${check.length === undefined ? '' : ` với độ dài /${check.length}`}`;
  const inEn = `${check.prefix === undefined ? '' : ` in ${check.prefix}`}${check.length === undefined ? '' : ` with length /${check.length}`}`;
  const article = type === undefined ? 'an' : 'a';
  return { vi: `địa chỉ${type === undefined ? '' : ` ${type.vi}`}${inVi}`, en: `${article}${type === undefined ? '' : ` ${type.en}`} address${inEn}` };
}

function matchesType(entry: Ipv6AddressSnapshot, type: AddressKind): boolean {
  switch (type) {
    case 'link-local':
      return isLinkLocalIpv6(entry.address);
    case 'static':
      return !isLinkLocalIpv6(entry.address) && (entry.origin === 'static' || entry.origin === 'eui64-static');
    default:
      return entry.origin === type;
  }
}

export const ADDRESS_CHECK = defineCheckKind({
  kind: 'address',
  schema,
  summary: bilingual('Một giao diện có (hoặc không có) địa chỉ thuộc prefix, độ dài, loại và trạng thái đã cho.', 'An interface has (or has not) an address of the given prefix, length, type and state.'),
  describe(check: AddressCheck) {
    const words = conditionWords(check);
    const [device, iface] = check.interface.split(':');
    return check.expect === 'absent'
      ? bilingual(`${device} ${iface} không có ${words.vi}`, `${device} ${iface} does not have ${words.en}`)
      : bilingual(`${device} ${iface} có ${words.vi}`, `${device} ${iface} has ${words.en}`);
  },
  validate(check, context) {
    validateEndpoint(context, ['interface'], check.interface);
    const prefix = check.prefix === undefined ? undefined : validatePrefix(context, ['prefix'], check.prefix);
    const family = check.address === undefined ? undefined : validateAddress(context, ['address'], check.address);
    if (check.prefix === undefined && check.address === undefined && check.type === undefined && check.length === undefined) {
      context.error([], bilingual("kiểm tra địa chỉ cần ít nhất một trong 'prefix', 'address', 'type' hoặc 'length'", "an address check needs at least one of 'prefix', 'address', 'type' or 'length'"));
    }
    const prefixFamily = prefix?.family;
    if (prefixFamily !== undefined && family !== undefined && prefixFamily !== family) context.error(['address'], bilingual('địa chỉ và prefix thuộc hai họ địa chỉ khác nhau', 'the address and the prefix are of different families'));
    const v4 = prefixFamily === 'ipv4' || family === 'ipv4';
    if (v4 && check.type !== undefined) context.error(['type'], bilingual("'type' chỉ áp dụng cho địa chỉ IPv6", "'type' applies to IPv6 addresses only"));
    if (v4 && check.state !== undefined) context.error(['state'], bilingual("'state' chỉ áp dụng cho địa chỉ IPv6", "'state' applies to IPv6 addresses only"));
    if (v4 && check.length !== undefined && check.length > 32) context.error(['length'], bilingual('độ dài prefix IPv4 tối đa là 32', 'an IPv4 prefix length is at most 32'));
  },
  evaluate(check, session) {
    const live = findLiveInterface(session, check.interface);
    const label = live.ok ? live.value.label : check.interface.replace(':', ' ');
    const wantPresent = check.expect !== 'absent';
    const words = conditionWords(check);
    if (!live.ok) {
      return { passed: !wantPresent, explanation: bilingual(`${label}: chưa có giao diện này (chưa được cấu hình).`, `${label}: no such interface yet (not configured).`) };
    }
    const prefix = check.prefix === undefined ? undefined : parsePrefix(check.prefix.trim());
    const exact = check.address === undefined ? undefined : parseAddress(check.address);
    if (isIpv4Check(check)) {
      const entries = ipv4AddressesOf(live.value);
      const found = entries.find(
        (entry) =>
          (prefix === undefined || !prefix.ok || ipv4PrefixContains(prefix.value as Ipv4Prefix, entry.address)) &&
          (exact === undefined || exact === entry.address) &&
          (check.length === undefined || check.length === entry.prefixLength),
      );
      const has = entries.map((entry) => `${formatIpv4(entry.address)}/${entry.prefixLength}`);
      return verdict(found === undefined ? undefined : `${formatIpv4(found.address)}/${found.prefixLength}`, has, 'IPv4');
    }
    const wantedState = check.state ?? 'preferred';
    const entries = ipv6AddressesOf(live.value);
    const found = entries.find(
      (entry) =>
        !entry.anycast &&
        (prefix === undefined || !prefix.ok || ipv6PrefixContains(prefix.value as Ipv6Prefix, entry.address)) &&
        (exact === undefined || exact === entry.address) &&
        (check.length === undefined || check.length === entry.prefixLength) &&
        (check.type === undefined || matchesType(entry, check.type)) &&
        (wantedState === 'any' || entry.state === wantedState),
    );
    const listed = entries.filter((entry) => !entry.anycast);
    const has = listed.map((entry) => `${formatIpv6Entry(entry)} (${entry.origin === 'eui64-static' ? 'static' : entry.origin}, ${entry.state})`);
    const hasInVietnamese = listed.map((entry) => `${formatIpv6Entry(entry)} (${ORIGIN_VI[entry.origin]}, ${STATE_VI[entry.state]})`);
    return verdict(found === undefined ? undefined : formatIpv6Entry(found), has, 'IPv6', hasInVietnamese);

    function verdict(match: string | undefined, has: readonly string[], family: string, hasVietnamese: readonly string[] = has) {
      const hasVi = hasVietnamese.length === 0 ? `chưa có địa chỉ ${family} nào` : `chỉ có ${listShort(hasVietnamese)}`;
      const hasEn = has.length === 0 ? `it has no ${family} address at all` : `it has only ${listShort(has)}`;
      if (match !== undefined) {
        return wantPresent
          ? { passed: true, explanation: bilingual(`${label} có ${match}.`, `${label} has ${match}.`) }
          : { passed: false, explanation: bilingual(`${label} vẫn còn ${match} — phải gỡ bỏ.`, `${label} still has ${match}; it must go.`) };
      }
      const stateVi = wantedState === 'preferred' && family === 'IPv6' ? ' ở trạng thái dùng được (đã qua kiểm tra trùng lặp)' : '';
      const stateEn = wantedState === 'preferred' && family === 'IPv6' ? ' in the preferred state' : '';
      return wantPresent
        ? { passed: false, explanation: bilingual(`${label} chưa có ${words.vi}${stateVi}; ${hasVi}.`, `${label} does not have ${words.en}${stateEn}; ${hasEn}.`) }
        : { passed: true, explanation: bilingual(`${label} không có ${words.vi}.`, `${label} does not have ${words.en}.`) };
    }
  },
});
