/**
 * The command prompt of a Windows 10/11 PC (cmd.exe): prompt `C:\Users\Admin>`, a blank line
 * before the prompt after each command (cmd's echo), command names in any case, and the
 * commands a trainee uses to look at and change IPv6 and IPv4: `ipconfig [/all]`, `ping`,
 * `tracert`, `route print [-4|-6]`, `arp -a`, `netsh interface …` (netsh.ts), `hostname`,
 * `cls`, `ver`, `help`. `ping` and `tracert` run as jobs in virtual time: each reply line
 * appears when it arrives; Ctrl-C stops them, ping then prints its statistics and
 * `Control-C` / `^C` as Windows does. Unknown commands get cmd's two-line message.
 * Leaves out: batch syntax, environment variables, `cd`/`dir` (there is no file system), name
 * resolution (targets are addresses; a name is "could not find host").
 */
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../addr/ipv6';
import type { Device } from '../../devices/device';
import { NS_PER_MS, NS_PER_S } from '../../engine/time';
import type { InterfaceEntry } from '../../mgmt/mgmt-views';
import type { PingResult, TracerouteResult } from '../../mgmt/probes';
import { createJob } from '../job';
import { formatIpconfig, formatIpconfigAll, formatWindowsHostname } from '../output/windows/ipconfig';
import { formatWindowsPing, formatWindowsTracert } from '../output/windows/ping';
import { formatArpA, formatRoutePrint } from '../output/windows/tables';
import { ConsoleSession, toTerminalText, type ConsoleDialect, type ControlKeyOutcome, type DialectOutcome } from '../session';
import type { PingResultView, ProbeOutcome, TraceProbe, TracerouteView } from '../views';
import { parseWindowsPing, parseWindowsTracert, splitCmdWords, type WindowsTarget } from './cmd-args';
import { runNetsh } from './netsh';
import { printWindowsConfig } from './windows-config';
import { windowsHostOf, type WindowsHost } from './windows-host';

export const WINDOWS_PROMPT = 'C:\\Users\\Admin>';
export const WINDOWS_BANNER = 'Microsoft Windows [Version 10.0.19045.4355]\n(c) Microsoft Corporation. All rights reserved.\n';

/** timeout.exe /? (Windows 10). */
const TIMEOUT_USAGE = `
TIMEOUT [/T] timeout [/NOBREAK]

Description:
    This utility accepts a timeout parameter to wait for the specified
    time period (in seconds) or until any key is pressed. It also
    accepts a parameter to ignore the key press.

Parameter List:
    /T        timeout       Specifies the number of seconds to wait.
                            Valid range is -1 to 99999 seconds.

    /NOBREAK                Ignore key presses and wait specified time.

    /?                      Displays this help message.

NOTE: A timeout value of -1 means to wait indefinitely for a key press.

Examples:
    TIMEOUT /?
    TIMEOUT /T 10
    TIMEOUT /T 300 /NOBREAK
    TIMEOUT /T -1
`;

const HELP_TEXT = `For more information on a specific command, type HELP command-name
ARP            Displays and modifies the IP-to-Physical address translation tables.
CLS            Clears the screen.
EXIT           Quits the CMD.EXE program (command interpreter).
HELP           Provides Help information for Windows commands.
HOSTNAME       Prints the name of the current host.
IPCONFIG       Displays all current TCP/IP network configuration values.
NETSH          Displays or modifies the network configuration of a computer.
PING           Tests a connection to another host.
ROUTE          Manipulates network routing tables.
TIMEOUT        Waits the given number of seconds.
TRACERT        Traces the route to a host.
VER            Displays the Windows version.

For more information on tools see the command-line reference in the online help.`;

const IPCONFIG_USAGE = `
USAGE:
    ipconfig [/allcompartments] [/? | /all |
                                 /renew [adapter] | /release [adapter] |
                                 /renew6 [adapter] | /release6 [adapter] |
                                 /flushdns | /displaydns | /registerdns |
                                 /showclassid adapter |
                                 /setclassid adapter [classid] |
                                 /showclassid6 adapter |
                                 /setclassid6 adapter [classid] ]`;

