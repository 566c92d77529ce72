/**
 * `question`: a question the trainee answers in the pane (for the plan's steps 1, 2 and 7, and
 * for "why" questions in any module), graded from the answers saved in the progress file, not
 * from the network. Three types:
 * - `single`: one of `choices` (exactly one id in `correct`);
 * - `multiple`: a set of `choices`; right when the set chosen equals `correct`;
 * - `short`: a typed answer matched against `accepted` by `match`: `text` (case, surrounding and
 *   repeated spaces ignored), `address` (IPv6 by value, in any RFC 4291 section 2.2 text form:
 *   `2001:DB8:0:0::1` equals `2001:db8::1`) or `prefix` (RFC 4291 section 2.3: value and length
 *   both, `2001:db8:0:10::/64` equals `2001:0db8:0000:0010::/64`, not `/48`).
 * `explanation` is shown after the trainee answers, whether right or not.
 * Answers are keyed by the question's `id` (unique in the scenario). Leaves out: free-text
 * answers graded by a person, partial credit for a multiple choice.
 */
import { z } from 'zod';
import { parseIpv6 } from '../../../addr/ipv6';
import { parseIpv6Prefix } from '../../../addr/prefix';
import { bilingual, BILINGUAL_TEXT_SCHEMA, type BilingualText } from '../bilingual-text';
import { CHECK_TITLE_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';

const QUESTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const choice = z
  .strictObject({
    id: z.string().regex(QUESTION_ID_PATTERN, { error: 'a choice id is lower-case letters and digits joined by hyphens, e.g. a or link-local' }).max(32),
    text: BILINGUAL_TEXT_SCHEMA,
  })
  .meta({ description: 'One choice: its id (what the progress file stores) and its text.' });

const schema = z
  .strictObject({
    kind: z.literal('question'),
    title: CHECK_TITLE_FIELD,
    id: z
      .string()
      .regex(QUESTION_ID_PATTERN, { error: (issue) => `question id ${JSON.stringify(issue.input)} should be lower-case letters and digits joined by hyphens, e.g. why-64` })
      .max(64)
      .meta({ description: "Unique in the scenario; the progress file's `answers` name questions by it.", examples: ['why-64', 'link-local-prefix'] }),
    type: z.enum(['single', 'multiple', 'short']).meta({ description: 'single: one choice; multiple: a set of choices; short: a typed answer.' }),
    prompt: BILINGUAL_TEXT_SCHEMA.meta({ description: 'The question (markdown).' }),
    choices: z.array(choice).min(2).max(12).optional().meta({ description: 'For single and multiple: the choices, in the order shown.' }),
    correct: z.array(z.string().min(1)).min(1).optional().meta({ description: 'For single and multiple: the ids of the right choices (one for single).' }),
    accepted: z.array(z.string().min(1)).min(1).optional().meta({ description: 'For short: the accepted answers.' }),
    match: z.enum(['text', 'address', 'prefix']).optional().meta({ description: 'For short: how an answer is compared (default text; address and prefix compare IPv6 by value).' }),
    explanation: BILINGUAL_TEXT_SCHEMA.meta({ description: 'Shown after the trainee answers.' }),
  })
  .meta({ description: 'A question (single choice, multiple choice or short answer), graded from the answers in the progress file.' });

export type QuestionCheck = z.infer<typeof schema>;

/** The trainee's answers: question id → choice ids (single, multiple) or the typed text (short, one element). */
export type QuestionAnswers = Readonly<Record<string, readonly string[]>>;

function normaliseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The comparable form of a short answer, or undefined when it does not parse as the match asks. */
function shortKey(text: string, match: QuestionCheck['match']): string | undefined {
  const trimmed = text.trim();
  if (match === 'address') {
    const parsed = parseIpv6(trimmed);
    return parsed.ok ? parsed.value.toString(16) : undefined;
  }
  if (match === 'prefix') {
    const parsed = parseIpv6Prefix(trimmed);
    return parsed.ok ? `${parsed.value.network.toString(16)}/${parsed.value.length}` : undefined;
  }
  return normaliseText(trimmed);
}

/** Whether an answer is right (order and repeats of choice ids do not matter). */
export function isAnswerCorrect(check: QuestionCheck, answer: readonly string[] | undefined): boolean {
  if (answer === undefined || answer.length === 0) return false;
  if (check.type === 'short') {
    const given = shortKey(answer[0]!, check.match);
    return given !== undefined && (check.accepted ?? []).some((value) => shortKey(value, check.match) === given);
  }
  const chosen = new Set(answer);
  const correct = new Set(check.correct ?? []);
  if (check.type === 'single' && chosen.size !== 1) return false;
  return chosen.size === correct.size && [...chosen].every((id) => correct.has(id));
}

/** A right answer (what `v6lab check --solution` answers): the correct choices, or the first accepted value. */
export function modelAnswer(check: QuestionCheck): readonly string[] {
  return check.type === 'short' ? [check.accepted?.[0] ?? ''] : [...(check.correct ?? [])];
}

function answerText(check: QuestionCheck, answer: readonly string[]): BilingualText {
  if (check.type === 'short') return bilingual(`'${answer[0] ?? ''}'`, `'${answer[0] ?? ''}'`);
  return bilingual(answer.join(', '), answer.join(', '));
}

export const QUESTION_CHECK = defineCheckKind({
  kind: 'question',
  schema,
  summary: bilingual('Câu hỏi: một lựa chọn, nhiều lựa chọn hoặc trả lời ngắn; chấm theo câu trả lời đã lưu.', 'A question: single choice, multiple choice or short answer, graded from the saved answers.'),
  describe(check: QuestionCheck) {
    return bilingual(`Câu hỏi ${check.id}: ${check.prompt.vi}`, `Question ${check.id}: ${check.prompt.en}`);
  },
  validate(check, context) {
    if (check.type === 'short') {
      if (check.choices !== undefined) context.error(['choices'], bilingual('câu hỏi loại short không có choices (dùng accepted)', 'a short question has no choices (use accepted)'));
      if (check.correct !== undefined) context.error(['correct'], bilingual('câu hỏi loại short dùng accepted, không dùng correct', 'a short question uses accepted, not correct'));
      if (check.accepted === undefined) {
        context.error([], bilingual('câu hỏi loại short cần accepted: các câu trả lời được chấp nhận', 'a short question needs accepted: the answers it accepts'));
        return;
      }
      check.accepted.forEach((value, index) => {
        if (shortKey(value, check.match) !== undefined) return;
        const what = check.match === 'prefix' ? bilingual('một prefix IPv6 (2001:db8::/64)', 'an IPv6 prefix (2001:db8::/64)') : bilingual('một địa chỉ IPv6', 'an IPv6 address');
        context.error(['accepted', index], bilingual(`'${value}' không phải ${what.vi} (match: ${check.match})`, `'${value}' is not ${what.en} (match: ${check.match})`));
      });
      return;
    }
    if (check.match !== undefined) context.error(['match'], bilingual('match chỉ dùng cho câu hỏi loại short', 'match is only for short questions'));
    if (check.accepted !== undefined) context.error(['accepted'], bilingual(`câu hỏi loại ${check.type} dùng correct, không dùng accepted`, `a ${check.type} question uses correct, not accepted`));
    if (check.choices === undefined) {
      context.error([], bilingual(`câu hỏi loại ${check.type} cần choices`, `a ${check.type} question needs choices`));
      return;
    }
    const ids = new Set<string>();
    check.choices.forEach((entry, index) => {
      if (ids.has(entry.id)) context.error(['choices', index, 'id'], bilingual(`id lựa chọn '${entry.id}' bị dùng hai lần`, `choice id '${entry.id}' is used twice`));
      ids.add(entry.id);
    });
    if (check.correct === undefined) {
      context.error([], bilingual('cần correct: id của (các) lựa chọn đúng', 'correct is needed: the id(s) of the right choice(s)'));
      return;
    }
    if (check.type === 'single' && check.correct.length !== 1) context.error(['correct'], bilingual(`câu hỏi một lựa chọn có đúng một đáp án; ở đây có ${check.correct.length}`, `a single-choice question has exactly one right choice; this one has ${check.correct.length}`));
    check.correct.forEach((id, index) => {
      if (!ids.has(id)) context.error(['correct', index], bilingual(`'${id}' không phải id của lựa chọn nào (${[...ids].join(', ')})`, `'${id}' is not the id of a choice (${[...ids].join(', ')})`));
    });
  },
  evaluate(check, _session, context) {
    const answer = context?.answers[check.id];
    if (answer === undefined || answer.length === 0) return { passed: false, explanation: bilingual(`Chưa trả lời câu hỏi ${check.id}.`, `Question ${check.id} is not answered yet.`) };
    const passed = isAnswerCorrect(check, answer);
    const given = answerText(check, answer);
    return {
      passed,
      explanation: passed
        ? bilingual(`Đúng (${given.vi}). ${check.explanation.vi}`, `Right (${given.en}). ${check.explanation.en}`)
        : bilingual(`Chưa đúng (${given.vi}). ${check.explanation.vi}`, `Not right (${given.en}). ${check.explanation.en}`),
    };
  },
});
