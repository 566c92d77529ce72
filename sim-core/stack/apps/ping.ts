/**
 * ping for both families (ICMP echo, RFC 792; ICMPv6 echo, RFC 4443 section 4), with the
 * defaults and pacing of the three systems the devices imitate:
 * - Windows `ping`: 4 probes of 32 data bytes (`-l`), 4000 ms timeout (`-w`), the next probe
 *   about 1 s after the previous one was sent, or at once after a timeout;
 * - Linux iputils `ping`: 56 data bytes (`-s`), runs until `-c` probes or Ctrl-C (stopping at
 *   no route, going on after a `-M do` probe too big for the MTU), one probe a
 *   second whatever the replies (`-i`), a lost probe counted lost 10 s after it was sent (the
 *   linger iputils waits after the last one);
 * - Cisco IOS `ping`: 5 probes whose size (100) is the whole IP datagram, 2 s timeout, the next
 *   probe right after each reply or timeout.
 * Each probe ends as a reply (from, bytes, round-trip time in virtual time, TTL / hop limit of
 * the reply), a timeout, a destination unreachable (code and from), a time exceeded, a packet
 * too big (with the MTU; ICMPv4 fragmentation needed is reported the same way), or a local send
 * failure. Replies and errors are matched by echo identifier and sequence (errors through the
 * quoted packet). Every outcome is streamed as an event when it happens; the result keeps them
 * all and the summary (sent, received, errors, loss, min/avg/max/mdev as iputils computes them).
 * `cancel()` (Ctrl-C) stops sending, counts probes still in flight as lost, and finishes.
 * Leaves out: flood and adaptive modes, record route, timestamps options, `-t` TOS, DNS names
 * (the console resolves names first), duplicate detection.
 */
import { isMulticastIpv6 } from '../../addr/classify';
import type { Ipv6Address } from '../../addr/ipv6';
import type { Timer } from '../../engine/simulator';
import { NS_PER_S, type TimeNs } from '../../engine/time';
import type { NetInterface } from '../net-interface';
import type { NodeStack, StackFlavour } from '../node-stack';
import { personalityOf, type EchoDataPattern, type PingDefaults } from '../personality';
import { quotesEcho, type IcmpReport, type IpAddress, type ProbeFamily, type ProbeSendFailure, type ProbeTransport, type ProbeUnreachableReason } from './probe-transport';
import { allocateProbeIdentifier, familyOfAddress, selectProbeTransport } from './select-transport';

export type { PingDefaults } from '../personality';

export interface PingOptions {
  readonly destination: IpAddress;
  /** Whose defaults to use (default: the stack's flavour). */
  readonly flavour?: StackFlavour;
  readonly count?: number;
  /** As the OS counts it: echo data bytes (Windows, Linux) or the whole datagram (IOS). */
  readonly sizeBytes?: number;
  readonly source?: IpAddress;
  /** IOS `source g0/0`, Windows `-S` by interface, Linux `-I eth0`: the probe's source is this interface's address. */
  readonly sourceInterface?: NetInterface;
  /** The zone of a link-local destination (`fe80::1%11`, `-I eth0`): the interface probes leave by (RFC 4007). */
  readonly iface?: NetInterface;
  /** IPv4 DF (Windows `-f`, Linux `-M do`, IOS `df-bit`); IPv6: the source must not fragment. */
  readonly dontFragment?: boolean;
  readonly timeoutNs?: TimeNs;
  readonly intervalNs?: TimeNs;
  /** TTL / hop limit of the probes (Windows `-i`, Linux `-t`). */
  readonly hopLimit?: number;
}

export type PingProbeOutcome =
  | { readonly kind: 'reply'; readonly from: IpAddress; readonly rttNs: TimeNs; readonly hopLimit: number; readonly dataBytes: number; readonly packetBytes: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly from: IpAddress; readonly code: number; readonly reason: ProbeUnreachableReason }
  | { readonly kind: 'time-exceeded'; readonly from: IpAddress; readonly code: number }
  | { readonly kind: 'packet-too-big'; readonly from: IpAddress; readonly mtuBytes: number }
  /** Refused by the local stack (no route, DF and too big for the exit MTU, …): nothing was sent. */
  | { readonly kind: 'send-failed'; readonly reason: ProbeSendFailure; readonly mtuBytes?: number }
  /** Still in flight when the ping was cancelled (counted as lost). */
  | { readonly kind: 'cancelled' };