const ROUTE_USAGE = `
Manipulates network routing tables.

ROUTE [-f] [-p] [-4|-6] command [destination]
                  [MASK netmask]  [gateway] [METRIC metric]  [IF interface]`;

const ARP_USAGE = `
Displays and modifies the IP-to-Physical address translation tables used by
address resolution protocol (ARP).

ARP -s inet_addr eth_addr [if_addr]
ARP -d inet_addr [if_addr]
ARP -a [inet_addr] [-N if_addr] [-v]`;

function notFound(text: string): string {
  return `Ping request could not find host ${text}. Please check the name and try again.\n`;
}

/** Lines of `full` before its summary block (the blank line before `summaryStart`). */
function linesBeforeSummary(full: string, summaryStart: string): string[] {
  const lines = full.split('\n');
  const at = lines.findIndex((l) => l.startsWith(summaryStart));
  return at <= 0 ? lines : lines.slice(0, at - 1);
}

/** A probe outcome in the words of views.ts, as Windows reports it. */
function probeView(host: WindowsHost, result: PingResult, index: number): ProbeOutcome | 'no-route' {
  const probe = result.probes[index]!;
  const o = probe.outcome;
  switch (o.kind) {
    case 'reply':
      return { kind: 'reply', from: o.from, rttMs: o.rttNs / NS_PER_MS, ttl: o.hopLimit, bytes: o.dataBytes };
    case 'timeout':
    case 'cancelled':
      return { kind: 'timeout' };
    case 'unreachable': {
      // Windows prints a neighbour-resolution failure of its own stack without `Reply from` over IPv6.
      const own = result.family === 'ipv6' && isOwnAddress(host, o.from as Ipv6Address);
      return own ? { kind: 'unreachable', reason: 'host' } : { kind: 'unreachable', from: o.from, reason: o.reason };
    }
    case 'time-exceeded':
      return { kind: 'ttl-exceeded', from: o.from };
    case 'packet-too-big':
      return { kind: 'packet-too-big', from: o.from, mtuBytes: o.mtuBytes };
    case 'send-failed':
      return o.reason === 'fragmentation-needed' ? { kind: 'packet-too-big', mtuBytes: o.mtuBytes ?? 0 } : 'no-route';
  }
}

function isOwnAddress(host: WindowsHost, address: Ipv6Address): boolean {
  return host.adapters().some((i) => host.mgmt.addresses.ipv6(i.name).some((a) => a.address === address));
}

function pingView(host: WindowsHost, result: PingResult, target: WindowsTarget, sizeBytes: number): PingResultView {
  const outcomes = result.probes.map((_, i) => probeView(host, result, i));
  const allNoRoute = outcomes.length > 0 && outcomes.every((o) => o === 'no-route');
  const probes = outcomes.map((o): ProbeOutcome => (o === 'no-route' ? { kind: 'unreachable', reason: 'no-route' } : o));
  return {
    family: result.family,
    target: result.destination,
    ...(target.kind === 'ipv6' && target.zone !== undefined ? { targetZone: target.zone } : {}),
    sizeBytes,
    count: allNoRoute ? outcomes.length : result.probes.length,
    timeoutS: result.timeoutNs / 1e9,
    probes,
    elapsedMs: (result.endedNs - result.startedNs) / NS_PER_MS,
    ...(allNoRoute ? { noRoute: true } : {}),
  };
}

function traceProbe(outcome: TracerouteResult['hops'][number]['probes'][number]['outcome']): TraceProbe {
  switch (outcome.kind) {
    case 'reply':
      return { kind: 'reply', from: outcome.from, rttMs: outcome.rttNs / NS_PER_MS, reached: outcome.reached };
    case 'unreachable':
      return { kind: 'unreachable', from: outcome.from, rttMs: outcome.rttNs / NS_PER_MS, reason: outcome.reason };
    default:
      return { kind: 'timeout' };
  }
}

