/**
 * `v6lab grade <scenario> <saved-work>... [--csv|--json] [--seed n]`: scores a class. Each
 * saved-work file is either a lab file the trainee saved from the app (their running configs)
 * or a progress file (progress.ts, `format: v6lab-progress`); each is booted and checked
 * against the scenario (grade.ts: locked devices restored, faults not re-injected), one row per
 * trainee: the name (from the file name), score, maximum, and pass or fail per task.
 * Exit 0 when every file was graded; 1 when the scenario or some file has errors (that row
 * says why, score 0); 2 for bad arguments or unreadable files.
 *
 * The logic is `gradeScenarioCommand` (texts in, output out) so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { gradeLab, gradeProgress } from '../../../sim-core/lab/scenario/grade';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { isProgressText, loadProgress } from '../../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import { problemMessage } from '../../../sim-core/lab/problem-text';
import { formatScenarioProblemIn, type ScenarioProblem } from '../../../sim-core/lab/scenario/scenario-problems';
import { errorCountLine, readLanguage, say, type Language } from '../cli-language';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from '../cli-command';
import { readLabFile, readSeed, type OutputChunk } from './run';
import { gradeClass } from '../grade/class-grade';
import { defaultJobs } from '../grade/grade-pool';

export interface GradeScenarioOptions {
  readonly csv?: boolean;
  readonly json?: boolean;
  readonly seed?: string;
  /** Language of problems, notes and table headings (en, vi); default en. */
  readonly lang?: string;
}

export interface SavedWork {
  readonly path: string;
  readonly text: string;
}

/** One trainee's result. */
export interface GradeRow {
  readonly trainee: string;
  readonly file: string;
  readonly score: number;
  readonly max: number;
  /** Task id → passed, in scenario order. */
  readonly tasks: Readonly<Record<string, boolean>>;
  /** Why the file could not be graded (score 0). */
  readonly error?: string;
  readonly notes: readonly string[];
  /** From the progress file, when it says. */
  readonly savedAt?: string;
}

export interface GradeScenarioOutcome {
  readonly exitCode: number;
  readonly output: readonly OutputChunk[];
  readonly rows: readonly GradeRow[];
}

/** `nguyen-van-an.progress.yaml` → `nguyen-van-an`. */
export function traineeNameOf(path: string): string {
  return basename(path).replace(/(\.progress)?(\.v6lab)?\.(ya?ml|json)$/i, '');
}

export function gradeScenarioCommand(scenarioPath: string, scenarioText: string, works: readonly SavedWork[], options: GradeScenarioOptions): GradeScenarioOutcome {
  const usage = (error: string): GradeScenarioOutcome => ({ exitCode: EXIT_USAGE, output: [{ stream: 'err', text: `v6lab grade: ${error}\n` }], rows: [] });
  const seed = readSeed(options.seed);
  if (!seed.ok) return usage(seed.error);
  const lang = readLanguage(options.lang);
  if (!lang.ok) return usage(lang.error);
  if (options.csv === true && options.json === true) return usage('choose one of --csv and --json');
  if (works.length === 0) return usage('give at least one saved lab or progress file to grade');

  const loaded = loadScenario(scenarioText, scenarioPath);
  if (!loaded.ok) {
    const errors = loaded.problems.filter((problem) => problem.severity === 'error').length;
    const text = `${loaded.problems.map((problem) => formatScenarioProblemIn(problem, lang.value)).join('\n')}\n${errorCountLine(errors, scenarioPath, lang.value)}\n`;
    return { exitCode: EXIT_FAILED, output: [{ stream: 'err', text }], rows: [] };
  }
  const scenario = loaded.scenario;
  const rows = works.map((work) => gradeWork(scenario, work, seed.value, lang.value));
  const exitCode = rows.some((row) => row.error !== undefined) ? EXIT_FAILED : EXIT_OK;
  const text = options.json === true ? `${JSON.stringify({ scenario: scenario.id, seed: seed.value, max: scenario.totalPoints, rows }, null, 2)}\n` : options.csv === true ? formatGradeCsv(scenario, rows) : formatGradeTable(scenario, rows, lang.value);
  return { exitCode, output: [{ stream: 'out', text }], rows };
}

