/**
 * The top bar: the app's mark, title and the lab's file name (with a dot while unsaved) on the
 * left, the toolbar in the middle, the language switch on the right.
 */
import { useTranslation } from 'react-i18next';
import { pickLabText } from '../canvas/zone-label';
import { baseName } from '../files/lab-files';
import { useAppStore } from '../state/app-store-context';
import { CourseButton } from '../scenario/course-button';
import { isLabDirty } from '../state/lab-slice';
import { LanguageSwitch } from './language-switch';
import { Toolbar } from './toolbar';

export function TopBar() {
  const { t } = useTranslation();
  const filePath = useAppStore((state) => state.filePath);
  const labName = useAppStore((state) => state.lab.name);
  const language = useAppStore((state) => state.language);
  const dirty = useAppStore(isLabDirty);
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <svg className="top-bar__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M16 2.5 27.7 9.25v13.5L16 29.5 4.3 22.75V9.25Z" fill="currentColor" />
          <path d="M8.6 11.2 11.6 20.4l3-9.2M23.2 11.4c-2.9-.9-5.3 1.1-5.3 5.6" fill="none" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="20.6" cy="17.9" r="2.6" fill="none" stroke="#fff" strokeWidth="1.9" />
        </svg>
        <h1 className="top-bar__title" data-testid="app-title">{t('app.title')}</h1>
        <span className="top-bar__file" data-testid="file-name" title={filePath ?? undefined}>
          {filePath !== null ? baseName(filePath) : labName !== undefined ? pickLabText(labName, language) : t('file.untitled')}
          {dirty && <span className="top-bar__dirty" data-testid="dirty-marker" title={t('file.unsaved')} aria-label={t('file.unsaved')} />}
        </span>
      </div>
      <Toolbar />
      <CourseButton />
      <LanguageSwitch />
    </header>
  );
}
