/**
 * `v6lab check <scenario> [--solution] [--json] [--seed n] [--lang en|vi]`: the instructor's
 * proof that a scenario works. Validates the file (every problem at file:line:column), boots
 * the lab with its faults and lets it settle, types the reference solution at the device
 * consoles when asked (a refused line is an error at its scenario line) and lets the network
 * converge (SOLUTION_CONVERGE_NS), answers every question check with its right answer, runs
 * every check, and prints a table: task, check (in full), pass/fail, what the check saw.
 * With --solution: exit 0 only when the file is valid and every check passes; 1 when the file
 * has errors or a check fails. Without it, the start-state proof: "every task fails at start"
 * (exit 0), or "task X already passes at start" for each such task (a warning, exit 3); 1 when
 * the file has errors. 2 for bad arguments or an unreadable file.
 *
 * The logic is `checkScenarioCommand` (text in, output out) so tests run it in-process.
 */
import type { Command } from 'commander';
import type { BilingualText } from '../../../sim-core/lab/scenario/bilingual-text';
import { modelAnswers } from '../../../sim-core/lab/scenario/grade';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { runChecks, type TaskResult } from '../../../sim-core/lab/scenario/run-checks';
import { formatScenarioProblemIn, sortScenarioProblems, type ScenarioProblem } from '../../../sim-core/lab/scenario/scenario-problems';
import { applySolution, SOLUTION_CONVERGE_NS } from '../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../sim-core/lab/scenario/start-scenario';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, EXIT_WARNING, type CliCommand, type CliContext } from '../cli-command';
import { errorCountLine, readLanguage, type Language } from '../cli-language';
import { readLabFile, readSeed, type OutputChunk } from './run';

export { readLanguage, type Language };

export interface CheckScenarioOptions {
  readonly solution?: boolean;
  readonly json?: boolean;
  readonly seed?: string;
  readonly lang?: string;
}

export interface CheckScenarioOutcome {
  readonly exitCode: number;
  readonly output: readonly OutputChunk[];
}

function problemJson(problem: ScenarioProblem): Record<string, unknown> {
  return { ...problem };
}

/** `v6lab check` on a scenario's text. Never throws on anything the user wrote. */
export function checkScenarioCommand(fileName: string, text: string, options: CheckScenarioOptions): CheckScenarioOutcome {
  const seed = readSeed(options.seed);
  if (!seed.ok) return { exitCode: EXIT_USAGE, output: [{ stream: 'err', text: `v6lab check: ${seed.error}\n` }] };
  const lang = readLanguage(options.lang);
  if (!lang.ok) return { exitCode: EXIT_USAGE, output: [{ stream: 'err', text: `v6lab check: ${lang.error}\n` }] };
  const json = options.json === true;
  const withSolution = options.solution === true;

  const loaded = loadScenario(text, fileName);
  if (!loaded.ok) return failedOutcome(fileName, loaded.problems, json, seed.value, lang.value);
  const { scenario, source } = loaded;

  const started = startScenario(scenario, { seed: seed.value, source });
  const problems: ScenarioProblem[] = [...loaded.warnings, ...started.problems];
  if (withSolution) {
    const solved = applySolution(started.session, scenario, source);
    problems.push(...solved.problems);
    started.session.runFor(SOLUTION_CONVERGE_NS);
  }
  const sorted = sortScenarioProblems(problems);
  const hasErrors = sorted.some((problem) => problem.severity === 'error');
  const tasks = runChecks(scenario, started.session, undefined, { answers: withSolution ? modelAnswers(scenario) : {} });
  const allPass = tasks.every((task) => task.passed);
  const score = tasks.reduce((sum, task) => sum + task.earned, 0);
  const passingAtStart = withSolution ? [] : tasks.filter((task) => task.passed).map((task) => task.taskId as string);
  const exitCode = hasErrors ? EXIT_FAILED : withSolution ? (allPass ? EXIT_OK : EXIT_FAILED) : passingAtStart.length > 0 ? EXIT_WARNING : EXIT_OK;

  if (json) {
    const report = {
      scenario: scenario.id,
      file: fileName,
      seed: seed.value,
      solution: withSolution,
      ok: exitCode === EXIT_OK,
      ...(withSolution ? {} : { passingAtStart }),
      score,
      max: scenario.totalPoints,
      problems: sorted.map(problemJson),
      tasks: tasks.map((task) => ({
        id: task.taskId,
        title: task.title,
        points: task.points,
        passed: task.passed,
        checks: task.checks.map((check) => ({ kind: check.kind, description: check.description, passed: check.passed, explanation: check.explanation })),
      })),
    };
    return { exitCode, output: [{ stream: 'out', text: `${JSON.stringify(report, null, 2)}\n` }] };
  }
  const output: OutputChunk[] = [];
  if (sorted.length > 0) output.push({ stream: 'err', text: `${sorted.map((problem) => formatScenarioProblemIn(problem, lang.value)).join('\n')}\n` });
  const state = withSolution ? (lang.value === 'vi' ? 'đã áp dụng lời giải' : 'solution applied') : lang.value === 'vi' ? 'trạng thái ban đầu' : 'starting state';
  output.push({ stream: 'out', text: `${scenario.id}: ${scenario.title[lang.value]} (${state}, seed ${seed.value})\n\n` });
  output.push({ stream: 'out', text: formatCheckTable(tasks, lang.value) });
  output.push({ stream: 'out', text: `\n${formatCheckSummary(tasks, scenario.totalPoints, lang.value)}\n` });
  if (!withSolution) output.push(startProof(fileName, passingAtStart, lang.value));
  return { exitCode, output };
}

