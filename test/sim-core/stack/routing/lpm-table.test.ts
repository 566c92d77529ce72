import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ipv4Address } from '../../../../sim-core/addr/ipv4';
import { ipv4NetworkPart } from '../../../../sim-core/addr/prefix';
import { IPV4_FAMILY } from '../../../../sim-core/stack/routing/ipv4-rib';
import { LpmTable } from '../../../../sim-core/stack/routing/lpm-table';

// Few lengths and networks, so sets, deletes and lookups keep hitting the same prefixes.
const lengthArb = fc.constantFrom(0, 8, 16, 24, 25, 32);
const addressArb = fc.constantFrom(0x0a000000, 0x0a000001, 0x0a000080, 0x0a010000, 0xc0a80001, 0xffffffff).map((a) => (a >>> 0) as Ipv4Address);
const stepArb = fc.oneof(
  fc.record({ op: fc.constant('set' as const), address: addressArb, length: lengthArb, value: fc.nat(99) }),
  fc.record({ op: fc.constant('delete' as const), address: addressArb, length: lengthArb }),
);

describe('LpmTable', () => {
  it('after any sets and deletes, lookups, gets, size and order match a brute-force list (property)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), addressArb, (steps, probe) => {
        const table = new LpmTable<Ipv4Address, number>(IPV4_FAMILY);
        const oracle = new Map<string, { network: number; length: number; value: number }>();
        for (const step of steps) {
          const network = ipv4NetworkPart(step.address, step.length);
          const key = `${network}/${step.length}`;
          if (step.op === 'set') {
            table.set(step.address, step.length, step.value);
            oracle.set(key, { network, length: step.length, value: step.value });
          } else {
            expect(table.delete(step.address, step.length)).toBe(oracle.delete(key));
          }
        }
        expect(table.size).toBe(oracle.size);
        const best = [...oracle.values()].filter((e) => ipv4NetworkPart(probe, e.length) === e.network).sort((a, b) => b.length - a.length)[0];
        expect(table.lookup(probe)).toBe(best?.value);
        expect(table.match(probe)?.prefixLength).toBe(best?.length);
        for (const e of oracle.values()) expect(table.get(e.network as Ipv4Address, e.length)).toBe(e.value);
        const visited: number[] = [];
        table.forEach((_network, length) => visited.push(length));
        expect(visited).toEqual([...visited].sort((a, b) => b - a));
        expect(visited).toHaveLength(oracle.size);
      }),
    );
  });
});
