/**
 * The one contract between the UI thread and the simulation worker (sim-worker.ts): every
 * request the UI may send with the reply it gets, and every unsolicited event the worker posts.
 * Messages are structured-clone data only (no functions, no classes); frame bytes travel as
 * Uint8Array. The worker answers each request once, by id; trace records and console output
 * arrive in batches (`batch` events, at most one per flush interval), never one per frame.
 *
 * Leaves out: transferring the lab as patches (the whole document is sent on a topology change
 * and the worker works out the difference; labs are small next to the cost of a frame).
 */
import type { BilingualText } from '../../sim-core/devices/catalog';
import type { Lab } from '../../sim-core/lab/lab-document';
import type { FieldNode, LayerDescription } from '../../sim-core/wire/describe';
import type { FrameClass } from '../../sim-core/wire/frame';
import { FRAME_CLASSES } from '../../sim-core/wire/protocol-numbers';
import type { TraceDirection } from '../../sim-core/engine/trace';
import { SCENARIO_REQUEST_TYPES, type ScenarioRequestMap } from '../scenario/scenario-protocol';

export type SimMode = 'realtime' | 'simulation';

/** Realtime speeds offered (virtual seconds per wall second). */
export const SIM_SPEEDS = [1, 2, 5, 10, 100] as const;
export type SimSpeed = (typeof SIM_SPEEDS)[number];

/** How fast Play steps in simulation mode (Packet Tracer's play speed slider, in three steps). */
export const PLAY_SPEEDS = ['slow', 'normal', 'fast'] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** Wall time between two steps while playing at `speed`. */
export function playIntervalMs(speed: PlaySpeed): number {
  return speed === 'slow' ? 1600 : speed === 'fast' ? 250 : 800;
}

/** The event list's protocol classes: the wire classifier's, plus spanning tree BPDUs. */
export type RowClass = FrameClass | 'STP';

/** Every class the event-list filter knows, in the order the filter shows them: the wire table's, with STP before `other`. */
export const ROW_CLASSES: readonly RowClass[] = [...FRAME_CLASSES.filter((c) => c !== 'other'), 'STP', 'other'];

/** One trace record as the event list shows it. `seq` numbers records from 0 since boot. */
export interface TraceRow {
  readonly seq: number;
  readonly timeNs: number;
  readonly device: string;
  readonly iface: string;
  readonly direction: TraceDirection;
  readonly frameClass: RowClass;
  /** tshark-style one-line summary ("ICMPv6: Echo (ping) request id=0x0001, seq=1, hop limit=64"). */
  readonly summary: string;
  readonly length: number;
  /** Drop reason (`no-route` …) for drops, else null. */
  readonly reason: string | null;
}

/** Where the simulation stands, sent with every batch. */
export interface SimClock {
  /** Virtual time now. */
  readonly nowNs: number;
  readonly mode: SimMode;
  readonly speed: number;
  /** Realtime: the clock runs. Simulation: auto-stepping. */
  readonly playing: boolean;
  /** Number of steps that step back can undo. */
  readonly stepsBack: number;
  /** Counts the sessions booted: rows of an older generation are stale. */
  readonly generation: number;
  /**
   * Goes up (from 0 at each boot of a document) whenever a device's running configuration
   * changes at its console: the lab then holds work a save must write.
   */
  readonly configRevision: number;
}

/** What the device did with the packet, in data; the inspector puts it in words (i18n). */
export type PacketDecision =
  | {
      readonly kind: 'forwarded';
      readonly device: string;
      readonly inIface: string;
      readonly outIface: string;
      readonly family: 4 | 6;
      readonly hopLimitBefore: number;
      readonly hopLimitAfter: number;
      /** The route that matched (`2001:db8:2::/64`), the next hop (`fe80::2`), or on-link. */
      readonly route?: { readonly prefix: string; readonly nextHop: string | null };
    }
  | { readonly kind: 'switched'; readonly device: string; readonly inIface: string; readonly outIfaces: readonly string[] }
  | { readonly kind: 'dropped'; readonly device: string; readonly iface: string; readonly reason: string }
  | { readonly kind: 'sent'; readonly device: string; readonly iface: string }
  | { readonly kind: 'received'; readonly device: string; readonly iface: string; readonly multicast: boolean };

/** Everything the inspector shows about one trace record. */
export interface FrameDetails {
  readonly row: TraceRow;
  /** The bytes as recorded (an Ethernet frame, or the IP packet a device dropped). */
  readonly bytes: Uint8Array;
  /** Layers with absolute offsets into `bytes`. */
  readonly layers: readonly LayerDescription[];
  readonly summary: string;
  readonly problem?: string;
  /** One decision per device the packet passed at this moment (usually one). */
  readonly decision: PacketDecision | null;
}

export type { FieldNode, LayerDescription };

/** A cable end's light: green up, amber blocking (spanning tree), red down or shut (port-lights.ts). */
export type PortLightState = 'up' | 'blocking' | 'down' | 'admin-down';

/** The live state of one cabled port, under the device's and interface's names in the lab. */
export interface PortLight {
  readonly device: string;
  readonly iface: string;
  readonly state: PortLightState;
}

export interface InterfaceInfo {
  readonly name: string;
  readonly up: boolean;
  /** A physical port (capturable). */
  readonly port: boolean;
}

