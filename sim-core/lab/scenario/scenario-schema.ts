/**
 * The scenario file's shape (format version 1) as a zod schema: a lab (the lab file's `zones`,
 * `devices` and `links`, same schema) plus the course keys. The single source for the loader's
 * shape checks and for the published JSON Schema (docs/schema/scenario.schema.json). Objects are
 * strict, so a misspelt key is an error with a suggestion. The `checks` union comes from the
 * check registry (checks/registry.ts): a new kind appears here by itself.
 * Only shape: cross-references (devices, interfaces, prefixes, points) are load-scenario.ts's.
 */
import { z } from 'zod';
import { LAB_FILE_SCHEMA } from '../lab-schema';
import { BILINGUAL_TEXT_SCHEMA } from './bilingual-text';
import { CHECK_SCHEMA } from './checks/registry';
import { DEVICE_FIELD, ENDPOINT_FIELD } from './checks/check-fields';
import { SCENARIO_FORMAT_VERSION } from './scenario-migrations';

/** Scenario and task ids: lower-case words joined by hyphens (`m02-dual-stack-slaac`, `ra`). */
export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SCENARIO_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type ScenarioLevel = (typeof SCENARIO_LEVELS)[number];

/** The ten steps of the national conversion plan (Decision 38/QĐ-BTTTT), 1 to 10. */
export const PLAN_STEP_COUNT = 10;

const id = (what: string) =>
  z
    .string()
    .regex(SCENARIO_ID_PATTERN, { error: (issue) => `${what} ${JSON.stringify(issue.input)} should be lower-case letters and digits joined by hyphens, e.g. m02-dual-stack-slaac` })
    .max(64);

const commands = z.string().min(1).meta({
  description: 'Lines typed one by one, as a literal block (`commands: |`).',
});

const task = z
  .strictObject({
    id: id('task id').meta({ description: 'Unique in the scenario; progress files name tasks by it.', examples: ['router-address', 'pc-slaac'] }),
    title: BILINGUAL_TEXT_SCHEMA,
    points: z.number().int().min(0).max(1000).meta({ description: 'Points for the task when every check passes.' }),
    checks: z.array(CHECK_SCHEMA).min(1).meta({ description: 'All must pass for the task to pass.' }),
    hints: z.array(BILINGUAL_TEXT_SCHEMA).min(1).optional().meta({ description: 'Shown one at a time, in order, when the trainee asks.' }),
  })
  .meta({ description: 'A task: passes when all its checks pass.' });

// For the instructor only, so one plain string is enough (both languages are accepted too).
const faultNote = z.union([z.string().min(1), BILINGUAL_TEXT_SCHEMA]).optional().meta({ description: 'What the fault is, for the instructor (never shown to trainees): a string, or {vi, en}.' });

const configFault = z
  .strictObject({
    kind: z.literal('config'),
    device: DEVICE_FIELD,
    commands: commands.meta({ description: "Configuration lines applied on top of the device's config, as in its config text (IOS: configuration mode; `no …` removes a line)." }),
    note: faultNote,
  })
  .meta({ description: 'Apply configuration lines to a device at start.' });

const unplugFault = z
  .strictObject({
    kind: z.literal('unplug'),
    link: ENDPOINT_FIELD.meta({ description: 'Either end of the link to unplug, DEVICE:INTERFACE.' }),
    note: faultNote,
  })
  .meta({ description: 'Unplug a cable at start.' });

const shutdownFault = z
  .strictObject({
    kind: z.literal('shutdown'),
    interface: ENDPOINT_FIELD,
    note: faultNote,
  })
  .meta({ description: 'Shut an interface down at start (as `shutdown` would).' });

export const FAULT_SCHEMA = z.discriminatedUnion('kind', [configFault, unplugFault, shutdownFault]).meta({ description: 'A fault injected when the scenario starts.' });
export const FAULT_KIND_NAMES = ['config', 'unplug', 'shutdown'] as const;

const solutionStep = z
  .strictObject({
    device: DEVICE_FIELD,
    commands: commands.meta({ description: "Lines typed at the device's console, in order, from a fresh console (IOS: start with `enable` and `configure terminal`)." }),
  })
  .meta({ description: "One device's part of the reference solution." });

/** The course keys, without the lab's. */
export const SCENARIO_COURSE_SCHEMA = z.strictObject({
  version: z.literal(SCENARIO_FORMAT_VERSION).meta({ description: 'Scenario file format version.' }),
  id: id('scenario id').meta({ description: 'Unique among the course scenarios; progress files name it.', examples: ['m02-dual-stack-slaac'] }),
  title: BILINGUAL_TEXT_SCHEMA,
  summary: BILINGUAL_TEXT_SCHEMA,
  level: z.enum(SCENARIO_LEVELS),
  minutes: z.number().int().min(1).max(600).meta({ description: 'Expected time for a trainee, in minutes.' }),
  planStep: z.number().int().min(1).max(PLAN_STEP_COUNT).meta({ description: 'Which of the ten steps of the conversion plan it trains (1–10).' }),
  instructions: BILINGUAL_TEXT_SCHEMA.meta({ description: 'Markdown shown beside the canvas, Vietnamese and English.' }),
  totalPoints: z.number().int().min(0).optional().meta({ description: "When given, the tasks' points must add up to it." }),
  tasks: z.array(task).min(1),
  locked: z.array(DEVICE_FIELD).optional().meta({ description: 'Devices the trainee may look at but not change (an ISP router).' }),
  faults: z.array(FAULT_SCHEMA).optional().meta({ description: 'Faults injected at start, in order (troubleshooting labs).' }),
  solution: z.array(solutionStep).min(1).meta({ description: 'The reference solution, applied in order by `v6lab check --solution` and by instructors.' }),
});

/** Keys a scenario shares with a lab file. */
export const SCENARIO_LAB_KEYS = ['zones', 'devices', 'links'] as const;

export const SCENARIO_FILE_SCHEMA = SCENARIO_COURSE_SCHEMA.extend({
  zones: LAB_FILE_SCHEMA.shape.zones,
  devices: LAB_FILE_SCHEMA.shape.devices,
  links: LAB_FILE_SCHEMA.shape.links,
}).meta({
  title: 'V6Lab scenario (scenarios/**/*.yaml)',
  description: 'A V6Lab training scenario: a lab plus bilingual instructions, tasks with declarative checks, hints, locked devices, faults and a reference solution.',
});

export type ScenarioFile = z.infer<typeof SCENARIO_FILE_SCHEMA>;
export type ScenarioTaskFile = z.infer<typeof task>;
export type ScenarioFaultFile = z.infer<typeof FAULT_SCHEMA>;
