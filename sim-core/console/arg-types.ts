/**
 * Typed command-line arguments: how each token kind of the grammar reads the text at a position
 * of the command line, and how far it got when it could not. The reach on failure is what puts
 * IOS's caret where IOS puts it: the parser marks the deepest character any alternative reached
 * (a keyword reports the letters it shared with the input, a number the digit that went over
 * its range, an address its first character).
 * Follows the behaviour of the IOS parser as public captures show it, and FRRouting's token
 * types (lib/command_graph.h: WORD, IPV4, IPV4_PREFIX, IPV6, IPV6_PREFIX, MAC, RANGE, VARIABLE).
 * Leaves out: IOS's hex/octal numbers, quoted strings and general-prefix names.
 */
import { parseIpv4, type Ipv4Address } from '../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../addr/ipv6';
import { parseMac, type MacAddress } from '../addr/mac';

export type ArgKind =
  | 'ipv4'
  | 'ipv4-prefix'
  | 'ipv4-mask'
  | 'ipv6'
  | 'ipv6-prefix'
  | 'mac'
  | 'interface'
  | 'range'
  | 'word'
  | 'line';

/** The typed value a handler receives for one argument; `text` is what the user typed. */
export type ArgValue =
  | { readonly kind: 'ipv4'; readonly text: string; readonly address: Ipv4Address }
  | { readonly kind: 'ipv4-prefix'; readonly text: string; readonly address: Ipv4Address; readonly prefixLength: number }
  | { readonly kind: 'ipv4-mask'; readonly text: string; readonly mask: Ipv4Address; readonly prefixLength: number | undefined }
  | { readonly kind: 'ipv6'; readonly text: string; readonly address: Ipv6Address }
  | { readonly kind: 'ipv6-prefix'; readonly text: string; readonly address: Ipv6Address; readonly prefixLength: number }
  | { readonly kind: 'mac'; readonly text: string; readonly mac: MacAddress }
  | { readonly kind: 'interface'; readonly text: string; readonly name: string }
  | { readonly kind: 'range'; readonly text: string; readonly value: number }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'line'; readonly text: string; /** Where the text starts in the typed line (for a caret under a bad part). */ readonly start: number };

/** One interface type the device has, as IOS lists it under `interface ?`. */
export interface InterfaceType {
  /** Full type name, e.g. `GigabitEthernet`. */
  readonly name: string;
  /** Help text, e.g. `GigabitEthernet IEEE 802.3z`. */
  readonly help: string;
  /** What `interface GigabitEthernet ?` shows, e.g. `<0-6>` (default `<0-9>`). */
  readonly numberHelp?: string;
}

/** What the device tells the console about its interfaces. */
export interface InterfaceCatalog {
  readonly types: readonly InterfaceType[];
  /** Optional check that a canonical name (`GigabitEthernet0/0.10`) may be used here. */
  readonly accepts?: (name: string) => boolean;
}

/** Result of reading one token at a position of the line (positions are indexes into the line). */
export type TokenMatch =
  | { readonly status: 'match'; readonly end: number; readonly value: ArgValue | undefined; readonly exact: boolean }
  | { readonly status: 'partial'; readonly help: readonly HelpEntry[] }
  | { readonly status: 'fail'; readonly reach: number };

/** One row of `?` help: the token as IOS shows it and its description. */
export interface HelpEntry {
  readonly token: string;
  readonly help: string;
}

/** Index of the end of the word starting at `pos` (next blank or end of line). */
export function wordEnd(line: string, pos: number): number {
  let i = pos;
  while (i < line.length && !isBlank(line[i]!)) i++;
  return i;
}

export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/**
 * A keyword matches any prefix of itself, in any letter case. On a miss it reaches as far as
 * the letters it shares with the input (IOS: `ipv6 adress` marks the `d` when only `access-list`
 * starts with `a`).
 */
export function matchKeyword(keyword: string, line: string, pos: number): TokenMatch {
  const end = wordEnd(line, pos);
  const word = line.slice(pos, end).toLowerCase();
  const kw = keyword.toLowerCase();
  let shared = 0;
  while (shared < word.length && shared < kw.length && word[shared] === kw[shared]) shared++;
  if (shared === word.length && shared > 0) return { status: 'match', end, value: undefined, exact: word.length === kw.length };
  return { status: 'fail', reach: pos + shared };
}

