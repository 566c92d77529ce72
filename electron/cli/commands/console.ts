/**
 * `v6lab console <lab>`: a terminal session over a booted lab, for offline practice without the
 * app. The lab boots and settles, then you are at the first device's console (or `--device`)
 * and type as at the real thing. Lines starting with `~` are escape commands, as in ssh:
 * `~list`, `~attach PC1`, `~wait 5s`, `~time`, `~help`, `~quit` (or `~.`); `~~` types a `~`.
 *
 * A scenario file opens as its trainee meets it (run.ts loadLabText: faults injected, then the
 * network settles); its locked devices are view-only (sim-core locked-console.ts, the app's
 * rule: a `show` line runs, anything else is refused with the bilingual notice), and three more
 * escapes play the trainee's part: `~check` runs the checks (run-checks.ts) and prints the task
 * table as `v6lab check` does, `~hint` shows the next hint of the first task not yet passed,
 * `~save FILE` writes the trainee's work file as the app's "Save my work" does (work-file.ts
 * buildWorkProgress over readRunningConfigs, progress.ts serializeProgress), for `v6lab grade`.
 * Leaves out: question checks (no way to answer them here; they count as unanswered).
 *
 * Two input modes:
 * - a terminal (stdin is a TTY): raw mode, every keystroke goes to the device's console (history,
 *   Tab, `?`, Ctrl-C / Ctrl-Shift-6 behave as on the device); virtual time runs with the wall
 *   clock (`--speed`, default 1×) all the time, so DAD, pings and timers take real seconds.
 * - a pipe: line mode, one line typed at a time; the clock runs only while a command runs (a ping
 *   takes its real seconds at 1×) and during `~wait`, so a script gives the same transcript every
 *   time. The next line waits for the prompt.
 * `--speed max` lets commands finish at once in virtual time (scripts and tests).
 *
 * The logic is the `LabConsoleDriver` class (no Node: output through a callback, time passed in)
 * so tests drive it in-process; `register` binds it to stdin/stdout and a timer.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { formatTimeNs } from '../../../sim-core/engine/format-time';
import { NS_PER_MS, NS_PER_S, type TimeNs } from '../../../sim-core/engine/time';
import { DEFAULT_EXEC_TIMEOUT_NS, type LabSession } from '../../../sim-core/lab/lab-session';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from '../cli-command';
import { errorCountLine, readLanguage, say, type Language } from '../cli-language';
import { getDeviceKindSpec } from '../../../sim-core/devices/catalog';
import { formatScenarioProblemIn } from '../../../sim-core/lab/scenario/scenario-problems';
import { isLockedDevice, type Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import { lockedNotice, writeLockedKeys } from '../../../sim-core/lab/scenario/locked-console';
import { runChecks } from '../../../sim-core/lab/scenario/run-checks';
import { buildWorkProgress, readRunningConfigs } from '../../../sim-core/lab/scenario/work-file';
import { serializeProgress, type ScenarioProgress } from '../../../sim-core/lab/scenario/progress';
import { formatCheckSummary, formatCheckTable } from './check';
import { loadLabText, lockRefuses, readDuration, readLabFile, readSeed, scenarioLine } from './run';

export type EscapeCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list' }
  | { readonly kind: 'attach'; readonly device: string }
  | { readonly kind: 'wait'; readonly durationNs: number }
  | { readonly kind: 'time' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'check' }
  | { readonly kind: 'hint' }
  | { readonly kind: 'save'; readonly file: string }
  | { readonly kind: 'error'; readonly message: string };

/** The escape commands, in the language v6lab speaks (`--lang`). */
export function escapeHelp(language: Language = 'en'): string {
  const lines =
    language === 'vi'
      ? [
          'Lệnh thoát (gõ ở đầu dòng):',
          '  ~list              các thiết bị của bài lab (* đánh dấu thiết bị đang dùng)',
          '  ~attach <thiết bị> chuyển sang console của thiết bị khác (hoặc ~a <thiết bị>)',
          '  ~wait <thời gian>  cho thời gian ảo trôi, ví dụ ~wait 5s',
          '  ~time              thời gian ảo hiện tại',
          '  ~help              danh sách này (hoặc ~?)',
          '  ~quit              thoát (hoặc ~.)',
          '  ~check             (bài thực hành) chạy các kiểm tra, in bảng nhiệm vụ',
          '  ~hint              (bài thực hành) gợi ý tiếp theo của nhiệm vụ đầu tiên chưa đạt',
          '  ~save <tệp>        (bài thực hành) lưu bài làm như ứng dụng lưu, để v6lab grade chấm',
          '  ~~                 gõ một dấu ~ vào console',
        ]
      : [
          'Escape commands (type them at the start of a line):',
          '  ~list              the devices of the lab (* marks the one you are at)',
          "  ~attach <device>   go to another device's console (also ~a <device>)",
          '  ~wait <time>       let virtual time run, e.g. ~wait 5s',
          '  ~time              the virtual time now',
          '  ~help              this list (also ~?)',
          '  ~quit              leave (also ~.)',
          '  ~check             (scenario) run the checks, print the task table',
          '  ~hint              (scenario) the next hint of the first task not passed yet',
          '  ~save <file>       (scenario) save the work file as the app does, for v6lab grade',
          '  ~~                 type a ~ at the console',
        ];
  return `${lines.join('\n')}\n\n`;
}

