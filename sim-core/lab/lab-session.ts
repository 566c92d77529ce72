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
 *
 * Edits while it runs (`applyChanges`, from lab-diff.ts): a device added is powered on alone
 * (its config applied), a cable added comes up, a device or cable removed goes away, a renamed
 * device keeps running under its new name (the network keeps the name it was built with;
 * `device(name)` and `labNameOf` translate). Virtual time, the consoles and every other device
 * carry on.
 *
 * Saving: `runningConfig(name)` is the device's configuration as it runs now, in its dialect's
 * config text (what `show running-config` prints from `!` to `end`; a host's netsh or ip lines);
 * `changedConfigs()` gives it for each device whose configuration changed at its console, so a
 * saved lab keeps the text of devices nobody touched as it was written. A device removed after
 * being configured comes back with that configuration when the removal is undone.
 *
 * A run that uses the event budget (a storm) ends with a message that says what used it
 * (budget-report.ts), here and in every caller (`v6lab run`, the app).
 * Leaves out: real-time pacing (the caller slices `runUntil` against its own clock).
 */
import { writePcapng } from '../capture/pcapng';
import type { ConsoleSession } from '../console/session';
import type { RunResult } from '../engine/simulator';
import { NS_PER_S, type TimeNs } from '../engine/time';
import type { Device } from '../devices/device';
import type { Lab } from './lab-document';
import type { Network, PortCapture } from '../sim/network';
import { dialectSupportFor, type DialectSupport } from './dialect-registry';
import { applyLabConfig, cableLabLink, createLabDevice, type BootSource, type LabBootProblem } from './boot-device';
import { reportBudgetUse, type BudgetReport } from './budget-report';
import type { LabChange } from './lab-diff';

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
  /** The device's running configuration when its console opened (before anything was typed). */
  readonly configAtOpen: string;
  readonly support: DialectSupport;
  /** What the terminal shows on its last line (the prompt and anything typed after it), raw. */
  tail: string;
  /** Text emitted while an exec records, raw. */
  recording: string | undefined;
}

/** Where problems of run-time edits point (the app's document has no file positions). */
const EDIT_SOURCE: BootSource = { fileName: 'lab' };

export class LabSession {
  private readonly consoles = new Map<string, DeviceConsole>();
  /** The console an exec is waiting on: its prompt coming back ends the run. */
  private waitingOn: DeviceConsole | undefined;
  private currentLab: Lab;
  /** Lab name → the network's name for it, where they differ (a device renamed while running). */
  private readonly networkNames = new Map<string, string>();
  /** The network's name → the lab's, where they differ. */
  private readonly labNames = new Map<string, string>();
  /** Devices removed after being configured at their console: kind, the lab's config text, the running one. */
  private readonly removedConfigs = new Map<string, { readonly kind: string; readonly labConfig: string; readonly running: string }>();
  /** Devices put back with the running configuration they had (not the lab's text): a save writes theirs. */
  private readonly restored = new Set<string>();

  constructor(
    lab: Lab,
    readonly network: Network,
    /** Problems found while booting (config lines refused …), in file order. */
    readonly problems: readonly LabBootProblem[],
  ) {
    this.currentLab = lab;
  }

  /** The lab as it runs now (the booted one with every edit applied since). */
  get lab(): Lab {
    return this.currentLab;
  }

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

  /** A device by its name in the lab (exact), whatever the network calls it; throws for an unknown name. */
  device(labName: string): Device {
    return this.network.device(this.networkNames.get(labName) ?? labName);
  }

  /** The lab's name of a device the network (and its trace) knows as `networkName`. */
  labNameOf(networkName: string): string {
    return this.labNames.get(networkName) ?? networkName;
  }

  /**
   * The device's configuration as it runs now, in the text its dialect loads back to the same
   * configuration: IOS's running-config body from `!` to `end` (what `show running-config`
   * prints after its header), a PC's netsh lines, a server's ip lines ('' for factory settings).
   */
  runningConfig(deviceName: string): LabResult<string> {
    const name = this.resolveDeviceName(deviceName);
    if (!name.ok) return name;
    let device: Device;
    try {
      device = this.device(name.value);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, value: dialectSupportFor(device).printConfig(device) };
  }

  /**
   * Device name → running configuration, for each device whose configuration differs from what
   * it had when its console first opened (so: changed by someone at the console). Devices
   * nobody configured keep the text the lab gave them.
   */
  changedConfigs(): Record<string, string> {
    const changed: Record<string, string> = {};
    for (const [name, entry] of this.consoles) {
      const config = this.runningConfig(name);
      if (config.ok && (config.value !== entry.configAtOpen || this.restored.has(name))) changed[name] = config.value;
    }
    for (const name of this.restored) {
      const config = this.runningConfig(name);
      if (config.ok) changed[name] = config.value;
    }
    return changed;
  }

  /** A device configured at its console and now removed: its configuration waits for an undo. */
  private keepRemovedConfig(name: string): void {
    const changed = this.changedConfigs()[name];
    const device = this.currentLab.devices.find((candidate) => candidate.name === name);
    if (changed === undefined || device === undefined) return;
    this.removedConfigs.set(name, { kind: device.kind, labConfig: device.config ?? '', running: changed });
  }

