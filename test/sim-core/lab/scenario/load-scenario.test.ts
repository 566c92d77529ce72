import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractLabText, loadScenario, type LoadScenarioResult } from '../../../../sim-core/lab/scenario/load-scenario';
import type { ScenarioProblem } from '../../../../sim-core/lab/scenario/scenario-problems';
import { lineOf, SMALL_SCENARIO, withReplaced } from './scenario-fixture';

function problemsOf(result: LoadScenarioResult): readonly ScenarioProblem[] {
  if (result.ok) throw new Error('expected problems, the scenario loaded');
  return result.problems;
}

function only(result: LoadScenarioResult): ScenarioProblem {
  const problems = problemsOf(result);
  expect(problems.map((problem) => problem.message)).toHaveLength(1);
  return problems[0]!;
}

describe('loadScenario: a valid scenario', () => {
  it('gives the scenario document: course keys, tasks with checks, total points, lab booted from the same file', () => {
    const result = loadScenario(SMALL_SCENARIO, 'small.yaml');
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    const { scenario, source } = result;
    expect(scenario.id).toBe('small-lab');
    expect(scenario.planStep).toBe(6);
    expect(scenario.totalPoints).toBe(30);
    expect(scenario.tasks.map((task) => task.id)).toEqual(['router', 'pc']);
    expect(scenario.tasks[1]!.checks.map((check) => check.kind)).toEqual(['ping', 'config']);
    expect(scenario.tasks[1]!.hints).toEqual([]);
    expect(scenario.locked).toEqual(['SW1']);
    expect(scenario.lab.devices.map((device) => device.name)).toEqual(['R1', 'SW1', 'PC1']);
    expect(scenario.lab.links[0]!.endpoints[0].interface).toBe('GigabitEthernet0/0');
    expect(scenario.lab.name).toEqual(scenario.title);
    // Positions for later stages: the solution's first command line, a device's config.
    expect(source.solution[0]!.commands).toEqual({ line: lineOf(SMALL_SCENARIO, '      enable'), column: 7, exact: true });
    expect(source.lab.configs.R1!.line).toBe(lineOf(SMALL_SCENARIO, 'hostname R1'));
    expect(source.checks[1]![0]!.line).toBe(lineOf(SMALL_SCENARIO, 'kind: ping'));
  });

  it('keeps every line and column of the lab keys when it hands the lab part to the lab loader', () => {
    const document = parseDocument(SMALL_SCENARIO);
    const labText = extractLabText(SMALL_SCENARIO, document, 1);
    const original = SMALL_SCENARIO.split('\n');
    const masked = labText.split('\n');
    const devicesLine = lineOf(SMALL_SCENARIO, 'devices:');
    expect(masked.slice(devicesLine - 1, original.length - 1)).toEqual(original.slice(devicesLine - 1, -1));
    expect(masked.slice(0, devicesLine - 1).every((line) => line.trim() === '')).toBe(true);
    expect(labText.trimEnd().endsWith('version: 1')).toBe(true);
  });
});

