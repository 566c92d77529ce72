/**
 * Link delay and bandwidth as written in a lab file ("1ms", "500us", "2 ms"; "1Gbps", "100Mbps",
 * "64kbps") and back. Values are kept as integers: nanoseconds of virtual time and bits per
 * second, SI multiples (1 kbps = 1000 bit/s, as link speeds are quoted). Formatting picks the
 * largest unit that divides the value exactly, so parse(format(x)) = x.
 * Never throws: bad text gives `{ ok: false, error }` saying what was expected (the *Bilingual
 * parsers give that error in English and Vietnamese).
 */
import { failure, parsed, type ParseResult } from '../addr/parse-result';
import type { ProblemMessage } from './problem-text';

const DELAY_UNITS_NS: Readonly<Record<string, number>> = { ns: 1, us: 1_000, µs: 1_000, ms: 1_000_000, s: 1_000_000_000 };
const BANDWIDTH_UNITS_BPS: Readonly<Record<string, number>> = { bps: 1, kbps: 1e3, mbps: 1e6, gbps: 1e9 };

/** Longest link delay a lab may set: 10 s (a satellite hop is ~0.3 s; longer is a typo). */
export const MAX_DELAY_NS = 10_000_000_000;
/** Bandwidth limits: 1 kbps … 400 Gbps. */
export const MIN_BANDWIDTH_BPS = 1_000;
export const MAX_BANDWIDTH_BPS = 400_000_000_000;

/** The JSON Schema pattern of a delay (also used by the zod schema). */
export const DELAY_PATTERN = /^\s*\d+(\.\d+)?\s*(ns|us|µs|ms|s)\s*$/;
/** The JSON Schema pattern of a bandwidth; units are case-insensitive (`mbps` = `Mbps`). */
export const BANDWIDTH_PATTERN = /^\s*\d+(\.\d+)?\s*([kKmMgG]?[bB][pP][sS])\s*$/;

const DELAY_HELP = {
  en: 'expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)',
  vi: 'cần một số và đơn vị ns, us, ms hoặc s (ví dụ 1ms, 500us, 2 ms)',
};
const BANDWIDTH_HELP = {
  en: 'expected a number and a unit bps, kbps, Mbps or Gbps (e.g. 1Gbps, 100Mbps, 64kbps)',
  vi: 'cần một số và đơn vị bps, kbps, Mbps hoặc Gbps (ví dụ 1Gbps, 100Mbps, 64kbps)',
};

/** A quantity read from text, its error in English and Vietnamese. */
export type BilingualQuantityResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: ProblemMessage };

function bilingualFailure(en: string, vi: string): BilingualQuantityResult {
  return { ok: false, error: { en, vi } };
}

function englishOf(result: BilingualQuantityResult): ParseResult<number> {
  return result.ok ? parsed(result.value) : failure(result.error.en);
}

interface Quantity {
  readonly digits: string;
  readonly unit: string;
}

function splitQuantity(text: string): Quantity | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([^\s\d.][^\s]*)?\s*$/.exec(text);
  if (match === null) return undefined;
  return { digits: match[1]!, unit: match[2] ?? '' };
}

