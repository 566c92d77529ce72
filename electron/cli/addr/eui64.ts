/**
 * `v6lab addr eui64 <mac> <prefix/64>`: the SLAAC address a MAC gets under a /64, step by step
 * (RFC 4291 appendix A: split the MAC, insert ff:fe, flip the U/L bit; RFC 4862 section 5.5.3).
 */
import {
  eui64Address,
  formatInterfaceId,
  formatIpv6,
  formatMac,
  formatMacCisco,
  formatMacWindows,
  formatPrefix,
  interfaceIdFromMac,
  isLocalMac,
  macToBytes,
} from '../../../sim-core/addr';
import { commandError, type CommandOutcome } from '../cli-command';
import { readIpv6PrefixArgument, readMacArgument } from './arguments';
import { formatReport } from './report-text';

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

export function runAddrEui64(macText: string, prefixText: string): CommandOutcome {
  const mac = readMacArgument(macText);
  if (!mac.ok) return mac;
  const prefix = readIpv6PrefixArgument(prefixText);
  if (!prefix.ok) return prefix;
  if (prefix.value.length !== 64) {
    return commandError(`'${prefixText}' is a /${prefix.value.length}; SLAAC and modified EUI-64 need a /64 prefix (for example ${formatIpv6(prefix.value.network)}/64)`);
  }
  const address = eui64Address(prefix.value, mac.value);
  if (!address.ok) return commandError(address.error);
  const bytes = Array.from(macToBytes(mac.value), hex2);
  const first = macToBytes(mac.value)[0]!;
  const flipped = first ^ 0x02;
  const local = isLocalMac(mac.value);
  const interfaceId = interfaceIdFromMac(mac.value);
  const text = formatReport(formatIpv6(address.value), [
    ['MAC', `${formatMac(mac.value)} (Windows ${formatMacWindows(mac.value)}, Cisco ${formatMacCisco(mac.value)})`],
    ['1. split in half', `${bytes.slice(0, 3).join(':')} | ${bytes.slice(3).join(':')}`],
    ['2. insert ff:fe', `${bytes.slice(0, 3).join(':')}:ff:fe:${bytes.slice(3).join(':')}`],
    [
      '3. flip U/L bit',
      `first byte ${hex2(first)} → ${hex2(flipped)} (binary ${first.toString(2).padStart(8, '0')} → ${flipped.toString(2).padStart(8, '0')}; bit 0x02 ${local ? 'was 1 (local MAC), now 0' : 'was 0 (universal MAC), now 1'})`,
    ],
    ['interface ID', formatInterfaceId(interfaceId)],
    ['prefix', formatPrefix(prefix.value)],
    ['address', `${formatIpv6(address.value)} (prefix + interface ID)`],
  ]);
  return {
    ok: true,
    text,
    json: {
      address: formatIpv6(address.value),
      mac: formatMac(mac.value),
      prefix: formatPrefix(prefix.value),
      interfaceId: formatInterfaceId(interfaceId),
      universalLocalBit: { before: local ? 1 : 0, after: local ? 0 : 1 },
    },
  };
}
