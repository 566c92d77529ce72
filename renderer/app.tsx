/**
 * The app's frame: top bar (with the toolbar), device palette, topology canvas and status bar,
 * the dialog layer, and the shell bridge and keyboard shortcuts. The canvas sits in the
 * simulation workspace, which adds the terminals, the event list and the packet inspector.
 */
import { useAppServices } from './app-services';
import { CanvasArea } from './components/canvas-area';
import { DevicePalette } from './components/device-palette';
import { DialogHost } from './components/dialog-host';
import { StatusBar } from './components/status-bar';
import { TopBar } from './components/top-bar';
import { useShellBridge } from './files/use-shell-bridge';
import { useKeyboardShortcuts } from './keyboard/use-keyboard-shortcuts';
import { ScenarioPane, ScenarioPaneSlot } from './scenario/scenario-pane';
import { SimulationWorkspace } from './sim/simulation-workspace';

export function App() {
  const { files } = useAppServices();
  useShellBridge();
  useKeyboardShortcuts(files.kind === 'desktop');
  return (
    <div className="app">
      <TopBar />
      <DevicePalette />
      <SimulationWorkspace>
        <CanvasArea />
        <ScenarioPane />
      </SimulationWorkspace>
      <ScenarioPaneSlot />
      <StatusBar />
      <DialogHost />
    </div>
  );
}
