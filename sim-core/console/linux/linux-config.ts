/**
 * A Linux server's configuration as text: the `ip …`, `sysctl -w …` and `hostname …` commands in
 * effect, one per line, like a boot script run as root (`#` comments, a leading `sudo` allowed).
 * Loading runs each line through the same handlers the console uses and reports every refused
 * line with its number and the message the real command prints; printing gives the normalised
 * lines in an order that loads back to the same state (hostname, sysctls, links, addresses,
 * routes). The console prints it with the lab's own command `v6lab-config`.
 * Leaves out: `/etc/network/interfaces` and netplan syntax, shell variables and `if` blocks.
 */
import { formatIpv4, type Ipv4Address } from '../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../addr/ipv6';
import type { Device } from '../../devices/device';
import { runIp } from './ip-command';
import { linuxHostOf, type LinuxHost } from './linux-host';
import { splitShellWords } from './shell-args';

export interface RejectedConfigLine {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly text: string;
  /** What the real command prints for it. */
  readonly message: string;
}

export interface HostConfigLoadResult {
  readonly rejected: readonly RejectedConfigLine[];
}

/** What a configuration command printed and whether it succeeded. */
export interface CommandOutcome {
  readonly ok: boolean;
  readonly output: string;
}

/** `sysctl [-w] key[=value]…`: reads and writes, as procps-ng does (a `=` means write even without -w). */
export function runSysctl(host: LinuxHost, args: readonly string[], root: boolean): CommandOutcome {
  const lines: string[] = [];
  let ok = true;
  let write = false;
  const keys: string[] = [];
  for (const arg of args) {
    if (arg === '-w') write = true;
    else if (arg === '-a' || arg === '--all') keys.push(...allSysctlKeys(host));
    else if (arg === '-q' || arg === '-n' || arg === '-e') continue;
    else if (arg.startsWith('-')) return { ok: false, output: `sysctl: invalid option -- '${arg.slice(1)}'` };
    else keys.push(arg);
  }
  if (keys.length === 0) return { ok: false, output: '\nUsage:\n sysctl [options] [variable[=value] ...]' };
  for (const item of keys) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      if (write) {
        lines.push(`sysctl: "${item}" must be of the form name=value`);
        ok = false;
        continue;
      }
      const key = item.replace(/\//g, '.');
      const value = host.sysctlValue(key);
      if (value === undefined) {
        lines.push(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
        ok = false;
      } else lines.push(`${key} = ${value}`);
      continue;
    }
    const key = item.slice(0, eq).trim().replace(/\//g, '.');
    const value = item.slice(eq + 1).trim();
    if (host.sysctlValue(key) === undefined) {
      lines.push(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
      ok = false;
      continue;
    }
    if (!root) {
      lines.push(`sysctl: permission denied on key "${key}"`);
      ok = false;
      continue;
    }
    const problem = host.writeSysctl(key, value);
    if (problem !== undefined) {
      lines.push(problem);
      ok = false;
    } else lines.push(`${key} = ${host.sysctlValue(key)}`);
  }
  return { ok, output: lines.join('\n') };
}

function allSysctlKeys(host: LinuxHost): string[] {
  const leaves = ['accept_ra', 'addr_gen_mode', 'autoconf', 'disable_ipv6', 'forwarding', 'use_tempaddr'];
  const names = ['all', 'default', ...host.nics().map((i) => i.name), 'lo'].sort();
  return ['net.ipv4.ip_forward', ...names.flatMap((n) => leaves.map((l) => `net.ipv6.conf.${n}.${l}`))];
}

/** `hostname [NAME]`. */
export function runHostname(host: LinuxHost, args: readonly string[], root: boolean): CommandOutcome {
  const name = args.find((a) => !a.startsWith('-'));
  if (name === undefined) return { ok: true, output: host.hostname };
  if (!root) return { ok: false, output: 'hostname: you must be root to change the host name' };
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(name)) return { ok: false, output: 'hostname: the specified hostname is invalid' };
  host.setHostname(name);
  return { ok: true, output: '' };
}

/** Runs one configuration command (words after an optional `sudo`), as the loader does. */
export function runConfigCommand(host: LinuxHost, words: readonly string[], root: boolean): CommandOutcome {
  const [command, ...args] = words;
  switch (command) {
    case 'ip':
      return runIp(host, args, root);
    case 'sysctl':
      return runSysctl(host, args, root);
    case 'hostname':
      return runHostname(host, args, root);
    default:
      return { ok: false, output: `${command ?? ''}: not a configuration command (a server's configuration holds ip, sysctl and hostname lines)` };
  }
}

/** Runs every line of `text` on a server as root; returns the refused ones. */
export function loadLinuxConfig(device: Device, text: string): HostConfigLoadResult {
  const host = linuxHostOf(device);
  const rejected: RejectedConfigLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    let words = splitShellWords(trimmed);
    if (words[0] === 'sudo') words = words.slice(1);
    const outcome = runConfigCommand(host, words, true);
    if (!outcome.ok) rejected.push({ line: index + 1, text: raw, message: outcome.output });
  });
  return { rejected };
}

function addressText(address: Ipv4Address | Ipv6Address): string {
  return typeof address === 'bigint' ? formatIpv6(address as Ipv6Address) : formatIpv4(address as Ipv4Address);
}

/** The normalised configuration text (empty for a server with factory settings). */
export function printLinuxConfig(device: Device): string {
  const host = linuxHostOf(device);
  const c = host.config;
  const lines: string[] = [];
  if (c.hostname !== undefined) lines.push(`hostname ${c.hostname}`);
  for (const key of [...c.sysctl.keys()].sort()) lines.push(`sysctl -w ${key}=${c.sysctl.get(key)}`);
  for (const iface of host.nics()) {
    if (c.linksDown.has(iface.name)) lines.push(`ip link set dev ${iface.name} down`);
    const mtu = c.mtus.get(iface.name);
    if (mtu !== undefined) lines.push(`ip link set dev ${iface.name} mtu ${mtu}`);
  }
  for (const family of ['ipv4', 'ipv6'] as const) {
    for (const a of c.addresses.filter((x) => x.family === family)) {
      lines.push(`ip ${family === 'ipv6' ? '-6 ' : ''}address add ${addressText(a.address)}/${a.prefixLength} dev ${a.interfaceName}`);
    }
  }
  for (const family of ['ipv4', 'ipv6'] as const) {
    for (const r of c.routes.filter((x) => x.family === family)) {
      const to = r.prefixLength === 0 ? 'default' : `${addressText(r.network)}/${r.prefixLength}`;
      const via = r.via === undefined ? '' : ` via ${addressText(r.via)}`;
      const dev = r.dev === undefined ? '' : ` dev ${r.dev}`;
      const metric = r.metric === undefined ? '' : ` metric ${r.metric}`;
      lines.push(`ip ${family === 'ipv6' ? '-6 ' : ''}route add ${to}${via}${dev}${metric}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
