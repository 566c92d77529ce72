/**
 * The simulation worker's logic, kept apart from the Worker global so tests drive it in Node:
 * `handle(message)` takes one request (sim-protocol.ts) and answers through `post`; `tick()`
 * advances time (the worker calls it on an interval, tests call it by hand with a fake clock).
 *
 * - One LabSession (sim-core/lab) per booted lab. Trace records are kept here in order, numbered
 *   `seq` from 0 since boot; rows for the event list are made at flush time, in batches.
 * - Realtime: virtual time follows the wall clock times the speed; a slice that would take too
 *   many events re-anchors the clock instead of freezing the worker (a big lab at 100× falls
 *   behind). When slices keep running out at a storm's rate (more than `STORM_EVENTS_PER_S`
 *   events per virtual second, over `STORM_SLICES` slices in a row), the run pauses and a notice
 *   says what used the events (sim-core's budget report, the one `v6lab run` prints): the
 *   trainee fixes the cabling and plays again.
 * - Simulation: time moves only on `step-forward` (to the next instant some frame is on a wire,
 *   and with the same instant's others) or while playing (one step per interval, which
 *   `set-play-speed` sets: slow, normal or fast).
 * - Step back is a replay: every console input is logged with the exact point of the run it
 *   happened at (events executed and virtual time); a new session from the same lab and seed,
 *   fed the same inputs at the same points, is the same run (sim-core is deterministic), so it
 *   is run to where the last step started.
 * - A topology edit (`edit-lab`) is applied to the running session (sim-core's diffLabs and
 *   LabSession.applyChanges): a new device powers on, a new cable comes up, removed ones go;
 *   virtual time, consoles and the other devices carry on. The edit is logged with the inputs,
 *   so a replay applies it again at the point it happened. `load-lab` (a new document) boots.
 * - Add Simple PDU (`send-pdu`): one echo request from a device to another's address, started
 *   in the running network without a console (sim-core's ping, as the consoles use it); logged
 *   with the inputs so a replay sends it again.
 * - Saving: `running-configs` answers each changed device's running configuration, and every
 *   batch's clock carries `configRevision`, which goes up when a device's configuration changes
 *   at its console (the document then has unsaved work).
 *
 * Leaves out: a device whose config text changes in the document is put in again (its startup
 * config is new), not reconfigured in place; a removed device's timers still run, silent.
 */
import { writePcapng } from '../../sim-core/capture/pcapng';
import { formatIpv4, readIpv4 } from '../../sim-core/addr/ipv4';
import { formatIpv6, readIpv6, type Ipv6Address } from '../../sim-core/addr/ipv6';
import type { ConsoleSession } from '../../sim-core/console/session';
import { formatTimeNs } from '../../sim-core/engine/format-time';
import type { TraceRecord } from '../../sim-core/engine/trace';
import { bootLab } from '../../sim-core/lab/boot-lab';
import { addressOfTarget, findLiveDevice, formatAddress } from '../../sim-core/lab/scenario/checks/lab-queries';
import { startPing } from '../../sim-core/stack/apps/ping';
import { formatProblemBilingual } from '../../sim-core/lab/problem-text';
import type { BilingualText } from '../../sim-core/devices/catalog';
import type { Lab } from '../../sim-core/lab/lab-document';
import { diffLabs, type LabChange } from '../../sim-core/lab/lab-diff';
import type { LabSession } from '../../sim-core/lab/lab-session';
import { ScenarioHost, type ScenarioHostAccess } from '../scenario/scenario-host';
import { isScenarioRequestType } from '../scenario/scenario-protocol';
import { explainRecord } from './packet-decision';
import { portLightsKey, readPortLights } from './port-lights';
import {
  isSimRequestMessage,
  PLAY_SPEEDS,
  playIntervalMs,
  type FrameDetails,
  type InterfaceInfo,
  type PortLight,
  type RowClass,
  type SimClock,
  type SimMode,
  type SimOutgoingMessage,
  type SimReplyOf,
  type SimRequestMessage,
  type SimRequestOf,
  type TraceRow,
} from './sim-protocol';
import { describeRecordedBytes, destinationBytes, toTraceRow } from './trace-rows';

/** The wall clock and timers the host runs on (the worker's, or a test's fake). */
export interface HostClock {
  nowMs(): number;
}

export type PostMessage = (message: SimOutgoingMessage) => void;

