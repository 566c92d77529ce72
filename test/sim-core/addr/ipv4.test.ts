import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, ipv4, ipv4ToBytes, parseIpv4 } from '../../../sim-core/addr/ipv4';

describe('IPv4 dotted-decimal text (RFC 791 section 3.1)', () => {
  it('reads 192.0.2.1 as 0xc0000201 and writes it back', () => {
    expect(parseIpv4('192.0.2.1')).toEqual({ ok: true, value: 0xc0000201 });
    expect(formatIpv4(ipv4(0xc0000201))).toBe('192.0.2.1');
    expect(Array.from(ipv4ToBytes(ipv4(0xc0000201)))).toEqual([192, 0, 2, 1]);
  });

  it('reads the extremes 0.0.0.0 and 255.255.255.255', () => {
    expect(parseIpv4('0.0.0.0')).toEqual({ ok: true, value: 0 });
    expect(parseIpv4('255.255.255.255')).toEqual({ ok: true, value: 0xffffffff });
  });

  const rejected: [string, RegExp][] = [
    ['256.1.1.1', /^256\.1\.1\.1: 256 is more than 255$/],
    ['1.2.3', /has 3 parts; an IPv4 address has 4/],
    ['1.2.3.4.5', /has 5 parts/],
    ['1..3.4', /a number is missing between dots/],
    ['010.0.0.1', /'010' has a leading zero .* write 10/],
    ['1.2.3.4/24', /'\/' starts a prefix length/],
    ['2001:db8::1', /looks like IPv6/],
    ['1.2.3.x', /'x' is not allowed/],
    [' 1.2.3.4', /space/],
    ['1.2.3.99999', /99999 is more than 255/],
    ['', /^empty text/],
  ];
  for (const [text, message] of rejected) {
    it(`rejects ${JSON.stringify(text)}: ${message.source}`, () => {
      const result = parseIpv4(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('format → parse gives back any 32-bit value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(parseIpv4(formatIpv4(ipv4(n)))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('parse never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseIpv4(text)), { numRuns: 2000 });
  });
});
