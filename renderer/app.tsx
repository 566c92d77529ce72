/**
 * The app's frame: top bar, device palette, topology canvas and status bar.
 */
import { CanvasArea } from './components/canvas-area';
import { DevicePalette } from './components/device-palette';
import { StatusBar } from './components/status-bar';
import { TopBar } from './components/top-bar';

export function App() {
  return (
    <div className="app">
      <TopBar />
      <DevicePalette />
      <CanvasArea />
      <StatusBar />
    </div>
  );
}