export interface SimHostOptions {
  /** Most rows one batch carries; more are counted as omitted (default 5000). */
  readonly maxRowsPerBatch?: number;
  /** Trace records kept for the inspector (default 300 000; older ones are forgotten). */
  readonly maxRecords?: number;
  /** Wall time between two auto-steps while playing in simulation mode (default 800 ms). */
  readonly playIntervalMs?: number;
  /** Events one realtime slice may run (default 200 000). */
  readonly eventsPerSlice?: number;
}

/** Events one realtime slice may run before the clock is re-anchored (the UI stays live). */
const EVENTS_PER_SLICE = 200_000;
/** Most events a step may run looking for the next frame (periodic timers without frames). */
const EVENTS_PER_STEP = 2_000_000;
/** Most virtual time a step may skip looking for a frame of the wanted classes. */
const STEP_HORIZON_NS = 3_600_000_000_000;
/** A console's transcript is cut back to this many characters (the terminal's scrollback is smaller). */
const MAX_TRANSCRIPT_CHARS = 200_000;
const NS_PER_MS = 1_000_000;
/** Events per virtual second above which a slice that ran out is a storm, not a big lab falling behind. */
const STORM_EVENTS_PER_S = 1_000_000;
/** Slices in a row that must run out at a storm's rate before the run pauses (about 0.1 s of wall time). */
const STORM_SLICES = 6;
/** Wall time between two reads of the link lights while the clock runs (a port changes at most this late on the canvas). */
const PORT_LIGHTS_INTERVAL_MS = 250;

type InputAction =
  | { readonly kind: 'open' }
  | { readonly kind: 'keys'; readonly data: string }
  | { readonly kind: 'resize'; readonly cols: number; readonly rows: number }
  /** An "Add Simple PDU": one echo request from `from` to `to`'s address of the family. */
  | { readonly kind: 'pdu'; readonly from: string; readonly to: string; readonly family: 4 | 6 }
  /** A topology edit: the changes, and the lab they lead to. */
  | { readonly kind: 'edit'; readonly changes: readonly LabChange[]; readonly lab: Lab };

/** One thing a person did, at the exact point of the run it happened (`device` is '' for an edit). */
interface InputEntry {
  readonly order: number;
  readonly events: number;
  readonly nowNs: number;
  readonly device: string;
  readonly action: InputAction;
}

/** Where the run stood before a step forward. */
interface Checkpoint {
  readonly order: number;
  readonly events: number;
  readonly nowNs: number;
  readonly traceTotal: number;
}

interface OpenConsole {
  /** The device's name in the lab (follows a rename). */
  device: string;
  readonly session: ConsoleSession;
  transcript: string;
  pending: string;
}

class RequestError extends Error {}

export class SimHost {
  /** The lab as it runs now (edits applied). */
  private lab: Lab | null = null;
  /** The lab this generation booted from (a replay starts here, then applies the logged edits). */
  private bootedLab: Lab | null = null;
  private seed = 1;
  private generation = 0;
  private session: LabSession | null = null;
  private unsubscribeTrace: (() => void) | null = null;
  /** Records since boot; records[0] is seq `recordBase`. */
  private records: TraceRecord[] = [];
  private recordBase = 0;
  private traceTotal = 0;
  /** Rows from this seq on are not sent yet. */
  private sentSeq = 0;
  private consoles = new Map<string, OpenConsole>();
  private inputs: InputEntry[] = [];
  private checkpoints: Checkpoint[] = [];
  private order = 0;
  private mode: SimMode = 'realtime';
  private speed = 1;
  private playing = true;
  private anchorWallMs = 0;
  private anchorVirtualNs = 0;
  private lastPlayStepMs = 0;
  private pendingStep: { firstSeq: number; endSeq: number } | undefined;
  /** While replaying, nothing is posted (the UI gets one reset at the end). */
  private replaying = false;
  private lastClockKey = '';
  private playClasses: readonly RowClass[] | undefined;
  /** Goes up when a device's running configuration changes (typed at a console); 0 at each boot of a document. */
  private configRevision = 0;
  /** Each open console's device configuration as last seen. */
  private lastConfigs = new Map<string, string>();
  /** Devices typed at since the last flush: their configuration may have changed. */
  private readonly configSuspects = new Set<string>();
  /** Realtime slices in a row that ran out of events at a storm's rate. */
  private stormSlices = 0;
  /** The link lights as last posted (their key), and when they were last read. */
  private lastLightsKey = '';
  private lastLightsMs = -Infinity;
  /** Something happened that may change a light now (a step, an edit, a command): read them at the next flush. */
  private lightsDue = true;
  /** The scenario pane's part: faults at boot, locked consoles, checks (renderer/scenario/scenario-host.ts). */
  private readonly scenarioHost = new ScenarioHost();
  private readonly scenarioAccess: ScenarioHostAccess = {
    session: () => this.requireSession(),
    bootFresh: (lab, seed) => this.bootFresh(lab, seed),
    type: (device, data) => this.input(device, { kind: 'keys', data }),
    anchor: () => this.anchor(),
    fail: (message) => {
      throw new RequestError(message);
    },
  };
  private readonly maxRowsPerBatch: number;
  private readonly maxRecords: number;
  private playIntervalMs: number;
  private readonly eventsPerSlice: number;