describe('loadScenario: shape errors at file:line:column', () => {
  it('an unknown top-level key, with a suggestion (and name → title)', () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, 'minutes: 10', 'minuets: 10'), 's.yaml'));
    expect(problem).toMatchObject({ code: 'unknown-key', line: lineOf(SMALL_SCENARIO, 'minutes: 10'), column: 1 });
    expect(problem.message).toBe("unknown key 'minuets' in the scenario; did you mean 'minutes'?");
    const renamed = problemsOf(loadScenario(withReplaced(SMALL_SCENARIO, 'title: {vi: "Bài nhỏ", en: "Small lab"}', 'name: {vi: "Bài nhỏ", en: "Small lab"}'), 's.yaml'));
    expect(renamed.map((entry) => entry.message)).toContain("unknown key 'name' in the scenario; did you mean 'title'?");
  });

  it('an unknown check kind, with the closest kind', () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, 'kind: ping', 'kind: pign'), 's.yaml'));
    expect(problem).toMatchObject({ code: 'unknown-check-kind', line: lineOf(SMALL_SCENARIO, 'kind: ping'), column: 15 });
    expect(problem.message).toBe("unknown check kind 'pign'; did you mean 'ping'?");
  });

  it("an unknown key inside a check, suggested from that kind's own keys", () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, '        from: PC1', '        form: PC1'), 's.yaml'));
    expect(problem).toMatchObject({ code: 'unknown-key', line: lineOf(SMALL_SCENARIO, 'from: PC1'), column: 9 });
    expect(problem.message).toBe("unknown key 'form' in tasks[1].checks[0]; did you mean 'from'?");
  });

  it('a single text where Vietnamese and English are required', () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, 'title: {vi: "Máy trạm", en: "The PC"}', 'title: "The PC"'), 's.yaml'));
    expect(problem.message).toBe('tasks[1].title: expected the Vietnamese and English text as a mapping {vi: …, en: …}; got a single text');
    expect(problem.line).toBe(lineOf(SMALL_SCENARIO, 'title: {vi: "Máy trạm"'));
  });

  it('a plan step outside 1–10 and a level not in the list (with a suggestion)', () => {
    const problems = problemsOf(loadScenario(withReplaced(withReplaced(SMALL_SCENARIO, 'planStep: 6', 'planStep: 11'), 'level: beginner', 'level: beginer'), 's.yaml'));
    expect(problems.map((problem) => problem.message)).toEqual([
      "level: 'beginer' is not allowed; expected one of beginner, intermediate, advanced (did you mean 'beginner'?)",
      'planStep: 11 is too large; expected at most 10',
    ]);
  });

  it('a newer format version is refused with a message to update', () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, 'version: 1', 'version: 2'), 's.yaml'));
    expect(problem).toMatchObject({ code: 'unsupported-version', line: 1, column: 10 });
    expect(problem.message).toMatch(/newer than this V6Lab reads/);
  });

  it('YAML syntax errors stop the load with their position', () => {
    const problems = problemsOf(loadScenario('version: 1\nid: [unclosed\n', 's.yaml'));
    expect(problems[0]!.code).toBe('yaml-syntax');
  });
});

