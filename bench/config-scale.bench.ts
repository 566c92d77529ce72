/**
 * Configuration is linear (issue 17.8): a router takes 100,000 `ipv6 route` lines typed at its
 * console, or the same lines in its lab configuration at boot, and a router boots with 10,000
 * loopbacks (an IPv4 and an IPv6 address each) — each in seconds, not minutes. Every run checks
 * its result (the FIB holds every route, every loopback has its addresses), so a broken
 * configuration path fails the benchmark instead of speeding it up.
 * Scale shrinks the line count (the smoke test runs a few dozen).
 */
import { bootLab } from '../sim-core/lab/boot-lab';
import type { LabSession } from '../sim-core/lab/lab-session';
import { loadLab } from '../sim-core/lab/load-lab';
import { IPV6_RIB } from '../sim-core/stack/routing/ipv6-rib';
import { defineBenchmark, type Benchmark, type LongRunStats, type MemoryProbe } from './harness';

const FULL_ROUTES = 100_000;
const FULL_LOOPBACKS = 10_000;

function staticRouteLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `ipv6 route 2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64 2001:db8:ffff::2`);
}

/** R1 and R2 on one link, R1 with `r1Extra` after its base configuration. */
function twoRouters(r1Extra: readonly string[]): LabSession {
  const r1 = ['ipv6 unicast-routing', 'interface GigabitEthernet0/0', ' ipv6 address 2001:db8:ffff::1/64', ' no shutdown', ...r1Extra];
  const r2 = ['ipv6 unicast-routing', 'interface GigabitEthernet0/0', ' ipv6 address 2001:db8:ffff::2/64', ' no shutdown'];
  const block = (lines: readonly string[]): string => lines.map((line) => `      ${line}`).join('\n');
  const text = `version: 1\ndevices:\n  - name: R1\n    kind: router\n    config: |\n${block(r1)}\n  - name: R2\n    kind: router\n    config: |\n${block(r2)}\nlinks:\n  - endpoints: ["R1:g0/0", "R2:g0/0"]\n`;
  const loaded = loadLab(text, 'config-scale.v6lab.yaml');
  if (!loaded.ok) throw new Error(`config-scale: ${loaded.problems[0]!.message}`);
  return bootLab(loaded.lab, { seed: 1, source: loaded.source });
}

function expectRoutes(session: LabSession, count: number): void {
  session.runFor(5e9);
  const installed = session.network.device('R1').stack!.findRequired(IPV6_RIB).fibEntries().filter((entry) => entry.route.source === 'static').length;
  if (installed !== count) throw new Error(`config-scale: ${installed} of ${count} static routes installed`);
}

export function runStaticRoutesAtConsole(count: number, probe?: MemoryProbe): LongRunStats {
  const session = twoRouters([]);
  const run = (line: string): void => {
    const result = session.exec('R1', line);
    if (!result.ok) throw new Error(`config-scale: ${result.error}`);
  };
  run('enable');
  run('configure terminal');
  const lines = staticRouteLines(count);
  lines.forEach((line, i) => {
    run(line);
    if (i % 10_000 === 0) probe?.sample();
  });
  run('end');
  expectRoutes(session, count);
  return { operations: count };
}

export function runStaticRoutesAtBoot(count: number): LongRunStats {
  const session = twoRouters(staticRouteLines(count));
  expectRoutes(session, count);
  return { operations: count };
}

export function runLoopbacksAtBoot(count: number): LongRunStats {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`interface Loopback${i}`, ` ip address 10.${(i >> 8) & 255}.${i & 255}.1 255.255.255.0`, ` ipv6 address 2001:db8:${(i >> 8).toString(16)}:${(i & 0xff).toString(16)}::1/64`);
  }
  const session = twoRouters(lines);
  const stack = session.network.device('R1').stack!;
  const loopbacks = stack.interfaces.filter((iface) => iface.name.startsWith('Loopback') && iface.ipv4Addresses.length === 1 && iface.ipv6.addresses.some((a) => a.origin === 'static'));
  if (loopbacks.length !== count) throw new Error(`config-scale: ${loopbacks.length} of ${count} loopbacks have their addresses`);
  return { operations: count };
}

function scaled(full: number, scale: number): number {
  return Math.max(20, Math.round(full * scale));
}

const benchmarks: Benchmark[] = [
  defineBenchmark({
    name: 'config-ipv6-routes-console',
    description: '100,000 `ipv6 route` lines typed at a router console (configure terminal)',
    async prepare() {
      return { kind: 'long-run', unit: 'lines', run: (scale, probe) => runStaticRoutesAtConsole(scaled(FULL_ROUTES, scale), probe) };
    },
  }),
  defineBenchmark({
    name: 'config-ipv6-routes-boot',
    description: '100,000 `ipv6 route` lines in a lab configuration, loaded and booted',
    async prepare() {
      return { kind: 'long-run', unit: 'lines', run: (scale) => runStaticRoutesAtBoot(scaled(FULL_ROUTES, scale)) };
    },
  }),
  defineBenchmark({
    name: 'config-loopbacks-boot',
    description: '10,000 loopbacks with an IPv4 and an IPv6 address each, loaded and booted',
    async prepare() {
      return { kind: 'long-run', unit: 'loopbacks', run: (scale) => runLoopbacksAtBoot(scaled(FULL_LOOPBACKS, scale)) };
    },
  }),
];

export default benchmarks;
