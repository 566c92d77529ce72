/**
 * IOS `ping` and `traceroute`, both families, as live console jobs over virtual time: the
 * header prints at once, one character per probe as it ends (`!` `.` `U` …, wrapped at 70),
 * then the success rate; traceroute prints each hop when its probes are done. Ctrl-Shift-6
 * stops either. Options: `repeat`, `size` (the whole datagram, as IOS counts it), `source`
 * (address or interface), `df-bit`, `timeout`. A link-local IPv6 target asks `Output Interface:`
 * (RFC 4007 zones). A bare `ping` in privileged mode runs IOS's extended dialog (`Protocol [ip]:`,
 * `Target IP address:`, `Repeat count [5]:` …) with the same defaults; a bare `traceroute` (or
 * `traceroute ip|ipv6`) runs the extended traceroute dialog (source, timeout, probe count, TTLs).
 * The probes are sent by stack/apps (ping.ts, traceroute.ts) with IOS pacing and sizes.
 * Leaves out: name resolution, sweeps, record-route and the other IPv4 options of the extended
 * dialog (asked, and answered with their defaults only).
 */
import { isLinkLocalIpv6 } from '../../addr/classify';
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../addr/ipv6';
import { resolveInterfaceName } from '../../devices/interface-names';
import { NS_PER_MS, NS_PER_S } from '../../engine/time';
import type { PingEvent, PingProbeOutcome, TracerouteProbeOutcome } from '../../mgmt/probes';
import type { CommandSpec, ParsedArgs } from '../grammar';
import type { IosCommandResult, IosHandler } from '../ios-dialect';
import { createJob } from '../job';
import { formatIosPingHeader, formatIosPingSummary, formatIosTracerouteHeader, formatIosTracerouteHop, IOS_PING_PROBES_PER_LINE, iosProbeChar } from '../output/ios/ping';
import type { DialectOutcome } from '../session';
import type { PingResultView, ProbeOutcome, TraceProbe } from '../views';
import { interfaceArg, numberArg, textArg, type ConsoleQuestion, type IosCommandEnv } from './command-context';

type Target = { family: 'ipv4'; address: Ipv4Address } | { family: 'ipv6'; address: Ipv6Address };

export interface IosPingRequest {
  readonly target: Target;
  readonly count: number;
  readonly sizeBytes: number;
  readonly timeoutS: number;
  readonly source?: Ipv4Address | Ipv6Address;
  readonly sourceInterface?: string;
  readonly dontFragment: boolean;
}

const UNRECOGNIZED_HOST = '% Unrecognized host or address, or protocol not running.\n\n';

function parseTarget(text: string, family?: 'ipv4' | 'ipv6'): Target | undefined {
  if (family !== 'ipv6') {
    const v4 = parseIpv4(text);
    if (v4.ok) return { family: 'ipv4', address: v4.value };
  }
  if (family !== 'ipv4') {
    const v6 = parseIpv6(text);
    if (v6.ok) return { family: 'ipv6', address: v6.value };
  }
  return undefined;
}

function toProbeView(outcome: PingProbeOutcome): ProbeOutcome {
  switch (outcome.kind) {
    case 'reply':
      return { kind: 'reply', from: outcome.from, rttMs: outcome.rttNs / NS_PER_MS, ttl: outcome.hopLimit, bytes: outcome.packetBytes };
    case 'unreachable':
      return { kind: 'unreachable', from: outcome.from, reason: outcome.reason };
    case 'time-exceeded':
      return { kind: 'ttl-exceeded', from: outcome.from };
    case 'packet-too-big':
      return { kind: 'packet-too-big', from: outcome.from, mtuBytes: outcome.mtuBytes };
    default:
      return { kind: 'timeout' };
  }
}

function toTraceView(outcome: TracerouteProbeOutcome): TraceProbe {
  switch (outcome.kind) {
    case 'reply':
      return { kind: 'reply', from: outcome.from, rttMs: outcome.rttNs / NS_PER_MS, reached: outcome.reached };
    case 'unreachable':
      return { kind: 'unreachable', from: outcome.from, rttMs: outcome.rttNs / NS_PER_MS, reason: outcome.reason };
    default:
      return { kind: 'timeout' };
  }
}

