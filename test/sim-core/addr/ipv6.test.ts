import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatIpv6,
  formatIpv6Full,
  formatIpv6Mixed,
  formatIpv6Scoped,
  ipv6,
  parseIpv6,
  parseIpv6Scoped,
  type Ipv6Address,
} from '../../../sim-core/addr/ipv6';
import rfc5952 from '../../fixtures/vectors/rfc5952-text.json';
import invalid from '../../fixtures/vectors/ipv6-invalid.json';
import rfc6052 from '../../fixtures/vectors/rfc6052-ipv4-embedded.json';

function mustParse(text: string): Ipv6Address {
  const result = parseIpv6(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function errorOf(text: string): string {
  const result = parseIpv6(text);
  if (result.ok) throw new Error(`${text} parsed as ${formatIpv6(result.value)}`);
  return result.error;
}

describe('RFC 5952 canonical text (vectors)', () => {
  for (const c of rfc5952.cases) {
    it(`${c.input} → ${c.canonical}: ${c.rule}`, () => {
      expect(formatIpv6(mustParse(c.input))).toBe(c.canonical);
      // The canonical text is itself a fixed point.
      expect(formatIpv6(mustParse(c.canonical))).toBe(c.canonical);
    });
  }
});

describe('RFC 4291 section 2.2 text forms', () => {
  it('reads the full form, the compressed form and the mixed form to the same value', () => {
    const full = mustParse('0000:0000:0000:0000:0000:ffff:c000:0201');
    expect(mustParse('::ffff:c000:201')).toBe(full);
    expect(mustParse('::ffff:192.0.2.1')).toBe(full);
    expect(full).toBe(0xffffc0000201n);
  });

  it('reads the RFC 6052 mixed forms (both forms of the /96 rows denote one address)', () => {
    for (const c of rfc6052.cases) {
      if (c.mixed === undefined) continue;
      expect(mustParse(c.mixed)).toBe(mustParse(c.address));
    }
  });

  it('accepts upper case and leading zeros (RFC 5952 section 4 is about output only)', () => {
    expect(mustParse('2001:0DB8:0000::0001')).toBe(mustParse('2001:db8::1'));
  });

  it("accepts '::' standing for a single zero group on input (RFC 4291 allows it)", () => {
    expect(formatIpv6(mustParse('1:2:3:4:5:6:7::'))).toBe('1:2:3:4:5:6:7:0');
    expect(formatIpv6(mustParse('::2:3:4:5:6:7:8'))).toBe('0:2:3:4:5:6:7:8');
  });

  it('gives the extremes: :: is 0 and ffff:…:ffff is 2^128-1', () => {
    expect(mustParse('::')).toBe(0n);
    expect(mustParse('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe((1n << 128n) - 1n);
  });
});

describe('strings that are not IPv6 addresses (vectors)', () => {
  for (const text of invalid.cases) {
    it(`rejects ${JSON.stringify(text)} with a message`, () => {
      const error = errorOf(text);
      expect(error.length).toBeGreaterThan(10);
      if (text !== '') expect(error.startsWith(`${text}: `)).toBe(true);
    });
  }

  it('says exactly what is wrong', () => {
    expect(errorOf('2001:db8::1::1')).toBe("2001:db8::1::1: '::' may appear only once");
    expect(errorOf('12345::1')).toBe("12345::1: group '12345' has more than 4 hex digits");
    expect(errorOf('::ffff:256.1.1.1')).toBe('::ffff:256.1.1.1: IPv4 part: 256 is more than 255');
    expect(errorOf('2001:db8:::1')).toMatch(/':::' is not valid/);
    expect(errorOf('2001:db8:0:0:0:0:0:0:1')).toMatch(/has 9 groups; an IPv6 address has 8/);
    expect(errorOf('2001:gb8::1')).toMatch(/'g' is not a hex digit/);
    expect(errorOf(':2001:db8::1')).toMatch(/starts with a single ':'/);
    expect(errorOf('2001:db8::1:')).toMatch(/ends with a single ':'/);
    expect(errorOf('1.2.3.4')).toMatch(/is an IPv4 address, not IPv6/);
    expect(errorOf('2001:db8::/129')).toMatch(/'\/' starts a prefix length/);
    expect(errorOf('')).toBe('empty text: no IPv6 address given');
    expect(errorOf('1:2:3:4:5:6:7')).toMatch(/has only 7 groups and no '::'/);
    expect(errorOf('1:2:3:4::5:6:7:8')).toMatch(/at most 7/);
    expect(errorOf('::1.2.3.4:5')).toMatch(/IPv4 part '1.2.3.4' may only come at the end/);
    expect(errorOf('::01.2.3.4')).toMatch(/IPv4 part: '01' has a leading zero/);
    expect(errorOf('fe80::1%eth0')).toMatch(/zone index '%eth0'/);
  });
});

describe('zone index (RFC 4007 section 11)', () => {
  it('keeps the zone as written: fe80::1%Ethernet0 and fe80::1%11', () => {
    const a = parseIpv6Scoped('fe80::1%Ethernet0');
    expect(a).toEqual({ ok: true, value: { address: mustParse('fe80::1'), zone: 'Ethernet0' } });
    const b = parseIpv6Scoped('FE80::0001%11');
    expect(b.ok && formatIpv6Scoped(b.value)).toBe('fe80::1%11');
  });

  it('reads an address without a zone as zone undefined', () => {
    expect(parseIpv6Scoped('fe80::1')).toEqual({ ok: true, value: { address: mustParse('fe80::1'), zone: undefined } });
  });

  it('rejects an empty zone, a second % and a bad address before %', () => {
    expect(parseIpv6Scoped('fe80::1%')).toMatchObject({ ok: false, error: expect.stringMatching(/nothing after '%'/) });
    expect(parseIpv6Scoped('fe80::1%a%b')).toMatchObject({ ok: false, error: expect.stringMatching(/only once/) });
    expect(parseIpv6Scoped('fe80::1::2%eth0')).toEqual({ ok: false, error: "fe80::1::2%eth0: '::' may appear only once" });
    expect(parseIpv6Scoped('%eth0')).toMatchObject({ ok: false, error: expect.stringMatching(/no address before '%'/) });
  });
});

describe('other text forms', () => {
  it('full form keeps all 32 digits', () => {
    expect(formatIpv6Full(mustParse('2001:db8::1'))).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
  });

  it('mixed form puts the last 32 bits in dotted decimal', () => {
    expect(formatIpv6Mixed(mustParse('64:ff9b::c000:221'))).toBe('64:ff9b::192.0.2.33');
    expect(formatIpv6Mixed(mustParse('1:2:3:4:5:6:7:8'))).toBe('1:2:3:4:5:6:0.7.0.8');
    expect(formatIpv6Mixed(mustParse('::'))).toBe('::0.0.0.0');
  });

  it('writes the whole IPv4-mapped block ::ffff:0:0/96 in mixed notation (RFC 5952 section 5)', () => {
    expect(formatIpv6(mustParse('::ffff:0:0'))).toBe('::ffff:0.0.0.0');
    expect(formatIpv6(mustParse('::ffff:ffff:ffff'))).toBe('::ffff:255.255.255.255');
    expect(formatIpv6(mustParse('::fffe:c000:201'))).toBe('::fffe:c000:201');
  });
});

describe('properties', () => {
  const anyAddress = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(ipv6);
  const zeroHeavy = fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
    .map((words) => ipv6(words.reduce((v, w) => (v << 16n) | BigInt(w), 0n)));

  it('format → parse gives back any 128-bit value (canonical, full and mixed forms)', () => {
    fc.assert(
      fc.property(fc.oneof(anyAddress, zeroHeavy), (a) => {
        expect(mustParse(formatIpv6(a))).toBe(a);
        expect(mustParse(formatIpv6Full(a))).toBe(a);
        expect(mustParse(formatIpv6Mixed(a))).toBe(a);
      }),
      { numRuns: 2000 },
    );
  });

  it('canonical text follows RFC 5952: lower case, no "::" for one group, no leading zeros', () => {
    fc.assert(
      fc.property(zeroHeavy, (a) => {
        const text = formatIpv6(a);
        expect(text).toBe(text.toLowerCase());
        expect(text).not.toMatch(/(^|:)0[0-9a-f]/);
        expect(text.split('::').length).toBeLessThanOrEqual(2);
        if (text.includes('::') && !text.includes('.')) expect(text.split(':').filter((g) => g !== '').length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 2000 },
    );
  });

  it('parse never throws on arbitrary strings, and returns a message on failure', () => {
    const alphabet = fc.constantFrom(...'0123456789abcdefABCDEFg:.%/ ::'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 50 })), (text) => {
        for (const result of [parseIpv6(text), parseIpv6Scoped(text)]) {
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