export interface PingProbe {
  readonly sequence: number;
  readonly sentNs: TimeNs;
  /** When the outcome was known (reply or error arrival, timeout, cancel). */
  readonly endedNs: TimeNs;
  readonly outcome: PingProbeOutcome;
}

export interface PingRttSummary {
  readonly minNs: TimeNs;
  readonly avgNs: TimeNs;
  readonly maxNs: TimeNs;
  /** iputils mdev: sqrt(mean(rtt²) − mean(rtt)²). */
  readonly mdevNs: TimeNs;
}

export interface PingResult {
  readonly family: ProbeFamily;
  readonly flavour: StackFlavour;
  readonly destination: IpAddress;
  /** The source address of the probes (the first one sent), when any was sent. */
  readonly source?: IpAddress;
  readonly sourceInterface?: string;
  /** The size as the OS counts it (see PingOptions.sizeBytes). */
  readonly sizeBytes: number;
  /** Echo data bytes per probe. */
  readonly dataBytes: number;
  /** IP datagram bytes per probe (header included). */
  readonly packetBytes: number;
  /** Probes asked for (Infinity: until cancelled). */
  readonly count: number;
  readonly timeoutNs: TimeNs;
  readonly identifier: number;
  /** Finished probes, in sequence order. */
  readonly probes: readonly PingProbe[];
  /** Probes that left (send failures not included). */
  readonly sent: number;
  /** Echo replies. */
  readonly received: number;
  /** ICMP errors received (unreachable, time exceeded, too big): iputils "+N errors". */
  readonly errors: number;
  /** Percentage of sent probes without a reply, as iputils and Windows round it (floor of received share). */
  readonly lossPercent: number;
  readonly rtt?: PingRttSummary;
  readonly startedNs: TimeNs;
  readonly endedNs: TimeNs;
  readonly cancelled: boolean;
  /** Set when the run stopped at a local send failure before finishing. */
  readonly stoppedBy?: ProbeSendFailure;
  /** True when the stack has no such family (IPv6 not enabled): nothing was sent. */
  readonly familyUnavailable?: boolean;
}

export type PingEvent =
  | { readonly kind: 'sent'; readonly sequence: number; readonly timeNs: TimeNs }
  | { readonly kind: 'probe'; readonly probe: PingProbe }
  | { readonly kind: 'done'; readonly result: PingResult };

export type PingListener = (event: PingEvent) => void;

interface InFlight {
  readonly sequence: number;
  readonly sentNs: TimeNs;
  timer: Timer | null;
}

/** The echo data of `pattern`: Windows the alphabet, Linux a timestamp and counting bytes, IOS 0xABCD. */
export function buildEchoData(pattern: EchoDataPattern, dataBytes: number, nowNs: TimeNs): Uint8Array {
  const data = new Uint8Array(Math.max(0, dataBytes));
  if (pattern === 'alphabet') {
    const alphabet = 'abcdefghijklmnopqrstuvw';
    for (let i = 0; i < data.length; i++) data[i] = alphabet.charCodeAt(i % alphabet.length);
  } else if (pattern === 'abcd') {
    for (let i = 0; i < data.length; i++) data[i] = i % 2 === 0 ? 0xab : 0xcd;
  } else {
    // iputils: a struct timeval (seconds, microseconds as 64-bit little-endian) when it fits, then i & 0xff.
    for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
    if (data.length >= 16) {
      const seconds = Math.floor(nowNs / NS_PER_S);
      const micros = Math.floor((nowNs % NS_PER_S) / 1000);
      const view = new DataView(data.buffer);
      view.setUint32(0, seconds, true);
      view.setUint32(4, 0, true);
      view.setUint32(8, micros, true);
      view.setUint32(12, 0, true);
    }
  }
  return data;
}

