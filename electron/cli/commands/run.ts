/**
 * `v6lab run <lab>`: load a lab file, boot it, let it settle (or run to `--until`), type each
 * `--exec` at its device's console, print the transcripts with their prompts, write the
 * `--capture` files. Exit 0 when the lab ran, 1 when the lab file has errors (printed
 * compiler-style, `file:line:col: error: …`), 2 for bad arguments or an unreadable file.
 * A scenario file runs in its trainee's start state: faults injected, and an `--exec` line a
 * locked device refuses (anything but a view-only `show`/`ping`/…) is reported with the
 * app's bilingual notice and makes the run exit 1.
 *
 * The logic is `runLabCommand` (text in, text and file bytes out) so tests run it in-process;
 * `register` only reads the lab file, writes the captures and prints. The argument readers
 * here (`readSeed`, `readDuration`, `readExecSpec`, `readCaptureSpec`, `loadLabText`) are
 * shared with `v6lab console`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatTimeNs } from '../../../sim-core/engine/format-time';
import { getDeviceKindSpec } from '../../../sim-core/devices/catalog';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { errorCountLine, readLanguage, type Language } from '../cli-language';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { isScenarioText, loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { isViewOnlyCommand, lockedNotice } from '../../../sim-core/lab/scenario/locked-console';
import { isLockedDevice, type Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import { formatScenarioProblemIn, sortScenarioProblems, type ScenarioProblem } from '../../../sim-core/lab/scenario/scenario-problems';
import { startScenario } from '../../../sim-core/lab/scenario/start-scenario';
import type { ExecResult, LabCapture, LabSession, SettleResult } from '../../../sim-core/lab/lab-session';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from '../cli-command';

/** The seed a run uses when none is given, so two runs of one lab print the same thing. */
export const DEFAULT_SEED = 1;

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, min: 60e9, h: 3600e9 };
/** Longest virtual time a run may ask for: a day. */
const MAX_DURATION_NS = 24 * 3600e9;

/** `--seed`: a whole number from 0 to 2^53 - 1. */
export function readSeed(text: string | undefined): Read<number> {
  if (text === undefined) return { ok: true, value: DEFAULT_SEED };
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value)) return { ok: false, error: `--seed '${text}': expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}` };
  return { ok: true, value };
}

/** A virtual duration: `30s`, `500ms`, `2m`, `1.5 s`, `1h` (units ns, us, ms, s, m/min, h; a bare number is seconds). */
export function readDuration(option: string, text: string): Read<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|min|h)?\s*$/.exec(text);
  if (match === null) return { ok: false, error: `${option} '${text}': expected a duration such as 30s, 500ms, 2m or 1h` };
  const valueNs = Math.round(Number(match[1]) * UNIT_NS[match[2] ?? 's']!);
  if (valueNs > MAX_DURATION_NS) return { ok: false, error: `${option} '${text}': at most 24h of virtual time` };
  return { ok: true, value: valueNs };
}

export interface ExecSpec {
  readonly device: string;
  /** The lines to type, in order (the option's text split at `;`). */
  readonly commands: readonly string[];
}

/** `--exec "R1: enable; show ipv6 interface brief"`: the device, then lines separated by `;`. */
export function readExecSpec(text: string): Read<ExecSpec> {
  const colon = text.indexOf(':');
  const device = colon < 0 ? '' : text.slice(0, colon).trim();
  if (colon < 0 || device === '' || /\s/.test(device)) {
    return { ok: false, error: `--exec '${text}': expected "<device>: <command>", e.g. --exec "R1: show ipv6 interface brief"` };
  }
  // Empty pieces inside are Enter on an empty line (the default answer to IOS's extended ping
  // questions); one after a final ';' is dropped.
  const commands = text
    .slice(colon + 1)
    .split(';')
    .map((command) => command.trim());
  if (commands.length > 1 && commands[commands.length - 1] === '') commands.pop();
  if (commands.every((command) => command === '')) return { ok: false, error: `--exec '${text}': no command after '${device}:'` };
  return { ok: true, value: { device, commands } };
}

export interface CaptureSpec {
  /** `R1:GigabitEthernet0/0` as typed (abbreviations allowed). */
  readonly endpoint: string;
  readonly file: string;
}

/** `--capture "R1:g0/0=r1.pcapng"`. */
export function readCaptureSpec(text: string): Read<CaptureSpec> {
  const equals = text.lastIndexOf('=');
  const endpoint = equals < 0 ? '' : text.slice(0, equals).trim();
  const file = equals < 0 ? '' : text.slice(equals + 1).trim();
  if (equals < 0 || file === '' || !/^[^:\s]+:\S+$/.test(endpoint)) {
    return { ok: false, error: `--capture '${text}': expected "<device>:<interface>=<file.pcapng>", e.g. --capture "R1:g0/0=r1.pcapng"` };
  }
  return { ok: true, value: { endpoint, file } };
}

