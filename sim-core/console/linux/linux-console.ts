/**
 * The bash shell of a Linux server (Debian 12): prompt `admin@<hostname>:~$` for the admin user
 * (`root@<hostname>:~#` after `sudo -i`), and the commands a trainee uses: `ip` (ip-command.ts),
 * `ping`/`ping6`, `traceroute`/`traceroute6`, `sysctl`, `cat /etc/resolv.conf`, `hostname`,
 * `sleep` (virtual time: scripts wait for DAD or an RA), `clear`, `sudo`, `whoami`, and the
 * lab's own `v6lab-config` (prints the configuration text).
 * Changes need root, as on a real server: `sudo ip …` or a root shell; without it iproute2
 * answers `RTNETLINK answers: Operation not permitted` (sudo asks no password here).
 * `ping` runs until Ctrl-C unless `-c` is given and `traceroute` prints each hop when it is
 * done, both in virtual time; Ctrl-C prints `^C` and ping's statistics (iputils).
 * Unknown commands: `bash: foo: command not found`.
 * Leaves out: pipes, redirection, job control, files other than a few under /etc and /proc,
 * name resolution (targets are addresses).
 */
import { isLinkLocalIpv6 } from '../../addr/classify';
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../addr/ipv6';
import type { Device } from '../../devices/device';
import { NS_PER_MS, NS_PER_S } from '../../engine/time';
import type { InterfaceEntry } from '../../mgmt/mgmt-views';
import type { PingResult, TracerouteResult } from '../../mgmt/probes';
import { createJob } from '../job';
import { formatLinuxHostname, formatResolvConf } from '../output/linux/files';
import { formatLinuxPing, formatLinuxTraceroute } from '../output/linux/ping';
import { ConsoleSession, type ConsoleDialect, type ControlKeyOutcome, type DialectOutcome } from '../session';
import type { PingResultView, ProbeOutcome, TraceProbe, TracerouteView } from '../views';
import { printLinuxConfig, runConfigCommand } from './linux-config';
import { linuxHostOf, type LinuxHost } from './linux-host';
import { parseLinuxPing, parseLinuxTraceroute, splitShellWords, type LinuxTarget } from './shell-args';

function pingProbe(result: PingResult, index: number): ProbeOutcome {
  const o = result.probes[index]!.outcome;
  switch (o.kind) {
    case 'reply':
      return { kind: 'reply', from: o.from, rttMs: o.rttNs / NS_PER_MS, ttl: o.hopLimit, bytes: o.dataBytes + 8 };
    case 'unreachable':
      return { kind: 'unreachable', from: o.from, reason: o.reason };
    case 'time-exceeded':
      return { kind: 'ttl-exceeded', from: o.from };
    case 'packet-too-big':
      return { kind: 'packet-too-big', from: o.from, mtuBytes: o.mtuBytes };
    case 'send-failed':
      return o.reason === 'fragmentation-needed' ? { kind: 'packet-too-big', mtuBytes: o.mtuBytes ?? 0 } : { kind: 'timeout' };
    default:
      return { kind: 'timeout' };
  }
}

