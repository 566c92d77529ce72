/**
 * The top bar: the app's mark and title on the left, the language switch on the right.
 */
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <svg className="top-bar__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M16 2.5 27.7 9.25v13.5L16 29.5 4.3 22.75V9.25Z" fill="currentColor" />
          <path d="M10.5 12.5 13.5 20l3-7.5M22 13.2a2.6 2.6 0 1 0 .1 4.9M19.5 15.6c0-2.6 1-3.6 2.6-3.6" fill="none" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h1 className="top-bar__title" data-testid="app-title">{t('app.title')}</h1>
        <span className="top-bar__subtitle">{t('app.subtitle')}</span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
