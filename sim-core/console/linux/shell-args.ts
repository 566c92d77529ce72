/**
 * Command-line parsing for the Linux server: bash word splitting (blanks separate words; single
 * quotes keep everything, double quotes keep blanks, a backslash escapes the next character) and
 * the options of iputils `ping` (20221126) and `traceroute` (2.1) with the messages they print.
 * Pure functions: text in, typed options or the error text out.
 * Leaves out: variables, globbing, redirection, pipes, `;`/`&&` lists, ping `-f`/`-a`/`-p`/`-R`,
 * traceroute `-T`/`-U`/`-g`/`--mtu`.
 */
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6Scoped, type Ipv6Address } from '../../addr/ipv6';

/** Splits a bash command line into words (quotes removed). */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export type LinuxTarget =
  | { readonly kind: 'ipv4'; readonly address: Ipv4Address; readonly text: string }
  | { readonly kind: 'ipv6'; readonly address: Ipv6Address; readonly zone?: string; readonly text: string }
  | { readonly kind: 'name'; readonly text: string };

export function parseLinuxTarget(text: string): LinuxTarget {
  const v4 = parseIpv4(text);
  if (v4.ok) return { kind: 'ipv4', address: v4.value, text };
  const v6 = parseIpv6Scoped(text);
  if (v6.ok) return { kind: 'ipv6', address: v6.value.address, ...(v6.value.zone !== undefined ? { zone: v6.value.zone } : {}), text };
  return { kind: 'name', text };
}

export type ParsedCommand<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly output: string };

const fail = <T>(output: string): ParsedCommand<T> => ({ ok: false, output });

