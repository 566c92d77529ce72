/**
 * Configuration text of the host kinds, whatever the OS: a Windows PC's `netsh` lines
 * (windows/windows-config.ts) and a Linux server's `ip`/`sysctl -w`/`hostname` lines
 * (linux/linux-config.ts). Loading runs every line through the console's own handlers and
 * returns the refused lines (number, text, the shell's message); printing gives the normalised
 * text, which loads back to the same configuration.
 */
import type { Device } from '../devices/device';
import { loadLinuxConfig, printLinuxConfig } from './linux/linux-config';
import { createLinuxConsole } from './linux/linux-console';
import type { ConsoleSession } from './session';
import { loadWindowsConfig, printWindowsConfig, type HostConfigLoadResult } from './windows/windows-config';
import { createWindowsConsole } from './windows/windows-console';

export type { HostConfigLoadResult, RejectedConfigLine } from './windows/windows-config';

/** True for the device kinds whose configuration is host text (pc, server). */
export function isHostDevice(device: Device): boolean {
  return device.kind === 'pc' || device.kind === 'server';
}

/** Applies configuration text to a PC or server; returns the refused lines. */
export function loadHostConfig(device: Device, text: string): HostConfigLoadResult {
  if (device.kind === 'pc') return loadWindowsConfig(device, text);
  if (device.kind === 'server') return loadLinuxConfig(device, text);
  return { rejected: [{ line: 1, text: text.split(/\r?\n/)[0] ?? '', message: `${device.name} is a ${device.kind}: its configuration is IOS text, not host text` }] };
}

/** The normalised configuration text of a PC or server ('' for other kinds or factory settings). */
export function printHostConfig(device: Device): string {
  if (device.kind === 'pc') return printWindowsConfig(device);
  if (device.kind === 'server') return printLinuxConfig(device);
  return '';
}

/** The console of a PC (cmd.exe) or server (bash). */
export function createHostConsole(device: Device): ConsoleSession | undefined {
  if (device.kind === 'pc') return createWindowsConsole(device);
  if (device.kind === 'server') return createLinuxConsole(device);
  return undefined;
}
