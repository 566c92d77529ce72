/**
 * Virtual time as the timeline shows it: the clock as h:mm:ss.mmm, event times as seconds with
 * microseconds (frames on a LAN are microseconds apart).
 */
const NS_PER_MS = 1_000_000;
const NS_PER_US = 1_000;

/** `0:00:12.345` */
export function formatClock(timeNs: number): string {
  const totalMs = Math.floor(Math.max(0, timeNs) / NS_PER_MS);
  const ms = totalMs % 1000;
  const totalS = Math.floor(totalMs / 1000);
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`;
}

/** `12.004396` (seconds, microsecond resolution) */
export function formatEventTime(timeNs: number): string {
  const us = Math.floor(Math.max(0, timeNs) / NS_PER_US);
  return `${Math.floor(us / 1_000_000)}.${String(us % 1_000_000).padStart(6, '0')}`;
}
