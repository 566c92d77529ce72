import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { formatScenarioProblems, SCENARIO_PROBLEM_CODES, type ScenarioProblem, type ScenarioProblemCode } from '../../../../sim-core/lab/scenario/scenario-problems';
import { applySolution } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import { SMALL_SCENARIO, withReplaced } from './scenario-fixture';

const FAULT = (commands: string): string => `faults:\n  - kind: config\n    device: R1\n    commands: |\n      ${commands}\nsolution:`;

/** A small bad scenario per code (the loader and solution tests' fixtures, one change each). */
const FIXTURES: Readonly<Record<ScenarioProblemCode, () => string>> = {
  'unknown-check-kind': () => withReplaced(SMALL_SCENARIO, 'kind: ping', 'kind: pingg'),
  'unknown-fault-kind': () => withReplaced(SMALL_SCENARIO, 'solution:', 'faults:\n  - kind: unplugg\n    link: PC1:Ethernet0\nsolution:'),
  'duplicate-task': () => withReplaced(SMALL_SCENARIO, '  - id: pc', '  - id: router'),
  'points-total': () => withReplaced(SMALL_SCENARIO, 'totalPoints: 30', 'totalPoints: 40'),
  'bad-reference': () => withReplaced(SMALL_SCENARIO, 'from: PC1', 'from: PC9'),
  'locked-device': () => withReplaced(SMALL_SCENARIO, 'locked: [SW1]', 'locked: [R1]'),
  'solution-rejected': () => withReplaced(SMALL_SCENARIO, '       ipv6 address 2001:db8:6803:10::1/64', '       ipv6 adress 2001:db8:6803:10::1/64'),
  'fault-rejected': () => withReplaced(SMALL_SCENARIO, 'solution:', FAULT('ipv6 unicst-routing')),
};

function problemsOf(text: string): readonly ScenarioProblem[] {
  const loaded = loadScenario(text, 's.yaml');
  if (!loaded.ok) return loaded.problems;
  const started = startScenario(loaded.scenario, { seed: 1, source: loaded.source, settle: false });
  return [...loaded.warnings, ...started.problems, ...applySolution(started.session, loaded.scenario, loaded.source).problems];
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('every scenario problem code has an English and a Vietnamese text', () => {
  for (const code of SCENARIO_PROBLEM_CODES) {
    it(code, () => {
      const problem = problemsOf(FIXTURES[code]()).find((entry) => entry.code === code);
      expect(problem, `no ${code} problem from its fixture`).toBeDefined();
      expect(problem!.messageVi).not.toBe(problem!.message);
      expect(problem!.messageVi).toMatch(VIETNAMESE);
    });
  }
});

describe('scenario problems in Vietnamese, exact', () => {
  it('a device that does not exist, with a suggestion', () => {
    const problems = problemsOf(FIXTURES['bad-reference']());
    expect(formatScenarioProblems(problems, 'vi')).toMatch(/^s\.yaml:\d+:\d+: lỗi: Thiết bị 'PC9' không tồn tại trong bài lab; ý bạn là 'PC1'\?$/);
    expect(formatScenarioProblems(problems)).toMatch(/: error: there is no device 'PC9' in this lab; did you mean 'PC1'\?$/);
  });

  it('points that do not add up', () => {
    const [problem] = problemsOf(FIXTURES['points-total']());
    expect(problem!.messageVi).toBe('totalPoints là 40 nhưng tổng điểm các nhiệm vụ là 30');
  });
});
