/**
 * Zod building blocks shared by the check kinds (a device, a `DEVICE:INTERFACE` endpoint, an
 * address family, present/absent), so every kind spells the same idea the same way in scenario
 * files and in the published JSON Schema. Only shape here; meaning is checked by
 * check-validation.ts against the lab.
 */
import { z } from 'zod';
import { ENDPOINT_PATTERN } from '../../lab-schema';
import { BILINGUAL_TEXT_SCHEMA } from '../bilingual-text';

export const CHECK_TITLE_FIELD = BILINGUAL_TEXT_SCHEMA.optional().meta({
  description: 'What the task list shows for this check, instead of the generated description.',
});

export const DEVICE_FIELD = z.string().min(1).meta({ description: 'A device of the lab, by name.', examples: ['R1', 'PC1'] });

export const ENDPOINT_FIELD = z
  .string()
  .regex(ENDPOINT_PATTERN, { error: (issue) => `expected DEVICE:INTERFACE, e.g. R1:GigabitEthernet0/0; got ${JSON.stringify(issue.input)}` })
  .meta({ description: 'DEVICE:INTERFACE; IOS abbreviations are accepted (R1:g0/0).', examples: ['R1:GigabitEthernet0/0', 'PC1:Ethernet0', 'R1:Loopback0'] });

export const FAMILY_FIELD = z.enum(['ipv4', 'ipv6']).meta({ description: 'Address family.' });

export const PRESENCE_FIELD = z
  .enum(['present', 'absent'])
  .optional()
  .meta({ description: 'Whether the thing must be there (default present) or must not.' });

export type Family = z.infer<typeof FAMILY_FIELD>;
export type Presence = 'present' | 'absent';
