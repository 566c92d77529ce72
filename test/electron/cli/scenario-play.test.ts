/**
 * Playing a scenario from the command line as its trainee meets it: `v6lab run` and
 * `v6lab console` open a scenario file in its start state (faults injected, locked devices
 * view-only), and in `v6lab console` `~check`, `~hint` and `~save FILE` do what the app's task
 * pane and "Save my work" do; the saved work file is what `v6lab grade` grades.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepareConsole } from '../../../electron/cli/commands/console';
import { runLabCommand, streamText } from '../../../electron/cli/commands/run';
import { gradeScenarioCommand } from '../../../electron/cli/commands/grade';
import { loadProgress } from '../../../sim-core/lab/scenario/progress';
import { EXIT_FAILED, EXIT_OK } from '../../../electron/cli/cli-command';

const WAN = 'scenarios/m03-static-routing-wan.yaml';
const TROUBLE = 'scenarios/m04-troubleshooting.yaml';
const SAVED_AT = '2026-12-08T03:00:00.000Z';

/** Types `lines` at `v6lab console <file> --speed max` in line mode (as a pipe does); returns what it printed and the files ~save wrote. */
function play(file: string, lines: readonly string[], language: 'en' | 'vi' = 'en'): { output: string; files: Map<string, string> } {
  let output = '';
  const files = new Map<string, string>();
  const prepared = prepareConsole(file, readFileSync(file, 'utf8'), { speed: 'max', language }, {
    raw: false,
    write: (text) => void (output += text),
    saveFile: (path, text) => {
      if (path.includes('/missing/')) return 'no such folder';
      files.set(path, text);
      return undefined;
    },
    now: () => SAVED_AT,
  });
  if (!prepared.ok) throw new Error(prepared.error);
  prepared.driver.start(prepared.banner);
  for (const line of lines) prepared.driver.inputLine(line);
  prepared.driver.endInput();
  expect(prepared.driver.finished).toBe(true);
  return { output, files };
}

const SOLUTION = [
  'enable',
  'configure terminal',
  'ipv6 route ::/0 2001:db8:6800:ff01::2',
  'ip route 0.0.0.0 0.0.0.0 10.68.0.5',
  'end',
  '~attach R-IDC',
  'enable',
  'configure terminal',
  'ipv6 route 2001:db8:6803::/48 2001:db8:6800:ff00::2',
  'ip route 192.168.0.0 255.255.0.0 10.68.0.1',
  'end',
];