export const ESCAPE_HELP = escapeHelp('en');

/** Reads an escape line (`~attach PC1`); the leading `~` is required. Errors are in `language`. */
export function parseEscape(line: string, language: Language = 'en'): EscapeCommand {
  const body = line.trim().replace(/^~/, '');
  const [word = '', ...rest] = body.split(/\s+/).filter((part) => part !== '');
  const argument = rest.join(' ');
  switch (word.toLowerCase()) {
    case 'help':
    case '?':
    case 'h':
      return { kind: 'help' };
    case 'list':
    case 'ls':
    case 'l':
      return { kind: 'list' };
    case 'attach':
    case 'a':
      return argument === '' ? { kind: 'error', message: say(language, '~attach needs a device name, e.g. ~attach PC1', '~attach cần tên thiết bị, ví dụ ~attach PC1') } : { kind: 'attach', device: argument };
    case 'wait': {
      if (argument === '') return { kind: 'error', message: say(language, '~wait needs a time, e.g. ~wait 5s', '~wait cần một khoảng thời gian, ví dụ ~wait 5s') };
      const duration = readDuration('~wait', argument);
      if (duration.ok) return { kind: 'wait', durationNs: duration.value };
      return { kind: 'error', message: say(language, duration.error, `~wait '${argument}': cần một khoảng thời gian như 30s, 500ms, 2m hoặc 1h (tối đa 24h)`) };
    }
    case 'time':
      return { kind: 'time' };
    case 'check':
      return { kind: 'check' };
    case 'hint':
      return { kind: 'hint' };
    case 'save':
      return argument === '' ? { kind: 'error', message: say(language, '~save needs a file name, e.g. ~save my-work.progress.yaml', '~save cần tên tệp, ví dụ ~save bai-lam.progress.yaml') } : { kind: 'save', file: argument };
    case 'quit':
    case 'q':
    case 'exit':
    case '.':
      return { kind: 'quit' };
    default:
      return { kind: 'error', message: say(language, `unknown escape command '~${word}'; ~help lists them`, `không có lệnh thoát '~${word}'; ~help liệt kê các lệnh`) };
  }
}

/** Virtual seconds per wall second, or 'max': commands finish at once. */
export type ConsoleSpeed = number | 'max';

export function readSpeed(text: string | undefined): { ok: true; value: ConsoleSpeed } | { ok: false; error: string } {
  if (text === undefined) return { ok: true, value: 1 };
  if (text.trim().toLowerCase() === 'max') return { ok: true, value: 'max' };
  const value = Number(text.trim().replace(/x$/i, ''));
  if (!Number.isFinite(value) || value <= 0 || value > 1000) return { ok: false, error: `--speed '${text}': expected a factor from 0.01 to 1000 (1 = real time) or max` };
  return { ok: true, value };
}

