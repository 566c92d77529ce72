/**
 * Regular expressions written by users — a console's `| include`/`| exclude`/`| section`/`| begin`
 * filters and a scenario `config` check's `match`/`section` — compiled by re2js (RE2 semantics:
 * matching time linear in the pattern times the text, whatever the pattern), so `^(.+)+!$` on a
 * long line returns at once instead of backtracking for minutes.
 * RE2 leaves out what needs backtracking: backreferences (`\1`, `\k<name>`) and lookaround
 * (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`); those, a repeat count over 1000 and a pattern over
 * USER_REGEX_MAX_LENGTH characters are refused with a message saying which construct it was,
 * in English and Vietnamese. Everything else common to JavaScript and IOS patterns (classes,
 * anchors, alternation, `\d\w\s\b`, counted repeats) means the same.
 * Leaves out: IOS's `_` delimiter class (write `(^|[ ,{}()]|$)`), JavaScript-only escapes (`\cX`, `\uXXXX`: write the character).
 */
import { RE2JS } from 're2js';
import type { BilingualText } from '../devices/catalog';

/** Longest pattern accepted: a filter or a check is one line, not a program. */
export const USER_REGEX_MAX_LENGTH = 1000;

export interface UserRegex {
  readonly source: string;
  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean;
}

export type UserRegexProblemKind = 'backreference' | 'lookaround' | 'too-long' | 'syntax';

export type CompiledUserRegex =
  | { readonly ok: true; readonly value: UserRegex }
  | { readonly ok: false; readonly kind: UserRegexProblemKind; readonly message: BilingualText };

/** Compiles `source`; a pattern RE2 cannot run is an error value with its reason, never a throw. */
export function compileUserRegex(source: string, options: { readonly caseInsensitive?: boolean } = {}): CompiledUserRegex {
  if (source.length > USER_REGEX_MAX_LENGTH) {
    return refuse('too-long', `the pattern is ${source.length} characters long; at most ${USER_REGEX_MAX_LENGTH} are accepted`, `biểu thức dài ${source.length} ký tự; tối đa ${USER_REGEX_MAX_LENGTH} ký tự`);
  }
  try {
    const compiled = RE2JS.compile(source, options.caseInsensitive === true ? RE2JS.CASE_INSENSITIVE : 0);
    return { ok: true, value: { source, test: (text) => compiled.test(text) } };
  } catch (error) {
    return explain(error);
  }
}

function refuse(kind: UserRegexProblemKind, en: string, vi: string): CompiledUserRegex {
  return { ok: false, kind, message: { en, vi } };
}

/** Turns re2js's syntax error into the construct the user wrote. */
function explain(error: unknown): CompiledUserRegex {
  const description = typeof (error as { getDescription?: unknown }).getDescription === 'function' ? String((error as { getDescription(): string }).getDescription()) : String(error);
  const fragment = typeof (error as { getPattern?: unknown }).getPattern === 'function' ? ((error as { getPattern(): string | null }).getPattern() ?? '') : '';
  if (/^\\([1-9]|k)/.test(fragment)) {
    return refuse(
      'backreference',
      `backreferences such as \`${fragment.slice(0, 2)}\` are not supported (patterns run in linear time, RE2 syntax)`,
      `không hỗ trợ tham chiếu ngược như \`${fragment.slice(0, 2)}\` (biểu thức chạy theo thời gian tuyến tính, cú pháp RE2)`,
    );
  }
  const lookaround = /^\(\?(=|!|<=|<!)/.exec(fragment);
  if (lookaround !== null) {
    const construct = `(?${lookaround[1]}…)`;
    return refuse(
      'lookaround',
      `lookahead and lookbehind such as \`${construct}\` are not supported (patterns run in linear time, RE2 syntax)`,
      `không hỗ trợ nhìn trước/nhìn sau như \`${construct}\` (biểu thức chạy theo thời gian tuyến tính, cú pháp RE2)`,
    );
  }
  const where = fragment === '' ? '' : `: \`${fragment}\``;
  return refuse('syntax', `${description}${where}`, `cú pháp không hợp lệ: ${description}${where}`);
}
