/**
 * The canvas column: the topology canvas (given as children) with the packet envelopes over it,
 * in realtime the mode bar as a slim strip under it (part of the layout: it never covers a
 * device), and the bottom dock of terminal tabs; in simulation mode
 * the simulation panel on the right (event list, and the packet inspector under it while an
 * event is open), as Packet Tracer's. Starts the simulation runtime for everything inside.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../state/app-store-context';
import { ModeBar } from '../timeline/mode-bar';
import { PacketOverlay } from '../timeline/packet-overlay';
import { SimDock } from './sim-dock';
import { SimulationPanel } from './simulation-panel';
import { SimRuntimeProvider } from './sim-runtime';
import './simulation.css';

export function SimulationWorkspace({ children }: { children: ReactNode }) {
  return (
    <SimRuntimeProvider>
      <WorkspaceLayout>{children}</WorkspaceLayout>
    </SimRuntimeProvider>
  );
}

function WorkspaceLayout({ children }: { children: ReactNode }) {
  const simulation = useAppStore((state) => state.simMode === 'simulation');
  // The simulation panel narrows the canvas and leaving it widens it: the canvas's own resize
  // handling keeps the trainee's view (canvas-adapter.ts resized()); no fit is forced here.
  return (
    <div className={`workspace${simulation ? ' workspace--simulation' : ''}`}>
      <div className="workspace__main">
        <div className="workspace__canvas">
          {children}
          <PacketOverlay />
        </div>
        {!simulation && <ModeBar placement="strip" />}
        <SimDock />
      </div>
      <SimulationPanel />
    </div>
  );
}
