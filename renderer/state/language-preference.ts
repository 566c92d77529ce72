/**
 * Remembers the chosen language between runs (localStorage, which works in the sandboxed
 * renderer and in a browser). Anything unexpected in storage reads as "no preference".
 */
import { APP_LANGUAGES, type AppLanguage } from '../../electron/ipc-contract';

const STORAGE_KEY = 'v6lab.language';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);
}

export function readLanguagePreference(storage: Pick<Storage, 'getItem'> | undefined): AppLanguage | null {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return isAppLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeLanguagePreference(storage: Pick<Storage, 'setItem'> | undefined, language: AppLanguage): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage full or disabled: the choice lasts for this run only.
  }
}