/** Runs a ping as a console job. */
export function runIosPing(env: IosCommandEnv, request: IosPingRequest): DialectOutcome {
  const rt = env.runtime;
  if (!rt.mgmt.probes.available) return { output: UNRECOGNIZED_HOST };
  const sourceIface = request.sourceInterface !== undefined && rt.hasLayer3(request.sourceInterface) ? request.sourceInterface : undefined;
  const linkLocalTarget = request.target.family === 'ipv6' && isLinkLocalIpv6(request.target.address);
  const job = createJob();
  const probes: ProbeOutcome[] = [];
  const view = (): PingResultView => ({
    family: request.target.family,
    target: request.target.address,
    sizeBytes: request.sizeBytes,
    count: request.count,
    timeoutS: request.timeoutS,
    probes,
    elapsedMs: 0,
    ...(request.source !== undefined ? { source: request.source } : {}),
  });
  let headerShown = false;
  let finished = false;
  const header = (sourceShown: Ipv4Address | Ipv6Address | undefined): void => {
    if (headerShown) return;
    headerShown = true;
    const v = view();
    const withSource: PingResultView =
      sourceShown !== undefined && (request.source !== undefined || request.sourceInterface !== undefined || (request.target.family === 'ipv6' && isLinkLocalIpv6(request.target.address as Ipv6Address)))
        ? { ...v, source: sourceShown, ...(request.target.family === 'ipv6' && isLinkLocalIpv6(request.target.address as Ipv6Address) && request.sourceInterface !== undefined ? { sourceInterface: request.sourceInterface } : {}) }
        : { ...v, source: undefined };
    job.emit(`${formatIosPingHeader(withSource)}\n`);
  };
  let ready = false;
  const early: PingEvent[] = [];
  const handle = (event: PingEvent): void => {
    if (finished) return;
    if (event.kind === 'probe') {
      const outcome = event.probe.outcome;
      if (outcome.kind === 'send-failed' && outcome.reason === 'no-route' && request.target.family === 'ipv6') return;
      const probe = toProbeView(outcome);
      probes.push(probe);
      job.emit(iosProbeChar(request.target.family, probe));
      if (probes.length % IOS_PING_PROBES_PER_LINE === 0 && probes.length < request.count) job.emit('\n');
    } else if (event.kind === 'done') {
      finished = true;
      const result = event.result;
      header(result.source);
      const noRoute = result.stoppedBy === 'no-route' || result.familyUnavailable === true || (probes.length === 0 && result.probes.some((p) => p.outcome.kind === 'send-failed'));
      if (noRoute && request.target.family === 'ipv6') job.emit('\n% No valid route for destination\nSuccess rate is 0 percent (0/1)\n');
      else job.emit(`${probes.length > 0 ? '\n' : ''}${formatIosPingSummary(view())}\n`);
      job.finish();
    }
  };
  // The first probe leaves inside startPing: events wait until the header (with the source) is out.
  const session = rt.mgmt.probes.ping(
    {
      destination: request.target.address,
      flavour: 'ios',
      count: request.count,
      sizeBytes: request.sizeBytes,
      timeoutNs: request.timeoutS * NS_PER_S,
      dontFragment: request.dontFragment,
      ...(request.source !== undefined ? { source: request.source } : {}),
      // For a link-local target the interface is the zone (`Output Interface:`), RFC 4007.
      ...(sourceIface !== undefined ? (linkLocalTarget ? { interfaceName: sourceIface } : { sourceInterfaceName: sourceIface }) : {}),
    },
    (event) => (ready ? handle(event) : void early.push(event)),
  );
  ready = true;
  header(session.result().source);
  for (const event of early) handle(event);
  job.onCancel(() => session.cancel());
  return { job: job.job };
}

/** What the extended traceroute dialog sets beyond the target (defaults: IOS's). */
export interface IosTracerouteSettings {
  readonly sourceInterface?: string;
  readonly source?: Ipv4Address | Ipv6Address;
  readonly timeoutS?: number;
  readonly probes?: number;
  readonly minTtl?: number;
  readonly maxTtl?: number;
}