export interface ConsoleDriverOptions {
  /** Terminal text out. */
  readonly write: (text: string) => void;
  /** Raw keystrokes from a terminal (true), or whole lines from a pipe (false). */
  readonly raw: boolean;
  readonly speed: ConsoleSpeed;
  /** The language of the driver's own words (help, errors, notices); consoles print what their OS prints. Default en. */
  readonly language?: Language;
  /** The scenario being played (a scenario file), with where `~save` writes and the clock it stamps. */
  readonly scenario?: ConsoleScenario;
}

export interface ConsoleScenario {
  readonly scenario: Scenario;
  /** Writes a work file's text; returns why it could not, or undefined. */
  readonly saveFile: (path: string, text: string) => string | undefined;
  /** Now, ISO 8601 (the work file's savedAt; sim-core reads no clock); without it the file has no savedAt. */
  readonly now?: () => string;
}

/**
 * Joins the person (keys or lines, and the wall clock) to a lab session: routes input to the
 * attached device's console or to the escape commands, prints that console's output, and runs
 * virtual time as the mode says (see the top of this file).
 */
export class LabConsoleDriver {
  private attached: string;
  private readonly subscribed = new Set<string>();
  private readonly pendingLines: string[] = [];
  private inputEnded = false;
  private quit = false;
  private escapeBuffer: string | undefined;
  private waitUntilNs: TimeNs | undefined;
  private clockBase: { wallMs: number; virtualNs: TimeNs } | undefined;
  private lastOutput = '';
  /** The text printed since the last line break (what the person's last line shows, as typed out). */
  private lineText = '';
  /** Whether the last text printed came from the driver (an escape command) rather than a console. */
  private driverSpokeLast = false;
  private dimensions: { cols: number; rows: number } | undefined;
  /** Scenario play: last result per task (what ~check saw), hints revealed per task. */
  private taskStates: ScenarioProgress['tasks'] = {};
  private hintsShown: ScenarioProgress['hintsShown'] = {};

  constructor(
    private readonly session: LabSession,
    firstDevice: string,
    private readonly options: ConsoleDriverOptions,
  ) {
    this.attached = firstDevice;
  }

  private get language(): Language {
    return this.options.language ?? 'en';
  }

  /** The device whose console is shown. */
  get device(): string {
    return this.attached;
  }

  /** True once `~quit` was typed, or the piped input ended and everything before it is done. */
  get finished(): boolean {
    return this.quit || (this.inputEnded && this.pendingLines.length === 0 && !this.blocked());
  }

  /** Prints the banner and the first prompt. */
  start(banner: string): void {
    this.print(banner);
    this.attach(this.attached, false);
  }

  setDimensions(cols: number, rows: number): void {
    this.dimensions = { cols, rows };
    const console = this.session.console(this.attached);
    if (console.ok) console.value.setDimensions(cols, rows);
  }

  // ---- input ----

  /** A line from a pipe (no line end). Runs now, or after the command that is running. */
  inputLine(line: string): void {
    this.pendingLines.push(line);
    this.pump();
  }

  /** The pipe closed: leave once the lines before are done. */
  endInput(): void {
    this.inputEnded = true;
    this.pump();
  }

  /** Keystrokes from a terminal in raw mode. */
  inputKeys(data: string): void {
    let passThrough = '';
    const flush = (): void => {
      if (passThrough === '') return;
      const console = this.session.console(this.attached);
      if (console.ok) {
        if (this.isLocked(this.attached)) {
          const dialect = getDeviceKindSpec(this.session.network.device(this.attached).kind).dialect;
          const key = this.session.interruptKeyOf(this.attached);
          writeLockedKeys(console.value, dialect, this.attached, passThrough, key.ok ? key.value : '\x03');
        } else console.value.write(passThrough);
      }
      passThrough = '';
      if (this.options.speed === 'max') this.finishCommandNow();
    };
    for (const ch of data) {
      if (this.quit) return;
      if (this.escapeBuffer !== undefined) {
        this.escapeKey(ch);
        continue;
      }
      if (ch === '~' && this.atEmptyPrompt()) {
        flush();
        if (this.atEmptyPrompt()) {
          this.escapeBuffer = '~';
          this.write('~', true);
          continue;
        }
      }
      passThrough += ch;
      if (ch === '\r' || ch === '\n') flush();
    }
    flush();
  }

