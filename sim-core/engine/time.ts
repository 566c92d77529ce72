/**
 * Virtual time: an integer count of nanoseconds since the simulation started, held in a
 * `number` (exact up to 2^53 ns, about 104 days of simulated time). Nothing in sim-core reads
 * the wall clock; every duration is written with its unit in the name (`delayNs`, `lifetimeS`).
 */

/** Nanoseconds of virtual time since the simulation started. */
export type TimeNs = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;

/** Whole nanoseconds in `ms` milliseconds (rounded to the nearest nanosecond). */
export function msToNs(ms: number): TimeNs {
  return Math.round(ms * NS_PER_MS);
}

/** Whole nanoseconds in `s` seconds (rounded to the nearest nanosecond). */
export function secondsToNs(s: number): TimeNs {
  return Math.round(s * NS_PER_S);
}

/** Whole nanoseconds in `us` microseconds (rounded to the nearest nanosecond). */
export function usToNs(us: number): TimeNs {
  return Math.round(us * NS_PER_US);
}

/** Seconds (fractional) in `ns` nanoseconds, for display. */
export function nsToSeconds(ns: TimeNs): number {
  return ns / NS_PER_S;
}