function pingView(result: PingResult, target: LinuxTarget, zone: string | undefined, withSource: boolean): PingResultView {
  const sent = result.probes.filter((p) => p.outcome.kind !== 'send-failed' || p.outcome.reason === 'fragmentation-needed');
  const lastSent = sent.reduce((m, p) => Math.max(m, p.sentNs), result.startedNs);
  const noRoute = result.stoppedBy !== undefined && result.stoppedBy !== 'fragmentation-needed' && result.sent === 0;
  return {
    family: result.family,
    target: result.destination,
    targetText: target.text,
    ...(zone !== undefined ? { targetZone: zone } : {}),
    sizeBytes: result.sizeBytes,
    count: result.probes.length,
    timeoutS: result.timeoutNs / NS_PER_S,
    ...(withSource && result.source !== undefined ? { source: result.source, ...(result.sourceInterface !== undefined ? { sourceInterface: result.sourceInterface } : {}) } : {}),
    probes: sent.map((p) => pingProbe(result, result.probes.indexOf(p))),
    sequences: sent.map((p) => p.sequence),
    elapsedMs: (lastSent - result.startedNs) / NS_PER_MS,
    ...(noRoute ? { noRoute: true } : {}),
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

function traceView(result: TracerouteResult, targetText: string): TracerouteView {
  const typed = parseIpv4(targetText).ok || parseIpv6(targetText).ok ? undefined : targetText;
  return {
    family: result.family,
    target: result.destination,
    ...(typed !== undefined ? { targetName: typed } : {}),
    maxHops: result.maxHops,
    packetBytes: result.packetBytes,
    hops: result.hops.map((h) => ({ ttl: h.ttl, probes: h.probes.map((p) => traceProbe(p.outcome)) })),
  };
}

/** The bash dialect of one server. */
export class LinuxDialect implements ConsoleDialect {
  readonly interruptKey = '\x03';
  readonly interruptEcho = '^C';
  /** A root shell (`sudo -i`); the admin user otherwise. */
  private rootShell = false;
  readonly host: LinuxHost;

  constructor(readonly device: Device) {
    this.host = linuxHostOf(device);
  }

  prompt(): string {
    return this.rootShell ? `root@${this.host.hostname}:~# ` : `admin@${this.host.hostname}:~$ `;
  }

  controlKey(key: 'ctrl-c' | 'ctrl-z'): ControlKeyOutcome | undefined {
    return key === 'ctrl-c' ? { echo: '^C' } : undefined;
  }

  execute(line: string): DialectOutcome {
    let words = splitShellWords(line.trim());
    if (words.length === 0) return {};
    let root = this.rootShell;
    let viaSudo = false;
    if (words[0] === 'sudo') {
      const rest = words.slice(1);
      if (rest.length === 0) return { output: 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABknS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo [-ABbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]\n' };
      if (rest[0] === '-i' || rest[0] === '-s' || (rest[0] === 'su' && rest.length <= 2)) {
        this.rootShell = true;
        return {};
      }
      words = rest;
      root = true;
      viaSudo = true;
    }
    const [command, ...args] = words as [string, ...string[]];
    const out = (text: string): DialectOutcome => ({ output: text === '' ? '' : `${text}\n` });
    switch (command) {
      case 'ip':
      case 'sysctl':
        return out(runConfigCommand(this.host, words, root).output);
      case 'hostname': {
        if (args.length === 0) return out(formatLinuxHostname(this.host.hostInfo()));
        return out(runConfigCommand(this.host, words, root).output);
      }
      case 'ping':
      case 'ping6':
        return this.ping(args, command === 'ping6' ? 'ipv6' : undefined);
      case 'traceroute':
      case 'traceroute6':
        return this.traceroute(args, command === 'traceroute6' ? 'ipv6' : undefined);
      case 'cat':
        return out(this.cat(args));
      case 'sleep':
        return this.sleep(args);
      case 'clear':
        return { clearScreen: true };
      case 'whoami':
        return out(root ? 'root' : 'admin');
      case 'exit':
      case 'logout':
        if (this.rootShell) {
          this.rootShell = false;
          return out('logout');
        }
        return out('logout');
      case 'su':
        return out('Password: \nsu: Authentication failure');
      case 'v6lab-config':
        return { output: printLinuxConfig(this.device) };
      case 'help':
        return out('GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\nThese shell commands are defined internally.  Type `help\' to see this list.\n\nCommands of this lab: ip, ping, ping6, traceroute, traceroute6, sysctl, cat /etc/resolv.conf,\nhostname, sleep, clear, sudo, whoami, v6lab-config (prints this server\'s configuration text).');
      default:
        return out(viaSudo ? `sudo: ${command}: command not found` : `bash: ${command}: command not found`);
    }
  }

  /**
   * coreutils `sleep NUMBER[SUFFIX]...`: waits the sum in virtual time (s, m, h, d; fractions
   * allowed), Ctrl-C ends it early. Scripts use it to let DAD, RAs or a ping settle.
   */
  private sleep(args: readonly string[]): DialectOutcome {
    const usage = "Try 'sleep --help' for more information.";
    if (args.length === 0) return { output: `sleep: missing operand\n${usage}\n` };
    let totalNs = 0;
    for (const arg of args) {
      const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (match === null) return { output: `sleep: invalid time interval ‘${arg}’\n${usage}\n` };
      const unitS = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
      totalNs += Math.round(Number(match[1]) * unitS * NS_PER_S);
    }
    const ctl = createJob();
    const timer = this.device.simulator.setTimer(totalNs, () => ctl.finish());
    ctl.onCancel(() => {
      timer.cancel();
      // bash ends the ^C line before the next prompt.
      ctl.emit('\n');
      ctl.finish();
    });
    return { job: ctl.job };
  }

  private cat(args: readonly string[]): string {
    if (args.length === 0) return '';
    return args
      .map((path) => {
        if (path === '/etc/resolv.conf') return formatResolvConf(this.host.hostInfo(), this.host.dnsServers());
        if (path === '/etc/hostname') return this.host.hostname;
        const sys = /^\/proc\/sys\/(.+)$/.exec(path);
        const value = sys === null ? undefined : this.host.sysctlValue(sys[1]!.replace(/\//g, '.'));
        if (value !== undefined) return value;
        return `cat: ${path}: No such file or directory`;
      })
      .join('\n');
  }

  /** The NIC of a zone (`%eth0`) or of `-I eth0`; for a link-local target without one, the first NIC that is up. */
  private zoneOf(target: LinuxTarget, named: string | undefined): InterfaceEntry | undefined {
    if (named !== undefined) return this.host.link(named);
    if (target.kind !== 'ipv6') return undefined;
    if (target.zone !== undefined) return this.host.link(target.zone);
    if (!isLinkLocalIpv6(target.address)) return undefined;
    return this.host.nics().find((i) => i.lineProtocolUp);
  }

  private ping(args: readonly string[], family: 'ipv6' | undefined): DialectOutcome {
    const parsed = parseLinuxPing(args, family);
    if (!parsed.ok) return { output: `${parsed.output}\n` };
    const o = parsed.value;
    const target = o.target;
    const probes = this.host.mgmt.probes;
    if (target.kind === 'name' || !probes.available) return { output: `ping: ${target.text}: Name or service not known\n` };
    if ((o.family === 'ipv4' && target.kind === 'ipv6') || (o.family === 'ipv6' && target.kind === 'ipv4')) return { output: `ping: ${target.text}: Address family for hostname not supported\n` };
    if (target.kind === 'ipv6' && target.zone !== undefined && this.host.link(target.zone) === undefined) return { output: `ping: ${target.text}: Name or service not known\n` };
    // -I: an interface name, or a source address.
    let source: Ipv4Address | Ipv6Address | undefined;
    let sourceInterface: InterfaceEntry | undefined;
    if (o.interfaceOrSource !== undefined) {
      const s = target.kind === 'ipv4' ? parseIpv4(o.interfaceOrSource) : parseIpv6(o.interfaceOrSource);
      if (s.ok) source = s.value;
      else {
        sourceInterface = this.host.link(o.interfaceOrSource);
        if (sourceInterface === undefined) return { output: `ping: SO_BINDTODEVICE ${o.interfaceOrSource}: No such device\n` };
      }
    }
    const zone = this.zoneOf(target, sourceInterface?.name);
    const ctl = createJob();
    let printed = 0;
    const session = probes.ping({
      destination: target.address,
      ...(Number.isFinite(o.count) ? { count: o.count } : {}),
      sizeBytes: o.sizeBytes,
      dontFragment: o.dontFragment,
      ...(o.ttl !== undefined ? { hopLimit: o.ttl } : {}),
      ...(o.intervalS !== undefined ? { intervalNs: Math.round(o.intervalS * NS_PER_S) } : {}),
      ...(o.timeoutS !== undefined ? { timeoutNs: Math.round(o.timeoutS * NS_PER_S) } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(sourceInterface !== undefined ? { sourceInterfaceName: sourceInterface.name } : {}),
      ...(zone !== undefined ? { interfaceName: zone.name } : {}),
    });
    const view = (): PingResultView => pingView(session.result(), target, target.kind === 'ipv6' ? target.zone : undefined, sourceInterface !== undefined || source !== undefined);
    if (session.result().familyUnavailable === true) return { output: `ping: connect: Network is unreachable\n` };
    const emitNew = (final: boolean): void => {
      const v = view();
      let full = formatLinuxPing(v, zone?.name);
      // iputils ends with an empty line when nothing came back (no rtt line).
      if (final && v.noRoute !== true && !v.probes.some((p) => p.kind === 'reply')) full += '\n';
      const lines = full.split('\n');
      const at = lines.findIndex((l) => l.startsWith('--- '));
      const upTo = final || v.noRoute === true ? lines : o.quiet ? lines.slice(0, 1) : lines.slice(0, at <= 0 ? lines.length : at - 1);
      const shown = o.quiet && final ? [...lines.slice(0, 1), ...lines.slice(at - 1)] : upTo;
      if (shown.length > printed) ctl.emit(`${shown.slice(printed).join('\n')}\n`);
      printed = shown.length;
    };
    session.onEvent((event) => {
      if (event.kind === 'probe') emitNew(false);
      if (event.kind === 'done') {
        emitNew(true);
        ctl.finish();
      }
    });
    ctl.onCancel(() => session.cancel());
    if (session.done) {
      emitNew(true);
      ctl.finish();
    } else emitNew(false);
    return { job: ctl.job };
  }

  private traceroute(args: readonly string[], family: 'ipv6' | undefined): DialectOutcome {
    const parsed = parseLinuxTraceroute(args, family);
    if (!parsed.ok) return { output: `${parsed.output}\n` };
    const o = parsed.value;
    const target = o.target;
    const probes = this.host.mgmt.probes;
    if (target.kind === 'name' || !probes.available || (o.family === 'ipv4' && target.kind === 'ipv6') || (o.family === 'ipv6' && target.kind === 'ipv4')) {
      return { output: `${target.text}: Name or service not known\nCannot handle "host" cmdline arg \`${target.text}' on position 1 (argc ${args.length})\n` };
    }
    const zone = this.zoneOf(target, o.device);
    const ctl = createJob();
    let printed = 0;
    const session = probes.traceroute({
      destination: target.address,
      method: o.icmp ? 'icmp-echo' : 'udp',
      maxHops: o.maxHops,
      firstHop: o.firstHop,
      probesPerHop: o.probesPerHop,
      ...(o.waitS !== undefined ? { timeoutNs: Math.round(o.waitS * NS_PER_S) } : {}),
      ...(zone !== undefined ? { interfaceName: zone.name } : {}),
    });
    const emitNew = (): void => {
      const lines = formatLinuxTraceroute(traceView(session.result(), target.text), o.numeric).split('\n');
      if (lines.length > printed) ctl.emit(`${lines.slice(printed).join('\n')}\n`);
      printed = lines.length;
    };
    emitNew();
    session.onEvent((event) => {
      if (event.kind === 'hop') emitNew();
      if (event.kind === 'done') {
        emitNew();
        ctl.finish();
      }
    });
    ctl.onCancel(() => {
      session.cancel();
      ctl.emit('\n');
    });
    if (session.done) ctl.finish();
    return { job: ctl.job };
  }
}

/** A console session on a Linux server (call `open()` to show the first prompt). */
export function createLinuxConsole(device: Device, options: { readonly historySize?: number } = {}): ConsoleSession {
  return new ConsoleSession(new LinuxDialect(device), options.historySize === undefined ? {} : { historySize: options.historySize });
}