/** How IOS shows each argument kind in `?` help. */
export function displayArg(kind: ArgKind, min?: number, max?: number): string {
  switch (kind) {
    case 'ipv4':
    case 'ipv4-mask':
      return 'A.B.C.D';
    case 'ipv4-prefix':
      return 'A.B.C.D/nn';
    case 'ipv6':
      return 'X:X:X:X::X';
    case 'ipv6-prefix':
      return 'X:X:X:X::X/<0-128>';
    case 'mac':
      return 'H.H.H';
    case 'range':
      return `<${min ?? 0}-${max ?? 0}>`;
    case 'word':
      return 'WORD';
    case 'line':
      return 'LINE';
    case 'interface':
      return 'INTERFACE';
  }
}

/** Default help text when a spec gives none. */
export function defaultArgHelp(kind: ArgKind): string {
  switch (kind) {
    case 'ipv4':
      return 'IP address';
    case 'ipv4-mask':
      return 'IP subnet mask';
    case 'ipv4-prefix':
      return 'IP prefix and length';
    case 'ipv6':
      return 'IPv6 address';
    case 'ipv6-prefix':
      return 'IPv6 prefix';
    case 'mac':
      return 'MAC address';
    case 'range':
      return 'Number';
    case 'word':
      return 'Word';
    case 'line':
      return 'Text';
    case 'interface':
      return 'Interface';
  }
}

const DIGITS = /^[0-9]+$/;

function prefixLengthOf(text: string, maxBits: number): number | undefined {
  if (!DIGITS.test(text) || text.length > 3) return undefined;
  const n = Number(text);
  return n <= maxBits ? n : undefined;
}

/** A contiguous mask's length, or undefined for a mask like 255.0.255.0. */
function maskLength(mask: number): number | undefined {
  const inverted = ~mask >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined;
  let bits = 0;
  for (let m = mask >>> 0; m & 0x80000000; m = (m << 1) >>> 0) bits++;
  return bits;
}

/**
 * Reads a number of a range the way IOS does: digits one by one; a digit that takes the value
 * over the top is where the caret goes; a value under the bottom marks the start of the word.
 */
function matchRange(line: string, pos: number, min: number, max: number): TokenMatch {
  const end = wordEnd(line, pos);
  let value = 0;
  let i = pos;
  while (i < end && line[i]! >= '0' && line[i]! <= '9') {
    value = value * 10 + (line.charCodeAt(i) - 48);
    if (value > max) return { status: 'fail', reach: i };
    i++;
  }
  if (i === pos) return { status: 'fail', reach: pos };
  if (i < end) return { status: 'fail', reach: i };
  if (value < min) return { status: 'fail', reach: pos };
  return { status: 'match', end, value: { kind: 'range', text: line.slice(pos, end), value }, exact: false };
}

function matchWordArg(kind: ArgKind, word: string): ArgValue | undefined {
  switch (kind) {
    case 'ipv4': {
      const r = parseIpv4(word);
      return r.ok ? { kind, text: word, address: r.value } : undefined;
    }
    case 'ipv4-mask': {
      const r = parseIpv4(word);
      return r.ok ? { kind, text: word, mask: r.value, prefixLength: maskLength(r.value) } : undefined;
    }
    case 'ipv4-prefix': {
      const slash = word.indexOf('/');
      if (slash < 0) return undefined;
      const r = parseIpv4(word.slice(0, slash));
      const len = prefixLengthOf(word.slice(slash + 1), 32);
      return r.ok && len !== undefined ? { kind, text: word, address: r.value, prefixLength: len } : undefined;
    }
    case 'ipv6': {
      const r = parseIpv6(word);
      return r.ok ? { kind, text: word, address: r.value } : undefined;
    }
    case 'ipv6-prefix': {
      const slash = word.indexOf('/');
      if (slash < 0) return undefined;
      const r = parseIpv6(word.slice(0, slash));
      const len = prefixLengthOf(word.slice(slash + 1), 128);
      return r.ok && len !== undefined ? { kind, text: word, address: r.value, prefixLength: len } : undefined;
    }
    case 'mac': {
      if (!/^[0-9a-fA-F]{1,4}\.[0-9a-fA-F]{1,4}\.[0-9a-fA-F]{1,4}$/.test(word)) return undefined;
      const padded = word.split('.').map((g) => g.padStart(4, '0')).join('.');
      const r = parseMac(padded);
      return r.ok ? { kind, text: word, mac: r.value } : undefined;
    }
    case 'word':
      return { kind, text: word };
    default:
      return undefined;
  }
}

