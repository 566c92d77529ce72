/**
 * The scenario pane: the course browser, or the scenario open, in a full-height column beside
 * the canvas and its terminal dock. The pane lives inside the simulation workspace (it needs
 * the worker) and is drawn into the column the app frame keeps for it (`ScenarioPaneSlot`)
 * through a portal; the column takes no room while the pane is closed. Its left edge is a
 * splitter (the width is remembered), and it folds to a narrow strip that gives the canvas the
 * room back; what it shows sits in an error boundary.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PaneBoundary } from '../components/pane-boundary';
import { Splitter, useSplitterDrag } from '../components/splitter';
import { useAppStore } from '../state/app-store-context';
import { PANE_SIZE_LIMITS } from '../state/layout-preference';
import { CourseBrowser } from './course-browser';
import { ScenarioProvider } from './scenario-context';
import { ScenarioView } from './scenario-view';
import './scenario.css';

const SLOT_ATTRIBUTE = 'data-scenario-slot';

function PaneContent() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.scenarioPane);
  const scenario = useAppStore((state) => state.activeScenario);
  const language = useAppStore((state) => state.language);
  const folded = useAppStore((state) => state.layout.scenarioFolded);
  const setFolded = useAppStore((state) => state.setScenarioFolded);
  const setPaneSize = useAppStore((state) => state.setPaneSize);
  const paneRef = useRef<HTMLElement>(null);
  // The splitter is the pane's left edge: dragging left widens it.
  const onMove = useSplitterDrag(() => paneRef.current?.getBoundingClientRect().width ?? 0, -1, (width) => setPaneSize('scenarioWidthPx', width));
  if (view === 'closed') return null;
  if (folded) {
    return (
      <aside className="scenario-pane scenario-pane--folded" data-testid="scenario-pane" data-folded="true">
        <button type="button" className="scenario-pane__unfold" onClick={() => setFolded(false)} title={t('scenario.unfold')} aria-label={t('scenario.unfold')} data-testid="scenario-unfold">
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M10 3L5 8l5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="scenario-pane__unfold-label">{scenario !== null && view === 'scenario' ? scenario.title[language] : t('scenario.unfold')}</span>
        </button>
      </aside>
    );
  }
  return (
    <aside ref={paneRef} className="scenario-pane" data-testid="scenario-pane">
      <Splitter axis="x" label={t('scenario.resize')} className="scenario-pane__splitter" testId="scenario-splitter" onMove={onMove} onExtreme={(end) => setPaneSize('scenarioWidthPx', PANE_SIZE_LIMITS.scenarioWidthPx[end])} />
      <button type="button" className="scenario-pane__fold" onClick={() => setFolded(true)} title={t('scenario.fold')} aria-label={t('scenario.fold')} data-testid="scenario-fold">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <PaneBoundary pane="scenario">{view === 'scenario' && scenario !== null ? <ScenarioView scenario={scenario} /> : <CourseBrowser />}</PaneBoundary>
    </aside>
  );
}

/** Mount inside the simulation workspace. */
export function ScenarioPane() {
  const [slot, setSlot] = useState<Element | null>(null);
  useEffect(() => setSlot(document.querySelector(`[${SLOT_ATTRIBUTE}]`)), []);
  return <ScenarioProvider>{slot !== null && createPortal(<PaneContent />, slot)}</ScenarioProvider>;
}

/** The app frame's column for the pane (a grid cell right of the canvas). */
export function ScenarioPaneSlot() {
  return <div className="scenario-slot" {...{ [SLOT_ATTRIBUTE]: '' }} />;
}