function failedOutcome(fileName: string, problems: readonly ScenarioProblem[], json: boolean, seed: number, lang: Language): CheckScenarioOutcome {
  if (json) {
    const report = { file: fileName, seed, ok: false, problems: problems.map(problemJson), tasks: [] };
    return { exitCode: EXIT_FAILED, output: [{ stream: 'out', text: `${JSON.stringify(report, null, 2)}\n` }] };
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return {
    exitCode: EXIT_FAILED,
    output: [{ stream: 'err', text: `${problems.map((problem) => formatScenarioProblemIn(problem, lang)).join('\n')}\n${errorCountLine(errors, fileName, lang)}\n` }],
  };
}

/** The start-state proof: every task must fail before the trainee does anything. */
function startProof(fileName: string, passing: readonly string[], lang: Language): OutputChunk {
  if (passing.length === 0) return { stream: 'out', text: lang === 'vi' ? 'mọi nhiệm vụ đều chưa đạt ở trạng thái ban đầu\n' : 'every task fails at start\n' };
  const lines = passing.map((id) => (lang === 'vi' ? `${fileName}: cảnh báo: nhiệm vụ ${id} đã đạt ngay ở trạng thái ban đầu (học viên được điểm mà không cần làm gì)` : `${fileName}: warning: task ${id} already passes at start (a trainee scores it without doing anything)`));
  return { stream: 'err', text: `${lines.join('\n')}\n` };
}

/** The line under the table: score, tasks and checks that pass. */
export function formatCheckSummary(tasks: readonly TaskResult[], totalPoints: number, lang: Language): string {
  const score = tasks.reduce((sum, task) => sum + task.earned, 0);
  const checkCount = tasks.reduce((sum, task) => sum + task.checks.length, 0);
  const passedChecks = tasks.reduce((sum, task) => sum + task.checks.filter((check) => check.passed).length, 0);
  const passedTasks = tasks.filter((task) => task.passed).length;
  return lang === 'vi'
    ? `điểm ${score}/${totalPoints}; đạt ${passedTasks}/${tasks.length} nhiệm vụ, ${passedChecks}/${checkCount} kiểm tra`
    : `score ${score}/${totalPoints}; ${passedTasks}/${tasks.length} tasks and ${passedChecks}/${checkCount} checks pass`;
}

/** TASK / CHECK / RESULT / EXPLANATION, one row per check, the task named on its first row. */
export function formatCheckTable(tasks: readonly TaskResult[], lang: Language): string {
  const pick = (text: BilingualText): string => text[lang];
  const rows = tasks.flatMap((task) =>
    task.checks.map((check, index) => [index === 0 ? task.taskId : '', pick(check.description), check.passed ? (lang === 'vi' ? 'đạt' : 'pass') : lang === 'vi' ? 'CHƯA ĐẠT' : 'FAIL', pick(check.explanation)]),
  );
  const header = lang === 'vi' ? ['NHIỆM VỤ', 'KIỂM TRA', 'KẾT QUẢ', 'GIẢI THÍCH'] : ['TASK', 'CHECK', 'RESULT', 'EXPLANATION'];
  const widths = [0, 1, 2].map((column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string => `${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')}`.trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('check')
      .description("validate a scenario, boot it with its faults, optionally apply its solution, and run every check (with --solution exit 0 only if all pass; without, exit 3 when a task already passes at start)")
      .argument('<scenario>', 'a scenario file (scenarios/**/*.yaml)')
      .option('--solution', "type the scenario's reference solution at the device consoles (and answer its questions) before checking")
      .option('--seed <n>', 'seed of the simulation (default 1)')
      .option('--json', 'print a JSON report instead of the table')
      .action((path: string, options: CheckScenarioOptions) => {
        const text = readLabFile('check', path);
        if (!text.ok) {
          context.io.err(`${text.error}\n`);
          context.setExitCode(EXIT_USAGE);
          return;
        }
        const outcome = checkScenarioCommand(path, text.value, { ...options, lang: context.languageOption() ?? context.defaultLanguage });
        for (const chunk of outcome.output) (chunk.stream === 'out' ? context.io.out : context.io.err)(chunk.text);
        context.setExitCode(outcome.exitCode);
      });
  },
};
