/**
 * The bilingual message layer of the lab and scenario loaders: every problem a person reads
 * (lab file, boot, scenario) carries its English `message` and its Vietnamese `messageVi`, both
 * built from the same parameters (names, line numbers, expected values, suggestions). Messages
 * are written next to each other where the problem is found (`bilingualMessage(en, vi)`), and the
 * phrases shared by many messages (what a value is, what was expected, "did you mean") live here
 * as small typed tables, so a new message cannot be added in one language only: the problem
 * types require both.
 * Every message is one line of printable text: a control character, a line break or a bidi
 * control quoted from the file is written as an escape (`\n`, `\u202e`), so a value cannot split
 * a problem over two lines, reorder what it says, or send ESC sequences to a terminal.
 * Leaves out: the devices' own output (IOS, Windows and Linux print English) quoted inside a
 * message stays as the device printed it.
 */
import type { BilingualText } from '../devices/catalog';
import { escapeUnprintable, maskUnprintable } from './printable-text';

/** The two languages of the app and of `v6lab --lang`. */
export type ProblemLanguage = 'vi' | 'en';

export const PROBLEM_LANGUAGES: readonly ProblemLanguage[] = ['en', 'vi'];

/** A message in both languages. */
export type ProblemMessage = BilingualText;

export function bilingualMessage(en: string, vi: string): ProblemMessage {
  return { en: escapeUnprintable(en), vi: escapeUnprintable(vi) };
}

/** The same text in both languages (file names, a device's own error text). */
export function untranslated(text: string): ProblemMessage {
  const printable = escapeUnprintable(text);
  return { en: printable, vi: printable };
}

/** A problem's text in one language. */
export function problemMessage(problem: { readonly message: string; readonly messageVi: string }, language: ProblemLanguage): string {
  return language === 'vi' ? problem.messageVi : problem.message;
}

/** The word for a severity as the compiler-style line prints it. */
export function severityWord(severity: 'error' | 'warning', language: ProblemLanguage): string {
  if (language === 'en') return severity;
  return severity === 'error' ? 'lỗi' : 'cảnh báo';
}

/** Joins two messages with a separator per language. */
export function joinMessages(parts: readonly ProblemMessage[], separator = '; '): ProblemMessage {
  return { en: parts.map((part) => part.en).join(separator), vi: parts.map((part) => part.vi).join(separator) };
}

/** `'text'` cut to 60 characters, as every message quotes user text. */
export function quoteValue(text: string): string {
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;
}

/** What a plain-data value is, in words: `'abc'`, `3`, `a list`. */
export function describeValue(value: unknown): ProblemMessage {
  if (value === undefined) return { en: 'nothing', vi: 'không có gì' };
  if (value === null) return { en: 'an empty value', vi: 'một giá trị rỗng' };
  if (typeof value === 'string') return untranslated(quoteValue(value));
  if (typeof value === 'number' || typeof value === 'boolean') return untranslated(String(value));
  if (Array.isArray(value)) return { en: 'a list', vi: 'một danh sách' };
  return { en: 'a mapping', vi: 'một mapping (khóa: giá trị)' };
}

const EXPECTED_TYPES: Readonly<Record<string, ProblemMessage>> = {
  string: { en: 'a text', vi: 'một chuỗi văn bản' },
  number: { en: 'a number', vi: 'một số' },
  int: { en: 'a whole number', vi: 'một số nguyên' },
  boolean: { en: 'true or false', vi: 'true hoặc false' },
  object: { en: 'a mapping (key: value lines)', vi: 'một mapping (các dòng khóa: giá trị)' },
  array: { en: 'a list (lines starting with -)', vi: 'một danh sách (các dòng bắt đầu bằng -)' },
};

/** A zod type name (`string`, `array` …) in words. */
export function describeExpected(expected: string): ProblemMessage {
  return EXPECTED_TYPES[expected] ?? untranslated(expected);
}

/** `did you mean 'x'?` */
export function didYouMean(suggestion: string): ProblemMessage {
  return { en: `did you mean '${suggestion}'?`, vi: `ý bạn là '${suggestion}'?` };
}

/** `expected one of a, b, c` (or `expected a` for a single choice). */
export function expectedOneOf(options: readonly string[]): ProblemMessage {
  if (options.length === 1) return { en: `expected ${options[0]}`, vi: `cần là ${options[0]}` };
  return { en: `expected one of ${options.join(', ')}`, vi: `cần là một trong ${options.join(', ')}` };
}

/** `the first is at line N` */
export function firstAtLine(line: number): ProblemMessage {
  return { en: `the first is at line ${line}`, vi: `lần đầu ở dòng ${line}` };
}

/** Size limits shared by the lab and scenario loaders (`must not be empty`, `is too long` …). */
export function describeSize(small: boolean, origin: string, limit: string, input: unknown): ProblemMessage {
  if (origin === 'string') {
    return small ? { en: 'must not be empty', vi: 'không được để trống' } : { en: `is too long; at most ${limit} characters`, vi: `quá dài; tối đa ${limit} ký tự` };
  }
  if (origin === 'array') {
    return small
      ? { en: `needs at least ${limit} item${limit === '1' ? '' : 's'}`, vi: `cần ít nhất ${limit} mục` }
      : { en: `has more than ${limit} items`, vi: `có nhiều hơn ${limit} mục` };
  }
  const value = describeValue(input);
  return small
    ? { en: `${value.en} is too small; expected at least ${limit}`, vi: `${value.vi} quá nhỏ; cần ít nhất ${limit}` }
    : { en: `${value.en} is too large; expected at most ${limit}`, vi: `${value.vi} quá lớn; tối đa ${limit}` };
}

/** `file:line:col: error: message` in one language. */
export function formatProblemLine(
  problem: { readonly file: string; readonly line: number; readonly column: number; readonly severity: 'error' | 'warning'; readonly message: string; readonly messageVi: string },
  language: ProblemLanguage,
): string {
  return `${escapeUnprintable(problem.file)}:${problem.line}:${problem.column}: ${severityWord(problem.severity, language)}: ${escapeUnprintable(problemMessage(problem, language))}`;
}

/** A located problem with, maybe, the text it is about (a config line, a YAML line and caret). */
type ExcerptedProblem = Parameters<typeof formatProblemLine>[0] & { readonly excerpt?: string };

/** `file:line:col: error: message` in one language, the excerpt indented under it. */
export function formatProblemWithExcerpt(problem: ExcerptedProblem, language: ProblemLanguage): string {
  const head = formatProblemLine(problem, language);
  if (problem.excerpt === undefined) return head;
  return `${head}\n${problem.excerpt
    .split('\n')
    .map((line) => `    ${maskUnprintable(line)}`)
    .join('\n')}`;
}

/** The same in both languages, for a UI that may switch language after the text is made. */
export function formatProblemBilingual(problem: ExcerptedProblem): BilingualText {
  return { en: formatProblemWithExcerpt(problem, 'en'), vi: formatProblemWithExcerpt(problem, 'vi') };
}

