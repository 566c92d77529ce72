/**
 * Windows 10/11 `ping` and `tracert` output.
 *
 * Ping (os-outputs.md captures): a blank line, `Pinging X with N bytes of data:`, one line per
 * echo — IPv6 replies `Reply from X: time=12ms` / `time<1ms` with no bytes and no TTL, IPv4 replies
 * `bytes=32 time=1ms TTL=128`; `Request timed out.`; ICMP errors as `Reply from R: Destination
 * host unreachable.` (these count as Received, as Windows counts them) or, when the error is local
 * (neighbour resolution failed, no route), the message alone (counted as lost). Then a blank line
 * and the statistics block with Windows' indentation; the round-trip block only when at least one
 * echo reply came back. Loss percentage is truncated, the average rounded.
 * Tracert: hop right-aligned in 3, three 9-wide RTT columns (`<1 ms`, `*`), two spaces, the
 * address; `Request timed out.` for a silent hop; `R  reports: Destination … unreachable.` ends
 * the trace; `Trace complete.` after a blank line.
 * Unverified (no capture found): the administratively-prohibited wording, shown here as
 * host unreachable, and the English IPv6 `tracert` header (by analogy with IPv4).
 */
import type { Ipv4Address } from '../../../addr/ipv4';
import type { Ipv6Address } from '../../../addr/ipv6';
import type { PingResultView, ProbeOutcome, TracerouteView, UnreachableReason } from '../../views';
import { formatWindowsAddress } from './ipconfig';

function unreachableText(reason: UnreachableReason): string {
  switch (reason) {
    case 'net':
    case 'no-route':
    case 'beyond-scope':
      return 'Destination net unreachable.';
    case 'protocol':
      return 'Destination protocol unreachable.';
    case 'port':
      return 'Destination port unreachable.';
    default:
      return 'Destination host unreachable.';
  }
}

function targetText(view: PingResultView): string {
  const text = formatWindowsAddress(view.target);
  return view.targetZone === undefined ? text : `${text}%${view.targetZone}`;
}

function rttText(rttMs: number): string {
  return rttMs < 1 ? 'time<1ms' : `time=${Math.round(rttMs)}ms`;
}

function probeLine(view: PingResultView, probe: ProbeOutcome, target: string): { line: string; received: boolean } {
  switch (probe.kind) {
    case 'reply': {
      const from = probe.from === view.target ? target : formatWindowsAddress(probe.from);
      const body = view.family === 'ipv6' ? rttText(probe.rttMs) : `bytes=${view.sizeBytes} ${rttText(probe.rttMs)} TTL=${probe.ttl}`;
      return { line: `Reply from ${from}: ${body}`, received: true };
    }
    case 'timeout':
      return { line: 'Request timed out.', received: false };
    case 'unreachable':
      return probe.from === undefined
        ? { line: unreachableText(probe.reason), received: false }
        : { line: `Reply from ${formatWindowsAddress(probe.from)}: ${unreachableText(probe.reason)}`, received: true };
    case 'ttl-exceeded':
      return { line: `Reply from ${formatWindowsAddress(probe.from)}: TTL expired in transit.`, received: true };
    case 'packet-too-big':
      return probe.from === undefined
        ? { line: 'Packet needs to be fragmented but DF set.', received: false }
        : { line: `Reply from ${formatWindowsAddress(probe.from)}: Packet needs to be fragmented but DF set.`, received: true };
  }
}

/** `ping` from the blank line before `Pinging` to the statistics. */
export function formatWindowsPing(view: PingResultView): string {
  const target = targetText(view);
  const lines = ['', `Pinging ${target} with ${view.sizeBytes} bytes of data:`];
  let received = 0;
  if (view.noRoute === true) {
    for (let i = 0; i < view.count; i++) lines.push('PING: transmit failed. General failure.');
  } else {
    for (const probe of view.probes) {
      const out = probeLine(view, probe, target);
      lines.push(out.line);
      if (out.received) received += 1;
    }
  }
  const sent = view.noRoute === true ? view.count : view.probes.length;
  const lost = sent - received;
  const lossPercent = sent === 0 ? 0 : Math.floor((lost * 100) / sent);
  lines.push('', `Ping statistics for ${target}:`, `    Packets: Sent = ${sent}, Received = ${received}, Lost = ${lost} (${lossPercent}% loss),`);
  const rtts = view.probes.flatMap((p) => (p.kind === 'reply' && view.noRoute !== true ? [p.rttMs < 1 ? 0 : Math.round(p.rttMs)] : []));
  if (rtts.length > 0) {
    const average = Math.round(rtts.reduce((a, b) => a + b, 0) / rtts.length);
    lines.push('Approximate round trip times in milli-seconds:', `    Minimum = ${Math.min(...rtts)}ms, Maximum = ${Math.max(...rtts)}ms, Average = ${average}ms`);
  }
  return lines.join('\n');
}

function rttColumn(rttMs: number | undefined): string {
  if (rttMs === undefined) return '     *   ';
  return rttMs < 1 ? '    <1 ms' : `${String(Math.round(rttMs)).padStart(6)} ms`;
}

/** `tracert` from the blank line before `Tracing route` to `Trace complete.`. */
export function formatWindowsTracert(view: TracerouteView): string {
  const target = formatWindowsAddress(view.target);
  const lines = [''];
  if (view.targetName === undefined) lines.push(`Tracing route to ${target} over a maximum of ${view.maxHops} hops`);
  else lines.push(`Tracing route to ${view.targetName} [${target}]`, `over a maximum of ${view.maxHops} hops:`);
  lines.push('');
  for (const hop of view.hops) {
    const number = String(hop.ttl).padStart(3);
    const unreachable = hop.probes.find((p) => p.kind === 'unreachable');
    if (unreachable !== undefined && unreachable.kind === 'unreachable') {
      lines.push(`${number}  ${formatWindowsAddress(unreachable.from as Ipv4Address | Ipv6Address)}  reports: ${unreachableText(unreachable.reason)}`);
      break;
    }
    const columns = [0, 1, 2].map((i) => {
      const p = hop.probes[i];
      return rttColumn(p !== undefined && p.kind === 'reply' ? p.rttMs : undefined);
    });
    const last = [...hop.probes].reverse().find((p) => p.kind === 'reply');
    const where = last !== undefined && last.kind === 'reply' ? formatWindowsAddress(last.from) : 'Request timed out.';
    lines.push(`${number}${columns.join('')}  ${where}`);
  }
  lines.push('', 'Trace complete.');
  return lines.join('\n');
}