/** Grades one saved work file against a loaded scenario (what each worker of the pool runs). */
export function gradeWork(scenario: Scenario, work: SavedWork, seed: number, lang: Language): GradeRow {
  let trainee = traineeNameOf(work.path);
  const failed = (error: string): GradeRow => ({ trainee, file: work.path, score: 0, max: scenario.totalPoints, tasks: Object.fromEntries(scenario.tasks.map((task) => [task.id, false])), error, notes: [] });
  if (isProgressText(work.text)) {
    const progress = loadProgress(work.text, work.path);
    if (!progress.ok) return failed(firstProblem(progress.problems, lang));
    if (progress.progress.trainee !== undefined && progress.progress.trainee.trim() !== '') trainee = progress.progress.trainee.normalize('NFC');
    if (progress.progress.scenario !== scenario.id) {
      return failed(
        say(
          lang,
          `${work.path}: this work file is for scenario '${progress.progress.scenario}', not '${scenario.id}'`,
          `${work.path}: tệp bài làm này thuộc kịch bản '${progress.progress.scenario}', không phải '${scenario.id}'`,
        ),
      );
    }
    const result = gradeProgress(scenario, progress.progress, { seed });
    const notes = [
      ...result.mismatches.map((mismatch) => say(lang, `tampered or stale: ${mismatch.en}`, `bị sửa hoặc cũ: ${mismatch.vi}`)),
      ...result.notes,
      ...result.problems.map((problem) => `${problem.file}:${problem.line}: ${problemMessage(problem, lang)}`),
    ];
    return { trainee, file: work.path, score: result.score, max: result.max, tasks: Object.fromEntries(result.tasks.map((task) => [task.taskId, task.passed])), notes, ...(progress.progress.savedAt === undefined ? {} : { savedAt: progress.progress.savedAt }) };
  }
  const loadedLab = loadLab(work.text, work.path);
  if (!loadedLab.ok) return failed(firstProblem(loadedLab.problems, lang));
  const result = gradeLab(scenario, loadedLab.lab, { seed });
  const notes = [...result.notes, ...result.problems.map((problem) => `${problem.file}:${problem.line}: ${problemMessage(problem, lang)}`)];
  return { trainee, file: work.path, score: result.score, max: result.max, tasks: Object.fromEntries(result.tasks.map((task) => [task.taskId, task.passed])), notes };
}

function firstProblem(problems: readonly ScenarioProblem[], lang: Language): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  if (first === undefined) return say(lang, 'the file could not be read', 'không đọc được tệp');
  const more = errors.length > 1 ? say(lang, ` (and ${errors.length - 1} more)`, ` (và ${errors.length - 1} lỗi khác)`) : '';
  return `${formatScenarioProblemIn(first, lang).split('\n')[0]}${more}`;
}

