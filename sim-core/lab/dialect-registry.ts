/**
 * Which console and which config loader each device dialect uses (the catalog gives a kind's
 * dialect: IOS for routers and switches, Windows for the PC, Linux for the server). The lab
 * layer boots devices through this table only, so a new dialect is one entry here.
 * Every loader's refusals are brought to one shape (`ConfigRejection`) for the lab's problems,
 * and every dialect prints its device's configuration as it runs now (`printConfig`: IOS's
 * running-config body, the PC's netsh lines, the server's ip lines) in the text its loader reads
 * back, which is what saving a lab writes.
 * Leaves out: per-device options beyond history size and console logging.
 */
import { getDeviceKindSpec, type Dialect } from '../devices/catalog';
import type { Device } from '../devices/device';
import { createIosConsole } from '../console/ios/create-ios-console';
import { loadIosConfig } from '../console/ios/load-ios-config';
import type { ConsoleSession } from '../console/session';
import { iosRuntimeOf } from '../console/ios/ios-runtime';
import { formatConfigBody } from '../console/ios/running-config';
import { createLinuxConsole } from '../console/linux/linux-console';
import { loadLinuxConfig, printLinuxConfig } from '../console/linux/linux-config';
import { createWindowsConsole } from '../console/windows/windows-console';
import { loadWindowsConfig, printWindowsConfig, type HostConfigLoadResult } from '../console/windows/windows-config';

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
  /** A console session on the device (not yet opened). */
  createConsole(device: Device): ConsoleSession;
  /** Applies config text to the device; returns the lines it refused. Never throws on text. */
  loadConfig(device: Device, text: string): readonly ConfigRejection[];
  /**
   * The device's configuration as it runs now, in the text `loadConfig` reads back to the same
   * configuration (IOS: the running-config from `!` to `end`; hosts: normalised commands, '' for
   * factory settings).
   */
  printConfig(device: Device): string;
  /** The key that interrupts a running command (IOS Ctrl-Shift-6, hosts Ctrl-C). */
  readonly interruptKey: string;
}

const CTRL_C = '\x03';
const CTRL_SHIFT_6 = '\x1e';

const IOS_SUPPORT: DialectSupport = {
  dialect: 'ios',
  createConsole: (device) => createIosConsole(device),
  loadConfig: (device, text) =>
    loadIosConfig(device, text).rejected.map((rejection) => ({
      line: rejection.line,
      ...(rejection.column === undefined ? {} : { column: rejection.column }),
      text: rejection.text,
      message: rejection.message,
    })),
  printConfig: (device) => formatConfigBody(iosRuntimeOf(device).config),
  interruptKey: CTRL_SHIFT_6,
};

function hostSupport(
  dialect: 'windows' | 'linux',
  createConsole: (device: Device) => ConsoleSession,
  loadConfig: (device: Device, text: string) => HostConfigLoadResult,
  printConfig: (device: Device) => string,
): DialectSupport {
  return {
    dialect,
    createConsole: (device) => createConsole(device),
    loadConfig: (device, text) => loadConfig(device, text).rejected.map((rejection) => ({ line: rejection.line, text: rejection.text, message: rejection.message })),
    printConfig: (device) => printConfig(device),
    interruptKey: CTRL_C,
  };
}

const SUPPORT: Readonly<Record<Dialect, DialectSupport>> = {
  ios: IOS_SUPPORT,
  windows: hostSupport('windows', createWindowsConsole, loadWindowsConfig, printWindowsConfig),
  linux: hostSupport('linux', createLinuxConsole, loadLinuxConfig, printLinuxConfig),
};

/** The console and loader of a dialect. */
export function dialectSupport(dialect: Dialect): DialectSupport {
  return SUPPORT[dialect];
}

/** The console and loader for a device, by its kind's dialect. */
export function dialectSupportFor(device: Device): DialectSupport {
  return SUPPORT[getDeviceKindSpec(device.kind).dialect];
}
