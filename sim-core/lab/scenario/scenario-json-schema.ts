/**
 * The published JSON Schema of the scenario file (docs/schema/scenario.schema.json), generated
 * from the zod schema (scenario-schema.ts, with every check kind of the registry) so they cannot
 * drift apart: `npx tsx docs/schema/generate.ts` rewrites it, and a test fails when the
 * committed file differs. Editors get the shape and completion; references (devices,
 * interfaces, prefixes, points) are checked by the loader. The progress file's schema is
 * published the same way (docs/schema/progress.schema.json).
 */
import { z } from 'zod';
import { PROGRESS_SCHEMA } from './progress';
import { SCENARIO_FILE_SCHEMA } from './scenario-schema';

export function renderScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(SCENARIO_FILE_SCHEMA, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The published JSON Schema of the progress (work) file, docs/schema/progress.schema.json, from progress.ts's zod schema. */
export function renderProgressJsonSchema(): string {
  const schema = z.toJSONSchema(PROGRESS_SCHEMA, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
