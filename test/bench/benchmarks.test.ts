/**
 * Every benchmark in bench/ still runs: each is prepared and run for a tiny size (this is not a
 * timing test; `npm run bench` measures). A benchmark may skip only because the sim-core module
 * it measures is not written yet.
 */
import { describe, expect, it } from 'vitest';
import { formatResult, isBuilt, loadBenchmarks, MemoryProbe } from '../../bench/harness';
import { runEngineScenario } from '../../bench/engine-events.bench';

const benchmarks = await loadBenchmarks();

describe('benchmarks (smoke run, tiny sizes)', () => {
  it('finds the codec, engine and pcapng benchmarks', () => {
    expect(benchmarks.map((b) => b.name)).toEqual(expect.arrayContaining(['codec-frames', 'engine-events', 'pcapng-writer']));
  });

  for (const benchmark of benchmarks) {
    it(`${benchmark.name} runs, or skips only for a module that does not exist`, async () => {
      const testCase = await benchmark.prepare();
      if (testCase.kind === 'skipped') {
        const module = /^(\S+) not built yet$/.exec(testCase.reason)?.[1];
        expect(module, testCase.reason).toBeDefined();
        expect(isBuilt(module!), `${module} exists, so ${benchmark.name} must run`).toBe(false);
      } else if (testCase.kind === 'throughput') {
        testCase.run(3);
      } else if (testCase.kind === 'report') {
        expect(testCase.run(0.001).length).toBeGreaterThan(0);
      } else {
        const probe = new MemoryProbe();
        const stats = testCase.run(0.001, probe);
        expect(stats.operations).toBeGreaterThan(0);
      }
    });
  }

  it('the engine scenario runs the events it was asked for, cancelling timers on the way', () => {
    const run = runEngineScenario(5000);
    expect(run.events).toBeGreaterThanOrEqual(5000);
    expect(run.timersCancelled).toBeGreaterThan(1000);
    expect(run.simulatedNs).toBeGreaterThan(0);
    expect(runEngineScenario(5000)).toEqual(run); // seeded: the same run twice
  });

  it('prints one line with rate, wall and simulated time, events and peak memory', () => {
    const line = formatResult({ name: 'engine-events', unit: 'events', operationsPerSecond: 2_345_678, wallS: 0.4263, simulatedNs: 12_500_000_000, events: 1_000_000, peakRssBytes: 200 * 2 ** 20, peakHeapUsedBytes: 50 * 2 ** 20 });
    expect(line).toMatch(/^engine-events\s+2\.35 M events\/s\s+wall 0\.426 s\s+simulated 12\.500 s\s+events 1,000,000\s+peak rss 200 MB\s+heap 50 MB$/);
  });
});
