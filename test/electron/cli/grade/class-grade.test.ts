import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRoster, gradeClass } from '../../../../electron/cli/grade/class-grade';
import { runCli } from '../../../../electron/cli/program';
import { parseRoster } from '../../../../sim-core/lab/scenario/class-roster';
import { QUESTION_SCENARIO, SMALL_SCENARIO } from '../../../sim-core/lab/scenario/scenario-fixture';
import { loadedScenario, workFileText } from './class-fixture';

describe('the class roster', () => {
  it('reads id, name, agency in any order, with a BOM, quotes, ; separators and Vietnamese headers', () => {
    const roster = parseRoster('\uFEFFĐơn vị;Họ tên;Mã học viên\r\n"Sở TT&TT; phòng CNTT";Nguyễn Văn An;HV001\r\nUBND huyện;"Trần ""Bình""";HV002\r\n', 'lop.csv');
    expect(roster.problems).toEqual([]);
    expect(roster.entries).toEqual([
      { id: 'HV001', name: 'Nguyễn Văn An', agency: 'Sở TT&TT; phòng CNTT', line: 2 },
      { id: 'HV002', name: 'Trần "Bình"', agency: 'UBND huyện', line: 3 },
    ]);
  });

  it('bad rows get file:line messages and are left out; the rest stand', () => {
    const roster = parseRoster('id,name,agency\nHV001,An,Sở\nHV001,Bình,Sở\nHV003,Chi\n,Dũng,Sở\nHV005,Lê Thị Én,UBND\n', 'lop.csv');
    expect(roster.entries.map((entry) => entry.id)).toEqual(['HV001', 'HV005']);
    expect(roster.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      "lop.csv:3: trainee id 'HV001' is used twice; first at line 2",
      'lop.csv:4: this row has 2 fields; the header has 3 (a comma inside a name needs "quotes")',
      'lop.csv:5: this row has no trainee id',
    ]);
  });

  it('a missing column is one message at the header, naming what is there', () => {
    const roster = parseRoster('id,name\nHV001,An\n', 'lop.csv');
    expect(roster.entries).toEqual([]);
    expect(roster.problems[0]!.message).toBe("the roster's header has no agency column (it has: id, name); expected id,name,agency");
  });

  it('accepts UTF-8 with or without BOM and UTF-16 with BOM; refuses a Windows code page at its line', () => {
    expect(decodeRoster(new TextEncoder().encode('id,name,agency\nHV1,Ân,Sở\n'), 'r.csv', 'en')).toEqual({ ok: true, text: 'id,name,agency\nHV1,Ân,Sở\n' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'id'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeRoster(utf16, 'r.csv', 'en')).toEqual({ ok: true, text: 'id' });
    const cp1258 = new Uint8Array([...new TextEncoder().encode('id,name,agency\nHV1,'), 0xc2, 0x6e, 0x0a]);
    expect(decodeRoster(cp1258, 'r.csv', 'en')).toEqual({ ok: false, error: 'r.csv:2: the roster is not UTF-8 (a Windows code page such as 1258?); save it as "CSV UTF-8" and try again' });
  });
});

function classFolder(): { dir: string; scenarios: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'v6lab-class-'));
  const small = loadedScenario(SMALL_SCENARIO, 'small.yaml');
  const quiz = loadedScenario(QUESTION_SCENARIO.replace('id: small-lab', 'id: quiz-lab').replace('planStep: 6', 'planStep: 2'), 'quiz.yaml');
  writeFileSync(join(dir, 'small.yaml'), SMALL_SCENARIO);
  writeFileSync(join(dir, 'quiz.yaml'), QUESTION_SCENARIO.replace('id: small-lab', 'id: quiz-lab').replace('planStep: 6', 'planStep: 2'));
  writeFileSync(join(dir, 'roster.csv'), '\uFEFFid,name,agency\nHV001,Nguyễn Văn An,Sở TT&TT\nHV002,Trần Thị Bình,UBND huyện Châu Thành\nHV003,Lê Văn Cường,Sở TT&TT\nHV003,Duplicate,Sở\n');
  const work = join(dir, 'work');
  mkdirSync(join(work, 'HV001'), { recursive: true });
  writeFileSync(join(work, 'HV001', 'small.progress.yaml'), workFileText(small, { trainee: 'Nguyễn Văn An', savedAt: '2026-05-20T10:00:00+07:00' }));
  writeFileSync(join(work, 'HV001', 'quiz.progress.yaml'), workFileText(quiz, { trainee: 'Nguyễn Văn An' }));
  // HV002 did nothing but claims full marks.
  writeFileSync(join(work, 'HV002.small.progress.yaml'), workFileText(small, { trainee: 'Trần Thị Bình', steps: 0, claimScore: 30 }));
  // HV003 handed in work of a scenario that was not given.
  writeFileSync(join(work, 'HV003.other.progress.yaml'), workFileText(small, { trainee: 'Lê Văn Cường' }).replace('scenario: small-lab', 'scenario: m09-other'));
  writeFileSync(join(work, 'HV999.small.progress.yaml'), workFileText(small, { trainee: 'Người lạ' }));
  return { dir, scenarios: [join(dir, 'small.yaml'), join(dir, 'quiz.yaml')] };
}

