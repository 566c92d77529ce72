/**
 * A booted lab: the running network plus what people and programs do with it — a console per
 * device (created on first use, then kept), commands typed at a console with virtual time run
 * until the command is over (`exec`), running virtual time (`runUntilSettled`, `runFor`,
 * `runUntil`), and port captures written as pcapng. The headless tool (`v6lab run`,
 * `v6lab console`), the app's simulation worker and the scenario checker all drive labs
 * through this one object. Built by `bootLab` (boot-lab.ts).
 *
 * Settling (`runUntilSettled`): virtual time runs to `SETTLE_WARMUP_NS` (10 s after boot; it
 * covers DAD's 1 s, router solicitations and the solicited advertisements, SLAAC and its DAD,
 * spanning tree's 50 ms), then on in 1 s steps while any interface still holds a tentative IPv6
 * address, at most to `SETTLE_LIMIT_NS` (60 s). Periodic protocols (RAs, BPDUs) never let the
 * network go idle, so "idle" cannot be the rule.
 *
 * Names from people (device names, endpoints) are looked up without case and never throw: a
 * wrong one gives `{ ok: false, error }` with the valid names.
 * Leaves out: real-time pacing (the caller slices `runUntil` against its own clock) and saving
 * device state back to config text (the consoles' `show running-config` does that).
 */
import { writePcapng } from '../capture/pcapng';
import type { ConsoleSession } from '../console/session';
import type { RunResult } from '../engine/simulator';
import { NS_PER_S, type TimeNs } from '../engine/time';
import type { Lab } from './lab-document';
import type { Network, PortCapture } from '../sim/network';
import { dialectSupportFor, type DialectSupport } from './dialect-registry';
import type { LabBootProblem } from './boot-lab';

/** Virtual time after boot that `runUntilSettled` always runs to. */
export const SETTLE_WARMUP_NS = 10 * NS_PER_S;
/** Latest virtual time `runUntilSettled` runs to while addresses are still tentative. */
export const SETTLE_LIMIT_NS = 60 * NS_PER_S;
/** Step of the settle check after the warm-up. */
const SETTLE_STEP_NS = NS_PER_S;
/** How long `exec` lets a command run (virtual time) before it interrupts it: a `ping -t` ends here. */
export const DEFAULT_EXEC_TIMEOUT_NS = 600 * NS_PER_S;
/** After the interrupt key, time a command gets to print its summary. */
const INTERRUPT_GRACE_NS = 10 * NS_PER_S;

export type LabResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface SettleResult extends RunResult {
  /** True when no interface holds a tentative IPv6 address any more. */
  readonly settled: boolean;
}

export interface ExecOptions {
  /** Virtual time the command may run before the console's interrupt key is sent (default 600 s). */
  readonly timeoutNs?: number;
}

/** One line typed at a device's console, and what the console showed. */
export interface ExecResult {
  /** The device's name as in the lab. */
  readonly device: string;
  readonly command: string;
  /** The prompt, the echoed line and the output, '\n' line ends; the next prompt is not included. */
  readonly transcript: string;
  /** The prompt now waiting (`R1#`, or a question such as `Protocol [ip]: `). */
  readonly prompt: string;
  readonly startNs: TimeNs;
  readonly endNs: TimeNs;
  /** The command outlived `timeoutNs` and was interrupted. */
  readonly interrupted: boolean;
  /** Set when the network stopped the run (a broadcast storm or routing loop used the event budget). */
  readonly runMessage?: string;
}

/** A capture of one port, both directions, from `captureStart` on. */
export interface LabCapture {
  /** `R1:GigabitEthernet0/0`, canonical. */
  readonly endpoint: string;
  /** `R1 GigabitEthernet0/0`: the pcapng interface name. */
  readonly interfaceName: string;
  readonly frameCount: number;
  /** Stops capturing (frames so far are kept). */
  stop(): void;
  /** The frames so far as a pcapng file (timestamps in virtual nanoseconds since boot). */
  toPcapng(): Uint8Array;
}

interface DeviceConsole {
  readonly session: ConsoleSession;
  readonly support: DialectSupport;
  /** What the terminal shows on its last line (the prompt and anything typed after it), raw. */
  tail: string;
  /** Text emitted while an exec records, raw. */
  recording: string | undefined;
}

export class LabSession {
  private readonly consoles = new Map<string, DeviceConsole>();
  /** The console an exec is waiting on: its prompt coming back ends the run. */
  private waitingOn: DeviceConsole | undefined;

  constructor(
    readonly lab: Lab,
    readonly network: Network,
    /** Problems found while booting (config lines refused …), in file order. */
    readonly problems: readonly LabBootProblem[],
  ) {}

