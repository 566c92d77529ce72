/**
 * The progress file: what the app saves per scenario so offline self-study resumes where it
 * stopped, and what `v6lab grade` scores. YAML:
 *
 *   format: v6lab-progress
 *   version: 1
 *   scenario: m02-dual-stack-slaac        # the scenario's id
 *   trainee: "Nguyễn Văn An"              # optional
 *   savedAt: "2024-05-14T09:30:00+07:00"  # optional, written by the app (sim-core reads no clock)
 *   hintsShown: {router-ipv6: 1}          # hints revealed per task id
 *   tasks: {router-ipv6: passed}          # last result the trainee saw per task id (passed/failed)
 *   lab: |                                # the trainee's network: a lab file (serializeLab), running configs
 *     version: 1
 *     devices: …
 *
 * Grading never trusts `tasks` (it re-runs the checks on `lab`); the pane shows it on resume.
 * Problems in the embedded lab are reported at their line in the progress file.
 */
import { isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { Lab } from '../lab-document';
import { loadLab } from '../load-lab';
import { serializeLab } from '../serialize-lab';
import type { ProblemMessage } from '../problem-text';
import type { ScenarioProblem } from './scenario-problems';
import { YamlLocator } from './yaml-locator';

export const PROGRESS_FORMAT = 'v6lab-progress';
export const PROGRESS_FORMAT_VERSION = 1;

const PROGRESS_SCHEMA = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_FORMAT_VERSION),
  scenario: z.string().min(1),
  trainee: z.string().optional(),
  savedAt: z.string().optional(),
  hintsShown: z.record(z.string(), z.number().int().min(0)).optional(),
  tasks: z.record(z.string(), z.enum(['passed', 'failed'])).optional(),
  lab: z.string().min(1),
});

export interface ScenarioProgress {
  readonly scenario: string;
  readonly trainee?: string;
  readonly savedAt?: string;
  /** Hints revealed, per task id. */
  readonly hintsShown: Readonly<Record<string, number>>;
  /** Last result seen per task id. */
  readonly tasks: Readonly<Record<string, 'passed' | 'failed'>>;
  /** The trainee's network. */
  readonly lab: Lab;
}

export type LoadProgressResult = { readonly ok: true; readonly progress: ScenarioProgress } | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** True when the text looks like a progress file (rather than a lab file). */
export function isProgressText(text: string): boolean {
  return /^format:\s*["']?v6lab-progress["']?\s*$/m.test(text);
}

export function serializeProgress(progress: ScenarioProgress): string {
  const head: Record<string, unknown> = { format: PROGRESS_FORMAT, version: PROGRESS_FORMAT_VERSION, scenario: progress.scenario };
  if (progress.trainee !== undefined) head.trainee = progress.trainee;
  if (progress.savedAt !== undefined) head.savedAt = progress.savedAt;
  head.hintsShown = progress.hintsShown;
  head.tasks = progress.tasks;
  head.lab = serializeLab(progress.lab);
  return stringify(head, { blockQuote: 'literal', lineWidth: 0 });
}

export function loadProgress(text: string, fileName: string): LoadProgressResult {
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(text, yamlDocument, lineCounter);
  const problem = (path: readonly (string | number)[], message: ProblemMessage, code: ScenarioProblem['code'] = 'schema'): ScenarioProblem => {
    const { line, column } = locator.positionOf(path);
    return { severity: 'error', code, file: fileName, line, column, message: message.en, messageVi: message.vi };
  };
  if (yamlDocument.errors.length > 0) {
    return {
      ok: false,
      problems: yamlDocument.errors.map((error) => {
        const { line, column } = locator.positionOfOffset(error.pos[0]);
        const detail = error.message.split('\n')[0]!;
        return { severity: 'error' as const, code: 'yaml-syntax' as const, file: fileName, line, column, message: detail, messageVi: `Sai cú pháp YAML: ${detail}` };
      }),
    };
  }
  if (!isMap(yamlDocument.contents)) return { ok: false, problems: [problem([], { en: 'a progress file is a mapping starting with format: v6lab-progress', vi: 'tệp tiến độ phải là một mapping bắt đầu bằng format: v6lab-progress' }, 'not-a-lab')] };
  let data: unknown;
  try {
    data = yamlDocument.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem([], { en: `the file cannot be read as data: ${reason}`, vi: `không đọc được tệp thành dữ liệu: ${reason}` }, 'yaml-syntax')] };
  }
  const parsed = PROGRESS_SCHEMA.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
        const label = issue.path.join('.');
        return problem(path, { en: `${label || 'progress'}: ${issue.message}`, vi: `${label || 'tệp tiến độ'}: giá trị không hợp lệ (${issue.message})` });
      }),
    };
  }
  const origin = locator.scalarOrigin(['lab']);
  const loaded = loadLab(parsed.data.lab, fileName);
  if (!loaded.ok) {
    // Positions inside the embedded lab → positions in the progress file.
    const shift = (line: number, column: number): { line: number; column: number } =>
      origin === undefined || !origin.exact ? { line: origin?.line ?? 1, column: origin?.column ?? 1 } : { line: origin.line + line - 1, column: origin.column + column - 1 };
    return { ok: false, problems: loaded.problems.map((entry) => ({ ...entry, ...shift(entry.line, entry.column) })) };
  }
  const progress = parsed.data;
  return {
    ok: true,
    progress: {
      scenario: progress.scenario,
      ...(progress.trainee === undefined ? {} : { trainee: progress.trainee }),
      ...(progress.savedAt === undefined ? {} : { savedAt: progress.savedAt }),
      hintsShown: progress.hintsShown ?? {},
      tasks: progress.tasks ?? {},
      lab: loaded.lab,
    },
  };
}