/** Runs a traceroute as a console job. */
export function runIosTraceroute(env: IosCommandEnv, target: Target, sourceInterface?: string, settings: IosTracerouteSettings = {}): DialectOutcome {
  const mgmt = env.runtime.mgmt;
  if (!mgmt.probes.available) return { output: UNRECOGNIZED_HOST };
  const named = sourceInterface ?? settings.sourceInterface;
  const primary = named === undefined || target.family !== 'ipv4' ? undefined : mgmt.addresses.primaryIpv4(named)?.address;
  const source = settings.source ?? primary;
  const job = createJob();
  job.emit(`${formatIosTracerouteHeader({ family: target.family, target: target.address })}\n`);
  const options = {
    destination: target.address,
    flavour: 'ios' as const,
    ...(source !== undefined ? { source } : {}),
    ...(settings.timeoutS !== undefined ? { timeoutNs: settings.timeoutS * NS_PER_S } : {}),
    ...(settings.probes !== undefined ? { probesPerHop: settings.probes } : {}),
    ...(settings.minTtl !== undefined ? { firstHop: settings.minTtl } : {}),
    ...(settings.maxTtl !== undefined ? { maxHops: settings.maxTtl } : {}),
  };
  const session = mgmt.probes.traceroute(options, (event) => {
    if (event.kind === 'hop') job.emit(`${formatIosTracerouteHop(event.hop.ttl, event.hop.probes.map((p) => toTraceView(p.outcome)))}\n`);
    else if (event.kind === 'done') job.finish();
  });
  job.onCancel(() => session.cancel());
  return { job: job.job };
}

function sourceOf(env: IosCommandEnv, args: ParsedArgs): { source?: Ipv4Address | Ipv6Address; sourceInterface?: string } | string {
  const iface = interfaceArg(args);
  if (iface !== undefined) {
    if (!env.runtime.hasLayer3(iface)) return `% Invalid source interface - ${iface}\n`;
    return { sourceInterface: iface };
  }
  const v4 = args.values['source4'];
  if (v4?.kind === 'ipv4') return { source: v4.address };
  const v6 = args.values['source6'];
  if (v6?.kind === 'ipv6') return { source: v6.address };
  return {};
}

