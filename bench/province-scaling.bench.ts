/**
 * Does the province stay linear? The province of network-province.bench.ts at 500, 1,000, 2,500
 * and 5,000 hosts, each from power-on to every host answered; prints per size the CPU and wall
 * time, events, peak RSS and the trace hash (the 5,000-host hash is the province's), then the
 * least-squares slope of CPU time per 1,000 hosts and the cost per 1,000 hosts of each size (a
 * straight line keeps that cost flat). CPU time (process user + system) is reported beside wall
 * time because the machine may be shared; RSS is sampled through the run.
 */
import { performance } from 'node:perf_hooks';
import { runProvince } from './network-province.bench';
import { defineBenchmark, MemoryProbe, type ReportCase } from './harness';

const SIZES = [500, 1000, 2500, 5000];

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export default defineBenchmark({
  name: 'province-scaling',
  description: 'the province at 500, 1,000, 2,500 and 5,000 hosts, and the slope per 1,000 hosts',
  async prepare(): Promise<ReportCase> {
    return {
      kind: 'report',
      run(scale) {
        const sizes = SIZES.map((hosts) => Math.max(3, Math.round(hosts * scale)));
        runProvince(Math.max(3, Math.round(500 * scale))); // warm-up
        const lines: string[] = [];
        const cpu: number[] = [];
        for (const hosts of sizes) {
          const probe = new MemoryProbe();
          probe.sample();
          const cpuStart = cpuSeconds();
          const wallStart = performance.now();
          const run = runProvince(hosts, probe);
          const wallS = (performance.now() - wallStart) / 1000;
          const cpuS = cpuSeconds() - cpuStart;
          probe.sample();
          cpu.push(cpuS);
          lines.push(
            `${String(hosts).padStart(5)} hosts   cpu ${cpuS.toFixed(3)} s   wall ${wallS.toFixed(3)} s   events ${run.events!.toLocaleString('en-US')}   ` +
              `peak rss ${(probe.peakRssBytes / 2 ** 20).toFixed(0)} MB   cpu per 1,000 hosts ${((cpuS * 1000) / hosts).toFixed(3)} s   traceHash ${run.traceHash}`,
          );
        }
        const perHost = slope(sizes, cpu);
        lines.push(`slope ${(perHost * 1000).toFixed(3)} cpu s per 1,000 hosts (least squares over ${sizes.join(', ')} hosts)`);
        return lines;
      },
    };
  },
});