export class PingSession {
  private readonly listeners: PingListener[] = [];
  private readonly transport: ProbeTransport | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private readonly finished: PingProbe[] = [];
  private readonly unlisten: (() => void) | null;
  private nextSequence: number;
  private sentCount = 0;
  private attempted = 0;
  private sendTimer: Timer | null = null;
  private lastSendNs = 0;
  private firstSource: IpAddress | undefined;
  private isDone = false;
  private wasCancelled = false;
  private stoppedBy: ProbeSendFailure | undefined;
  private finalResult: PingResult | undefined;
  readonly flavour: StackFlavour;
  readonly family: ProbeFamily;
  readonly count: number;
  readonly sizeBytes: number;
  readonly dataBytes: number;
  readonly packetBytes: number;
  readonly timeoutNs: TimeNs;
  readonly intervalNs: TimeNs;
  readonly identifier: number;
  readonly startedNs: TimeNs;
  private readonly defaults: PingDefaults;
  private readonly source: IpAddress | undefined;

  constructor(
    readonly stack: NodeStack,
    readonly options: PingOptions,
  ) {
    this.flavour = options.flavour ?? stack.flavour;
    this.defaults = personalityOf(this.flavour).ping;
    this.family = familyOfAddress(options.destination);
    this.transport = selectProbeTransport(stack, this.family);
    this.count = options.count ?? this.defaults.count;
    this.sizeBytes = options.sizeBytes ?? this.defaults.sizeBytes;
    const headerBytes = (this.transport?.headerBytes ?? (this.family === 'ipv4' ? 20 : 40)) + 8;
    this.dataBytes = this.defaults.sizeIsDatagram ? Math.max(0, this.sizeBytes - headerBytes) : this.sizeBytes;
    this.packetBytes = this.dataBytes + headerBytes;
    this.timeoutNs = options.timeoutNs ?? this.defaults.timeoutNs;
    this.intervalNs = options.intervalNs ?? this.defaults.intervalNs;
    this.nextSequence = this.defaults.firstSequence;
    this.identifier = allocateProbeIdentifier(stack);
    this.startedNs = stack.context.nowNs();
    this.source = options.source ?? this.sourceOfInterface(options.sourceInterface);
    this.unlisten = this.transport === undefined ? null : this.transport.listen((report) => this.handleReport(report));
  }

  /** Adds a listener for events from now on. */
  onEvent(listener: PingListener): void {
    this.listeners.push(listener);
  }

  get done(): boolean {
    return this.isDone;
  }

  /** Sends the first probe (at once) and schedules the rest. */
  start(): this {
    if (this.transport === undefined) {
      this.finish();
      return this;
    }
    if (this.count <= 0) {
      this.finish();
      return this;
    }
    this.sendNext();
    return this;
  }

  /** Ctrl-C: no more probes; those in flight count as lost; the summary follows at once. */
  cancel(): void {
    if (this.isDone) return;
    this.wasCancelled = true;
    this.sendTimer?.cancel();
    this.sendTimer = null;
    const now = this.stack.context.nowNs();
    for (const probe of [...this.inFlight.values()]) {
      probe.timer?.cancel();
      this.complete(probe, { kind: 'cancelled' }, now, false);
    }
    this.finish();
  }

