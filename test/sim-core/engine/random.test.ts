import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRandom, deriveRandom } from '../../../sim-core/engine/random';

function take(n: number, next: () => number): number[] {
  return Array.from({ length: n }, next);
}

describe('seeded generator (sfc32)', () => {
  it('the same seed gives the same sequence', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(take(100, () => a.nextUint32())).toEqual(take(100, () => b.nextUint32()));
  });

  it('different seeds give different sequences, even adjacent ones', () => {
    const a = take(8, ((r) => () => r.nextUint32())(createRandom(1)));
    const b = take(8, ((r) => () => r.nextUint32())(createRandom(2)));
    expect(a).not.toEqual(b);
  });

  it('seeds above 2^32 are not truncated to their low word', () => {
    const a = createRandom(5);
    const b = createRandom(5 + 2 ** 32);
    expect(a.nextUint32()).not.toBe(b.nextUint32());
  });

  it('a non-integer seed is refused', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });

  it('uniformInt stays within [min, max] and reaches both ends (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 20 }), fc.nat(), (min, span, seed) => {
        const r = createRandom(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 400; i++) {
          const x = r.uniformInt(min, min + span);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(min + span);
          expect(Number.isInteger(x)).toBe(true);
          seen.add(x);
        }
        expect(seen.has(min)).toBe(true);
        expect(seen.has(min + span)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('nextFloat is in [0, 1) and roughly uniform', () => {
    const r = createRandom(9);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.nextFloat();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('a derived stream depends only on (seed, label): adding or using other streams does not shift it', () => {
    const lone = deriveRandom(7, 'R2');
    const root = createRandom(7);
    const r1 = root.derive('R1');
    take(50, () => r1.nextUint32());
    take(50, () => root.nextUint32());
    const r2 = root.derive('R2');
    expect(take(20, () => r2.nextUint32())).toEqual(take(20, () => lone.nextUint32()));
  });

  it('streams with different labels differ', () => {
    const a = deriveRandom(7, 'R1');
    const b = deriveRandom(7, 'R2');
    expect(take(4, () => a.nextUint32())).not.toEqual(take(4, () => b.nextUint32()));
  });
});