/** Exact integer product of a decimal string and an integer multiplier, or undefined if fractional. */
function scaleDecimal(digits: string, multiplier: number): number | undefined {
  const [whole = '0', fraction = ''] = digits.split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const scale = 10 ** trimmedFraction.length;
  if (multiplier % scale !== 0) return undefined;
  const value = Number(whole) * multiplier + Number(trimmedFraction === '' ? '0' : trimmedFraction) * (multiplier / scale);
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

export function parseDelayNs(text: string): ParseResult<number> {
  return englishOf(parseDelayNsBilingual(text));
}

export function parseBandwidthBps(text: string): ParseResult<number> {
  return englishOf(parseBandwidthBpsBilingual(text));
}

/** As parseDelayNs, the error in English and Vietnamese. */
export function parseDelayNsBilingual(text: string): BilingualQuantityResult {
  const quantity = splitQuantity(text);
  if (quantity === undefined) return bilingualFailure(`delay '${text}' is not a duration; ${DELAY_HELP.en}`, `độ trễ '${text}' không phải một khoảng thời gian; ${DELAY_HELP.vi}`);
  if (quantity.unit === '') return bilingualFailure(`delay '${text}' has no unit; ${DELAY_HELP.en}`, `độ trễ '${text}' thiếu đơn vị; ${DELAY_HELP.vi}`);
  const multiplier = DELAY_UNITS_NS[quantity.unit];
  if (multiplier === undefined) {
    return bilingualFailure(
      `delay '${text}' has an unknown unit '${quantity.unit}'; ${DELAY_HELP.en}`,
      `độ trễ '${text}' có đơn vị không hợp lệ '${quantity.unit}'; ${DELAY_HELP.vi}`,
    );
  }
  const delayNs = scaleDecimal(quantity.digits, multiplier);
  if (delayNs === undefined) return bilingualFailure(`delay '${text}' is not a whole number of nanoseconds`, `độ trễ '${text}' không phải số nguyên nano giây`);
  if (delayNs > MAX_DELAY_NS) return bilingualFailure(`delay '${text}' is too long; the longest link delay is 10s`, `độ trễ '${text}' quá lớn; độ trễ tối đa của một link là 10s`);
  return { ok: true, value: delayNs };
}

/** As parseBandwidthBps, the error in English and Vietnamese. */
export function parseBandwidthBpsBilingual(text: string): BilingualQuantityResult {
  const quantity = splitQuantity(text);
  if (quantity === undefined) return bilingualFailure(`bandwidth '${text}' is not a rate; ${BANDWIDTH_HELP.en}`, `băng thông '${text}' không phải một tốc độ; ${BANDWIDTH_HELP.vi}`);
  if (quantity.unit === '') return bilingualFailure(`bandwidth '${text}' has no unit; ${BANDWIDTH_HELP.en}`, `băng thông '${text}' thiếu đơn vị; ${BANDWIDTH_HELP.vi}`);
  const multiplier = BANDWIDTH_UNITS_BPS[quantity.unit.toLowerCase()];
  if (multiplier === undefined) {
    return bilingualFailure(
      `bandwidth '${text}' has an unknown unit '${quantity.unit}'; ${BANDWIDTH_HELP.en}`,
      `băng thông '${text}' có đơn vị không hợp lệ '${quantity.unit}'; ${BANDWIDTH_HELP.vi}`,
    );
  }
  const bandwidthBps = scaleDecimal(quantity.digits, multiplier);
  if (bandwidthBps === undefined) return bilingualFailure(`bandwidth '${text}' is not a whole number of bits per second`, `băng thông '${text}' không phải số nguyên bit/giây`);
  if (bandwidthBps < MIN_BANDWIDTH_BPS || bandwidthBps > MAX_BANDWIDTH_BPS) {
    return bilingualFailure(`bandwidth '${text}' is out of range; links run from 1kbps to 400Gbps`, `băng thông '${text}' nằm ngoài giới hạn; link chạy từ 1kbps đến 400Gbps`);
  }
  return { ok: true, value: bandwidthBps };
}

function formatWithLargestUnit(value: number, units: readonly (readonly [string, number])[]): string {
  for (const [unit, size] of units) {
    if (value !== 0 && value % size === 0) return `${value / size}${unit}`;
  }
  const smallest = units[units.length - 1]!;
  return `${value}${smallest[0]}`;
}

/** 1_000_000 → "1ms", 1_500_000 → "1500us", 0 → "0ns". */
export function formatDelayNs(delayNs: number): string {
  return formatWithLargestUnit(delayNs, [['s', 1e9], ['ms', 1e6], ['us', 1e3], ['ns', 1]]);
}

/** 1e9 → "1Gbps", 64_000 → "64kbps". */
export function formatBandwidthBps(bandwidthBps: number): string {
  return formatWithLargestUnit(bandwidthBps, [['Gbps', 1e9], ['Mbps', 1e6], ['kbps', 1e3], ['bps', 1]]);
}
