import { describe, expect, it } from 'vitest';
import { iosRuntimeOf } from '../../../../sim-core/console/ios/ios-runtime';
import { formatConfigBody } from '../../../../sim-core/console/ios/running-config';
import type { Lab } from '../../../../sim-core/lab/lab-document';
import { evaluateCheck } from '../../../../sim-core/lab/scenario/run-checks';
import { buildGradedLab, gradeLab } from '../../../../sim-core/lab/scenario/grade';
import { loadScenario, type ScenarioSourceMap } from '../../../../sim-core/lab/scenario/load-scenario';
import { isProgressText, loadProgress, serializeProgress } from '../../../../sim-core/lab/scenario/progress';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { applySolution, SOLUTION_CONVERGE_NS } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import type { ScenarioCheck } from '../../../../sim-core/lab/scenario/checks/registry';
import { lineOf, SMALL_SCENARIO, withReplaced } from './scenario-fixture';

function load(text: string): { scenario: Scenario; source: ScenarioSourceMap } {
  const loaded = loadScenario(text, 'small.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return loaded;
}

/** The lab a trainee would save after typing the solution: every IOS device's running-config. */
function savedAfterSolution(scenario: Scenario): Lab {
  const { session } = startScenario(scenario, { seed: 3 });
  applySolution(session, scenario);
  session.runFor(SOLUTION_CONVERGE_NS);
  return {
    ...scenario.lab,
    devices: scenario.lab.devices.map((device) => (device.kind === 'router' || device.kind === 'switch' ? { ...device, config: formatConfigBody(iosRuntimeOf(session.network.device(device.name)).config) } : device)),
  };
}

describe('applying the solution', () => {
  it('types every line at the console; a refused line is an error at its scenario line and column, with what the device printed', () => {
    const text = withReplaced(SMALL_SCENARIO, '       ipv6 address 2001:db8:6803:10::1/64', '       ipv6 adress 2001:db8:6803:10::1/64');
    const { scenario, source } = load(text);
    const { session } = startScenario(scenario, { seed: 1, source });
    const outcome = applySolution(session, scenario, source);
    expect(outcome.problems).toHaveLength(1);
    const problem = outcome.problems[0]!;
    expect(problem).toMatchObject({ code: 'solution-rejected', file: 'small.yaml', line: lineOf(text, 'ipv6 adress'), column: 8 });
    expect(problem.message).toBe("R1 refused solution line 'ipv6 adress 2001:db8:6803:10::1/64': % Invalid input detected at '^' marker.");
    expect(problem.excerpt).toBe("R1(config-if)# ipv6 adress 2001:db8:6803:10::1/64\n                      ^\n% Invalid input detected at '^' marker.");
    expect(outcome.transcript.map((exec) => exec.command)).toContain('ipv6 unicast-routing');
  });

  it('starts a step from exec mode even when the console was left in configuration mode', () => {
    const { scenario } = load(SMALL_SCENARIO);
    const { session } = startScenario(scenario, { seed: 1 });
    session.exec('R1', 'enable');
    session.exec('R1', 'configure terminal');
    session.exec('R1', 'interface GigabitEthernet0/1');
    // `enable` typed in config-if mode would be refused; the step types `end` first.
    expect(applySolution(session, scenario).problems).toEqual([]);
  });
});

describe('faults', () => {
  it('are injected at start: config lines, a shutdown (through the IOS configuration) and an unplugged cable', () => {
    const text = withReplaced(
      SMALL_SCENARIO,
      'solution:',
      'faults:\n  - kind: config\n    device: R1\n    commands: |\n      ipv6 unicast-routing\n  - kind: shutdown\n    interface: R1:g0/0\n  - kind: unplug\n    link: PC1:Ethernet0\nsolution:',
    );
    const { scenario, source } = load(withReplaced(text, 'locked: [SW1]', 'locked: []'));
    const { session, problems } = startScenario(scenario, { seed: 1, source });
    expect(problems).toEqual([]);
    const routing = { kind: 'config', device: 'R1', match: '^ipv6 unicast-routing$' } as unknown as ScenarioCheck;
    expect(evaluateCheck(routing, session).passed).toBe(true);
    expect(evaluateCheck({ kind: 'config', device: 'R1', section: '^interface GigabitEthernet0/0$', match: '^shutdown$' } as unknown as ScenarioCheck, session).passed).toBe(true);
    expect(evaluateCheck({ kind: 'interface', interface: 'PC1:Ethernet0', up: false } as unknown as ScenarioCheck, session).passed).toBe(true);
  });

  it('a refused fault line is an error at its scenario line', () => {
    const text = withReplaced(SMALL_SCENARIO, 'solution:', 'faults:\n  - kind: config\n    device: R1\n    commands: |\n      interface GigabitEthernet0/0\n       ipv6 nd ra supress all\nsolution:');
    const { scenario, source } = load(text);
    const { problems } = startScenario(scenario, { seed: 1, source });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'fault-rejected', line: lineOf(text, 'ipv6 nd ra supress all') });
  });
});

