/**
 * A longest-prefix-match table for one address family (RFC 1812 section 5.2.4.3; the same
 * rule for IPv6, RFC 8200 / RFC 4291 section 2.5): one hash map per prefix length, keyed by
 * the masked network, probed from the longest length present down to the shortest. A lookup
 * costs one mask and one hash probe per distinct length in the table, which is a handful on
 * real tables (IPv6: /128 locals, /64 LANs, /48 aggregates, ::/0), and no allocation for IPv4.
 * Leaves out: path compression tries (measured: for the few lengths a lab table holds, the
 * per-length maps are faster than a bit-by-bit trie over bigints).
 */

/** How to mask addresses of a family. */
export interface LpmFamily<A> {
  readonly bits: number;
  /** The first `length` bits of `address`, the rest zero. */
  networkOf(address: A, length: number): A;
}

export interface LpmMatch<A, V> {
  readonly network: A;
  readonly prefixLength: number;
  readonly value: V;
}

export class LpmTable<A, V> {
  private readonly byLength: (Map<A, V> | undefined)[];
  /** Lengths that hold at least one prefix, longest first. */
  private lengths: number[] = [];
  private count = 0;

  constructor(readonly family: LpmFamily<A>) {
    this.byLength = new Array<Map<A, V> | undefined>(family.bits + 1);
  }

  get size(): number {
    return this.count;
  }

  /** Sets the value of `network/prefixLength` (host bits are cleared). */
  set(network: A, prefixLength: number, value: V): void {
    let table = this.byLength[prefixLength];
    if (table === undefined) {
      table = new Map();
      this.byLength[prefixLength] = table;
    }
    if (table.size === 0) this.lengths = withLength(this.lengths, prefixLength);
    const key = this.family.networkOf(network, prefixLength);
    if (!table.has(key)) this.count++;
    table.set(key, value);
  }

  /** The value stored for exactly `network/prefixLength`. */
  get(network: A, prefixLength: number): V | undefined {
    return this.byLength[prefixLength]?.get(this.family.networkOf(network, prefixLength));
  }

  delete(network: A, prefixLength: number): boolean {
    const table = this.byLength[prefixLength];
    if (table === undefined || !table.delete(this.family.networkOf(network, prefixLength))) return false;
    this.count--;
    if (table.size === 0) this.lengths = this.lengths.filter((length) => length !== prefixLength);
    return true;
  }

  /** The value of the longest prefix holding `address`, considering lengths >= `minLength` only. */
  lookup(address: A, minLength = 0): V | undefined {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (length < minLength) break;
      const value = this.byLength[length]!.get(this.family.networkOf(address, length));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Like `lookup`, with the matching prefix. */
  match(address: A, minLength = 0): LpmMatch<A, V> | undefined {
    for (const length of this.lengths) {
      if (length < minLength) break;
      const network = this.family.networkOf(address, length);
      const value = this.byLength[length]!.get(network);
      if (value !== undefined) return { network, prefixLength: length, value };
    }
    return undefined;
  }

  /** Calls `visit` for every entry, longest prefixes first (no allocation per entry). */
  forEach(visit: (network: A, prefixLength: number, value: V) => void): void {
    for (const length of this.lengths) {
      for (const [network, value] of this.byLength[length]!) visit(network, length, value);
    }
  }

  /** Every entry, longest prefixes first. */
  *entries(): IterableIterator<LpmMatch<A, V>> {
    for (const length of this.lengths) {
      for (const [network, value] of this.byLength[length]!) yield { network, prefixLength: length, value };
    }
  }

  clear(): void {
    for (const length of this.lengths) this.byLength[length]!.clear();
    this.lengths = [];
    this.count = 0;
  }
}

/** A new list of `lengths` (longest first) with `length` inserted in place: no sort per new length. */
function withLength(lengths: readonly number[], length: number): number[] {
  const out: number[] = [];
  let inserted = false;
  for (const existing of lengths) {
    if (!inserted && length > existing) {
      out.push(length);
      inserted = true;
    }
    out.push(existing);
  }
  if (!inserted) out.push(length);
  return out;
}