describe('v6lab console on a scenario file', () => {
  it('opens it as a scenario (no "unknown key" errors), names it, its locked devices and its escapes', () => {
    const { output } = play(WAN, ['~quit']);
    expect(output).not.toMatch(/unknown key/);
    expect(output).toMatch(/^scenario m03-static-routing-wan: .*in its start state \(0 faults applied; locked \(view only\): R-WAN\)\n/);
    expect(output).toContain('Scenario escapes: ~check, ~hint, ~save <file>.');
  });

  it('lets a locked device run show lines and refuses anything else with the bilingual notice', () => {
    const { output } = play(WAN, ['~attach R-WAN', 'enable', 'show ipv6 interface brief', 'configure terminal', 'ipv6 route ::/0 Null0', 'show running-config | include ipv6 route', '~quit']);
    expect(output).toContain('2001:DB8:6800:FF01::2');
    const notice = '% R-WAN: thiết bị bị khóa trong bài này – chỉ được xem (show, ping, traceroute).\n% R-WAN is locked in this scenario: view only (show, ping, traceroute).';
    expect(output).toContain(`R-WAN#configure terminal\n${notice}\nR-WAN#`);
    expect(output).toContain(`R-WAN#ipv6 route ::/0 Null0\n${notice}\nR-WAN#`);
    // The refused lines never reached the device: it is still in exec mode and has no such route.
    expect(output).not.toContain('R-WAN(config)#');
    expect(output).not.toMatch(/ipv6 route ::\/0 Null0\n(?!%)/);
  });

  it('in a terminal (raw keys) the locked console erases a refused line and prints the notice, as in the app', () => {
    let output = '';
    const prepared = prepareConsole(WAN, readFileSync(WAN, 'utf8'), { speed: 'max', device: 'R-WAN' }, { raw: true, write: (text) => void (output += text) });
    if (!prepared.ok) throw new Error(prepared.error);
    prepared.driver.start(prepared.banner);
    prepared.driver.inputKeys('enable\r');
    prepared.driver.inputKeys('configure terminal\r');
    prepared.driver.inputKeys('show ipv6 route\r');
    expect(output).toContain('R-WAN is locked in this scenario: view only');
    expect(output).toContain('IPv6 Routing Table');
    expect(output).not.toContain('(config)#');
  });

  it('~check prints the task table as v6lab check does: all fail at start, all pass after the solution', () => {
    const start = play(WAN, ['~check', '~quit']).output;
    expect(start).toMatch(/TASK +CHECK +RESULT +EXPLANATION\n/);
    expect(start).toContain('score 0/100; 0/4 tasks');
    const solved = play(WAN, [...SOLUTION, '~check', '~quit']).output;
    expect(solved).toContain('score 100/100; 4/4 tasks and 8/8 checks pass');
    expect(solved).not.toMatch(/ FAIL /);
  });

  it('~hint gives the next hint of the first task not passed, then the next, then says they are all shown', () => {
    const { output } = play(WAN, ['~hint', '~hint', '~hint'], 'en');
    expect(output).toContain('hint 1/2 for task agency-default (IPv4/IPv6 default routes on R-STTTT):\nThe next hop is R-WAN');
    expect(output).toContain('hint 2/2 for task agency-default');
    expect(output).toContain('task agency-default: all 2 hints already shown');
    // Once agency-default passes, the next hint is for the next unfinished task.
    const later = play(WAN, [...SOLUTION.slice(0, 5), '~check', '~hint']).output;
    expect(later).toContain('hint 1/');
    expect(later).toMatch(/hint 1\/\d+ for task idc-return/);
  });

  it('speaks Vietnamese with --lang vi', () => {
    const { output } = play(WAN, ['~hint', '~check', '~save'], 'vi');
    expect(output).toContain('bài thực hành m03-static-routing-wan');
    expect(output).toContain('gợi ý 1/2 cho nhiệm vụ agency-default');
    expect(output).toMatch(/NHIỆM VỤ +KIỂM TRA +KẾT QUẢ +GIẢI THÍCH/);
    expect(output).toContain('~save cần tên tệp');
  });

  it('~save writes the work file the app writes, and v6lab grade grades it: 100 after the solution, 0 before', () => {
    const solved = play(WAN, [...SOLUTION, '~hint', '~check', '~save work/an.progress.yaml', '~save /missing/x.yaml']);
    expect(solved.output).toContain('saved the work to work/an.progress.yaml (v6lab grade grades it)');
    expect(solved.output).toContain("~save: cannot write '/missing/x.yaml': no such folder");
    const text = solved.files.get('work/an.progress.yaml')!;
    const progress = loadProgress(text, 'an.progress.yaml');
    expect(progress.ok).toBe(true);
    if (!progress.ok) return;
    expect(progress.progress).toMatchObject({ scenario: 'm03-static-routing-wan', savedAt: SAVED_AT, hintsShown: { 'agency-default': 1 }, tasks: { 'agency-default': 'passed', 'idc-return': 'passed', 'reach-idc': 'passed', path: 'passed' } });
    const routerConfig = progress.progress.lab.devices.find((device) => device.name === 'R-STTTT')!.config;
    expect(routerConfig).toContain('ipv6 route ::/0 2001:DB8:6800:FF01::2');

    const untouched = play(WAN, ['~save work/binh.progress.yaml']).files.get('work/binh.progress.yaml')!;
    const graded = gradeScenarioCommand(WAN, readFileSync(WAN, 'utf8'), [
      { path: 'work/an.progress.yaml', text },
      { path: 'work/binh.progress.yaml', text: untouched },
    ], { csv: true });
    expect(graded.rows.map((row) => [row.trainee, row.score, row.error])).toEqual([
      ['an', 100, undefined],
      ['binh', 0, undefined],
    ]);
  });

  it('opens a troubleshooting scenario with its faults injected', () => {
    const { output } = play(TROUBLE, ['~attach R-STC', 'enable', 'show running-config interface GigabitEthernet0/0', '~quit']);
    expect(output).toMatch(/in its start state \(\d+ faults applied/);
    expect(output).toMatch(/ipv6 address 2001:DB8:6803:110::1\/112/i);
    expect(output).not.toMatch(/ipv6 address 2001:DB8:6803:110::1\/64/i);
  });
});

describe('v6lab run on a scenario file', () => {
  it('runs in the start state: faults injected, show lines on a locked device run, a change is refused (exit 1)', () => {
    const shown = runLabCommand(TROUBLE, readFileSync(TROUBLE, 'utf8'), { exec: ['R-STC: enable; show running-config interface GigabitEthernet0/0'] });
    expect(shown.exitCode).toBe(EXIT_OK);
    expect(streamText(shown.output, 'err')).toMatch(/^scenario m04-troubleshooting: /);
    expect(streamText(shown.output, 'out')).toMatch(/ipv6 address 2001:DB8:6803:110::1\/112/i);

    const locked = runLabCommand(WAN, readFileSync(WAN, 'utf8'), { exec: ['R-WAN: enable; show ipv6 route; configure terminal'] });
    expect(locked.exitCode).toBe(EXIT_FAILED);
    expect(streamText(locked.output, 'out')).toContain('IPv6 Routing Table');
    expect(streamText(locked.output, 'err')).toContain("v6lab run: 'configure terminal' refused on R-WAN:\n% R-WAN: thiết bị bị khóa");
  });

  it('reports a broken scenario file with its scenario problems, not as a lab', () => {
    const text = readFileSync(WAN, 'utf8').replace('locked: [R-WAN]', 'locked: [R-NOPE]');
    const outcome = runLabCommand(WAN, text, {});
    expect(outcome.exitCode).toBe(EXIT_FAILED);
    expect(streamText(outcome.output, 'err')).toMatch(/R-NOPE/);
    expect(streamText(outcome.output, 'err')).not.toMatch(/unknown key/);
  });
});
