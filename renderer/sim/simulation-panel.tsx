/**
 * The simulation panel, a full-height column right of the canvas in simulation mode (Packet
 * Tracer's): the simulation controls, the event list and, while an event is open, the packet
 * inspector below it. Its left edge and the line between the events and the inspector are
 * splitters (sizes remembered in the layout preferences); each part sits in an error boundary.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PaneBoundary } from '../components/pane-boundary';
import { Splitter, useSplitterDrag } from '../components/splitter';
import { PacketInspector } from '../inspector/packet-inspector';
import { useAppStore } from '../state/app-store-context';
import { PANE_SIZE_LIMITS } from '../state/layout-preference';
import { EventList } from '../timeline/event-list';
import { ModeBar } from '../timeline/mode-bar';

export function SimulationPanel() {
  const { t } = useTranslation();
  const simulation = useAppStore((state) => state.simMode === 'simulation');
  const inspecting = useAppStore((state) => state.inspectedSeq !== null);
  const eventShare = useAppStore((state) => state.layout.eventListShare);
  const setPaneSize = useAppStore((state) => state.setPaneSize);
  const panelRef = useRef<HTMLElement>(null);
  const splitRef = useRef<HTMLDivElement>(null);
  const onWidthMove = useSplitterDrag(() => panelRef.current?.getBoundingClientRect().width ?? 0, -1, (width) => setPaneSize('simPanelWidthPx', width));
  const onSplitMove = useSplitterDrag(() => (splitRef.current?.getBoundingClientRect().height ?? 0) * eventShare, 1, (height) => {
    const total = splitRef.current?.getBoundingClientRect().height ?? 0;
    if (total > 0) setPaneSize('eventListShare', height / total);
  });
  if (!simulation) return null;
  return (
    <aside ref={panelRef} className={`simulation-panel${inspecting ? ' simulation-panel--inspecting' : ''}`} aria-label={t('timeline.panel')} data-testid="simulation-panel">
      <Splitter axis="x" label={t('timeline.resizePanel')} className="simulation-panel__splitter" testId="sim-panel-splitter" onMove={onWidthMove} onExtreme={(end) => setPaneSize('simPanelWidthPx', PANE_SIZE_LIMITS.simPanelWidthPx[end])} />
      <ModeBar placement="panel" />
      <div ref={splitRef} className="simulation-panel__split" style={inspecting ? { gridTemplateRows: `${Math.round(eventShare * 1000) / 10}% auto minmax(0, 1fr)` } : undefined}>
        <PaneBoundary pane="simulation">
          <EventList />
        </PaneBoundary>
        {inspecting && <Splitter axis="y" label={t('timeline.resizeSplit')} testId="inspector-splitter" onMove={onSplitMove} onExtreme={(end) => setPaneSize('eventListShare', PANE_SIZE_LIMITS.eventListShare[end])} />}
        <PaneBoundary pane="inspector">
          <PacketInspector />
        </PaneBoundary>
      </div>
    </aside>
  );
}
