// Writes docs/schema/lab.schema.json from the lab file's zod schema: `npx tsx docs/schema/generate.ts`.
// test/sim-core/lab/lab-json-schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { renderLabJsonSchema } from '../../sim-core/lab/lab-json-schema';
import { renderProgressJsonSchema, renderScenarioJsonSchema } from '../../sim-core/lab/scenario/scenario-json-schema';

const target = new URL('./lab.schema.json', import.meta.url);
writeFileSync(target, renderLabJsonSchema());
console.log(`wrote ${target.pathname}`);

// docs/schema/scenario.schema.json from the scenario's zod schema (check kinds included);
// test/sim-core/lab/scenario/scenario-json-schema.test.ts fails when it is out of date.
const scenarioTarget = new URL('./scenario.schema.json', import.meta.url);
writeFileSync(scenarioTarget, renderScenarioJsonSchema());
console.log(`wrote ${scenarioTarget.pathname}`);

// docs/schema/progress.schema.json: the trainee's progress (work) file, from progress.ts.
const progressTarget = new URL('./progress.schema.json', import.meta.url);
writeFileSync(progressTarget, renderProgressJsonSchema());
console.log(`wrote ${progressTarget.pathname}`);
