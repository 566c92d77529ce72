/**
 * The published JSON Schema of the lab file (docs/schema/lab.schema.json), generated from the
 * zod schema so the two cannot drift apart: `npx tsx docs/schema/generate.ts` rewrites the file,
 * and a test fails when the committed file differs from what this produces.
 * JSON Schema cannot express the cross-reference rules (endpoints naming real devices and ports,
 * unique names); editors get the shape, the loader checks the rest.
 */
import { z } from 'zod';
import { LAB_FILE_SCHEMA } from './lab-schema';

export function renderLabJsonSchema(): string {
  const schema = z.toJSONSchema(LAB_FILE_SCHEMA, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
