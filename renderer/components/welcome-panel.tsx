/**
 * The welcome card shown over an empty lab on first start: the course first (guided, graded
 * exercises: where a new trainee should begin), then the bundled sample lab or an empty
 * diagram, and four short "how to" steps. Works with no network.
 */
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { useAppStore } from '../state/app-store-context';

const STEPS = ['welcome.step.place', 'welcome.step.connect', 'welcome.step.edit', 'welcome.step.save'] as const;

export function WelcomePanel() {
  const { t } = useTranslation();
  const { fileCommands } = useAppServices();
  const dismissWelcome = useAppStore((state) => state.dismissWelcome);
  const setScenarioPane = useAppStore((state) => state.setScenarioPane);
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 className="welcome__title" id="welcome-title">{t('welcome.title')}</h2>
      <p className="welcome__intro">{t('welcome.intro')}</p>
      <div className="welcome__course">
        <p className="welcome__course-text">{t('welcome.courseText')}</p>
        <button type="button" className="button button--primary" data-testid="welcome-course" onClick={() => setScenarioPane('course')}>
          {t('welcome.course')}
        </button>
      </div>
      <ol className="welcome__steps">
        {STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <div className="welcome__actions">
        <button type="button" className="button" data-testid="welcome-open-sample" onClick={() => void fileCommands.run({ kind: 'open-sample' })}>
          {t('welcome.openSample')}
        </button>
        <button type="button" className="button" data-testid="welcome-start-empty" onClick={dismissWelcome}>
          {t('welcome.startEmpty')}
        </button>
      </div>
    </section>
  );
}

/** After the welcome card is closed, an empty lab still offers the sample. */
export function SampleLabButton() {
  const { t } = useTranslation();
  const { fileCommands } = useAppServices();
  return (
    <button type="button" className="button canvas-area__sample" data-testid="welcome-open-sample" onClick={() => void fileCommands.run({ kind: 'open-sample' })}>
      {t('welcome.openSample')}
    </button>
  );
}
