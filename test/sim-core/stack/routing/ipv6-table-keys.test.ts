/**
 * IPv6 tables key their maps so that the engine's hash (a BigInt hashes by its low 64 bits)
 * spreads /64s and shorter prefixes, whose low 64 bits are all zero: the fold is its own inverse,
 * so every network comes back as it was set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ipv6Address } from '../../../../sim-core/addr/ipv6';
import { ipv6NetworkPart } from '../../../../sim-core/addr/prefix';
import { IPV6_FAMILY } from '../../../../sim-core/stack/routing/ipv6-rib';
import { LpmTable } from '../../../../sim-core/stack/routing/lpm-table';

const LOW_64 = (1n << 64n) - 1n;
const address = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((a) => a as Ipv6Address);

describe('IPv6 table keys', () => {
  it('100,000 /64s get 100,000 different low halves (what the engine hashes)', () => {
    const hashKey = IPV6_FAMILY.hashKey!;
    const low = new Set<bigint>();
    for (let i = 0n; i < 100_000n; i++) low.add(hashKey(((0x20010db8n << 96n) | (i << 64n)) as Ipv6Address) & LOW_64);
    expect(low.size).toBe(100_000);
  });

  it('the fold is its own inverse (property)', () => {
    fc.assert(fc.property(address, (a) => IPV6_FAMILY.hashKey!(IPV6_FAMILY.hashKey!(a)) === a), { numRuns: 2000 });
  });

  it('an IPv6 table gives back the networks it was given, and matches the longest prefix (property)', () => {
    const length = fc.constantFrom(0, 32, 48, 56, 64, 127, 128);
    fc.assert(
      fc.property(fc.array(fc.tuple(address, length), { maxLength: 30 }), address, (entries, probe) => {
        const table = new LpmTable<Ipv6Address, number>(IPV6_FAMILY);
        entries.forEach(([a, l], i) => table.set(a, l, i));
        const expected = new Map(entries.map(([a, l], i) => [`${ipv6NetworkPart(a, l)}/${l}`, i]));
        expect(new Map([...table.entries()].map((e) => [`${e.network}/${e.prefixLength}`, e.value]))).toEqual(expected);
        let best: { length: number; value: number } | undefined;
        for (const [key, value] of expected) {
          const [network, l] = key.split('/').map((part) => BigInt(part)) as [bigint, bigint];
          if (ipv6NetworkPart(probe, Number(l)) === network && (best === undefined || Number(l) > best.length)) best = { length: Number(l), value };
        }
        expect(table.lookup(probe)).toBe(best?.value);
        const match = table.match(probe);
        if (match !== undefined) expect(`${match.network}/${match.prefixLength}`).toBe([...expected].find(([, v]) => v === best!.value)![0]);
      }),
      { numRuns: 500 },
    );
  });
});