describe('grading saved work', () => {
  it("scores a lab saved after the solution at full marks, and the scenario's own starting lab at zero", () => {
    const { scenario } = load(SMALL_SCENARIO);
    const full = gradeLab(scenario, savedAfterSolution(scenario), { seed: 1 });
    expect({ score: full.score, max: full.max, notes: full.notes, problems: full.problems }).toEqual({ score: 30, max: 30, notes: [], problems: [] });
    const none = gradeLab(scenario, scenario.lab, { seed: 1 });
    expect(none.score).toBe(0);
    expect(none.tasks.map((task) => task.passed)).toEqual([false, false]);
  });

  it('restores locked devices from the scenario and notes devices missing from the saved lab', () => {
    const { scenario } = load(SMALL_SCENARIO);
    const tampered: Lab = {
      ...scenario.lab,
      devices: scenario.lab.devices.filter((device) => device.name !== 'PC1').map((device) => (device.name === 'SW1' ? { ...device, config: 'hostname SW1\nend\n' } : device)),
    };
    const { lab, notes } = buildGradedLab(scenario, tampered);
    expect(lab.devices.find((device) => device.name === 'SW1')?.config).toBeUndefined();
    expect(notes).toEqual(['PC1 is missing from the saved lab']);
  });
});

describe('progress files', () => {
  it('round-trip: what the app saves loads back (hints, last results, the network)', () => {
    const { scenario } = load(SMALL_SCENARIO);
    const saved = savedAfterSolution(scenario);
    const text = serializeProgress({ scenario: scenario.id, trainee: 'Nguyễn Văn An', savedAt: '2024-05-14T09:30:00+07:00', hintsShown: { router: 1 }, tasks: { router: 'passed', pc: 'failed' }, lab: saved });
    expect(isProgressText(text)).toBe(true);
    expect(isProgressText(SMALL_SCENARIO)).toBe(false);
    const loaded = loadProgress(text, 'an.progress.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
    expect(loaded.progress).toMatchObject({ scenario: 'small-lab', trainee: 'Nguyễn Văn An', hintsShown: { router: 1 }, tasks: { router: 'passed', pc: 'failed' } });
    expect(loaded.progress.lab.devices.map((device) => device.config)).toEqual(saved.devices.map((device) => device.config));
    expect(gradeLab(scenario, loaded.progress.lab, { seed: 1 }).score).toBe(30);
  });

  it('reports a broken embedded lab at its line in the progress file', () => {
    const text = ['format: v6lab-progress', 'version: 1', 'scenario: small-lab', 'lab: |', '  version: 1', '  devices:', '    - name: R1', '      kind: routr', ''].join('\n');
    const loaded = loadProgress(text, 'p.yaml');
    if (loaded.ok) throw new Error('expected problems');
    expect(loaded.problems[0]).toMatchObject({ file: 'p.yaml', line: 8, column: 13 });
  });
});