/** `ping` / `traceroute` command specs (`extended`: the bare `ping` and `traceroute` dialogs, privileged only). */
export function pingTracerouteCommands(env: IosCommandEnv, extended: boolean): CommandSpec<IosHandler>[] {
  const ping: IosHandler = (args): IosCommandResult => {
    const family = args.keywords.includes('ipv6') ? 'ipv6' : args.keywords.includes('ip') ? 'ipv4' : undefined;
    const text = textArg(args, 'target') ?? '';
    const target = parseTarget(text, family);
    if (target === undefined) return UNRECOGNIZED_HOST;
    const src = sourceOf(env, args);
    if (typeof src === 'string') return src;
    const size = numberArg(args, 'size') ?? 100;
    const minSize = target.family === 'ipv6' ? 48 : 36;
    if (size < minSize) return `% Invalid size, valid range is ${minSize}-18024\n`;
    const request: IosPingRequest = {
      target,
      count: numberArg(args, 'repeat') ?? 5,
      sizeBytes: size,
      timeoutS: numberArg(args, 'timeout') ?? 2,
      dontFragment: args.keywords.includes('df-bit'),
      ...src,
    };
    if (target.family === 'ipv6' && isLinkLocalIpv6(target.address) && request.sourceInterface === undefined && env.ask !== undefined) {
      env.ask(outputInterfaceQuestion(env, request));
      return undefined;
    }
    return runIosPing(env, request);
  };
  const traceroute: IosHandler = (args) => {
    const family = args.keywords.includes('ipv6') ? 'ipv6' : args.keywords.includes('ip') ? 'ipv4' : undefined;
    const target = parseTarget(textArg(args, 'target') ?? '', family);
    if (target === undefined) return UNRECOGNIZED_HOST;
    return runIosTraceroute(env, target, interfaceArg(args));
  };
  const specs: CommandSpec<IosHandler>[] = [
    {
      spec: 'ping [ip|ipv6] WORD$target {repeat <1-2147483647>$repeat|size <36-18024>$size|source (A.B.C.D$source4|X:X::X:X$source6|INTERFACE)|df-bit|timeout <0-3600>$timeout}',
      help: [
        'Send echo messages',
        'IP echo',
        'IPv6 echo',
        'Ping destination address or hostname',
        'specify repeat count',
        'Repeat count',
        'specify datagram size',
        'Datagram size',
        'specify source address or name',
        'Source address',
        'Source address',
        'set the DF bit in IP header',
        'specify timeout interval',
        'Timeout in seconds',
      ],
      handler: ping,
    },
    {
      spec: 'traceroute [ip|ipv6] WORD$target [source INTERFACE]',
      help: ['Trace route to destination', 'IP Trace', 'IPv6 trace', 'Trace route to destination address or hostname', 'specify source address or name'],
      handler: traceroute,
    },
  ];
  if (extended) {
    specs.push(
      { spec: 'ping', help: ['Send echo messages'], handler: () => startExtendedPing(env) },
      { spec: 'traceroute', help: ['Trace route to destination'], handler: () => startExtendedTraceroute(env, undefined) },
      {
        spec: 'traceroute (ip|ipv6)',
        help: ['Trace route to destination', 'IP Trace', 'IPv6 trace'],
        handler: (args) => startExtendedTraceroute(env, args.keywords.includes('ipv6') ? 'ipv6' : 'ipv4'),
      },
    );
  }
  return specs;
}

function outputInterfaceQuestion(env: IosCommandEnv, request: IosPingRequest): ConsoleQuestion {
  return {
    prompt: 'Output Interface: ',
    answer: (line) => {
      // IOS takes the full name here, in any case, not an abbreviation.
      const resolved = resolveInterfaceName(env.runtime.device.kind, line.trim());
      const full = resolved.ok && resolved.value.name.toLowerCase() === line.trim().toLowerCase();
      if (!resolved.ok || !full || !env.runtime.hasLayer3(resolved.value.name)) return { output: '% Invalid interface. Use full interface name without spaces (e.g. Serial0/1)\n' };
      return runIosPing(env, { ...request, sourceInterface: resolved.value.name });
    },
  };
}

// ---- the extended dialogs' questions ----

function ask(prompt: string, answer: ConsoleQuestion['answer']): ConsoleQuestion {
  return { prompt, answer };
}

/** A number answer: Enter keeps `fallback`; out of range gives IOS's error text. */
function numberOr(line: string, fallback: number, min: number, max: number): number | string {
  const t = line.trim();
  if (t === '') return fallback;
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!(n >= min && n <= max)) return `% A decimal number between ${min} and ${max}.\n`;
  return n;
}

/** A yes/no answer: Enter keeps `fallback`. */
function yes(line: string, fallback: boolean): boolean {
  const t = line.trim().toLowerCase();
  return t === '' ? fallback : t.startsWith('y');
}

/** `Protocol [ip]:` (ip, ipv6 or a prefix of them), then `then(v6)`; anything else is IOS's unknown-protocol error. */
function protocolQuestion(command: 'ping' | 'traceroute', then: (v6: boolean) => ReturnType<ConsoleQuestion['answer']>): ConsoleQuestion {
  return ask('Protocol [ip]: ', (protocolLine) => {
    const protocol = protocolLine.trim().toLowerCase();
    if (protocol !== '' && !'ip'.startsWith(protocol) && !'ipv6'.startsWith(protocol)) return { output: `% Unknown protocol - "${protocolLine.trim()}", type "${command} ?" for help\n` };
    return then(protocol.startsWith('ipv6') || (protocol.length > 2 && 'ipv6'.startsWith(protocol)));
  });
}