function traceView(result: TracerouteResult, maxHops: number): TracerouteView {
  return {
    family: result.family,
    target: result.destination,
    maxHops,
    packetBytes: result.packetBytes,
    hops: result.hops.map((h) => ({ ttl: h.ttl, probes: h.probes.map((p) => traceProbe(p.outcome)) })),
  };
}

/** The Windows cmd.exe dialect of one PC. */
export class WindowsDialect implements ConsoleDialect {
  /** Ctrl-C stops a job; ping then prints its statistics, `Control-C` and `^C` (no echo at the key). */
  readonly interruptKey = '\x03';
  private opened = false;
  /** cmd echoes a blank line before the prompt after a command ran. */
  private blankBeforePrompt = false;
  readonly host: WindowsHost;

  constructor(readonly device: Device) {
    this.host = windowsHostOf(device);
  }

  prompt(): string {
    let text = WINDOWS_PROMPT;
    if (!this.opened) {
      this.opened = true;
      text = `${WINDOWS_BANNER}\n${WINDOWS_PROMPT}`;
    } else if (this.blankBeforePrompt) text = `\n${WINDOWS_PROMPT}`;
    this.blankBeforePrompt = false;
    return toTerminalText(text);
  }

  controlKey(key: 'ctrl-c' | 'ctrl-z'): ControlKeyOutcome | undefined {
    if (key === 'ctrl-c') return { echo: '^C' };
    return { echo: '^Z', keepLine: true };
  }

  execute(line: string): DialectOutcome {
    const words = splitCmdWords(line.trim());
    const name = words[0];
    if (name === undefined) return {};
    this.blankBeforePrompt = true;
    const args = words.slice(1);
    const command = name.toLowerCase().replace(/\.exe$/, '');
    switch (command) {
      case 'ipconfig':
        return { output: this.ipconfig(args) };
      case 'ping':
        return this.ping(args);
      case 'tracert':
        return this.tracert(args);
      case 'route':
        return { output: this.route(args) };
      case 'arp':
        return { output: args.length === 1 && (args[0] === '-a' || args[0] === '/a' || args[0] === '-g') ? `${formatArpA(this.host.adapterViews(), this.host.arpViews())}\n` : `${ARP_USAGE}\n` };
      case 'netsh': {
        const outcome = runNetsh(this.host, args, () => printWindowsConfig(this.device).trimEnd());
        return { output: outcome.output === '' ? '' : `${outcome.output}\n` };
      }
      case 'hostname':
        return { output: `${formatWindowsHostname(this.host.hostInfo())}\n` };
      case 'cls':
        this.blankBeforePrompt = false;
        return { clearScreen: true };
      case 'timeout':
        return this.timeout(args);
      case 'ver':
        return { output: '\nMicrosoft Windows [Version 10.0.19045.4355]\n' };
      case 'help':
        return { output: `${HELP_TEXT}\n` };
      case 'exit':
        return {};
      default:
        return { output: `'${name}' is not recognized as an internal or external command,\noperable program or batch file.\n` };
    }
  }