  /** The result so far (final once `done`). */
  result(): PingResult {
    if (this.finalResult !== undefined) return this.finalResult;
    const probes = [...this.finished].sort((a, b) => a.sequence - b.sequence);
    const replies = probes.flatMap((p) => (p.outcome.kind === 'reply' ? [p.outcome.rttNs] : []));
    const errors = probes.filter((p) => p.outcome.kind === 'unreachable' || p.outcome.kind === 'time-exceeded' || p.outcome.kind === 'packet-too-big').length;
    const sent = this.sentCount;
    const received = replies.length;
    const result: PingResult = {
      family: this.family,
      flavour: this.flavour,
      destination: this.options.destination,
      ...(this.firstSource !== undefined && { source: this.firstSource }),
      ...(this.options.sourceInterface !== undefined && { sourceInterface: this.options.sourceInterface.name }),
      sizeBytes: this.sizeBytes,
      dataBytes: this.dataBytes,
      packetBytes: this.packetBytes,
      count: this.count,
      timeoutNs: this.timeoutNs,
      identifier: this.identifier,
      probes,
      sent,
      received,
      errors,
      lossPercent: sent === 0 ? 0 : 100 - Math.floor((received * 100) / sent),
      ...(replies.length > 0 && { rtt: summariseRtt(replies) }),
      startedNs: this.startedNs,
      endedNs: this.stack.context.nowNs(),
      cancelled: this.wasCancelled,
      ...(this.stoppedBy !== undefined && { stoppedBy: this.stoppedBy }),
      ...(this.transport === undefined && { familyUnavailable: true }),
    };
    if (this.isDone) this.finalResult = result;
    return result;
  }

  private sourceOfInterface(iface: NetInterface | undefined): IpAddress | undefined {
    if (iface === undefined) return undefined;
    if (this.family === 'ipv4') return iface.primaryIpv4?.address;
    const global = iface.ipv6.addresses.find((a) => a.state === 'preferred' && a.address >> 118n !== 0x3fan);
    return (global ?? iface.ipv6.addresses.find((a) => a.state === 'preferred'))?.address;
  }

  /**
   * The probes' hop limit: the one asked for, else (Linux) 1 for a multicast destination — the
   * socket default IPV6_MULTICAST_HOPS (RFC 3493 section 5.2) that iputils leaves alone; a netns
   * capture shows echoes to ff02::1 with hop limit 1.
   */
  private get hopLimit(): number | undefined {
    if (this.options.hopLimit !== undefined) return this.options.hopLimit;
    if (this.flavour === 'linux' && this.family === 'ipv6' && isMulticastIpv6(this.options.destination as Ipv6Address)) return 1;
    return undefined;
  }

  private sendNext(): void {
    this.sendTimer = null;
    if (this.isDone || this.attempted >= this.count) return;
    const transport = this.transport!;
    const sequence = this.nextSequence;
    this.nextSequence = (this.nextSequence + 1) & 0xffff;
    this.attempted++;
    const now = this.stack.context.nowNs();
    this.lastSendNs = now;
    const result = transport.sendEchoRequest({
      destination: this.options.destination,
      identifier: this.identifier,
      sequence,
      data: buildEchoData(this.defaults.echoData, this.dataBytes, now),
      ...(this.source !== undefined && { source: this.source }),
      ...(this.hopLimit !== undefined && { hopLimit: this.hopLimit }),
      ...(this.options.dontFragment !== undefined && { dontFragment: this.options.dontFragment }),
      ...(this.options.iface !== undefined && { iface: this.options.iface }),
    });
    if (!result.ok) {
      const probe: InFlight = { sequence, sentNs: now, timer: null };
      this.complete(probe, { kind: 'send-failed', reason: result.reason, ...(result.mtuBytes !== undefined && { mtuBytes: result.mtuBytes }) }, now, true);
      // iputils stops at `connect: Network is unreachable` but keeps sending after EMSGSIZE (`-M do`).
      if (this.defaults.stopOnSendFailure && result.reason !== 'fragmentation-needed') {
        this.stoppedBy = result.reason;
        this.finish();
        return;
      }
      this.scheduleNext();
      this.finishIfOver();
      return;
    }
    this.sentCount++;
    if (this.firstSource === undefined) this.firstSource = result.source;
    const probe: InFlight = { sequence, sentNs: now, timer: null };
    probe.timer = this.stack.context.setTimer(this.timeoutNs, () => {
      probe.timer = null;
      this.complete(probe, { kind: 'timeout' }, this.stack.context.nowNs(), true);
      if (this.defaults.waitForPrevious) this.scheduleNext();
      this.finishIfOver();
    });
    this.inFlight.set(sequence, probe);
    this.emit({ kind: 'sent', sequence, timeNs: now });
    if (!this.defaults.waitForPrevious) this.scheduleNext();
  }

