/**
 * The app's frame: top bar (with the toolbar), device palette, topology canvas and status bar,
 * the dialog layer, and the shell bridge and keyboard shortcuts. The canvas sits in the
 * simulation workspace, which adds the terminals, the event list and the packet inspector.
 * The panes' sizes (layout-preference.ts) reach the CSS grid as custom properties; each pane
 * sits in an error boundary so a failing one leaves the others running.
 */
import type { CSSProperties } from 'react';
import { useAppServices } from './app-services';
import { CanvasArea } from './components/canvas-area';
import { DevicePalette, usePaletteCollapsed } from './components/device-palette';
import { DialogHost } from './components/dialog-host';
import { PaneBoundary } from './components/pane-boundary';
import { StatusBar } from './components/status-bar';
import { TopBar } from './components/top-bar';
import { useShellBridge } from './files/use-shell-bridge';
import { useKeyboardShortcuts } from './keyboard/use-keyboard-shortcuts';
import { ScenarioPane, ScenarioPaneSlot } from './scenario/scenario-pane';
import { SimulationWorkspace } from './sim/simulation-workspace';
import { useAppStore } from './state/app-store-context';

/** The palette's width folded (a strip of icons) and open. */
const PALETTE_WIDTH_PX = { collapsed: 56, open: 232 } as const;
/** The scenario pane folded to a strip. */
export const SCENARIO_FOLDED_WIDTH_PX = 40;

export function App() {
  const { files } = useAppServices();
  useShellBridge();
  useKeyboardShortcuts(files.kind === 'desktop');
  const paletteCollapsed = usePaletteCollapsed();
  const scenarioWidth = useAppStore((state) => state.layout.scenarioWidthPx);
  const scenarioFolded = useAppStore((state) => state.layout.scenarioFolded);
  const simPanelWidth = useAppStore((state) => state.layout.simPanelWidthPx);
  const style = {
    '--palette-width': `${paletteCollapsed ? PALETTE_WIDTH_PX.collapsed : PALETTE_WIDTH_PX.open}px`,
    // A pane the trainee never resized follows the window: wider windows, wider panes.
    '--scenario-pane-width': scenarioFolded ? `${SCENARIO_FOLDED_WIDTH_PX}px` : scenarioWidth === null ? 'clamp(300px, 27vw, 520px)' : `min(${scenarioWidth}px, 42vw)`,
    '--sim-panel-width': simPanelWidth === null ? 'clamp(340px, 30vw, 640px)' : `min(${simPanelWidth}px, 50vw)`,
  } as CSSProperties;
  return (
    <div className={`app${paletteCollapsed ? ' app--palette-collapsed' : ''}`} style={style}>
      <TopBar />
      <DevicePalette />
      <SimulationWorkspace>
        <PaneBoundary pane="canvas" className="canvas-area">
          <CanvasArea />
        </PaneBoundary>
        <ScenarioPane />
      </SimulationWorkspace>
      <ScenarioPaneSlot />
      <StatusBar />
      <DialogHost />
    </div>
  );
}