/** A lab or scenario file loaded and booted (a scenario with its faults), or its problems (every one, file order). */
export type BootOutcome =
  | { readonly ok: true; readonly session: LabSession; readonly warnings: readonly ScenarioProblem[]; readonly scenario?: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Loads and boots a lab file's text; errors of loading or of the configs fail it. A scenario
 * file (isScenarioText) boots in the state its trainee meets: its lab with the faults
 * injected (startScenario, as the app and `v6lab check` do), not yet settled; the outcome
 * carries the scenario so its locked devices are enforced.
 */
export function loadLabText(text: string, fileName: string, seed: number, eventBudget?: number): BootOutcome {
  if (isScenarioText(text)) {
    const loaded = loadScenario(text, fileName);
    if (!loaded.ok) return { ok: false, problems: loaded.problems };
    const started = startScenario(loaded.scenario, { seed, source: loaded.source, settle: false, ...(eventBudget === undefined ? {} : { eventBudget }) });
    const problems = sortScenarioProblems([...loaded.warnings, ...started.problems]);
    if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
    return { ok: true, session: started.session, warnings: problems, scenario: loaded.scenario };
  }
  const loaded = loadLab(text, fileName);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const session = bootLab(loaded.lab, { seed, source: loaded.source, ...(eventBudget === undefined ? {} : { eventBudget }) });
  const problems = sortScenarioProblems([...loaded.warnings, ...session.problems]);
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
  return { ok: true, session, warnings: problems };
}

export interface RunLabOptions {
  readonly seed?: string;
  readonly until?: string;
  readonly execTimeout?: string;
  readonly exec?: readonly string[];
  readonly capture?: readonly string[];
  readonly json?: boolean;
  /** Language of problems and the tool's own words (en, vi); default en. */
  readonly lang?: string;
  /** Most events one run may take before it stops as a storm (no command-line flag; tests use a small one). */
  readonly eventBudget?: number;
}

/** One piece of output, in the order it is printed. */
export interface OutputChunk {
  readonly stream: 'out' | 'err';
  readonly text: string;
}

/** What `v6lab run` prints and writes; the caller does the printing and writing. */
export interface RunLabOutcome {
  readonly exitCode: number;
  /** Everything printed, in order (warnings, transcripts, notes). */
  readonly output: readonly OutputChunk[];
  /** Capture files to write (path as given, relative to the working directory). */
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

/** The text of one stream of an outcome. */
export function streamText(output: readonly OutputChunk[], stream: OutputChunk['stream']): string {
  return output
    .filter((chunk) => chunk.stream === stream)
    .map((chunk) => chunk.text)
    .join('');
}

/**
 * Whether a scenario's locked device refuses a line typed at its console: anything but a
 * view-only command (locked-console.ts, the rule the app's consoles follow).
 */
export function lockRefuses(session: LabSession, scenario: Scenario | undefined, device: string, line: string): boolean {
  if (scenario === undefined || !isLockedDevice(scenario, device)) return false;
  return !isViewOnlyCommand(getDeviceKindSpec(session.network.device(device).kind).dialect, line);
}

/** JSON form of a problem (what `--json` prints). */
function problemJson(problem: ScenarioProblem): Record<string, unknown> {
  return { ...problem };
}

function usage(error: string): RunLabOutcome {
  return { exitCode: EXIT_USAGE, output: [{ stream: 'err', text: `v6lab run: ${error}\n` }], files: [] };
}

/** `v6lab run` on a lab file's text. Never throws on anything the user wrote. */
export function runLabCommand(fileName: string, labText: string, options: RunLabOptions): RunLabOutcome {
  const seed = readSeed(options.seed);
  if (!seed.ok) return usage(seed.error);
  const until = options.until === undefined ? undefined : readDuration('--until', options.until);
  if (until !== undefined && !until.ok) return usage(until.error);
  const execTimeout = options.execTimeout === undefined ? undefined : readDuration('--exec-timeout', options.execTimeout);
  if (execTimeout !== undefined && !execTimeout.ok) return usage(execTimeout.error);
  const execs: ExecSpec[] = [];
  for (const text of options.exec ?? []) {
    const spec = readExecSpec(text);
    if (!spec.ok) return usage(spec.error);
    execs.push(spec.value);
  }
  const captureSpecs: CaptureSpec[] = [];
  for (const text of options.capture ?? []) {
    const spec = readCaptureSpec(text);
    if (!spec.ok) return usage(spec.error);
    captureSpecs.push(spec.value);
  }
  const json = options.json === true;
  const lang = readLanguage(options.lang);
  if (!lang.ok) return usage(lang.error);
  const format = (problems: readonly ScenarioProblem[]): string => problems.map((problem) => formatScenarioProblemIn(problem, lang.value)).join('\n');

  const booted = loadLabText(labText, fileName, seed.value, options.eventBudget);
  if (!booted.ok) {
    const errors = booted.problems.filter((problem) => problem.severity === 'error').length;
    const summary = errorCountLine(errors, fileName, lang.value);
    if (json) {
      const report = { lab: fileName, seed: seed.value, ok: false, problems: booted.problems.map(problemJson) };
      return { exitCode: EXIT_FAILED, output: [{ stream: 'out', text: `${JSON.stringify(report, null, 2)}\n` }], files: [] };
    }
    return { exitCode: EXIT_FAILED, output: [{ stream: 'err', text: `${format(booted.problems)}\n${summary}\n` }], files: [] };
  }
  const session = booted.session;

  // Names in --exec and --capture are checked before anything runs.
  for (const spec of execs) {
    const device = session.resolveDeviceName(spec.device);
    if (!device.ok) return usage(`--exec '${spec.device}: …': ${device.error}`);
  }
  const captures: { spec: CaptureSpec; capture: LabCapture }[] = [];
  for (const spec of captureSpecs) {
    const capture = session.captureStart(spec.endpoint);
    if (!capture.ok) return usage(`--capture '${spec.endpoint}=${spec.file}': ${capture.error}`);
    captures.push({ spec, capture: capture.value });
  }

  const output: OutputChunk[] = [];
  const out = (text: string): void => void output.push({ stream: 'out', text });
  const err = (text: string): void => void output.push({ stream: 'err', text });
  if (booted.warnings.length > 0 && !json) err(`${format(booted.warnings)}\n`);
  let settle: SettleResult | undefined;
  let runMessage: string | undefined;
  if (until === undefined) {
    settle = session.runUntilSettled();
    if (settle.status === 'budget-exhausted' || settle.status === 'stopped') runMessage = settle.message;
  } else {
    const result = session.runUntil(until.value);
    if (result.status === 'budget-exhausted' || result.status === 'stopped') runMessage = result.message;
  }
  if (runMessage !== undefined) err(`v6lab run: the simulation stopped early: ${runMessage}\n`);
  else if (!json) {
    const { devices, links } = session.lab;
    if (booted.scenario !== undefined) err(scenarioLine(booted.scenario, lang.value));
    const state = settle === undefined ? `ran to ${formatTimeNs(session.nowNs)}` : settle.settled ? `settled at ${formatTimeNs(session.nowNs)}` : `still settling at ${formatTimeNs(session.nowNs)}`;
    err(`${fileName}: ${devices.length} device${devices.length === 1 ? '' : 's'}, ${links.length} link${links.length === 1 ? '' : 's'}, seed ${seed.value}; ${state}\n`);
  }

  const results: ExecResult[] = [];
  let lastDevice: string | undefined;
  let refused = false;
  for (const spec of execs) {
    const device = session.resolveDeviceName(spec.device);
    for (const command of spec.commands) {
      if (device.ok && lockRefuses(session, booted.scenario, device.value, command)) {
        err(`v6lab run: '${command}' refused on ${device.value}:\n${lockedNotice(device.value)}\n`);
        refused = true;
        continue;
      }
      const result = session.exec(spec.device, command, execTimeout === undefined ? {} : { timeoutNs: execTimeout.value });
      if (!result.ok) return usage(result.error);
      const exec = result.value;
      if (!json) {
        if (exec.device !== lastDevice) out(`${lastDevice === undefined ? '' : '\n'}== ${exec.device} (at ${formatTimeNs(exec.startNs)}) ==\n`);
        out(exec.transcript);
      }
      lastDevice = exec.device;
      if (exec.interrupted) err(`v6lab run: '${command}' on ${exec.device} was still running after ${formatTimeNs(exec.endNs - exec.startNs)} of virtual time and was interrupted\n`);
      if (exec.runMessage !== undefined) err(`v6lab run: while '${command}' ran on ${exec.device}: ${exec.runMessage}\n`);
      results.push(exec);
    }
  }

  // A run the event budget stopped (a storm, a loop) did not do what was asked: exit non-zero.
  // So did a line a locked device refused.
  const ranOut = refused || runMessage !== undefined || results.some((exec) => exec.runMessage !== undefined);
  const files = captures.map(({ spec, capture }) => {
    capture.stop();
    return { path: spec.file, bytes: capture.toPcapng() };
  });
  if (!json) {
    captures.forEach(({ spec, capture }) => {
      err(`captured ${capture.frameCount} frame${capture.frameCount === 1 ? '' : 's'} on ${capture.interfaceName} → ${spec.file}\n`);
    });
    return { exitCode: ranOut ? EXIT_FAILED : EXIT_OK, output, files };
  }
  const report = {
    lab: fileName,
    ...(booted.scenario === undefined ? {} : { scenario: booted.scenario.id }),
    seed: seed.value,
    ok: !ranOut,
    problems: booted.warnings.map(problemJson),
    settle: settle === undefined ? null : { settled: settle.settled, timeNs: settle.nowNs },
    ...(runMessage === undefined ? {} : { runMessage }),
    execs: results.map((exec) => ({
      device: exec.device,
      command: exec.command,
      transcript: exec.transcript,
      prompt: exec.prompt,
      startNs: exec.startNs,
      endNs: exec.endNs,
      interrupted: exec.interrupted,
      ...(exec.runMessage === undefined ? {} : { runMessage: exec.runMessage }),
    })),
    captures: captures.map(({ spec, capture }) => ({ endpoint: capture.endpoint, file: spec.file, frames: capture.frameCount })),
    finalTimeNs: session.nowNs,
    finalTime: formatTimeNs(session.nowNs),
  };
  out(`${JSON.stringify(report, null, 2)}\n`);
  return { exitCode: ranOut ? EXIT_FAILED : EXIT_OK, output, files };
}

/** What a run or console of a scenario says first: which scenario, its faults, its locked devices. */
export function scenarioLine(scenario: Scenario, language: Language): string {
  const locked = scenario.locked.length === 0 ? '' : language === 'vi' ? `; thiết bị bị khóa (chỉ được xem): ${scenario.locked.join(', ')}` : `; locked (view only): ${scenario.locked.join(', ')}`;
  const faults = scenario.faults.length;
  return language === 'vi'
    ? `bài thực hành ${scenario.id}: ${scenario.title.vi}, ở trạng thái ban đầu (${faults} lỗi giả lập đã áp dụng${locked})\n`
    : `scenario ${scenario.id}: ${scenario.title.en}, in its start state (${faults} fault${faults === 1 ? '' : 's'} applied${locked})\n`;
}

/** Reads a lab file for a subcommand; an unreadable file is a usage error (exit 2). */
export function readLabFile(command: string, path: string): Read<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
    return { ok: false, error: `v6lab ${command}: cannot read '${path}': ${reason}` };
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const runCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('run')
      .description('boot a lab file, let it settle, type commands at device consoles, print the transcripts, write captures')
      .argument('<lab>', 'a lab file (*.v6lab.yaml), or a scenario file: booted in its start state (faults applied, locked devices view-only)')
      .option('--seed <n>', `seed of the simulation (default ${DEFAULT_SEED}: the same seed gives the same run)`)
      .option('--until <time>', 'run to this virtual time instead of until the network settles (30s, 500ms, 2m)')
      .option('--exec-timeout <time>', 'virtual time a command may run before it is interrupted (default 10m; ping -t runs until then)')
      .option('--exec <device: commands>', 'type commands at a device console, several joined with ";" (repeatable, run in order)', collect, [])
      .option('--capture <device:interface=file>', 'capture a port from boot on into a pcapng file (repeatable)', collect, [])
      .option('--json', 'print a JSON report instead of the transcripts')
      .action((labPath: string, options: { seed?: string; until?: string; execTimeout?: string; exec: string[]; capture: string[]; json?: boolean }) => {
        const text = readLabFile('run', labPath);
        if (!text.ok) {
          context.io.err(`${text.error}\n`);
          context.setExitCode(EXIT_USAGE);
          return;
        }
        const outcome = runLabCommand(labPath, text.value, { ...options, lang: context.languageOption() ?? context.defaultLanguage });
        for (const chunk of outcome.output) (chunk.stream === 'out' ? context.io.out : context.io.err)(chunk.text);
        for (const file of outcome.files) {
          try {
            writeFileSync(file.path, file.bytes);
          } catch (error) {
            context.io.err(`v6lab run: cannot write '${file.path}': ${error instanceof Error ? error.message : String(error)}\n`);
            context.setExitCode(EXIT_FAILED);
          }
        }
        context.setExitCode(outcome.exitCode);
      });
  },
};