  // ---- the clock ----

  /** Advances virtual time to follow the wall clock (`wallMs`: any monotonic milliseconds). */
  tick(wallMs: number): void {
    if (this.quit || this.options.speed === 'max') return;
    if (!this.clockRuns()) {
      this.clockBase = undefined;
      return;
    }
    if (this.clockBase === undefined) {
      this.clockBase = { wallMs, virtualNs: this.session.nowNs };
      return;
    }
    let targetNs = Math.round(this.clockBase.virtualNs + (wallMs - this.clockBase.wallMs) * NS_PER_MS * this.options.speed);
    if (this.waitUntilNs !== undefined) targetNs = Math.min(targetNs, this.waitUntilNs);
    targetNs = Math.max(targetNs, this.session.nowNs);
    if (this.session.isBusy(this.attached)) {
      this.session.runUntilPrompt(this.attached, targetNs);
      // The command is over: in line mode the clock stops until the next one.
      if (!this.session.isBusy(this.attached) && !this.options.raw) this.clockBase = undefined;
    } else {
      this.session.runUntil(targetNs);
    }
    if (this.waitUntilNs !== undefined && this.session.nowNs >= this.waitUntilNs) {
      this.waitUntilNs = undefined;
      this.showPrompt();
    }
    this.pump();
  }

  /** Whether the caller should keep calling `tick`. */
  clockRuns(): boolean {
    if (this.options.speed === 'max') return false;
    return this.options.raw || this.blocked();
  }

  // ---- inside ----

  private blocked(): boolean {
    return this.session.isBusy(this.attached) || this.waitUntilNs !== undefined;
  }

  private atEmptyPrompt(): boolean {
    const console = this.session.console(this.attached);
    return console.ok && !console.value.busy && console.value.currentLine === '';
  }

  /** Runs queued lines while nothing is running. */
  private pump(): void {
    while (!this.quit && !this.blocked() && this.pendingLines.length > 0) {
      const line = this.pendingLines.shift()!;
      if (line.trimStart().startsWith('~') && !line.trimStart().startsWith('~~')) {
        this.runEscape(line, false);
        continue;
      }
      const console = this.session.console(this.attached);
      if (!console.ok) continue;
      const typed = line.trimStart().startsWith('~~') ? line.replace('~~', '~') : line;
      if (lockRefuses(this.session, this.options.scenario?.scenario, this.attached, typed)) {
        // The line never reaches the locked device: shown as typed, then the notice and the prompt again.
        this.print(`${typed}\n${lockedNotice(this.attached)}\n`);
        this.showPrompt();
        continue;
      }
      console.value.writeLine(typed);
      if (this.options.speed === 'max') this.finishCommandNow();
      // What the line set off at this instant (IOS's %SYS-5-CONFIG_I after `end`) shows now, as `exec` does.
      if (!this.session.isBusy(this.attached)) this.session.runUntil(this.session.nowNs);
    }
    if (this.finished && !this.quit && !this.lastOutput.endsWith('\n')) this.print('\n');
  }

  /** `--speed max`: the command runs to its end in virtual time now (interrupted after the exec timeout). */
  private finishCommandNow(): void {
    if (!this.session.isBusy(this.attached)) return;
    this.session.runUntilPrompt(this.attached, this.session.nowNs + DEFAULT_EXEC_TIMEOUT_NS);
    if (!this.session.isBusy(this.attached)) return;
    const key = this.session.interruptKeyOf(this.attached);
    const console = this.session.console(this.attached);
    if (key.ok && console.ok) console.value.write(key.value);
    this.session.runUntilPrompt(this.attached, this.session.nowNs + 10 * NS_PER_S);
  }