  constructor(
    private readonly post: PostMessage,
    private readonly clock: HostClock,
    options: SimHostOptions = {},
  ) {
    this.maxRowsPerBatch = options.maxRowsPerBatch ?? 5000;
    this.maxRecords = options.maxRecords ?? 300_000;
    this.playIntervalMs = options.playIntervalMs ?? 800;
    this.eventsPerSlice = options.eventsPerSlice ?? EVENTS_PER_SLICE;
  }

  // ---- messages ----

  /** Handles one message from the UI; anything that is not a request is ignored. */
  handle(message: unknown): void {
    if (!isSimRequestMessage(message)) return;
    this.lightsDue = true;
    try {
      const value = this.dispatch(message);
      this.post({ type: 'reply', id: message.id, ok: true, value });
    } catch (error) {
      const text = error instanceof RequestError ? error.message : `simulation error: ${error instanceof Error ? error.message : String(error)}`;
      if (!(error instanceof RequestError)) console.error('sim worker', error);
      this.post({ type: 'reply', id: message.id, ok: false, error: text });
    }
    this.flush();
  }

  private dispatch(message: SimRequestMessage): unknown {
    if (isScenarioRequestType(message.type)) return this.scenarioHost.handle(message.type, message.body as never, this.scenarioAccess);
    switch (message.type) {
      case 'load-lab':
        return this.loadLab(message.body);
      case 'edit-lab':
        return this.editLab(message.body);
      case 'running-configs':
        return this.requireSession().changedConfigs();
      case 'console-open':
        return this.openConsole(message.body);
      case 'console-input':
        this.input(message.body.device, { kind: 'keys', data: message.body.data });
        return null;
      case 'console-resize':
        this.input(message.body.device, { kind: 'resize', cols: clampInt(message.body.cols, 2, 1000), rows: clampInt(message.body.rows, 1, 1000) });
        return null;
      case 'set-mode':
        return this.setMode(message.body.mode);
      case 'set-speed':
        this.anchor();
        this.speed = clampInt(message.body.speed, 1, 100);
        return this.clockState();
      case 'set-play-speed':
        this.playIntervalMs = playIntervalMs(PLAY_SPEEDS.includes(message.body.speed) ? message.body.speed : 'normal');
        return this.clockState();
      case 'set-playing':
        this.anchor();
        this.playing = message.body.playing;
        this.playClasses = message.body.classes;
        this.lastPlayStepMs = this.clock.nowMs();
        return this.clockState();
      case 'step-forward':
        return this.stepForward(message.body.classes);
      case 'step-back':
        return this.stepBack();
      case 'send-pdu':
        return this.sendPdu(message.body);
      case 'inspect':
        return this.inspect(message.body.seq);
      case 'interfaces':
        return this.interfaces(message.body.device);
      case 'export-capture':
        return this.exportCapture(message.body.device, message.body.iface);
    }
  }

  // ---- the session ----

  private requireSession(): LabSession {
    if (this.session === null) throw new RequestError('no lab is running');
    return this.session;
  }

  /** A new document: a fresh session of it (the consoles open before stay open, empty). */
  private loadLab({ lab, seed }: SimRequestOf<'load-lab'>): SimReplyOf<'load-lab'> {
    return this.bootFresh(lab, seed);
  }

  /**
   * An edit of the document: applied to the running network, logged for replays. With no
   * session yet (or another seed) it boots instead.
   */
  private editLab({ lab, seed }: SimRequestOf<'edit-lab'>): SimReplyOf<'edit-lab'> {
    const session = this.session;
    if (session === null || this.lab === null || seed !== this.seed) return this.bootFresh(lab, seed);
    const changes = diffLabs(this.lab, lab);
    this.lab = lab;
    if (changes.length === 0) return { generation: this.generation, problems: [] };
    const action: InputAction = { kind: 'edit', changes, lab };
    this.log('', action);
    const problems = this.applyEdit(session, action);
    return { generation: this.generation, problems: problems.map(formatProblemBilingual) };
  }

