/**
 * A token bucket on virtual time, for ICMP and ICMPv6 error rate limiting (RFC 1812 section
 * 4.3.2.8, RFC 4443 section 2.4 (f)): `take()` succeeds while tokens remain; tokens come back
 * at `ratePerS`, up to `burst`. Refilled lazily from the clock: no timer events.
 */
import { NS_PER_S } from '../engine/time';
import type { NodeContext } from './node-context';

export class TokenBucket {
  private tokens: number;
  private lastNs: number;

  constructor(
    private readonly context: NodeContext,
    readonly ratePerS: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
    this.lastNs = context.nowNs();
  }

  /** Takes one token if there is one. */
  take(): boolean {
    const now = this.context.nowNs();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastNs) * this.ratePerS) / NS_PER_S);
    this.lastNs = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
