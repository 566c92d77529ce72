/**
 * The simulation panel, a full-height column right of the canvas in simulation mode (Packet
 * Tracer's): the simulation controls, the event list and, while an event is open, the packet
 * inspector below it.
 */
import { useTranslation } from 'react-i18next';
import { PacketInspector } from '../inspector/packet-inspector';
import { useAppStore } from '../state/app-store-context';
import { EventList } from '../timeline/event-list';
import { ModeBar } from '../timeline/mode-bar';

export function SimulationPanel() {
  const { t } = useTranslation();
  const simulation = useAppStore((state) => state.simMode === 'simulation');
  const inspecting = useAppStore((state) => state.inspectedSeq !== null);
  if (!simulation) return null;
  return (
    <aside className={`simulation-panel${inspecting ? ' simulation-panel--inspecting' : ''}`} aria-label={t('timeline.panel')} data-testid="simulation-panel">
      <ModeBar placement="panel" />
      <EventList />
      <PacketInspector />
    </aside>
  );
}
