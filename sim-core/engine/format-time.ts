/**
 * Virtual time as text for messages and the timeline (`12.000345678 s`). Computed only when a
 * person reads it, never per frame.
 */
import { NS_PER_S, type TimeNs } from './time';

/** Seconds with nanosecond digits: `0.000001500 s`. */
export function formatTimeNs(timeNs: TimeNs): string {
  const seconds = Math.floor(timeNs / NS_PER_S);
  const rest = timeNs - seconds * NS_PER_S;
  return `${seconds}.${String(rest).padStart(9, '0')} s`;
}