const INTERFACE_NUMBER = /^[0-9]+(\/[0-9]+)*(\.[0-9]+)?$/;

/** The interface types whose name starts with `prefix` (any case). */
export function interfaceTypesFor(catalog: InterfaceCatalog, prefix: string): InterfaceType[] {
  const p = prefix.toLowerCase();
  return catalog.types.filter((t) => t.name.toLowerCase().startsWith(p));
}

/**
 * Reads an interface name: a unique prefix of a type name, optional blanks, then the number
 * (`g0/0`, `gi0/0`, `GigabitEthernet 0/0`, `g0/0.10`). The value is the canonical name.
 */
function matchInterface(line: string, pos: number, catalog: InterfaceCatalog): TokenMatch {
  let i = pos;
  while (i < line.length && /[A-Za-z-]/.test(line[i]!)) i++;
  const typeText = line.slice(pos, i);
  if (typeText === '') return { status: 'fail', reach: pos };
  const candidates = interfaceTypesFor(catalog, typeText);
  const exact = candidates.find((t) => t.name.toLowerCase() === typeText.toLowerCase());
  const type = exact ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (type === undefined) {
    // Reach as far as letters shared with any type name, like a keyword.
    let best = 0;
    for (const t of catalog.types) {
      const n = t.name.toLowerCase();
      let k = 0;
      while (k < typeText.length && k < n.length && typeText[k]!.toLowerCase() === n[k]) k++;
      best = Math.max(best, k);
    }
    return { status: 'fail', reach: pos + best };
  }
  let j = i;
  while (j < line.length && isBlank(line[j]!)) j++;
  const numberStart = j;
  const end = wordEnd(line, numberStart);
  if (numberStart === line.length) {
    // `interface GigabitEthernet` then end of line: the number is still to come.
    return { status: 'partial', help: [{ token: type.numberHelp ?? '<0-9>', help: `${type.name} interface number` }] };
  }
  const numberText = line.slice(numberStart, end);
  if (!INTERFACE_NUMBER.test(numberText)) {
    let k = 0;
    while (k < numberText.length && /[0-9./]/.test(numberText[k]!)) k++;
    return { status: 'fail', reach: numberStart + k };
  }
  const name = `${type.name}${numberText}`;
  if (catalog.accepts && !catalog.accepts(name)) return { status: 'fail', reach: numberStart };
  return { status: 'match', end, value: { kind: 'interface', text: line.slice(pos, end), name }, exact: false };
}

/** Reads one argument of `kind` at `pos`; `pos` is at a non-blank character. */
export function matchArg(
  kind: ArgKind,
  line: string,
  pos: number,
  options: { readonly min?: number; readonly max?: number; readonly interfaces?: InterfaceCatalog },
): TokenMatch {
  if (kind === 'range') return matchRange(line, pos, options.min ?? 0, options.max ?? 0);
  if (kind === 'interface') return matchInterface(line, pos, options.interfaces ?? { types: [] });
  if (kind === 'line') {
    let end = line.length;
    while (end > pos && isBlank(line[end - 1]!)) end--;
    return { status: 'match', end: line.length, value: { kind: 'line', text: line.slice(pos, end), start: pos }, exact: false };
  }
  const end = wordEnd(line, pos);
  const value = matchWordArg(kind, line.slice(pos, end));
  if (value === undefined) return { status: 'fail', reach: pos };
  return { status: 'match', end, value, exact: false };
}
