/**
 * One grading job: a saved work file against a scenario text, as the pool hands it to a worker
 * (or runs it in this thread with --jobs 1). A job is self-contained (texts in, a row out) and
 * boots its own simulation with the given seed, so the result is the same whichever thread
 * runs it and in whatever order: `--jobs N` prints what `--jobs 1` prints.
 */
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import type { Scenario } from '../../../sim-core/lab/scenario/scenario-document';
import type { Language } from '../cli-language';
import { gradeWork, type GradeRow, type SavedWork } from '../commands/grade';

export interface GradeJob {
  readonly scenarioPath: string;
  readonly scenarioText: string;
  readonly work: SavedWork;
  readonly seed: number;
  readonly lang: Language;
}

/** Loaded scenarios by path and text (a worker grades many files of the same module). */
const loaded = new Map<string, Scenario | null>();

export function runGradeJob(job: GradeJob): GradeRow {
  const key = `${job.scenarioPath}\u0000${job.scenarioText}`;
  let scenario = loaded.get(key);
  if (scenario === undefined) {
    const result = loadScenario(job.scenarioText, job.scenarioPath);
    scenario = result.ok ? result.scenario : null;
    loaded.set(key, scenario);
  }
  if (scenario === null) return { trainee: job.work.path, file: job.work.path, score: 0, max: 0, tasks: {}, error: `${job.scenarioPath} has errors (run v6lab check on it)`, notes: [] };
  return gradeWork(scenario, job.work, job.seed, job.lang);
}
