/**
 * Reading the addr subcommands' arguments: each reader turns user text into a value or into a
 * message that names the argument and the problem:
 * `'2001:db8::1::1' is not an IPv6 address: '::' may appear only once`.
 */
import {
  parseIpv4,
  parseIpv4Interface,
  parseIpv6Interface,
  parseIpv6Prefix,
  parseIpv6Scoped,
  parseMac,
  parsePrefix,
  reasonOf,
  failure,
  parsed,
  type Ipv4Address,
  type Ipv4Interface,
  type Ipv6Interface,
  type Ipv6Prefix,
  type MacAddress,
  type ParseResult,
  type Prefix,
  type ScopedIpv6Address,
} from '../../../sim-core/addr';

function named<T>(text: string, what: string, result: ParseResult<T>): ParseResult<T> {
  return result.ok ? result : failure(`'${text}' is not ${what}: ${reasonOf(result.error, text)}`);
}

export function readIpv4Argument(text: string): ParseResult<Ipv4Address> {
  return named(text, 'an IPv4 address', parseIpv4(text));
}

export function readIpv6Argument(text: string): ParseResult<ScopedIpv6Address> {
  return named(text, 'an IPv6 address', parseIpv6Scoped(text));
}

export function readMacArgument(text: string): ParseResult<MacAddress> {
  return named(text, 'a MAC address', parseMac(text));
}

export function readIpv6PrefixArgument(text: string): ParseResult<Ipv6Prefix> {
  return named(text, 'an IPv6 prefix', parseIpv6Prefix(text));
}

export function readPrefixArgument(text: string): ParseResult<Prefix> {
  return named(text, text.includes(':') ? 'an IPv6 prefix' : 'an IPv4 prefix', parsePrefix(text));
}

export function readIpv6InterfaceArgument(text: string): ParseResult<Ipv6Interface> {
  return named(text, 'an IPv6 address with a prefix length', parseIpv6Interface(text));
}

export function readIpv4InterfaceArgument(text: string): ParseResult<Ipv4Interface> {
  return named(text, 'an IPv4 address with a prefix length', parseIpv4Interface(text));
}

/** A whole number from `min` to `max` (accepts a leading '/' when `slashOk`, as in --into /56). */
export function readWholeNumber(text: string, what: string, min: number, max: number, slashOk = false): ParseResult<number> {
  const digits = slashOk && text.startsWith('/') ? text.slice(1) : text;
  if (!/^[0-9]+$/.test(digits)) return failure(`${what} '${text}' is not a whole number`);
  const n = digits.length > 9 ? Infinity : Number(digits);
  if (n < min || n > max) return failure(`${what} ${digits} is out of range (${min} to ${max})`);
  return parsed(n);
}
