/**
 * IPv4 reassembly at the destination (RFC 791 section 3.2, RFC 815 hole bookkeeping reduced to
 * a byte map): fragments are keyed by (source, destination, protocol, identification), copied
 * into a buffer at offset × 8, and the datagram completes when the last fragment (MF clear) is
 * in and every byte before it is covered. A datagram not complete within the timeout is
 * abandoned; the caller is told (RFC 1122 section 3.3.2: time exceeded code 1 when the first
 * fragment had arrived). Bounded: at most 64 datagrams in progress, each at most 65535 bytes.
 * Leaves out: overlap policy beyond "later bytes win" (RFC 5722 is for IPv6).
 */
import type { Timer } from '../engine/simulator';
import { secondsToNs } from '../engine/time';
import type { Ipv4Header } from '../wire/ipv4';
import type { NodeContext } from './node-context';

const MAX_DATAGRAM_BYTES = 65535;
const MAX_IN_PROGRESS = 64;

interface Pending {
  readonly buffer: Uint8Array;
  readonly covered: Uint8Array;
  /** Payload length once the last fragment arrived; -1 until then. */
  totalLength: number;
  firstHeader: Ipv4Header | null;
  firstRaw: Uint8Array | null;
  readonly timer: Timer;
}

export interface ReassemblyTimeout {
  /** The first fragment's header and bytes, when it had arrived (to quote in the ICMP error). */
  readonly firstRaw: Uint8Array | null;
}

export class Ipv4Reassembler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly context: NodeContext,
    readonly timeoutS: number,
    private readonly onTimeout: (timeout: ReassemblyTimeout) => void,
  ) {}

  /**
   * Adds a fragment; returns the whole datagram (the first fragment's header with the full
   * payload, flags cleared) once complete, or undefined while waiting or when it was refused.
   */
  add(header: Ipv4Header, raw: Uint8Array): Ipv4Header | undefined {
    const key = `${header.source}/${header.destination}/${header.protocol}/${header.identification}`;
    const offset = header.fragmentOffset * 8;
    const end = offset + header.payload.length;
    if (end > MAX_DATAGRAM_BYTES) return undefined;
    let entry = this.pending.get(key);
    if (entry === undefined) {
      if (this.pending.size >= MAX_IN_PROGRESS) return undefined;
      const timer = this.context.setTimer(secondsToNs(this.timeoutS), () => {
        const expired = this.pending.get(key);
        this.pending.delete(key);
        if (expired) this.onTimeout({ firstRaw: expired.firstRaw });
      });
      entry = { buffer: new Uint8Array(MAX_DATAGRAM_BYTES), covered: new Uint8Array(MAX_DATAGRAM_BYTES), totalLength: -1, firstHeader: null, firstRaw: null, timer };
      this.pending.set(key, entry);
    }
    entry.buffer.set(header.payload, offset);
    entry.covered.fill(1, offset, end);
    if (offset === 0) {
      entry.firstHeader = header;
      entry.firstRaw = raw;
    }
    if (!header.moreFragments) entry.totalLength = end;
    if (entry.totalLength < 0 || entry.firstHeader === null) return undefined;
    for (let i = 0; i < entry.totalLength; i++) if (entry.covered[i] === 0) return undefined;
    entry.timer.cancel();
    this.pending.delete(key);
    return { ...entry.firstHeader, moreFragments: false, fragmentOffset: 0, payload: entry.buffer.slice(0, entry.totalLength) };
  }

  get inProgress(): number {
    return this.pending.size;
  }
}