/** A CSV cell, quoted when it must be (RFC 4180). */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatGradeCsv(scenario: Scenario, rows: readonly GradeRow[]): string {
  const header = ['trainee', 'file', 'score', 'max', ...scenario.tasks.map((task) => task.id), 'notes'];
  const lines = rows.map((row) => [row.trainee, row.file, row.score, row.max, ...scenario.tasks.map((task) => (row.tasks[task.id] === true ? 1 : 0)), [row.error, ...row.notes].filter((note) => note !== undefined).join('; ')]);
  return `${[header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The table a person reads (headings and pass/fail in the language; the CSV keeps its English header for scripts). */
export function formatGradeTable(scenario: Scenario, rows: readonly GradeRow[], lang: Language = 'en'): string {
  const header = [say(lang, 'TRAINEE', 'HỌC VIÊN'), say(lang, 'SCORE', 'ĐIỂM'), ...scenario.tasks.map((task) => task.id)];
  const pass = say(lang, 'pass', 'đạt');
  const fail = say(lang, 'fail', 'chưa đạt');
  const body = rows.map((row) => [row.trainee, `${row.score}/${row.max}`, ...scenario.tasks.map((task) => (row.error !== undefined ? '-' : row.tasks[task.id] === true ? pass : fail))]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const notGraded = say(lang, 'not graded', 'chưa chấm được');
  const notes = rows.flatMap((row) => [...(row.error === undefined ? [] : [`${row.trainee}: ${notGraded}: ${row.error}`]), ...row.notes.map((note) => `${row.trainee}: ${note}`)]);
  return `${scenario.id}: ${scenario.title[lang]}\n\n${[header, ...body].map(line).join('\n')}\n${notes.length > 0 ? `\n${notes.join('\n')}\n` : ''}`;
}

interface GradeCommandOptions extends GradeScenarioOptions {
  readonly roster?: string;
  readonly work?: string;
  readonly out?: string;
  readonly date?: string;
  readonly province?: string;
  readonly jobs?: string;
}

export const gradeCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('grade')
      .description("score trainees' saved labs or progress files against a scenario, one row per trainee; with --roster and --work, a whole class into CSV, JSON and a printable report")
      .argument('<scenario>', 'a scenario file (scenarios/**/*.yaml); with --roster, scenario files or folders of them')
      .argument('[saved-work...]', "trainees' saved lab files (*.v6lab.yaml) or progress files (without --roster)")
      .option('--csv', 'print CSV (one row per trainee, 1/0 per task)')
      .option('--json', 'print JSON')
      .option('--seed <n>', 'seed of the simulation (default 1)')
      .option('--roster <file>', 'class roster: CSV with columns id, name, agency (UTF-8)')
      .option('--work <dir>', "folder of work files: DIR/<trainee id>/*.yaml or DIR/<trainee id>.*.yaml")
      .option('--out <dir>', 'with --roster: write grades.csv, grades.json and report.html there')
      .option('--date <yyyy-mm-dd>', "with --roster: the report's date (default: the latest savedAt of the files, else today)")
      .option('--province <text>', "with --roster: the report's header (province or agency)")
      .option('--jobs <n>', 'with --roster: worker threads (default: every core)')
      .action(async (scenarioPath: string, paths: string[], options: GradeCommandOptions) => {
        const lang = readLanguage(context.languageOption() ?? context.defaultLanguage);
        const usage = (message: string): void => {
          context.io.err(`v6lab grade: ${message}\n`);
          context.setExitCode(EXIT_USAGE);
        };
        if (options.roster !== undefined || options.work !== undefined) {
          if (options.roster === undefined || options.work === undefined) return usage('--roster and --work go together');
          if (!lang.ok) return usage(lang.error);
          const seed = readSeed(options.seed);
          if (!seed.ok) return usage(seed.error);
          if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) return usage(`--date '${options.date}': expected YYYY-MM-DD`);
          const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
          if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) return usage(`--jobs '${options.jobs}': expected a whole number from 1 to 256`);
          for (const path of [scenarioPath, ...paths, options.roster, options.work]) if (!existsSync(path)) return usage(`cannot read '${path}': no such file or folder`);
          const outcome = await gradeClass({
            scenarioPaths: [scenarioPath, ...paths],
            rosterPath: options.roster,
            workDir: options.work,
            ...(options.out === undefined ? {} : { outDir: options.out }),
            ...(options.date === undefined ? {} : { date: options.date }),
            ...(options.province === undefined ? {} : { province: options.province }),
            jobs,
            seed: seed.value,
            lang: lang.value,
            // The CLI may read the clock (sim-core never does): the report's date when nothing else gives one.
            today: () => new Date().toISOString().slice(0, 10),
          });
          context.io.out(options.json === true && outcome.files['grades.json'] !== undefined ? outcome.files['grades.json'] : options.csv === true && outcome.files['grades.csv'] !== undefined ? outcome.files['grades.csv'] : outcome.out);
          if (outcome.err !== '') context.io.err(outcome.err);
          context.setExitCode(outcome.exitCode);
          return;
        }
        if (paths.length === 0) return usage('give at least one saved lab or progress file to grade (or --roster and --work for a class)');
        const scenarioText = readLabFile('grade', scenarioPath);
        if (!scenarioText.ok) {
          context.io.err(`${scenarioText.error}\n`);
          context.setExitCode(EXIT_USAGE);
          return;
        }
        const works: SavedWork[] = [];
        for (const path of paths) {
          const text = readLabFile('grade', path);
          if (!text.ok) {
            context.io.err(`${text.error}\n`);
            context.setExitCode(EXIT_USAGE);
            return;
          }
          works.push({ path, text: text.value });
        }
        const outcome = gradeScenarioCommand(scenarioPath, scenarioText.value, works, { ...options, lang: context.languageOption() ?? context.defaultLanguage });
        for (const chunk of outcome.output) (chunk.stream === 'out' ? context.io.out : context.io.err)(chunk.text);
        context.setExitCode(outcome.exitCode);
      });
  },
};
