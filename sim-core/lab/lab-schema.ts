/**
 * The lab file's shape (format version 1) as a zod schema: the single source for validation in
 * the loader and for the published JSON Schema (docs/schema/lab.schema.json). Objects are strict,
 * so a misspelt key is an error, not silently ignored. Only shape is checked here; cross-references
 * (link endpoints naming real devices and ports, duplicate names, ports cabled twice) are checked
 * by the loader, which knows the device catalog.
 * No transforms or refinements that JSON Schema cannot express, and nothing that needs eval (the
 * loader runs in a Web Worker under a strict Content-Security-Policy).
 */
import { z } from 'zod';
import { DEVICE_KINDS } from '../devices/catalog';
import { COURSE_ZONE_IDS } from './course-zones';
import { HOSTNAME_PATTERN, LAB_FORMAT_VERSION, MAX_LINK_MTU, MIN_LINK_MTU } from './lab-document';
import { BANDWIDTH_PATTERN, DELAY_PATTERN, parseBandwidthBps, parseDelayNs } from './link-units';

/** `DEVICE:INTERFACE`, the containerlab endpoint style. */
export const ENDPOINT_PATTERN = /^[^:\s]+:\s*\S.*$/;

function quote(input: unknown): string {
  return typeof input === 'string' ? `'${input.length > 60 ? `${input.slice(0, 60)}…` : input}'` : String(input);
}

/** Longest name (the lab's, a zone label) and description, in characters. */
export const MAX_NAME_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 20_000;

function labText(max: number) {
  return z
    .union([z.string().max(max), z.strictObject({ vi: z.string().max(max).meta({ description: 'Tiếng Việt' }), en: z.string().max(max).meta({ description: 'English' }) })])
    .meta({ description: `Text shown to people: one string, or the Vietnamese and English versions {vi, en}; at most ${max} characters.` });
}

const position = z
  .strictObject({ x: z.number(), y: z.number() })
  .meta({ description: 'Canvas position in pixels (saved rounded to whole numbers).' });

const device = z
  .strictObject({
    name: z.string().regex(HOSTNAME_PATTERN, {
      error: (issue) =>
        `device name ${quote(issue.input)} breaks the hostname rules: start with a letter, end with a letter or digit, only letters, digits and hyphens, at most 63 characters`,
    }).meta({ description: 'Hostname (IOS rules); unique in the lab, compared without case.', examples: ['R1', 'SW-SoTTTT', 'PC1'] }),
    kind: z.enum(DEVICE_KINDS).meta({ description: 'Device kind from the catalog.' }),
    position: position.optional(),
    zone: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'A course zone or a zone declared under `zones`.', examples: [...COURSE_ZONE_IDS] }),
    config: z.string().optional().meta({
      description:
        "Configuration in the device's own dialect: IOS running-config for IOS devices; for the Windows PC and Linux server, the commands in effect, like a startup script.",
    }),
  })
  .meta({ description: 'A device.' });

const endpoint = z.string().regex(ENDPOINT_PATTERN, {
  error: (issue) => `link endpoint ${quote(issue.input)} should read DEVICE:INTERFACE, e.g. R1:GigabitEthernet0/0`,
}).meta({ description: 'DEVICE:INTERFACE; the interface may be abbreviated as on IOS (R1:g0/0).', examples: ['R1:GigabitEthernet0/0', 'PC1:Ethernet0'] });

const link = z
  .strictObject({
    endpoints: z.array(endpoint).length(2).meta({ description: 'The two ports the link joins.' }),
    delay: z
      .string()
      .regex(DELAY_PATTERN, { error: (issue) => (typeof issue.input === 'string' ? errorOf(parseDelayNs(issue.input)) : 'expected a delay') })
      .optional()
      .meta({ description: 'One-way delay: ns, us, ms or s.', examples: ['1ms', '500us', '2 ms'] }),
    bandwidth: z
      .string()
      .regex(BANDWIDTH_PATTERN, { error: (issue) => (typeof issue.input === 'string' ? errorOf(parseBandwidthBps(issue.input)) : 'expected a bandwidth') })
      .optional()
      .meta({ description: 'Link rate: bps, kbps, Mbps or Gbps.', examples: ['1Gbps', '100Mbps', '64kbps'] }),
    mtu: z.number().int().min(MIN_LINK_MTU).max(MAX_LINK_MTU).optional().meta({ description: 'Link MTU in bytes (1280 to 9216).' }),
    state: z.enum(['up', 'down']).optional().meta({ description: '`down` leaves the cable unplugged. Default up.' }),
  })
  .meta({ description: 'A link between two ports.' });

const zone = z
  .strictObject({
    id: z.string().min(1).max(64).meta({ description: 'Zone id that devices name in their `zone`.' }),
    label: labText(MAX_NAME_CHARS),
  })
  .meta({ description: 'A zone: drawn on the canvas as a box around its devices.' });

export const LAB_FILE_SCHEMA = z
  .strictObject({
    version: z.literal(LAB_FORMAT_VERSION).meta({ description: 'Lab file format version.' }),
    name: labText(MAX_NAME_CHARS).optional(),
    description: labText(MAX_DESCRIPTION_CHARS).optional(),
    zones: z.array(zone).optional(),
    devices: z.array(device).optional(),
    links: z.array(link).optional(),
  })
  .meta({ title: 'V6Lab lab file (*.v6lab.yaml)', description: 'A V6Lab lab: devices, their configurations and the links between them.' });

export type LabFile = z.infer<typeof LAB_FILE_SCHEMA>;

function errorOf(result: { readonly ok: boolean; readonly error?: string }): string {
  return result.ok ? 'invalid value' : (result.error ?? 'invalid value');
}