  /** Virtual time now. */
  get nowNs(): TimeNs {
    return this.network.nowNs;
  }

  /** Device names in lab order. */
  get deviceNames(): readonly string[] {
    return this.lab.devices.map((device) => device.name);
  }

  /** The lab's name for a device typed by a person (`r1` → `R1`), or an error listing the names. */
  resolveDeviceName(name: string): LabResult<string> {
    const wanted = name.trim().toLowerCase();
    const found = this.deviceNames.find((candidate) => candidate.toLowerCase() === wanted);
    if (found !== undefined) return { ok: true, value: found };
    return { ok: false, error: `there is no device '${name.trim()}' in this lab; the devices are ${this.deviceNames.join(', ') || '(none)'}` };
  }

  /**
   * The console of a device, opened (its first prompt shown) on first use and kept after. Text
   * it printed before you subscribed is not replayed: subscribe with `onData` right after.
   */
  console(deviceName: string): LabResult<ConsoleSession> {
    const entry = this.consoleEntry(deviceName);
    return entry.ok ? { ok: true, value: entry.value.session } : entry;
  }

  /** What the device's console shows on its last line now (the prompt, and anything half-typed). */
  promptOf(deviceName: string): LabResult<string> {
    const entry = this.consoleEntry(deviceName);
    return entry.ok ? { ok: true, value: renderTerminalText(entry.value.tail) } : entry;
  }

  /** The key that interrupts a running command on this device's console (Ctrl-Shift-6 on IOS, Ctrl-C on hosts). */
  interruptKeyOf(deviceName: string): LabResult<string> {
    const entry = this.consoleEntry(deviceName);
    return entry.ok ? { ok: true, value: entry.value.support.interruptKey } : entry;
  }

  /**
   * Types `commandLine` and Enter at the device's console, then runs virtual time until the
   * command is over (its prompt comes back), interrupting it after `timeoutNs`.
   * Mode commands work as typed (`enable`, `configure terminal`): the console keeps its mode.
   */
  exec(deviceName: string, commandLine: string, options: ExecOptions = {}): LabResult<ExecResult> {
    const entry = this.consoleEntry(deviceName);
    if (!entry.ok) return entry;
    const record = entry.value;
    const startNs = this.nowNs;
    const before = record.tail;
    record.recording = '';
    record.session.writeLine(commandLine.replace(/[\r\n]+/g, ' '));
    let interrupted = false;
    let runMessage: string | undefined;
    const timeoutNs = options.timeoutNs ?? DEFAULT_EXEC_TIMEOUT_NS;
    let outcome = this.runWhileBusy(record, startNs + Math.max(0, timeoutNs));
    if (outcome !== undefined && outcome.status !== 'stopped' && outcome.status !== 'time-reached' && outcome.status !== 'idle') runMessage = outcome.message;
    if (record.session.busy && runMessage === undefined) {
      interrupted = true;
      record.session.write(record.support.interruptKey);
      outcome = this.runWhileBusy(record, this.nowNs + INTERRUPT_GRACE_NS);
      if (outcome?.status === 'budget-exhausted') runMessage = outcome.message;
    }
    // What the command set off at this instant (IOS's %SYS-5-CONFIG_I after `end`, logged on a
    // zero-delay timer) shows before the transcript closes, as on the device; time does not move.
    if (!record.session.busy && runMessage === undefined) this.network.runUntil(this.nowNs);
    const recorded = record.recording;
    record.recording = undefined;
    const screen = renderTerminalText(before + recorded);
    const lastBreak = screen.lastIndexOf('\n');
    const prompt = record.session.busy ? '' : screen.slice(lastBreak + 1);
    const transcript = record.session.busy ? screen : screen.slice(0, lastBreak + 1);
    const device = this.resolveDeviceName(deviceName);
    return {
      ok: true,
      value: {
        device: device.ok ? device.value : deviceName,
        command: commandLine,
        transcript,
        prompt,
        startNs,
        endNs: this.nowNs,
        interrupted,
        ...(runMessage === undefined ? {} : { runMessage }),
      },
    };
  }

  /** Whether a command is running at the device's console (false for an unknown device). */
  isBusy(deviceName: string): boolean {
    const name = this.resolveDeviceName(deviceName);
    return name.ok && (this.consoles.get(name.value)?.session.busy ?? false);
  }

  /**
   * Runs virtual time until the device's console has no command running (its prompt is back),
   * or to `untilNs`, whichever comes first; a console that is free returns at once (undefined).
   * A pacing loop calls it with `untilNs` following the wall clock.
   */
  runUntilPrompt(deviceName: string, untilNs: TimeNs): RunResult | undefined {
    const entry = this.consoleEntry(deviceName);
    return entry.ok ? this.runWhileBusy(entry.value, untilNs) : undefined;
  }

