/**
 * The simulation's seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Chaotic generator, 128-bit state, as in PractRand), seeded through splitmix32. Every random
 * choice in sim-core (jitter, interface identifiers, ISNs) comes from one of these; nothing
 * uses the platform's unseeded generator, and a seed is always given, never defaulted.
 *
 * Independent sub-streams: `deriveRandom(seed, label)` hashes the seed together with a label
 * (a device name, "R1/ndp") into a fresh state. A stream depends only on (seed, label), not on
 * how many other streams exist or how much they were used, so adding a device to a lab does not
 * shift the jitter of the others. Leaves out: cryptographic quality (not needed: this is a lab).
 */

/** Mixes a 32-bit value (splitmix32 finaliser); used to spread seeds over the state. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`, starting from `hash`. */
function hashText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A seeded generator. Create one with `createRandom(seed)` or `deriveRandom(seed, label)`. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** The words this stream was seeded from, so `derive` can build children from them. */
  private readonly origin: number;

  constructor(origin: number) {
    this.origin = origin >>> 0;
    this.a = mix32(origin);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    // Discard the first outputs so that close seeds diverge (as sfc32's reference seeding does).
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32 uniformly distributed bits, as an unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float uniformly distributed in [0, 1) with 32 bits of precision. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer uniformly distributed in [min, max] (both inclusive; span at most 2^32). */
  uniformInt(min: number, max: number): number {
    const span = max - min + 1;
    if (!(span >= 1) || span > 4294967296) throw new RangeError(`uniformInt: bad range [${min}, ${max}]`);
    if (span === 4294967296) return min + this.nextUint32();
    // Rejection sampling: no modulo bias.
    const limit = 4294967296 - (4294967296 % span);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return min + (x % span);
  }

  /** A float uniformly distributed in [min, max). */
  uniformFloat(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  /** `count` random bytes (interface identifiers, nonces). */
  nextBytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i += 4) {
      const word = this.nextUint32();
      for (let j = 0; j < 4 && i + j < count; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** An independent stream named `label`, a function of this stream's origin and the label only. */
  derive(label: string): SeededRandom {
    return new SeededRandom(hashText(mix32(this.origin ^ 0x2545f491), label));
  }
}

function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  // Fold the high bits in, so seeds above 2^32 are not silently truncated to their low word.
  const high = Math.floor(seed / 4294967296);
  return (mix32(high) ^ (seed >>> 0)) >>> 0;
}

/** The root generator of a simulation. The seed is required (a safe integer). */
export function createRandom(seed: number): SeededRandom {
  return new SeededRandom(checkSeed(seed));
}

/** The independent stream `label` of the simulation seeded with `seed`. */
export function deriveRandom(seed: number, label: string): SeededRandom {
  return createRandom(seed).derive(label);
}
