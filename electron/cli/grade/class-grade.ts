/**
 * `v6lab grade <scenario|dir>... --roster roster.csv --work DIR [--out DIR] [--date D]
 * [--province TEXT] [--jobs N]`: grades a whole class. The roster (class-roster.ts) lists the
 * trainees; DIR holds each trainee's work files, either in a folder named by the trainee id
 * (`DIR/HV001/m02.progress.yaml`) or as files named `<id>.<anything>.yaml` (`DIR/HV001.m02.progress.yaml`).
 * Each progress file names its scenario; a lab file is graded against the only scenario given.
 * Every file is graded (on every core: grade-pool.ts) from its work, never from its claims;
 * a trainee with several files for one module keeps the best. Writes grades.csv, grades.json
 * and report.html (class-report-html.ts) into --out, and prints the class table.
 * The date is --date, else the latest `savedAt` of the files, else today (the CLI's clock).
 * Bad roster rows, unreadable files, work for a scenario not given, files of trainees not in
 * the roster: each a message naming the file (and line), the rest of the class still graded.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildClassReport, type ClassReport, type ReportCell, type ReportModule } from '../../../sim-core/lab/scenario/class-report';
import { parseRoster, type RosterEntry } from '../../../sim-core/lab/scenario/class-roster';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { isProgressText } from '../../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import { formatScenarioProblemIn } from '../../../sim-core/lab/scenario/scenario-problems';
import { say, type Language } from '../cli-language';
import type { GradeRow } from '../commands/grade';
import { renderClassReportHtml } from './class-report-html';
import type { GradeJob } from './grade-job';
import { gradeInPool } from './grade-pool';

export interface ClassGradeInput {
  readonly scenarioPaths: readonly string[];
  readonly rosterPath: string;
  readonly workDir: string;
  readonly outDir?: string;
  readonly date?: string;
  readonly province?: string;
  readonly jobs: number;
  readonly seed: number;
  readonly lang: Language;
  /** Today as YYYY-MM-DD, only used when neither --date nor the files give a date. */
  readonly today: () => string;
}

export interface ClassGradeOutcome {
  readonly exitCode: number;
  readonly out: string;
  readonly err: string;
  readonly report?: ClassReport;
  readonly files: Readonly<Record<string, string>>;
}

/** Decodes a roster's bytes: UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused. */
export function decodeRoster(bytes: Uint8Array, path: string, lang: Language): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let offset = 0;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      while (offset < bytes.length && bytes[offset]! < 0x80) offset += 1;
    }
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    return {
      ok: false,
      error: say(
        lang,
        `${path}:${line}: the roster is not UTF-8 (a Windows code page such as 1258?); save it as "CSV UTF-8" and try again`,
        `${path}:${line}: danh sách lớp không phải mã UTF-8 (có thể là bảng mã Windows 1258?); hãy lưu lại dạng "CSV UTF-8" rồi thử lại`,
      ),
    };
  }
}

function listYaml(path: string): string[] {
  return readdirSync(path)
    .filter((name) => /\.(ya?ml)$/i.test(name))
    .sort()
    .map((name) => join(path, name));
}

/** The work files in DIR, with the trainee id each belongs to. */
function findWork(workDir: string): { id: string; path: string }[] {
  const found: { id: string; path: string }[] = [];
  for (const name of readdirSync(workDir).sort()) {
    const path = join(workDir, name);
    if (statSync(path).isDirectory()) for (const file of listYaml(path)) found.push({ id: name, path: file });
    else if (/\.(ya?ml)$/i.test(name)) found.push({ id: name.split('.')[0]!, path });
  }
  return found;
}

