/**
 * A set of VLAN ids 1-4094 (IEEE 802.1Q section 9.6: 0 and 4095 are reserved), as a trunk's
 * allowed list (`switchport trunk allowed vlan 10,20-30`). Membership is one array read, so the
 * forwarding path can ask it per frame. Text is the IOS range form (`1-4094`, `10,20-30`).
 * Leaves out: parsing the `add`/`remove`/`except` keywords (the console does that, on top of this).
 */
export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

export class VlanSet {
  /** One bit per VLAN id 0-4095 (512 bytes: every switchport has one). */
  private readonly bits = new Uint32Array(128);

  /** Every VLAN 1-4094 (a trunk's default). */
  static all(): VlanSet {
    const set = new VlanSet();
    set.bits.fill(0xffffffff);
    set.delete(0);
    set.delete(4095);
    return set;
  }

  static of(...vlans: number[]): VlanSet {
    const set = new VlanSet();
    for (const vlan of vlans) set.add(vlan);
    return set;
  }

  has(vlan: number): boolean {
    return ((this.bits[vlan >>> 5]! >>> (vlan & 31)) & 1) === 1;
  }

  add(vlan: number): void {
    if (vlan >= VLAN_MIN && vlan <= VLAN_MAX) this.bits[vlan >>> 5]! |= 1 << (vlan & 31);
  }

  delete(vlan: number): void {
    if (vlan >= 0 && vlan <= 4095) this.bits[vlan >>> 5]! &= ~(1 << (vlan & 31));
  }

  /** The VLANs, ascending. */
  values(): number[] {
    const out: number[] = [];
    for (let vlan = VLAN_MIN; vlan <= VLAN_MAX; vlan++) if (this.has(vlan)) out.push(vlan);
    return out;
  }

  /** IOS range text: `1-4094`, `10,20-30`, `none`. */
  toString(): string {
    const parts: string[] = [];
    let vlan = VLAN_MIN;
    while (vlan <= VLAN_MAX) {
      if (!this.has(vlan)) {
        vlan++;
        continue;
      }
      const start = vlan;
      while (vlan + 1 <= VLAN_MAX && this.has(vlan + 1)) vlan++;
      parts.push(start === vlan ? String(start) : `${start}-${vlan}`);
      vlan++;
    }
    return parts.length === 0 ? 'none' : parts.join(',');
  }
}