export const PING_USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).`;

export interface LinuxPingOptions {
  readonly target: LinuxTarget;
  /** Infinity without -c. */
  readonly count: number;
  readonly sizeBytes: number;
  readonly dontFragment: boolean;
  readonly ttl?: number;
  readonly intervalS?: number;
  readonly timeoutS?: number;
  /** `-I`: an interface name or a source address. */
  readonly interfaceOrSource?: string;
  readonly family?: 'ipv4' | 'ipv6';
  readonly quiet: boolean;
}

function numberArg(text: string | undefined, min: number, max: number, float = false): number | string {
  if (text === undefined) return 'ping: option requires an argument';
  const pattern = float ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!pattern.test(text)) return `ping: invalid argument: '${text}'`;
  const value = Number(text);
  if (value < min || value > max) return `ping: invalid argument: '${text}': out of range: ${min} <= value <= ${max}`;
  return value;
}

/** `ping [options] destination` (and `ping6`, with family ipv6). */
export function parseLinuxPing(args: readonly string[], family?: 'ipv4' | 'ipv6'): ParsedCommand<LinuxPingOptions> {
  let count = Infinity;
  let sizeBytes = 56;
  let dontFragment = false;
  let ttl: number | undefined;
  let intervalS: number | undefined;
  let timeoutS: number | undefined;
  let interfaceOrSource: string | undefined;
  let fam = family;
  let quiet = false;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (!word.startsWith('-') || word === '-') {
      target = word; // iputils takes the last non-option word
      continue;
    }
    // Options may be glued to their value: -c3.
    const letter = word[1]!;
    const glued = word.length > 2 ? word.slice(2) : undefined;
    const value = (): string | undefined => glued ?? args[++i];
    switch (letter) {
      case '4':
        fam = 'ipv4';
        break;
      case '6':
        fam = 'ipv6';
        break;
      case 'n':
      case 'v':
      case 'D':
      case 'O':
        break;
      case 'q':
        quiet = true;
        break;
      case 'c': {
        const n = numberArg(value(), 1, Number.MAX_SAFE_INTEGER);
        if (typeof n === 'string') return fail(n);
        count = n;
        break;
      }
      case 's': {
        const n = numberArg(value(), 0, 2147483647);
        if (typeof n === 'string') return fail(n);
        sizeBytes = n;
        break;
      }
      case 't': {
        const n = numberArg(value(), 1, 255);
        if (typeof n === 'string') return fail(n);
        ttl = n;
        break;
      }
      case 'i': {
        const n = numberArg(value(), 0, 2147483, true);
        if (typeof n === 'string') return fail(n);
        if (n < 0.2) return fail('ping: cannot flood, minimal interval for user must be >= 200 ms, use -i 0.2 (or higher)');
        intervalS = n;
        break;
      }
      case 'W': {
        const n = numberArg(value(), 0, 2147483, true);
        if (typeof n === 'string') return fail(n);
        timeoutS = n;
        break;
      }
      case 'M': {
        const v = value();
        if (v === 'do' || v === 'probe') dontFragment = true;
        else if (v === 'dont' || v === 'want') dontFragment = false;
        else return fail(`ping: invalid argument: '${v ?? ''}'`);
        break;
      }
      case 'I': {
        const v = value();
        if (v === undefined) return fail(`ping: option requires an argument -- 'I'\n${PING_USAGE}`);
        interfaceOrSource = v;
        break;
      }
      case 'h':
        return fail(PING_USAGE);
      case 'V':
        return fail('ping from iputils 20221126');
      default:
        return fail(`ping: invalid option -- '${letter}'\n${PING_USAGE}`);
    }
  }
  if (target === undefined) return fail('ping: usage error: Destination address required');
  return {
    ok: true,
    value: {
      target: parseLinuxTarget(target),
      count,
      sizeBytes,
      dontFragment,
      quiet,
      ...(ttl !== undefined ? { ttl } : {}),
      ...(intervalS !== undefined ? { intervalS } : {}),
      ...(timeoutS !== undefined ? { timeoutS } : {}),
      ...(interfaceOrSource !== undefined ? { interfaceOrSource } : {}),
      ...(fam !== undefined ? { family: fam } : {}),
    },
  };
}

export const TRACEROUTE_USAGE = `Usage:
  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]`;

export interface LinuxTracerouteOptions {
  readonly target: LinuxTarget;
  readonly numeric: boolean;
  readonly icmp: boolean;
  readonly maxHops: number;
  readonly firstHop: number;
  readonly probesPerHop: number;
  readonly waitS?: number;
  readonly family?: 'ipv4' | 'ipv6';
  readonly device?: string;
}

/** `traceroute [options] host` (`traceroute6` = family ipv6). */
export function parseLinuxTraceroute(args: readonly string[], family?: 'ipv4' | 'ipv6'): ParsedCommand<LinuxTracerouteOptions> {
  let numeric = false;
  let icmp = false;
  let maxHops = 30;
  let firstHop = 1;
  let probesPerHop = 3;
  let waitS: number | undefined;
  let fam = family;
  let device: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (!word.startsWith('-')) {
      if (target !== undefined) continue; // packetlen: accepted, ignored
      target = word;
      continue;
    }
    const bad = (text: string | undefined): ParsedCommand<LinuxTracerouteOptions> => fail(`Cannot handle \`${word}' option with arg \`${text ?? ''}' (argc ${i + 1})`);
    for (let k = 1; k < word.length; k++) {
      const letter = word[k]!;
      const takesValue = 'mfqwiNpstlz'.includes(letter);
      if (takesValue) {
        const text = k + 1 < word.length ? word.slice(k + 1) : args[++i];
        k = word.length;
        const n = Number(text);
        if (letter === 'i') {
          if (text === undefined) return bad(text);
          device = text;
          continue;
        }
        if (text === undefined || !Number.isFinite(n) || n < 0) return bad(text);
        if (letter === 'm') {
          if (n < 1 || n > 255) return fail(`max hops cannot be more than 255`);
          maxHops = n;
        } else if (letter === 'f') firstHop = n;
        else if (letter === 'q') {
          if (n < 1 || n > 10) return fail('no more than 10 probes per hop');
          probesPerHop = n;
        } else if (letter === 'w') waitS = n;
        continue;
      }
      switch (letter) {
        case '4':
          fam = 'ipv4';
          break;
        case '6':
          fam = 'ipv6';
          break;
        case 'n':
          numeric = true;
          break;
        case 'I':
          icmp = true;
          break;
        case 'U':
        case 'd':
        case 'F':
        case 'r':
        case 'e':
        case 'A':
          break;
        case 'V':
          return fail('Modern traceroute for Linux, version 2.1.2\nCopyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later');
        default:
          return fail(`Bad option \`${word}' (argc ${i + 1})`);
      }
    }
  }
  if (target === undefined) return fail(TRACEROUTE_USAGE);
  if (firstHop > maxHops) return fail('first hop out of range');
  return {
    ok: true,
    value: { target: parseLinuxTarget(target), numeric, icmp, maxHops, firstHop, probesPerHop, ...(waitS !== undefined ? { waitS } : {}), ...(fam !== undefined ? { family: fam } : {}), ...(device !== undefined ? { device } : {}) },
  };
}
