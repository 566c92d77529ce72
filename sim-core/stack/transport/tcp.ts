/**
 * TCP for one device (RFC 9293) over both IP families, behind the socket interface of
 * socket.ts (`StreamTransport`: listen/connect; `StreamSocket`: send/shutdown/close/abort and
 * events).
 *
 * Follows: the connection states of section 3.3.2 and the event processing of section 3.10
 * (OPEN, SEND, CLOSE, ABORT; SEGMENT ARRIVES in each state, the sequence-number acceptability
 * test of section 3.4 and 3.10.7.4, RST generation for closed ports and unacceptable ACKs of
 * section 3.10.7.1, the RST and SYN checks of RFC 5961 with challenge ACKs); the MSS option
 * sent with every SYN from the exit interface's MTU (MTU - 40 over IPv4, MTU - 60 over IPv6,
 * section 3.7.1) and the peer's honoured, 536 / 1220 bytes when it sent none; the send
 * window from the peer's advertised window with the SND.WL1/WL2 update rule; retransmission
 * with the RFC 6298 timer (SRTT/RTTVAR from RTT samples of segments sent once, Karn's
 * algorithm; RTO doubling on each expiry up to the personality's maximum, section 5.5), SYN
 * and data retry limits (connect fails with `timed-out`); FIN and half-close (a socket that
 * shut down still receives); TIME-WAIT for 2 MSL (the personality's) on the side that closed
 * first. Initial sequence numbers come from the device's seeded stream (`tcp-isn`).
 * ICMP errors about a segment (RFC 9293 section 3.9 and RFC 5461): a destination unreachable
 * aborts a connection still opening (port or protocol unreachable: `connection-refused`; net:
 * `network-unreachable`; host, address, prohibited: `host-unreachable`) and is ignored as a soft
 * error by a synchronized one; ICMPv6 Packet Too Big and ICMP fragmentation needed (IPv4
 * segments carry DF: path MTU discovery, RFC 1191 and RFC 8201) lower the connection's MSS to
 * the reported MTU and retransmit at once.
 * Segments past RCV.NXT are held and delivered once the hole before them is filled.
 * Leaves out: congestion control (RFC 5681: segments go out as the peer's window allows),
 * fast retransmit, delayed ACKs, Nagle, window scaling, SACK, timestamps,
 * urgent data, keep-alives, listen backlogs, ICMP source quench (RFC 6633).
 */
import { readIpv4, type Ipv4Address } from '../../addr/ipv4';
import { readIpv6, type Ipv6Address } from '../../addr/ipv6';
import type { SeededRandom } from '../../engine/random';
import type { Timer } from '../../engine/simulator';
import { NS_PER_MS, type TimeNs } from '../../engine/time';
import { IP_PROTOCOL_TCP } from '../../wire/protocol-numbers';
import { decodeTcp, encodeTcp, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, type TcpOption, type TcpSegment } from '../../wire/tcp';
import { ICMPV4 } from '../icmpv4';
import { IPV4, type Ipv4Layer } from '../ipv4-layer';
import { ICMPV6 } from '../ipv6/icmpv6-module';
import { IPV6, type Ipv6Layer } from '../ipv6/ipv6-layer';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import type { TcpSettings } from '../personality';
import { EphemeralPorts } from './ephemeral-ports';
import { selectIpv4Source, sendSegmentIpv4, sendSegmentIpv6 } from './ip-endpoint';
import type { ListeningSocket, LocalEndpoint, SocketError, StreamEvent, StreamSocket, StreamState, StreamTransport, TransportAddress, TransportEndpoint, TransportSendOptions } from './socket';

export const TCP = new DataKey<TcpModule>('TCP');

/** RFC 9293 section 3.7.1: the MSS assumed when the peer sends none. */
const DEFAULT_MSS_IPV4 = 536;
const DEFAULT_MSS_IPV6 = 1220;
const IPV4_AND_TCP_HEADERS = 40;
const IPV6_AND_TCP_HEADERS = 60;
const NO_OPTIONS: readonly TcpOption[] = Object.freeze([]);
const EMPTY = new Uint8Array(0);

// ---- sequence arithmetic (modulo 2^32, RFC 9293 section 3.4) ----

function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}
function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}
function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}
function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

function isIpv6(address: TransportAddress): address is Ipv6Address {
  return typeof address === 'bigint';
}

/** The connection a quoted IP packet (an ICMP error's payload) belongs to, when it quotes TCP. */
interface QuotedSegment {
  readonly source: TransportAddress;
  readonly destination: TransportAddress;
  readonly sourcePort: number;
  readonly destinationPort: number;
}

function readQuotedSegment(quote: Uint8Array): QuotedSegment | undefined {
  const version = quote.length > 0 ? quote[0]! >>> 4 : 0;
  if (version === 4 && quote.length >= 20) {
    const headerLength = (quote[0]! & 0x0f) * 4;
    if (quote[9] !== IP_PROTOCOL_TCP || quote.length < headerLength + 4) return undefined;
    return { source: readIpv4(quote, 12), destination: readIpv4(quote, 16), sourcePort: (quote[headerLength]! << 8) | quote[headerLength + 1]!, destinationPort: (quote[headerLength + 2]! << 8) | quote[headerLength + 3]! };
  }
  // IPv6: segments are sent without extension headers, so TCP follows the fixed header.
  if (version === 6 && quote.length >= 44 && quote[6] === IP_PROTOCOL_TCP) {
    return { source: readIpv6(quote, 8), destination: readIpv6(quote, 24), sourcePort: (quote[40]! << 8) | quote[41]!, destinationPort: (quote[42]! << 8) | quote[43]! };
  }
  return undefined;
}

