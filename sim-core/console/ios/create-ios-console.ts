/**
 * The console of an IOS device (router, L3 switch, switch): a pseudo-terminal session speaking
 * the device's IOS command set, prompt from its hostname, interface names from its kind, log
 * lines (`%LINK-3-UPDOWN`, `%SYS-5-CONFIG_I`, `debug` output) printed as they happen in virtual
 * time, and the questions some commands ask on their own line (`copy`'s destination, the
 * extended `ping` dialog, `Output Interface:`), answered by the next line typed.
 * Leaves out: login and `enable secret` prompts, the `--More--` pager.
 */
import type { Device } from '../../devices/device';
import { IosDialect } from '../ios-dialect';
import { ConsoleSession, type ConsoleDialect, type ControlKeyOutcome, type DialectOutcome } from '../session';
import type { ConsoleQuestion, IosCommandEnv } from './command-context';
import { buildIosModes, iosInterfaceCatalog, IOS_KEYWORD_HELP, IOS_MODE_IDS } from './ios-modes';
import { iosRuntimeOf } from './ios-runtime';

export interface IosConsoleOptions {
  readonly historySize?: number;
  /** Print log messages on this console (default true), as `logging console` does. */
  readonly logging?: boolean;
}

/** Puts IOS's own questions in front of the command line while one is pending. */
class QuestioningDialect implements ConsoleDialect {
  readonly interruptKey = '\x1e';
  question: ConsoleQuestion | undefined;
  inner: IosDialect | undefined;

  prompt(): string {
    return this.question?.prompt ?? this.inner?.prompt() ?? '';
  }

  execute(line: string): DialectOutcome {
    const question = this.question;
    if (question === undefined) return this.inner?.execute(line) ?? {};
    this.question = undefined;
    const outcome = question.answer(line);
    if (outcome.next !== undefined) this.question = outcome.next;
    return { ...(outcome.output !== undefined ? { output: outcome.output } : {}), ...(outcome.job !== undefined ? { job: outcome.job } : {}) };
  }

  help(line: string): string | undefined {
    return this.question === undefined ? this.inner?.help(line) : undefined;
  }

  complete(line: string): string | undefined {
    return this.question === undefined ? this.inner?.complete(line) : undefined;
  }

  controlKey(key: 'ctrl-c' | 'ctrl-z', line: string): ControlKeyOutcome | undefined {
    if (this.question !== undefined) {
      if (key !== 'ctrl-c') return undefined;
      this.question = undefined;
      return { echo: '^C' };
    }
    return this.inner?.controlKey(key);
    void line;
  }
}

/** Builds the IOS dialect of a device (the console and the config loader share it). */
export function createIosDialect(device: Device, ask?: (question: ConsoleQuestion) => void, history?: () => readonly string[]): IosDialect {
  const runtime = iosRuntimeOf(device);
  const env: IosCommandEnv = { runtime, ...(ask === undefined ? {} : { ask }), ...(history === undefined ? {} : { history }) };
  return new IosDialect({
    hostname: () => runtime.hostname,
    modes: buildIosModes(env),
    userMode: IOS_MODE_IDS.user,
    privilegedMode: IOS_MODE_IDS.privileged,
    configMode: IOS_MODE_IDS.config,
    interfaces: () => iosInterfaceCatalog(device.kind),
    keywordHelp: IOS_KEYWORD_HELP,
    onConfigEnd: () => runtime.log('%SYS-5-CONFIG_I: Configured from console by console'),
    ...(ask === undefined ? {} : { ask }),
  });
}

/** A console session on an IOS device (call `open()` to show the first prompt). */
export function createIosConsole(device: Device, options: IosConsoleOptions = {}): ConsoleSession {
  const dialect = new QuestioningDialect();
  const history: { session?: ConsoleSession } = {};
  dialect.inner = createIosDialect(
    device,
    (question) => {
      dialect.question = question;
    },
    () => history.session?.historyLines ?? [],
  );
  // The prompt comes back once after the log lines of one virtual instant (a zero-delay timer
  // runs after every message already queued for it).
  const scheduleRedraw = (redraw: () => void): void => void device.simulator.setTimer(0, redraw);
  const session = new ConsoleSession(dialect, options.historySize === undefined ? { scheduleRedraw } : { historySize: options.historySize, scheduleRedraw });
  history.session = session;
  if (options.logging !== false) iosRuntimeOf(device).onLog((line) => session.notify(line));
  return session;
}
