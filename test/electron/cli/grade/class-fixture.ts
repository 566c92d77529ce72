// Generates a class's work files the way the app saves them (sim-core's work-file module):
// trainees who typed the whole solution, part of it, or nothing, for the grading tests and the
// grading benchmark. Deterministic: the same arguments give the same bytes.
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { modelAnswers } from '../../../../sim-core/lab/scenario/grade';
import { serializeProgress } from '../../../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { typeSolutionStep, SOLUTION_CONVERGE_NS } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import { buildWorkProgress, readRunningConfigs } from '../../../../sim-core/lab/scenario/work-file';

export function loadedScenario(text: string, path: string): Scenario {
  const loaded = loadScenario(text, path);
  if (!loaded.ok) throw new Error(`${path}: ${loaded.problems[0]!.message}`);
  return loaded.scenario;
}

/** A work file of a trainee who typed the first `steps` steps of the solution (all of it by default). */
export function workFileText(scenario: Scenario, options: { readonly trainee: string; readonly steps?: number; readonly savedAt?: string; readonly claimScore?: number }): string {
  const { session } = startScenario(scenario, { seed: 3 });
  const steps = options.steps ?? scenario.solution.length;
  for (const step of scenario.solution.slice(0, steps)) typeSolutionStep(session, step);
  session.runFor(SOLUTION_CONVERGE_NS);
  const complete = steps >= scenario.solution.length;
  return serializeProgress(
    buildWorkProgress(scenario, {
      lab: scenario.lab,
      configs: readRunningConfigs(session),
      hintsShown: {},
      tasks: {},
      ...(complete ? { answers: modelAnswers(scenario) } : {}),
      ...(options.claimScore === undefined ? {} : { score: options.claimScore }),
      trainee: options.trainee,
      savedAt: options.savedAt ?? '2026-05-14T09:30:00+07:00',
    }),
  );
}