function scenarioIdOf(text: string): string | undefined {
  return /^scenario:\s*["']?([^"'\s#]+)["']?\s*$/m.exec(text)?.[1];
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatClassCsv(report: ClassReport): string {
  const header = ['trainee_id', 'name', 'agency', ...report.modules.flatMap((module) => [`${module.id}_score`, `${module.id}_max`, `${module.id}_completed`]), 'total', 'total_max'];
  const rows = report.trainees.map((trainee) => [
    trainee.entry.id,
    trainee.entry.name,
    trainee.entry.agency,
    ...report.modules.flatMap((module) => {
      const cell = trainee.cells[module.id];
      return cell === undefined ? ['', module.max, ''] : [cell.score, cell.max, cell.completed ? 1 : 0];
    }),
    trainee.total,
    trainee.totalMax,
  ]);
  // A BOM so Excel opens the Vietnamese names as UTF-8.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function gradeClass(input: ClassGradeInput): Promise<ClassGradeOutcome> {
  const { lang } = input;
  const errors: string[] = [];
  const warnings: string[] = [];
  // Scenarios.
  const scenarios = new Map<string, { path: string; text: string; scenario: Scenario }>();
  for (const given of input.scenarioPaths) {
    const paths = statSync(given).isDirectory() ? listYaml(given) : [given];
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      const loaded = loadScenario(text, path);
      if (!loaded.ok) {
        errors.push(...loaded.problems.filter((problem) => problem.severity === 'error').map((problem) => formatScenarioProblemIn(problem, lang)));
        continue;
      }
      scenarios.set(loaded.scenario.id, { path, text, scenario: loaded.scenario });
    }
  }
  // Roster.
  const decoded = decodeRoster(new Uint8Array(readFileSync(input.rosterPath)), input.rosterPath, lang);
  if (!decoded.ok) return { exitCode: 1, out: '', err: `${decoded.error}\n`, files: {} };
  const roster = parseRoster(decoded.text, input.rosterPath);
  errors.push(...roster.problems.map((problem) => formatScenarioProblemIn(problem, lang)));
  const byId = new Map<string, RosterEntry>(roster.entries.map((entry) => [entry.id.toLowerCase(), entry]));
  // Work files → jobs.
  const jobs: GradeJob[] = [];
  const owners: { entry: RosterEntry; scenarioId: string }[] = [];
  const only = scenarios.size === 1 ? [...scenarios.values()][0] : undefined;
  for (const { id, path } of findWork(input.workDir)) {
    const entry = byId.get(id.toLowerCase());
    if (entry === undefined) {
      warnings.push(say(lang, `${path}: trainee '${id}' is not in ${basename(input.rosterPath)}; not graded`, `${path}: học viên '${id}' không có trong ${basename(input.rosterPath)}; không chấm`));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const named = isProgressText(text) ? scenarioIdOf(text) : only?.scenario.id;
    const target = named === undefined ? undefined : scenarios.get(named);
    if (target === undefined) {
      errors.push(
        named === undefined
          ? say(lang, `${path}: a lab file does not say its scenario; give one scenario, or hand in the progress file`, `${path}: tệp lab không ghi kịch bản; hãy chỉ định một kịch bản, hoặc nộp tệp tiến độ`)
          : say(lang, `${path}: work for scenario '${named}', which is not among the scenarios given (${[...scenarios.keys()].join(', ')})`, `${path}: bài làm của kịch bản '${named}', không có trong các kịch bản đã cho (${[...scenarios.keys()].join(', ')})`),
      );
      continue;
    }
    jobs.push({ scenarioPath: target.path, scenarioText: target.text, work: { path, text }, seed: input.seed, lang });
    owners.push({ entry, scenarioId: target.scenario.id });
  }
  const rows: GradeRow[] = await gradeInPool(jobs, input.jobs);
  // Best file per trainee and module; rows are in file order, so ties keep the first.
  const results = new Map<string, Map<string, ReportCell>>();
  const notes: string[] = [];
  rows.forEach((row, index) => {
    const { entry, scenarioId } = owners[index]!;
    const scenario = scenarios.get(scenarioId)!.scenario;
    const cell: ReportCell = { score: row.score, max: row.max, completed: row.error === undefined && row.score === row.max && row.max > 0, notes: row.notes, file: row.file, ...(row.error === undefined ? {} : { error: row.error }) };
    if (row.error !== undefined) errors.push(row.error.startsWith(row.file) ? row.error : `${row.file}: ${row.error}`);
    for (const note of row.notes) notes.push(`${entry.id} ${entry.name}, ${scenario.id}: ${note}`);
    const mine = results.get(entry.id) ?? new Map<string, ReportCell>();
    const earlier = mine.get(scenarioId);
    if (earlier === undefined || cell.score > earlier.score) mine.set(scenarioId, cell);
    results.set(entry.id, mine);
  });
  const dates = rows.flatMap((row) => (row.savedAt === undefined ? [] : [row.savedAt.slice(0, 10)])).filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
  const date = input.date ?? (dates.length > 0 ? dates.sort().at(-1)! : input.today());
  const modules: ReportModule[] = [...scenarios.values()].map(({ scenario }) => ({ id: scenario.id, title: scenario.title, planStep: scenario.planStep, max: scenario.totalPoints }));
  const report = buildClassReport({ province: input.province ?? say(lang, 'Province', 'Tỉnh'), date, modules, roster: roster.entries, results });
  const files: Record<string, string> = {
    'grades.csv': formatClassCsv(report),
    'grades.json': `${JSON.stringify({ ...report, seed: input.seed, errors, warnings, notes }, null, 2)}\n`,
    'report.html': renderClassReportHtml(report, notes),
  };
  if (input.outDir !== undefined) {
    mkdirSync(input.outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(input.outDir, name), text);
  }
  const out = formatClassTable(report, lang) + (input.outDir === undefined ? '' : say(lang, `\nwrote ${Object.keys(files).map((name) => join(input.outDir!, name)).join(', ')}\n`, `\nđã ghi ${Object.keys(files).map((name) => join(input.outDir!, name)).join(', ')}\n`));
  const err = [...errors, ...warnings].map((line) => `${line}\n`).join('');
  return { exitCode: errors.length > 0 ? 1 : 0, out, err, report, files };
}

export function formatClassTable(report: ClassReport, lang: Language): string {
  const header = [say(lang, 'ID', 'MÃ'), say(lang, 'NAME', 'HỌ TÊN'), say(lang, 'AGENCY', 'ĐƠN VỊ'), ...report.modules.map((module) => module.id), say(lang, 'TOTAL', 'TỔNG')];
  const body = report.trainees.map((trainee) => [
    trainee.entry.id,
    trainee.entry.name,
    trainee.entry.agency,
    ...report.modules.map((module) => {
      const cell = trainee.cells[module.id];
      return cell === undefined ? '-' : cell.error !== undefined ? say(lang, 'error', 'lỗi') : `${cell.score}/${cell.max}`;
    }),
    `${trainee.total}/${trainee.totalMax}`,
  ]);
  const completed = [say(lang, 'completed', 'hoàn thành'), '', '', ...report.modules.map((module) => `${Math.round(report.moduleCompletion[module.id]!.share * 100)}%`), ''];
  const all = [header, ...body, completed];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...row[column]!].length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length)).join('  ').trimEnd();
  return `${say(lang, `${report.province}, ${report.date}: ${report.trainees.length} trainees`, `${report.province}, ${report.date}: ${report.trainees.length} học viên`)}\n\n${all.map(line).join('\n')}\n`;
}
