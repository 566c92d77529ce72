/**
 * traceroute for both families (RFC 1393's idea without its option: probes with TTL / hop limit
 * 1, 2, 3 … and the ICMP time exceeded each router sends, RFC 792 / RFC 4443 section 3.3), in
 * the two probe styles the systems use:
 * - Windows `tracert`: ICMP echo requests, 3 per hop, 4000 ms timeout, 30 hops at most; the
 *   destination answers with an echo reply;
 * - Linux `traceroute`/`traceroute6` and Cisco IOS `traceroute`: UDP datagrams to port 33434,
 *   one more per probe (so each answer names its probe), 3 per hop, 30 hops at most, timeout
 *   5 s (Linux) or 3 s (IOS); the destination answers with ICMP port unreachable.
 * The trace stops after the hop where the destination answered, or where a destination
 * unreachable other than port unreachable came back (printed `!H`, `!N`, `!P`, `!X`/`!A`), or at
 * the maximum. Every probe ends as a reply (from, round-trip time, whether it was the
 * destination), a timeout or an unreachable, and is streamed as an event; the result keeps the
 * hops. `cancel()` stops at once, keeping the probes finished so far.
 * Probes go one after another (the next when the previous is answered or timed out): Linux
 * traceroute really sends up to 16 at once (`-N`), which only changes the timing.
 * Leaves out: TCP and UDPLite probes, `-g` source routes, AS lookups, DNS names (the console
 * resolves and prints names), MTU discovery (`--mtu`), ECMP flow variation.
 */
import type { Timer } from '../../engine/simulator';
import type { TimeNs } from '../../engine/time';
import type { NetInterface } from '../net-interface';
import type { NodeStack, StackFlavour } from '../node-stack';
import { personalityOf, type TracerouteMethod } from '../personality';
import type { IcmpReport, IpAddress, ProbeFamily, ProbeSendFailure, ProbeTransport, ProbeUnreachableReason } from './probe-transport';
import { allocateProbeIdentifier, familyOfAddress, selectProbeTransport } from './select-transport';

export type { TracerouteDefaults, TracerouteMethod } from '../personality';

export interface TracerouteOptions {
  readonly destination: IpAddress;
  readonly flavour?: StackFlavour;
  readonly method?: TracerouteMethod;
  readonly probesPerHop?: number;
  /** Windows `-h`, Linux `-m`, IOS `ttl min max`. */
  readonly maxHops?: number;
  /** Linux `-f`, IOS minimum TTL. */
  readonly firstHop?: number;
  /** Windows `-w`, Linux `-w`, IOS `timeout`. */
  readonly timeoutNs?: TimeNs;
  readonly basePort?: number;
  readonly source?: IpAddress;
  /** The zone of a link-local destination: the interface probes leave by (RFC 4007). */
  readonly iface?: NetInterface;
}

export type TracerouteProbeOutcome =
  /** A router's time exceeded (reached false) or the destination's answer (reached true). */
  | { readonly kind: 'reply'; readonly from: IpAddress; readonly rttNs: TimeNs; readonly reached: boolean; readonly hopLimit: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly from: IpAddress; readonly rttNs: TimeNs; readonly code: number; readonly reason: ProbeUnreachableReason }
  | { readonly kind: 'send-failed'; readonly reason: ProbeSendFailure };

export interface TracerouteProbe {
  readonly ttl: number;
  /** Position within the hop (0, 1, 2). */
  readonly index: number;
  readonly sentNs: TimeNs;
  readonly outcome: TracerouteProbeOutcome;
}

export interface TracerouteHop {
  readonly ttl: number;
  readonly probes: readonly TracerouteProbe[];
}

export interface TracerouteResult {
  readonly family: ProbeFamily;
  readonly flavour: StackFlavour;
  readonly method: TracerouteMethod;
  readonly destination: IpAddress;
  readonly source?: IpAddress;
  readonly maxHops: number;
  readonly probesPerHop: number;
  readonly timeoutNs: TimeNs;
  /** IP datagram bytes of a probe (Linux prints it in its header line). */
  readonly packetBytes: number;
  readonly hops: readonly TracerouteHop[];
  /** The destination answered. */
  readonly reached: boolean;
  readonly startedNs: TimeNs;
  readonly endedNs: TimeNs;
  readonly cancelled: boolean;
  readonly familyUnavailable?: boolean;
}

export type TracerouteEvent =
  | { readonly kind: 'sent'; readonly ttl: number; readonly index: number; readonly timeNs: TimeNs }
  | { readonly kind: 'probe'; readonly probe: TracerouteProbe }
  | { readonly kind: 'hop'; readonly hop: TracerouteHop }
  | { readonly kind: 'done'; readonly result: TracerouteResult };

export type TracerouteListener = (event: TracerouteEvent) => void;

