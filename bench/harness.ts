/**
 * The benchmark harness behind `npm run bench`: a benchmark file (bench/<name>.bench.ts) default-
 * exports a `Benchmark` whose `prepare()` loads what it measures and returns a case to run, or
 * "skipped" while the sim-core module it needs is not written yet. Two kinds of case:
 * - throughput: `run(n)` does n operations; the harness warms up, then times batches for about
 *   1.5 s and reports operations per second;
 * - long run: `run(scale, probe)` does one whole scenario (scale 1 = the real size, a tiny scale
 *   for the smoke test) and reports its operations, simulated time and events; the harness warms
 *   up at a tenth of the size, repeats it for about 1.5 s and reports the median run, wall time and
 *   the peak memory sampled through the probe.
 * - report: measures itself (variants or sizes compared in one sitting) and returns its lines.
 * Runs in Node only (it reads the wall clock and process memory); sim-core never imports it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

export interface ThroughputCase {
  readonly kind: 'throughput';
  /** What one operation is, plural: "frames", "packets". */
  readonly unit: string;
  /** Performs `iterations` operations; throws if a result is wrong (so a broken benchmark fails). */
  run(iterations: number): void;
}

export interface LongRunStats {
  /** Operations done, in the case's unit. */
  readonly operations: number;
  /** Virtual time the run simulated, when it simulates. */
  readonly simulatedNs?: number;
  /** Engine events executed, when it simulates. */
  readonly events?: number;
  /** The run's trace hash, when it simulates: a change that should not alter behaviour leaves it as it was. */
  readonly traceHash?: string;
}

export interface LongRunCase {
  readonly kind: 'long-run';
  readonly unit: string;
  /** One whole run at `scale` (1 = full size); calls `probe.sample()` now and then (every ~10k operations). */
  run(scale: number, probe: MemoryProbe): LongRunStats;
}

export interface SkippedCase {
  readonly kind: 'skipped';
  readonly reason: string;
}

/**
 * A case that measures itself (it compares variants, or sizes, in one sitting) and returns the
 * lines to print: a ratio against a baseline, a slope across sizes.
 */
export interface ReportCase {
  readonly kind: 'report';
  /** The whole comparison at `scale` (1 = full size, a tiny scale for the smoke test). */
  run(scale: number): readonly string[];
}

export type BenchmarkCase = ThroughputCase | LongRunCase | SkippedCase | ReportCase;

export interface Benchmark {
  /** Short kebab-case name, matched by `npm run bench -- <filter>`. */
  readonly name: string;
  /** One line: what is measured. */
  readonly description: string;
  prepare(): Promise<BenchmarkCase>;
}

export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** True when `<modulePath>.ts` exists, e.g. `isBuilt('sim-core/wire/udp')`. */
export function isBuilt(modulePath: string): boolean {
  return existsSync(`${repositoryRoot}${modulePath}.ts`);
}

/** The "skipped" case for the first module of `modulePaths` not written yet, or undefined when all exist. */
export function skipUnlessBuilt(...modulePaths: string[]): SkippedCase | undefined {
  const missing = modulePaths.find((path) => !isBuilt(path));
  return missing === undefined ? undefined : { kind: 'skipped', reason: `${missing} not built yet` };
}

/**
 * Imports a repository module by path (relative to the repository, without extension), typed by
 * the caller. For modules that may not exist yet: check `isBuilt` first; import errors of a module
 * that exists propagate (a broken module is a failure, not a skip).
 */
export async function importBuilt<T>(modulePath: string): Promise<T> {
  return (await import(`${repositoryRoot}${modulePath}.ts`)) as T;
}

export class MemoryProbe {
  peakRssBytes = 0;
  peakHeapUsedBytes = 0;

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.peakRssBytes) this.peakRssBytes = usage.rss;
    if (usage.heapUsed > this.peakHeapUsedBytes) this.peakHeapUsedBytes = usage.heapUsed;
  }
}

export interface BenchmarkResult {
  readonly name: string;
  readonly unit: string;
  readonly operationsPerSecond: number;
  /** Long runs only: wall time, simulated time, events and peak memory of the median run. */
  readonly wallS?: number;
  readonly simulatedNs?: number;
  readonly events?: number;
  readonly operations?: number;
  readonly peakRssBytes?: number;
  readonly peakHeapUsedBytes?: number;
  readonly traceHash?: string;
}

