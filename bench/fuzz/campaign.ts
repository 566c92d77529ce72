/**
 * `npm run fuzz [-- --seed N] [--frames N] [--files N] [--lines N]`: the long fuzz campaign of
 * issue 17 (defaults 10^6 frames, 10^4 files, 10^5 console lines), seeded (default 1) so a
 * failure replays. Prints the counts of each engine (fuzz-engines.ts) and, for an exception, the
 * input that raised it; exits 1 when any engine saw one.
 */
import { formatFuzzReport, fuzzConsoles, fuzzFiles, fuzzFrames, type FuzzReport } from './fuzz-engines';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got ${process.argv[at + 1]}`);
  return value;
}

const seed = option('seed', 1);
const plan = { frames: option('frames', 1_000_000), files: option('files', 10_000), lines: option('lines', 100_000) };
console.log(`fuzz campaign, seed ${seed}: ${plan.frames.toLocaleString('en-US')} frames, ${plan.files.toLocaleString('en-US')} files, ${plan.lines.toLocaleString('en-US')} console lines`);
const reports: FuzzReport[] = [];
for (const [run, count] of [[fuzzFiles, plan.files], [fuzzConsoles, plan.lines], [fuzzFrames, plan.frames]] as const) {
  if (count === 0) continue;
  const start = performance.now();
  const report = run(count, seed);
  reports.push(report);
  console.log(`${formatFuzzReport(report)}   ${((performance.now() - start) / 1000).toFixed(1)} s`);
  if (report.firstException !== undefined) console.log(`  first exception: ${report.firstException.message}\n  input: ${report.firstException.input.slice(0, 2000)}`);
}
const exceptions = reports.reduce((sum, report) => sum + report.exceptions, 0);
console.log(`exceptions=${exceptions}`);
process.exitCode = exceptions === 0 ? 0 : 1;