interface Pending {
  readonly ttl: number;
  readonly index: number;
  readonly sentNs: TimeNs;
  /** Echo sequence or UDP destination port of the probe. */
  readonly key: number;
  timer: Timer | null;
}

/** Linux traceroute's UDP probe data: bytes counting up from 0x40 ('@ABC…'). */
function buildUdpProbeData(dataBytes: number): Uint8Array {
  const data = new Uint8Array(dataBytes);
  for (let i = 0; i < dataBytes; i++) data[i] = 0x40 + (i & 0x3f);
  return data;
}

/** True when a hop ends the trace: the destination answered, or an unreachable came back. */
function hopEndsTrace(hop: TracerouteHop): boolean {
  return hop.probes.some((p) => (p.outcome.kind === 'reply' && p.outcome.reached) || p.outcome.kind === 'unreachable');
}

export class TracerouteSession {
  private readonly listeners: TracerouteListener[] = [];
  private readonly transport: ProbeTransport | undefined;
  private readonly hops: TracerouteHop[] = [];
  private currentProbes: TracerouteProbe[] = [];
  private pending: Pending | null = null;
  private readonly unlisten: (() => void) | null;
  private ttl: number;
  private index = 0;
  private probeCounter = 0;
  private firstSource: IpAddress | undefined;
  private isDone = false;
  private wasCancelled = false;
  private finalResult: TracerouteResult | undefined;
  readonly flavour: StackFlavour;
  readonly family: ProbeFamily;
  readonly method: TracerouteMethod;
  readonly probesPerHop: number;
  readonly maxHops: number;
  readonly timeoutNs: TimeNs;
  readonly basePort: number;
  readonly dataBytes: number;
  /** Echo identifier (ICMP probes) or UDP source port (UDP probes). */
  readonly identifier: number;
  readonly startedNs: TimeNs;

  constructor(
    readonly stack: NodeStack,
    readonly options: TracerouteOptions,
  ) {
    this.flavour = options.flavour ?? stack.flavour;
    const defaults = personalityOf(this.flavour).traceroute;
    this.family = familyOfAddress(options.destination);
    this.transport = selectProbeTransport(stack, this.family);
    this.method = options.method ?? defaults.method;
    this.probesPerHop = Math.max(1, options.probesPerHop ?? defaults.probesPerHop);
    this.maxHops = options.maxHops ?? defaults.maxHops;
    this.timeoutNs = options.timeoutNs ?? defaults.timeoutNs;
    this.basePort = options.basePort ?? defaults.basePort;
    this.dataBytes = defaults.dataBytes;
    this.ttl = Math.max(1, options.firstHop ?? 1);
    // UDP source ports from the dynamic range (RFC 6335), ICMP identifiers anywhere.
    const id = allocateProbeIdentifier(stack);
    this.identifier = this.method === 'udp' ? 49152 + (id % 16384) : id;
    this.startedNs = stack.context.nowNs();
    this.unlisten = this.transport === undefined ? null : this.transport.listen((report) => this.handleReport(report));
  }

  onEvent(listener: TracerouteListener): void {
    this.listeners.push(listener);
  }

  get done(): boolean {
    return this.isDone;
  }

  start(): this {
    if (this.transport === undefined || this.ttl > this.maxHops) this.finish();
    else this.sendProbe();
    return this;
  }

  /** Ctrl-C / Ctrl-Shift-6: stops now; the probes finished so far stay in the result. */
  cancel(): void {
    if (this.isDone) return;
    this.wasCancelled = true;
    this.pending?.timer?.cancel();
    this.pending = null;
    if (this.currentProbes.length > 0) this.hops.push({ ttl: this.ttl, probes: this.currentProbes });
    this.currentProbes = [];
    this.finish();
  }

  result(): TracerouteResult {
    if (this.finalResult !== undefined) return this.finalResult;
    const headerBytes = (this.transport?.headerBytes ?? (this.family === 'ipv4' ? 20 : 40)) + 8;
    const result: TracerouteResult = {
      family: this.family,
      flavour: this.flavour,
      method: this.method,
      destination: this.options.destination,
      ...(this.firstSource !== undefined && { source: this.firstSource }),
      maxHops: this.maxHops,
      probesPerHop: this.probesPerHop,
      timeoutNs: this.timeoutNs,
      packetBytes: headerBytes + this.dataBytes,
      hops: [...this.hops],
      reached: this.hops.some((hop) => hop.probes.some((p) => p.outcome.kind === 'reply' && p.outcome.reached)),
      startedNs: this.startedNs,
      endedNs: this.stack.context.nowNs(),
      cancelled: this.wasCancelled,
      ...(this.transport === undefined && { familyUnavailable: true }),
    };
    if (this.isDone) this.finalResult = result;
    return result;
  }

