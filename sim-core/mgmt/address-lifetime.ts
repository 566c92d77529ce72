/**
 * What host displays print for an address lifetime (`valid_lft 2591997sec`, `Valid Lifetime
 * 29d23h59m57s`): the seconds left of a lifetime set at `setNs`, or undefined for an infinite
 * one (0xffffffff, RFC 4861 section 4.6.2).
 */
export function remainingLifetimeS(lifetimeS: number, setNs: number, nowNs: number): number | undefined {
  if (!Number.isFinite(lifetimeS) || lifetimeS >= 0xffffffff) return undefined;
  return Math.max(0, Math.floor(lifetimeS - (nowNs - setNs) / 1e9));
}
