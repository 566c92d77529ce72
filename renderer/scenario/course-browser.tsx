/**
 * The course browser: the bundled scenarios grouped by the ten steps of the conversion plan,
 * each with its title, level, time and the trainee's progress (score, done) saved on this
 * computer; files that do not load are listed with their problems instead.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import { useAppStore } from '../state/app-store-context';
import { bundledCourse } from './bundled-course';
import { readProgress, readLastOpened, scoreScenario, type ScenarioScore } from './progress-storage';
import { browserProgressStorage, useScenarioController } from './scenario-context';

function ScenarioCard({ scenario, score, last }: { scenario: Scenario; score: ScenarioScore | null; last: boolean }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const controller = useScenarioController();
  const busy = useAppStore((state) => state.scenarioActivity !== null);
  const started = score !== null;
  return (
    <li className={`course-card${score?.done ? ' course-card--done' : ''}`} data-testid={`course-scenario-${scenario.id}`}>
      <div className="course-card__head">
        <span className="course-card__title">{scenario.title[language]}</span>
        {score?.done && <span className="course-card__done" data-testid="course-done">{t('scenario.course.done')}</span>}
      </div>
      <p className="course-card__summary">{scenario.summary[language]}</p>
      <div className="course-card__meta">
        <span className={`level-badge level-badge--${scenario.level}`}>{t(`scenario.level.${scenario.level}`)}</span>
        <span>{t('scenario.minutes', { count: scenario.minutes })}</span>
        {started && (
          <span className="course-card__score" data-testid="course-score">
            {t('scenario.course.progress', { score: score.score, max: score.max, passed: score.passedTasks, total: score.totalTasks })}
          </span>
        )}
      </div>
      <button type="button" className={`button${last || !started ? ' button--primary' : ''}`} disabled={busy} data-testid={`course-open-${scenario.id}`} onClick={() => void controller.open(scenario)}>
        {started ? t('scenario.course.continue') : t('scenario.course.start')}
      </button>
    </li>
  );
}

export function CourseBrowser() {
  const { t } = useTranslation();
  const course = useMemo(bundledCourse, []);
  const language = useAppStore((state) => state.language);
  const setPane = useAppStore((state) => state.setScenarioPane);
  const active = useAppStore((state) => state.activeScenario);
  // Re-read saved progress whenever the browser is shown (a check may have changed it).
  const taskStates = useAppStore((state) => state.taskStates);
  const storage = useMemo(browserProgressStorage, []);
  const scores = useMemo(() => {
    const entries = new Map<string, ScenarioScore>();
    for (const scenario of course.byId.values()) {
      const saved = active?.id === scenario.id ? { tasks: taskStates } : readProgress(storage, scenario.id);
      if (saved !== null) entries.set(scenario.id, scoreScenario(scenario, saved.tasks));
    }
    return entries;
  }, [course, storage, active, taskStates]);
  const last = useMemo(() => readLastOpened(storage), [storage, active]);

  return (
    <div className="course-browser" data-testid="course-browser">
      <div className="scenario-pane__header">
        <h2 className="scenario-pane__title">{t('scenario.course.title')}</h2>
        {active !== null && (
          <button type="button" className="button" data-testid="course-back-to-scenario" onClick={() => setPane('scenario')}>
            {t('scenario.course.backToScenario')}
          </button>
        )}
        <button type="button" className="icon-button" title={t('scenario.close')} aria-label={t('scenario.close')} data-testid="scenario-pane-close" onClick={() => setPane('closed')}>
          ×
        </button>
      </div>
      <p className="course-browser__intro">{t('scenario.course.intro')}</p>
      <ol className="course-steps">
        {course.steps.map(({ step, scenarios }) => (
          <li key={step} className={`course-step${scenarios.length === 0 ? ' course-step--empty' : ''}`} data-testid={`course-step-${step}`}>
            <h3 className="course-step__title">
              <span className="course-step__number">{step}</span>
              <span>{t(`scenario.planStep.${step}`)}</span>
            </h3>
            {scenarios.length === 0 ? (
              <p className="course-step__none">{t('scenario.course.noScenarios')}</p>
            ) : (
              <ul className="course-cards">
                {scenarios.map((scenario) => (
                  <ScenarioCard key={scenario.id} scenario={scenario} score={scores.get(scenario.id) ?? null} last={last === scenario.id} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {course.broken.length > 0 && (
        <section className="course-broken" data-testid="course-broken">
          <h3>{t('scenario.course.broken')}</h3>
          {course.broken.map((item) => (
            <details key={item.path}>
              <summary>{t('scenario.course.brokenFile', { file: item.path, count: item.problems.length })}</summary>
              <pre>{item.problems.map((problem) => problem[language]).join('\n')}</pre>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