  /** Arms the next send: `interval` after the last send, and (Windows, IOS) not before the last probe ended. */
  private scheduleNext(): void {
    if (this.isDone || this.attempted >= this.count || this.sendTimer !== null) return;
    const now = this.stack.context.nowNs();
    const at = Math.max(now, this.lastSendNs + this.intervalNs);
    this.sendTimer = this.stack.context.setTimer(at - now, () => this.sendNext());
  }

  private handleReport(report: IcmpReport): void {
    if (this.isDone) return;
    let sequence: number;
    if (report.kind === 'echo-reply') {
      if (report.identifier !== this.identifier) return;
      sequence = report.sequence;
    } else {
      const quoted = report.quoted;
      if (quoted.identifier !== this.identifier || quoted.sequence === undefined) return;
      sequence = quoted.sequence;
      if (!quotesEcho(quoted, this.identifier, sequence)) return;
    }
    const probe = this.inFlight.get(sequence);
    if (probe === undefined) return; // late (after its timeout) or not ours
    const now = this.stack.context.nowNs();
    probe.timer?.cancel();
    probe.timer = null;
    let outcome: PingProbeOutcome;
    switch (report.kind) {
      case 'echo-reply':
        outcome = { kind: 'reply', from: report.from, rttNs: now - probe.sentNs, hopLimit: report.hopLimit, dataBytes: report.dataBytes, packetBytes: report.packetBytes };
        break;
      case 'unreachable':
        outcome = { kind: 'unreachable', from: report.from, code: report.code, reason: report.reason };
        break;
      case 'time-exceeded':
        outcome = { kind: 'time-exceeded', from: report.from, code: report.code };
        break;
      case 'packet-too-big':
        outcome = { kind: 'packet-too-big', from: report.from, mtuBytes: report.mtuBytes };
        break;
    }
    this.complete(probe, outcome, now, true);
    if (this.defaults.waitForPrevious) this.scheduleNext();
    this.finishIfOver();
  }

  private complete(probe: InFlight, outcome: PingProbeOutcome, endedNs: TimeNs, announce: boolean): void {
    this.inFlight.delete(probe.sequence);
    const finished: PingProbe = { sequence: probe.sequence, sentNs: probe.sentNs, endedNs, outcome };
    this.finished.push(finished);
    if (announce) this.emit({ kind: 'probe', probe: finished });
  }

  private finishIfOver(): void {
    if (!this.isDone && this.attempted >= this.count && this.inFlight.size === 0) this.finish();
  }

  private finish(): void {
    if (this.isDone) return;
    this.isDone = true;
    this.sendTimer?.cancel();
    this.sendTimer = null;
    this.unlisten?.();
    const result = this.result();
    this.emit({ kind: 'done', result });
  }

  private emit(event: PingEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** min/avg/max/mdev over round-trip times (iputils: mdev = sqrt(E[rtt²] − E[rtt]²)). */
export function summariseRtt(rttsNs: readonly number[]): PingRttSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSquares = 0;
  for (const rtt of rttsNs) {
    if (rtt < min) min = rtt;
    if (rtt > max) max = rtt;
    sum += rtt;
    sumSquares += rtt * rtt;
  }
  const n = rttsNs.length;
  const avg = sum / n;
  const variance = Math.max(0, sumSquares / n - avg * avg);
  return { minNs: min, avgNs: avg, maxNs: max, mdevNs: Math.sqrt(variance) };
}

/**
 * Starts a ping from `stack` (the first probe leaves now). Events go to `listener` as they
 * happen; the caller runs the simulation until `session.done`.
 */
export function startPing(stack: NodeStack, options: PingOptions, listener?: PingListener): PingSession {
  const session = new PingSession(stack, options);
  if (listener !== undefined) session.onEvent(listener);
  return session.start();
}
