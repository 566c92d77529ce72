/**
 * Loads IOS configuration text into a device the way IOS applies a startup-config: each line
 * goes through the same command handlers as typed in `configure terminal` (indentation does not
 * matter, the command itself selects its sub-mode), `!` lines are comments, `end` stops. As when
 * IOS reads a startup-config, an interface block without `shutdown` brings the interface up
 * (running-config never prints `no shutdown`); interfaces the text does not name keep their state.
 * Every rejected line is returned with its line number, the column IOS's caret points at, and
 * the IOS error text, so a lab loader can report `file:line:column`.
 * Leaves out: `banner` blocks (multi-line delimiters), `--More--`, `copy … running-config` merge
 * semantics beyond applying line by line.
 */
import type { Device } from '../../devices/device';
import { INVALID_INPUT } from '../ios-dialect';
import { createIosDialect } from './create-ios-console';
import { ACCESS_VLAN_CREATED, iosRuntimeOf } from './ios-runtime';

export interface IosConfigRejection {
  /** 1-based line number in the text. */
  readonly line: number;
  /** 1-based column of IOS's caret, when IOS shows one (invalid input). */
  readonly column?: number;
  /** The line as written. */
  readonly text: string;
  /** The IOS message: `% Invalid input detected at '^' marker.`, `% Incomplete command.` … */
  readonly message: string;
  /** What IOS prints for the line: the caret line (under the text) and the message. */
  readonly display: string;
}

export interface IosConfigLoadResult {
  readonly rejected: readonly IosConfigRejection[];
}

/** Applies `text` to `device` (a router, L3 switch or switch); returns the lines it refused. */
export function loadIosConfig(device: Device, text: string): IosConfigLoadResult {
  const dialect = createIosDialect(device);
  const runtime = iosRuntimeOf(device);
  const loading = { named: new Set<string>(), shutdownSet: new Set<string>() };
  runtime.loading = loading;
  dialect.execute('enable');
  dialect.execute('configure terminal');
  const rejected: IosConfigRejection[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('!')) continue;
    if (trimmed === 'end') break;
    const promptLength = dialect.prompt().length;
    const outcome = dialect.execute(raw);
    outcome.job?.cancel();
    const output = outcome.output ?? '';
    if (output.trim() === '' || output.startsWith(ACCESS_VLAN_CREATED)) continue;
    const outLines = output.replace(/\n+$/, '').split('\n');
    if (outLines.includes(INVALID_INPUT) && outLines[0]!.trimStart() === '^') {
      const column = outLines[0]!.indexOf('^') - promptLength + 1;
      rejected.push({ line: index + 1, column, text: raw, message: INVALID_INPUT, display: `${raw}\n${' '.repeat(Math.max(0, column - 1))}^\n${INVALID_INPUT}` });
    } else {
      const message = outLines.filter((l) => l !== '').join('\n');
      rejected.push({ line: index + 1, text: raw, message, display: `${raw}\n${message}` });
    }
  }
  dialect.execute('end');
  runtime.loading = undefined;
  for (const name of loading.named) {
    const i = runtime.config.interfaces.get(name);
    if (i !== undefined && i.shutdown && !loading.shutdownSet.has(name)) runtime.setShutdown(i, false);
  }
  return { rejected };
}
