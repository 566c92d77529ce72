/**
 * The simulation's controls: realtime or simulation, the virtual clock, and then the speed
 * (realtime, a strip between the canvas and the terminal dock) or step back, play/pause and step forward
 * and how fast Play steps (simulation, at the head of the simulation panel, as in Packet Tracer). The clock text is written straight into the DOM on every batch
 * (60 times a second in realtime) instead of re-rendering React.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import { PLAY_SPEEDS, ROW_CLASSES, SIM_SPEEDS } from '../sim/sim-protocol';
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from './control-icons';
import { formatClock } from './time-format';
import './timeline.css';

/** `strip`: between the canvas and the terminal dock (realtime); `panel`: the head of the simulation panel. */
export function ModeBar({ placement }: { placement: 'strip' | 'panel' }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { client } = useSim();
  const mode = useAppStore((state) => state.simMode);
  const speed = useAppStore((state) => state.simSpeed);
  const playing = useAppStore((state) => state.simPlaying);
  const playSpeed = useAppStore((state) => state.simPlaySpeed);
  const clockRef = useRef<HTMLSpanElement>(null);
  const [stepsBack, setStepsBack] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const show = () => {
      const clock = client.clock;
      if (clock === null) return;
      if (clockRef.current) clockRef.current.textContent = formatClock(clock.nowNs);
      setStepsBack(clock.stepsBack);
    };
    show();
    return client.onEvent(show);
  }, [client]);

  const step = async (direction: 'forward' | 'back') => {
    if (busy) return;
    setBusy(true);
    store.getState().setSimPlaying(false);
    try {
      if (direction === 'forward') {
        const hidden = store.getState().hiddenClasses;
        const classes = ROW_CLASSES.filter((c) => !hidden.includes(c));
        const reply = await client.request('step-forward', { classes });
        if (!reply.stepped) store.getState().setStatus({ key: 'timeline.nothingMore' });
      } else {
        await client.request('step-back', null);
      }
    } catch (error) {
      store.getState().setStatus({ key: 'sim.failed', values: { message: error instanceof Error ? error.message : String(error) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`mode-bar mode-bar--${placement}`} role="toolbar" aria-label={t('timeline.controls')} data-testid="mode-bar">
      <div className="mode-bar__modes" role="radiogroup" aria-label={t('timeline.mode')}>
        <button type="button" role="radio" aria-checked={mode === 'realtime'} className="mode-bar__mode" data-testid="mode-realtime" onClick={() => store.getState().setSimMode('realtime')}>
          {t('timeline.realtime')}
        </button>
        <button type="button" role="radio" aria-checked={mode === 'simulation'} className="mode-bar__mode" data-testid="mode-simulation" onClick={() => store.getState().setSimMode('simulation')}>
          {t('timeline.simulation')}
        </button>
      </div>
      <span className="mode-bar__clock" title={t('timeline.clockHint')}>
        <span className="mode-bar__clock-label">{t('timeline.clock')}</span>
        <span ref={clockRef} className="mode-bar__clock-value" data-testid="sim-clock">
          0:00:00.000
        </span>
      </span>
      {mode === 'realtime' ? (
        <div className="mode-bar__group">
          <button type="button" className="mode-bar__button" aria-pressed={!playing} data-testid="sim-pause" onClick={() => store.getState().setSimPlaying(!playing)} title={playing ? t('timeline.pauseHint') : t('timeline.resumeHint')}>
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <span className="mode-bar__label">{t('timeline.speed')}</span>
          {SIM_SPEEDS.map((value) => (
            <button key={value} type="button" className="mode-bar__speed" aria-pressed={speed === value} data-testid={`sim-speed-${value}`} onClick={() => store.getState().setSimSpeed(value)}>
              {value}×
            </button>
          ))}
        </div>
      ) : (
        <div className="mode-bar__group">
          <button type="button" className="mode-bar__button" disabled={busy || stepsBack === 0} data-testid="sim-step-back" onClick={() => void step('back')} title={t('timeline.stepBackHint')}>
            <StepBackIcon /> {t('timeline.stepBack')}
          </button>
          <button type="button" className="mode-bar__button mode-bar__button--play" aria-pressed={playing} data-testid="sim-play" onClick={() => store.getState().setSimPlaying(!playing)} title={t('timeline.playHint')}>
            {playing ? <PauseIcon /> : <PlayIcon />} {playing ? t('timeline.pause') : t('timeline.play')}
          </button>
          <button type="button" className="mode-bar__button" disabled={busy} data-testid="sim-step-forward" onClick={() => void step('forward')} title={t('timeline.stepForwardHint')}>
            {t('timeline.stepForward')} <StepForwardIcon />
          </button>
        </div>
      )}
      {mode === 'simulation' && (
        <div className="mode-bar__group">
          <span className="mode-bar__label">{t('timeline.playSpeed')}</span>
          <div className="mode-bar__play-speeds" role="radiogroup" aria-label={t('timeline.playSpeed')}>
            {PLAY_SPEEDS.map((value) => (
              <button key={value} type="button" role="radio" aria-checked={playSpeed === value} className="mode-bar__speed" data-testid={`sim-play-speed-${value}`} title={t(`timeline.playSpeedHint.${value}`)} onClick={() => store.getState().setSimPlaySpeed(value)}>
                {t(`timeline.playSpeeds.${value}`)}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
