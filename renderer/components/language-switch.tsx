/**
 * The language switch in the top bar: a two-button segmented control, Vietnamese and English.
 */
import { useTranslation } from 'react-i18next';
import { APP_LANGUAGES } from '../../electron/ipc-contract';
import { useAppStore } from '../state/app-store-context';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {APP_LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={language === option}
          title={t('language.switchTo', { name: t(`language.${option}`) })}
          data-testid={`language-${option}`}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}Short`)}
        </button>
      ))}
    </div>
  );
}
