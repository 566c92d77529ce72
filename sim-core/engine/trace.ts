/**
 * The trace: one record for every frame a port sends, receives or a device drops (time, device,
 * interface, direction, bytes, drop reason). The timeline, captures and tests all read it.
 *
 * Cheap by construction: recording stores references (device and interface names are shared
 * strings, the frame is the very Uint8Array that travelled, never copied) and does no string
 * formatting; a summary line is computed on demand from the bytes by the wire describers. The
 * store is a ring buffer of `capacity` records; bytes retention can be switched off (benchmarks).
 * A running 64-bit hash (two FNV-1a-style lanes) covers every record ever made, evicted or not,
 * so "same seed, same trace hash" is testable at any size.
 * Frames are immutable once sent: anyone who changes bytes (TTL, tags) makes a new array.
 */
import type { TimeNs } from './time';

export type TraceDirection = 'tx' | 'rx' | 'drop';

/**
 * Why a frame was dropped. The known reasons are listed; a module may use its own reason
 * (kebab-case) without editing this file.
 */
export type KnownDropReason =
  | 'no-route'
  | 'hop-limit-exceeded'
  | 'bad-checksum'
  | 'malformed'
  | 'link-down'
  | 'admin-down'
  | 'storm'
  | 'queue-full'
  | 'mtu-exceeded'
  | 'frame-too-big'
  | 'not-for-us'
  | 'vlan-not-allowed'
  | 'stp-blocked'
  | 'unknown-ethertype'
  | 'unknown-protocol'
  | 'arp-unresolved'
  | 'arp-queue-full'
  | 'fragmentation-needed'
  | 'reassembly-timeout'
  | 'no-listener'
  | 'no-interface';
export type DropReason = KnownDropReason | (string & Record<never, never>);

export interface TraceRecord {
  readonly timeNs: TimeNs;
  readonly device: string;
  /** Port or interface name as the device names it (`GigabitEthernet0/0`, `eth0`). */
  readonly interface: string;
  readonly direction: TraceDirection;
  /** The frame as it was on the wire (or the packet a device dropped); null when bytes are not retained. */
  readonly bytes: Uint8Array | null;
  /** Length of the bytes, kept even when the bytes are not. */
  readonly length: number;
  readonly reason: DropReason | null;
}

export interface TraceOptions {
  /** Keep records at all (default true). The hash and counters run either way. */
  readonly keepRecords?: boolean;
  /** Keep each record's bytes (default true). */
  readonly retainBytes?: boolean;
  /** Ring-buffer size in records (default 262144); older records are evicted. */
  readonly capacity?: number;
}

export type TraceListener = (record: TraceRecord) => void;

const DIRECTION_CODE: Record<TraceDirection, number> = { tx: 1, rx: 2, drop: 3 };
const LANE_A_PRIME = 0x01000193; // FNV-1a 32-bit prime
const LANE_B_PRIME = 0x5bd1e995; // a second odd multiplier (MurmurHash2's), so the lanes differ

export class TraceSink {
  private readonly keepRecords: boolean;
  private readonly retainBytes: boolean;
  private readonly capacity: number;
  private ring: TraceRecord[] = [];
  private head = 0; // index of the oldest record once the ring is full
  private laneA = 0x811c9dc5; // FNV-1a 32-bit offset basis
  private laneB = 0x9747b28c;
  private listeners: TraceListener[] = [];

  /** Records made since the start, by direction (evicted ones included). */
  readonly counts = { tx: 0, rx: 0, drop: 0 };
  /** Drops since the start, by reason. */
  readonly dropsByReason = new Map<DropReason, number>();

  constructor(options: TraceOptions = {}) {
    this.keepRecords = options.keepRecords ?? true;
    this.retainBytes = options.retainBytes ?? true;
    this.capacity = Math.max(1, options.capacity ?? 262_144);
  }

  /** Records one frame event. `reason` is given for drops only. */
  record(timeNs: TimeNs, device: string, iface: string, direction: TraceDirection, bytes: Uint8Array, reason: DropReason | null = null): void {
    this.counts[direction]++;
    if (reason !== null) this.dropsByReason.set(reason, (this.dropsByReason.get(reason) ?? 0) + 1);
    this.mixRecord(timeNs, device, iface, direction, bytes, reason);
    if (!this.keepRecords && this.listeners.length === 0) return;
    const record: TraceRecord = {
      timeNs,
      device,
      interface: iface,
      direction,
      bytes: this.retainBytes ? bytes : null,
      length: bytes.length,
      reason,
    };
    if (this.keepRecords) {
      if (this.ring.length < this.capacity) this.ring.push(record);
      else {
        this.ring[this.head] = record;
        this.head = (this.head + 1) % this.capacity;
      }
    }
    for (const listener of this.listeners) listener(record);
  }

  /** The kept records, oldest first. */
  records(): TraceRecord[] {
    if (this.head === 0) return this.ring.slice();
    return this.ring.slice(this.head).concat(this.ring.slice(0, this.head));
  }

  /** Number of records made since the start (evicted ones included). */
  get total(): number {
    return this.counts.tx + this.counts.rx + this.counts.drop;
  }

  /** Calls `listener` for every later record; returns the function that unsubscribes. */
  subscribe(listener: TraceListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** 16 hex digits over every record since the start: equal runs give equal hashes. */
  hash(): string {
    return (this.laneA >>> 0).toString(16).padStart(8, '0') + (this.laneB >>> 0).toString(16).padStart(8, '0');
  }

  private mixWord(word: number): void {
    for (let shift = 0; shift < 32; shift += 8) {
      const byte = (word >>> shift) & 0xff;
      this.laneA = Math.imul(this.laneA ^ byte, LANE_A_PRIME);
      this.laneB = Math.imul(this.laneB ^ byte, LANE_B_PRIME);
    }
  }

  private mixText(text: string): void {
    let a = this.laneA;
    let b = this.laneB;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      a = Math.imul(a ^ unit, LANE_A_PRIME);
      b = Math.imul(b ^ unit, LANE_B_PRIME);
    }
    // A terminator, so ("ab","c") and ("a","bc") differ.
    this.laneA = Math.imul(a ^ 0xffff, LANE_A_PRIME);
    this.laneB = Math.imul(b ^ 0xffff, LANE_B_PRIME);
  }

  private mixRecord(timeNs: TimeNs, device: string, iface: string, direction: TraceDirection, bytes: Uint8Array, reason: DropReason | null): void {
    this.mixWord(timeNs >>> 0);
    this.mixWord(Math.floor(timeNs / 4294967296));
    this.mixWord(DIRECTION_CODE[direction]);
    this.mixText(device);
    this.mixText(iface);
    this.mixText(reason ?? '');
    this.mixWord(bytes.length);
    let a = this.laneA;
    let b = this.laneB;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      a = Math.imul(a ^ byte, LANE_A_PRIME);
      b = Math.imul(b ^ byte, LANE_B_PRIME);
    }
    this.laneA = a;
    this.laneB = b;
  }
}
