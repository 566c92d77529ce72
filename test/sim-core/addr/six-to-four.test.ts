import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ipv4FromSixToFour, sixToFourPrefix } from '../../../sim-core/addr/six-to-four';
import { formatIpv4, ipv4, parseIpv4 } from '../../../sim-core/addr/ipv4';
import { parseIpv6 } from '../../../sim-core/addr/ipv6';
import { formatPrefix } from '../../../sim-core/addr/prefix';
import vectors from '../../fixtures/vectors/rfc3056-6to4.json';

describe('6to4 prefix 2002:V4ADDR::/48 (RFC 3056 section 2): vectors', () => {
  for (const c of vectors.cases) {
    it(`${c.ipv4} ↔ ${c.prefix}`, () => {
      const a = parseIpv4(c.ipv4);
      if (!a.ok) throw new Error(a.error);
      const prefix = sixToFourPrefix(a.value);
      expect(formatPrefix(prefix)).toBe(c.prefix);
      const back = ipv4FromSixToFour(prefix.network);
      expect(back.ok && formatIpv4(back.value)).toBe(c.ipv4);
    });
  }
});

it('refuses an address outside 2002::/16', () => {
  const a = parseIpv6('2001:db8::1');
  if (!a.ok) throw new Error(a.error);
  expect(ipv4FromSixToFour(a.value)).toEqual({ ok: false, error: '2001:db8::1 is not a 6to4 address (2002::/16)' });
});

it('any IPv4 address round-trips, from any host address inside its /48', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }), (n, host) => {
      const prefix = sixToFourPrefix(ipv4(n));
      expect(ipv4FromSixToFour((prefix.network | host) as never)).toEqual({ ok: true, value: n });
    }),
  );
});
