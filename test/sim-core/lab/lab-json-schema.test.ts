import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderLabJsonSchema } from '../../../sim-core/lab/lab-json-schema';

const SCHEMA_FILE = new URL('../../../docs/schema/lab.schema.json', import.meta.url);
const EXAMPLES = new URL('../../../docs/examples/', import.meta.url);

describe('the published JSON Schema (docs/schema/lab.schema.json)', () => {
  it('is what `npx tsx docs/schema/generate.ts` produces from the zod schema now', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderLabJsonSchema());
  });

  const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(renderLabJsonSchema()) as object);

  it('accepts every example lab', () => {
    for (const name of readdirSync(EXAMPLES).filter((file) => file.endsWith('.v6lab.yaml'))) {
      const valid = validate(parse(readFileSync(new URL(name, EXAMPLES), 'utf8')));
      expect(valid, `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects unknown keys, bad kinds, bad delays and one-ended links, as the loader does', () => {
    expect(validate({ version: 1, devices: [{ name: 'R1', kind: 'router', colour: 'red' }] })).toBe(false);
    expect(validate({ version: 1, devices: [{ name: 'R1', kind: 'routr' }] })).toBe(false);
    expect(validate({ version: 1, links: [{ endpoints: ['R1:g0/0', 'R2:g0/0'], delay: '2 sec' }] })).toBe(false);
    expect(validate({ version: 1, links: [{ endpoints: ['R1:g0/0'] }] })).toBe(false);
    expect(validate({ version: 2 })).toBe(false);
    expect(validate({ version: 1, links: [{ endpoints: ['R1:g0/0', 'R2:g0/0'], delay: '2 ms', bandwidth: '64kbps', mtu: 1280 }] })).toBe(true);
  });
});
