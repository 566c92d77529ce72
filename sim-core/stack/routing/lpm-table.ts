/**
 * A longest-prefix-match table for one address family (RFC 1812 section 5.2.4.3; the same
 * rule for IPv6, RFC 8200 / RFC 4291 section 2.5): one hash map per prefix length, keyed by
 * the masked network, probed from the longest length present down to the shortest. A lookup
 * costs one mask and one hash probe per distinct length in the table, which is a handful on
 * real tables (IPv6: /128 locals, /64 LANs, /48 aggregates, ::/0), and no allocation for IPv4.
 * The maps sit in a list parallel to the list of lengths present (not in an array indexed by
 * length): a table costs a few dozen bytes, not 129 slots, which counts when every one of
 * thousands of hosts has four of them and every FIB rebuild makes new ones.
 * Map keys: V8 hashes a BigInt by its least significant 64 bits only, so IPv6 networks of /64 and
 * shorter (low 64 bits all zero) would all land in one hash bucket and every add or probe would
 * scan them (measured: 20,000 /64s took 4.4 s to insert). An IPv6 family therefore gives a
 * `hashKey` that folds the high half into the low half (an involution, so keys turn back into
 * networks for iteration).
 * Leaves out: path compression tries (measured: for the few lengths a lab table holds, the
 * per-length maps are faster than a bit-by-bit trie over bigints).
 */

/** How to mask addresses of a family. */
export interface LpmFamily<A> {
  readonly bits: number;
  /** The first `length` bits of `address`, the rest zero. */
  networkOf(address: A, length: number): A;
  /**
   * The map key of a network: a bijection that is its own inverse, spreading the bits that vary
   * into those the engine hashes (see the module comment). Identity when absent.
   */
  hashKey?(network: A): A;
}

export interface LpmMatch<A, V> {
  readonly network: A;
  readonly prefixLength: number;
  readonly value: V;
}

export class LpmTable<A, V> {
  /** Lengths that hold at least one prefix, longest first. */
  private lengths: number[] = [];
  /** The prefixes of `lengths[i]`, by masked network. */
  private tables: Map<A, V>[] = [];
  private count = 0;

  /** The map key of `address/length`: its network, through the family's hashKey. */
  private readonly keyOf: (address: A, length: number) => A;
  /** The network of a map key (hashKey is an involution). */
  private readonly networkOfKey: (key: A) => A;

  constructor(readonly family: LpmFamily<A>) {
    const hashKey = family.hashKey;
    this.keyOf = hashKey === undefined ? family.networkOf : (address, length) => hashKey(family.networkOf(address, length));
    this.networkOfKey = hashKey ?? ((key) => key);
  }

  get size(): number {
    return this.count;
  }

  /** Sets the value of `network/prefixLength` (host bits are cleared). */
  set(network: A, prefixLength: number, value: V): void {
    let table = this.tableOf(prefixLength);
    if (table === undefined) {
      table = new Map();
      this.insertLength(prefixLength, table);
    }
    const key = this.keyOf(network, prefixLength);
    if (!table.has(key)) this.count++;
    table.set(key, value);
  }

  /** The value stored for exactly `network/prefixLength`. */
  get(network: A, prefixLength: number): V | undefined {
    return this.tableOf(prefixLength)?.get(this.keyOf(network, prefixLength));
  }

  delete(network: A, prefixLength: number): boolean {
    const index = this.lengths.indexOf(prefixLength);
    if (index < 0) return false;
    const table = this.tables[index]!;
    if (!table.delete(this.keyOf(network, prefixLength))) return false;
    this.count--;
    if (table.size === 0) {
      this.lengths = this.lengths.filter((_, i) => i !== index);
      this.tables = this.tables.filter((_, i) => i !== index);
    }
    return true;
  }

  /** The value of the longest prefix holding `address`, considering lengths >= `minLength` only. */
  lookup(address: A, minLength = 0): V | undefined {
    const lengths = this.lengths;
    const tables = this.tables;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (length < minLength) break;
      const value = tables[i]!.get(this.keyOf(address, length));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Like `lookup`, with the matching prefix. */
  match(address: A, minLength = 0): LpmMatch<A, V> | undefined {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (length < minLength) break;
      const key = this.keyOf(address, length);
      const value = this.tables[i]!.get(key);
      if (value !== undefined) return { network: this.networkOfKey(key), prefixLength: length, value };
    }
    return undefined;
  }

  /** Calls `visit` for every entry, longest prefixes first (no allocation per entry). */
  forEach(visit: (network: A, prefixLength: number, value: V) => void): void {
    const lengths = this.lengths;
    const tables = this.tables;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      for (const [key, value] of tables[i]!) visit(this.networkOfKey(key), length, value);
    }
  }

  /** Every entry, longest prefixes first. */
  *entries(): IterableIterator<LpmMatch<A, V>> {
    const lengths = this.lengths;
    const tables = this.tables;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      for (const [key, value] of tables[i]!) yield { network: this.networkOfKey(key), prefixLength: length, value };
    }
  }

  clear(): void {
    this.lengths = [];
    this.tables = [];
    this.count = 0;
  }

  private tableOf(prefixLength: number): Map<A, V> | undefined {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) if (lengths[i] === prefixLength) return this.tables[i];
    return undefined;
  }

  /** Adds a length with its table, keeping the lengths longest first (new lists: no sort, and iterators over the old ones stay valid). */
  private insertLength(length: number, table: Map<A, V>): void {
    const lengths: number[] = [];
    const tables: Map<A, V>[] = [];
    let inserted = false;
    for (let i = 0; i < this.lengths.length; i++) {
      const existing = this.lengths[i]!;
      if (!inserted && length > existing) {
        lengths.push(length);
        tables.push(table);
        inserted = true;
      }
      lengths.push(existing);
      tables.push(this.tables[i]!);
    }
    if (!inserted) {
      lengths.push(length);
      tables.push(table);
    }
    this.lengths = lengths;
    this.tables = tables;
  }
}
