/**
 * A physical port: where a cable plugs in. The port records every frame it sends and receives
 * in the trace and feeds its taps (captures); the link it is attached to (sim-core/link) moves
 * the bytes; the device it belongs to receives them through `receiver`.
 *
 * State as on real gear (IEEE 802.3 clause 22 link status, IOS `show interfaces`):
 * admin state (`shutdown`), carrier (the link is plugged, up, and both ends are enabled), and
 * "up" = both. A carrier change is told to the device through `carrierListener`.
 * Leaves out: autonegotiation, duplex, speed mismatch, errdisable.
 */
import type { MacAddress } from '../addr/mac';
import type { Simulator } from '../engine/simulator';
import type { TimeNs } from '../engine/time';
import { traceDigestOf, type DropReason, type TraceSource } from '../engine/trace';

/** What the link side offers a port. */
export interface PortAttachment {
  /** Queues `bytes` for transmission from `port`; the link records the send, or the drop. */
  transmit(port: Port, bytes: Uint8Array): void;
  /** Recomputes carrier after an admin change on `port`. */
  portAdminChanged(port: Port): void;
}

/** One captured frame, as the pcapng writer needs it. */
export interface TappedFrame {
  readonly timeNs: TimeNs;
  readonly direction: 'inbound' | 'outbound';
  readonly bytes: Uint8Array;
}

export type PortTap = (frame: TappedFrame) => void;

/** Frames and bytes through a port, for `show interfaces` counters. */
export interface PortCounters {
  readonly txFrames: number;
  readonly txBytes: number;
  readonly rxFrames: number;
  readonly rxBytes: number;
  readonly drops: number;
}

/**
 * The port is its own trace source (names and their digest on the port object itself) and
 * keeps its counters in plain fields: delivering a frame to one of thousands of hosts then
 * touches the port and nothing else before the device, which matters when the network no
 * longer fits in the processor's caches.
 */
export class Port implements TraceSource {
  adminUp = true;
  /** The link's view: plugged in, link up and both ends enabled. Set by the link only. */
  carrier = false;
  attachment: PortAttachment | null = null;
  /** Called for each frame received while the port is up (set by the device). */
  receiver: (port: Port, bytes: Uint8Array) => void = () => undefined;
  /** Called when carrier changes (set by the device). */
  carrierListener: (port: Port, carrierUp: boolean) => void = () => undefined;
  /** Capture taps; null (not an empty list) when there are none, so the common case reads no other object. */
  private taps: PortTap[] | null = null;
  private txFrames = 0;
  private txBytes = 0;
  private rxFrames = 0;
  private rxBytes = 0;
  private drops = 0;
  /** The interface name the trace records (the port's name). */
  readonly iface: string;
  /** The trace digest of (device, name), taken once. */
  readonly digestA: number;
  readonly digestB: number;

  constructor(
    readonly simulator: Simulator,
    readonly device: string,
    readonly name: string,
    public mac: MacAddress,
    /** Position of the port on its device, for ordering and port ids. */
    readonly index: number,
  ) {
    this.iface = name;
    const digest = traceDigestOf(device, name);
    this.digestA = digest.digestA;
    this.digestB = digest.digestB;
  }

  /** Frames and bytes through this port so far, for `show interfaces` counters. */
  get counters(): PortCounters {
    return { txFrames: this.txFrames, txBytes: this.txBytes, rxFrames: this.rxFrames, rxBytes: this.rxBytes, drops: this.drops };
  }

  /** Admin up and carrier: the port can pass frames. */
  get up(): boolean {
    return this.adminUp && this.carrier;
  }

  /** Hands a frame to the link. Frames are immutable from here on. */
  transmit(bytes: Uint8Array): void {
    if (!this.adminUp) return this.recordDrop(bytes, 'admin-down');
    if (!this.carrier || this.attachment === null) return this.recordDrop(bytes, 'link-down');
    this.attachment.transmit(this, bytes);
  }

  /** `shutdown` / `no shutdown`. */
  setAdminUp(up: boolean): void {
    if (this.adminUp === up) return;
    this.adminUp = up;
    this.attachment?.portAdminChanged(this);
  }

  /** Adds a capture tap; returns the function that removes it. */
  addTap(tap: PortTap): () => void {
    this.taps = [...(this.taps ?? []), tap];
    return () => {
      const rest = (this.taps ?? []).filter((t) => t !== tap);
      this.taps = rest.length === 0 ? null : rest;
    };
  }

  /** Called by the link when the frame starts onto the wire. */
  recordTx(bytes: Uint8Array): void {
    const now = this.simulator.nowNs;
    this.txFrames++;
    this.txBytes += bytes.length;
    this.simulator.trace.recordFrame(this, now, 'tx', bytes);
    if (this.taps !== null) for (const tap of this.taps) tap({ timeNs: now, direction: 'outbound', bytes });
  }

  /** Called by the link when the frame's last bit arrives. */
  deliver(bytes: Uint8Array): void {
    if (!this.adminUp) return this.recordDrop(bytes, 'admin-down');
    const now = this.simulator.nowNs;
    this.rxFrames++;
    this.rxBytes += bytes.length;
    this.simulator.trace.recordFrame(this, now, 'rx', bytes);
    if (this.taps !== null) for (const tap of this.taps) tap({ timeNs: now, direction: 'inbound', bytes });
    this.receiver(this, bytes);
  }

  recordDrop(bytes: Uint8Array, reason: DropReason): void {
    this.drops++;
    this.simulator.trace.recordFrame(this, this.simulator.nowNs, 'drop', bytes, reason);
  }

  /** Called by the link when carrier changes. */
  setCarrier(carrierUp: boolean): void {
    if (this.carrier === carrierUp) return;
    this.carrier = carrierUp;
    this.carrierListener(this, carrierUp);
  }
}
