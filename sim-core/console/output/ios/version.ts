/**
 * Cisco IOS `show version`, imitating an IOSv router (classic IOS 15.x layout: software line,
 * ROM line, `<host> uptime is …`, image file, memory and interface inventory, configuration
 * register). The software line says plainly that this is the V6Lab simulation, and the legal
 * export paragraph of real images is left out.
 */
import type { HostInfoView, InterfaceView } from '../../views';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** IOS uptime words: `1 year, 22 weeks, 2 hours, 14 minutes` (zero units left out, minutes always). */
export function formatIosUptime(uptimeS: number): string {
  let rest = Math.max(0, Math.floor(uptimeS / 60));
  const units: [string, number][] = [['year', 525600], ['week', 10080], ['day', 1440], ['hour', 60]];
  const parts: string[] = [];
  for (const [unit, minutes] of units) {
    const n = Math.floor(rest / minutes);
    rest -= n * minutes;
    if (n > 0) parts.push(plural(n, unit));
  }
  parts.push(plural(rest, 'minute'));
  return parts.join(', ');
}

/** `show version` for a router or switch with the given ports. */
export function formatShowVersion(info: HostInfoView, interfaces: readonly InterfaceView[]): string {
  const model = info.model ?? 'IOSv';
  const gigabit = interfaces.filter((i) => i.kind === 'physical').length;
  const memoryKb = info.memoryKb ?? 460033;
  return [
    `Cisco IOS Software, V6Lab simulated router Software (VIOS-ADVENTERPRISEK9-M), Version ${info.osVersion}, RELEASE SOFTWARE (sim)`,
    'Simulated by V6Lab for IPv6 training; not Cisco software.',
    'Compiled Mon 01-Jan-24 00:00 by v6lab',
    '',
    '',
    'ROM: Bootstrap program is IOSv',
    '',
    `${info.hostname} uptime is ${formatIosUptime(info.uptimeS)}`,
    'System returned to ROM by reload',
    'System image file is "flash0:/vios-adventerprisek9-m"',
    'Last reload reason: Unknown reason',
    '',
    '',
    '',
    `cisco ${model} (revision 1.0) with ${memoryKb}K/62464K bytes of memory.`,
    `Processor board ID ${info.serialNumber ?? '9V6LAB0001'}`,
    `${gigabit} Gigabit Ethernet interfaces`,
    'DRAM configuration is 72 bits wide with parity disabled.',
    '256K bytes of non-volatile configuration memory.',
    '2097152K bytes of ATA System CompactFlash 0 (Read/Write)',
    '',
    '',
    `Configuration register is ${info.configRegister ?? '0x2102'}`,
  ].join('\n');
}
