/**
 * `npx tsx bench/grade-class.ts [count]`: the grading case of issue 19. Generates `count`
 * (default 40) work files of the largest bundled module (by file size: m04-troubleshooting),
 * trainees having typed none, part or all of its solution, then runs `v6lab grade --roster
 * --work --out` as a user would (a fresh process each, so both start cold) with --jobs 1 and
 * with every core, checks that both wrote the same CSV, JSON and HTML byte for byte, and prints
 * the wall times and the speed-up. Not a *.bench.ts: the harness measures synchronous loops in
 * one process; this measures the whole command, worker start-up included, once per setting.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadedScenario, workFileText } from '../test/electron/cli/grade/class-fixture';

const count = Number(process.argv[2] ?? 40);
const largest = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join('scenarios', name))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
const text = readFileSync(largest, 'utf8');
const scenario = loadedScenario(text, largest);
const dir = mkdtempSync(join(tmpdir(), 'v6lab-grade-bench-'));
const rows = ['id,name,agency'];
mkdirSync(join(dir, 'work'));
for (let index = 0; index < count; index += 1) {
  const id = `HV${String(index + 1).padStart(3, '0')}`;
  rows.push(`${id},Học viên ${index + 1},Sở TT&TT`);
  writeFileSync(join(dir, 'work', `${id}.${scenario.id}.progress.yaml`), workFileText(scenario, { trainee: `Học viên ${index + 1}`, steps: index % (scenario.solution.length + 1) }));
}
writeFileSync(join(dir, 'roster.csv'), `${rows.join('\n')}\n`);

async function timed(jobs: number): Promise<{ ms: number; files: Readonly<Record<string, string>> }> {
  const out = join(dir, `out-${jobs}`);
  const start = performance.now();
  try {
    execFileSync(process.execPath, ['electron/cli/bin.mjs', 'grade', largest, '--roster', join(dir, 'roster.csv'), '--work', join(dir, 'work'), '--out', out, '--date', '2026-01-01', '--jobs', String(jobs)], { stdio: 'pipe' });
  } catch (error) {
    // Exit 1 (some work could not be graded) still writes the report.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  const ms = performance.now() - start;
  return { ms, files: Object.fromEntries(['grades.csv', 'grades.json', 'report.html'].map((name) => [name, readFileSync(join(out, name), 'utf8')])) };
}

const cores = availableParallelism();
// Warm tsx's transform cache once so neither measured run pays for compiling TypeScript.
await timed(1);
const one = await timed(1);
const all = await timed(cores);
const same = JSON.stringify(one.files) === JSON.stringify(all.files);
console.log(`grade ${count} submissions of ${scenario.id} (${largest}): 1 thread ${(one.ms / 1000).toFixed(2)} s, ${cores} threads ${(all.ms / 1000).toFixed(2)} s, speed-up ${(one.ms / all.ms).toFixed(2)}×, results identical: ${same}`);
if (!same) process.exitCode = 1;
