/**
 * The language v6lab speaks: `--lang vi|en` on the program (so every subcommand gets it:
 * `v6lab --lang vi run lab.yaml` or `v6lab run lab.yaml --lang vi`), defaulting to Vietnamese
 * when the environment's locale (LC_ALL, else LANG, as POSIX orders them) starts with `vi`,
 * else English. Problem texts come from sim-core (problem-text.ts); the tool's own words
 * (summaries, headings) are picked with `say`. Device consoles print what their OS prints.
 */
import type { ProblemLanguage } from '../../sim-core/lab/problem-text';

export type Language = ProblemLanguage;

export const LANGUAGES: readonly Language[] = ['en', 'vi'];

/** The locale default: vi when LC_ALL (or, when it is unset or empty, LANG) starts with `vi`. */
export function defaultLanguage(env: Readonly<Record<string, string | undefined>> | undefined): Language {
  const locale = env?.LC_ALL !== undefined && env.LC_ALL !== '' ? env.LC_ALL : (env?.LANG ?? '');
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function readLanguage(text: string | undefined, fallback: Language = 'en'): { ok: true; value: Language } | { ok: false; error: string } {
  if (text === undefined) return { ok: true, value: fallback };
  if (text === 'en' || text === 'vi') return { ok: true, value: text };
  return { ok: false, error: `--lang '${text}': expected en or vi` };
}

/** One of two texts by language. */
export function say(language: Language, en: string, vi: string): string {
  return language === 'vi' ? vi : en;
}

/** `2 errors in lab.yaml` / `2 lỗi trong lab.yaml`. */
export function errorCountLine(errors: number, fileName: string, language: Language): string {
  return say(language, `${errors} error${errors === 1 ? '' : 's'} in ${fileName}`, `${errors} lỗi trong ${fileName}`);
}
