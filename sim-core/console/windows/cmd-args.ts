/**
 * Command-line parsing for the Windows PC: cmd.exe word splitting (blanks separate words,
 * double quotes group them and are removed, as the C runtime's argv rules do for simple cases)
 * and the options of `ping` and `tracert` with the errors and usage texts those programs print
 * (Windows 10/11, English). Pure functions: text in, typed options or the error text out.
 * Leaves out: `^` escapes, `%VAR%` expansion, redirection and pipes, `-a`, `-j`/`-k` source
 * routes, `-r`/`-s` record route and timestamps, `-R`, `-c` compartments, `-p`.
 */
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6Scoped, type Ipv6Address } from '../../addr/ipv6';

/** Splits a command line into words: blanks separate, "…" groups (quotes removed). */
export function splitCmdWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
      inWord = true;
      continue;
    }
    if (!quoted && (ch === ' ' || ch === '\t')) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += ch;
    inWord = true;
  }
  if (inWord) words.push(current);
  return words;
}

/** A target as typed: an IPv4 or IPv6 literal (with an optional `%zone`), or a name. */
export type WindowsTarget =
  | { readonly kind: 'ipv4'; readonly address: Ipv4Address; readonly text: string }
  | { readonly kind: 'ipv6'; readonly address: Ipv6Address; readonly zone?: string; readonly text: string }
  | { readonly kind: 'name'; readonly text: string };

export function parseWindowsTarget(text: string): WindowsTarget {
  const v4 = parseIpv4(text);
  if (v4.ok) return { kind: 'ipv4', address: v4.value, text };
  const v6 = parseIpv6Scoped(text);
  if (v6.ok) return { kind: 'ipv6', address: v6.value.address, ...(v6.value.zone !== undefined ? { zone: v6.value.zone } : {}), text };
  return { kind: 'name', text };
}

export const PING_USAGE = `
Usage: ping [-t] [-a] [-n count] [-l size] [-f] [-i TTL] [-v TOS]
            [-r count] [-s count] [[-j host-list] | [-k host-list]]
            [-w timeout] [-R] [-S srcaddr] [-c compartment] [-p]
            [-4] [-6] target_name

Options:
    -t             Ping the specified host until stopped.
                   To see statistics and continue - type Control-Break;
                   To stop - type Control-C.
    -a             Resolve addresses to hostnames.
    -n count       Number of echo requests to send.
    -l size        Send buffer size.
    -f             Set Don't Fragment flag in packet (IPv4-only).
    -i TTL         Time To Live.
    -v TOS         Type Of Service (IPv4-only. This setting has been deprecated
                   and has no effect on the type of service field in the IP
                   Header).
    -r count       Record route for count hops (IPv4-only).
    -s count       Timestamp for count hops (IPv4-only).
    -j host-list   Loose source route along host-list (IPv4-only).
    -k host-list   Strict source route along host-list (IPv4-only).
    -w timeout     Timeout in milliseconds to wait for each reply.
    -R             Use routing header to test reverse route also (IPv6-only).
                   Per RFC 5095 the use of this routing header has been
                   deprecated. Some systems may drop echo requests if
                   this header is used.
    -S srcaddr     Source address to use.
    -c compartment Routing compartment identifier.
    -p             Ping a Hyper-V Network Virtualization provider address.
    -4             Force using IPv4.
    -6             Force using IPv6.
`;

export const TRACERT_USAGE = `
Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout]
               [-R] [-S srcaddr] [-4] [-6] target_name

Options:
    -d                 Do not resolve addresses to hostnames.
    -h maximum_hops    Maximum number of hops to search for target.
    -j host-list       Loose source route along host-list (IPv4-only).
    -w timeout         Wait timeout milliseconds for each reply.
    -R                 Trace round-trip path (IPv6-only).
    -S srcaddr         Source address to use (IPv6-only).
    -4                 Force using IPv4.
    -6                 Force using IPv6.
`;

export interface WindowsPingOptions {
  readonly target: WindowsTarget;
  /** Infinity with `-t`. */
  readonly count: number;
  readonly sizeBytes: number;
  readonly dontFragment: boolean;
  readonly ttl?: number;
  readonly timeoutMs?: number;
  readonly source?: string;
  readonly family?: 'ipv4' | 'ipv6';
}

export type ParsedCommand<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly output: string };

const fail = <T>(output: string): ParsedCommand<T> => ({ ok: false, output });

