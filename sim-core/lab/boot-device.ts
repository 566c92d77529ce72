/**
 * Powering on one device of a lab, and cabling one link: the steps bootLab (boot-lab.ts) takes
 * for every device and link at time 0, and a LabSession takes for a device or cable added while
 * the network runs. A device is created by kind under its name, its config text applied by its
 * dialect (dialect-registry.ts) as a device reads its startup-config; a link is cabled with its
 * delay, bandwidth and MTU (a link in state `down` is left unplugged).
 *
 * Every config line a device refuses becomes a problem at its file:line:column (through the
 * source map and `locateConfigLine`), with the device's own error text and the caret line IOS
 * prints; the device keeps every line it accepted, as IOS does. Nothing here throws on anything
 * a person wrote: a failure inside the simulator is a problem that says it is a V6Lab bug.
 */
import type { LinkOptions } from '../link/link';
import type { Link } from '../link/link';
import type { Device } from '../devices/device';
import type { Network } from '../sim/network';
import { formatEndpoint, type LabDevice, type LabLink } from './lab-document';
import { locateConfigLine, type LabSourceMap, type SourcePosition } from './load-lab';
import type { LabProblem, LabProblemCode } from './lab-problems';
import { dialectSupportFor, type ConfigRejection } from './dialect-registry';

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

/** Where problems point: the file's name and, when the lab came from a file, its source map. */
export interface BootSource {
  readonly fileName: string;
  readonly source?: LabSourceMap;
}

/** Creates `device` in the network under `networkName` (its lab name unless that is taken). */
export function createLabDevice(network: Network, device: LabDevice, where: BootSource, networkName: string = device.name): { device: Device } | { problem: LabBootProblem } {
  try {
    return { device: network.addDevice(device.kind, networkName) };
  } catch (error) {
    return { problem: bugProblem(where.fileName, where.source?.devices[device.name], { en: `could not create device ${device.name}`, vi: `không tạo được thiết bị ${device.name}` }, error) };
  }
}

/**
 * Cables a link between two devices of the network (`networkName` maps lab names to the
 * network's); returns the cable, or the problem.
 */
export function cableLabLink(network: Network, link: LabLink, where: BootSource, networkName: (labName: string) => string = (name) => name): { link: Link } | { problem: LabBootProblem } {
  const [a, b] = link.endpoints;
  const linkOptions: LinkOptions = {
    ...(link.delayNs === undefined ? {} : { delayNs: link.delayNs }),
    ...(link.bandwidthBps === undefined ? {} : { bandwidthBps: link.bandwidthBps }),
    ...(link.mtu === undefined ? {} : { mtuBytes: link.mtu }),
  };
  try {
    const cable = network.connect(`${networkName(a.device)}:${a.interface}`, `${networkName(b.device)}:${b.interface}`, linkOptions);
    if (link.state === 'down') cable.unplug();
    return { link: cable };
  } catch (error) {
    return {
      problem: bugProblem(
        where.fileName,
        where.source?.links[link.id],
        { en: `could not cable ${formatEndpoint(a)} to ${formatEndpoint(b)}`, vi: `không nối cáp được ${formatEndpoint(a)} với ${formatEndpoint(b)}` },
        error,
      ),
    };
  }
}

/** Applies a device's config text (from the lab) to the running device; returns its refused lines as problems. */
export function applyLabConfig(target: Device, device: LabDevice, config: string, where: BootSource): LabBootProblem[] {
  const support = dialectSupportFor(target);
  const origin = where.source?.configs[device.name];
  const at = (configLine: number, configColumn: number): SourcePosition =>
    origin === undefined ? { line: configLine, column: configColumn } : locateConfigLine(origin, configLine, configColumn);
  // Without a source map the position is within the config text itself.
  const file = origin === undefined ? `${where.fileName} (${device.name} config)` : where.fileName;
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
