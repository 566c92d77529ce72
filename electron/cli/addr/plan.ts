/**
 * `v6lab addr plan <prefix> --into <len> [--count N] [--names a,b,c]`: a subnet plan table with
 * the course's warnings (cut IPv6 on nibble boundaries, /64 per LAN, count beyond what fits) and
 * the total number of subnets the parent holds. IPv4 rows add mask, host range and broadcast.
 */
import {
  formatIpv4,
  formatIpv6,
  formatPrefix,
  ipv4Mask,
  lastAddressOf,
  planSubnets,
  usableIpv4Hosts,
  type Ipv4Address,
} from '../../../sim-core/addr';
import { commandError, type CommandOutcome } from '../cli-command';
import { readPrefixArgument, readWholeNumber } from './arguments';
import { formatAddressCount, formatTable, groupDigits } from './report-text';

export interface PlanOptions {
  readonly into: string;
  readonly count?: string;
  readonly names?: string;
}

export function runAddrPlan(prefixText: string, options: PlanOptions): CommandOutcome {
  const parent = readPrefixArgument(prefixText);
  if (!parent.ok) return parent;
  const bits = parent.value.family === 'ipv6' ? 128 : 32;
  const newLength = readWholeNumber(options.into, '--into', 0, bits, true);
  if (!newLength.ok) return newLength;
  let count: number | undefined;
  if (options.count !== undefined) {
    const n = readWholeNumber(options.count, '--count', 1, 1_000_000_000);
    if (!n.ok) return n;
    count = n.value;
  }
  let names: string[] | undefined;
  if (options.names !== undefined) {
    names = options.names.split(',').map((name) => name.trim());
    const empty = names.findIndex((name) => name === '');
    if (empty !== -1) return commandError(`--names: name ${empty + 1} is empty (write names separated by commas: a,b,c)`);
  }
  const plan = planSubnets({ parent: parent.value, newLength: newLength.value, ...(count === undefined ? {} : { count }), ...(names === undefined ? {} : { names }) });
  if (!plan.ok) return commandError(plan.error);
  const p = plan.value;
  const hasNames = p.rows.some((row) => row.name !== undefined);
  const head = `${formatPrefix(p.parent)} into /${p.newLength}: ${groupDigits(p.totalSubnets)} subnet${p.totalSubnets === 1n ? '' : 's'} in total`;
  const lines = [head];
  let rows: string[][];
  let header: string[];
  if (p.parent.family === 'ipv6') {
    header = ['#', ...(hasNames ? ['name'] : []), 'prefix', 'last address'];
    rows = p.rows.map((row) => [String(row.index), ...(hasNames ? [row.name ?? ''] : []), formatPrefix(row.prefix), formatIpv6(lastAddressOf(row.prefix) as never)]);
    lines.push(`  each /${p.newLength} holds ${formatAddressCount(128 - p.newLength)} addresses${p.newLength < 64 ? ` (${groupDigits(1n << BigInt(64 - p.newLength))} /64 LANs)` : ''}`);
  } else {
    header = ['#', ...(hasNames ? ['name'] : []), 'prefix', 'mask', 'hosts', 'broadcast', 'usable'];
    rows = p.rows.map((row) => {
      const first = row.prefix.network as Ipv4Address;
      const last = lastAddressOf(row.prefix) as Ipv4Address;
      const hosts = p.newLength <= 30 ? `${formatIpv4((first + 1) as Ipv4Address)} - ${formatIpv4((last - 1) as Ipv4Address)}` : `${formatIpv4(first)} - ${formatIpv4(last)}`;
      return [String(row.index), ...(hasNames ? [row.name ?? ''] : []), formatPrefix(row.prefix), formatIpv4(ipv4Mask(p.newLength)), hosts, p.newLength <= 30 ? formatIpv4(last) : '-', groupDigits(usableIpv4Hosts(p.newLength))];
    });
  }
  lines.push(`  listing ${p.rows.length}${BigInt(p.rows.length) < p.totalSubnets ? ` (the first ${p.rows.length}; add --count N for more)` : ''}`, '');
  lines.push(formatTable(header, rows));
  for (const warning of p.warnings) lines.push(`warning: ${warning}`);
  return {
    ok: true,
    text: `${lines.join('\n')}\n`,
    json: {
      parent: formatPrefix(p.parent),
      newLength: p.newLength,
      totalSubnets: p.totalSubnets.toString(),
      addressesPerSubnet: p.addressesPerSubnet.toString(),
      subnets: p.rows.map((row) => ({ index: row.index, name: row.name ?? null, prefix: formatPrefix(row.prefix) })),
      warnings: p.warnings,
    },
  };
}
