/**
 * Versions of the scenario format, and upgrading old scenario files. The mechanism is the lab
 * file's (lab-migrations.ts: each step edits the parsed YAML tree, so positions of untouched
 * nodes hold); only the list differs. A scenario embeds a lab, so each scenario version also
 * says which lab format its `devices`/`links`/`zones` are written in: the lab loader then
 * upgrades that part with its own migrations.
 * Version 1 is the first format: the list is empty. To change the format, bump
 * SCENARIO_FORMAT_VERSION, update scenario-schema.ts, add the lab version of the new format to
 * LAB_VERSION_OF_SCENARIO_VERSION and append `{ fromVersion: 1, … }` here.
 */
import type { LabMigration } from '../lab-migrations';

/** The scenario format this code writes and reads without upgrading. */
export const SCENARIO_FORMAT_VERSION = 1;

export const SCENARIO_MIGRATIONS: readonly LabMigration[] = [];

/** The lab format of the lab keys in a scenario of each version. */
export const LAB_VERSION_OF_SCENARIO_VERSION: Readonly<Record<number, number>> = { 1: 1 };
