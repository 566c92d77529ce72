/**
 * A set of VLAN ids 1-4094 (IEEE 802.1Q section 9.6: 0 and 4095 are reserved), as a trunk's
 * allowed list (`switchport trunk allowed vlan 10,20-30`). Membership is one array read, so the
 * forwarding path can ask it per frame. Text is the IOS range form (`1-4094`, `10,20-30`).
 * Leaves out: parsing the `add`/`remove`/`except` keywords (the console does that, on top of this).
 */
export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

export class VlanSet {
  private readonly bits = new Uint8Array(4096);

  /** Every VLAN 1-4094 (a trunk's default). */
  static all(): VlanSet {
    const set = new VlanSet();
    set.bits.fill(1, VLAN_MIN, VLAN_MAX + 1);
    return set;
  }

  static of(...vlans: number[]): VlanSet {
    const set = new VlanSet();
    for (const vlan of vlans) set.add(vlan);
    return set;
  }

  has(vlan: number): boolean {
    return this.bits[vlan] === 1;
  }

  add(vlan: number): void {
    if (vlan >= VLAN_MIN && vlan <= VLAN_MAX) this.bits[vlan] = 1;
  }

  delete(vlan: number): void {
    this.bits[vlan] = 0;
  }

  /** The VLANs, ascending. */
  values(): number[] {
    const out: number[] = [];
    for (let vlan = VLAN_MIN; vlan <= VLAN_MAX; vlan++) if (this.bits[vlan] === 1) out.push(vlan);
    return out;
  }

  /** IOS range text: `1-4094`, `10,20-30`, `none`. */
  toString(): string {
    const parts: string[] = [];
    let vlan = VLAN_MIN;
    while (vlan <= VLAN_MAX) {
      if (this.bits[vlan] !== 1) {
        vlan++;
        continue;
      }
      const start = vlan;
      while (vlan + 1 <= VLAN_MAX && this.bits[vlan + 1] === 1) vlan++;
      parts.push(start === vlan ? String(start) : `${start}-${vlan}`);
      vlan++;
    }
    return parts.length === 0 ? 'none' : parts.join(',');
  }
}
