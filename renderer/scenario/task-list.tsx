/**
 * The task list: each task with its points, its state (passed, failed, not checked yet), a
 * Check button, what each of its checks saw (bilingual explanations from sim-core's check
 * kinds), and its hints revealed one at a time.
 */
import { useTranslation } from 'react-i18next';
import type { TaskResult } from '../../sim-core/lab/scenario/run-checks';
import type { ScenarioTask } from '../../sim-core/lab/scenario/scenario-document';
import { useAppStore } from '../state/app-store-context';
import { MarkdownView } from './markdown-view';
import { useScenarioController } from './scenario-context';

/** What each check of a task saw, in the app's language. */
function CheckResults({ result }: { result: TaskResult }) {
  const language = useAppStore((state) => state.language);
  return (
    <ul className="task__checks" data-testid="task-checks">
      {result.checks.map((check) => (
        <li key={check.index} className={`check check--${check.passed ? 'passed' : 'failed'}`} data-testid="check-result" data-passed={check.passed}>
          <span className="check__mark" aria-hidden="true">
            {check.passed ? '✓' : '✗'}
          </span>
          <div>
            <div className="check__description">{check.description[language]}</div>
            <div className="check__explanation">{check.explanation[language]}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}

function TaskItem({ task, index }: { task: ScenarioTask; index: number }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const result = useAppStore((state) => state.taskResults[task.id]);
  const taskState = useAppStore((state) => state.taskStates[task.id]);
  const shown = useAppStore((state) => state.hintsShown[task.id] ?? 0);
  const activity = useAppStore((state) => state.scenarioActivity);
  const controller = useScenarioController();
  const checking = activity?.kind === 'check' && (activity.taskId === task.id || activity.taskId === null);
  const state = taskState ?? 'unchecked';
  // A passed task keeps the hints already read but offers no more.
  const hintsVisible = task.hints.length !== 0 && (shown !== 0 || state !== 'passed');
  return (
    <li className={`task task--${state}`} data-testid={`task-${task.id}`} data-state={state}>
      <div className="task__head">
        <span className={`task__mark task__mark--${state}`} aria-hidden="true">
          {state === 'passed' ? '✓' : state === 'failed' ? '✗' : index + 1}
        </span>
        <div className="task__title">
          <span>{task.title[language]}</span>
          <span className="task__state" data-testid="task-state">
            {t(`scenario.task.state.${state}`)}
            <span className="task__points">{t('scenario.points', { count: task.points })}</span>
          </span>
        </div>
        <button type="button" className="button task__check" disabled={activity !== null} data-testid="task-check" onClick={() => void controller.check(task.id)}>
          {checking ? t('scenario.checking') : t('scenario.task.check')}
        </button>
      </div>
      {result !== undefined && (result.passed ? (
        <details className="task__details">
          <summary>{t('scenario.task.allPassed', { count: result.checks.length })}</summary>
          <CheckResults result={result} />
        </details>
      ) : (
        <CheckResults result={result} />
      ))}
      {result === undefined && taskState !== undefined && <p className="task__stale">{t('scenario.task.savedState')}</p>}
      {hintsVisible && (
        <div className="task__hints">
          {task.hints.slice(0, shown).map((hint, hintIndex) => (
            <div key={hintIndex} className="hint" data-testid="hint">
              <span className="hint__label">{t('scenario.hint.label', { number: hintIndex + 1 })}</span>
              <MarkdownView source={hint[language]} />
            </div>
          ))}
          {shown < task.hints.length && taskState !== 'passed' && (
            <button type="button" className="link-button" data-testid="task-hint" onClick={() => controller.revealHint(task.id)}>
              {shown === 0 ? t('scenario.hint.show', { count: task.hints.length }) : t('scenario.hint.next', { shown, count: task.hints.length })}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function TaskList({ tasks }: { tasks: readonly ScenarioTask[] }) {
  return (
    <ol className="tasks" data-testid="task-list">
      {tasks.map((task, index) => (
        <TaskItem key={task.id} task={task} index={index} />
      ))}
    </ol>
  );
}