describe('loadScenario: meaning errors, all at once', () => {
  it('devices and interfaces named in checks, faults, locks and the solution must exist', () => {
    let text = withReplaced(SMALL_SCENARIO, '        from: PC1', '        from: PC9');
    text = withReplaced(text, 'interface: R1:g0/0', 'interface: R1:g0/7');
    text = withReplaced(text, 'locked: [SW1]', 'locked: [SW2]');
    text = withReplaced(text, '  - device: R1\n    commands', '  - device: R2\n    commands');
    const problems = problemsOf(loadScenario(text, 's.yaml'));
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [lineOf(text, 'locked: [SW2]'), "there is no device 'SW2' in this lab; did you mean 'SW1'?"],
      [lineOf(text, 'interface: R1:g0/7'), 'R1 has no interface GigabitEthernet0/7; it has GigabitEthernet0/0 … GigabitEthernet0/3 (and may create subinterfaces such as GigabitEthernet0/0.10, Loopback0 … Loopback2147483647, Tunnel0 … Tunnel2147483647, Null0)'],
      [lineOf(text, 'from: PC9'), "there is no device 'PC9' in this lab; did you mean 'PC1'?"],
      [lineOf(text, 'device: R2'), "there is no device 'R2' in this lab; did you mean 'R1'?"],
    ]);
  });

  it("points must add up to totalPoints; task ids are unique; a prefix must parse; a regex must compile", () => {
    let text = withReplaced(SMALL_SCENARIO, 'totalPoints: 30', 'totalPoints: 100');
    text = withReplaced(text, '  - id: pc', '  - id: router');
    text = withReplaced(text, "match: '^ipv6 unicast-routing$'", "match: '^ipv6 (unicast'");
    text = withReplaced(text, '        address: 2001:db8:6803:10::1\n', '        prefix: 2001:db8:6803:10::1/64\n');
    const problems = problemsOf(loadScenario(text, 's.yaml'));
    const messages = problems.map((problem) => problem.message);
    expect(messages).toContain("totalPoints is 100 but the tasks' points add up to 30");
    expect(messages).toContain(`task id 'router' is used twice; the first is at line ${lineOf(text, '  - id: router')}`);
    expect(messages.some((message) => message.startsWith('not a prefix:'))).toBe(true);
    expect(messages.some((message) => message.startsWith('not a valid regular expression'))).toBe(true);
    expect(problems.every((problem) => problem.file === 's.yaml' && problem.line > 1)).toBe(true);
  });

  it('a config check whose pattern needs backtracking (backreference, lookahead) is refused with the construct named, in both languages', () => {
    for (const [pattern, en, vi] of [
      ['(ipv6) \\1', 'not a valid regular expression: backreferences such as `\\1` are not supported (patterns run in linear time, RE2 syntax)', 'tham chiếu ngược'],
      ['^ipv6 (?!nd)', 'not a valid regular expression: lookahead and lookbehind such as `(?!…)` are not supported (patterns run in linear time, RE2 syntax)', 'nhìn trước/nhìn sau'],
    ] as const) {
      const text = withReplaced(SMALL_SCENARIO, "match: '^ipv6 unicast-routing$'", `match: '${pattern}'`);
      const loaded = loadScenario(text, 's.yaml');
      const problems = problemsOf(loaded);
      expect(problems.map((problem) => problem.message)).toContain(en);
      expect(problems.find((problem) => problem.message === en)?.line).toBe(lineOf(text, `match: '${pattern}'`));
      expect(JSON.stringify(problems)).toContain(vi);
    }
  });

  it('a fault or a solution step on a locked device is refused (the trainee could not fix it or do it)', () => {
    const text = withReplaced(SMALL_SCENARIO, 'locked: [SW1]', 'locked: [R1]');
    const messages = problemsOf(loadScenario(text, 's.yaml')).map((problem) => problem.message);
    expect(messages).toContain('the solution changes R1, which is locked: the trainee could not do the same');
    const withFault = withReplaced(SMALL_SCENARIO, 'solution:', 'faults:\n  - kind: shutdown\n    interface: SW1:Gi1/0/1\n  - kind: unplug\n    link: R1:g0/1\nsolution:');
    const faultMessages = problemsOf(loadScenario(withFault, 's.yaml')).map((problem) => problem.message);
    expect(faultMessages).toEqual(['a fault on SW1, which is locked: the trainee could not fix it', 'R1:GigabitEthernet0/1 has no cable in this lab, so there is nothing to unplug']);
  });

  it("the lab part is checked by the lab loader, at the scenario's own lines", () => {
    const text = withReplaced(SMALL_SCENARIO, '["PC1:Ethernet0", "SW1:Gi1/0/2"]', '["PC1:Ethernet0", "SW1:Gi1/0/1"]');
    const problem = only(loadScenario(text, 's.yaml'));
    expect(problem.code).toBe('port-in-use');
    expect(problem.line).toBe(lineOf(text, '"PC1:Ethernet0"'));
  });

  it('an empty hint list is an error; hints may be left out', () => {
    const problem = only(loadScenario(withReplaced(SMALL_SCENARIO, '    hints:\n      - {vi: "Dùng ipv6 address.", en: "Use ipv6 address."}', '    hints: []'), 's.yaml'));
    expect(problem.message).toBe('tasks[0].hints: needs at least 1 item');
  });
});

describe('loadScenario never throws', () => {
  it('on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = loadScenario(text, 'fuzz.yaml');
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('on the fixture with any one line deleted (property)', () => {
    const lines = SMALL_SCENARIO.split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), (index) => {
        const result = loadScenario([...lines.slice(0, index), ...lines.slice(index + 1)].join('\n'), 'cut.yaml');
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