  /** Applies an edit to the session; consoles of devices gone close, a renamed device's console follows it. */
  private applyEdit(session: LabSession, action: Extract<InputAction, { kind: 'edit' }>) {
    const problems = session.applyChanges(action.changes, action.lab);
    for (const change of action.changes) {
      if (change.kind === 'remove-device') {
        this.consoles.delete(change.name);
        this.lastConfigs.delete(change.name);
      } else if (change.kind === 'rename-device') {
        const open = this.consoles.get(change.from);
        if (open !== undefined) {
          this.consoles.delete(change.from);
          open.device = change.to;
          this.consoles.set(change.to, open);
        }
        const config = this.lastConfigs.get(change.from);
        this.lastConfigs.delete(change.from);
        if (config !== undefined) this.lastConfigs.set(change.to, config);
      }
    }
    return problems;
  }

  /** A scenario's start or reset, or a new document: boots `lab` without typing old console input again. */
  private bootFresh(lab: Lab, seed: number): { generation: number; problems: readonly BilingualText[] } {
    const openDevices = [...this.consoles.keys()];
    this.lab = lab;
    this.bootedLab = lab;
    this.seed = seed;
    this.generation++;
    this.configRevision = 0;
    this.boot();
    const names = new Set(lab.devices.map((device) => device.name as string));
    for (const device of openDevices) if (names.has(device)) this.ensureConsole(device);
    this.sentSeq = this.traceTotal;
    this.anchor();
    this.postReset(0);
    return { generation: this.generation, problems: this.requireSession().problems.map(formatProblemBilingual) };
  }

  /** A fresh session of the lab this generation booted from, same seed; consoles, records and logs emptied. */
  private boot(): void {
    if (this.bootedLab === null) throw new RequestError('no lab is loaded');
    this.unsubscribeTrace?.();
    const session = bootLab(this.bootedLab, { seed: this.seed });
    this.session = session;
    this.scenarioHost.afterBoot(session);
    this.records = [];
    this.recordBase = 0;
    this.traceTotal = 0;
    this.sentSeq = 0;
    this.consoles = new Map();
    this.lastConfigs = new Map();
    this.configSuspects.clear();
    this.stormSlices = 0;
    this.inputs = [];
    this.checkpoints = [];
    this.pendingStep = undefined;
    this.unsubscribeTrace = session.network.simulator.trace.subscribe((record) => this.keep(record));
  }

  private keep(record: TraceRecord): void {
    this.records.push(record);
    this.traceTotal++;
    if (this.records.length > this.maxRecords + this.maxRecords / 4) {
      const drop = this.records.length - this.maxRecords;
      this.records = this.records.slice(drop);
      this.recordBase += drop;
    }
  }

  private recordAt(seq: number): TraceRecord | undefined {
    return this.records[seq - this.recordBase];
  }

  // ---- consoles ----

  private ensureConsole(device: string): OpenConsole {
    const session = this.requireSession();
    const name = session.resolveDeviceName(device);
    if (!name.ok) throw new RequestError(name.error);
    let open = this.consoles.get(name.value);
    if (open === undefined) {
      const opened = session.console(name.value);
      if (!opened.ok) throw new RequestError(opened.error);
      const entry: OpenConsole = { device: name.value, session: opened.value, transcript: '', pending: '' };
      // Subscribed before anything is typed, so nothing the console prints is missed.
      opened.value.onData((data) => {
        entry.transcript += data;
        if (entry.transcript.length > MAX_TRANSCRIPT_CHARS) entry.transcript = cutTranscript(entry.transcript);
        if (!this.replaying) entry.pending += data;
      });
      this.consoles.set(name.value, entry);
      this.log(name.value, { kind: 'open' });
      const config = session.runningConfig(name.value);
      if (config.ok) this.lastConfigs.set(name.value, config.value);
      // LabSession opened it before we subscribed: the first prompt is in its tail.
      const prompt = session.promptOf(name.value);
      if (prompt.ok) {
        entry.transcript += prompt.value;
        if (!this.replaying) entry.pending += prompt.value;
      }
      const banner = this.scenarioHost.consoleBanner(name.value);
      if (banner !== undefined) {
        opened.value.notify(banner);
        // notify() leaves the prompt for the end of the burst; nothing else is coming, so draw it now.
        opened.value.flush();
      }
      open = entry;
    }
    return open;
  }

  private openConsole({ device }: SimRequestOf<'console-open'>): SimReplyOf<'console-open'> {
    const open = this.ensureConsole(device);
    open.pending = '';
    return { transcript: open.transcript };
  }

  private input(device: string, action: InputAction): void {
    const open = this.ensureConsole(device);
    const name = this.requireSession().resolveDeviceName(device);
    if (!name.ok) return;
    this.log(name.value, action);
    this.apply(open, action);
    if (action.kind === 'keys') this.configSuspects.add(name.value);
  }

