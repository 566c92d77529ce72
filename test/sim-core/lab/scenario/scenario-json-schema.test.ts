import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderScenarioJsonSchema } from '../../../../sim-core/lab/scenario/scenario-json-schema';
import { CHECK_KIND_NAMES } from '../../../../sim-core/lab/scenario/checks/registry';
import { SMALL_SCENARIO } from './scenario-fixture';

const SCHEMA_FILE = new URL('../../../../docs/schema/scenario.schema.json', import.meta.url);

describe('the published JSON Schema (docs/schema/scenario.schema.json)', () => {
  it('is what `npx tsx docs/schema/generate.ts` produces from the zod schema now', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderScenarioJsonSchema());
  });

  const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(renderScenarioJsonSchema()) as object);
  const small = parse(SMALL_SCENARIO) as Record<string, unknown>;

  it('accepts a valid scenario, and lists every check kind of the registry', () => {
    expect(validate(small), JSON.stringify(validate.errors)).toBe(true);
    for (const kind of CHECK_KIND_NAMES) expect(renderScenarioJsonSchema()).toContain(`"const": "${kind}"`);
  });

  it('rejects what the loader rejects in shape: unknown keys, a one-language title, an unknown check kind, a plan step of 11', () => {
    expect(validate({ ...small, colour: 'red' })).toBe(false);
    expect(validate({ ...small, title: 'Small lab' })).toBe(false);
    expect(validate({ ...small, planStep: 11 })).toBe(false);
    const tasks = structuredClone(small.tasks) as { checks: { kind: string }[] }[];
    tasks[0]!.checks[0]!.kind = 'pign';
    expect(validate({ ...small, tasks })).toBe(false);
  });
});
