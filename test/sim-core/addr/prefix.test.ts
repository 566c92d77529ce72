import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ipv4, formatIpv4, parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { ipv6, parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import {
  aggregatePrefixes,
  ipv4ClassfulLength,
  countSubnets,
  formatPrefix,
  ipv4HostPart,
  ipv4Mask,
  ipv4NetworkPart,
  ipv4PrefixContains,
  ipv4PrefixOf,
  ipv4Wildcard,
  ipv6HostPart,
  ipv6Mask,
  ipv6NetworkPart,
  ipv6PrefixContains,
  ipv6PrefixOf,
  lastAddressOf,
  nthSubnet,
  parseIpv4Interface,
  parseIpv4Mask,
  parseIpv4Prefix,
  parseIpv4Wildcard,
  parseIpv6Interface,
  parseIpv6Prefix,
  parsePrefix,
  prefixContainsPrefix,
  prefixesOverlap,
  splitPrefix,
  type Ipv6Prefix,
  type Prefix,
} from '../../../sim-core/addr/prefix';

function v6(text: string): Ipv6Address {
  const r = parseIpv6(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function p(text: string): Prefix {
  const r = parsePrefix(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function p6(text: string): Ipv6Prefix {
  const r = parseIpv6Prefix(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function errorOf(r: { ok: boolean; error?: string }): string {
  expect(r.ok).toBe(false);
  return r.error ?? '';
}

describe('prefix text (RFC 4291 section 2.3)', () => {
  it('reads 2001:db8::/32 and writes it back', () => {
    expect(p('2001:db8::/32')).toEqual({ family: 'ipv6', network: v6('2001:db8::'), length: 32 });
    expect(formatPrefix(p('2001:0DB8:0::/32'))).toBe('2001:db8::/32');
    expect(formatPrefix(p('192.0.2.0/24'))).toBe('192.0.2.0/24');
  });

  it('rejects a prefix with host bits set and names the prefix meant', () => {
    expect(errorOf(parseIpv6Prefix('2001:db8::1/32'))).toBe('2001:db8::1/32: host bits are set (bits after the first 32); the prefix is 2001:db8::/32');
    expect(errorOf(parseIpv4Prefix('192.0.2.1/24'))).toMatch(/the prefix is 192\.0\.2\.0\/24/);
  });

  it('reads an interface address with its length, host bits and all', () => {
    expect(parseIpv6Interface('2001:db8:1::1/64')).toEqual({ ok: true, value: { address: v6('2001:db8:1::1'), length: 64 } });
    expect(parseIpv4Interface('192.0.2.1/24')).toEqual({ ok: true, value: { address: 0xc0000201, length: 24 } });
  });

  it('says what is wrong with bad prefix text', () => {
    expect(errorOf(parseIpv6Prefix('2001:db8::'))).toMatch(/no prefix length; write it after '\/'/);
    expect(errorOf(parseIpv6Prefix('2001:db8::/'))).toMatch(/no prefix length after '\/'/);
    expect(errorOf(parseIpv6Prefix('2001:db8::/3x'))).toMatch(/prefix length '3x' is not a whole number/);
    expect(errorOf(parseIpv6Prefix('2001:db8::/032'))).toMatch(/leading zero/);
    expect(errorOf(parseIpv6Prefix('2001:db8::/32/1'))).toMatch(/'\/' may appear only once/);
    expect(errorOf(parseIpv6Prefix('/32'))).toMatch(/no address before '\/'/);
    expect(errorOf(parseIpv6Prefix('2001:db8::1::/32'))).toBe("2001:db8::1::/32: '::' may appear only once");
    expect(errorOf(parseIpv6Prefix(''))).toMatch(/^empty text/);
    expect(errorOf(parseIpv4Prefix('192.0.2.0/33'))).toMatch(/prefix length 33 is more than 32/);
  });
});

describe('boundary: prefix-len-0', () => {
  it('::/0 and 0.0.0.0/0 contain every address; the mask is all zero', () => {
    expect(ipv6Mask(0)).toBe(0n);
    expect(ipv4Mask(0)).toBe(0);
    expect(ipv4Wildcard(0)).toBe(0xffffffff);
    expect(ipv6PrefixContains(p6('::/0'), v6('ffff::1'))).toBe(true);
    expect(ipv4PrefixContains(ipv4PrefixOf(ipv4(0xffffffff), 0), ipv4(0xffffffff))).toBe(true);
    expect(errorOf(parseIpv6Prefix('2001:db8::/0'))).toMatch(/the prefix is ::\/0/);
  });
});

describe('boundary: prefix-len-128', () => {
  it('a /128 contains exactly its own address', () => {
    const host = p6('2001:db8::1/128');
    expect(ipv6Mask(128)).toBe((1n << 128n) - 1n);
    expect(ipv6PrefixContains(host, v6('2001:db8::1'))).toBe(true);
    expect(ipv6PrefixContains(host, v6('2001:db8::2'))).toBe(false);
    expect(ipv6PrefixContains(host, v6('2001:db8::'))).toBe(false);
    expect(lastAddressOf(host)).toBe(v6('2001:db8::1'));
  });

  it('the IPv4 equivalent /32: mask 255.255.255.255, wildcard 0.0.0.0', () => {
    expect(formatIpv4(ipv4Mask(32))).toBe('255.255.255.255');
    expect(formatIpv4(ipv4Wildcard(32))).toBe('0.0.0.0');
  });
});

describe('boundary: prefix-len-129', () => {
  it('is rejected: "prefix length 129 is more than 128"', () => {
    expect(errorOf(parseIpv6Prefix('2001:db8::/129'))).toBe('2001:db8::/129: prefix length 129 is more than 128');
    expect(errorOf(parseIpv6Interface('2001:db8::1/129'))).toMatch(/prefix length 129 is more than 128/);
    expect(errorOf(parseIpv6Prefix('2001:db8::/99999999999'))).toMatch(/prefix length 99999999999 is more than 128/);
    expect(errorOf(splitPrefix(p6('2001:db8::/32'), 129))).toBe('prefix length 129 is more than 128');
  });
});

describe('IPv4 masks in dotted form', () => {
  it('24 ↔ 255.255.255.0 and wildcard 0.0.0.255', () => {
    expect(formatIpv4(ipv4Mask(24))).toBe('255.255.255.0');
    expect(formatIpv4(ipv4Wildcard(24))).toBe('0.0.0.255');
    expect(formatIpv4(ipv4Mask(1))).toBe('128.0.0.0');
    expect(formatIpv4(ipv4Mask(31))).toBe('255.255.255.254');
    expect(parseIpv4Mask('255.255.255.0')).toEqual({ ok: true, value: 24 });
    expect(parseIpv4Mask('0.0.0.0')).toEqual({ ok: true, value: 0 });
    expect(parseIpv4Mask('255.255.255.255')).toEqual({ ok: true, value: 32 });
    expect(parseIpv4Wildcard('0.0.0.255')).toEqual({ ok: true, value: 24 });
    expect(parseIpv4Wildcard('255.255.255.255')).toEqual({ ok: true, value: 0 });
  });

  it('rejects a mask whose one bits are not contiguous', () => {
    expect(errorOf(parseIpv4Mask('255.0.255.0'))).toMatch(/one bits must be contiguous/);
    expect(errorOf(parseIpv4Wildcard('0.0.255.0'))).toMatch(/not a contiguous wildcard/);
  });

  it("every length's mask parses back to that length", () => {
    for (let n = 0; n <= 32; n++) {
      expect(parseIpv4Mask(formatIpv4(ipv4Mask(n)))).toEqual({ ok: true, value: n });
      expect(parseIpv4Wildcard(formatIpv4(ipv4Wildcard(n)))).toEqual({ ok: true, value: n });
    }
  });
});

describe('network and host parts', () => {
  it('split 2001:db8:1::abcd/64 into 2001:db8:1:: and interface ID ::abcd', () => {
    expect(ipv6NetworkPart(v6('2001:db8:1::abcd'), 64)).toBe(v6('2001:db8:1::'));
    expect(ipv6HostPart(v6('2001:db8:1::abcd'), 64)).toBe(0xabcdn);
    expect(ipv4NetworkPart(ipv4(0xc0000281), 25)).toBe(0xc0000280);
    expect(ipv4HostPart(ipv4(0xc0000281), 25)).toBe(1);
  });
});

describe('contains, overlaps', () => {
  it('2001:db8::/32 contains 2001:db8:6803::/48 but not the other way round', () => {
    expect(prefixContainsPrefix(p('2001:db8::/32'), p('2001:db8:6803::/48'))).toBe(true);
    expect(prefixContainsPrefix(p('2001:db8:6803::/48'), p('2001:db8::/32'))).toBe(false);
    expect(prefixContainsPrefix(p('2001:db8::/32'), p('2001:db9::/48'))).toBe(false);
    expect(prefixContainsPrefix(p('0.0.0.0/0'), p('2001:db8::/32'))).toBe(false);
  });

  it('prefixes overlap only when one contains the other', () => {
    expect(prefixesOverlap(p('2001:db8:6803::/48'), p('2001:db8::/32'))).toBe(true);
    expect(prefixesOverlap(p('2001:db8:6803::/48'), p('2001:db8:6804::/48'))).toBe(false);
    expect(prefixesOverlap(p('10.0.0.0/8'), p('10.1.0.0/16'))).toBe(true);
  });
});

describe('split, n-th subnet, aggregate', () => {
  it('2001:db8:6803::/48 into /56: 256 subnets, the 3rd is 2001:db8:6803:200::/56', () => {
    const parent = p6('2001:db8:6803::/48');
    expect(countSubnets(parent, 56)).toBe(256n);
    const all = splitPrefix(parent, 56);
    expect(all.ok && all.value.length).toBe(256);
    expect(all.ok && formatPrefix(all.value[2]!)).toBe('2001:db8:6803:200::/56');
    const n = nthSubnet(parent, 56, 255n);
    expect(n.ok && formatPrefix(n.value)).toBe('2001:db8:6803:ff00::/56');
    expect(errorOf(nthSubnet(parent, 56, 256n))).toMatch(/holds 256 subnets of \/56 \(numbered 0 to 255\); 256 is out of range/);
  });

  it('refuses to list millions and to split into a shorter length', () => {
    expect(errorOf(splitPrefix(p6('2001:db8::/32'), 64))).toMatch(/holds 4294967296 subnets of \/64, more than 65536 to list/);
    expect(errorOf(splitPrefix(p6('2001:db8::/32'), 24))).toMatch(/shorter than 2001:db8::\/32/);
  });

  it('aggregates adjacent, nested and duplicate prefixes into the fewest covering ones', () => {
    const out = aggregatePrefixes([p('2001:db8:8000::/33'), p('2001:db8::/33'), p('2001:db8:1::/48'), p('2001:db8:1::/48')]);
    expect(out.map(formatPrefix)).toEqual(['2001:db8::/32']);
    const v4 = aggregatePrefixes([p('192.0.2.0/25'), p('192.0.2.128/26'), p('10.0.0.0/8'), p('2001:db8::/48')]);
    expect(v4.map(formatPrefix)).toEqual(['10.0.0.0/8', '192.0.2.0/25', '192.0.2.128/26', '2001:db8::/48']);
    expect(aggregatePrefixes([p('::/1'), p('8000::/1')]).map(formatPrefix)).toEqual(['::/0']);
    expect(aggregatePrefixes([])).toEqual([]);
  });

  it('does not merge neighbours that are not aligned: 192.0.2.128/25 + 192.0.3.0/25 stay two', () => {
    expect(aggregatePrefixes([p('192.0.2.128/25'), p('192.0.3.0/25')]).map(formatPrefix)).toEqual(['192.0.2.128/25', '192.0.3.0/25']);
  });
});

describe('properties', () => {
  const anyV6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(ipv6);
  const anyV4 = fc.integer({ min: 0, max: 0xffffffff }).map(ipv4);
  const v6Prefix = fc.tuple(anyV6, fc.integer({ min: 0, max: 128 })).map(([a, n]) => ipv6PrefixOf(a, n));

  it('contains agrees with the mask: address AND mask equals the network', () => {
    fc.assert(
      fc.property(anyV6, anyV6, fc.integer({ min: 0, max: 128 }), (a, b, n) => {
        const prefix = ipv6PrefixOf(a, n);
        const byBits = b >> BigInt(128 - n) === a >> BigInt(128 - n); // same first n bits, computed without masks
        expect(ipv6PrefixContains(prefix, b)).toBe(byBits);
        expect(ipv6PrefixContains(prefix, a)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(anyV4, anyV4, fc.integer({ min: 0, max: 32 }), (a, b, n) => {
        const byBits = n === 0 || a >>> (32 - n) === b >>> (32 - n);
        expect(ipv4PrefixContains(ipv4PrefixOf(a, n), b)).toBe(byBits);
        expect(((ipv4NetworkPart(b, n) | ipv4HostPart(b, n)) >>> 0) as Ipv4Address).toBe(b);
      }),
      { numRuns: 2000 },
    );
  });

  it('split then aggregate gives back the parent', () => {
    fc.assert(
      fc.property(v6Prefix, fc.integer({ min: 0, max: 8 }), (parent, extra) => {
        const newLength = Math.min(128, parent.length + extra);
        const parts = splitPrefix(parent, newLength);
        if (!parts.ok) throw new Error(parts.error);
        expect(parts.value.every((s) => prefixContainsPrefix(parent, s))).toBe(true);
        expect(aggregatePrefixes(parts.value)).toEqual([parent]);
      }),
      { numRuns: 500 },
    );
  });

  it('aggregate covers exactly the same addresses with no overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 })), { maxLength: 12 }), (raw) => {
        const list = raw.map(([host, n]) => ipv4PrefixOf(ipv4(0xc0000200 + host), n));
        const out = aggregatePrefixes(list);
        for (let host = 0; host < 256; host++) {
          const a = ipv4(0xc0000200 + host);
          expect(out.some((q) => ipv4PrefixContains(q as never, a))).toBe(list.some((q) => ipv4PrefixContains(q, a)));
        }
        for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(prefixesOverlap(out[i]!, out[j]!)).toBe(false);
        expect(out.length).toBeLessThanOrEqual(Math.max(list.length, 0) + 8);
      }),
      { numRuns: 300 },
    );
  });

  it('prefix parsers never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parsePrefix(text);
        parseIpv6Interface(text);
        parseIpv4Interface(text);
        parseIpv4Mask(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ipv4ClassfulLength (RFC 791 classes, as IOS groups show ip route)', () => {
  it('class A is /8, B /16, C /24, D and E /32, at each boundary', () => {
    const length = (text: string) => {
      const parsed = parseIpv4(text);
      if (!parsed.ok) throw new Error(text);
      return ipv4ClassfulLength(parsed.value);
    };
    expect([length('0.0.0.0'), length('10.1.2.3'), length('127.255.255.255')]).toEqual([8, 8, 8]);
    expect([length('128.0.0.0'), length('172.16.0.1'), length('191.255.0.0')]).toEqual([16, 16, 16]);
    expect([length('192.0.2.1'), length('223.255.255.0')]).toEqual([24, 24]);
    expect([length('224.0.0.5'), length('255.255.255.255')]).toEqual([32, 32]);
  });
});