  private apply(open: OpenConsole, action: InputAction): void {
    if (action.kind === 'keys') this.scenarioHost.writeKeys(this.requireSession(), open.device, open.session, action.data);
    else if (action.kind === 'resize') open.session.setDimensions(action.cols, action.rows);
  }

  /** Whether the configuration of the devices typed at changed (and if so, one more revision). */
  private checkConfigs(devices: Iterable<string>): void {
    const session = this.session;
    if (session === null) return;
    let changed = false;
    for (const device of devices) {
      const config = session.runningConfig(device);
      if (!config.ok || this.lastConfigs.get(device) === config.value) continue;
      this.lastConfigs.set(device, config.value);
      changed = true;
    }
    if (changed) this.configRevision++;
  }

  private log(device: string, action: InputAction): void {
    if (this.replaying) return;
    const simulator = this.requireSession().network.simulator;
    this.inputs.push({ order: this.order++, events: simulator.eventsExecuted, nowNs: simulator.nowNs, device, action });
  }

  // ---- time ----

  private clockState(): SimClock {
    return {
      nowNs: this.session?.nowNs ?? 0,
      mode: this.mode,
      speed: this.speed,
      playing: this.playing,
      stepsBack: this.checkpoints.length,
      generation: this.generation,
      configRevision: this.configRevision,
    };
  }

  private anchor(): void {
    this.anchorWallMs = this.clock.nowMs();
    this.anchorVirtualNs = this.session?.nowNs ?? 0;
  }

  private setMode(mode: SimMode): SimClock {
    this.mode = mode;
    // Realtime runs at once; simulation waits to be asked.
    this.playing = mode === 'realtime';
    this.anchor();
    this.lastPlayStepMs = this.clock.nowMs();
    return this.clockState();
  }

  /** Advances time as the mode says; the worker calls it every animation frame or so. */
  tick(): void {
    const session = this.session;
    if (session !== null && this.playing) {
      if (this.mode === 'realtime') this.runRealtime(session);
      else if (this.clock.nowMs() - this.lastPlayStepMs >= this.playIntervalMs) {
        this.lastPlayStepMs = this.clock.nowMs();
        const stepped = this.stepForward(this.playClasses);
        if (!stepped.stepped) this.playing = false;
      }
    }
    this.flush();
  }

  private runRealtime(session: LabSession): void {
    const targetNs = this.anchorVirtualNs + Math.round((this.clock.nowMs() - this.anchorWallMs) * this.speed * NS_PER_MS);
    if (targetNs <= session.nowNs) return;
    const startNs = session.nowNs;
    const result = session.network.simulator.runUntil(targetNs, this.eventsPerSlice);
    if (result.status !== 'budget-exhausted' && result.status !== 'stopped') {
      this.stormSlices = 0;
      return;
    }
    // Too much to do for this slice: let virtual time fall behind rather than freeze.
    this.anchor();
    const ranNs = Math.max(1, session.nowNs - startNs);
    const storm = result.status === 'budget-exhausted' && (result.eventsRun * 1e9) / ranNs > STORM_EVENTS_PER_S;
    this.stormSlices = storm ? this.stormSlices + 1 : 0;
    if (this.stormSlices >= STORM_SLICES) this.pauseForStorm(session);
  }

  /** Stops the realtime run and says what used the events; playing again resumes it. */
  private pauseForStorm(session: LabSession): void {
    this.stormSlices = 0;
    this.playing = false;
    const report = session.budgetReport();
    const at = formatTimeNs(session.nowNs);
    const detail = report?.text ?? { en: 'the trace keeps no frames to say where.', vi: 'vết mô phỏng không giữ khung tin nào để chỉ ra chỗ.' };
    this.post({
      type: 'notice',
      kind: 'storm',
      message: {
        en: `The simulation is paused at ${at}: the network used its event budget, ${detail.en} Fix the cabling (or the routes), then press Play to go on.`,
        vi: `Mô phỏng đã tạm dừng ở ${at}: mạng dùng hết ngân sách sự kiện, ${detail.vi} Hãy sửa cách nối cáp (hoặc các tuyến), rồi bấm Chạy để tiếp tục.`,
      },
    });
  }

