/**
 * Cisco IOS console log messages with the uptime-based timestamp IOS prints when no clock is
 * set: `*Mar  1 00:01:05.123: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up`.
 * The asterisk means "time not authoritative"; the count starts at Mar 1 00:00:00.000 at boot
 * and is derived from the simulator's virtual time, never the wall clock.
 * `show clock` reads the same clock (`*00:01:05.123 UTC Mon Mar 1 1993`: IOS's unset clock starts
 * at Mar 1 1993).
 * Messages: %LINK-3-UPDOWN, %LINK-5-CHANGED (administratively down), %LINEPROTO-5-UPDOWN,
 * %IPV6_ND-4-DUPLICATE (RFC 4862 section 5.4.5 DAD failure; the only form seen in real logs).
 */
import type { Ipv6Address } from '../../../addr/ipv6';
import { NS_PER_MS, type TimeNs } from '../../../engine/time';
import { formatIosIpv6 } from './interfaces';

const MONTHS: readonly [string, number][] = [
  ['Mar', 31], ['Apr', 30], ['May', 31], ['Jun', 30], ['Jul', 31], ['Aug', 31], ['Sep', 30], ['Oct', 31], ['Nov', 30], ['Dec', 31], ['Jan', 31], ['Feb', 28],
];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** The year the software clock starts in when no clock is set (Mar 1 1993 was a Monday). */
const EPOCH_YEAR = 1993;

interface IosCalendar {
  readonly month: string;
  /** 1-based day of the month. */
  readonly day: number;
  readonly year: number;
  readonly weekday: string;
  /** `00:01:05.123` */
  readonly time: string;
}

/** The date and time IOS's unset clock shows `sinceBootNs` after boot (no leap years: labs run hours). */
function calendarOf(sinceBootNs: TimeNs): IosCalendar {
  const totalMs = Math.max(0, Math.floor(sinceBootNs / NS_PER_MS));
  const days = Math.floor(totalMs / 86_400_000);
  let day = days;
  const msOfDay = totalMs % 86_400_000;
  let month = 0;
  while (day >= MONTHS[month % MONTHS.length]![1]) {
    day -= MONTHS[month % MONTHS.length]![1];
    month += 1;
  }
  const two = (n: number) => String(n).padStart(2, '0');
  const hh = two(Math.floor(msOfDay / 3_600_000));
  const mm = two(Math.floor((msOfDay % 3_600_000) / 60_000));
  const ss = two(Math.floor((msOfDay % 60_000) / 1000));
  const ms = String(msOfDay % 1000).padStart(3, '0');
  // The list starts at March, so January and February belong to the next year.
  const year = EPOCH_YEAR + Math.floor((month + 2) / 12);
  return { month: MONTHS[month % MONTHS.length]![0], day: day + 1, year, weekday: WEEKDAYS[days % 7]!, time: `${hh}:${mm}:${ss}.${ms}` };
}

/** `*Mar  1 00:01:05.123` for the given virtual time since boot. */
export function formatIosLogTimestamp(sinceBootNs: TimeNs): string {
  const c = calendarOf(sinceBootNs);
  return `*${c.month} ${String(c.day).padStart(2)} ${c.time}`;
}

/** `show clock`: `*00:05:12.345 UTC Mon Mar 1 1993` (the asterisk: time not authoritative, no NTP). */
export function formatShowClock(sinceBootNs: TimeNs): string {
  const c = calendarOf(sinceBootNs);
  return `*${c.time} UTC ${c.weekday} ${c.month} ${c.day} ${c.year}`;
}

function logLine(sinceBootNs: TimeNs, message: string): string {
  return `${formatIosLogTimestamp(sinceBootNs)}: ${message}`;
}

/** `%LINK-3-UPDOWN` (carrier change) or `%LINK-5-CHANGED` (shutdown). */
export function formatLinkStateLog(sinceBootNs: TimeNs, interfaceName: string, state: 'up' | 'down' | 'administratively down'): string {
  if (state === 'administratively down') return logLine(sinceBootNs, `%LINK-5-CHANGED: Interface ${interfaceName}, changed state to administratively down`);
  return logLine(sinceBootNs, `%LINK-3-UPDOWN: Interface ${interfaceName}, changed state to ${state}`);
}

/** `%LINEPROTO-5-UPDOWN: Line protocol on Interface X, changed state to up|down`. */
export function formatLineProtocolLog(sinceBootNs: TimeNs, interfaceName: string, up: boolean): string {
  return logLine(sinceBootNs, `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${interfaceName}, changed state to ${up ? 'up' : 'down'}`);
}

/** `%IPV6_ND-4-DUPLICATE: Duplicate address 2001:DB8::1 on GigabitEthernet0/0`. */
export function formatDuplicateAddressLog(sinceBootNs: TimeNs, address: Ipv6Address, interfaceName: string): string {
  return logLine(sinceBootNs, `%IPV6_ND-4-DUPLICATE: Duplicate address ${formatIosIpv6(address)} on ${interfaceName}`);
}