  private escapeKey(ch: string): void {
    const buffer = this.escapeBuffer!;
    if (ch === '\r' || ch === '\n') {
      this.escapeBuffer = undefined;
      this.write('\r\n', true);
      this.runEscape(buffer, true);
      return;
    }
    if (ch === '\x7f' || ch === '\b') {
      this.escapeBuffer = buffer.slice(0, -1);
      this.write('\b \b', true);
      if (this.escapeBuffer === '') this.escapeBuffer = undefined;
      return;
    }
    if (ch === '~' && buffer === '~') {
      // `~~`: a literal ~ for the console, which echoes it itself.
      this.escapeBuffer = undefined;
      this.write('\b \b', true);
      const console = this.session.console(this.attached);
      if (console.ok) console.value.write('~');
      return;
    }
    if (ch === '.' && buffer === '~') {
      this.escapeBuffer = undefined;
      this.write('.\r\n', true);
      this.quit = true;
      return;
    }
    if (ch === '\x03') {
      this.escapeBuffer = undefined;
      this.write('^C\r\n', true);
      this.showPrompt();
      return;
    }
    if (ch >= ' ' && ch !== '\x7f') {
      this.escapeBuffer = buffer + ch;
      this.write(ch, true);
    }
  }

  private runEscape(line: string, raw: boolean): void {
    if (!raw) this.print(`${line.trim()}\n`);
    const language = this.language;
    const command = parseEscape(line, language);
    let text = '';
    switch (command.kind) {
      case 'help':
        text = escapeHelp(language);
        break;
      case 'list':
        text = this.listDevices();
        break;
      case 'time':
        text = `${say(language, 'virtual time', 'thời gian ảo')} ${formatTimeNs(this.session.nowNs)}\n`;
        break;
      case 'quit':
        this.quit = true;
        return;
      case 'error':
        text = `${command.message}\n`;
        break;
      case 'attach': {
        const name = this.session.resolveDeviceName(command.device);
        if (!name.ok) {
          const names = this.session.deviceNames.join(', ');
          text = `${say(language, name.error, `bài lab này không có thiết bị '${command.device.trim()}'; các thiết bị là ${names}`)}\n`;
          break;
        }
        this.attach(name.value, true);
        return;
      }
      case 'check':
      case 'hint':
      case 'save':
        text = this.scenarioEscape(command);
        break;
      case 'wait':
        if (this.options.speed === 'max') {
          this.session.runFor(command.durationNs);
        } else {
          this.waitUntilNs = this.session.nowNs + command.durationNs;
          text = say(language, `[waiting ${formatTimeNs(command.durationNs)} of virtual time]\n`, `[đang chờ ${formatTimeNs(command.durationNs)} thời gian ảo]\n`);
        }
        break;
    }
    this.print(text);
    if (this.waitUntilNs === undefined) this.showPrompt();
  }

  private isLocked(device: string): boolean {
    const play = this.options.scenario;
    return play !== undefined && isLockedDevice(play.scenario, device);
  }

