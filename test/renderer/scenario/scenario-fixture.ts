/** The pane tests' scenario: test/fixtures/scenarios/lan-slaac.yaml (R1 to configure, R0 locked, RAs suppressed by a fault). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import type { Scenario } from '../../../sim-core/lab/scenario/scenario-document';

export function fixtureScenarioText(): string {
  return readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'scenarios', 'lan-slaac.yaml'), 'utf8');
}

export function fixtureScenario(): Scenario {
  const loaded = loadScenario(fixtureScenarioText(), 'lan-slaac.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return loaded.scenario;
}