/** A numeric option value, as ping checks it (`Bad value for option -n, valid range is from 1 to 4294967295.`). */
function numberOption(option: string, value: string | undefined, min: number, max: number): number | string {
  if (value === undefined) return `Value must be supplied for option ${option}.\n`;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) return `Bad value for option ${option}, valid range is from ${min} to ${max}.\n`;
  return Number(value);
}

/** Options are `-x` or `/x`, any case (`-N 2` works as `-n 2`). */
function optionLetter(word: string): string | undefined {
  if (word.length < 2 || (word[0] !== '-' && word[0] !== '/')) return undefined;
  return word.slice(1);
}

/** `ping [options] target` (argument words after `ping`). */
export function parseWindowsPing(args: readonly string[]): ParsedCommand<WindowsPingOptions> {
  let count = 4;
  let sizeBytes = 32;
  let dontFragment = false;
  let ttl: number | undefined;
  let timeoutMs: number | undefined;
  let source: string | undefined;
  let family: 'ipv4' | 'ipv6' | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const letter = optionLetter(word);
    if (letter === undefined) {
      if (target !== undefined) return fail(`Bad parameter ${word}.\n`);
      target = word;
      continue;
    }
    const option = `-${letter}`;
    switch (letter) {
      case 't':
        count = Infinity;
        break;
      case 'a':
        break;
      case 'f':
        dontFragment = true;
        break;
      case '4':
        family = 'ipv4';
        break;
      case '6':
        family = 'ipv6';
        break;
      case 'n': {
        const n = numberOption(option, args[++i], 1, 4294967295);
        if (typeof n === 'string') return fail(n);
        count = n;
        break;
      }
      case 'l': {
        const n = numberOption(option, args[++i], 0, 65500);
        if (typeof n === 'string') return fail(n);
        sizeBytes = n;
        break;
      }
      case 'i': {
        const n = numberOption(option, args[++i], 1, 255);
        if (typeof n === 'string') return fail(n);
        ttl = n;
        break;
      }
      case 'w': {
        const n = numberOption(option, args[++i], 0, 4294967295);
        if (typeof n === 'string') return fail(n);
        timeoutMs = n;
        break;
      }
      case 'S': {
        const value = args[++i];
        if (value === undefined) return fail(`Value must be supplied for option ${option}.\n`);
        source = value;
        break;
      }
      case '?':
        return fail(PING_USAGE);
      default:
        return fail(`Bad option ${option}.\n${PING_USAGE}`);
    }
  }
  if (args.length === 0) return fail(PING_USAGE.slice(1));
  if (target === undefined) return fail(`IP address must be specified.\n`);
  return {
    ok: true,
    value: {
      target: parseWindowsTarget(target),
      count,
      sizeBytes,
      dontFragment,
      ...(ttl !== undefined ? { ttl } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(family !== undefined ? { family } : {}),
    },
  };
}

export interface WindowsTracertOptions {
  readonly target: WindowsTarget;
  readonly numeric: boolean;
  readonly maxHops: number;
  readonly timeoutMs?: number;
  readonly family?: 'ipv4' | 'ipv6';
}

/** `tracert [options] target`. */
export function parseWindowsTracert(args: readonly string[]): ParsedCommand<WindowsTracertOptions> {
  let numeric = false;
  let maxHops = 30;
  let timeoutMs: number | undefined;
  let family: 'ipv4' | 'ipv6' | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const letter = optionLetter(word);
    if (letter === undefined) {
      if (target !== undefined) return fail(`Bad parameter ${word}.\n`);
      target = word;
      continue;
    }
    switch (letter.toLowerCase()) {
      case 'd':
        numeric = true;
        break;
      case '4':
        family = 'ipv4';
        break;
      case '6':
        family = 'ipv6';
        break;
      case 'h': {
        const n = numberOption('-h', args[++i], 1, 255);
        if (typeof n === 'string') return fail(n);
        maxHops = n;
        break;
      }
      case 'w': {
        const n = numberOption('-w', args[++i], 1, 4294967295);
        if (typeof n === 'string') return fail(n);
        timeoutMs = n;
        break;
      }
      case '?':
        return fail(TRACERT_USAGE);
      default:
        return fail(`Bad option ${word}.\n${TRACERT_USAGE}`);
    }
  }
  if (target === undefined) return fail(TRACERT_USAGE);
  return { ok: true, value: { target: parseWindowsTarget(target), numeric, maxHops, ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(family !== undefined ? { family } : {}) } };
}
