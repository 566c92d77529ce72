/**
 * The canvas column: the topology canvas (given as children) with the simulation's layers over
 * it (packet envelopes, the mode bar, the packet inspector) and the bottom dock (terminal tabs,
 * the event list in simulation mode). Starts the simulation runtime for everything inside.
 */
import type { ReactNode } from 'react';
import { SimRuntimeProvider } from './sim-runtime';
import './simulation.css';

export function SimulationWorkspace({ children }: { children: ReactNode }) {
  return (
    <SimRuntimeProvider>
      <div className="workspace">
        <div className="workspace__canvas">{children}</div>
      </div>
    </SimRuntimeProvider>
  );
}