/** ICMPv4 type 3 codes as socket errors (RFC 1122 section 3.2.2.1, RFC 1812 section 5.2.7.1). */
function ipv4UnreachableError(code: number): SocketError {
  if (code === 2 || code === 3) return 'connection-refused';
  if (code === 0 || code === 6 || code === 11) return 'network-unreachable';
  return 'host-unreachable';
}

/** ICMPv6 Destination Unreachable codes as socket errors (RFC 4443 section 3.1). */
function ipv6UnreachableError(code: number): SocketError {
  if (code === 4) return 'connection-refused';
  if (code === 0) return 'network-unreachable';
  return 'host-unreachable';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A segment as it arrived, with its addresses. */
interface Arrival {
  readonly segment: TcpSegment;
  readonly source: TransportAddress;
  readonly destination: TransportAddress;
  readonly iface: NetInterface;
  readonly raw: Uint8Array;
}

/** One row of the connection table (`ss -tan`, `netstat -an`, `show tcp brief`). */
export interface TcpConnectionView {
  readonly state: StreamState;
  readonly local: { readonly address: TransportAddress | undefined; readonly port: number };
  readonly remote: TransportEndpoint | undefined;
  readonly sendQueueBytes: number;
}

export class TcpConnection implements StreamSocket {
  state: StreamState = 'CLOSED';
  local: TransportEndpoint | undefined;
  // RFC 9293 section 3.3.1 send and receive sequence variables.
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  /** The highest sequence number sent (SND.NXT moves back to SND.UNA on a retransmission timeout). */
  sndMax = 0;
  sndWnd = 0;
  sndWl1 = 0;
  sndWl2 = 0;
  irs = 0;
  rcvNxt = 0;
  readonly rcvWnd: number;
  /** The MSS this side sends with (the smaller of the peer's and the exit MTU's). */
  sendMss: number;
  /** Bytes from SND.UNA on: sent but unacknowledged, then not yet sent. */
  private buffer: Uint8Array = EMPTY;
  private finQueued = false;
  private finSent = false;
  /** The sequence number of our FIN, once sent. */
  private finSeq: number | null = null;
  /** Segments received beyond RCV.NXT, by sequence number, waiting for the hole before them. */
  private readonly outOfOrder = new Map<number, Uint8Array>();
  /** RFC 6298 state. */
  private srttMs: number | undefined;
  private rttvarMs = 0;
  rtoMs: number;
  private retransmitTimer: Timer | null = null;
  private retries = 0;
  /** The segment being timed (Karn: only one sent once): its end sequence and send time. */
  private timing: { readonly endSeq: number; readonly sentNs: TimeNs } | null = null;
  private timeWaitTimer: Timer | null = null;
  private listeners: ((event: StreamEvent) => void)[] = [];
  /** The listener that accepted it (SYN-RECEIVED → ESTABLISHED hands it over). */
  listener: TcpListener | null = null;
  readonly counters = { segmentsSent: 0, segmentsReceived: 0, retransmissions: 0 };

  constructor(
    private readonly tcp: TcpModule,
    readonly remote: TransportEndpoint,
    private readonly options: TransportSendOptions,
  ) {
    this.rcvWnd = Math.min(0xffff, tcp.settings.receiveWindowBytes);
    this.rtoMs = tcp.settings.initialRtoMs;
    this.sendMss = isIpv6(remote.address) ? DEFAULT_MSS_IPV6 : DEFAULT_MSS_IPV4;
  }

  // ---- user calls (RFC 9293 section 3.10) ----

  send(data: Uint8Array): number | SocketError {
    switch (this.state) {
      case 'CLOSED':
        return 'closed';
      case 'LISTEN':
        return 'not-connected';
      case 'FIN-WAIT-1':
      case 'FIN-WAIT-2':
      case 'CLOSING':
      case 'LAST-ACK':
      case 'TIME-WAIT':
        return 'closed';
      default:
        break;
    }
    if (this.finQueued) return 'closed';
    this.buffer = concat(this.buffer, data);
    if (this.state === 'ESTABLISHED' || this.state === 'CLOSE-WAIT') this.output();
    return data.length;
  }

  shutdown(): void {
    switch (this.state) {
      case 'SYN-SENT':
        return this.terminate(null);
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.finQueued = true;
        this.state = 'FIN-WAIT-1';
        return this.output();
      case 'CLOSE-WAIT':
        this.finQueued = true;
        this.state = 'LAST-ACK';
        return this.output();
      default:
        return;
    }
  }

  close(): void {
    this.shutdown();
  }

  abort(): void {
    if (this.state === 'CLOSED') return;
    const synchronized = this.state !== 'SYN-SENT' && this.state !== 'LISTEN';
    if (synchronized && this.state !== 'TIME-WAIT') this.transmit(this.sndNxt, 0, TCP_RST, EMPTY, NO_OPTIONS);
    this.terminate(null);
  }

  on(listener: (event: StreamEvent) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Bytes queued and not yet acknowledged. */
  get sendQueueBytes(): number {
    return this.buffer.length;
  }

  // ---- opening ----

  /** Active OPEN: sends SYN (with MSS) and enters SYN-SENT. */
  openActive(local: TransportEndpoint): void {
    this.local = local;
    this.iss = this.tcp.initialSequenceNumber();
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.sndMax = this.sndNxt;
    this.state = 'SYN-SENT';
    this.sendSyn(false);
  }

  /** A SYN arrived for a listener: SYN-RECEIVED, SYN-ACK sent (section 3.10.7.2). */
  openPassive(local: TransportEndpoint, arrival: Arrival, listener: TcpListener): void {
    this.local = local;
    this.listener = listener;
    const segment = arrival.segment;
    this.irs = segment.sequenceNumber;
    this.rcvNxt = seqAdd(segment.sequenceNumber, 1);
    this.takePeerMss(segment);
    this.iss = this.tcp.initialSequenceNumber();
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.sndMax = this.sndNxt;
    this.sndWnd = segment.window;
    this.sndWl1 = segment.sequenceNumber;
    this.sndWl2 = this.iss;
    this.state = 'SYN-RECEIVED';
    this.sendSyn(true);
  }

  // ---- segment arrives (RFC 9293 section 3.10.7.3 and 3.10.7.4) ----

  receive(arrival: Arrival): void {
    this.counters.segmentsReceived++;
    const segment = arrival.segment;
    const flags = segment.flags;
    if (this.state === 'SYN-SENT') return this.receiveInSynSent(segment);
    const sentBefore = this.counters.segmentsSent;
    const length = segment.payload.length + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0);
    // First: sequence acceptability (section 3.10.7.4, the four cases of the table).
    if (!this.acceptable(segment.sequenceNumber, length)) {
      if (flags & TCP_RST) return;
      if (this.state === 'TIME-WAIT' && flags & TCP_FIN) this.restartTimeWait();
      return this.sendAck();
    }
    // Second: RST (RFC 5961 section 3.2: only an exact match resets; others get a challenge ACK).
    if (flags & TCP_RST) {
      if (segment.sequenceNumber !== this.rcvNxt) return this.sendAck();
      if (this.state === 'SYN-RECEIVED' && this.listener !== null) return this.terminate(null, false);
      return this.terminate(this.state === 'CLOSE-WAIT' || this.state === 'ESTABLISHED' || this.state === 'FIN-WAIT-1' || this.state === 'FIN-WAIT-2' ? 'connection-reset' : null);
    }
    // Fourth: a SYN in a synchronized state (RFC 5961 section 4.2: challenge ACK).
    if (flags & TCP_SYN) return this.sendAck();
    // Fifth: ACK.
    if (!(flags & TCP_ACK)) return;
    if (!this.processAck(segment)) return;
    if (this.state === 'CLOSED') return;
    // Seventh: segment text (section 3.10.7.4): bytes already received are trimmed, in-order bytes
    // delivered with whatever waited behind them, later ones held until the hole is filled.
    let acknowledge = false;
    if (segment.payload.length > 0 && (this.state === 'ESTABLISHED' || this.state === 'FIN-WAIT-1' || this.state === 'FIN-WAIT-2')) {
      this.receiveText(segment.sequenceNumber, segment.payload);
      acknowledge = true;
    }
    // Eighth: FIN, in order.
    if (flags & TCP_FIN && seqAdd(segment.sequenceNumber, segment.payload.length) === this.rcvNxt) {
      this.rcvNxt = seqAdd(this.rcvNxt, 1);
      acknowledge = true;
      switch (this.state) {
        case 'SYN-RECEIVED':
        case 'ESTABLISHED':
          this.state = 'CLOSE-WAIT';
          this.emit({ kind: 'peer-closed' });
          break;
        case 'FIN-WAIT-1':
          // Our FIN not yet acknowledged (else processAck moved us to FIN-WAIT-2): simultaneous close.
          this.state = 'CLOSING';
          this.emit({ kind: 'peer-closed' });
          break;
        case 'FIN-WAIT-2':
          this.emit({ kind: 'peer-closed' });
          this.enterTimeWait();
          break;
        case 'TIME-WAIT':
          this.restartTimeWait();
          break;
        default:
          break;
      }
    } else if (flags & TCP_FIN) acknowledge = true;
    // A segment sent meanwhile (the application answered at once) already carries this ACK.
    if (acknowledge && this.counters.segmentsSent === sentBefore) this.sendAck();
  }

  private receiveText(sequence: number, payload: Uint8Array): void {
    let seq = sequence;
    let data = payload;
    if (seqLt(seq, this.rcvNxt)) {
      const seen = seqDiff(this.rcvNxt, seq);
      if (seen >= data.length) return;
      data = data.subarray(seen);
      seq = this.rcvNxt;
    }
    if (seq !== this.rcvNxt) {
      const held = this.outOfOrder.get(seq);
      if (held === undefined || held.length < data.length) this.outOfOrder.set(seq, data.slice());
      return;
    }
    this.rcvNxt = seqAdd(this.rcvNxt, data.length);
    this.emit({ kind: 'data', data: data.slice() });
    while (this.outOfOrder.size > 0) {
      let next: [number, Uint8Array] | undefined;
      for (const entry of this.outOfOrder) {
        if (seqLe(entry[0], this.rcvNxt)) {
          next = entry;
          break;
        }
      }
      if (next === undefined) return;
      this.outOfOrder.delete(next[0]);
      const seen = seqDiff(this.rcvNxt, next[0]);
      if (seen >= next[1].length) continue;
      const fresh = next[1].subarray(seen);
      this.rcvNxt = seqAdd(this.rcvNxt, fresh.length);
      this.emit({ kind: 'data', data: fresh });
    }
  }

  private receiveInSynSent(segment: TcpSegment): void {
    const flags = segment.flags;
    if (flags & TCP_ACK && (seqLe(segment.acknowledgmentNumber, this.iss) || seqLt(this.sndNxt, segment.acknowledgmentNumber))) {
      if (!(flags & TCP_RST)) this.transmit(segment.acknowledgmentNumber, 0, TCP_RST, EMPTY, NO_OPTIONS);
      return;
    }
    if (flags & TCP_RST) {
      // Section 3.10.7.3: an RST with an acceptable ACK: "error: connection reset" (the OSes say "refused").
      if (flags & TCP_ACK) this.terminate('connection-refused');
      return;
    }
    if (!(flags & TCP_SYN)) return;
    this.irs = segment.sequenceNumber;
    this.rcvNxt = seqAdd(segment.sequenceNumber, 1);
    this.takePeerMss(segment);
    if (flags & TCP_ACK) {
      this.sndUna = segment.acknowledgmentNumber;
      this.sampleRtt(segment.acknowledgmentNumber);
      this.stopRetransmitTimer();
      this.retries = 0;
      this.sndWnd = segment.window;
      this.sndWl1 = segment.sequenceNumber;
      this.sndWl2 = segment.acknowledgmentNumber;
      this.state = 'ESTABLISHED';
      this.sendAck();
      this.emit({ kind: 'connected' });
      this.output();
      return;
    }
    // Simultaneous open.
    this.state = 'SYN-RECEIVED';
    this.sendSyn(true);
  }

  /** Section 3.10.7.4 "fifth": returns false when the segment must be dropped. */
  private processAck(segment: TcpSegment): boolean {
    const ack = segment.acknowledgmentNumber;
    if (this.state === 'SYN-RECEIVED') {
      if (!(seqLt(this.sndUna, ack) && seqLe(ack, this.sndNxt))) {
        this.transmit(ack, 0, TCP_RST, EMPTY, NO_OPTIONS);
        return false;
      }
      this.state = 'ESTABLISHED';
      this.sndWnd = segment.window;
      this.sndWl1 = segment.sequenceNumber;
      this.sndWl2 = ack;
      this.acknowledge(ack);
      this.emit({ kind: 'connected' });
      const listener = this.listener;
      this.listener = null;
      listener?.accept(this);
      return (this.state as StreamState) !== 'CLOSED';
    }
    if (seqLt(this.sndMax, ack)) {
      // An ACK for something not yet sent: acknowledge and drop.
      this.sendAck();
      return false;
    }
    if (seqLt(this.sndUna, ack)) this.acknowledge(ack);
    // Window update (SND.WL1/WL2 rule): from a newer segment, or the same one with a newer ACK.
    if (seqLt(this.sndWl1, segment.sequenceNumber) || (this.sndWl1 === segment.sequenceNumber && seqLe(this.sndWl2, ack))) {
      this.sndWnd = segment.window;
      this.sndWl1 = segment.sequenceNumber;
      this.sndWl2 = ack;
    }
    const finAcked = this.finSeq !== null && seqLt(this.finSeq, ack);
    switch (this.state) {
      case 'FIN-WAIT-1':
        if (finAcked) this.state = 'FIN-WAIT-2';
        break;
      case 'CLOSING':
        if (finAcked) this.enterTimeWait();
        break;
      case 'LAST-ACK':
        if (finAcked) {
          this.terminate(null);
          return false;
        }
        break;
      default:
        break;
    }
    this.output();
    return true;
  }

  /** SND.UNA advances to `ack`: acknowledged bytes leave the buffer; the timer restarts or stops (RFC 6298 5.2, 5.3). */
  private acknowledge(ack: number): void {
    let advanced = seqDiff(ack, this.sndUna);
    if (this.sndUna === this.iss && advanced > 0) advanced--; // the SYN's sequence number
    const dataAcked = Math.min(advanced, this.buffer.length);
    this.buffer = this.buffer.subarray(dataAcked);
    this.sndUna = ack;
    // A late ACK for what was sent before a go-back retransmission.
    if (seqLt(this.sndNxt, ack)) this.sndNxt = ack;
    if (this.finSeq !== null && seqLt(this.finSeq, ack)) this.finSent = true;
    this.sampleRtt(ack);
    this.retries = 0;
    if (this.sndUna === this.sndNxt) this.stopRetransmitTimer();
    else this.startRetransmitTimer();
  }

  private acceptable(sequence: number, length: number): boolean {
    const window = this.rcvWnd;
    const inWindow = (seq: number): boolean => seqLe(this.rcvNxt, seq) && seqLt(seq, seqAdd(this.rcvNxt, window));
    if (length === 0) return window === 0 ? sequence === this.rcvNxt : inWindow(sequence);
    if (window === 0) return false;
    return inWindow(sequence) || inWindow(seqAdd(sequence, length - 1));
  }

  // ---- sending ----

  /** Sends what the peer's window allows, then the FIN once all data went (section 3.10.4, 3.10.5). */
  private output(): void {
    if (this.state === 'CLOSED' || this.state === 'SYN-SENT' || this.state === 'SYN-RECEIVED' || this.state === 'LISTEN') return;
    for (;;) {
      const sentData = Math.min(seqDiff(this.sndNxt, this.sndUna), this.buffer.length);
      const unsent = this.buffer.length - sentData;
      const inFlight = seqDiff(this.sndNxt, this.sndUna);
      const room = this.sndWnd - inFlight;
      if (unsent > 0 && room > 0) {
        const size = Math.min(unsent, room, this.sendMss);
        const data = this.buffer.subarray(sentData, sentData + size);
        const last = size === unsent;
        const fin = last && this.finQueued && !this.finSent;
        this.transmit(this.sndNxt, this.rcvNxt, TCP_ACK | (last ? TCP_PSH : 0) | (fin ? TCP_FIN : 0), data, NO_OPTIONS);
        if (this.timing === null && this.retries === 0) this.timing = { endSeq: seqAdd(this.sndNxt, size), sentNs: this.tcp.stack.context.nowNs() };
        if (fin) {
          this.finSeq = seqAdd(this.sndNxt, size);
          this.finSent = true;
        }
        this.sndNxt = seqAdd(this.sndNxt, size + (fin ? 1 : 0));
        this.noteSent();
        this.startRetransmitTimerIfIdle();
        continue;
      }
      if (unsent === 0 && this.finQueued && !this.finSent) {
        this.transmit(this.sndNxt, this.rcvNxt, TCP_ACK | TCP_FIN, EMPTY, NO_OPTIONS);
        this.finSeq = this.sndNxt;
        this.sndNxt = seqAdd(this.sndNxt, 1);
        this.finSent = true;
        this.noteSent();
        this.startRetransmitTimerIfIdle();
      }
      return;
    }
  }

  private noteSent(): void {
    if (seqLt(this.sndMax, this.sndNxt)) this.sndMax = this.sndNxt;
  }

  private sendSyn(withAck: boolean): void {
    const mss = this.tcp.mssFor(this.remote.address, this.options.iface);
    if (this.retries === 0) this.timing = { endSeq: seqAdd(this.iss, 1), sentNs: this.tcp.stack.context.nowNs() };
    this.transmit(this.iss, withAck ? this.rcvNxt : 0, withAck ? TCP_SYN | TCP_ACK : TCP_SYN, EMPTY, [{ kind: 'mss', maxSegmentSize: mss }]);
    this.startRetransmitTimerIfIdle();
  }

  private sendAck(): void {
    this.transmit(this.sndNxt, this.rcvNxt, TCP_ACK, EMPTY, NO_OPTIONS);
  }

  private transmit(sequence: number, ack: number, flags: number, payload: Uint8Array, options: readonly TcpOption[]): void {
    this.counters.segmentsSent++;
    this.tcp.sendSegment(this.local!, this.remote, { sourcePort: this.local!.port, destinationPort: this.remote.port, sequenceNumber: sequence, acknowledgmentNumber: ack, flags, window: this.rcvWnd, urgentPointer: 0, options, payload }, this.options);
  }

  private takePeerMss(segment: TcpSegment): void {
    const option = segment.options.find((o) => o.kind === 'mss');
    const peer = option?.kind === 'mss' ? option.maxSegmentSize : isIpv6(this.remote.address) ? DEFAULT_MSS_IPV6 : DEFAULT_MSS_IPV4;
    this.sendMss = Math.max(1, Math.min(peer, this.tcp.mssFor(this.remote.address, this.options.iface)));
  }

  // ---- ICMP errors ----

  /** A destination unreachable about this connection: hard while opening, soft afterwards (RFC 5461 section 4). */
  handleUnreachable(error: SocketError): void {
    if (this.state === 'SYN-SENT' || (this.state === 'SYN-RECEIVED' && this.listener === null)) this.terminate(error);
  }

  /** Path MTU discovery: a smaller MTU lowers the MSS; what was in flight goes again at once. */
  handlePathMtu(mtuBytes: number): void {
    const mss = mtuBytes - (isIpv6(this.remote.address) ? IPV6_AND_TCP_HEADERS : IPV4_AND_TCP_HEADERS);
    if (mss <= 0 || mss >= this.sendMss) return;
    this.sendMss = mss;
    if (this.state === 'SYN-SENT' || this.state === 'SYN-RECEIVED' || this.sndUna === this.sndNxt) return;
    this.timing = null;
    this.sndNxt = this.sndUna;
    this.finSent = false;
    this.output();
    this.startRetransmitTimer();
  }

  // ---- RFC 6298 timer ----

  private sampleRtt(ack: number): void {
    const timing = this.timing;
    if (timing === null || seqLt(ack, timing.endSeq)) return;
    this.timing = null;
    const rttMs = (this.tcp.stack.context.nowNs() - timing.sentNs) / NS_PER_MS;
    if (this.srttMs === undefined) {
      // Section 2.2: the first measurement.
      this.srttMs = rttMs;
      this.rttvarMs = rttMs / 2;
    } else {
      // Section 2.3: alpha 1/8, beta 1/4.
      this.rttvarMs = 0.75 * this.rttvarMs + 0.25 * Math.abs(this.srttMs - rttMs);
      this.srttMs = 0.875 * this.srttMs + 0.125 * rttMs;
    }
    const settings = this.tcp.settings;
    this.rtoMs = Math.min(settings.maxRtoMs, Math.max(settings.minRtoMs, this.srttMs + Math.max(1, 4 * this.rttvarMs)));
  }

  private startRetransmitTimerIfIdle(): void {
    if (this.retransmitTimer === null) this.startRetransmitTimer();
  }

  private startRetransmitTimer(): void {
    this.retransmitTimer?.cancel();
    this.retransmitTimer = this.tcp.stack.context.setTimer(Math.round(this.rtoMs * NS_PER_MS), () => this.onRetransmitTimeout());
  }

  private stopRetransmitTimer(): void {
    this.retransmitTimer?.cancel();
    this.retransmitTimer = null;
  }

  /**
   * Section 5.4-5.6: back the timer off and retransmit from SND.UNA (go-back-N: what was in
   * flight is sent again as the window allows, the FIN too), then restart the timer.
   */
  private onRetransmitTimeout(): void {
    this.retransmitTimer = null;
    if (this.state === 'CLOSED' || this.sndUna === this.sndNxt) return;
    const synState = this.state === 'SYN-SENT' || this.state === 'SYN-RECEIVED';
    const limit = synState ? this.tcp.settings.synRetries : this.tcp.settings.dataRetries;
    if (this.retries >= limit) return this.terminate('timed-out');
    this.retries++;
    this.counters.retransmissions++;
    this.timing = null; // Karn: no sample from a retransmitted segment
    this.rtoMs = Math.min(this.tcp.settings.maxRtoMs, this.rtoMs * 2);
    if (synState) {
      this.retransmitTimer = null;
      this.sendSyn(this.state === 'SYN-RECEIVED');
      return;
    }
    this.sndNxt = this.sndUna;
    this.finSent = false;
    this.output();
    this.startRetransmitTimer();
  }

  // ---- closing ----

  private enterTimeWait(): void {
    this.state = 'TIME-WAIT';
    this.stopRetransmitTimer();
    this.restartTimeWait();
  }

  private restartTimeWait(): void {
    this.timeWaitTimer?.cancel();
    this.timeWaitTimer = this.tcp.stack.context.setTimer(this.tcp.settings.timeWaitS * 1e9, () => this.terminate(null));
  }

  /** Goes to CLOSED, leaves the connection table and tells the user (with `error` when it failed). */
  terminate(error: SocketError | null, tell = true): void {
    if (this.state === 'CLOSED') return;
    this.state = 'CLOSED';
    this.stopRetransmitTimer();
    this.timeWaitTimer?.cancel();
    this.timeWaitTimer = null;
    this.buffer = EMPTY;
    this.tcp.forget(this);
    if (!tell) return;
    if (error !== null) this.emit({ kind: 'error', error });
    this.emit({ kind: 'closed' });
  }

  private emit(event: StreamEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export class TcpListener implements ListeningSocket {
  private listeners: ((socket: StreamSocket) => void)[] = [];
  closed = false;

  constructor(
    private readonly tcp: TcpModule,
    readonly local: { readonly address: TransportAddress | undefined; readonly port: number },
  ) {}

  onAccept(listener: (socket: StreamSocket) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.tcp.unlisten(this);
  }

  accept(connection: TcpConnection): void {
    for (const listener of this.listeners) listener(connection);
  }
}

function connectionKey(localAddress: TransportAddress, localPort: number, remote: TransportEndpoint): string {
  return `${localAddress}|${localPort}|${remote.address}|${remote.port}`;
}

export class TcpModule implements StreamTransport {
  readonly settings: TcpSettings;
  private readonly connections = new Map<string, TcpConnection>();
  private readonly listenersByPort = new Map<number, TcpListener[]>();
  private ipv4: Ipv4Layer | null = null;
  private ipv6: Ipv6Layer | null = null;
  private readonly isnRandom: SeededRandom;
  private ephemeral: EphemeralPorts | null = null;
  readonly counters = { received: 0, badChecksum: 0, resetsSent: 0, noListener: 0 };

  constructor(readonly stack: NodeStack) {
    this.settings = stack.personality.tcp;
    this.isnRandom = stack.context.random.derive('tcp-isn');
    const ipv4: Ipv4Layer | undefined = stack.find(IPV4);
    if (ipv4 !== undefined) {
      this.ipv4 = ipv4;
      ipv4.protocols.register(IP_PROTOCOL_TCP, (packet, iface, raw) => this.receive(packet.payload, packet.source, packet.destination, iface, raw));
    }
    const ipv6 = stack.find(IPV6);
    if (ipv6 !== undefined) {
      this.ipv6 = ipv6;
      ipv6.protocols.register(IP_PROTOCOL_TCP, (datagram, iface, raw) => this.receive(datagram.payload, datagram.source, datagram.destination, iface, raw));
    }
    stack.find(ICMPV4)?.addListener((message) => {
      if (message.kind !== 'destination-unreachable') return;
      const connection = this.connectionQuoted(message.payload);
      if (connection === undefined) return;
      if (message.code === 4) connection.handlePathMtu(message.nextHopMtu);
      else connection.handleUnreachable(ipv4UnreachableError(message.code));
    });
    stack.find(ICMPV6)?.addListener((message) => {
      if (message.kind === 'packet-too-big') this.connectionQuoted(message.payload)?.handlePathMtu(message.mtu);
      else if (message.kind === 'destination-unreachable') this.connectionQuoted(message.payload)?.handleUnreachable(ipv6UnreachableError(message.code));
    });
    stack.provide(TCP, this);
  }

  /** The connection whose segment an ICMP error quotes. */
  private connectionQuoted(quote: Uint8Array): TcpConnection | undefined {
    const quoted = readQuotedSegment(quote);
    if (quoted === undefined) return undefined;
    return this.connections.get(connectionKey(quoted.source, quoted.sourcePort, { address: quoted.destination, port: quoted.destinationPort }));
  }

  // ---- StreamTransport ----

  listen(local: LocalEndpoint & { readonly port: number }): TcpListener | SocketError {
    if (!(Number.isInteger(local.port) && local.port >= 1 && local.port <= 0xffff)) return 'invalid-argument';
    const existing = this.listenersByPort.get(local.port) ?? [];
    if (existing.some((other) => other.local.address === undefined || local.address === undefined || other.local.address === local.address)) return 'address-in-use';
    const listener = new TcpListener(this, { address: local.address, port: local.port });
    this.listenersByPort.set(local.port, [...existing, listener]);
    return listener;
  }

  connect(remote: TransportEndpoint, options: { readonly local?: LocalEndpoint } & TransportSendOptions = {}): TcpConnection | SocketError {
    if (!(remote.port >= 1 && remote.port <= 0xffff)) return 'invalid-argument';
    const address = options.local?.address ?? this.sourceFor(remote.address, options.iface);
    if (address === undefined) return 'network-unreachable';
    let port = options.local?.port ?? 0;
    if (port === 0) {
      const allocated = this.ephemeralPorts().allocate((candidate) => this.connections.has(connectionKey(address, candidate, remote)) || this.listenersByPort.has(candidate));
      if (allocated === undefined) return 'no-ephemeral-port';
      port = allocated;
    } else if (this.connections.has(connectionKey(address, port, remote))) return 'address-in-use';
    const connection = new TcpConnection(this, remote, { ...(options.iface !== undefined && { iface: options.iface }) });
    this.connections.set(connectionKey(address, port, remote), connection);
    connection.openActive({ address, port });
    return connection;
  }

  /** The connection table, listeners first (`ss -tan`). */
  table(): TcpConnectionView[] {
    const rows: TcpConnectionView[] = [];
    for (const listeners of this.listenersByPort.values()) for (const l of listeners) rows.push({ state: 'LISTEN', local: l.local, remote: undefined, sendQueueBytes: 0 });
    for (const c of this.connections.values()) rows.push({ state: c.state, local: c.local!, remote: c.remote, sendQueueBytes: c.sendQueueBytes });
    return rows;
  }

  // ---- for connections ----

  initialSequenceNumber(): number {
    return this.isnRandom.nextUint32();
  }

  /** The MSS to announce toward `destination`: the exit interface's MTU less the IP and TCP headers (RFC 9293 section 3.7.1). */
  mssFor(destination: TransportAddress, iface: NetInterface | undefined): number {
    if (isIpv6(destination)) {
      const path = this.ipv6?.route(destination, iface);
      const mtu = path?.ok ? path.iface.ipv6MtuBytes : 1280;
      return mtu - IPV6_AND_TCP_HEADERS;
    }
    const decision = this.ipv4?.routeLookup.lookup(destination);
    const mtu = decision?.iface?.mtuBytes ?? 576;
    return mtu - IPV4_AND_TCP_HEADERS;
  }

  /** Sends one segment; returns the source address IP used (undefined when it could not send). */
  sendSegment(local: TransportEndpoint, remote: TransportEndpoint, segment: TcpSegment, options: TransportSendOptions): TransportAddress | undefined {
    if (isIpv6(remote.address)) {
      if (this.ipv6 === null) return undefined;
      const destination = remote.address;
      const result = sendSegmentIpv6(this.ipv6, { ...options, destination, source: local.address as Ipv6Address, protocol: IP_PROTOCOL_TCP, encode: (source) => encodeTcp(segment, { family: 6, source, destination }) });
      return result.ok ? result.source : undefined;
    }
    if (this.ipv4 === null) return undefined;
    const destination = remote.address;
    // DF on every segment: path MTU discovery (RFC 1191), as Linux and Windows do.
    const result = sendSegmentIpv4(this.ipv4, { dontFragment: true, ...options, destination, source: local.address as Ipv4Address, protocol: IP_PROTOCOL_TCP, encode: (source) => encodeTcp(segment, { family: 4, source, destination }) });
    return result.ok ? result.source : undefined;
  }

  forget(connection: TcpConnection): void {
    if (connection.local === undefined) return;
    const key = connectionKey(connection.local.address, connection.local.port, connection.remote);
    if (this.connections.get(key) === connection) this.connections.delete(key);
  }

  unlisten(listener: TcpListener): void {
    const list = (this.listenersByPort.get(listener.local.port) ?? []).filter((l) => l !== listener);
    if (list.length === 0) this.listenersByPort.delete(listener.local.port);
    else this.listenersByPort.set(listener.local.port, list);
  }

  // ---- input ----

  private receive(bytes: Uint8Array, source: TransportAddress, destination: TransportAddress, iface: NetInterface, raw: Uint8Array): void {
    this.counters.received++;
    const decoded = isIpv6(source) ? decodeTcp(bytes, { family: 6, source, destination: destination as Ipv6Address }) : decodeTcp(bytes, { family: 4, source, destination: destination as Ipv4Address });
    if (!decoded.ok) {
      this.counters.badChecksum++;
      return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    const segment = decoded.value;
    const remote: TransportEndpoint = { address: source, port: segment.sourcePort };
    const arrival: Arrival = { segment, source, destination, iface, raw };
    const connection = this.connections.get(connectionKey(destination, segment.destinationPort, remote));
    if (connection !== undefined) return connection.receive(arrival);
    const listener = this.listenerFor(destination, segment.destinationPort);
    const flags = segment.flags;
    if (listener !== undefined) {
      // LISTEN (section 3.10.7.2): RST ignored, ACK answered with RST, SYN opens a connection.
      if (flags & TCP_RST) return;
      if (flags & TCP_ACK) return this.reset(destination, remote, segment);
      if (!(flags & TCP_SYN)) return;
      const accepted = new TcpConnection(this, remote, {});
      const local = { address: destination, port: segment.destinationPort };
      this.connections.set(connectionKey(destination, local.port, remote), accepted);
      accepted.openPassive(local, arrival, listener);
      return;
    }
    // CLOSED (section 3.10.7.1): the segment is dropped and, unless it is a RST, answered with one.
    this.counters.noListener++;
    this.stack.drop(iface, raw, 'no-listener');
    if (!(flags & TCP_RST)) this.reset(destination, remote, segment);
  }

  private listenerFor(address: TransportAddress, port: number): TcpListener | undefined {
    const list = this.listenersByPort.get(port);
    if (list === undefined) return undefined;
    return list.find((l) => l.local.address === address) ?? list.find((l) => l.local.address === undefined);
  }

  /** Section 3.10.7.1: <SEQ=SEG.ACK><CTL=RST> if ACK was set, else <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>. */
  private reset(local: TransportAddress, remote: TransportEndpoint, segment: TcpSegment): void {
    this.counters.resetsSent++;
    const length = segment.payload.length + (segment.flags & TCP_SYN ? 1 : 0) + (segment.flags & TCP_FIN ? 1 : 0);
    const withAck = (segment.flags & TCP_ACK) === 0;
    const reply: TcpSegment = {
      sourcePort: segment.destinationPort,
      destinationPort: segment.sourcePort,
      sequenceNumber: withAck ? 0 : segment.acknowledgmentNumber,
      acknowledgmentNumber: withAck ? seqAdd(segment.sequenceNumber, length) : 0,
      flags: withAck ? TCP_RST | TCP_ACK : TCP_RST,
      window: 0,
      urgentPointer: 0,
      options: NO_OPTIONS,
      payload: EMPTY,
    };
    this.sendSegment({ address: local, port: segment.destinationPort }, remote, reply, {});
  }

  private sourceFor(destination: TransportAddress, iface: NetInterface | undefined): TransportAddress | undefined {
    if (isIpv6(destination)) {
      const path = this.ipv6?.route(destination, iface);
      if (path === undefined || !path.ok) return undefined;
      return path.local ? destination : this.ipv6!.selectSource(destination, path.iface);
    }
    return this.ipv4 === null ? undefined : selectIpv4Source(this.ipv4, destination);
  }

  private ephemeralPorts(): EphemeralPorts {
    if (this.ephemeral === null) {
      const settings = this.stack.personality.transport;
      this.ephemeral = new EphemeralPorts(this.stack.context.random.derive('tcp-ephemeral-ports'), settings.ephemeralPortFirst, settings.ephemeralPortLast);
    }
    return this.ephemeral;
  }
}

/** The TCP module of a stack, created on first use (after the IP layers). */
export function ensureTcp(stack: NodeStack): TcpModule {
  return stack.find(TCP) ?? new TcpModule(stack);
}
