import { describe, it, expect } from 'vitest';
import { classifyIpv4, classifyIpv6, type Ipv4Kind, type Ipv6Kind } from '../../../sim-core/addr/classify';
import { parseIpv4 } from '../../../sim-core/addr/ipv4';
import { parseIpv6 } from '../../../sim-core/addr/ipv6';

function kind6(text: string): Ipv6Kind {
  const r = parseIpv6(text);
  if (!r.ok) throw new Error(r.error);
  return classifyIpv6(r.value).kind;
}

describe('IPv6 address types (RFC 4291 section 2.4 and the special-purpose registry)', () => {
  const table: [string, Ipv6Kind, string][] = [
    ['::', 'unspecified', 'RFC 4291 2.5.2'],
    ['::1', 'loopback', 'RFC 4291 2.5.3'],
    ['::2', 'reserved', 'inside ::/8 but neither'],
    ['::ffff:192.0.2.1', 'ipv4-mapped', 'RFC 4291 2.5.5.2'],
    ['64:ff9b::192.0.2.33', 'nat64-well-known', 'RFC 6052 2.1'],
    ['64:ff9b::1:c000:221', 'reserved', 'just outside 64:ff9b::/96, inside nothing else'],
    ['64:ff9b:1::c000:221', 'nat64-local-use', 'RFC 8215'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', 'nat64-local-use', 'last address of 64:ff9b:1::/48'],
    ['fe80::1', 'link-local', 'RFC 4291 2.5.6'],
    ['febf:ffff::1', 'link-local', 'last /16 inside fe80::/10'],
    ['fec0::1', 'site-local', 'RFC 3879'],
    ['fc00::1', 'unique-local', 'RFC 4193'],
    ['fd12:3456:789a::1', 'unique-local', 'RFC 4193 (L=1)'],
    ['ff02::1', 'multicast', 'RFC 4291 2.7'],
    ['2001:db8::1', 'documentation', 'RFC 3849'],
    ['2001:db9::1', 'global-unicast', 'just past 2001:db8::/32'],
    ['3fff::1', 'documentation', 'RFC 9637'],
    ['2002:c000:204::1', '6to4', 'RFC 3056'],
    ['2402:800:6201:a::1', 'global-unicast', 'RFC 4291 2.5.4'],
    ['3fff:ffff::1', 'global-unicast', 'just past 3fff::/20'],
    ['4000::1', 'reserved', 'outside 2000::/3'],
  ];
  for (const [text, kind, why] of table) it(`${text} is ${kind} (${why})`, () => expect(kind6(text)).toBe(kind));

  it('multicast carries its scope (RFC 4291 section 2.7, RFC 7346)', () => {
    const scopes: [string, string, number][] = [
      ['ff01::1', 'interface-local', 1],
      ['ff02::1:ff00:1', 'link-local', 2],
      ['ff03::1', 'realm-local', 3],
      ['ff05::1:3', 'site-local', 5],
      ['ff08::1', 'organization-local', 8],
      ['ff0e::1', 'global', 14],
      ['ff3e::8000:1', 'global', 14],
      ['ff00::1', 'reserved', 0],
    ];
    for (const [text, scope, value] of scopes) {
      const r = parseIpv6(text);
      if (!r.ok) throw new Error(r.error);
      expect(classifyIpv6(r.value)).toMatchObject({ kind: 'multicast', multicastScope: scope, multicastScopeValue: value });
    }
  });
});

describe('IPv4 address types (RFC 6890, RFC 1918, RFC 5737)', () => {
  const table: [string, Ipv4Kind][] = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'global'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['169.254.1.1', 'link-local'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['224.0.0.5', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['14.160.0.1', 'global'],
  ];
  for (const [text, kind] of table) {
    it(`${text} is ${kind}`, () => {
      const r = parseIpv4(text);
      if (!r.ok) throw new Error(r.error);
      expect(classifyIpv4(r.value).kind).toBe(kind);
    });
  }
});
