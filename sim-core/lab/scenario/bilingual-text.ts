/**
 * Bilingual text in scenarios: every string a trainee reads exists in Vietnamese and English
 * (`{vi: …, en: …}`), both required and non-empty, unlike a lab's `name`, which may be one
 * string. The zod schema here is what the scenario schema and every check kind use; `bilingual`
 * builds a value in code (check explanations), `joinBilingual` joins several.
 */
import { z } from 'zod';
import type { BilingualText } from '../../devices/catalog';

export type { BilingualText };

export const BILINGUAL_TEXT_SCHEMA = z
  .strictObject({
    vi: z.string().min(1).meta({ description: 'Tiếng Việt' }),
    en: z.string().min(1).meta({ description: 'English' }),
  })
  .meta({ description: 'Text shown to trainees, in Vietnamese and English: {vi: …, en: …}.' });

export function bilingual(vi: string, en: string): BilingualText {
  return { vi, en };
}

/** Joins texts language by language. */
export function joinBilingual(parts: readonly BilingualText[], separator = ' '): BilingualText {
  return { vi: parts.map((part) => part.vi).join(separator), en: parts.map((part) => part.en).join(separator) };
}

/** One language of a text. */
export function textIn(text: BilingualText, language: 'vi' | 'en'): string {
  return text[language];
}
