/**
 * Linux iputils `ping` (20221126, Debian 12) and `traceroute` (2.1) output.
 *
 * Ping: `PING T(A) 56 data bytes` for IPv6 (target as typed, then the canonical address, no
 * space — Debian 12 capture), `PING T (A) 56(84) bytes of data.` for IPv4; reply lines
 * `64 bytes from A: icmp_seq=N ttl=H time=X ms` with iputils' precision (3 decimals under 1 ms,
 * 2 under 10, 1 under 100, none above); errors `From R icmp_seq=N …` with the RFC 4443 texts
 * (`Destination unreachable: No route|Administratively prohibited|Beyond scope of source
 * address|Address unreachable|Port unreachable`, `Time exceeded: Hop limit`, `Packet too big:
 * mtu=M`) or the RFC 792 ones for IPv4; a probe the local stack refused as too big
 * `ping: local error: message too long, mtu: M` (counted as sent and as an error, as iputils
 * does); lost echoes print nothing; each line carries the probe's own icmp_seq (after a lost
 * probe the next reply shows its real sequence — netns captures in test/fixtures). The summary: a blank line,
 * `--- T ping statistics ---`, counts with `+N errors` when errors came back, loss as `%g`,
 * `time Nms`, and `rtt min/avg/max/mdev` only when something was received.
 * Traceroute: `traceroute to T (A), 30 hops max, 80 byte packets`, hop number `%2d`, each new
 * address ` A (A)` (or ` A` with -n), `  X.XXX ms` per probe, ` *` when lost, ` !N`/`!H`/`!X`/`!S`/
 * `!P` after the time of an unreachable.
 */
import { isLinkLocalIpv6 } from '../../../addr/classify';
import type { Ipv4Address } from '../../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { familyOf, type PingResultView, type ProbeOutcome, type TracerouteView, type UnreachableReason } from '../../views';
import { formatLinuxAddress } from './ip';

/** iputils reply time: 0.045, 1.02, 12.3, 123. */
export function formatIputilsTime(rttMs: number): string {
  const us = Math.round(rttMs * 1000);
  if (us >= 100_000 - 50) return String(Math.round(us / 1000));
  if (us >= 10_000 - 5) return (Math.round(us / 100) / 10).toFixed(1);
  if (us >= 1000) return (Math.round(us / 10) / 100).toFixed(2);
  return (us / 1000).toFixed(3);
}

function unreachableText(family: 'ipv4' | 'ipv6', reason: UnreachableReason): string {
  if (family === 'ipv6') {
    const words: Partial<Record<UnreachableReason, string>> = {
      'no-route': 'No route',
      net: 'No route',
      'admin-prohibited': 'Administratively prohibited',
      'beyond-scope': 'Beyond scope of source address',
      address: 'Address unreachable',
      host: 'Address unreachable',
      port: 'Port unreachable',
    };
    return `Destination unreachable: ${words[reason] ?? 'Address unreachable'}`;
  }
  const words: Partial<Record<UnreachableReason, string>> = {
    net: 'Destination Net Unreachable',
    'no-route': 'Destination Net Unreachable',
    protocol: 'Destination Protocol Unreachable',
    port: 'Destination Port Unreachable',
    'admin-prohibited': 'Packet filtered',
  };
  return words[reason] ?? 'Destination Host Unreachable';
}

function errorText(family: 'ipv4' | 'ipv6', probe: ProbeOutcome): string | undefined {
  switch (probe.kind) {
    case 'unreachable':
      return unreachableText(family, probe.reason);
    case 'ttl-exceeded':
      return family === 'ipv6' ? 'Time exceeded: Hop limit' : 'Time to live exceeded';
    case 'packet-too-big':
      return family === 'ipv6' ? `Packet too big: mtu=${probe.mtuBytes}` : `Frag needed and DF set (mtu = ${probe.mtuBytes})`;
    default:
      return undefined;
  }
}