/** IOS's extended ping dialog: one question per line, Enter keeps the default in brackets. */
function startExtendedPing(env: IosCommandEnv): IosCommandResult {
  if (env.ask === undefined) return '% Incomplete command.\n\n';
  const finish = (request: IosPingRequest): DialectOutcome => runIosPing(env, request);
  const sweepQuestion = (request: IosPingRequest, v6: boolean): ConsoleQuestion =>
    ask(v6 ? 'Sweep range of sizes? [no]: ' : 'Sweep range of sizes [n]: ', () => finish(request));
  const v4Extended = (request: IosPingRequest): ConsoleQuestion =>
    ask('Source address or interface: ', (line) => {
      const r = sourceAnswer(env, line, 'ipv4');
      if (typeof r === 'string') return { output: r };
      const withSource = { ...request, ...r };
      return {
        next: ask('Type of service [0]: ', () => ({
          next: ask('Set DF bit in IP header? [no]: ', (df) => ({
            next: ask('Validate reply data? [no]: ', () => ({
              next: ask('Data pattern [0xABCD]: ', () => ({
                next: ask('Loose, Strict, Record, Timestamp, Verbose[none]: ', () => ({ next: sweepQuestion({ ...withSource, dontFragment: yes(df, false) }, false) })),
              })),
            })),
          })),
        })),
      };
    });
  const v6Extended = (request: IosPingRequest): ConsoleQuestion =>
    ask('Source address or interface: ', (line) => {
      const r = sourceAnswer(env, line, 'ipv6');
      if (typeof r === 'string') return { output: r };
      const withSource = { ...request, ...r };
      return {
        next: ask('UDP protocol? [no]: ', () => ({
          next: ask('Verbose? [no]: ', () => ({
            next: ask('Precedence [0]: ', () => ({
              next: ask('DSCP [0]: ', () => ({
                next: ask('Include hop by hop option? [no]: ', () => ({ next: ask('Include destination option? [no]: ', () => ({ next: sweepQuestion(withSource, true) })) })),
              })),
            })),
          })),
        })),
      };
    });
  const targetQuestion = (v6: boolean): ConsoleQuestion =>
    ask(v6 ? 'Target IPv6 address: ' : 'Target IP address: ', (targetLine) => {
      const target = parseTarget(targetLine.trim(), v6 ? 'ipv6' : 'ipv4');
      if (target === undefined) return { output: targetLine.trim() === '' ? '% Bad IP address\n' : UNRECOGNIZED_HOST };
      return {
        next: ask('Repeat count [5]: ', (repeatLine) => {
          const count = numberOr(repeatLine, 5, 1, 2147483647);
          if (typeof count === 'string') return { output: count };
          return {
            next: ask('Datagram size [100]: ', (sizeLine) => {
              const size = numberOr(sizeLine, 100, v6 ? 48 : 36, 18024);
              if (typeof size === 'string') return { output: size };
              return {
                next: ask('Timeout in seconds [2]: ', (timeoutLine) => {
                  const timeoutS = numberOr(timeoutLine, 2, 0, 3600);
                  if (typeof timeoutS === 'string') return { output: timeoutS };
                  const request: IosPingRequest = { target, count, sizeBytes: size, timeoutS, dontFragment: false };
                  return {
                    next: ask(v6 ? 'Extended commands? [no]: ' : 'Extended commands [n]: ', (extLine) => ({
                      next: yes(extLine, false) ? (v6 ? v6Extended(request) : v4Extended(request)) : sweepQuestion(request, v6),
                    })),
                  };
                }),
              };
            }),
          };
        }),
      };
    });
  env.ask(protocolQuestion('ping', (v6) => ({ next: targetQuestion(v6) })));
  return undefined;
}

/**
 * IOS's extended traceroute dialog (`traceroute`, or `traceroute ipv6` without a target),
 * question by question as IOS 15 asks them (real captures: IPv4 with Numeric display [n] and
 * Port Number [33434]; IPv6 with Insert source routing header? [no], Priority [0], Port Number
 * [0]); Enter keeps the default in brackets. The answers the simulator acts on are the source,
 * the timeout, the probe count and the TTL range; numeric display, ports, priority and IPv4
 * options are accepted and change nothing (names are never looked up here anyway).
 */
