/**
 * One scenario in the pane: its title and score, Check all, Reset lab (confirmed), Save my work
 * (the progress file `v6lab grade` takes), the instructions (markdown, in the app's language)
 * and the task list in two tabs, the locked devices, and instructor mode (confirmed), which
 * shows the reference solution per device and types it at the consoles.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLockedDevice, type Scenario } from '../../sim-core/lab/scenario/scenario-document';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { MarkdownView } from './markdown-view';
import { scoreScenario } from './progress-storage';
import { saveTextFile } from './save-text-file';
import { useScenarioController } from './scenario-context';
import { countHintsUsed } from './scenario-slice';
import { TaskList } from './task-list';

type Tab = 'instructions' | 'tasks';
type Confirming = 'reset' | 'instructor' | null;

function SolutionPanel({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const controller = useScenarioController();
  const busy = useAppStore((state) => state.scenarioActivity !== null);
  const applying = useAppStore((state) => state.scenarioActivity?.kind === 'solution');
  return (
    <section className="solution" data-testid="solution">
      <h3>{t('scenario.instructor.solution')}</h3>
      {scenario.solution.map((step, index) => (
        <div key={index} className="solution__step">
          <div className="solution__device">{step.device}</div>
          <pre>{step.commands.trimEnd()}</pre>
        </div>
      ))}
      <button type="button" className="button button--primary" disabled={busy} data-testid="solution-apply" onClick={() => void controller.applySolution()}>
        {applying ? t('scenario.instructor.applying') : t('scenario.instructor.apply')}
      </button>
    </section>
  );
}

/** The lab's devices as buttons that open their consoles (a locked one is marked). */
function DeviceConsoles({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const devices = useAppStore((state) => state.lab.devices);
  const openConsole = useAppStore((state) => state.openConsole);
  return (
    <div className="scenario-devices" data-testid="scenario-devices">
      <span className="scenario-devices__label">{t('scenario.devices')}</span>
      {devices.map((device) => {
        const locked = isLockedDevice(scenario, device.name);
        return (
          <button
            key={device.name}
            type="button"
            className={`device-chip${locked ? ' device-chip--locked' : ''}`}
            title={locked ? t('scenario.lockedDevice', { name: device.name }) : t('scenario.openConsole', { name: device.name })}
            data-testid={`scenario-console-${device.name}`}
            onClick={() => openConsole(device.name)}
            data-locked={locked}
          >
            {locked && <LockIcon />}
            {device.name}
          </button>
        );
      })}
    </div>
  );
}

/** The lock marker of a locked device: a drawn padlock (an emoji shows as a box on many Linux desktops). */
function LockIcon() {
  return (
    <svg className="device-chip__lock" viewBox="0 0 12 14" width="10" height="12" aria-hidden="true" data-testid="lock-icon">
      <path d="M3.5 6V4.2a2.5 2.5 0 0 1 5 0V6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="1.5" y="6" width="9" height="7" rx="1.5" fill="currentColor" />
    </svg>
  );
}

export function ScenarioView({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const controller = useScenarioController();
  const storeApi = useAppStoreApi();
  const language = useAppStore((state) => state.language);
  const taskStates = useAppStore((state) => state.taskStates);
  const hintsShown = useAppStore((state) => state.hintsShown);
  const activity = useAppStore((state) => state.scenarioActivity);
  const instructorMode = useAppStore((state) => state.instructorMode);
  const setInstructorMode = useAppStore((state) => state.setInstructorMode);
  const setPane = useAppStore((state) => state.setScenarioPane);
  const [tab, setTab] = useState<Tab>('instructions');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const score = scoreScenario(scenario, taskStates);
  const hintsUsed = countHintsUsed(hintsShown);
  const busy = activity !== null;
  const percent = score.max === 0 ? 0 : Math.round((score.score / score.max) * 100);

  const checkAll = () => {
    setTab('tasks');
    void controller.check();
  };
  const save = async () => {
    const exported = await controller.exportProgress();
    if (exported === null) return;
    try {
      await saveTextFile(exported.fileName, exported.text);
    } catch (error) {
      storeApi.getState().setStatus({ key: 'scenario.status.failed', values: { message: error instanceof Error ? error.message : String(error) } });
    }
  };

  return (
    <div className="scenario-view" data-testid="scenario-view" data-scenario={scenario.id}>
      <div className="scenario-pane__header">
        <button type="button" className="link-button" data-testid="scenario-back" onClick={() => setPane('course')}>
          {t('scenario.backToCourse')}
        </button>
        {controller.hasKeptLab && (
          // The trainee's own lab was kept aside when this scenario opened: this ends the scenario (progress saved) and brings it back.
          <button type="button" className="link-button" data-testid="scenario-back-to-my-lab" disabled={busy} onClick={() => void controller.close().then(() => setPane('closed'))}>
            {t('scenario.backToMyLab')}
          </button>
        )}
        <button type="button" className="icon-button" title={t('scenario.close')} aria-label={t('scenario.close')} data-testid="scenario-pane-close" onClick={() => setPane('closed')}>
          ×
        </button>
      </div>
      <h2 className="scenario-view__title" data-testid="scenario-title">
        {scenario.title[language]}
      </h2>
      <div className="scenario-view__meta">
        <span className={`level-badge level-badge--${scenario.level}`}>{t(`scenario.level.${scenario.level}`)}</span>
        <span>{t('scenario.minutes', { count: scenario.minutes })}</span>
        <span>{t('scenario.stepShort', { step: scenario.planStep })}</span>
      </div>

      <div className="score" data-testid="scenario-score" data-score={score.score} data-max={score.max}>
        <div className="score__numbers">
          <span className="score__value">{t('scenario.score.value', { score: score.score, max: score.max })}</span>
          <span className="score__detail">
            {t('scenario.score.detail', { passed: score.passedTasks, total: score.totalTasks })}
            {' · '}
            {t('scenario.score.hints', { count: hintsUsed })}
          </span>
        </div>
        <div className="score__bar" role="progressbar" aria-label={t('scenario.score.label')} aria-valuemin={0} aria-valuemax={score.max} aria-valuenow={score.score}>
          <div className={`score__fill${score.done ? ' score__fill--done' : ''}`} style={{ width: `${percent}%` }} />
        </div>
      </div>

      <div className="scenario-view__actions">
        <button type="button" className="button button--primary" disabled={busy} data-testid="scenario-check-all" onClick={checkAll}>
          {activity?.kind === 'check' && activity.taskId === null ? t('scenario.checking') : t('scenario.checkAll')}
        </button>
        <button type="button" className="button" disabled={busy} data-testid="scenario-save" title={t('scenario.saveWorkHint')} onClick={() => void save()}>
          {t('scenario.saveWork')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} data-testid="scenario-reset" onClick={() => setConfirming('reset')}>
          {t('scenario.reset.button')}
        </button>
      </div>

      {confirming !== null && (
        <div className="scenario-confirm" role="alertdialog" aria-label={t(`scenario.confirm.${confirming}.title`)} data-testid="scenario-confirm">
          <p>{t(`scenario.confirm.${confirming}.text`)}</p>
          <div className="scenario-confirm__buttons">
            <button type="button" className="button" data-testid="scenario-confirm-cancel" onClick={() => setConfirming(null)}>
              {t('scenario.confirm.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="scenario-confirm-ok"
              onClick={() => {
                if (confirming === 'reset') void controller.reset();
                else setInstructorMode(true);
                setConfirming(null);
              }}
            >
              {t(`scenario.confirm.${confirming}.ok`)}
            </button>
          </div>
        </div>
      )}


      <div className="scenario-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'instructions'} className="scenario-tab" data-testid="tab-instructions" onClick={() => setTab('instructions')}>
          {t('scenario.tab.instructions')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'tasks'} className="scenario-tab" data-testid="tab-tasks" onClick={() => setTab('tasks')}>
          {t('scenario.tab.tasks', { passed: score.passedTasks, total: score.totalTasks })}
        </button>
      </div>
      <div className="scenario-view__body" role="tabpanel">
        <DeviceConsoles scenario={scenario} />
        {scenario.locked.length > 0 && (
          <p className="scenario-view__locked" data-testid="scenario-locked">
            {t('scenario.locked', { devices: scenario.locked.join(', ') })}
          </p>
        )}
        {tab === 'instructions' ? <MarkdownView source={scenario.instructions[language]} testId="scenario-instructions" /> : <TaskList tasks={scenario.tasks} />}
        <div className="instructor">
          <label className="instructor__toggle">
            <input
              type="checkbox"
              checked={instructorMode}
              data-testid="instructor-toggle"
              onChange={(event) => {
                if (event.target.checked) setConfirming('instructor');
                else setInstructorMode(false);
              }}
            />
            {t('scenario.instructor.toggle')}
          </label>
          {instructorMode && <SolutionPanel scenario={scenario} />}
        </div>
      </div>
    </div>
  );
}
