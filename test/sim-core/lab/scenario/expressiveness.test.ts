import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { evaluateCheck } from '../../../../sim-core/lab/scenario/run-checks';
import type { ScenarioCheck } from '../../../../sim-core/lab/scenario/checks/registry';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { applySolution } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import { SMALL_SCENARIO, withReplaced } from './scenario-fixture';

function load(text: string): Scenario {
  const loaded = loadScenario(text, 'small.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n'));
  return loaded.scenario;
}

const check = (data: Record<string, unknown>): ScenarioCheck => data as unknown as ScenarioCheck;

describe('what instructors reach for in scenario files', () => {
  it('a fault note may be a plain string (it is for the instructor only)', () => {
    const text = withReplaced(SMALL_SCENARIO, 'solution:\n', 'faults:\n  - kind: shutdown\n    interface: R1:g0/0\n    note: the LAN port is shut\nsolution:\n');
    expect(load(text).faults[0]).toEqual({ kind: 'shutdown', interface: 'R1:g0/0', note: { vi: 'the LAN port is shut', en: 'the LAN port is shut' } });
  });

  it('a route check takes interface as DEVICE:INTERFACE, and nextHop as the next-hop device', () => {
    const s = load(SMALL_SCENARIO);
    const { session } = startScenario(s, { seed: 1 });
    applySolution(session, s);
    session.runFor(60e9);
    expect(evaluateCheck(check({ kind: 'route', device: 'PC1', prefix: '::/0', nextHop: 'R1', interface: 'PC1:Ethernet0' }), session).passed).toBe(true);
    expect(evaluateCheck(check({ kind: 'route', device: 'PC1', prefix: '::/0', nextHop: 'PC1' }), session).passed).toBe(false);
    expect(evaluateCheck(check({ kind: 'route', device: 'R1', prefix: '2001:db8:6803:10::/64', interface: 'R1:g0/0' }), session).passed).toBe(true);
    const wrong = loadScenario(withReplaced(SMALL_SCENARIO, '      - kind: config\n', '      - kind: route\n        device: PC1\n        prefix: "::/0"\n        interface: R1:g0/0\n        nextHop: R9\n      - kind: config\n'), 'small.yaml');
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    const messages = wrong.problems.map((problem) => problem.message);
    expect(messages).toContain("interface R1:g0/0 is on R1, not on the check's device (PC1)");
    expect(messages.some((message) => message.includes("'R9'"))).toBe(true);
  });
});
