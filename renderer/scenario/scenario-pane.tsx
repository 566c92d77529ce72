/**
 * The scenario pane beside the canvas: the course browser, or the scenario open. Mounted in the
 * simulation workspace (it needs the worker); renders nothing while closed.
 */
import { useAppStore } from '../state/app-store-context';
import { CourseBrowser } from './course-browser';
import { ScenarioProvider } from './scenario-context';
import { ScenarioView } from './scenario-view';
import './scenario.css';

function PaneContent() {
  const view = useAppStore((state) => state.scenarioPane);
  const scenario = useAppStore((state) => state.activeScenario);
  if (view === 'closed') return null;
  return <aside className="scenario-pane" data-testid="scenario-pane">{view === 'scenario' && scenario !== null ? <ScenarioView scenario={scenario} /> : <CourseBrowser />}</aside>;
}

export function ScenarioPane() {
  return (
    <ScenarioProvider>
      <PaneContent />
    </ScenarioProvider>
  );
}