export interface MeasureOptions {
  /** Warm-up time before measuring (default 0.3 s). */
  readonly warmupS?: number;
  /** Measuring time (default 1.5 s). */
  readonly durationS?: number;
}

function seconds(): number {
  return performance.now() / 1000;
}

/** Calibrates a batch of ~20 ms, warms up, then times batches for `durationS`. */
export function measureThroughput(name: string, testCase: ThroughputCase, options: MeasureOptions = {}): BenchmarkResult {
  const warmupS = options.warmupS ?? 0.3;
  const durationS = options.durationS ?? 1.5;
  let batch = 1;
  for (;;) {
    const start = seconds();
    testCase.run(batch);
    if (seconds() - start >= 0.02 || batch >= 1 << 30) break;
    batch *= 2;
  }
  const warmupEnd = seconds() + warmupS;
  while (seconds() < warmupEnd) testCase.run(batch);
  let operations = 0;
  const start = seconds();
  let elapsed: number;
  do {
    testCase.run(batch);
    operations += batch;
    elapsed = seconds() - start;
  } while (elapsed < durationS);
  return { name, unit: testCase.unit, operationsPerSecond: operations / elapsed };
}

/** Warms up at a tenth of the size, then repeats whole runs for `durationS` (3 at most, 1 at least); the median run is reported. */
export function measureLongRun(name: string, testCase: LongRunCase, options: MeasureOptions = {}): BenchmarkResult {
  const durationS = options.durationS ?? 1.5;
  testCase.run(0.1, new MemoryProbe());
  const probe = new MemoryProbe();
  const runs: { wallS: number; stats: LongRunStats }[] = [];
  const start = seconds();
  do {
    probe.sample();
    const runStart = seconds();
    const stats = testCase.run(1, probe);
    runs.push({ wallS: seconds() - runStart, stats });
    probe.sample();
  } while (runs.length < 3 && seconds() - start < durationS);
  runs.sort((a, b) => a.wallS - b.wallS);
  const median = runs[Math.floor(runs.length / 2)]!;
  return {
    name,
    unit: testCase.unit,
    operationsPerSecond: median.stats.operations / median.wallS,
    wallS: median.wallS,
    operations: median.stats.operations,
    ...(median.stats.simulatedNs !== undefined && { simulatedNs: median.stats.simulatedNs }),
    ...(median.stats.events !== undefined && { events: median.stats.events }),
    ...(median.stats.traceHash !== undefined && { traceHash: median.stats.traceHash }),
    peakRssBytes: probe.peakRssBytes,
    peakHeapUsedBytes: probe.peakHeapUsedBytes,
  };
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(1);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/** One line per benchmark: name, rate, and for long runs wall/simulated time, events, peak memory and trace hash. */
export function formatResult(result: BenchmarkResult): string {
  const parts = [result.name.padEnd(16), `${formatRate(result.operationsPerSecond)} ${result.unit}/s`.padStart(20)];
  if (result.wallS !== undefined) parts.push(`wall ${result.wallS.toFixed(3)} s`);
  if (result.simulatedNs !== undefined) parts.push(`simulated ${(result.simulatedNs / 1e9).toFixed(3)} s`);
  if (result.events !== undefined) parts.push(`events ${result.events.toLocaleString('en-US')}`);
  if (result.peakRssBytes !== undefined) parts.push(`peak rss ${formatMegabytes(result.peakRssBytes)}`);
  if (result.peakHeapUsedBytes !== undefined) parts.push(`heap ${formatMegabytes(result.peakHeapUsedBytes)}`);
  if (result.traceHash !== undefined) parts.push(`traceHash ${result.traceHash}`);
  return parts.join('   ');
}

export function formatSkipped(name: string, reason: string): string {
  return `${name.padEnd(16)} skipped: ${reason}`;
}

/** Every bench/*.bench.ts, in file-name order (each default-exports its Benchmark, or a list of related ones). */
export async function loadBenchmarks(): Promise<Benchmark[]> {
  const directory = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const modules = await Promise.all(files.map((file) => import(`${directory}${file}`) as Promise<{ default: Benchmark | readonly Benchmark[] }>));
  return modules.flatMap((module) => (Array.isArray(module.default) ? module.default : [module.default as Benchmark]));
}
