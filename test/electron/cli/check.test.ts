import { describe, expect, it } from 'vitest';
import { checkScenarioCommand, formatCheckTable, readLanguage } from '../../../electron/cli/commands/check';
import { streamText } from '../../../electron/cli/commands/run';
import { runCli } from '../../../electron/cli/program';
import { SMALL_SCENARIO, lineOf, withReplaced } from '../../sim-core/lab/scenario/scenario-fixture';

function check(text: string, options: Parameters<typeof checkScenarioCommand>[2]) {
  const outcome = checkScenarioCommand('small.yaml', text, options);
  return { exitCode: outcome.exitCode, stdout: streamText(outcome.output, 'out'), stderr: streamText(outcome.output, 'err') };
}

describe('v6lab check', () => {
  it('exits 0 with --solution when every check passes, and prints the table and the score', () => {
    const { exitCode, stdout, stderr } = check(SMALL_SCENARIO, { solution: true });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('small-lab: Small lab (solution applied, seed 1)');
    expect(lines[2]).toMatch(/^TASK +CHECK +RESULT +EXPLANATION$/);
    expect(lines[3]).toMatch(/^router +R1 g0\/0 has 2001:db8:6803:10::1\/64 +pass +R1 GigabitEthernet0\/0 has 2001:db8:6803:10::1\/64\.$/);
    expect(lines[4]).toMatch(/^pc +PC1 pings 2001:db8:6803:10::1 \(IPv6\) successfully +pass +PC1 → 2001:db8:6803:10::1 \(IPv6\): 5\/5 replies\.$/);
    expect(stdout).toContain('score 30/30; 2/2 tasks and 3/3 checks pass');
  });

  it('proves the starting state: exit 0 and "every task fails at start", each row saying what it saw', () => {
    const { exitCode, stdout, stderr } = check(SMALL_SCENARIO, {});
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('(starting state, seed 1)');
    expect(stdout).toMatch(/FAIL +R1 GigabitEthernet0\/0 does not have 2001:db8:6803:10::1\/64/);
    expect(stdout).toContain('score 0/30; 0/2 tasks and 0/3 checks pass');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('every task fails at start');
    expect(check(SMALL_SCENARIO, { lang: 'vi' }).stdout).toContain('mọi nhiệm vụ đều chưa đạt ở trạng thái ban đầu');
  });

  it('warns with exit 3 for each task that already passes at start, and says so in --json', () => {
    // R1 already routes IPv6 in its start config: the config check of task pc passes, but the ping does not,
    // so only a task made of that check alone passes at start.
    const text = withReplaced(
      withReplaced(SMALL_SCENARIO, '      hostname R1\n', '      hostname R1\n      ipv6 unicast-routing\n'),
      '      - kind: ping\n        from: PC1\n        to: 2001:db8:6803:10::1\n',
      '',
    );
    const { exitCode, stderr } = check(text, {});
    expect(exitCode).toBe(3);
    expect(stderr).toBe('small.yaml: warning: task pc already passes at start (a trainee scores it without doing anything)\n');
    const report = JSON.parse(streamText(checkScenarioCommand('small.yaml', text, { json: true }).output, 'out')) as { passingAtStart: string[]; ok: boolean };
    expect(report).toMatchObject({ passingAtStart: ['pc'], ok: false });
  });

  it('prints check texts in full, however long', () => {
    const title = 'PC1 reaches the router at its global address after SLAAC has configured the PC from the router advertisement';
    const text = withReplaced(SMALL_SCENARIO, '      - kind: ping\n', `      - kind: ping\n        title: {vi: "PC1 tới router", en: "${title}"}\n`);
    const { stdout } = check(text, {});
    expect(stdout).toContain(title);
    expect(stdout).not.toContain('…');
  });

  it("reports an 'exit' that ends the console session, naming the line it swallows and suggesting 'end'", () => {
    const text = withReplaced(SMALL_SCENARIO, '      enable\n      configure terminal\n', '      enable\n      exit\n      configure terminal\n');
    const { exitCode, stderr } = check(text, { solution: true });
    expect(exitCode).toBe(1);
    expect(stderr).toContain(
      `small.yaml:${lineOf(text, '      exit')}:7: error: R1 refused solution line 'exit': 'exit' ended the console session (the device now waits for RETURN; the next line 'configure terminal' is taken as that RETURN); use 'end' to leave configuration mode`,
    );
  });

  it("reports a refused 'configure terminal' in user EXEC once, suggesting 'enable', without a cascade", () => {
    const text = withReplaced(SMALL_SCENARIO, '      enable\n      configure terminal\n', '      configure terminal\n');
    const { exitCode, stderr } = check(text, { solution: true });
    expect(exitCode).toBe(1);
    const errors = stderr.split('\n').filter((line) => line.includes(': error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`small.yaml:${lineOf(text, 'configure terminal')}:7: error: R1 refused solution line 'configure terminal': % Invalid input detected at '^' marker. — R1 is in user EXEC mode (R1>): type 'enable' first; the 4 lines after it in this step were not typed`);
  });

  it('prints the table in Vietnamese with --lang vi', () => {
    const { stdout } = check(SMALL_SCENARIO, { solution: true, lang: 'vi' });
    expect(stdout.split('\n')[0]).toBe('small-lab: Bài nhỏ (đã áp dụng lời giải, seed 1)');
    expect(stdout).toMatch(/^NHIỆM VỤ +KIỂM TRA +KẾT QUẢ +GIẢI THÍCH$/m);
    expect(stdout).toContain('điểm 30/30; đạt 2/2 nhiệm vụ, 3/3 kiểm tra');
  });

  it('exits 1 for an invalid scenario, every problem at file:line:column', () => {
    const text = withReplaced(withReplaced(SMALL_SCENARIO, 'kind: ping', 'kind: pign'), 'minutes: 10', 'minuets: 10');
    const { exitCode, stdout, stderr } = check(text, { solution: true });
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `small.yaml:${lineOf(text, 'minuets')}:1: error: unknown key 'minuets' in the scenario; did you mean 'minutes'?`,
        `small.yaml:${lineOf(text, 'kind: pign')}:15: error: unknown check kind 'pign'; did you mean 'ping'?`,
        '2 errors in small.yaml',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 when a solution line is refused, naming its scenario line', () => {
    const text = withReplaced(SMALL_SCENARIO, '      ipv6 unicast-routing\n      interface', '      ipv6 unicast-routeing\n      interface');
    const { exitCode, stderr } = check(text, { solution: true });
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`small.yaml:${lineOf(text, 'ipv6 unicast-routeing')}:7: error: R1 refused solution line 'ipv6 unicast-routeing'`);
  });

  it('--json reports the tasks, checks and problems for scripts', () => {
    const outcome = checkScenarioCommand('small.yaml', SMALL_SCENARIO, { solution: true, json: true });
    const report = JSON.parse(streamText(outcome.output, 'out')) as { ok: boolean; score: number; max: number; tasks: { id: string; passed: boolean; checks: { kind: string; explanation: { vi: string; en: string } }[] }[] };
    expect(report).toMatchObject({ ok: true, score: 30, max: 30 });
    expect(report.tasks.map((task) => [task.id, task.passed, task.checks.map((entry) => entry.kind)])).toEqual([
      ['router', true, ['address']],
      ['pc', true, ['ping', 'config']],
    ]);
    expect(report.tasks[1]!.checks[0]!.explanation.vi).toContain('gói có phản hồi');
  });

  it('exits 2 for bad arguments and unreadable files', async () => {
    expect(check(SMALL_SCENARIO, { seed: 'x' }).exitCode).toBe(2);
    expect(readLanguage('fr')).toEqual({ ok: false, error: "--lang 'fr': expected en or vi" });
    const err: string[] = [];
    const code = await runCli(['check', 'no/such/scenario.yaml'], { out: () => undefined, err: (text) => void err.push(text) });
    expect(code).toBe(2);
    expect(err.join('')).toContain("v6lab check: cannot read 'no/such/scenario.yaml': no such file");
  });

  it('runs through the program on a bundled scenario (exit 0 with the solution and without: every task fails at start)', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => void out.push(text), err: () => undefined };
    expect(await runCli(['check', 'scenarios/m02-dual-stack-slaac.yaml', '--solution'], io)).toBe(0);
    expect(await runCli(['check', 'scenarios/m02-dual-stack-slaac.yaml'], io)).toBe(0);
    expect(out.join('')).toContain('every task fails at start');
  });

  it('formats an empty result as the header alone', () => {
    expect(formatCheckTable([], 'en')).toBe('TASK  CHECK  RESULT  EXPLANATION\n');
  });
});
