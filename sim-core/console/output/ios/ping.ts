/**
 * Cisco IOS `ping` and `traceroute` output.
 *
 * Ping: `Type escape sequence to abort.`, `Sending N, S-byte ICMP Echos to X, timeout is T
 * seconds:`, one character per probe (wrapped at 70 as IOS does for long repeats), then
 * `Success rate is P percent (r/n)` with `, round-trip min/avg/max = a/b/c ms` only when a reply
 * came back. IPv6 targets are re-printed in upper case.
 * Characters — IPv4: `!` reply, `.` timeout, `U` unreachable, `&` TTL exceeded, `M` could not
 * fragment. IPv6 (Cisco IPv6 command reference): `U` no route, `A` administratively prohibited,
 * `N` beyond scope / net, `H` address unreachable, `P` port unreachable, `T` time exceeded,
 * `B` packet too big (RFC 4443 types 1–3).
 * Traceroute: hop number right-aligned in 3, address, ` N msec` per probe, ` * ` for a lost
 * probe, `!N`/`!H`/`!P`/`!A` for unreachables; IPv4 adds the `VRF info:` line, IPv6 a blank
 * line. Left out: the extended-ping dialog (the console asks, this prints), name lookups.
 */
import { formatIpv4, type Ipv4Address } from '../../../addr/ipv4';
import type { Ipv6Address } from '../../../addr/ipv6';
import type { PingResultView, ProbeOutcome, TraceProbe, TracerouteView, UnreachableReason } from '../../views';
import { familyOf } from '../../views';
import { formatIosIpv6 } from './interfaces';

/** An address as IOS prints it (IPv6 upper case). */
export function formatIosAddress(address: Ipv4Address | Ipv6Address): string {
  return familyOf(address) === 'ipv6' ? formatIosIpv6(address as Ipv6Address) : formatIpv4(address as Ipv4Address);
}

function unreachableChar(family: 'ipv4' | 'ipv6', reason: UnreachableReason): string {
  if (family === 'ipv4') return 'U';
  switch (reason) {
    case 'admin-prohibited':
      return 'A';
    case 'beyond-scope':
    case 'net':
      return 'N';
    case 'address':
    case 'host':
      return 'H';
    case 'port':
      return 'P';
    default:
      return 'U';
  }
}

/** The character IOS prints for one probe's outcome (streamed as each probe ends). */
export function iosProbeChar(family: 'ipv4' | 'ipv6', probe: ProbeOutcome): string {
  switch (probe.kind) {
    case 'reply':
      return '!';
    case 'timeout':
      return '.';
    case 'unreachable':
      return unreachableChar(family, probe.reason);
    case 'ttl-exceeded':
      return family === 'ipv6' ? 'T' : '&';
    case 'packet-too-big':
      return family === 'ipv6' ? 'B' : 'M';
  }
}

/** Probe characters per line before IOS wraps. */
export const IOS_PING_PROBES_PER_LINE = 70;

/** The lines IOS prints before the first probe: escape hint, `Sending …`, optional source line. */
export function formatIosPingHeader(view: PingResultView): string {
  const target = formatIosAddress(view.target);
  const lines = ['Type escape sequence to abort.', `Sending ${view.count}, ${view.sizeBytes}-byte ICMP Echos to ${target}, timeout is ${view.timeoutS} seconds:`];
  if (view.source !== undefined) {
    const zone = view.sourceInterface === undefined ? '' : `%${view.sourceInterface}`;
    lines.push(`Packet sent with a source address of ${formatIosAddress(view.source)}${zone}`);
  }
  return lines.join('\n');
}

/** `Success rate is P percent (r/n)[, round-trip min/avg/max = a/b/c ms]`. */
export function formatIosPingSummary(view: PingResultView): string {
  const rtts = view.probes.flatMap((p) => (p.kind === 'reply' ? [Math.round(p.rttMs)] : []));
  const sent = view.probes.length;
  const percent = sent === 0 ? 0 : Math.floor((rtts.length * 100) / sent);
  let summary = `Success rate is ${percent} percent (${rtts.length}/${sent})`;
  if (rtts.length > 0) {
    const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / rtts.length);
    summary += `, round-trip min/avg/max = ${Math.min(...rtts)}/${avg}/${Math.max(...rtts)} ms`;
  }
  return summary;
}

/** `ping` output from `Type escape sequence` to the success-rate line. */
export function formatIosPing(view: PingResultView): string {
  const lines = [formatIosPingHeader(view)];
  if (view.noRoute === true) {
    lines.push('', '% No valid route for destination', 'Success rate is 0 percent (0/1)');
    return lines.join('\n');
  }
  const chars = view.probes.map((p) => iosProbeChar(view.family, p)).join('');
  for (let i = 0; i < chars.length; i += IOS_PING_PROBES_PER_LINE) lines.push(chars.slice(i, i + IOS_PING_PROBES_PER_LINE));
  lines.push(formatIosPingSummary(view));
  return lines.join('\n');
}

function traceAnnotation(reason: UnreachableReason): string {
  switch (reason) {
    case 'admin-prohibited':
      return '!A';
    case 'host':
    case 'address':
      return '!H';
    case 'protocol':
    case 'port':
      return '!P';
    default:
      return '!N';
  }
}

/** The lines of one traceroute hop (continuation lines when probes come from several routers). */
export function formatIosTracerouteHop(ttl: number, probes: readonly TraceProbe[]): string {
  return hopLine(ttl, probes).join('\n');
}

/** The lines before the first hop. */
export function formatIosTracerouteHeader(view: Pick<TracerouteView, 'family' | 'target'>): string {
  return ['Type escape sequence to abort.', `Tracing the route to ${formatIosAddress(view.target)}`, view.family === 'ipv4' ? 'VRF info: (vrf in name/id, vrf out name/id)' : ''].join('\n');
}

function hopLine(ttl: number, probes: readonly TraceProbe[]): string[] {
  const lines: string[] = [];
  let line = `${String(ttl).padStart(3)} `;
  let shown: Ipv4Address | Ipv6Address | undefined;
  for (const probe of probes) {
    if (probe.kind === 'timeout') {
      line += ' * ';
      continue;
    }
    if (shown !== probe.from) {
      if (shown !== undefined) {
        lines.push(line);
        line = '    ';
      }
      line += formatIosAddress(probe.from);
      shown = probe.from;
    }
    line += probe.kind === 'reply' ? ` ${Math.round(probe.rttMs)} msec` : ` ${traceAnnotation(probe.reason)} `;
  }
  lines.push(line);
  return lines;
}

/** `traceroute` output, header to last hop. */
export function formatIosTraceroute(view: TracerouteView): string {
  const lines = [formatIosTracerouteHeader(view)];
  for (const hop of view.hops) lines.push(...hopLine(hop.ttl, hop.probes));
  return lines.join('\n');
}