  /** Runs to the next instant with a frame (of `classes`), and the rest of that instant. */
  private stepForward(classes: readonly RowClass[] | undefined): SimReplyOf<'step-forward'> {
    const session = this.requireSession();
    const simulator = session.network.simulator;
    const start: Checkpoint = { order: this.order++, events: simulator.eventsExecuted, nowNs: simulator.nowNs, traceTotal: this.traceTotal };
    const firstSeq = this.traceTotal;
    const wanted = classes === undefined || classes.length === 0 ? null : new Set(classes);
    const horizonNs = simulator.nowNs + STEP_HORIZON_NS;
    let found = false;
    let scanned = firstSeq;
    for (let events = 0; events < EVENTS_PER_STEP; events++) {
      if (!simulator.step()) break;
      if (this.traceTotal > scanned) {
        // Finish the instant: every event due now (a switch's flood, a router's forwarding).
        simulator.runUntil(simulator.nowNs);
        found = wanted === null || this.anyOfClasses(scanned, this.traceTotal, wanted);
        scanned = this.traceTotal;
        if (found) break;
      }
      if (simulator.nowNs > horizonNs) break;
    }
    if (this.traceTotal === firstSeq && !found) {
      return { stepped: false, firstSeq, endSeq: firstSeq };
    }
    this.checkpoints.push(start);
    this.pendingStep = { firstSeq: found && wanted !== null ? this.firstOfClasses(firstSeq, this.traceTotal, wanted) : firstSeq, endSeq: this.traceTotal };
    this.anchor();
    return { stepped: found || wanted === null, ...this.pendingStep };
  }

  private anyOfClasses(from: number, to: number, wanted: ReadonlySet<RowClass>): boolean {
    return this.firstOfClasses(from, to, wanted) < to;
  }

  private firstOfClasses(from: number, to: number, wanted: ReadonlySet<RowClass>): number {
    for (let seq = from; seq < to; seq++) {
      const record = this.recordAt(seq);
      if (record !== undefined && wanted.has(toTraceRow(seq, record).frameClass)) return seq;
    }
    return to;
  }

  /** Replays from the seed to where the last step forward began. */
  private stepBack(): SimReplyOf<'step-back'> {
    const target = this.checkpoints[this.checkpoints.length - 1];
    if (target === undefined) return { stepped: false, endSeq: this.traceTotal };
    this.replayTo(target);
    return { stepped: true, endSeq: this.traceTotal };
  }

