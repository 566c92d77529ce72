/**
 * The course as the browser lists it: scenario files (path → YAML text) loaded with sim-core's
 * scenario loader, then grouped by the step of the national conversion plan each one trains
 * (planStep 1–10, Decision 38/QĐ-BTTTT). A file that does not load is kept with its problems
 * (file:line:column) so the browser shows what is wrong instead of failing.
 */
import { loadScenario } from '../../sim-core/lab/scenario/load-scenario';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import { formatProblemBilingual } from '../../sim-core/lab/problem-text';
import type { BilingualText } from '../../sim-core/devices/catalog';
import { PLAN_STEP_COUNT } from '../../sim-core/lab/scenario/scenario-schema';

export type CourseItem =
  | { readonly ok: true; readonly path: string; readonly scenario: Scenario }
  | { readonly ok: false; readonly path: string; /** file:line:column: error: message, as a compiler prints them, in both languages. */ readonly problems: readonly BilingualText[] };

export interface CourseStep {
  /** 1–10. */
  readonly step: number;
  readonly scenarios: readonly Scenario[];
}

export interface Course {
  readonly steps: readonly CourseStep[];
  /** Files that did not load, with their problems. */
  readonly broken: readonly Extract<CourseItem, { ok: false }>[];
  /** Every scenario by id. */
  readonly byId: ReadonlyMap<string, Scenario>;
}

/** `../../scenarios/m02/x.yaml` → `scenarios/m02/x.yaml`. */
export function courseFileName(path: string): string {
  const at = path.lastIndexOf('scenarios/');
  return at < 0 ? path : path.slice(at);
}

export function loadCourseItems(files: Readonly<Record<string, string>>): CourseItem[] {
  return Object.keys(files)
    .sort()
    .map((path): CourseItem => {
      const fileName = courseFileName(path);
      const loaded = loadScenario(files[path]!, fileName);
      if (!loaded.ok) return { ok: false, path: fileName, problems: loaded.problems.filter((problem) => problem.severity === 'error').map(formatProblemBilingual) };
      return { ok: true, path: fileName, scenario: loaded.scenario };
    });
}

/** Steps 1–10 in order (empty ones too), scenarios by level then id; a second file with a taken id is broken. */
export function buildCourse(items: readonly CourseItem[]): Course {
  const byId = new Map<string, Scenario>();
  const broken: Extract<CourseItem, { ok: false }>[] = [];
  for (const item of items) {
    if (!item.ok) {
      broken.push(item);
      continue;
    }
    if (byId.has(item.scenario.id)) {
      broken.push({ ok: false, path: item.path, problems: [{ en: `${item.path}:1:1: error: scenario id '${item.scenario.id}' is used by another file`, vi: `${item.path}:1:1: lỗi: id kịch bản '${item.scenario.id}' đã được tệp khác dùng` }] });
      continue;
    }
    byId.set(item.scenario.id, item.scenario);
  }
  const levelOrder = { beginner: 0, intermediate: 1, advanced: 2 } as const;
  const steps: CourseStep[] = [];
  for (let step = 1; step <= PLAN_STEP_COUNT; step++) {
    const scenarios = [...byId.values()]
      .filter((scenario) => scenario.planStep === step)
      .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.id.localeCompare(b.id));
    steps.push({ step, scenarios });
  }
  return { steps, broken, byId };
}
