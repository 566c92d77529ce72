import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { embedIpv4, extractIpv4, NAT64_PREFIX_LENGTHS } from '../../../sim-core/addr/nat64';
import { formatIpv4, ipv4, parseIpv4 } from '../../../sim-core/addr/ipv4';
import { formatIpv6, ipv6, parseIpv6 } from '../../../sim-core/addr/ipv6';
import { ipv6PrefixOf, parseIpv6Prefix, type Ipv6Prefix } from '../../../sim-core/addr/prefix';
import vectors from '../../fixtures/vectors/rfc6052-ipv4-embedded.json';

function p(text: string): Ipv6Prefix {
  const r = parseIpv6Prefix(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const v4 = (() => {
  const r = parseIpv4(vectors.ipv4);
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

describe('RFC 6052 section 2.4 examples: 192.0.2.33 under every prefix length', () => {
  for (const c of vectors.cases) {
    it(`${c.prefix} → ${c.address}`, () => {
      const embedded = embedIpv4(p(c.prefix), v4);
      expect(embedded.ok && formatIpv6(embedded.value)).toBe(c.address);
      const parsedAddress = parseIpv6(c.mixed ?? c.address);
      if (!parsedAddress.ok) throw new Error(parsedAddress.error);
      const back = extractIpv4(p(c.prefix), parsedAddress.value);
      expect(back.ok && formatIpv4(back.value)).toBe(vectors.ipv4);
    });
  }
});

describe('boundary: u-octet bits 64-71 for the /40, /48 and /56 embeddings', () => {
  // 255.255.255.255 fills every IPv4 bit, so any bit landing in 64-71 would show.
  const allOnes = ipv4(0xffffffff);
  for (const length of [32, 40, 48, 56, 64]) {
    it(`/${length}: bits 64-71 stay zero and 32 one bits are placed around them`, () => {
      const r = embedIpv4(ipv6PrefixOf(ipv6(0n), length), allOnes);
      if (!r.ok) throw new Error(r.error);
      expect((r.value >> 56n) & 0xffn).toBe(0n);
      expect(r.value.toString(2).split('').filter((b) => b === '1').length).toBe(32);
    });
  }

  it('/40: the first 24 IPv4 bits sit in bits 40-63, the last 8 in bits 72-79', () => {
    const r = embedIpv4(p('2001:db8:100::/40'), v4);
    if (!r.ok) throw new Error(r.error);
    expect((r.value >> 64n) & 0xffffffn).toBe(0xc00002n);
    expect((r.value >> 48n) & 0xffn).toBe(0x21n);
  });

  it('extraction refuses an address whose u octet is not zero', () => {
    const bad = parseIpv6('2001:db8:1c0:2:ff21::');
    if (!bad.ok) throw new Error(bad.error);
    expect(extractIpv4(p('2001:db8:100::/40'), bad.value)).toMatchObject({ ok: false, error: expect.stringMatching(/u octet\) must be zero/) });
  });
});

describe('errors', () => {
  it('refuses a prefix length RFC 6052 does not allow', () => {
    expect(embedIpv4(p('2001:db8::/44'), v4)).toEqual({
      ok: false,
      error: '2001:db8::/44: a NAT64 prefix must be /32, /40, /48, /56, /64 or /96 (RFC 6052 section 2.2), not /44',
    });
  });

  it('refuses to extract from an address outside the prefix', () => {
    const a = parseIpv6('2001:db9::1');
    if (!a.ok) throw new Error(a.error);
    expect(extractIpv4(p('64:ff9b::/96'), a.value)).toEqual({ ok: false, error: '2001:db9::1 is not inside 64:ff9b::/96' });
  });
});

it('embed then extract gives back any IPv4 address under any allowed prefix', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc.constantFrom(...NAT64_PREFIX_LENGTHS),
      (n, bits, length) => {
        const prefix = ipv6PrefixOf(ipv6(bits), length);
        const e = embedIpv4(prefix, ipv4(n));
        if (!e.ok) throw new Error(e.error);
        expect(extractIpv4(prefix, e.value)).toEqual({ ok: true, value: n });
      },
    ),
    { numRuns: 1000 },
  );
});