  /** `~check`, `~hint`, `~save FILE`: the trainee's side of a scenario. */
  private scenarioEscape(command: Extract<EscapeCommand, { kind: 'check' | 'hint' | 'save' }>): string {
    const language = this.language;
    const play = this.options.scenario;
    if (play === undefined) return `${say(language, `~${command.kind} works in a scenario; this is a lab file`, `~${command.kind} chỉ dùng trong bài thực hành; đây là tệp lab`)}\n`;
    const { scenario } = play;
    switch (command.kind) {
      case 'check': {
        const tasks = runChecks(scenario, this.session);
        const states: Record<string, 'passed' | 'failed'> = { ...this.taskStates };
        for (const task of tasks) states[task.taskId] = task.passed ? 'passed' : 'failed';
        this.taskStates = states;
        return `${formatCheckTable(tasks, language)}\n${formatCheckSummary(tasks, scenario.totalPoints, language)}\n`;
      }
      case 'hint': {
        const task = scenario.tasks.find((candidate) => this.taskStates[candidate.id] !== 'passed');
        if (task === undefined) return `${say(language, 'every task passed at the last ~check: no hint needed', 'mọi nhiệm vụ đã đạt ở lần ~check trước: không cần gợi ý')}\n`;
        const shown = this.hintsShown[task.id] ?? 0;
        if (task.hints.length === 0) return `${say(language, `task ${task.id} has no hints`, `nhiệm vụ ${task.id} không có gợi ý`)}\n`;
        if (shown >= task.hints.length) return `${say(language, `task ${task.id}: all ${task.hints.length} hints already shown`, `nhiệm vụ ${task.id}: đã xem hết ${task.hints.length} gợi ý`)}\n`;
        this.hintsShown = { ...this.hintsShown, [task.id]: shown + 1 };
        const head = say(language, `hint ${shown + 1}/${task.hints.length} for task ${task.id} (${task.title.en})`, `gợi ý ${shown + 1}/${task.hints.length} cho nhiệm vụ ${task.id} (${task.title.vi})`);
        return `${head}:\n${task.hints[shown]![language].trimEnd()}\n`;
      }
      case 'save': {
        const progress = buildWorkProgress(scenario, { lab: scenario.lab, configs: readRunningConfigs(this.session), hintsShown: this.hintsShown, tasks: this.taskStates, ...(play.now === undefined ? {} : { savedAt: play.now() }) });
        const failed = play.saveFile(command.file, serializeProgress(progress));
        if (failed !== undefined) return `${say(language, `~save: cannot write '${command.file}': ${failed}`, `~save: không ghi được '${command.file}': ${failed}`)}\n`;
        return `${say(language, `saved the work to ${command.file} (v6lab grade grades it)`, `đã lưu bài làm vào ${command.file} (v6lab grade chấm tệp này)`)}\n`;
      }
    }
  }

  private listDevices(): string {
    const width = Math.max(...this.session.deviceNames.map((name) => name.length), 6);
    return (
      this.session.lab.devices
        .map((device) => `${device.name === this.attached ? '*' : ' '} ${device.name.padEnd(width)}  ${device.kind}`)
        .join('\n') + '\n'
    );
  }

  private attach(device: string, announce: boolean): void {
    this.attached = device;
    const console = this.session.console(device);
    if (!console.ok) return;
    if (!this.subscribed.has(device)) {
      this.subscribed.add(device);
      console.value.onData((data) => {
        if (this.attached === device) this.printConsole(data);
      });
    }
    if (this.dimensions !== undefined) console.value.setDimensions(this.dimensions.cols, this.dimensions.rows);
    const kind = this.session.lab.devices.find((d) => d.name === device)?.kind ?? '';
    this.print(announce ? say(this.language, `[attached to ${device} (${kind})]\n`, `[đã chuyển sang ${device} (${kind})]\n`) : '');
    if (this.isLocked(device)) this.print(`${lockedNotice(device)}\n`);
    this.showPrompt();
  }

  private promptText(): string {
    const prompt = this.session.promptOf(this.attached);
    return prompt.ok ? prompt.value : '';
  }

  /**
   * Shows the console's prompt after the driver spoke, unless the console has drawn it already
   * (it redraws its prompt after log lines that arrive during `~wait`).
   */
  private showPrompt(): void {
    const prompt = this.promptText();
    if (prompt === '' || (!this.driverSpokeLast && renderLine(this.lineText) === prompt)) return;
    this.print(prompt, false);
  }

  /**
   * Console output. A console leaves its prompt line with a line break before a log line; when
   * the driver has printed since (an escape command's answer, which ends its line), that break
   * would leave a blank line, so it is dropped.
   */
  private printConsole(data: string): void {
    const text = this.driverSpokeLast && renderLine(this.lineText) === '' ? data.replace(/^\r?\n/, '') : data;
    this.print(text, false);
  }

  /** Writes to the person: terminal text as is in raw mode, '\n' line ends and no bells in line mode. */
  private print(text: string, fromDriver = true): void {
    if (text === '') return;
    const out = this.options.raw ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n').replaceAll('\x07', '');
    this.write(out, fromDriver);
  }