/** `%g` as C prints it (6 significant digits, no trailing zeros): 20, 33.3333. */
function formatPercent(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function sampleMdev(rtts: readonly number[]): number {
  const mean = rtts.reduce((a, b) => a + b, 0) / rtts.length;
  const meanSquares = rtts.reduce((a, b) => a + b * b, 0) / rtts.length;
  return Math.sqrt(Math.max(0, meanSquares - mean * mean));
}

/**
 * `ping` output up to the rtt line. `linkZone`: the interface the echoes left by; iputils prints
 * every link-local source it hears from with that `%interface` (getnameinfo of a scoped address).
 */
export function formatLinuxPing(view: PingResultView, linkZone?: string): string {
  if (view.noRoute === true) return 'ping: connect: Network is unreachable';
  const address = formatLinuxAddress(view.target) + (view.targetZone === undefined ? '' : `%${view.targetZone}`);
  const typed = view.targetText ?? address;
  const from = view.source === undefined ? '' : `from ${formatLinuxAddress(view.source)} ${view.sourceInterface ?? ''}: `;
  const lines =
    view.family === 'ipv6'
      ? [`PING ${typed}(${address}) ${from}${view.sizeBytes} data bytes`]
      : [`PING ${typed} (${address}) ${from}${view.sizeBytes}(${view.sizeBytes + 28}) bytes of data.`];
  const zone = view.targetZone ?? linkZone;
  const sourceText = (a: Ipv4Address | Ipv6Address): string => (familyOf(a) === 'ipv6' && isLinkLocalIpv6(a as Ipv6Address) && zone !== undefined ? `${formatIpv6(a as Ipv6Address)}%${zone}` : formatLinuxAddress(a));
  let received = 0;
  let errors = 0;
  const rtts: number[] = [];
  view.probes.forEach((probe, i) => {
    const seq = view.sequences?.[i] ?? i + 1;
    if (probe.kind === 'reply') {
      received += 1;
      rtts.push(probe.rttMs);
      const replyFrom = sourceText(probe.from as Ipv4Address | Ipv6Address);
      lines.push(`${probe.bytes} bytes from ${replyFrom}: icmp_seq=${seq} ttl=${probe.ttl} time=${formatIputilsTime(probe.rttMs)} ms`);
      return;
    }
    const text = errorText(view.family, probe);
    if (text === undefined) return;
    errors += 1;
    const reporter = 'from' in probe && probe.from !== undefined ? probe.from : view.source;
    if (probe.kind === 'packet-too-big' && probe.from === undefined) lines.push(`ping: local error: message too long, mtu: ${probe.mtuBytes}`);
    else lines.push(`From ${reporter === undefined ? address : sourceText(reporter as Ipv4Address | Ipv6Address)} icmp_seq=${seq} ${text}`);
  });
  const sent = view.probes.length;
  const loss = sent === 0 ? 0 : ((sent - received) * 100) / sent;
  const errorPart = errors > 0 ? `+${errors} errors, ` : '';
  lines.push('', `--- ${typed} ping statistics ---`, `${sent} packets transmitted, ${received} received, ${errorPart}${formatPercent(loss)}% packet loss, time ${Math.round(view.elapsedMs)}ms`);
  if (rtts.length > 0) {
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    lines.push(`rtt min/avg/max/mdev = ${[Math.min(...rtts), avg, Math.max(...rtts), sampleMdev(rtts)].map((x) => x.toFixed(3)).join('/')} ms`);
  }
  return lines.join('\n');
}

function annotation(family: 'ipv4' | 'ipv6', reason: UnreachableReason): string {
  switch (reason) {
    case 'host':
    case 'address':
      return '!H';
    case 'admin-prohibited':
      return '!X';
    case 'protocol':
      return '!P';
    case 'beyond-scope':
      return family === 'ipv6' ? '!S' : '!N';
    case 'port':
      return '';
    default:
      return '!N';
  }
}

/** `traceroute` / `traceroute6` (numeric: the `-n` form without `(address)`). */
export function formatLinuxTraceroute(view: TracerouteView, numeric = false): string {
  const target = formatLinuxAddress(view.target);
  const lines = [`traceroute to ${view.targetName ?? target} (${target}), ${view.maxHops} hops max, ${view.packetBytes} byte packets`];
  for (const hop of view.hops) {
    let line = `${String(hop.ttl).padStart(2)} `;
    let shown: Ipv4Address | Ipv6Address | undefined;
    for (const probe of hop.probes) {
      if (probe.kind === 'timeout') {
        line += ' *';
        continue;
      }
      if (probe.from !== shown) {
        const text = formatLinuxAddress(probe.from);
        line += numeric ? ` ${text}` : ` ${text} (${text})`;
        shown = probe.from;
      }
      line += `  ${probe.rttMs.toFixed(3)} ms`;
      if (probe.kind === 'unreachable') {
        const mark = annotation(view.family, probe.reason);
        if (mark !== '') line += ` ${mark}`;
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}
