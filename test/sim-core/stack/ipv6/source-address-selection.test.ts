import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Ipv6InterfaceAddress } from '../../../../sim-core/stack/net-interface';
import { commonPrefixLength, ipv6ScopeOf, selectSourceAddress } from '../../../../sim-core/stack/ipv6/source-address-selection';
import { v6 } from './ipv6-topology';

function address(text: string, state: Ipv6InterfaceAddress['state'] = 'preferred', prefixLength = 64): Ipv6InterfaceAddress {
  return { address: v6(text), prefixLength, state, origin: 'static', anycast: false, validLifetimeS: Infinity, preferredLifetimeS: Infinity, lifetimesSetNs: 0 };
}

const pick = (candidates: Ipv6InterfaceAddress[], destination: string) => selectSourceAddress(candidates, v6(destination))?.address;

describe('source address selection (RFC 6724 section 5)', () => {
  const linkLocal = address('fe80::1');
  const global = address('2001:db8:1::10');
  const other = address('2001:db8:2::10');

  it('rule 2: link-local for link-scoped destinations (fe80::/10, ff02::/16), global for global ones', () => {
    expect(pick([linkLocal, global], 'fe80::2')).toBe(v6('fe80::1'));
    expect(pick([global, linkLocal], 'ff02::1')).toBe(v6('fe80::1'));
    expect(pick([linkLocal, global], '2001:db8:9::1')).toBe(v6('2001:db8:1::10'));
    expect(pick([linkLocal], '2001:db8:9::1')).toBe(v6('fe80::1')); // the only one, even if too small
  });

  it('rule 1 (the destination itself), rule 3 (avoid deprecated), rule 8 (longest matching prefix)', () => {
    expect(pick([global, other], '2001:db8:2::10')).toBe(v6('2001:db8:2::10'));
    expect(pick([address('2001:db8:1::10', 'deprecated'), other], '2001:db8:1::99')).toBe(v6('2001:db8:2::10'));
    expect(pick([global, other], '2001:db8:2::99')).toBe(v6('2001:db8:2::10'));
  });

  it('rule 7: a temporary address beats a public one only when the policy prefers temporary (RFC 8981 3.6)', () => {
    const stable = address('2001:db8:1::10');
    const temporary = { ...address('2001:db8:2::ab'), origin: 'temporary' as const };
    // Rule 8 alone picks the stable address (it shares the destination's /64).
    expect(selectSourceAddress([temporary, stable], v6('2001:db8:1::11'))?.address).toBe(v6('2001:db8:1::10'));
    expect(selectSourceAddress([stable, temporary], v6('2001:db8:1::11'), true)?.address).toBe(v6('2001:db8:2::ab'));
    // Rule 3 still comes first: a deprecated temporary address loses to a preferred public one.
    expect(selectSourceAddress([stable, { ...temporary, state: 'deprecated' }], v6('2001:db8:1::11'), true)?.address).toBe(v6('2001:db8:1::10'));
  });

  it('tentative, duplicate and anycast addresses are never sources (RFC 4862 section 5.4)', () => {
    expect(pick([address('2001:db8:1::10', 'tentative')], '2001:db8:1::99')).toBeUndefined();
    expect(pick([address('2001:db8:1::10', 'duplicate'), linkLocal], '2001:db8:1::99')).toBe(v6('fe80::1'));
    expect(pick([{ ...global, anycast: true }], '2001:db8:1::99')).toBeUndefined();
  });

  it('scopes: fe80::/10 and ::1 are link-local (2), multicast carries its own, the rest global (14)', () => {
    expect([ipv6ScopeOf(v6('fe80::1')), ipv6ScopeOf(v6('::1')), ipv6ScopeOf(v6('ff05::2')), ipv6ScopeOf(v6('fd00::1'))]).toEqual([2, 2, 5, 14]);
  });

  it('commonPrefixLength counts shared leading bits (property against a bit-by-bit count)', () => {
    const word = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
    fc.assert(
      fc.property(word, word, (a, b) => {
        let expected = 0;
        while (expected < 128 && ((a >> BigInt(127 - expected)) & 1n) === ((b >> BigInt(127 - expected)) & 1n)) expected++;
        expect(commonPrefixLength(a as never, b as never)).toBe(expected);
      }),
    );
  });
});
