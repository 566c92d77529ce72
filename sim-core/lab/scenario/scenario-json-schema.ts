/**
 * The published JSON Schema of the scenario file (docs/schema/scenario.schema.json), generated
 * from the zod schema (scenario-schema.ts, with every check kind of the registry) so they cannot
 * drift apart: `npx tsx docs/schema/generate.ts` rewrites it, and a test fails when the
 * committed file differs. Editors get the shape and completion; references (devices,
 * interfaces, prefixes, points) are checked by the loader.
 */
import { z } from 'zod';
import { SCENARIO_FILE_SCHEMA } from './scenario-schema';

export function renderScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(SCENARIO_FILE_SCHEMA, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