function startExtendedTraceroute(env: IosCommandEnv, fixedFamily: 'ipv4' | 'ipv6' | undefined): IosCommandResult {
  if (env.ask === undefined) return '% Incomplete command.\n\n';
  /** The questions after the source, in order; each known answer lands in `settings`. */
  const rest = (target: Target, settings: IosTracerouteSettings): ConsoleQuestion => {
    const v6 = target.family === 'ipv6';
    const run = (final: IosTracerouteSettings): DialectOutcome => {
      if ((final.minTtl ?? 1) > (final.maxTtl ?? 30)) return { output: '% Minimum TTL must be less than or equal to maximum TTL\n' };
      return runIosTraceroute(env, target, undefined, final);
    };
    const tail = (acc: IosTracerouteSettings): ConsoleQuestion =>
      v6
        ? ask('Priority [0]: ', () => ({ next: ask('Port Number [0]: ', () => run(acc)) }))
        : ask('Port Number [33434]: ', () => ({ next: ask('Loose, Strict, Record, Timestamp, Verbose[none]: ', () => run(acc)) }));
    const numbers = (acc: IosTracerouteSettings): ConsoleQuestion =>
      ask('Timeout in seconds [3]: ', (timeoutLine) => {
        const timeoutS = numberOr(timeoutLine, 3, 0, 3600);
        if (typeof timeoutS === 'string') return { output: timeoutS };
        return {
          next: ask('Probe count [3]: ', (probeLine) => {
            const probes = numberOr(probeLine, 3, 1, 65535);
            if (typeof probes === 'string') return { output: probes };
            return {
              next: ask('Minimum Time to Live [1]: ', (minLine) => {
                const minTtl = numberOr(minLine, 1, 0, 255);
                if (typeof minTtl === 'string') return { output: minTtl };
                return {
                  next: ask('Maximum Time to Live [30]: ', (maxLine) => {
                    const maxTtl = numberOr(maxLine, 30, 0, 255);
                    if (typeof maxTtl === 'string') return { output: maxTtl };
                    return { next: tail({ ...acc, timeoutS, probes, minTtl: Math.max(1, minTtl), maxTtl }) };
                  }),
                };
              }),
            };
          }),
        };
      });
    return v6
      ? ask('Insert source routing header? [no]: ', () => ({ next: ask('Numeric display? [no]: ', () => ({ next: numbers(settings) })) }))
      : ask('Numeric display [n]: ', () => ({ next: numbers(settings) }));
  };
  const targetQuestion = (family: 'ipv4' | 'ipv6'): ConsoleQuestion =>
    ask(family === 'ipv6' ? 'Target IPv6 address: ' : 'Target IP address: ', (targetLine) => {
      const target = parseTarget(targetLine.trim(), family);
      if (target === undefined) return { output: targetLine.trim() === '' ? '% Bad IP address\n' : UNRECOGNIZED_HOST };
      return {
        next: ask('Source address: ', (sourceLine) => {
          const r = sourceAnswer(env, sourceLine, family);
          if (typeof r === 'string') return { output: r };
          return { next: rest(target, r) };
        }),
      };
    });
  if (fixedFamily !== undefined) {
    env.ask(targetQuestion(fixedFamily));
    return undefined;
  }
  env.ask(protocolQuestion('traceroute', (v6) => ({ next: targetQuestion(v6 ? 'ipv6' : 'ipv4') })));
  return undefined;
}

function sourceAnswer(env: IosCommandEnv, line: string, family: 'ipv4' | 'ipv6'): { source?: Ipv4Address | Ipv6Address; sourceInterface?: string } | string {
  const t = line.trim();
  if (t === '') return {};
  const address = parseTarget(t, family);
  if (address !== undefined) return { source: address.address };
  const resolved = resolveInterfaceName(env.runtime.device.kind, t);
  if (resolved.ok && env.runtime.hasLayer3(resolved.value.name)) return { sourceInterface: resolved.value.name };
  return `% Invalid source. Must use same-family address or valid interface.\n`;
}
