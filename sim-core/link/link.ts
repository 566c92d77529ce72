/**
 * A point-to-point Ethernet link between two ports (a cable, or one wireless association):
 * propagation delay, bandwidth (serialisation delay of the frame plus the preamble, FCS and
 * inter-frame gap of IEEE 802.3 clause 4.4.2), a bounded transmit queue per direction with tail
 * drop, the largest frame it carries, admin state (a fault injected on the link) and
 * plugged/unplugged. Carrier is up when the link is plugged, enabled and both ports are enabled;
 * a change reaches both devices (`Port.setCarrier` → the device → interface up/down events).
 * Frames in flight when carrier drops are lost (`link-down`).
 * Leaves out: bit errors, duplex mismatch, half-duplex collisions, pause frames.
 */
import type { Simulator } from '../engine/simulator';
import type { TimeNs } from '../engine/time';
import type { Port, PortAttachment } from '../stack/port';

export interface LinkOptions {
  /** One-way propagation delay (default 500 ns: 100 m of copper). */
  readonly delayNs?: number;
  /** Bits per second (default 1 Gb/s). */
  readonly bandwidthBps?: number;
  /** Frames waiting per direction before tail drop (default 1000, a typical txqueuelen). */
  readonly queueLimitFrames?: number;
  /**
   * The largest IP payload the link carries (default 1500). Frames up to this plus the Ethernet
   * header and two VLAN tags pass; bigger ones are dropped with `frame-too-big`.
   */
  readonly mtuBytes?: number;
}

/** Preamble + SFD (8), FCS (4) and the inter-frame gap (12) around every frame. */
export const ETHERNET_WIRE_OVERHEAD_BYTES = 24;
/** Ethernet header with two 802.1Q tags: the slack over the MTU a frame may have. */
const MAX_HEADER_BYTES = 14 + 8;

/**
 * One direction of the link for one carrier generation. Frames of a direction start and arrive
 * in the order they were sent (the wire is serial and the delay fixed), so the bytes of frames
 * whose arrival event is pending wait in one ring, oldest first, and the events carry only the
 * lane: nothing is allocated per frame. The frames still waiting to start are always the newest
 * `notStarted` of the ring. A carrier loss starts new lanes; the old lane's pending events find
 * it stale and record their frames as lost.
 * The ring lives in the lane's own fields (no FIFO objects) so an arrival touches one object.
 */
class Lane {
  /** When the wire of this direction is free again. */
  busyUntilNs: TimeNs = 0;
  /** Start times of frames queued but not yet on the wire, oldest first (queue occupancy). */
  readonly waitingStarts: TimeNs[] = [];
  waitingHead = 0;
  /** Frames whose arrival event is pending, oldest first: a ring that doubles and never shrinks. */
  private frames: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(4).fill(undefined);
  private head = 0;
  private count = 0;
  /** How many of the newest frames in the ring have not started onto the wire. */
  private notStarted = 0;

  constructor(
    readonly from: Port,
    readonly to: Port,
    /** The link generation this lane belongs to. */
    readonly generation: number,
  ) {}

  /** Queues a frame; `started` when it goes onto the wire at once. */
  push(bytes: Uint8Array, started: boolean): void {
    let frames = this.frames;
    if (this.count === frames.length) {
      // Unroll the ring into a twice bigger one, oldest first.
      const grown = new Array<Uint8Array | undefined>(frames.length * 2).fill(undefined);
      for (let i = 0; i < this.count; i++) grown[i] = frames[(this.head + i) & (frames.length - 1)];
      this.frames = frames = grown;
      this.head = 0;
    }
    frames[(this.head + this.count) & (frames.length - 1)] = bytes;
    this.count++;
    if (!started) this.notStarted++;
  }

  /** The oldest frame not yet started, now on the wire. */
  start(): Uint8Array {
    const frames = this.frames;
    const bytes = frames[(this.head + this.count - this.notStarted) & (frames.length - 1)]!;
    this.notStarted--;
    return bytes;
  }

  /** The oldest frame, arrived. */
  arrive(): Uint8Array {
    const frames = this.frames;
    const bytes = frames[this.head]!;
    frames[this.head] = undefined;
    this.head = (this.head + 1) & (frames.length - 1);
    this.count--;
    return bytes;
  }
}