  /** Runs the settle rule described at the top of this file. */
  runUntilSettled(): SettleResult {
    let result = this.network.runUntil(Math.max(this.nowNs, SETTLE_WARMUP_NS));
    while (result.status === 'time-reached' || result.status === 'idle') {
      if (!this.hasTentativeAddresses()) return { ...result, settled: true };
      if (this.nowNs >= SETTLE_LIMIT_NS) break;
      result = this.network.runUntil(Math.min(SETTLE_LIMIT_NS, this.nowNs + SETTLE_STEP_NS));
    }
    return { ...result, settled: !this.hasTentativeAddresses() };
  }

  runFor(durationNs: number): RunResult {
    return this.network.runFor(Math.max(0, durationNs));
  }

  /** Runs to `timeNs` (no-op when it is already past). */
  runUntil(timeNs: TimeNs): RunResult {
    return this.network.runUntil(Math.max(this.nowNs, timeNs));
  }

  /** Starts capturing a port (`R1:g0/0`, abbreviations accepted). */
  captureStart(endpoint: string): LabResult<LabCapture> {
    const colon = endpoint.indexOf(':');
    if (colon <= 0) return { ok: false, error: `'${endpoint}' is not a port; write device:interface, e.g. R1:GigabitEthernet0/0` };
    const device = this.resolveDeviceName(endpoint.slice(0, colon));
    if (!device.ok) return device;
    let capture: PortCapture;
    try {
      capture = this.network.capture(`${device.value}:${endpoint.slice(colon + 1).trim()}`);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const interfaceName = capture.interfaceName;
    return {
      ok: true,
      value: {
        endpoint: interfaceName.replace(' ', ':'),
        interfaceName,
        get frameCount() {
          return capture.frames.length;
        },
        stop: () => capture.stop(),
        toPcapng: () =>
          writePcapng(
            [{ name: interfaceName, description: `${interfaceName} (V6Lab, seed ${this.network.simulator.seed})` }],
            capture.frames.map((frame) => ({ interfaceId: 0, timeNs: frame.timeNs, bytes: frame.bytes, direction: frame.direction })),
          ),
      },
    };
  }

  // ---- consoles ----

  private consoleEntry(deviceName: string): LabResult<DeviceConsole> {
    const name = this.resolveDeviceName(deviceName);
    if (!name.ok) return name;
    let entry = this.consoles.get(name.value);
    if (entry === undefined) {
      const device = this.network.device(name.value);
      const support = dialectSupportFor(device);
      const record: DeviceConsole = { session: support.createConsole(device), support, tail: '', recording: undefined };
      record.session.onData((data) => this.observe(record, data));
      this.consoles.set(name.value, record);
      record.session.open();
      entry = record;
    }
    return { ok: true, value: entry };
  }

  private observe(record: DeviceConsole, data: string): void {
    if (record.recording !== undefined) record.recording += data;
    const lastBreak = data.lastIndexOf('\n');
    record.tail = lastBreak < 0 ? record.tail + data : data.slice(lastBreak + 1);
    if (this.waitingOn === record && !record.session.busy) this.network.simulator.stop('the command is over');
  }

  /** Runs virtual time until the console is free again, `untilNs`, or a run problem. */
  private runWhileBusy(record: DeviceConsole, untilNs: TimeNs): RunResult | undefined {
    if (!record.session.busy) return undefined;
    this.waitingOn = record;
    try {
      return this.network.runUntil(Math.max(this.nowNs, untilNs));
    } finally {
      this.waitingOn = undefined;
    }
  }

  private hasTentativeAddresses(): boolean {
    for (const device of this.network.allDevices()) {
      for (const iface of device.stack?.interfaces ?? []) {
        if (iface.ipv6.addresses.some((address) => address.state === 'tentative')) return true;
      }
    }
    return false;
  }
}

/**
 * What a terminal would show for this output: '\r\n' and '\n' end lines, '\r' returns to the line
 * start, '\b' moves left (the next character overwrites), the bell and other control characters
 * are dropped. Result lines end with '\n'; trailing spaces are trimmed.
 */
export function renderTerminalText(text: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  let cursor = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lines.push(line.join('').replace(/ +$/, ''));
      line = [];
      cursor = 0;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') cursor = 0;
    } else if (ch === '\b') {
      cursor = Math.max(0, cursor - 1);
    } else if (ch >= ' ' && ch !== '\x7f') {
      while (line.length < cursor) line.push(' ');
      line[cursor] = ch;
      cursor++;
    }
  }
  lines.push(line.join(''));
  return lines.join('\n');
}
