/**
 * The progress file: what the app saves per scenario so offline self-study resumes where it
 * stopped, and what `v6lab grade` scores. YAML:
 *
 *   format: v6lab-progress
 *   version: 2
 *   producedBy:                           # which V6Lab and which scenario text made the file
 *     v6lab: 0.1.0
 *     scenarioVersion: 1                  # the scenario file's format version
 *     scenarioDigest: 3f9c0a12            # FNV-1a of the scenario's content (scenarioDigest)
 *   scenario: m02-dual-stack-slaac        # the scenario's id
 *   trainee: "Nguyễn Văn An"              # optional
 *   savedAt: "2024-05-14T09:30:00+07:00"  # optional, written by the app (sim-core reads no clock)
 *   hintsShown: {router-ipv6: 1}          # hints revealed per task id
 *   tasks: {router-ipv6: passed}          # last result the trainee saw per task id (passed/failed)
 *   score: 10                             # optional: the score the trainee saw
 *   answers: {why-64: [b]}                # answers to question checks, by question id
 *   lab: |                                # the trainee's network: a lab file (serializeLab), running configs
 *     version: 1
 *     devices: …
 *
 * Version 1 files (no producedBy, score, answers) are still read. A file of a newer version is
 * refused with a message saying so (this V6Lab cannot know what its new keys mean).
 * Grading never trusts `tasks` or `score` (it re-runs the checks on `lab` and `answers`); the
 * pane shows `tasks` on resume, and the grader reports where the file's claims differ.
 * Problems in the embedded lab are reported at their line in the progress file.
 */
import { isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { Lab } from '../lab-document';
import { loadLab } from '../load-lab';
import { serializeLab } from '../serialize-lab';
import type { ProblemMessage } from '../problem-text';
import type { Scenario } from './scenario-document';
import type { ScenarioProblem } from './scenario-problems';
import { YamlLocator } from './yaml-locator';

export const PROGRESS_FORMAT = 'v6lab-progress';
export const PROGRESS_FORMAT_VERSION = 2;

/** The version of V6Lab this sim-core belongs to (package.json's; a test keeps them equal). */
export const V6LAB_VERSION = '0.1.0';

const PRODUCED_BY_SCHEMA = z
  .strictObject({
    v6lab: z.string().min(1).meta({ description: 'The V6Lab version that saved the file.' }),
    scenarioVersion: z.number().int().min(1).meta({ description: "The scenario file's format version." }),
    scenarioDigest: z.string().regex(/^[0-9a-f]{8}$/).meta({ description: "FNV-1a (32 bits, hex) of the scenario's content: tells a file saved against another revision of the scenario." }),
  })
  .meta({ description: 'Which V6Lab and which scenario produced the file.' });

export const PROGRESS_SCHEMA = z
  .strictObject({
    format: z.literal(PROGRESS_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]).meta({ description: 'Format version: 2 (1 is still read).' }),
    producedBy: PRODUCED_BY_SCHEMA.optional(),
    scenario: z.string().min(1).meta({ description: "The scenario's id." }),
    trainee: z.string().optional().meta({ description: "The trainee's display name (any Unicode, e.g. Nguyễn Văn An)." }),
    savedAt: z.string().optional().meta({ description: 'When the app saved it (ISO 8601 with offset).' }),
    hintsShown: z.record(z.string(), z.number().int().min(0)).optional().meta({ description: 'Hints revealed, per task id.' }),
    tasks: z.record(z.string(), z.enum(['passed', 'failed'])).optional().meta({ description: 'The last result the trainee saw, per task id (never trusted by grading).' }),
    score: z.number().int().min(0).optional().meta({ description: 'The score the trainee saw (never trusted by grading).' }),
    answers: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Answers to question checks: question id → choice ids, or the typed answer as one element.' }),
    lab: z.string().min(1).meta({ description: "The trainee's network as a lab file (running configs)." }),
  })
  .meta({ title: 'V6Lab progress file', description: "A trainee's saved work on one scenario: what the app saves and `v6lab grade` scores." });

export interface ProducedBy {
  readonly v6lab: string;
  readonly scenarioVersion: number;
  readonly scenarioDigest: string;
}

/** FNV-1a, 32 bits, of the scenario's content (tasks, checks, locks, faults, network); hex. */
export function scenarioDigest(scenario: Scenario): string {
  const text = JSON.stringify({ id: scenario.id, tasks: scenario.tasks, locked: scenario.locked, faults: scenario.faults, devices: scenario.lab.devices, links: scenario.lab.links });
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function producedByFor(scenario: Scenario): ProducedBy {
  return { v6lab: V6LAB_VERSION, scenarioVersion: scenario.version, scenarioDigest: scenarioDigest(scenario) };
}

/** The version a progress text says it is, when it says one (read before the schema, to refuse newer files clearly). */
function declaredVersion(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>).version : undefined;
}

export interface ScenarioProgress {
  readonly scenario: string;
  readonly trainee?: string;
  readonly savedAt?: string;
  /** Hints revealed, per task id. */
  readonly hintsShown: Readonly<Record<string, number>>;
  /** Last result seen per task id. */
  readonly tasks: Readonly<Record<string, 'passed' | 'failed'>>;
  /** Answers to question checks, by question id. */
  readonly answers?: Readonly<Record<string, readonly string[]>>;
  /** The score the trainee saw (a claim; grading recomputes it). */
  readonly score?: number;
  /** Absent in version 1 files. */
  readonly producedBy?: ProducedBy;
  /** The trainee's network. */
  readonly lab: Lab;
}

export type LoadProgressResult = { readonly ok: true; readonly progress: ScenarioProgress } | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** True when the text looks like a progress file (rather than a lab file). */
export function isProgressText(text: string): boolean {
  return /^format:\s*["']?v6lab-progress["']?\s*$/m.test(text);
}

export function serializeProgress(progress: ScenarioProgress): string {
  const head: Record<string, unknown> = { format: PROGRESS_FORMAT, version: PROGRESS_FORMAT_VERSION };
  if (progress.producedBy !== undefined) head.producedBy = progress.producedBy;
  head.scenario = progress.scenario;
  if (progress.trainee !== undefined) head.trainee = progress.trainee;
  if (progress.savedAt !== undefined) head.savedAt = progress.savedAt;
  head.hintsShown = progress.hintsShown;
  head.tasks = progress.tasks;
  if (progress.score !== undefined) head.score = progress.score;
  if (progress.answers !== undefined) head.answers = progress.answers;
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
  const version = declaredVersion(data);
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          ['version'],
          {
            en: `this progress file is format version ${version}, made by a newer V6Lab; this V6Lab (${V6LAB_VERSION}) reads versions 1 to ${PROGRESS_FORMAT_VERSION}: grade it with a newer V6Lab`,
            vi: `tệp tiến độ này có định dạng phiên bản ${version}, do một V6Lab mới hơn tạo ra; V6Lab này (${V6LAB_VERSION}) đọc được phiên bản 1 đến ${PROGRESS_FORMAT_VERSION}: hãy chấm bằng V6Lab mới hơn`,
          },
          'unsupported-version',
        ),
      ],
    };
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
      ...(progress.answers === undefined ? {} : { answers: progress.answers }),
      ...(progress.score === undefined ? {} : { score: progress.score }),
      ...(progress.producedBy === undefined ? {} : { producedBy: progress.producedBy }),
      lab: loaded.lab,
    },
  };
}
