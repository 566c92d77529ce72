import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gradeProgress } from '../../../../sim-core/lab/scenario/grade';
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { loadProgress, scenarioDigest, serializeProgress, V6LAB_VERSION } from '../../../../sim-core/lab/scenario/progress';
import { renderProgressJsonSchema } from '../../../../sim-core/lab/scenario/scenario-json-schema';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { applySolution } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import { buildWorkProgress, readRunningConfigs } from '../../../../sim-core/lab/scenario/work-file';
import { SMALL_SCENARIO, withReplaced } from './scenario-fixture';

function scenario(text = SMALL_SCENARIO): Scenario {
  const loaded = loadScenario(text, 'small.yaml');
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  return loaded.scenario;
}

/** The work file of a trainee who typed the solution, claiming every task passed. */
function solvedWork(s: Scenario): string {
  const { session } = startScenario(s, { seed: 1 });
  applySolution(session, s);
  session.runFor(60e9);
  return serializeProgress(buildWorkProgress(s, { lab: s.lab, configs: readRunningConfigs(session), hintsShown: {}, tasks: { router: 'passed', pc: 'passed' }, score: 30, savedAt: '2026-05-14T09:30:00+07:00' }));
}

describe('the progress file says what produced it', () => {
  it('names the V6Lab version (package.json\'s) and the scenario\'s format version and digest', () => {
    const s = scenario();
    const text = solvedWork(s);
    expect(V6LAB_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(text).toMatch(new RegExp(`^format: v6lab-progress\\nversion: 2\\nproducedBy:\\n  v6lab: ${V6LAB_VERSION}\\n  scenarioVersion: 1\\n  scenarioDigest: ${scenarioDigest(s)}\\nscenario: small-lab\\n`));
    expect(scenarioDigest(s)).toMatch(/^[0-9a-f]{8}$/);
    expect(scenarioDigest(scenario(withReplaced(SMALL_SCENARIO, 'points: 20', 'points: 25').replace('totalPoints: 30', 'totalPoints: 35')))).not.toBe(scenarioDigest(s));
  });

  it('is valid against the published schema (docs/schema/progress.schema.json, generated)', () => {
    expect(readFileSync('docs/schema/progress.schema.json', 'utf8')).toBe(renderProgressJsonSchema());
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(renderProgressJsonSchema()) as object);
    const data = parse(solvedWork(scenario())) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...data, tasks: { router: 'done' } })).toBe(false);
  });

  it('a file from a newer V6Lab is refused at its version line, saying to use a newer V6Lab', () => {
    const text = solvedWork(scenario()).replace('version: 2', 'version: 3\nnewKey: 1');
    const loaded = loadProgress(text, 'an.progress.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ line: 2, code: 'unsupported-version', message: `this progress file is format version 3, made by a newer V6Lab; this V6Lab (${V6LAB_VERSION}) reads versions 1 to 2: grade it with a newer V6Lab` });
  });

  it('a version 1 file (no producedBy, score, answers) is still read', () => {
    const text = solvedWork(scenario()).replace('version: 2', 'version: 1').replace(/producedBy:\n( {2}.*\n)+/, '').replace('score: 30\n', '');
    const loaded = loadProgress(text, 'old.progress.yaml');
    expect(loaded.ok).toBe(true);
  });
});

describe('grading recomputes the work and never trusts the file', () => {
  it('a tampered score and a task claimed passed are reported; the grade is what the work earns', () => {
    const s = scenario();
    const honest = loadProgress(solvedWork(s), 'an.progress.yaml');
    if (!honest.ok) throw new Error('unreadable');
    expect(gradeProgress(s, honest.progress, { seed: 1 })).toMatchObject({ score: 30, mismatches: [] });
    // The trainee did nothing but edited the claims.
    const tampered = loadProgress(serializeProgress({ ...honest.progress, lab: s.lab, score: 30 }), 'an.progress.yaml');
    if (!tampered.ok) throw new Error('unreadable');
    const graded = gradeProgress(s, tampered.progress, { seed: 1 });
    expect(graded.score).toBe(0);
    expect(graded.mismatches.map((mismatch) => mismatch.en)).toEqual(['the file says score 30; the work grades 0', 'the file says task router passed; the work does not pass it', 'the file says task pc passed; the work does not pass it']);
  });

  it('work saved against another revision of the scenario gets a note', () => {
    const s = scenario();
    const loaded = loadProgress(solvedWork(s), 'an.progress.yaml');
    if (!loaded.ok) throw new Error('unreadable');
    const revised = scenario(withReplaced(SMALL_SCENARIO, 'match: \'^ipv6 unicast-routing$\'', 'match: \'^ipv6 unicast-routing\''));
    expect(gradeProgress(revised, loaded.progress, { seed: 1 }).notes.join('\n')).toContain(`saved against another revision of small-lab (digest ${scenarioDigest(s)}, this file's scenario is ${scenarioDigest(revised)}, by V6Lab ${V6LAB_VERSION})`);
  });
});

describe('the example work file in the docs (docs/examples/small-lab.progress.yaml)', () => {
  it('is what this V6Lab writes for the small lab, and grades 30/30 with no claim contradicted', () => {
    const text = readFileSync('docs/examples/small-lab.progress.yaml', 'utf8');
    const loaded = loadProgress(text, 'small-lab.progress.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const s = scenario();
    expect(loaded.progress.producedBy).toEqual({ v6lab: V6LAB_VERSION, scenarioVersion: 1, scenarioDigest: scenarioDigest(s) });
    expect(gradeProgress(s, loaded.progress, { seed: 1 })).toMatchObject({ score: 30, mismatches: [], notes: [] });
  });
});
