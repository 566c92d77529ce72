/**
 * The top bar's Course button: opens the course browser (or the scenario in progress), and
 * closes the pane when it is open.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';

export function CourseButton() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.scenarioPane);
  const hasScenario = useAppStore((state) => state.activeScenario !== null);
  const setPane = useAppStore((state) => state.setScenarioPane);
  const open = view !== 'closed';
  return (
    <button
      type="button"
      className="tool-button tool-button--text course-button"
      aria-pressed={open}
      title={t('scenario.course.buttonHint')}
      data-testid="course-button"
      onClick={() => setPane(open ? 'closed' : hasScenario ? 'scenario' : 'course')}
    >
      <span className="tool-button__label">{t('scenario.course.button')}</span>
    </button>
  );
}
