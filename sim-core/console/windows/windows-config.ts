/**
 * A Windows PC's configuration as text: the `netsh` commands in effect, one per line, like a
 * startup batch file (`REM` and `::` comment lines allowed). Loading runs each line through the
 * same netsh handlers the console uses and reports every refused line with its number and the
 * message netsh printed; printing gives the normalised lines, in an order that loads back to
 * the same state (global switches, interface switches, IPv4, IPv6 addresses, IPv6 routes).
 * Leaves out: `netsh -f` script syntax (`pushd`/`popd` contexts), `set` environment lines.
 */
import { formatIpv4 } from '../../addr/ipv4';
import { formatIpv6 } from '../../addr/ipv6';
import { ipv4Mask } from '../../addr/prefix';
import type { Device } from '../../devices/device';
import { splitCmdWords } from './cmd-args';
import { runNetsh } from './netsh';
import { windowsHostOf } from './windows-host';

/** A configuration line the device refused. */
export interface RejectedConfigLine {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly text: string;
  /** What the real shell would print for it. */
  readonly message: string;
}

export interface HostConfigLoadResult {
  readonly rejected: readonly RejectedConfigLine[];
}

/** True for lines a batch file ignores: blank, `REM …`, `:: …`, `@echo off`. */
function isCommentLine(text: string): boolean {
  const t = text.trim();
  return t === '' || /^@?rem(\s|$)/i.test(t) || t.startsWith('::') || /^@?echo\s+off$/i.test(t);
}

/** Runs every line of `text` on a PC; returns the refused ones. */
export function loadWindowsConfig(device: Device, text: string): HostConfigLoadResult {
  const host = windowsHostOf(device);
  const rejected: RejectedConfigLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (isCommentLine(raw)) return;
    const words = splitCmdWords(raw.trim());
    const first = words[0] ?? '';
    if (first.toLowerCase() !== 'netsh' && first.toLowerCase() !== 'netsh.exe') {
      rejected.push({ line: index + 1, text: raw, message: `'${first}' is not a configuration command: a PC's configuration holds netsh commands (and REM comments)` });
      return;
    }
    const outcome = runNetsh(host, words.slice(1), () => printWindowsConfig(device));
    if (!outcome.ok) rejected.push({ line: index + 1, text: raw, message: outcome.output });
  });
  return { rejected };
}

/** The normalised configuration text (empty for a PC with factory settings). */
export function printWindowsConfig(device: Device): string {
  const host = windowsHostOf(device);
  const c = host.config;
  const lines: string[] = [];
  if (!c.randomizeIdentifiers) lines.push('netsh interface ipv6 set global randomizeidentifiers=disabled');
  if (!c.privacy) lines.push('netsh interface ipv6 set privacy state=disabled');
  for (const iface of host.adapters()) {
    if (c.routerDiscoveryDisabled.has(iface.name)) lines.push(`netsh interface ipv6 set interface "${iface.name}" routerdiscovery=disabled`);
  }
  for (const iface of host.adapters()) {
    const s = c.ipv4.get(iface.name);
    if (s === undefined || s.source !== 'static') continue;
    const gateway = s.gateway === undefined ? '' : ` gateway=${formatIpv4(s.gateway)}${s.gatewayMetric !== undefined ? ` gwmetric=${s.gatewayMetric}` : ''}`;
    lines.push(`netsh interface ipv4 set address name="${iface.name}" source=static address=${formatIpv4(s.address)} mask=${formatIpv4(ipv4Mask(s.prefixLength))}${gateway}`);
  }
  for (const a of c.ipv6Addresses) lines.push(`netsh interface ipv6 add address "${a.interfaceName}" ${formatIpv6(a.address)}/${a.prefixLength}`);
  for (const r of c.ipv6Routes) {
    const hop = r.nextHop === undefined ? '' : ` ${formatIpv6(r.nextHop)}`;
    const metric = r.metric === undefined ? '' : ` metric=${r.metric}`;
    lines.push(`netsh interface ipv6 add route ${formatIpv6(r.network)}/${r.prefixLength} "${r.interfaceName}"${hop}${metric}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
