/**
 * The canvas column: the topology canvas (given as children) with the simulation's layers over
 * it (packet envelopes, the mode bar, the packet inspector) and the bottom dock (terminal tabs,
 * the event list in simulation mode). Starts the simulation runtime for everything inside.
 */
import type { ReactNode } from 'react';
import { PacketInspector } from '../inspector/packet-inspector';
import { ModeBar } from '../timeline/mode-bar';
import { PacketOverlay } from '../timeline/packet-overlay';
import { SimDock } from './sim-dock';
import { SimRuntimeProvider } from './sim-runtime';
import './simulation.css';

export function SimulationWorkspace({ children }: { children: ReactNode }) {
  return (
    <SimRuntimeProvider>
      <div className="workspace">
        <div className="workspace__canvas">
          {children}
          <PacketOverlay />
          <ModeBar />
          <PacketInspector />
        </div>
        <SimDock />
      </div>
    </SimRuntimeProvider>
  );
}
