/**
 * The Path MTU cache of a node (RFC 8201): one entry per destination, learned from ICMPv6 Packet
 * Too Big messages (section 4: the estimate only goes down on a PTB, never below the IPv6
 * minimum link MTU of 1280, RFC 8200 section 5), and forgotten after 10 minutes (section 5.3's
 * suggested timer; Linux mtu_expires is 600 s), after which the node tries the first-hop MTU
 * again. Expiry is checked when an entry is read: no timer events.
 * Leaves out: PLPMTUD (RFC 8899), per-flow entries, MTU increases by anything but expiry.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { NS_PER_S, type TimeNs } from '../../engine/time';
import { IPV6_MINIMUM_MTU } from '../../wire/ipv6';
import type { NodeContext } from '../node-context';

export const PMTU_EXPIRY_S = 600;

export interface PathMtuEntry {
  readonly destination: Ipv6Address;
  readonly mtuBytes: number;
  readonly learnedNs: TimeNs;
}

export class PathMtuCache {
  private readonly entriesByDestination = new Map<Ipv6Address, PathMtuEntry>();

  constructor(
    private readonly context: NodeContext,
    readonly expiryS = PMTU_EXPIRY_S,
  ) {}

  /** The learned PMTU towards `destination`, if one is still fresh. */
  get(destination: Ipv6Address): number | undefined {
    const entry = this.entriesByDestination.get(destination);
    if (entry === undefined) return undefined;
    if (this.context.nowNs() - entry.learnedNs >= this.expiryS * NS_PER_S) {
      this.entriesByDestination.delete(destination);
      return undefined;
    }
    return entry.mtuBytes;
  }

  /**
   * A Packet Too Big reported `mtuBytes` for `destination`; `currentBytes` is what the node used.
   * Returns true when the estimate went down (RFC 8201 section 4: a PTB never raises it; a value
   * under 1280 is raised to 1280).
   */
  learn(destination: Ipv6Address, mtuBytes: number, currentBytes: number): boolean {
    const mtu = Math.max(IPV6_MINIMUM_MTU, mtuBytes);
    const known = this.get(destination) ?? currentBytes;
    if (mtu >= known) return false;
    this.entriesByDestination.set(destination, { destination, mtuBytes: mtu, learnedNs: this.context.nowNs() });
    return true;
  }

  /** The fresh entries, for `show ipv6 mtu` / `ip -6 route get` and checks. */
  entries(): PathMtuEntry[] {
    const out: PathMtuEntry[] = [];
    for (const entry of [...this.entriesByDestination.values()]) if (this.get(entry.destination) !== undefined) out.push(entry);
    return out;
  }

  clear(): void {
    this.entriesByDestination.clear();
  }
}
