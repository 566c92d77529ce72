import { describe, expect, it } from 'vitest';
import { isAnswerCorrect, QUESTION_CHECK, type QuestionCheck } from '../../../../sim-core/lab/scenario/checks/question-check';
import { gradeLab, gradeProgress, modelAnswers } from '../../../../sim-core/lab/scenario/grade';
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { loadProgress, serializeProgress } from '../../../../sim-core/lab/scenario/progress';
import { runChecks } from '../../../../sim-core/lab/scenario/run-checks';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import { buildWorkProgress } from '../../../../sim-core/lab/scenario/work-file';
import { lineOf, QUESTION_SCENARIO, withReplaced } from './scenario-fixture';

function scenario(text = QUESTION_SCENARIO): Scenario {
  const loaded = loadScenario(text, 'quiz.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n'));
  return loaded.scenario;
}

function question(id: string): QuestionCheck {
  return scenario().tasks.flatMap((task) => task.checks).find((check) => check.kind === 'question' && check.id === id) as unknown as QuestionCheck;
}

describe('question checks: the answers that count as right', () => {
  it('single choice: exactly the right choice', () => {
    const why = question('why-64');
    expect(isAnswerCorrect(why, ['b'])).toBe(true);
    expect(isAnswerCorrect(why, ['a'])).toBe(false);
    expect(isAnswerCorrect(why, ['a', 'b'])).toBe(false);
    expect(isAnswerCorrect(why, [])).toBe(false);
    expect(isAnswerCorrect(why, undefined)).toBe(false);
  });

  it('multiple choice: the same set, in any order, nothing missing or extra', () => {
    const multiple = { ...question('why-64'), type: 'multiple', choices: [...question('why-64').choices!, { id: 'c', text: { vi: 'c', en: 'c' } }], correct: ['a', 'c'] } as QuestionCheck;
    expect(isAnswerCorrect(multiple, ['c', 'a'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
  });

  it('address: by value in every RFC 4291 text form (full, compressed, upper case, leading zeros)', () => {
    const address = question('router-address');
    for (const form of ['2001:db8:6803:10::1', '2001:0DB8:6803:0010:0000:0000:0000:0001', ' 2001:db8:6803:10:0:0:0:1 ', '2001:db8:6803:10::0:1']) expect(isAnswerCorrect(address, [form]), form).toBe(true);
    for (const form of ['2001:db8:6803:10::2', '2001:db8:6803:10::1/64', 'R1', '']) expect(isAnswerCorrect(address, [form]), form).toBe(false);
  });

  it('prefix: by value and length; host bits set or another length are wrong', () => {
    const prefix = question('lan-prefix');
    for (const form of ['2001:db8:6803:10::/64', '2001:0db8:6803:0010:0000::/64', '2001:DB8:6803:10:0:0:0:0/64']) expect(isAnswerCorrect(prefix, [form]), form).toBe(true);
    for (const form of ['2001:db8:6803:10::/48', '2001:db8:6803:10::1/64', '2001:db8:6803:10::']) expect(isAnswerCorrect(prefix, [form]), form).toBe(false);
  });

  it('text: case and spaces do not matter', () => {
    const text = { ...question('router-address'), match: 'text', accepted: ['Router Advertisement'] } as QuestionCheck;
    expect(isAnswerCorrect(text, ['  router   advertisement '])).toBe(true);
    expect(isAnswerCorrect(text, ['router solicitation'])).toBe(false);
  });
});

describe('question checks in a scenario', () => {
  it('fail unanswered; pass with the right answers, the explanation shown either way, in both languages', () => {
    const s = scenario();
    const { session } = startScenario(s, { seed: 1 });
    const unanswered = runChecks(s, session, ['quiz'])[0]!;
    expect(unanswered.checks[0]!.explanation).toEqual({ vi: 'Chưa trả lời câu hỏi why-64.', en: 'Question why-64 is not answered yet.' });
    const wrong = runChecks(s, session, ['quiz'], { answers: { 'why-64': ['a'] } })[0]!.checks[0]!;
    expect(wrong).toMatchObject({ passed: false, explanation: { en: 'Not right (a). RFC 4291 section 2.5.1: 64-bit interface identifiers.', vi: 'Chưa đúng (a). RFC 4291 mục 2.5.1: định danh giao diện 64 bit.' } });
    const right = runChecks(s, session, ['quiz'], { answers: modelAnswers(s) })[0]!;
    expect(right.passed).toBe(true);
    expect(right.checks[1]!.explanation.en).toBe("Right ('2001:db8:6803:10::1'). See show ipv6 interface brief.");
    expect(QUESTION_CHECK.describe(question('why-64'))).toEqual({ vi: 'Câu hỏi why-64: Vì sao mạng LAN dùng /64?', en: 'Question why-64: Why does a LAN use a /64?' });
  });

  it('are validated at their line: a right answer that is no choice, two right answers for single, an accepted value that is not an address, a duplicate id', () => {
    let text = withReplaced(QUESTION_SCENARIO, 'correct: [b]', 'correct: [b, z]');
    text = withReplaced(text, 'accepted: ["2001:db8:6803:10::1"]', 'accepted: ["2001:db8:6803:10::1::1"]');
    text = withReplaced(text, 'id: lan-prefix', 'id: why-64');
    const loaded = loadScenario(text, 'quiz.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const messages = loaded.problems.map((problem) => `${problem.line}: ${problem.message}`);
    expect(messages).toContain(`${lineOf(text, 'correct: [b, z]')}: a single-choice question has exactly one right choice; this one has 2`);
    expect(messages).toContain(`${lineOf(text, 'correct: [b, z]')}: 'z' is not the id of a choice (a, b)`);
    expect(messages).toContain(`${lineOf(text, '2001:db8:6803:10::1::1')}: '2001:db8:6803:10::1::1' is not an IPv6 address (match: address)`);
    expect(messages.some((message) => message.startsWith(`${lineOf(text, 'id: why-64', 'router-address')}: question id 'why-64' is used twice`))).toBe(true);
  });

  it('are graded from the answers saved in the work file, which round-trips through YAML', () => {
    const s = scenario();
    const progress = buildWorkProgress(s, { lab: s.lab, configs: {}, hintsShown: {}, tasks: {}, answers: { 'why-64': ['b'], 'router-address': ['2001:DB8:6803:10:0:0:0:1'], 'lan-prefix': ['2001:db8:6803:10::/64'] }, trainee: 'Nguyễn Văn An' });
    const text = serializeProgress(progress);
    expect(text).toContain('answers:\n  why-64:\n    - b\n');
    const loaded = loadProgress(text, 'an.progress.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    expect(loaded.progress.answers).toEqual(progress.answers);
    const graded = gradeProgress(s, loaded.progress, { seed: 1 });
    expect(graded.tasks.map((task) => [task.taskId, task.passed])).toEqual([['router', false], ['pc', false], ['quiz', true]]);
    expect(graded.score).toBe(40);
    expect(gradeLab(s, loaded.progress.lab, { seed: 1 }).score).toBe(0);
  });
});