export class Link implements PortAttachment {
  readonly delayNs: number;
  readonly bandwidthBps: number;
  readonly queueLimitFrames: number;
  readonly mtuBytes: number;
  private plugged = true;
  private enabled = true;
  private generation = 0;
  private forward: Lane;
  private backward: Lane;

  constructor(
    readonly simulator: Simulator,
    readonly a: Port,
    readonly b: Port,
    options: LinkOptions = {},
  ) {
    if (a.attachment !== null) throw new Error(`${a.device} ${a.name} is already cabled`);
    if (b.attachment !== null) throw new Error(`${b.device} ${b.name} is already cabled`);
    this.delayNs = Math.round(options.delayNs ?? 500);
    this.bandwidthBps = options.bandwidthBps ?? 1e9;
    this.queueLimitFrames = options.queueLimitFrames ?? 1000;
    this.mtuBytes = options.mtuBytes ?? 1500;
    this.forward = new Lane(a, b, 0);
    this.backward = new Lane(b, a, 0);
    a.attachment = this;
    b.attachment = this;
    this.updateCarrier();
  }

  /** Plugged, enabled and both ports enabled. */
  get carrierUp(): boolean {
    return this.plugged && this.enabled && this.a.adminUp && this.b.adminUp;
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** The port at the other end from `port`. */
  peerOf(port: Port): Port {
    return port === this.a ? this.b : this.a;
  }

  /** Pulls the cable out: carrier loss on both ends. */
  unplug(): void {
    this.plugged = false;
    this.updateCarrier();
  }

  /** Plugs the cable back in. */
  replug(): void {
    this.plugged = true;
    this.updateCarrier();
  }

  /** Administratively disables or enables the link itself (a fault a scenario injects). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.updateCarrier();
  }

  /** Removes the link: both ports lose carrier and become free for another cable. */
  detach(): void {
    this.plugged = false;
    this.updateCarrier();
    this.a.attachment = null;
    this.b.attachment = null;
  }

  portAdminChanged(): void {
    this.updateCarrier();
  }

  transmit(port: Port, bytes: Uint8Array): void {
    const lane = port === this.a ? this.forward : this.backward;
    if (bytes.length > this.mtuBytes + MAX_HEADER_BYTES) return port.recordDrop(bytes, 'frame-too-big');
    const sim = this.simulator;
    const now = sim.nowNs;
    // Frames whose start time has come are on the wire, no longer waiting.
    const waiting = lane.waitingStarts;
    while (lane.waitingHead < waiting.length && waiting[lane.waitingHead]! <= now) lane.waitingHead++;
    // Empty the list once all have started (setting the length is a runtime call: not when already empty).
    if (lane.waitingHead === waiting.length && lane.waitingHead !== 0) {
      waiting.length = 0;
      lane.waitingHead = 0;
    }
    const start = lane.busyUntilNs > now ? lane.busyUntilNs : now;
    if (start > now && waiting.length - lane.waitingHead >= this.queueLimitFrames) return port.recordDrop(bytes, 'queue-full');
    const serialisationNs = Math.ceil(((bytes.length + ETHERNET_WIRE_OVERHEAD_BYTES) * 8 * 1e9) / this.bandwidthBps);
    lane.busyUntilNs = start + serialisationNs;
    if (start === now) {
      port.recordTx(bytes);
      lane.push(bytes, true);
    } else {
      waiting.push(start);
      lane.push(bytes, false);
      sim.post(start, this.startFrame, lane);
    }
    sim.post(lane.busyUntilNs + this.delayNs, this.arriveFrame, lane);
  }

  private readonly startFrame = (lane: Lane): void => {
    const bytes = lane.start();
    if (lane.generation !== this.generation) return; // already recorded as lost at arrival
    lane.from.recordTx(bytes);
  };

  private readonly arriveFrame = (lane: Lane): void => {
    const bytes = lane.arrive();
    if (lane.generation !== this.generation) return lane.from.recordDrop(bytes, 'link-down');
    lane.to.deliver(bytes);
  };

  private updateCarrier(): void {
    const up = this.carrierUp;
    if (this.a.carrier === up && this.b.carrier === up) return;
    if (!up) {
      // Everything in flight or queued is lost; the wire is free when it comes back.
      this.generation++;
      this.forward = new Lane(this.a, this.b, this.generation);
      this.backward = new Lane(this.b, this.a, this.generation);
    }
    this.a.setCarrier(up);
    this.b.setCarrier(up);
  }
}
