/**
 * The trace: one record for every frame a port sends, receives or a device drops (time, device,
 * interface, direction, bytes, drop reason). The timeline, captures and tests all read it.
 *
 * Cheap by construction: recording stores references (device and interface names are shared
 * strings, the frame is the very Uint8Array that travelled, never copied) and does no string
 * formatting; a summary line is computed on demand from the bytes by the wire describers. The
 * store is a ring buffer of `capacity` records, one array per field, so keeping a record
 * allocates nothing (a record object is made when someone reads it, or for a listener); bytes
 * retention can be switched off (benchmarks).
 * A running 64-bit hash (two 32-bit lanes of MurmurHash3-style word mixing) covers every record
 * ever made, evicted or not, so "same seed, same trace hash" is testable at any size: each record
 * mixes its time, direction, a digest of its device and interface names, a digest of its drop
 * reason, its length and a 64-bit digest of its bytes taken four bytes at a time. A port makes
 * its names' digest once (`source`), and the digest of a frame's bytes is remembered for the
 * last few frames seen, so a flooded frame recorded on many ports is read once.
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
// MurmurHash3 x86_32 constants; lane B runs the same steps with other odd multipliers.
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const D1 = 0x85ebca6b;
const D2 = 0xc2b2ae35;
/** How many recent frames keep their bytes digest (a flood records one frame on every port). */
const DIGEST_CACHE_SIZE = 8;

/** One MurmurHash3 body step of lane A: `h` absorbs `word`. */
function stepA(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, C2);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Lane B's step: the same shape with other multipliers and rotations, so the lanes differ. */
function stepB(h: number, word: number): number {
  let k = Math.imul(word, D1);
  k = (k << 16) | (k >>> 16);
  h ^= Math.imul(k, D2);
  h = (h << 11) | (h >>> 21);
  return (Math.imul(h, 9) + 0x7f4a7c15) | 0;
}

/** The two-lane digest of `text` (UTF-16 units, then a terminator so ("ab","c") and ("a","bc") differ). */
function digestText(text: string, seedA: number, seedB: number, out: Int32Array, at: number): void {
  let a = seedA;
  let b = seedB;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = stepA(a, unit);
    b = stepB(b, unit);
  }
  out[at] = stepA(a, 0x10000);
  out[at + 1] = stepB(b, 0x10000);
}

/**
 * What a port (or any fixed recorder) hands the trace instead of its names: the names and
 * their digest, computed once (`traceDigestOf`). The digest lanes are plain number fields, not
 * an array: a port recording a frame then reads them from its own object, which on a big
 * network is the difference between one cache miss and three.
 */
export interface TraceSource {
  readonly device: string;
  readonly iface: string;
  /** Lane A and B digests of (device, interface). */
  readonly digestA: number;
  readonly digestB: number;
}

/** The lane A and B digests of (device, interface), as `TraceSource` carries them. */
export function traceDigestOf(device: string, iface: string): { readonly digestA: number; readonly digestB: number } {
  const out = new Int32Array(2);
  digestText(device, 0x3c6ef372, 0x1f83d9ab, out, 0);
  digestText(iface, out[0]!, out[1]!, out, 0);
  return { digestA: out[0]!, digestB: out[1]! };
}

/** A fixed recorder's names and digest. */
export function traceSource(device: string, iface: string): TraceSource {
  return { device, iface, ...traceDigestOf(device, iface) };
}

