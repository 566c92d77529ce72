/**
 * Which console and which config loader each device dialect uses (the catalog gives a kind's
 * dialect: IOS for routers and switches, Windows for the PC, Linux for the server). The lab
 * layer boots devices through this table only, so a new dialect is one entry here.
 * Every loader's refusals are brought to one shape (`ConfigRejection`) for the lab's problems.
 * Leaves out: per-device options beyond history size and console logging.
 */
import { getDeviceKindSpec, type Dialect } from '../devices/catalog';
import type { Device } from '../devices/device';
import { createIosConsole } from '../console/ios/create-ios-console';
import { loadIosConfig } from '../console/ios/load-ios-config';
import { ConsoleSession, type ConsoleDialect, type DialectOutcome } from '../console/session';

/** A config line the device refused, as its own console would have printed it. */
export interface ConfigRejection {
  /** 1-based line number in the config text. */
  readonly line: number;
  /** 1-based column the device's caret points at, when it shows one. */
  readonly column?: number;
  /** The line as written. */
  readonly text: string;
  /** The device's message, e.g. `% Invalid input detected at '^' marker.`. */
  readonly message: string;
}

/** How one dialect boots and talks. */
export interface DialectSupport {
  readonly dialect: Dialect;
  /** Whether the dialect's console and loader exist in this build (false: a stand-in). */
  readonly available: boolean;
  /** A console session on the device (not yet opened). */
  createConsole(device: Device): ConsoleSession;
  /** Applies config text to the device; returns the lines it refused. Never throws on text. */
  loadConfig(device: Device, text: string): readonly ConfigRejection[];
  /** The key that interrupts a running command (IOS Ctrl-Shift-6, hosts Ctrl-C). */
  readonly interruptKey: string;
}

const CTRL_C = '\x03';
const CTRL_SHIFT_6 = '\x1e';

const IOS_SUPPORT: DialectSupport = {
  dialect: 'ios',
  available: true,
  createConsole: (device) => createIosConsole(device),
  loadConfig: (device, text) =>
    loadIosConfig(device, text).rejected.map((rejection) => ({
      line: rejection.line,
      ...(rejection.column === undefined ? {} : { column: rejection.column }),
      text: rejection.text,
      message: rejection.message,
    })),
  interruptKey: CTRL_SHIFT_6,
};

/** A console for a dialect this build lacks: it says so instead of pretending. */
class UnavailableDialect implements ConsoleDialect {
  readonly interruptKey = CTRL_C;
  constructor(
    private readonly promptText: string,
    private readonly what: string,
  ) {}

  prompt(): string {
    return this.promptText;
  }

  execute(line: string): DialectOutcome {
    return line.trim() === '' ? {} : { output: `${this.what} is not available in this build yet.\n\n` };
  }
}

function unavailableSupport(dialect: Dialect, prompt: string, what: string): DialectSupport {
  return {
    dialect,
    available: false,
    createConsole: () => new ConsoleSession(new UnavailableDialect(prompt, what)),
    loadConfig: () => [],
    interruptKey: CTRL_C,
  };
}

const SUPPORT: Readonly<Record<Dialect, DialectSupport>> = {
  ios: IOS_SUPPORT,
  windows: unavailableSupport('windows', 'C:\\Users\\admin>', 'The Windows command prompt'),
  linux: unavailableSupport('linux', 'admin@server:~$ ', 'The Linux shell'),
};

/** The console and loader of a dialect. */
export function dialectSupport(dialect: Dialect): DialectSupport {
  return SUPPORT[dialect];
}

/** The console and loader for a device, by its kind's dialect. */
export function dialectSupportFor(device: Device): DialectSupport {
  return SUPPORT[getDeviceKindSpec(device.kind).dialect];
}
