/**
 * A subnet plan: cut a parent prefix into subnets of one longer length, number them, give them
 * names, and say plainly what is wrong with the cut. The planning rules are the course's
 * (COURSE.md "Lab address plan"): cut IPv6 on nibble boundaries (lengths that are multiples of 4,
 * so each subnet ID is whole hex digits, RFC 6177 and BCP 157 advice), /64 per LAN because SLAAC
 * needs it (RFC 4862 section 5.5.3, RFC 7421), /127 on router links (RFC 6164), /128 loopbacks.
 * Left out: plans with mixed subnet lengths (variable-length cuts), which the scenarios write out.
 */
import { failure, parsed, type ParseResult } from './parse-result';
import { countSubnets, formatPrefix, nthSubnet, prefixBits, type Prefix } from './prefix';

export interface SubnetPlanRequest {
  readonly parent: Prefix;
  readonly newLength: number;
  /** How many subnets to list; defaults to the number of names, else to DEFAULT_PLAN_ROWS. */
  readonly count?: number;
  /** Names for the subnets in order (a department, a VLAN …). */
  readonly names?: readonly string[];
}

export interface SubnetPlanRow {
  /** The subnet number, from 0. */
  readonly index: number;
  readonly name: string | undefined;
  readonly prefix: Prefix;
}

export interface SubnetPlan {
  readonly parent: Prefix;
  readonly newLength: number;
  /** All subnets of newLength inside the parent, listed or not. */
  readonly totalSubnets: bigint;
  readonly addressesPerSubnet: bigint;
  readonly rows: readonly SubnetPlanRow[];
  /** Plain-language warnings: nibble boundaries, SLAAC, count beyond what fits. */
  readonly warnings: readonly string[];
}

export const DEFAULT_PLAN_ROWS = 16;
export const PLAN_MAX_ROWS = 4096;

function nibbleAdvice(length: number): string {
  const down = length - (length % 4);
  return `/${down} or /${down + 4}`;
}

/** Lays out the first `count` subnets of `newLength` in `parent`, with warnings. */
export function planSubnets(request: SubnetPlanRequest): ParseResult<SubnetPlan> {
  const { parent, newLength } = request;
  const bits = prefixBits(parent);
  if (!Number.isInteger(newLength) || newLength < 0) return failure(`subnet length ${newLength} is not a whole number from 0 to ${bits}`);
  if (newLength > bits) return failure(`prefix length ${newLength} is more than ${bits}`);
  if (newLength < parent.length) {
    return failure(`subnet length /${newLength} is shorter than the parent ${formatPrefix(parent)}; subnets need a longer length (a bigger number)`);
  }
  const names = request.names ?? [];
  const wanted = request.count ?? (names.length > 0 ? names.length : undefined);
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1)) return failure(`count ${wanted} must be a whole number of at least 1`);

  const total = countSubnets(parent, newLength);
  const warnings: string[] = [];
  if (parent.family === 'ipv6') {
    if (parent.length % 4 !== 0) {
      warnings.push(`the parent ${formatPrefix(parent)} does not end on a nibble boundary (a multiple of 4); its subnets will not line up with hex digits`);
    }
    if (newLength % 4 !== 0) {
      warnings.push(`/${newLength} is not on a nibble boundary (a multiple of 4): subnet numbers will not line up with hex digits, so addresses are hard to read; prefer ${nibbleAdvice(newLength)}`);
    }
    if (newLength > 64 && newLength < 127) {
      warnings.push(`subnets longer than /64 break SLAAC; use a /64 for every LAN, a /127 for router links (RFC 6164) and a /128 for loopbacks`);
    }
  }
  let rowCount: bigint = wanted === undefined ? (total < BigInt(DEFAULT_PLAN_ROWS) ? total : BigInt(DEFAULT_PLAN_ROWS)) : BigInt(wanted);
  if (rowCount > total) {
    warnings.push(`you asked for ${rowCount} subnets but ${formatPrefix(parent)} holds only ${total} of /${newLength}; listing all ${total} (use a shorter parent or a longer subnet length)`);
    rowCount = total;
  }
  if (rowCount > BigInt(PLAN_MAX_ROWS)) {
    warnings.push(`listing only the first ${PLAN_MAX_ROWS} of ${rowCount} subnets asked for`);
    rowCount = BigInt(PLAN_MAX_ROWS);
  }
  if (names.length > Number(rowCount)) {
    warnings.push(`${names.length} names but only ${rowCount} subnets listed; names after '${names[Number(rowCount) - 1] ?? ''}' are not used`);
  }
  const rows: SubnetPlanRow[] = [];
  for (let i = 0; i < Number(rowCount); i++) {
    const subnet = nthSubnet(parent, newLength, BigInt(i));
    if (!subnet.ok) return subnet; // cannot happen: i < total was checked above
    rows.push({ index: i, name: names[i], prefix: subnet.value });
  }
  return parsed({
    parent,
    newLength,
    totalSubnets: total,
    addressesPerSubnet: 1n << BigInt(bits - newLength),
    rows,
    warnings,
  });
}

/** Usable host addresses in an IPv4 subnet: all but network and broadcast, except /31 (RFC 3021) and /32. */
export function usableIpv4Hosts(length: number): number {
  if (length >= 32) return 1;
  if (length === 31) return 2;
  return 2 ** (32 - length) - 2;
}

