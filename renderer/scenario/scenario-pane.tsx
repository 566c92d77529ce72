/**
 * The scenario pane: the course browser, or the scenario open, in a full-height column beside
 * the canvas and its terminal dock. The pane lives inside the simulation workspace (it needs
 * the worker) and is drawn into the column the app frame keeps for it (`ScenarioPaneSlot`)
 * through a portal; the column takes no room while the pane is closed.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../state/app-store-context';
import { CourseBrowser } from './course-browser';
import { ScenarioProvider } from './scenario-context';
import { ScenarioView } from './scenario-view';
import './scenario.css';

const SLOT_ATTRIBUTE = 'data-scenario-slot';

function PaneContent() {
  const view = useAppStore((state) => state.scenarioPane);
  const scenario = useAppStore((state) => state.activeScenario);
  if (view === 'closed') return null;
  return <aside className="scenario-pane" data-testid="scenario-pane">{view === 'scenario' && scenario !== null ? <ScenarioView scenario={scenario} /> : <CourseBrowser />}</aside>;
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
