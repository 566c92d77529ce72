/**
 * The course browser's data: the bundled scenarios grouped by the ten steps of the conversion
 * plan, a file that does not load kept with its problems (file:line:column) instead of failing
 * the app, and progress kept in storage read back safely.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse, loadCourseItems } from '../../../renderer/scenario/course-catalog';
import { readProgress, scoreScenario, writeLastOpened, writeProgress, readLastOpened, type ProgressStorage } from '../../../renderer/scenario/progress-storage';
import { fixtureScenario, fixtureScenarioText } from './scenario-fixture';

const scenariosDir = join(import.meta.dirname, '..', '..', '..', 'scenarios');

function bundledFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.yaml')) files[`../../scenarios/${prefix}${entry.name}`] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(scenariosDir, '');
  return files;
}

describe('course catalog', () => {
  it('groups the bundled course by plan step 1–10; module 2 is under step 6 and nothing is broken', () => {
    const course = buildCourse(loadCourseItems(bundledFiles()));
    expect(course.steps.map((step) => step.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(course.broken.map((item) => item.problems)).toEqual([]);
    expect(course.steps[5]!.scenarios.map((scenario) => scenario.id)).toContain('m02-dual-stack-slaac');
    for (const step of course.steps) for (const scenario of step.scenarios) expect(scenario.planStep).toBe(step.step);
  });

  it('keeps a broken file with its problems at file:line:column, and the good ones load', () => {
    const items = loadCourseItems({
      '../../scenarios/good.yaml': fixtureScenarioText(),
      '../../scenarios/bad.yaml': fixtureScenarioText().replace('level: beginner', 'levle: beginner'),
    });
    const course = buildCourse(items);
    expect([...course.byId.keys()]).toEqual(['test-lan-slaac']);
    expect(course.broken).toHaveLength(1);
    expect(course.broken[0]!.path).toBe('scenarios/bad.yaml');
    expect(course.broken[0]!.problems.map((p) => p.en).join('\n')).toMatch(/^scenarios\/bad\.yaml:\d+:\d+: error: .*levle/m);
    // The same problem in Vietnamese, for a learner using the app in Vietnamese.
    expect(course.broken[0]!.problems.map((p) => p.vi).join('\n')).toMatch(/^scenarios\/bad\.yaml:\d+:\d+: lỗi: .*levle/m);
  });

  it('a second file with a scenario id already taken is broken, not silently dropped', () => {
    const course = buildCourse(loadCourseItems({ 'scenarios/a.yaml': fixtureScenarioText(), 'scenarios/b.yaml': fixtureScenarioText() }));
    expect(course.byId.size).toBe(1);
    expect(course.broken[0]!.problems[0]!.en).toContain("scenario id 'test-lan-slaac' is used by another file");
    expect(course.broken[0]!.problems[0]!.vi).toContain("id kịch bản 'test-lan-slaac' đã được tệp khác dùng");
  });
});

describe('progress storage', () => {
  it('the score is the points of the tasks last seen passing', () => {
    const scenario = fixtureScenario();
    expect(scoreScenario(scenario, {})).toEqual({ score: 0, max: 100, passedTasks: 0, totalTasks: 3, done: false });
    expect(scoreScenario(scenario, { 'router-ipv6': 'passed', 'pc-slaac': 'failed', 'ping-v4': 'passed' })).toEqual({ score: 70, max: 100, passedTasks: 2, totalTasks: 3, done: false });
    expect(scoreScenario(scenario, { 'router-ipv6': 'passed', 'pc-slaac': 'passed', 'ping-v4': 'passed', 'old-task': 'passed' })).toMatchObject({ score: 100, done: true });
  });

  it('garbage, another scenario\'s progress, or a storage that throws read as no progress; writes never throw', () => {
    const items = new Map<string, string>();
    const storage: ProgressStorage = { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
    const scenario = fixtureScenario();
    items.set('v6lab.progress.test-lan-slaac', 'format: v6lab-progress\nversion: 1\n: : :');
    expect(readProgress(storage, scenario.id)).toBeNull();
    writeProgress(storage, { scenario: 'other', hintsShown: {}, tasks: {}, lab: scenario.lab });
    items.set('v6lab.progress.test-lan-slaac', items.get('v6lab.progress.other')!);
    expect(readProgress(storage, scenario.id)).toBeNull();
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(writeProgress(broken, { scenario: scenario.id, hintsShown: {}, tasks: {}, lab: scenario.lab })).toBe(false);
    expect(readProgress(broken, scenario.id)).toBeNull();
    writeLastOpened(broken, 'x');
    expect(readLastOpened(broken)).toBeNull();
  });
});
