// Every bundled scenario is proven: it loads without a problem, its reference solution passes
// every check (`v6lab check --solution` exits 0), and its starting state passes no task (a
// task whose checks pass before the trainee does anything gives free points: a defect).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkScenarioCommand } from '../../electron/cli/commands/check';
import { streamText } from '../../electron/cli/commands/run';
import { loadScenario } from '../../sim-core/lab/scenario/load-scenario';
import { runChecks } from '../../sim-core/lab/scenario/run-checks';
import { formatScenarioProblems } from '../../sim-core/lab/scenario/scenario-problems';
import { renderScenarioJsonSchema } from '../../sim-core/lab/scenario/scenario-json-schema';
import { startScenario } from '../../sim-core/lab/scenario/start-scenario';

const ROOT = new URL('../../scenarios/', import.meta.url).pathname;

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scenarioFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const files = scenarioFiles(ROOT).sort();
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(renderScenarioJsonSchema()) as object);

describe('bundled scenarios (scenarios/**)', () => {
  it('exist: the first four course modules at least', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('have unique ids, and cover the plan steps they claim', () => {
    const ids = files.map((file) => {
      const loaded = loadScenario(readFileSync(file, 'utf8'), file);
      return loaded.ok ? loaded.scenario.id : file;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const file of files) {
    const name = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');

    describe(name, () => {
      it('loads with no error and no warning, and the published JSON Schema accepts it', () => {
        const loaded = loadScenario(text, name);
        expect(loaded.ok ? formatScenarioProblems(loaded.warnings) : formatScenarioProblems(loaded.problems)).toBe('');
        expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
      });

      it('passes every check with its solution applied (v6lab check --solution exits 0)', () => {
        const outcome = checkScenarioCommand(name, text, { solution: true });
        expect(streamText(outcome.output, 'err')).toBe('');
        expect(outcome.exitCode, streamText(outcome.output, 'out')).toBe(0);
      });

      it('passes no task in its starting state (faults injected, nothing done)', () => {
        const loaded = loadScenario(text, name);
        if (!loaded.ok) throw new Error(formatScenarioProblems(loaded.problems));
        const started = startScenario(loaded.scenario, { seed: 1, source: loaded.source });
        expect(started.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        const passing = runChecks(loaded.scenario, started.session).filter((task) => task.passed);
        expect(passing.map((task) => task.taskId)).toEqual([]);
        // The start-state proof of `v6lab check` without --solution: exit 0 and says so.
        const proof = checkScenarioCommand(name, text, {});
        expect(proof.exitCode).toBe(0);
        expect(streamText(proof.output, 'out')).toContain('every task fails at start');
      });

      it('is bilingual throughout: every title, hint and instruction has Vietnamese with diacritics and English', () => {
        const loaded = loadScenario(text, name);
        if (!loaded.ok) throw new Error('does not load');
        const scenario = loaded.scenario;
        const texts = [scenario.title, scenario.summary, scenario.instructions, ...scenario.tasks.flatMap((task) => [task.title, ...task.hints])];
        for (const entry of texts) {
          expect(entry.vi.trim()).not.toBe('');
          expect(entry.en.trim()).not.toBe('');
          expect(entry.vi).not.toBe(entry.en);
        }
        // Vietnamese written with its diacritics, not stripped ASCII.
        expect(scenario.instructions.vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
        expect(scenario.tasks.every((task) => task.hints.length > 0)).toBe(true);
      });
    });
  }
});

describe('module 2 in the order a trainee naturally types it', () => {
  it('the global address first, some time passing (the PCs learn the automatic link-local router), then FE80::1: every task still passes', () => {
    const text = readFileSync(join(ROOT, 'm02-dual-stack-slaac.yaml'), 'utf8');
    const solution = /\nsolution:\n[\s\S]*?\n\n/.exec(text);
    expect(solution).not.toBeNull();
    const globalFirst = text.replace(
      solution![0],
      `
solution:
  - device: R-STTTT
    commands: |
      enable
      configure terminal
      ipv6 unicast-routing
      interface GigabitEthernet0/0
       ipv6 address 2001:db8:6803:10::1/64
      end
  - device: PC1
    commands: |
      ping -n 4 192.168.10.10
      ipconfig
  - device: R-STTTT
    commands: |
      configure terminal
      interface GigabitEthernet0/0
       ipv6 address FE80::1 link-local
      end

`,
    );
    const outcome = checkScenarioCommand('m02-global-first.yaml', globalFirst, { solution: true });
    // The hard case: fe80::1 is known but another (the automatic link-local) is the route in use.
    expect(streamText(outcome.output, 'out')).toContain('via fe80::1 (nd, Ethernet0, not installed: not-best)');
    expect(outcome.exitCode, streamText(outcome.output, 'out')).toBe(0);
    // In Vietnamese the same result reads in Vietnamese words, with no English fragment.
    const vietnamese = streamText(checkScenarioCommand('m02-global-first.yaml', globalFirst, { solution: true, lang: 'vi' }).output, 'out');
    expect(vietnamese).toContain('qua fe80::1 (học từ Router Advertisement, Ethernet0, chưa dùng: có tuyến khác được ưu tiên hơn)');
    expect(vietnamese).not.toMatch(/not installed|not-best|\bvia\b|preferred/);
  });
});