export class TraceSink {
  private readonly keepRecords: boolean;
  private readonly retainBytes: boolean;
  private readonly capacity: number;
  // The ring, one array per field (a record costs no object until someone reads it).
  private ringSize = 0;
  private readonly ringTime: TimeNs[] = [];
  private readonly ringDevice: string[] = [];
  private readonly ringIface: string[] = [];
  private readonly ringDirection: TraceDirection[] = [];
  private readonly ringBytes: (Uint8Array | null)[] = [];
  private readonly ringLength: number[] = [];
  private readonly ringReason: (DropReason | null)[] = [];
  private head = 0; // index of the oldest record once the ring is full
  private laneA = 0x811c9dc5;
  private laneB = 0x9747b28c;
  private listeners: TraceListener[] = [];
  /** Scratch for digests (bytes at 0-1, text at 2-3). */
  private readonly scratch = new Int32Array(4);
  /** The last frames whose bytes digest was taken, and their digests (lane A, lane B). */
  private readonly digestFrames: (Uint8Array | null)[] = new Array<Uint8Array | null>(DIGEST_CACHE_SIZE).fill(null);
  private readonly digests = new Int32Array(2 * DIGEST_CACHE_SIZE);
  private digestNext = 0;

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
    const names = this.scratch;
    digestText(device, 0x3c6ef372, 0x1f83d9ab, names, 2);
    digestText(iface, names[2]!, names[3]!, names, 2);
    this.digestBytes(bytes, false);
    this.add(timeNs, device, iface, names[2]!, names[3]!, direction, bytes, reason);
  }

  /**
   * Records a frame a port sent, received or dropped: the same record, and the same hash, as
   * `record(timeNs, source.device, source.iface, …)`. A frame sent or received never changes
   * afterwards (frames are immutable once sent), so its bytes digest is reused for its other
   * sends and receives.
   */
  recordFrame(source: TraceSource, timeNs: TimeNs, direction: TraceDirection, bytes: Uint8Array, reason: DropReason | null = null): void {
    this.digestBytes(bytes, direction !== 'drop');
    this.add(timeNs, source.device, source.iface, source.digestA, source.digestB, direction, bytes, reason);
  }

  /** The kept records, oldest first. */
  records(): TraceRecord[] {
    const out: TraceRecord[] = [];
    const size = this.ringSize;
    for (let k = 0; k < size; k++) {
      const i = (this.head + k) % size;
      out.push({
        timeNs: this.ringTime[i]!,
        device: this.ringDevice[i]!,
        interface: this.ringIface[i]!,
        direction: this.ringDirection[i]!,
        bytes: this.ringBytes[i]!,
        length: this.ringLength[i]!,
        reason: this.ringReason[i]!,
      });
    }
    return out;
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

  private add(timeNs: TimeNs, device: string, iface: string, namesA: number, namesB: number, direction: TraceDirection, bytes: Uint8Array, reason: DropReason | null): void {
    // Named property access (not counts[direction]): a keyed access by three names is slow per record.
    let code: number;
    if (direction === 'tx') {
      this.counts.tx++;
      code = DIRECTION_CODE.tx;
    } else if (direction === 'rx') {
      this.counts.rx++;
      code = DIRECTION_CODE.rx;
    } else {
      this.counts.drop++;
      code = DIRECTION_CODE.drop;
    }
    let reasonA = 0;
    let reasonB = 0;
    if (reason !== null) {
      this.dropsByReason.set(reason, (this.dropsByReason.get(reason) ?? 0) + 1);
      const scratch = this.scratch;
      digestText(reason, 0x6a09e667, 0x3243f6a8, scratch, 2);
      reasonA = scratch[2]!;
      reasonB = scratch[3]!;
    }
    const timeHigh = Math.floor(timeNs / 4294967296);
    const length = bytes.length;
    let a = this.laneA;
    let b = this.laneB;
    a = stepA(a, timeNs >>> 0);
    b = stepB(b, timeNs >>> 0);
    a = stepA(a, timeHigh);
    b = stepB(b, timeHigh);
    a = stepA(a, code);
    b = stepB(b, code);
    a = stepA(a, namesA);
    b = stepB(b, namesB);
    a = stepA(a, reasonA);
    b = stepB(b, reasonB);
    a = stepA(a, length);
    b = stepB(b, length);
    a = stepA(a, this.scratch[0]!);
    b = stepB(b, this.scratch[1]!);
    this.laneA = a;
    this.laneB = b;
    const kept = this.retainBytes ? bytes : null;
    if (this.keepRecords) {
      if (this.ringSize < this.capacity) {
        this.ringTime.push(timeNs);
        this.ringDevice.push(device);
        this.ringIface.push(iface);
        this.ringDirection.push(direction);
        this.ringBytes.push(kept);
        this.ringLength.push(length);
        this.ringReason.push(reason);
        this.ringSize++;
      } else {
        const i = this.head;
        this.ringTime[i] = timeNs;
        this.ringDevice[i] = device;
        this.ringIface[i] = iface;
        this.ringDirection[i] = direction;
        this.ringBytes[i] = kept;
        this.ringLength[i] = length;
        this.ringReason[i] = reason;
        this.head = (i + 1) % this.capacity;
      }
    }
    if (this.listeners.length === 0) return;
    const record: TraceRecord = { timeNs, device, interface: iface, direction, bytes: kept, length, reason };
    for (const listener of this.listeners) listener(record);
  }

  /** Puts the two-lane digest of `bytes` in scratch[0..1]; `immutable` frames may come from the cache. */
  private digestBytes(bytes: Uint8Array, immutable: boolean): void {
    const scratch = this.scratch;
    if (immutable) {
      const frames = this.digestFrames;
      for (let i = 0; i < DIGEST_CACHE_SIZE; i++) {
        if (frames[i] === bytes) {
          scratch[0] = this.digests[2 * i]!;
          scratch[1] = this.digests[2 * i + 1]!;
          return;
        }
      }
    }
    let a = 0x2545f491;
    let b = 0x9e3779b9;
    const length = bytes.length;
    const whole = length & ~3;
    let i = 0;
    for (; i < whole; i += 4) {
      const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
      a = stepA(a, word);
      b = stepB(b, word);
    }
    if (i < length) {
      // The last one to three bytes, with a marker bit above them so trailing zeros count.
      let word = 0;
      let shift = 0;
      for (; i < length; i++, shift += 8) word |= bytes[i]! << shift;
      word |= 1 << shift;
      a = stepA(a, word);
      b = stepB(b, word);
    }
    scratch[0] = a;
    scratch[1] = b;
    if (immutable) {
      const at = this.digestNext;
      this.digestFrames[at] = bytes;
      this.digests[2 * at] = a;
      this.digests[2 * at + 1] = b;
      this.digestNext = (at + 1) % DIGEST_CACHE_SIZE;
    }
  }
}