  private sendProbe(): void {
    const transport = this.transport!;
    const now = this.stack.context.nowNs();
    const ttl = this.ttl;
    const index = this.index;
    const counter = this.probeCounter++;
    let key: number;
    let sent;
    const common = {
      destination: this.options.destination,
      hopLimit: ttl,
      ...(this.options.source !== undefined && { source: this.options.source }),
      ...(this.options.iface !== undefined && { iface: this.options.iface }),
    };
    if (this.method === 'icmp-echo') {
      key = (counter + 1) & 0xffff;
      sent = transport.sendEchoRequest({ ...common, identifier: this.identifier, sequence: key, data: new Uint8Array(this.dataBytes) });
    } else {
      key = (this.basePort + counter) & 0xffff;
      sent = transport.sendUdp({ ...common, sourcePort: this.identifier, destinationPort: key, data: buildUdpProbeData(this.dataBytes) });
    }
    if (!sent.ok) {
      this.record({ ttl, index, sentNs: now, outcome: { kind: 'send-failed', reason: sent.reason } });
      // Nothing will ever answer: no route is no route at every TTL.
      this.hops.push({ ttl, probes: this.currentProbes });
      this.emit({ kind: 'hop', hop: { ttl, probes: this.currentProbes } });
      this.currentProbes = [];
      this.finish();
      return;
    }
    if (this.firstSource === undefined) this.firstSource = sent.source;
    const pending: Pending = { ttl, index, sentNs: now, key, timer: null };
    pending.timer = this.stack.context.setTimer(this.timeoutNs, () => {
      pending.timer = null;
      if (this.pending !== pending) return;
      this.pending = null;
      this.record({ ttl, index, sentNs: now, outcome: { kind: 'timeout' } });
      this.advance();
    });
    this.pending = pending;
    this.emit({ kind: 'sent', ttl, index, timeNs: now });
  }

  private handleReport(report: IcmpReport): void {
    const pending = this.pending;
    if (this.isDone || pending === null) return;
    const now = this.stack.context.nowNs();
    const rttNs = now - pending.sentNs;
    let outcome: TracerouteProbeOutcome;
    if (report.kind === 'echo-reply') {
      if (this.method !== 'icmp-echo' || report.identifier !== this.identifier || report.sequence !== pending.key) return;
      outcome = { kind: 'reply', from: report.from, rttNs, reached: true, hopLimit: report.hopLimit };
    } else {
      const quoted = report.quoted;
      const ours =
        this.method === 'icmp-echo'
          ? quoted.identifier === this.identifier && quoted.sequence === pending.key
          : quoted.sourcePort === this.identifier && quoted.destinationPort === pending.key;
      if (!ours) return;
      if (report.kind === 'time-exceeded') outcome = { kind: 'reply', from: report.from, rttNs, reached: false, hopLimit: report.hopLimit };
      else if (report.kind === 'unreachable' && report.reason === 'port' && this.method === 'udp') {
        outcome = { kind: 'reply', from: report.from, rttNs, reached: true, hopLimit: report.hopLimit };
      } else if (report.kind === 'unreachable') outcome = { kind: 'unreachable', from: report.from, rttNs, code: report.code, reason: report.reason };
      else return; // packet too big: small probes never meet it; let the probe time out
    }
    pending.timer?.cancel();
    this.pending = null;
    this.record({ ttl: pending.ttl, index: pending.index, sentNs: pending.sentNs, outcome });
    this.advance();
  }

  private record(probe: TracerouteProbe): void {
    this.currentProbes.push(probe);
    this.emit({ kind: 'probe', probe });
  }

  /** After a probe: the next probe of the hop, the next hop, or the end. */
  private advance(): void {
    if (this.currentProbes.length < this.probesPerHop) {
      this.index++;
      this.sendProbe();
      return;
    }
    const hop: TracerouteHop = { ttl: this.ttl, probes: this.currentProbes };
    this.hops.push(hop);
    this.currentProbes = [];
    this.emit({ kind: 'hop', hop });
    if (hopEndsTrace(hop) || this.ttl >= this.maxHops) {
      this.finish();
      return;
    }
    this.ttl++;
    this.index = 0;
    this.sendProbe();
  }

  private finish(): void {
    if (this.isDone) return;
    this.isDone = true;
    this.unlisten?.();
    this.emit({ kind: 'done', result: this.result() });
  }

  private emit(event: TracerouteEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Starts a traceroute from `stack` (the first probe leaves now); run the simulation until `done`. */
export function startTraceroute(stack: NodeStack, options: TracerouteOptions, listener?: TracerouteListener): TracerouteSession {
  const session = new TracerouteSession(stack, options);
  if (listener !== undefined) session.onEvent(listener);
  return session.start();
}