  private replayTo(target: Checkpoint): void {
    const inputs = this.inputs.filter((entry) => entry.order < target.order);
    const checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.order < target.order);
    const openDevices = [...this.consoles.keys()];
    const configsBefore = new Map(this.lastConfigs);
    const lab = this.lab;
    let catchUp: InputEntry | undefined;
    let replayedTotal: number;
    this.boot();
    this.replaying = true;
    try {
      for (const entry of inputs) {
        this.advanceTo(entry.events, entry.nowNs);
        if (entry.action.kind === 'edit') {
          this.applyEdit(this.requireSession(), entry.action);
          continue;
        }
        if (entry.action.kind === 'pdu') {
          this.startPdu(entry.action);
          continue;
        }
        const open = this.ensureConsole(entry.device);
        this.apply(open, entry.action);
      }
      this.advanceTo(target.events, target.nowNs);
      replayedTotal = this.traceTotal;
      // Edits made after the target stay in the document: the network gets them again, here.
      if (lab !== null) {
        const session = this.requireSession();
        const changes = diffLabs(session.lab, lab);
        if (changes.length > 0) {
          const action: InputAction = { kind: 'edit', changes, lab };
          const simulator = session.network.simulator;
          catchUp = { order: target.order, events: simulator.eventsExecuted, nowNs: simulator.nowNs, device: '', action };
          this.applyEdit(session, action);
        }
      }
      for (const device of openDevices) if (this.requireSession().resolveDeviceName(device).ok) this.ensureConsole(device);
    } finally {
      this.replaying = false;
    }
    // Stepping back past a command undoes what it configured: that is a change of the running configuration too.
    for (const [device, config] of this.lastConfigs) {
      if (configsBefore.get(device) !== config) {
        this.configRevision++;
        break;
      }
    }
    this.inputs = catchUp === undefined ? inputs : [...inputs, catchUp];
    this.checkpoints = checkpoints;
    this.order = target.order + 1;
    this.sentSeq = this.traceTotal;
    if (replayedTotal !== target.traceTotal) {
      this.post({
        type: 'notice',
        kind: 'bug',
        message: {
          en: `replay diverged: ${replayedTotal} trace records instead of ${target.traceTotal} (a V6Lab bug)`,
          vi: `phát lại bị lệch: ${replayedTotal} bản ghi thay vì ${target.traceTotal} (lỗi của V6Lab)`,
        },
      });
    }
    this.anchor();
    this.postReset(this.traceTotal);
  }

  /** Runs the new session to exactly where the old one was: same events executed, same time. */
  private advanceTo(events: number, nowNs: number): void {
    const simulator = this.requireSession().network.simulator;
    while (simulator.eventsExecuted < events) if (!simulator.step()) break;
    // Time moved past the last event only by a run to a time, which ran every event due by then.
    if (simulator.nowNs < nowNs) simulator.runUntil(nowNs, 0);
  }

  // ---- simple PDUs ----

  /** Sends an "Add Simple PDU" echo request now, logged (like console input) so a replay sends it again at the same point. */
  private sendPdu({ from, to, family }: SimRequestOf<'send-pdu'>): SimReplyOf<'send-pdu'> {
    const action = { kind: 'pdu', from, to, family: family === 4 ? 4 : 6 } as const;
    const started = this.startPdu(action);
    if (started.sent) this.log('', action);
    return started;
  }

  private startPdu(action: Extract<InputAction, { kind: 'pdu' }>): SimReplyOf<'send-pdu'> {
    const session = this.requireSession();
    const familyName = action.family === 6 ? 'IPv6' : 'IPv4';
    const source = findLiveDevice(session, action.from);
    if (!source.ok || source.value.stack === null) {
      return { sent: false, problem: { en: `${action.from} cannot send a ping (no IP stack).`, vi: `${action.from} không gửi được ping (không có ngăn xếp IP).` } };
    }
    const destination = addressOfTarget(session, action.to, action.family === 6 ? 'ipv6' : 'ipv4');
    if (!destination.ok) {
      const what = action.family === 6 ? { en: 'global IPv6 address', vi: 'địa chỉ IPv6 toàn cục' } : { en: 'IPv4 address', vi: 'địa chỉ IPv4' };
      return { sent: false, problem: { en: `${action.to} has no ${what.en} yet: nothing to send the ${familyName} PDU to.`, vi: `${action.to} chưa có ${what.vi}: không có đích để gửi PDU ${familyName}.` } };
    }
    startPing(source.value.stack, { destination: destination.value, count: 1, intervalNs: 0 });
    return { sent: true, destination: formatAddress(destination.value) };
  }

  // ---- questions ----

  private inspect(seq: number): FrameDetails {
    const record = this.recordAt(seq);
    if (record === undefined || record.bytes === null) throw new RequestError(`event ${seq} is no longer kept`);
    const description = describeRecordedBytes(record.bytes);
    const decision = explainRecord(
      {
        recordAt: (at) => this.recordAt(at),
        firstSeq: this.recordBase,
        endSeq: this.traceTotal,
        routeOf: (device, bytes) => this.routeOf(device, bytes),
      },
      seq,
    );
    return {
      row: this.rowOf(seq, record),
      bytes: record.bytes.slice(),
      layers: description.layers,
      summary: description.summary,
      ...(description.problem === undefined ? {} : { problem: description.problem }),
      decision,
    };
  }

  private routeOf(deviceName: string, bytes: Uint8Array): { prefix: string; nextHop: string | null } | undefined {
    const destination = destinationBytes(bytes);
    if (destination === null || this.session === null) return undefined;
    let device;
    try {
      device = this.session.network.device(deviceName);
    } catch {
      return undefined;
    }
    if (destination.family === 6) {
      const decision = device.ipv6?.routeLookup.lookup(readIpv6(destination.address, 0));
      if (decision === undefined) return undefined;
      const route = decision.route;
      return {
        prefix: `${formatIpv6(route.network as Ipv6Address)}/${route.prefixLength}`,
        nextHop: decision.onLink ? null : formatIpv6(decision.nextHop),
      };
    }
    const decision = device.ipv4?.routeLookup.lookup(readIpv4(destination.address, 0));
    if (decision === undefined) return undefined;
    return {
      prefix: `${formatIpv4(decision.route.network)}/${decision.route.prefixLength}`,
      nextHop: decision.route.nextHop === null ? null : formatIpv4(decision.route.nextHop),
    };
  }

  private interfaces(deviceName: string): readonly InterfaceInfo[] {
    const session = this.requireSession();
    const name = session.resolveDeviceName(deviceName);
    if (!name.ok) throw new RequestError(name.error);
    const device = session.device(name.value);
    const ports: InterfaceInfo[] = device.ports.map((port) => ({ name: port.name, up: port.up, port: true }));
    const portNames = new Set(ports.map((port) => port.name));
    const logical: InterfaceInfo[] = session.network
      .interfaces(device.name)
      .filter((iface) => !portNames.has(iface.name))
      .map((iface) => ({ name: iface.name, up: iface.up, port: false }));
    return [...ports, ...logical];
  }

  private exportCapture(deviceName: string, iface: string): SimReplyOf<'export-capture'> {
    const session = this.requireSession();
    const name = session.resolveDeviceName(deviceName);
    if (!name.ok) throw new RequestError(name.error);
    const packets = [];
    const traced = session.device(name.value).name;
    for (const record of this.records) {
      if (record.device !== traced || record.interface !== iface || record.bytes === null || record.direction === 'drop') continue;
      packets.push({ interfaceId: 0, timeNs: record.timeNs, bytes: record.bytes, direction: record.direction === 'tx' ? ('outbound' as const) : ('inbound' as const) });
    }
    const interfaceName = `${name.value} ${iface}`;
    const bytes = writePcapng([{ name: interfaceName, description: `${interfaceName} (V6Lab, seed ${this.seed})` }], packets);
    return { fileName: `${name.value}-${iface.replace(/[^A-Za-z0-9.-]+/g, '_')}.pcapng`, bytes, frameCount: packets.length };
  }

  // ---- to the UI ----

  /** A record as the event list shows it, under the device's name in the lab (a renamed device's frames too). */
  private rowOf(seq: number, record: TraceRecord): TraceRow {
    const row = toTraceRow(seq, record);
    const name = this.session?.labNameOf(row.device) ?? row.device;
    return name === row.device ? row : { ...row, device: name };
  }

  /** Sends what gathered since the last flush (rows, console output, the clock) as one batch. */
  flush(): void {
    if (this.replaying) return;
    if (this.configSuspects.size > 0) {
      this.checkConfigs(this.configSuspects);
      this.configSuspects.clear();
    }
    const consoles: { device: string; data: string }[] = [];
    for (const [device, open] of this.consoles) {
      if (open.pending === '') continue;
      consoles.push({ device, data: open.pending });
      open.pending = '';
    }
    const rows: TraceRow[] = [];
    const from = Math.max(this.sentSeq, this.recordBase);
    const to = this.traceTotal;
    const sendFrom = Math.max(from, to - this.maxRowsPerBatch);
    const omitted = sendFrom - from;
    for (let seq = sendFrom; seq < to; seq++) rows.push(this.rowOf(seq, this.recordAt(seq)!));
    this.sentSeq = to;
    const step = this.pendingStep;
    this.pendingStep = undefined;
    const ports = this.changedLights(step !== undefined);
    const clock = this.clockState();
    const clockKey = JSON.stringify(clock);
    // Nothing new: stay quiet (a paused simulation posts nothing).
    if (rows.length === 0 && omitted === 0 && consoles.length === 0 && step === undefined && ports === undefined && clockKey === this.lastClockKey) return;
    this.lastClockKey = clockKey;
    this.post({ type: 'batch', clock, rows, omitted, consoles, ...(step === undefined ? {} : { step }), ...(ports === undefined ? {} : { ports }) });
  }

  /**
   * The link lights when any changed since the last post (else undefined). Read after anything
   * the person did and after a step, otherwise at most every PORT_LIGHTS_INTERVAL_MS of wall time.
   */
  private changedLights(force: boolean): readonly PortLight[] | undefined {
    if (this.session === null || this.lab === null) return undefined;
    const now = this.clock.nowMs();
    if (!force && !this.lightsDue && now - this.lastLightsMs < PORT_LIGHTS_INTERVAL_MS) return undefined;
    this.lightsDue = false;
    this.lastLightsMs = now;
    const lights = readPortLights(this.session, this.lab);
    const key = portLightsKey(lights);
    if (key === this.lastLightsKey) return undefined;
    this.lastLightsKey = key;
    return lights;
  }

  private postReset(keepBelowSeq: number): void {
    for (const open of this.consoles.values()) open.pending = '';
    const ports = this.session !== null && this.lab !== null ? readPortLights(this.session, this.lab) : [];
    this.lastLightsKey = portLightsKey(ports);
    this.lastLightsMs = this.clock.nowMs();
    this.post({
      type: 'reset',
      generation: this.generation,
      keepBelowSeq,
      consoles: [...this.consoles].map(([device, open]) => ({ device, transcript: open.transcript })),
      clock: this.clockState(),
      ports,
    });
  }
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Keeps the last part of a long transcript, from a line start. */
function cutTranscript(text: string): string {
  const keep = text.slice(text.length - MAX_TRANSCRIPT_CHARS / 2);
  const lineStart = keep.indexOf('\n');
  return lineStart < 0 ? keep : keep.slice(lineStart + 1);
}