/** Requests from the UI, by type (the scenario pane's come from renderer/scenario/scenario-protocol.ts). */
export interface SimRequestMap extends ScenarioRequestMap {
  /** Boots a session of a new document `lab` (a new generation; open consoles stay open, empty). */
  'load-lab': { request: { readonly lab: Lab; readonly seed: number }; reply: { readonly generation: number; readonly problems: readonly BilingualText[] } };
  /**
   * The document was edited: the running network gets the difference (devices and cables in
   * and out) and runs on. Problems are those of what was added. Boots when nothing runs yet.
   */
  'edit-lab': { request: { readonly lab: Lab; readonly seed: number }; reply: { readonly generation: number; readonly problems: readonly BilingualText[] } };
  /** Device name → running configuration, for each device whose configuration was changed at its console (what a save must write). */
  'running-configs': { request: null; reply: Readonly<Record<string, string>> };
  /** Opens (or re-attaches to) a device's console: the reply carries everything it printed so far. */
  'console-open': { request: { readonly device: string }; reply: { readonly transcript: string } };
  'console-input': { request: { readonly device: string; readonly data: string }; reply: null };
  'console-resize': { request: { readonly device: string; readonly cols: number; readonly rows: number }; reply: null };
  'set-mode': { request: { readonly mode: SimMode }; reply: SimClock };
  'set-speed': { request: { readonly speed: number }; reply: SimClock };
  /** Simulation mode: how fast Play steps. */
  'set-play-speed': { request: { readonly speed: PlaySpeed }; reply: SimClock };
  'set-playing': { request: { readonly playing: boolean; /** Simulation play steps to frames of these classes only. */ readonly classes?: readonly RowClass[] }; reply: SimClock };
  /** Runs to the next moment something is on a wire (of one of `classes`, when given). */
  'step-forward': { request: { readonly classes?: readonly RowClass[] }; reply: { readonly stepped: boolean; readonly firstSeq: number; readonly endSeq: number } };
  /** Replays from the seed to where the last step forward started. */
  'step-back': { request: null; reply: { readonly stepped: boolean; readonly endSeq: number } };
  /**
   * Packet Tracer's "Add Simple PDU": `from` sends one echo request to `to`'s address of the
   * family (its best global IPv6 address, or its first IPv4 one), as its ping would. The frames
   * go out as the simulation runs (step by step in simulation mode).
   */
  'send-pdu': {
    request: { readonly from: string; readonly to: string; readonly family: 4 | 6 };
    reply: { readonly sent: true; readonly destination: string } | { readonly sent: false; readonly problem: BilingualText };
  };
  'inspect': { request: { readonly seq: number }; reply: FrameDetails };
  'interfaces': { request: { readonly device: string }; reply: readonly InterfaceInfo[] };
  /** The frames one port sent and received since boot, as a pcapng file. */
  'export-capture': { request: { readonly device: string; readonly iface: string }; reply: { readonly fileName: string; readonly bytes: Uint8Array; readonly frameCount: number } };
}

export type SimRequestType = keyof SimRequestMap;
export type SimRequestOf<T extends SimRequestType> = SimRequestMap[T]['request'];
export type SimReplyOf<T extends SimRequestType> = SimRequestMap[T]['reply'];

/** A request on the wire. */
export type SimRequestMessage = { [T in SimRequestType]: { readonly id: number; readonly type: T; readonly body: SimRequestOf<T> } }[SimRequestType];

/** The answer to request `id`: the reply, or an error for a person. */
export type SimReplyMessage =
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

/** Unsolicited events from the worker. */
export type SimEventMessage =
  /** New trace rows, console output and the clock, gathered over one flush interval. */
  | {
      readonly type: 'batch';
      readonly clock: SimClock;
      readonly rows: readonly TraceRow[];
      /** Rows made but not sent in this batch (a flood); the event list says so. */
      readonly omitted: number;
      readonly consoles: readonly { readonly device: string; readonly data: string }[];
      /** Set when a step moved the simulation: rows [firstSeq, endSeq) are what happened. */
      readonly step?: { readonly firstSeq: number; readonly endSeq: number };
      /** Every cable end's light, sent when any of them changed since the last batch. */
      readonly ports?: readonly PortLight[];
    }
  /** A session replaced the old one (new lab) or was replayed (step back): drop rows from `keepBelowSeq` on, redraw consoles. */
  | {
      readonly type: 'reset';
      readonly generation: number;
      readonly keepBelowSeq: number;
      /** Each open console's whole screen text, to redraw from scratch. */
      readonly consoles: readonly { readonly device: string; readonly transcript: string }[];
      readonly clock: SimClock;
      /** Every cable end's light in the new (or replayed) session. */
      readonly ports: readonly PortLight[];
    }
  /**
   * Something a person should read: `storm` — realtime paused because the network used its
   * event budget (the message says what used it); `bug` — a V6Lab fault.
   */
  | { readonly type: 'notice'; readonly kind: 'storm' | 'bug'; readonly message: BilingualText };

export type SimOutgoingMessage = SimReplyMessage | SimEventMessage;

/** Whether a message from the UI is a well-formed request (the worker ignores anything else). */
export function isSimRequestMessage(value: unknown): value is SimRequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { id?: unknown; type?: unknown; body?: unknown };
  return typeof message.id === 'number' && typeof message.type === 'string' && message.type in REQUEST_TYPES && 'body' in message;
}

const REQUEST_TYPES: Record<SimRequestType, true> = {
  ...SCENARIO_REQUEST_TYPES,
  'load-lab': true,
  'edit-lab': true,
  'running-configs': true,
  'console-open': true,
  'console-input': true,
  'console-resize': true,
  'set-mode': true,
  'set-speed': true,
  'set-play-speed': true,
  'set-playing': true,
  'step-forward': true,
  'step-back': true,
  'send-pdu': true,
  inspect: true,
  interfaces: true,
  'export-capture': true,
};
