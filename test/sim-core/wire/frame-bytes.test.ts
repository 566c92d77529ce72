import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocateBytes, copyBytes } from '../../../sim-core/wire/frame-bytes';

describe('frame bytes', () => {
  it('gives zero-filled arrays of exactly the length asked, small, pooled or large', () => {
    for (const length of [0, 1, 60, 64, 65, 86, 1514, 4096, 4097, 9000]) {
      const bytes = allocateBytes(length);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.length).toBe(length);
      expect(bytes.every((b) => b === 0)).toBe(true);
    }
  });

  it('never hands out overlapping bytes: writing one array leaves every other unchanged (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 2, maxLength: 60 }), (lengths) => {
        const arrays = lengths.map((length) => allocateBytes(length));
        arrays.forEach((bytes, i) => bytes.fill((i % 255) + 1));
        arrays.forEach((bytes, i) => expect(bytes.every((b) => b === (i % 255) + 1)).toBe(true));
      }),
      { numRuns: 50 },
    );
  });

  it('copyBytes copies: same content, independent of the original', () => {
    const original = Uint8Array.from({ length: 100 }, (_, i) => i);
    const copy = copyBytes(original);
    expect(copy).toEqual(original);
    copy[0] = 99;
    expect(original[0]).toBe(0);
  });
});
