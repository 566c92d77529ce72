/**
 * The class completion report's data: the roster against the modules graded, per trainee the
 * score of each module (recomputed from the work: grade.ts), whether the module is completed
 * (graded and full marks), the share of the class that completed each module, and completion
 * per step of the conversion plan (a trainee completed a step when they completed every module
 * of it that was graded). What the instructor reports to the People's Committee and VNNIC.
 * Pure data; the date is given (sim-core reads no clock). The CLI renders it as CSV, JSON and
 * printable HTML. Leaves out: time spent (not in work files yet), partial credit per step.
 */
import type { BilingualText } from './bilingual-text';
import type { RosterEntry } from './class-roster';

export interface ReportModule {
  readonly id: string;
  readonly title: BilingualText;
  readonly planStep: number;
  readonly max: number;
}

/** One trainee's result on one module. */
export interface ReportCell {
  readonly score: number;
  readonly max: number;
  readonly completed: boolean;
  /** Why it could not be graded (score 0). */
  readonly error?: string;
  readonly notes: readonly string[];
  readonly file: string;
}

export interface ReportTrainee {
  readonly entry: RosterEntry;
  /** Module id → the result; absent when no work was handed in for it. */
  readonly cells: Readonly<Record<string, ReportCell>>;
  readonly total: number;
  readonly totalMax: number;
}

export interface ShareOfClass {
  readonly completed: number;
  readonly trainees: number;
  /** completed / trainees, 0 for an empty class. */
  readonly share: number;
}

export interface ClassReport {
  readonly province: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly modules: readonly ReportModule[];
  readonly trainees: readonly ReportTrainee[];
  readonly moduleCompletion: Readonly<Record<string, ShareOfClass>>;
  readonly planSteps: readonly ({ readonly step: number; readonly modules: readonly string[] } & ShareOfClass)[];
  readonly agencies: readonly string[];
}

function share(completed: number, trainees: number): ShareOfClass {
  return { completed, trainees, share: trainees === 0 ? 0 : completed / trainees };
}

export function buildClassReport(input: {
  readonly province: string;
  readonly date: string;
  readonly modules: readonly ReportModule[];
  readonly roster: readonly RosterEntry[];
  /** Trainee id → module id → cell. */
  readonly results: ReadonlyMap<string, ReadonlyMap<string, ReportCell>>;
}): ClassReport {
  const modules = [...input.modules].sort((a, b) => a.planStep - b.planStep || a.id.localeCompare(b.id));
  const trainees = input.roster.map((entry): ReportTrainee => {
    const mine = input.results.get(entry.id) ?? new Map<string, ReportCell>();
    const cells = Object.fromEntries(modules.flatMap((module) => (mine.has(module.id) ? [[module.id, mine.get(module.id)!]] : [])));
    return { entry, cells, total: Object.values(cells).reduce((sum, cell) => sum + cell.score, 0), totalMax: modules.reduce((sum, module) => sum + module.max, 0) };
  });
  const completedModule = (trainee: ReportTrainee, id: string): boolean => trainee.cells[id]?.completed === true;
  const moduleCompletion = Object.fromEntries(modules.map((module) => [module.id, share(trainees.filter((trainee) => completedModule(trainee, module.id)).length, trainees.length)]));
  const steps = [...new Set(modules.map((module) => module.planStep))].sort((a, b) => a - b);
  const planSteps = steps.map((step) => {
    const ids = modules.filter((module) => module.planStep === step).map((module) => module.id);
    return { step, modules: ids, ...share(trainees.filter((trainee) => ids.every((id) => completedModule(trainee, id))).length, trainees.length) };
  });
  const agencies = [...new Set(input.roster.map((entry) => entry.agency).filter((agency) => agency !== ''))].sort((a, b) => a.localeCompare(b, 'vi'));
  return { province: input.province, date: input.date, modules, trainees, moduleCompletion, planSteps, agencies };
}
