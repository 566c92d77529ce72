/**
 * `npm run bench [-- <name-filter>]`: runs every bench/*.bench.ts whose name contains the filter,
 * one after another, and prints one line each (see harness.ts). A benchmark whose sim-core module
 * is not written yet prints "skipped: <module> not built yet"; any other problem fails the run.
 */
import { formatResult, formatSkipped, loadBenchmarks, measureLongRun, measureThroughput } from './harness';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const benchmarks = (await loadBenchmarks()).filter((benchmark) => benchmark.name.includes(filter));
  if (benchmarks.length === 0) {
    console.error(`no benchmark name contains "${filter}"`);
    process.exitCode = 1;
    return;
  }
  console.log(`node ${process.version}, ${process.arch}; each benchmark warms up, then runs about 1.5 s`);
  for (const benchmark of benchmarks) {
    const testCase = await benchmark.prepare();
    if (testCase.kind === 'skipped') console.log(formatSkipped(benchmark.name, testCase.reason));
    else if (testCase.kind === 'report') for (const line of testCase.run(1)) console.log(`${benchmark.name.padEnd(16)} ${line}`);
    else if (testCase.kind === 'throughput') console.log(formatResult(measureThroughput(benchmark.name, testCase)));
    else console.log(formatResult(measureLongRun(benchmark.name, testCase)));
  }
}

await main();
