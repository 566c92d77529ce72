/**
 * Answers IOS's "does this prefix overlap one on another interface?" (`ip address`, `ipv6
 * address`) without comparing against every address of every interface, so a configuration of
 * 10,000 loopbacks loads in linear time rather than quadratic.
 * Two prefixes overlap when they agree on the shorter of their lengths. The index keeps, for each
 * configured prefix Q/L and each prefix length l <= L that the index serves, the key
 * (L, l, first l bits of Q); a question P/len asks, for each length L held, for the key
 * (L, min(L, len), first min(L, len) bits of P). A question with a length the index does not serve
 * yet adds it (one rebuild per new length; a lab has a handful).
 * The index follows the configuration by watching each interface's address list (IOS code
 * replaces the list on every change, right after asking about that interface): a list that is
 * not the one indexed is indexed again. Removals may leave stale prefixes behind; they can only
 * make the index say "yes", and a "yes" is checked against every interface first.
 * It only says whether some other interface overlaps; the caller's own scan then writes the
 * message IOS prints (that path is an error, so rare).
 * Leaves out: nothing of IOS's rule; it is a cache of it.
 */

export interface OverlapFamily<A> {
  networkOf(address: A, length: number): A;
}

interface Indexed<A> {
  readonly list: readonly { readonly address: A; readonly prefixLength: number }[];
  readonly length: number;
  /** The prefix lengths indexed (the list may have changed since). */
  readonly lengths: readonly number[];
  readonly keys: string[];
}

export class PrefixOverlapIndex<I, A> {
  private readonly indexed = new Map<I, Indexed<A>>();
  /** key → how many interfaces hold it, with one of them (enough to tell "another interface"). */
  private readonly holders = new Map<string, Map<I, number>>();
  /** Lengths held by some configured prefix, with their counts. */
  private readonly lengthsHeld = new Map<number, number>();
  /** Lengths the keys are made for (every length held or asked about). */
  private readonly lengthsServed = new Set<number>();
  /** Interfaces asked about since the last call: their lists may have changed since. */
  private readonly pending = new Set<I>();

  constructor(
    private readonly family: OverlapFamily<A>,
    private readonly addressesOf: (iface: I) => readonly { readonly address: A; readonly prefixLength: number }[],
  ) {}

  /**
   * True when a prefix on an interface of `interfaces` other than `self` overlaps
   * `address/prefixLength`. Cost: the interfaces asked about since the last call are re-read
   * (IOS changes an interface's addresses right after asking about it); only a "yes" re-reads
   * every interface, to drop what removals (`no ip address`, a deleted interface) left behind.
   */
  overlapsOther(interfaces: Iterable<I>, self: I, address: A, prefixLength: number): boolean {
    if (!this.lengthsServed.has(prefixLength)) {
      this.lengthsServed.add(prefixLength);
      this.clear();
      this.syncAll(interfaces);
    }
    for (const iface of this.pending) this.refresh(iface);
    this.pending.clear();
    this.pending.add(self);
    this.refresh(self);
    if (!this.lookup(self, address, prefixLength)) return false;
    this.syncAll(interfaces);
    return this.lookup(self, address, prefixLength);
  }

  private lookup(self: I, address: A, prefixLength: number): boolean {
    for (const held of this.lengthsHeld.keys()) {
      const l = Math.min(held, prefixLength);
      const holders = this.holders.get(keyOf(held, l, this.family.networkOf(address, l)));
      if (holders === undefined) continue;
      for (const iface of holders.keys()) if (iface !== self) return true;
    }
    return false;
  }

  private refresh(iface: I): void {
    const list = this.addressesOf(iface);
    const entry = this.indexed.get(iface);
    if (entry !== undefined && entry.list === list && entry.length === list.length) return;
    if (entry !== undefined) this.unindex(iface, entry);
    this.index(iface, list);
  }

  private syncAll(interfaces: Iterable<I>): void {
    const seen = new Set<I>();
    for (const iface of interfaces) {
      seen.add(iface);
      this.refresh(iface);
    }
    if (seen.size !== this.indexed.size) {
      for (const [iface, entry] of [...this.indexed]) if (!seen.has(iface)) this.unindex(iface, entry);
    }
  }

  private clear(): void {
    this.indexed.clear();
    this.holders.clear();
    this.lengthsHeld.clear();
  }

  private index(iface: I, list: readonly { readonly address: A; readonly prefixLength: number }[]): void {
    const lengths = list.map((entry) => entry.prefixLength);
    if (lengths.some((length) => !this.lengthsServed.has(length))) {
      // A new length: every prefix needs its key at it too.
      for (const length of lengths) this.lengthsServed.add(length);
      const others = [...this.indexed].map(([other, entry]) => [other, entry.list] as const);
      this.clear();
      for (const [other, otherList] of others) this.index(other, otherList);
    }
    const keys: string[] = [];
    for (const { address, prefixLength } of list) {
      this.lengthsHeld.set(prefixLength, (this.lengthsHeld.get(prefixLength) ?? 0) + 1);
      for (const l of this.lengthsServed) {
        if (l > prefixLength) continue;
        const key = keyOf(prefixLength, l, this.family.networkOf(address, l));
        keys.push(key);
        let holders = this.holders.get(key);
        if (holders === undefined) this.holders.set(key, (holders = new Map()));
        holders.set(iface, (holders.get(iface) ?? 0) + 1);
      }
    }
    this.indexed.set(iface, { list, length: list.length, lengths, keys });
  }

  private unindex(iface: I, entry: Indexed<A>): void {
    for (const prefixLength of entry.lengths) {
      const count = (this.lengthsHeld.get(prefixLength) ?? 1) - 1;
      if (count <= 0) this.lengthsHeld.delete(prefixLength);
      else this.lengthsHeld.set(prefixLength, count);
    }
    for (const key of entry.keys) {
      const holders = this.holders.get(key);
      if (holders === undefined) continue;
      const count = (holders.get(iface) ?? 1) - 1;
      if (count <= 0) holders.delete(iface);
      else holders.set(iface, count);
      if (holders.size === 0) this.holders.delete(key);
    }
    this.indexed.delete(iface);
  }
}

function keyOf(length: number, l: number, network: unknown): string {
  return `${length}|${l}|${String(network)}`;
}