  /** Every byte to the person goes here, so the driver knows what the last line shows. */
  private write(out: string, fromDriver: boolean): void {
    if (out === '') return;
    this.lastOutput = out;
    this.driverSpokeLast = fromDriver;
    const lastBreak = out.lastIndexOf('\n');
    this.lineText = lastBreak < 0 ? this.lineText + out : out.slice(lastBreak + 1);
    this.options.write(out);
  }
}

/** One terminal line as shown: '\r' returns to its start, '\b' steps back, bells are silent. */
function renderLine(text: string): string {
  let line = '';
  let col = 0;
  for (const ch of text) {
    if (ch === '\r') col = 0;
    else if (ch === '\b') col = Math.max(0, col - 1);
    else if (ch >= ' ' && ch !== '\x7f') {
      line = line.slice(0, col) + ch + line.slice(col + 1);
      col++;
    }
  }
  return line;
}

export interface ConsoleStartOptions {
  readonly seed?: string;
  readonly device?: string;
  readonly speed?: string;
  /** The language of v6lab's own words (default en). */
  readonly language?: Language;
}

/** Boots the lab for `v6lab console`: the driver ready to start, or what to print and the exit code. */
export function prepareConsole(
  fileName: string,
  labText: string,
  options: ConsoleStartOptions,
  io: { raw: boolean; write: (text: string) => void; saveFile?: ConsoleScenario['saveFile']; now?: () => string },
): { ok: true; driver: LabConsoleDriver; banner: string; warnings: string } | { ok: false; exitCode: number; error: string } {
  const seed = readSeed(options.seed);
  if (!seed.ok) return { ok: false, exitCode: EXIT_USAGE, error: `v6lab console: ${seed.error}` };
  const speed = readSpeed(options.speed);
  if (!speed.ok) return { ok: false, exitCode: EXIT_USAGE, error: `v6lab console: ${speed.error}` };
  const language = options.language ?? 'en';
  const booted = loadLabText(labText, fileName, seed.value);
  if (!booted.ok) {
    const errors = booted.problems.filter((problem) => problem.severity === 'error').length;
    return { ok: false, exitCode: EXIT_FAILED, error: `${booted.problems.map((problem) => formatScenarioProblemIn(problem, language)).join('\n')}\n${errorCountLine(errors, fileName, language)}` };
  }
  const session = booted.session;
  if (session.deviceNames.length === 0) return { ok: false, exitCode: EXIT_FAILED, error: `v6lab console: ${say(language, `${fileName} has no devices to attach to`, `${fileName} không có thiết bị nào để vào`)}` };
  let first = session.deviceNames[0]!;
  if (options.device !== undefined) {
    const named = session.resolveDeviceName(options.device);
    if (!named.ok) return { ok: false, exitCode: EXIT_USAGE, error: `v6lab console: --device: ${named.error}` };
    first = named.value;
  }
  const settle = session.runUntilSettled();
  const at = formatTimeNs(session.nowNs);
  let banner: string;
  if (language === 'vi') {
    const settled = settle.settled ? 'mạng đã ổn định' : `mạng vẫn đang hội tụ (${settle.message})`;
    const pace = speed.value === 'max' ? 'lệnh chạy xong ngay' : `thời gian ảo chạy ${speed.value}× ${io.raw ? 'theo đồng hồ thực' : 'trong lúc một lệnh chạy'}`;
    banner = `V6Lab console: ${fileName}, seed ${seed.value}. Lúc ${at} ${settled}; ${pace}.\nĐang ở ${first}. ~help liệt kê các lệnh thoát, ~quit (hoặc ~.) để thoát.\n\n`;
  } else {
    const settled = settle.settled ? 'the network has settled' : `the network is still settling (${settle.message})`;
    const pace = speed.value === 'max' ? 'commands finish at once' : `virtual time runs at ${speed.value}× ${io.raw ? 'the wall clock' : 'while a command runs'}`;
    banner = `V6Lab console: ${fileName}, seed ${seed.value}. At ${at} ${settled}; ${pace}.\nAttached to ${first}. ~help lists the escape commands, ~quit (or ~.) leaves.\n\n`;
  }
  const scenario = booted.scenario;
  if (scenario !== undefined) {
    const escapes = say(language, 'Scenario escapes: ~check, ~hint, ~save <file>.', 'Lệnh của bài thực hành: ~check, ~hint, ~save <tệp>.');
    banner = `${scenarioLine(scenario, language)}${escapes}\n${banner}`;
  }
  const play: ConsoleScenario | undefined =
    scenario === undefined ? undefined : { scenario, saveFile: io.saveFile ?? (() => say(language, 'saving is not available here', 'không lưu được ở đây')), ...(io.now === undefined ? {} : { now: io.now }) };
  const driver = new LabConsoleDriver(session, first, { raw: io.raw, speed: speed.value, write: io.write, language, ...(play === undefined ? {} : { scenario: play }) });
  return { ok: true, driver, banner, warnings: booted.warnings.map((problem) => formatScenarioProblemIn(problem, language)).join('\n') };
}