  /**
   * `timeout /t N [/nobreak]` (or `timeout N`): counts N seconds down in virtual time on one line
   * rewritten in place, then ends the line; Ctrl-C ends it early. Key presses are not seen here
   * (a console job only hears Ctrl-C), so `/t -1` waits until Ctrl-C. Texts as timeout.exe
   * prints them (its /? usage and its error for a bad or missing value).
   */
  private timeout(args: readonly string[]): DialectOutcome {
    const invalid = { output: 'ERROR: Invalid value for timeout (/T) specified. Valid range is -1 to 99999.\n' };
    let value: string | undefined;
    let noBreak = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!.toLowerCase();
      if (arg === '/?' || arg === '-?') return { output: TIMEOUT_USAGE };
      if (arg === '/nobreak' || arg === '-nobreak') noBreak = true;
      else if (arg === '/t' || arg === '-t') value = args[++i];
      else value = args[i];
    }
    if (value === undefined || !/^-?\d+$/.test(value)) return invalid;
    const seconds = Number(value);
    if (seconds < -1 || seconds > 99999) return invalid;
    const ctl = createJob();
    const simulator = this.device.simulator;
    if (seconds === -1) {
      ctl.emit('\nPress any key to continue ...');
      ctl.onCancel(() => {
        ctl.emit('^C\n');
        ctl.finish();
      });
      return { job: ctl.job };
    }
    const width = String(seconds).length;
    const line = (left: number): string => `Waiting for ${String(left).padStart(width)} seconds, ${noBreak ? 'press CTRL+C to quit' : 'press a key to continue'} ...`;
    ctl.emit(`\n${line(seconds)}`);
    let left = seconds;
    let timer = seconds === 0 ? null : simulator.setTimer(NS_PER_S, function tick(): void {
      left--;
      ctl.emit(`\r${line(left)}`);
      if (left > 0) timer = simulator.setTimer(NS_PER_S, tick);
      else {
        ctl.emit('\n');
        ctl.finish();
      }
    });
    if (seconds === 0) {
      ctl.emit('\n');
      ctl.finish();
    }
    ctl.onCancel(() => {
      // cmd shows the Ctrl+C that ended the wait.
      timer?.cancel();
      ctl.emit('^C\n');
      ctl.finish();
    });
    return { job: ctl.job };
  }

  private ipconfig(args: readonly string[]): string {
    if (args.length === 0) return `${formatIpconfig(this.host.adapterViews())}\n`;
    const option = args[0]!.toLowerCase();
    if (args.length === 1 && (option === '/all' || option === '-all')) return `${formatIpconfigAll(this.host.hostInfo(), this.host.adapterViews())}\n`;
    if (option === '/?') return `${IPCONFIG_USAGE.trimStart()}\n`;
    return `\nError: unrecognized or incomplete command line.\n${IPCONFIG_USAGE}\n`;
  }

  private route(args: readonly string[]): string {
    const lower = args.map((a) => a.toLowerCase());
    if (lower[0] !== 'print') return `${ROUTE_USAGE}\n`;
    const family = lower.includes('-6') ? 'ipv6' : lower.includes('-4') ? 'ipv4' : 'both';
    const full = formatRoutePrint(this.host.routePrintInterfaces(), this.host.routeViews());
    if (family === 'both') return `${full}\n`;
    // `-4` / `-6` keep the interface list and the one table.
    const lines = full.split('\n');
    const v6At = lines.indexOf('IPv6 Route Table');
    const v4At = lines.indexOf('IPv4 Route Table');
    const head = lines.slice(0, v4At);
    const table = family === 'ipv4' ? lines.slice(v4At, v6At - 1) : lines.slice(v6At);
    return `${[...head, ...table].join('\n')}\n`;
  }

  /** The adapter a link-local target's zone names (`%11`), or the first adapter that is up. */
  private zoneInterface(target: WindowsTarget): InterfaceEntry | undefined {
    if (target.kind !== 'ipv6') return undefined;
    if (target.zone !== undefined) return this.host.adapterNamed(target.zone);
    if (target.address >> 118n !== 0x3fan) return undefined;
    return this.host.adapters().find((i) => i.lineProtocolUp) ?? this.host.adapters()[0];
  }

  private ping(args: readonly string[]): DialectOutcome {
    const parsed = parseWindowsPing(args);
    if (!parsed.ok) return { output: parsed.output };
    const o = parsed.value;
    const target = o.target;
    const probes = this.host.mgmt.probes;
    if (target.kind === 'name' || !probes.available) return { output: notFound(target.text) };
    if ((o.family === 'ipv4' && target.kind === 'ipv6') || (o.family === 'ipv6' && target.kind === 'ipv4')) return { output: notFound(target.text) };
    if (o.dontFragment && target.kind === 'ipv6') return { output: 'Option -f is only supported for IPv4.\n' };
    const zone = this.zoneInterface(target);
    if (target.kind === 'ipv6' && target.zone !== undefined && zone === undefined) return { output: notFound(target.text) };
    let source: Ipv4Address | Ipv6Address | undefined;
    if (o.source !== undefined) {
      const s = target.kind === 'ipv4' ? parseIpv4(o.source) : parseIpv6(o.source);
      if (!s.ok) return { output: `Bad value for option -S.\n` };
      source = s.value;
    }
    const ctl = createJob();
    let printed = 0;
    const session = probes.ping({
      destination: target.address,
      count: o.count,
      sizeBytes: o.sizeBytes,
      dontFragment: o.dontFragment,
      ...(o.ttl !== undefined ? { hopLimit: o.ttl } : {}),
      ...(o.timeoutMs !== undefined ? { timeoutNs: o.timeoutMs * NS_PER_MS } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(zone !== undefined ? { interfaceName: zone.name } : {}),
    });
    if (session.result().familyUnavailable === true) return { output: notFound(target.text) };
    const emitNew = (final: boolean): void => {
      const full = formatWindowsPing(pingView(this.host, session.result(), target, o.sizeBytes));
      const lines = final ? full.split('\n') : linesBeforeSummary(full, 'Ping statistics for');
      if (lines.length > printed) ctl.emit(`${lines.slice(printed).join('\n')}\n`);
      printed = lines.length;
    };
    emitNew(false);
    let interrupted = false;
    session.onEvent((event) => {
      if (event.kind === 'probe') emitNew(false);
      if (event.kind === 'done') {
        emitNew(true);
        if (interrupted) ctl.emit('Control-C\n^C\n');
        ctl.finish();
      }
    });
    ctl.onCancel(() => {
      interrupted = true;
      session.cancel();
    });
    if (session.done) {
      emitNew(true);
      ctl.finish();
    }
    return { job: ctl.job };
  }

  private tracert(args: readonly string[]): DialectOutcome {
    const parsed = parseWindowsTracert(args);
    if (!parsed.ok) return { output: parsed.output };
    const o = parsed.value;
    const target = o.target;
    const probes = this.host.mgmt.probes;
    if (target.kind === 'name' || !probes.available || (o.family === 'ipv4' && target.kind === 'ipv6') || (o.family === 'ipv6' && target.kind === 'ipv4')) {
      return { output: `Unable to resolve target system name ${target.text}.\n` };
    }
    const zone = this.zoneInterface(target);
    const ctl = createJob();
    let printed = 0;
    const session = probes.traceroute({
      destination: target.address,
      maxHops: o.maxHops,
      ...(o.timeoutMs !== undefined ? { timeoutNs: o.timeoutMs * NS_PER_MS } : {}),
      ...(zone !== undefined ? { interfaceName: zone.name } : {}),
    });
    const emitNew = (final: boolean): void => {
      const full = formatWindowsTracert(traceView(session.result(), o.maxHops));
      const lines = full.split('\n');
      const upTo = final ? lines : lines.slice(0, -2);
      if (upTo.length > printed) ctl.emit(`${upTo.slice(printed).join('\n')}\n`);
      printed = upTo.length;
    };
    emitNew(false);
    session.onEvent((event) => {
      if (event.kind === 'hop') emitNew(false);
      if (event.kind === 'done') {
        emitNew(!session.result().cancelled);
        ctl.finish();
      }
    });
    ctl.onCancel(() => {
      session.cancel();
      ctl.emit('^C\n');
    });
    if (session.done) {
      emitNew(true);
      ctl.finish();
    }
    return { job: ctl.job };
  }
}

/** A console session on a Windows PC (call `open()` to show the banner and the first prompt). */
export function createWindowsConsole(device: Device, options: { readonly historySize?: number } = {}): ConsoleSession {
  return new ConsoleSession(new WindowsDialect(device), options.historySize === undefined ? {} : { historySize: options.historySize });
}
