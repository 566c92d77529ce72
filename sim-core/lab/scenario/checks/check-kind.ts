/**
 * The contract of a check kind. A check is data in a scenario file (`kind: ping`, `from: PC1`,
 * `to: …`); its kind is ONE file in this folder that declares, side by side:
 * - `schema`: the zod shape of the check (strict: unknown keys are errors with a suggestion),
 *   which the scenario schema, the published JSON Schema and the loader all take from the
 *   registry (registry.ts);
 * - `validate`: the meaning checks against the scenario's lab (devices and interfaces exist,
 *   prefixes parse), reported at file:line:column through the context;
 * - `describe`: what the check verifies, one bilingual line for the task list and the table;
 * - `evaluate`: the verdict against a running lab (LabSession) with a bilingual explanation of
 *   what it saw ("PC1 has no global address in 2001:db8:6803:10::/64; it has only fe80::…").
 * The pane, `v6lab check` and `v6lab grade` all go through this contract, so a new kind
 * (dns, http, ospf-neighbor …) is one new file plus one line in registry.ts.
 *
 * Evaluation rule: a check may only look, or do what a person testing would do (send pings,
 * run a traceroute), which advances virtual time; it never changes configuration, links or the
 * consoles' state. Evaluation never throws on anything a trainee did: the runner turns a throw
 * into a failed check that says it is a V6Lab bug.
 */
import type { z } from 'zod';
import type { LabDevice } from '../../lab-document';
import type { LabSession } from '../../lab-session';
import type { BilingualText } from '../bilingual-text';

/** A path inside one check (`['to']`, `['via', 1]`), for positions of problems. */
export type CheckPath = readonly (string | number)[];

/** Fields every check has. */
export interface CheckBase {
  readonly kind: string;
  /** Replaces the generated description in the task list. */
  readonly title?: BilingualText;
}

/** The verdict of one check. */
export interface CheckOutcome {
  readonly passed: boolean;
  /** What the check saw, for the trainee. */
  readonly explanation: BilingualText;
}

/** What a kind's `validate` may ask about the scenario and report. */
export interface CheckValidationContext {
  /** The lab's device of that name (compared without case, as the lab does), or undefined. */
  findDevice(name: string): LabDevice | undefined;
  /** Device names in lab order (for suggestions). */
  readonly deviceNames: readonly string[];
  /** An error at a path inside the check (the check itself for []). */
  error(path: CheckPath, message: BilingualText): void;
  warning(path: CheckPath, message: BilingualText): void;
}

/** What a check may read besides the network: the trainee's answers to question checks. */
export interface CheckEvaluationContext {
  /** Question id → the answer (choice ids, or the typed text as one element). */
  readonly answers: Readonly<Record<string, readonly string[]>>;
}

export const NO_ANSWERS: CheckEvaluationContext = { answers: {} };

export interface CheckKind<C extends CheckBase = CheckBase> {
  /** The value of `kind:` in a scenario file. */
  readonly kind: C['kind'];
  /** Strict zod object with `kind: z.literal(kind)`. */
  readonly schema: z.ZodObject;
  /** What this kind checks, for the format documentation and the pane's help. */
  readonly summary: BilingualText;
  describe(check: C): BilingualText;
  validate(check: C, context: CheckValidationContext): void;
  evaluate(check: C, session: LabSession, context?: CheckEvaluationContext): CheckOutcome;
}

/** Declares a kind with the check type inferred from its schema. */
export function defineCheckKind<S extends z.ZodObject, C extends CheckBase = z.infer<S> & CheckBase>(definition: {
  readonly kind: C['kind'];
  readonly schema: S;
  readonly summary: BilingualText;
  describe(check: C): BilingualText;
  validate(check: C, context: CheckValidationContext): void;
  evaluate(check: C, session: LabSession, context?: CheckEvaluationContext): CheckOutcome;
}): CheckKind<C> {
  return definition;
}