/** How often the clock follows the wall clock. */
const TICK_MS = 20;

export const consoleCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('console')
      .description('an interactive session over a lab: type at device consoles, switch with ~attach (see ~help)')
      .argument('<lab>', 'a lab file (*.v6lab.yaml), or a scenario file: opened in its start state, with ~check, ~hint and ~save')
      .option('--seed <n>', 'seed of the simulation (default 1)')
      .option('--device <name>', 'the device to start at (default: the first in the file)')
      .option('--speed <factor>', 'virtual seconds per wall second (default 1), or max: commands finish at once')
      .action(async (labPath: string, options: ConsoleStartOptions) => {
        const text = readLabFile('console', labPath);
        if (!text.ok) {
          context.io.err(`${text.error}\n`);
          context.setExitCode(EXIT_USAGE);
          return;
        }
        const raw = process.stdin.isTTY === true;
        const language = readLanguage(context.languageOption(), context.defaultLanguage);
        if (!language.ok) {
          context.io.err(`v6lab console: ${language.error}\n`);
          context.setExitCode(EXIT_USAGE);
          return;
        }
        const prepared = prepareConsole(labPath, text.value, { ...options, language: language.value }, { raw, write: context.io.out, saveFile: writeWorkFile, now: () => new Date().toISOString() });
        if (!prepared.ok) {
          context.io.err(`${prepared.error}\n`);
          context.setExitCode(prepared.exitCode);
          return;
        }
        if (prepared.warnings !== '') context.io.err(`${prepared.warnings}\n`);
        await runInteractive(prepared.driver, prepared.banner, raw);
        context.setExitCode(EXIT_OK);
      });
  },
};

/** `~save FILE` on disk: undefined when written, else why not. */
function writeWorkFile(path: string, text: string): string | undefined {
  try {
    writeFileSync(path, text, 'utf8');
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
  }
}

/** Binds the driver to stdin, stdout and a timer until it is finished. */
function runInteractive(driver: LabConsoleDriver, banner: string, raw: boolean): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    let timer: ReturnType<typeof setInterval> | undefined;
    const done = (): void => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (raw) process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stdout.off('resize', resize);
      resolve();
    };
    const check = (): void => {
      if (driver.finished) done();
    };
    const resize = (): void => {
      if (process.stdout.columns !== undefined) driver.setDimensions(process.stdout.columns, process.stdout.rows);
    };
    process.stdout.on('resize', resize);
    resize();
    driver.start(banner);
    timer = setInterval(() => {
      driver.tick(performance.now() - started);
      check();
    }, TICK_MS);
    if (raw) {
      process.stdin.setRawMode(true);
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (data: string) => {
        driver.inputKeys(data);
        check();
      });
      process.stdin.resume();
    } else {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
      lines.on('line', (line) => {
        driver.inputLine(line);
        check();
      });
      lines.on('close', () => {
        driver.endInput();
        check();
      });
    }
  });
}
