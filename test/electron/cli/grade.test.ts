import { describe, expect, it } from 'vitest';
import { iosRuntimeOf } from '../../../sim-core/console/ios/ios-runtime';
import { formatConfigBody } from '../../../sim-core/console/ios/running-config';
import { gradeScenarioCommand, traineeNameOf } from '../../../electron/cli/commands/grade';
import { streamText } from '../../../electron/cli/commands/run';
import { serializeLab } from '../../../sim-core/lab/serialize-lab';
import { loadScenario } from '../../../sim-core/lab/scenario/load-scenario';
import { serializeProgress } from '../../../sim-core/lab/scenario/progress';
import { applySolution, SOLUTION_CONVERGE_NS } from '../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../sim-core/lab/scenario/start-scenario';
import { SMALL_SCENARIO } from '../../sim-core/lab/scenario/scenario-fixture';

const loaded = loadScenario(SMALL_SCENARIO, 'small.yaml');
if (!loaded.ok) throw new Error('fixture does not load');
const scenario = loaded.scenario;

/** The lab file a trainee saves after doing the whole exercise: running-configs of the IOS devices. */
function solvedLabText(): string {
  const { session } = startScenario(scenario, { seed: 5 });
  applySolution(session, scenario);
  session.runFor(SOLUTION_CONVERGE_NS);
  const devices = scenario.lab.devices.map((device) => (device.kind === 'pc' ? device : { ...device, config: formatConfigBody(iosRuntimeOf(session.network.device(device.name)).config) }));
  return serializeLab({ ...scenario.lab, devices });
}

/** A trainee who only enabled IPv6 routing: half the work, saved as a progress file. */
function halfDoneProgressText(): string {
  const { session } = startScenario(scenario, { seed: 5 });
  for (const line of ['enable', 'configure terminal', 'ipv6 unicast-routing', 'end']) session.exec('R1', line);
  const devices = scenario.lab.devices.map((device) => (device.name === 'R1' ? { ...device, config: formatConfigBody(iosRuntimeOf(session.network.device('R1')).config) } : device));
  return serializeProgress({ scenario: scenario.id, hintsShown: {}, tasks: {}, lab: { ...scenario.lab, devices } });
}

describe('v6lab grade', () => {
  const works = [
    { path: 'class/nguyen-van-an.v6lab.yaml', text: solvedLabText() },
    { path: 'class/tran-thi-binh.progress.yaml', text: halfDoneProgressText() },
  ];

  it('prints one row per trainee: name from the file, score, pass/fail per task', () => {
    const outcome = gradeScenarioCommand('small.yaml', SMALL_SCENARIO, works, {});
    expect(outcome.exitCode).toBe(0);
    expect(streamText(outcome.output, 'out')).toBe(['small-lab: Small lab', '', 'TRAINEE        SCORE  router  pc', 'nguyen-van-an  30/30  pass    pass', 'tran-thi-binh  0/30   fail    fail', ''].join('\n'));
  });

  it('--csv: header, 1/0 per task, CRLF lines (RFC 4180)', () => {
    const outcome = gradeScenarioCommand('small.yaml', SMALL_SCENARIO, works, { csv: true });
    expect(streamText(outcome.output, 'out')).toBe(
      ['trainee,file,score,max,router,pc,notes', 'nguyen-van-an,class/nguyen-van-an.v6lab.yaml,30,30,1,1,', 'tran-thi-binh,class/tran-thi-binh.progress.yaml,0,30,0,0,', ''].join('\r\n'),
    );
  });

  it('--json: the rows for scripts', () => {
    const outcome = gradeScenarioCommand('small.yaml', SMALL_SCENARIO, works, { json: true });
    const report = JSON.parse(streamText(outcome.output, 'out')) as { max: number; rows: { trainee: string; score: number; tasks: Record<string, boolean> }[] };
    expect(report.max).toBe(30);
    expect(report.rows.map((row) => [row.trainee, row.score, row.tasks])).toEqual([
      ['nguyen-van-an', 30, { router: true, pc: true }],
      ['tran-thi-binh', 0, { router: false, pc: false }],
    ]);
  });

  it('a file that cannot be graded gets a row saying why (score 0) and exit 1; other rows still graded', () => {
    const broken = { path: 'class/le-van-cuong.v6lab.yaml', text: 'version: 1\ndevices:\n  - name: R1\n    kind: routr\n' };
    const wrongScenario = { path: 'class/pham-dung.progress.yaml', text: halfDoneProgressText().replace('scenario: small-lab', 'scenario: m02-dual-stack-slaac') };
    const outcome = gradeScenarioCommand('small.yaml', SMALL_SCENARIO, [works[0]!, broken, wrongScenario], {});
    expect(outcome.exitCode).toBe(1);
    expect(outcome.rows.map((row) => [row.trainee, row.score, row.error])).toEqual([
      ['nguyen-van-an', 30, undefined],
      ['le-van-cuong', 0, "class/le-van-cuong.v6lab.yaml:4:11: error: devices[0].kind: 'routr' is not allowed; expected one of router, l3-switch, switch, access-point, pc, server (did you mean 'router'?)"],
      ['pham-dung', 0, "class/pham-dung.progress.yaml: this work file is for scenario 'm02-dual-stack-slaac', not 'small-lab'"],
    ]);
    expect(streamText(outcome.output, 'out')).toContain('le-van-cuong: not graded:');
  });

  it('exits 2 for usage errors', () => {
    expect(gradeScenarioCommand('small.yaml', SMALL_SCENARIO, [], {}).exitCode).toBe(2);
    expect(gradeScenarioCommand('small.yaml', SMALL_SCENARIO, works, { csv: true, json: true }).exitCode).toBe(2);
  });

  it('names trainees after their files', () => {
    expect(traineeNameOf('a/b/nguyen-van-an.progress.yaml')).toBe('nguyen-van-an');
    expect(traineeNameOf('tran.v6lab.yaml')).toBe('tran');
    expect(traineeNameOf('le.json')).toBe('le');
  });
});

describe('v6lab grade: names and claims from progress files', () => {
  it("shows the trainee's display name with diacritics, and flags a tampered score", () => {
    const text = serializeProgress({ scenario: scenario.id, trainee: 'Nguyễn Thị Ánh', hintsShown: {}, tasks: { router: 'passed' }, score: 30, lab: scenario.lab });
    const outcome = gradeScenarioCommand('small.yaml', SMALL_SCENARIO, [{ path: 'class/anh.progress.yaml', text }], {});
    expect(outcome.rows[0]).toMatchObject({ trainee: 'Nguyễn Thị Ánh', score: 0 });
    expect(outcome.rows[0]!.notes).toEqual(['tampered or stale: the file says score 30; the work grades 0', 'tampered or stale: the file says task router passed; the work does not pass it']);
    expect(streamText(outcome.output, 'out')).toMatch(/^Nguyễn Thị Ánh +0\/30 +fail +fail$/m);
  });
});