  /**
   * Applies an edit of the lab to the running network (the changes from `diffLabs(lab, next)`)
   * and makes `next` the session's lab. Returns the problems (a config line a new device
   * refused, a cable that could not be made); everything else carries on as it was.
   */
  applyChanges(changes: readonly LabChange[], next: Lab): LabBootProblem[] {
    const problems: LabBootProblem[] = [];
    const networkName = (labName: string) => this.networkNames.get(labName) ?? labName;
    const cableAt = (change: { readonly link: Lab['links'][number] }) => {
      const end = change.link.endpoints[0];
      try {
        return this.network.linkAt(`${networkName(end.device)}:${end.interface}`);
      } catch {
        return undefined; // never cabled (a problem at boot): nothing to take away
      }
    };
    for (const change of changes) {
      switch (change.kind) {
        case 'remove-link': {
          const link = cableAt(change);
          if (link !== undefined) this.network.disconnect(link);
          break;
        }
        case 'remove-device': {
          const inNetwork = networkName(change.name);
          this.keepRemovedConfig(change.name);
          this.consoles.delete(change.name);
          this.restored.delete(change.name);
          try {
            this.network.removeDevice(inNetwork);
          } catch {
            // never created (a problem at boot)
          }
          this.networkNames.delete(change.name);
          this.labNames.delete(inNetwork);
          break;
        }
        case 'rename-device':
          this.rename(change.from, change.to);
          break;
        case 'add-device': {
          const name = change.device.name as string;
          let inNetwork = name;
          for (let n = 2; this.hasNetworkDevice(inNetwork); n++) inNetwork = `${name}~${n}`;
          const created = createLabDevice(this.network, change.device, EDIT_SOURCE, inNetwork);
          if ('problem' in created) {
            problems.push(created.problem);
            break;
          }
          if (inNetwork !== name) {
            this.networkNames.set(name, inNetwork);
            this.labNames.set(inNetwork, name);
          }
          // Undoing a delete brings the device back as it ran, configuration typed at its console included.
          const kept = this.removedConfigs.get(name);
          this.removedConfigs.delete(name);
          const restore = kept !== undefined && kept.kind === change.device.kind && kept.labConfig === (change.device.config ?? '');
          if (restore) this.restored.add(name);
          const config = restore ? kept.running : change.device.config;
          if (config !== undefined && config.trim() !== '') problems.push(...applyLabConfig(created.device, change.device, config, EDIT_SOURCE));
          break;
        }
        case 'add-link': {
          const cabled = cableLabLink(this.network, change.link, EDIT_SOURCE, networkName);
          if ('problem' in cabled) problems.push(cabled.problem);
          break;
        }
        case 'set-link-state': {
          const link = cableAt(change);
          if (link === undefined) break;
          if (change.link.state === 'down') link.unplug();
          else link.replug();
          break;
        }
      }
    }
    this.currentLab = next;
    return problems;
  }

  /** What used the event budget, from the trace's last frames (undefined when it keeps none). */
  budgetReport(): BudgetReport | undefined {
    return reportBudgetUse(this.network.simulator.trace.records());
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
    let result = this.run(Math.max(this.nowNs, SETTLE_WARMUP_NS));
    while (result.status === 'time-reached' || result.status === 'idle') {
      if (!this.hasTentativeAddresses()) return { ...result, settled: true };
      if (this.nowNs >= SETTLE_LIMIT_NS) break;
      result = this.run(Math.min(SETTLE_LIMIT_NS, this.nowNs + SETTLE_STEP_NS));
    }
    return { ...result, settled: !this.hasTentativeAddresses() };
  }

  runFor(durationNs: number): RunResult {
    return this.run(this.nowNs + Math.max(0, Math.round(durationNs)));
  }

  /** Runs to `timeNs` (no-op when it is already past). */
  runUntil(timeNs: TimeNs): RunResult {
    return this.run(Math.max(this.nowNs, timeNs));
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

  /** Runs the network to `untilNs`; a run that used the event budget says what used it. */
  private run(untilNs: TimeNs): RunResult {
    const result = this.network.runUntil(untilNs);
    if (result.status !== 'budget-exhausted') return result;
    const report = this.budgetReport();
    return report === undefined ? result : { ...result, message: `${result.message}: ${report.text.en}`, detail: report };
  }

  private hasNetworkDevice(name: string): boolean {
    try {
      this.network.device(name);
      return true;
    } catch {
      return false;
    }
  }

  /** The device keeps running; the lab, its console and (when it still has the old one) its hostname take the new name. */
  private rename(from: string, to: string): void {
    const inNetwork = this.networkNames.get(from) ?? from;
    this.networkNames.delete(from);
    this.labNames.delete(inNetwork);
    if (inNetwork !== to) {
      this.networkNames.set(to, inNetwork);
      this.labNames.set(inNetwork, to);
    }
    const entry = this.consoles.get(from);
    if (entry !== undefined) {
      this.consoles.delete(from);
      this.consoles.set(to, entry);
    }
    if (this.restored.delete(from)) this.restored.add(to);
    let device: Device;
    try {
      device = this.network.device(inNetwork);
    } catch {
      return;
    }
    const support = dialectSupportFor(device);
    const hostname = new RegExp(`^\\s*hostname\\s+${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
    if (hostname.test(support.printConfig(device))) support.loadConfig(device, `hostname ${to}`);
  }

  // ---- consoles ----

  private consoleEntry(deviceName: string): LabResult<DeviceConsole> {
    const name = this.resolveDeviceName(deviceName);
    if (!name.ok) return name;
    let entry = this.consoles.get(name.value);
    if (entry === undefined) {
      const device = this.device(name.value);
      const support = dialectSupportFor(device);
      const record: DeviceConsole = { session: support.createConsole(device), configAtOpen: support.printConfig(device), support, tail: '', recording: undefined };
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
      return this.run(Math.max(this.nowNs, untilNs));
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
