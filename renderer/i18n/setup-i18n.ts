/**
 * The renderer's i18n instance: every user-facing string comes from vi.json or en.json
 * (Vietnamese first, English one click away). Resources are bundled, so nothing is fetched;
 * init is synchronous, so the first frame already has its strings.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLanguage } from '../../electron/ipc-contract';
import en from './en.json';
import vi from './vi.json';

export const DEFAULT_LANGUAGE: AppLanguage = 'vi';
export const translations = { vi, en } as const;

export function createI18n(language: AppLanguage = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['vi', 'en'],
    resources: { vi: { translation: vi }, en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}
