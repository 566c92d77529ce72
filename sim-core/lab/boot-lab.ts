/**
 * Booting a lab: the lab (from load-lab.ts) → a running network in a LabSession. Every
 * device is created by kind and name, every link cabled with its delay, bandwidth and MTU (a
 * link in state `down` is left unplugged), then each device's config text is applied by its
 * dialect (dialect-registry.ts), as a device reads its startup-config at power-on. Nothing runs
 * yet: virtual time is 0 until the caller runs it (`runUntilSettled`).
 *
 * Every config line a device refuses becomes a problem at its file:line:column (through the
 * source map and `locateConfigLine`), with the device's own error text and the caret line IOS
 * prints, all at once; the device keeps every line it accepted, as IOS does. Booting never
 * throws on anything a person wrote: a failure inside the simulator is reported as a problem
 * that says it is a V6Lab bug.
 * Leaves out: power-on order and boot delays (every device starts at time 0).
 */
import type { LinkOptions } from '../link/link';
import { Network } from '../sim/network';
import { formatEndpoint, type Lab, type LabDevice } from './lab-document';
import { locateConfigLine, type LabSourceMap, type SourcePosition } from './load-lab';
import type { LabProblem, LabProblemCode } from './lab-problems';
import { formatProblemWithExcerpt, type ProblemLanguage } from './problem-text';
import { dialectSupportFor, type ConfigRejection } from './dialect-registry';
import { LabSession } from './lab-session';

/** Kinds of problems found while booting, beyond those of loading (listed in LabProblemCode too). */
export type LabBootProblemCode = Extract<LabProblemCode, 'config-rejected' | 'boot-failed'>;

/** A problem of loading or of booting, at file:line:column, in English and Vietnamese. */
export interface LabBootProblem extends LabProblem {
  /**
   * For a refused config line: the line as written and, under it, the caret where the device
   * points (IOS's `^`), ready to print below the message.
   */
  readonly excerpt?: string;
}

export interface BootLabOptions {
  /** Seed of every random choice in the run (required: a run is replayable from its seed). */
  readonly seed: number;
  /** Positions in the lab file (from loadLab) so problems name file:line:column. */
  readonly source?: LabSourceMap;
}

/** Builds and configures the lab's network; problems are on `session.problems`. Never throws on lab content. */
export function bootLab(lab: Lab, options: BootLabOptions): LabSession {
  const network = new Network({ seed: options.seed });
  const problems: LabBootProblem[] = [];
  const source = options.source;
  const fileName = source?.fileName ?? 'lab';

  const added = new Set<string>();
  for (const device of lab.devices) {
    try {
      network.addDevice(device.kind, device.name);
      added.add(device.name);
    } catch (error) {
      problems.push(bugProblem(fileName, source?.devices[device.name], { en: `could not create device ${device.name}`, vi: `không tạo được thiết bị ${device.name}` }, error));
    }
  }

  for (const link of lab.links) {
    const [a, b] = link.endpoints;
    if (!added.has(a.device) || !added.has(b.device)) continue;
    const linkOptions: LinkOptions = {
      ...(link.delayNs === undefined ? {} : { delayNs: link.delayNs }),
      ...(link.bandwidthBps === undefined ? {} : { bandwidthBps: link.bandwidthBps }),
      ...(link.mtu === undefined ? {} : { mtuBytes: link.mtu }),
    };
    try {
      const cable = network.connect(formatEndpoint(a), formatEndpoint(b), linkOptions);
      if (link.state === 'down') cable.unplug();
    } catch (error) {
      problems.push(
        bugProblem(
          fileName,
          source?.links[link.id],
          { en: `could not cable ${formatEndpoint(a)} to ${formatEndpoint(b)}`, vi: `không nối cáp được ${formatEndpoint(a)} với ${formatEndpoint(b)}` },
          error,
        ),
      );
    }
  }

  for (const device of lab.devices) {
    if (device.config === undefined || device.config.trim() === '' || !added.has(device.name)) continue;
    problems.push(...applyConfig(network, device, device.config, fileName, source));
  }

  // Without a source map positions are per config: keep device order.
  return new LabSession(lab, network, source === undefined ? problems : sortBootProblems(problems));
}

function applyConfig(network: Network, device: LabDevice, config: string, fileName: string, source: LabSourceMap | undefined): LabBootProblem[] {
  const target = network.device(device.name);
  const support = dialectSupportFor(target);
  const origin = source?.configs[device.name];
  const at = (configLine: number, configColumn: number): SourcePosition =>
    origin === undefined ? { line: configLine, column: configColumn } : locateConfigLine(origin, configLine, configColumn);
  // Without a source map the position is within the config text itself.
  const file = origin === undefined ? `${fileName} (${device.name} config)` : fileName;
  let rejected: readonly ConfigRejection[];
  try {
    rejected = support.loadConfig(target, config);
  } catch (error) {
    const { line, column } = at(1, 1);
    return [bugProblem(file, { line, column }, { en: `${device.name}'s config could not be applied`, vi: `không áp dụng được cấu hình của ${device.name}` }, error)];
  }
  return rejected.map((rejection) => {
    const column = rejection.column ?? firstTextColumn(rejection.text);
    const position = at(rejection.line, column);
    const caret = rejection.column === undefined ? '' : `\n${' '.repeat(rejection.column - 1)}^`;
    return {
      severity: 'error',
      code: 'config-rejected',
      file,
      line: position.line,
      column: position.column,
      // The device's own error stays as the device prints it (IOS, Windows and Linux speak English).
      message: `${device.name}'s config line ${rejection.line}: ${rejection.message.replace(/\n+/g, ' ')}`,
      messageVi: `Dòng ${rejection.line} trong cấu hình của ${device.name} bị thiết bị từ chối: ${rejection.message.replace(/\n+/g, ' ')}`,
      excerpt: `${rejection.text}${caret}`,
    };
  });
}

/** File order; problems at one place keep their order (as sortProblems does for load problems). */
export function sortBootProblems(problems: readonly LabBootProblem[]): LabBootProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
    .map((entry) => entry.problem);
}

/** 1-based column of the first non-blank character of a line (1 for a blank line). */
function firstTextColumn(text: string): number {
  const match = /\S/.exec(text);
  return match === null ? 1 : match.index + 1;
}

function bugProblem(file: string, position: SourcePosition | undefined, what: { readonly en: string; readonly vi: string }, error: unknown): LabBootProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    code: 'boot-failed',
    file,
    line: position?.line ?? 1,
    column: position?.column ?? 1,
    message: `${what.en}: ${reason} (this is a V6Lab bug: the file was accepted but the simulator failed on it)`,
    messageVi: `${what.vi}: ${reason} (đây là lỗi của V6Lab: tệp đã được chấp nhận nhưng trình mô phỏng gặp lỗi khi chạy nó)`,
  };
}

/** One boot problem as a compiler prints it (in English), the excerpt indented under it. */
export function formatBootProblem(problem: LabBootProblem): string {
  return formatBootProblemIn(problem, 'en');
}

/** One boot problem in one language, the excerpt (the config line as written) indented under it. */
export function formatBootProblemIn(problem: LabBootProblem, language: ProblemLanguage): string {
  return formatProblemWithExcerpt(problem, language);
}
