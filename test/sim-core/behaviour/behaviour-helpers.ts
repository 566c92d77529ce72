/**
 * Helpers for the multi-device behaviour tests: run ping and traceroute from a device the way a
 * trainee would (the device's own OS defaults), until they finish in virtual time, and tabulate
 * what they saw.
 */
import { parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { startPing, type PingOptions, type PingResult } from '../../../sim-core/stack/apps/ping';
import { startTraceroute, type TracerouteOptions, type TracerouteResult } from '../../../sim-core/stack/apps/traceroute';

export function v4(text: string): Ipv4Address {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function runUntilDone(net: Network, session: { readonly done: boolean }, maxSeconds: number): void {
  const limit = net.nowNs + maxSeconds * NS_PER_S;
  while (!session.done && net.nowNs < limit) net.runFor(NS_PER_S / 10);
  if (!session.done) throw new Error(`not done after ${maxSeconds} s of virtual time`);
}

export function ping(net: Network, device: string, destination: Ipv4Address | Ipv6Address, options: Omit<PingOptions, 'destination'> = {}): PingResult {
  const session = startPing(net.device(device).stack!, { ...options, destination });
  runUntilDone(net, session, 600);
  return session.result();
}

export function traceroute(net: Network, device: string, destination: Ipv4Address | Ipv6Address, options: Omit<TracerouteOptions, 'destination'> = {}): TracerouteResult {
  const session = startTraceroute(net.device(device).stack!, { ...options, destination });
  runUntilDone(net, session, 2000);
  return session.result();
}

/** Probe outcomes in order: 'reply', 'timeout', 'unreachable' … */
export function outcomes(result: PingResult): string[] {
  return result.probes.map((p) => p.outcome.kind);
}

/** Each hop as the responders of its probes, '*' for a timeout (what the trainee reads). */
export function hopTable(result: TracerouteResult): (string | bigint | number)[][] {
  return result.hops.map((hop) => hop.probes.map((p) => (p.outcome.kind === 'timeout' ? '*' : p.outcome.kind === 'send-failed' ? 'fail' : p.outcome.from)));
}

/**
 * PC1 (Windows) — R1 — R2 — R3 — SRV1 (Linux), cabled PC1:Ethernet0–R1:g0/0, R1:g0/1–R2:g0/1,
 * R2:g0/2–R3:g0/2, R3:g0/0–SRV1:eth0, every interface in `addresses` up with its address
 * (`add` puts it on: IPv4 or IPv6). Routes are the test's.
 */
export function cabledRouterChain(seed: number, addresses: Readonly<Record<string, string>>, add: (net: Network, endpoint: string, address: string) => void): Network {
  const net = new Network({ seed });
  for (const [kind, name] of [['pc', 'PC1'], ['router', 'R1'], ['router', 'R2'], ['router', 'R3'], ['server', 'SRV1']] as const) net.addDevice(kind, name);
  net.connect('PC1:Ethernet0', 'R1:g0/0');
  net.connect('R1:g0/1', 'R2:g0/1');
  net.connect('R2:g0/2', 'R3:g0/2');
  net.connect('R3:g0/0', 'SRV1:eth0');
  for (const [endpoint, address] of Object.entries(addresses)) {
    net.setUp(endpoint, true);
    add(net, endpoint, address);
  }
  return net;
}