describe('v6lab grade --roster --work: a class', () => {
  const { dir, scenarios } = classFolder();
  const input = { scenarioPaths: scenarios, rosterPath: join(dir, 'roster.csv'), workDir: join(dir, 'work'), province: 'Tỉnh Kiên Giang', seed: 1, lang: 'en' as const, today: () => '2000-01-01' };

  it('grades every trainee from the work, reports tampering, the wrong scenario, bad roster rows and strangers, and still grades the rest', async () => {
    const outcome = await gradeClass({ ...input, jobs: 1 });
    expect(outcome.exitCode).toBe(1);
    const report = outcome.report!;
    expect(report.date).toBe('2026-05-20');
    expect(report.modules.map((module) => module.id)).toEqual(['quiz-lab', 'small-lab']);
    expect(report.trainees.map((trainee) => [trainee.entry.name, trainee.cells['small-lab']?.score, trainee.cells['quiz-lab']?.score])).toEqual([
      ['Nguyễn Văn An', 30, 70],
      ['Trần Thị Bình', 0, undefined],
      ['Lê Văn Cường', undefined, undefined],
    ]);
    expect(report.moduleCompletion['small-lab']).toEqual({ completed: 1, trainees: 3, share: 1 / 3 });
    expect(report.planSteps.map((step) => [step.step, step.completed])).toEqual([[2, 1], [6, 1]]);
    expect(outcome.err).toContain(`${join(dir, 'roster.csv')}:5:1: error: trainee id 'HV003' is used twice; first at line 4`);
    expect(outcome.err).toContain(`${join(dir, 'work', 'HV003.other.progress.yaml')}: work for scenario 'm09-other', which is not among the scenarios given (small-lab, quiz-lab)`);
    expect(outcome.err).toContain(`${join(dir, 'work', 'HV999.small.progress.yaml')}: trainee 'HV999' is not in roster.csv; not graded`);
    const json = JSON.parse(outcome.files['grades.json']!) as { notes: string[] };
    expect(json.notes).toContain('HV002 Trần Thị Bình, small-lab: tampered or stale: the file says score 30; the work grades 0');
    const csv = outcome.files['grades.csv']!;
    expect(csv.startsWith('\uFEFFtrainee_id,name,agency,quiz-lab_score,quiz-lab_max,quiz-lab_completed,small-lab_score')).toBe(true);
    expect(csv).toContain('HV001,Nguyễn Văn An,Sở TT&TT,70,70,1,30,30,1,100,100\r\n');
    const html = outcome.files['report.html']!;
    expect(html).toContain('Báo cáo kết quả đào tạo IPv6 — Tỉnh Kiên Giang');
    expect(html).toContain('IPv6 training completion report — Tỉnh Kiên Giang');
    expect(html).toContain('Sở TT&amp;TT; UBND huyện Châu Thành');
    expect(html).toContain('33.3%');
  });

  it('on two worker threads gives exactly what one thread gives', async () => {
    const one = await gradeClass({ ...input, jobs: 1 });
    const two = await gradeClass({ ...input, jobs: 2 });
    expect(two.files).toEqual(one.files);
    expect(two.out).toBe(one.out);
  });

  it('runs through the program, writing the three files, with --date from the command line', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const outDir = join(dir, 'report');
    const code = await runCli(['grade', ...scenarios, '--roster', input.rosterPath, '--work', input.workDir, '--out', outDir, '--date', '2026-06-01', '--province', 'Tỉnh Kiên Giang', '--jobs', '2'], { out: (text) => void out.push(text), err: (text) => void err.push(text) });
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/^Tỉnh Kiên Giang, 2026-06-01: 3 trainees\n\nID +NAME +AGENCY +quiz-lab +small-lab +TOTAL\nHV001 +Nguyễn Văn An +Sở TT&TT +70\/70 +30\/30 +100\/100\n/);
    expect(readFileSync(join(outDir, 'report.html'), 'utf8')).toContain('Ngày: 2026-06-01');
    expect(await runCli(['grade', scenarios[0]!, '--roster', input.rosterPath], { out: () => undefined, err: () => undefined })).toBe(2);
    expect(await runCli(['grade', scenarios[0]!, '--roster', input.rosterPath, '--work', input.workDir, '--jobs', '0'], { out: () => undefined, err: () => undefined })).toBe(2);
  });
});
