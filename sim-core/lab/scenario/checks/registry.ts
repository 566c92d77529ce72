/**
 * The check kinds, in one list: the scenario schema takes its `checks` union from here, the
 * loader validates each check with its kind, and the runner evaluates through its kind. To add
 * a kind (dns, http, dhcp-lease, ospf-neighbor, bgp-session, bgp-route, nat64-session): write
 * `<kind>-check.ts` with defineCheckKind and add it to CHECK_KINDS.
 */
import { z } from 'zod';
import type { CheckBase, CheckKind } from './check-kind';
import { ADDRESS_CHECK } from './address-check';
import { CONFIG_CHECK } from './config-check';
import { INTERFACE_CHECK } from './interface-check';
import { NEIGHBOR_CHECK } from './neighbor-check';
import { PING_CHECK } from './ping-check';
import { QUESTION_CHECK } from './question-check';
import { ROUTE_CHECK } from './route-check';
import { TRACEROUTE_CHECK } from './traceroute-check';

export const CHECK_KINDS: readonly CheckKind<never>[] = [PING_CHECK, TRACEROUTE_CHECK, ADDRESS_CHECK, ROUTE_CHECK, NEIGHBOR_CHECK, CONFIG_CHECK, INTERFACE_CHECK, QUESTION_CHECK] as unknown as CheckKind<never>[];

/** The `kind:` values, in registry order. */
export const CHECK_KIND_NAMES: readonly string[] = CHECK_KINDS.map((kind) => kind.kind);

/** The kind of a `kind:` value (exact), or undefined. */
export function findCheckKind(kind: string): CheckKind<CheckBase> | undefined {
  return CHECK_KINDS.find((entry) => entry.kind === kind) as CheckKind<CheckBase> | undefined;
}

/** Any check: the union of the kinds' schemas, told apart by `kind`. */
export const CHECK_SCHEMA = z
  .discriminatedUnion(
    'kind',
    CHECK_KINDS.map((kind) => kind.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ description: `A check; kind is one of ${CHECK_KIND_NAMES.join(', ')}.` });

/** A check as written in a scenario (its fields depend on its kind). */
export type ScenarioCheck = CheckBase & Readonly<Record<string, unknown>>;
