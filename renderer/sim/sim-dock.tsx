/**
 * The bottom dock of the canvas column: the terminal tabs. It shows once a console is open,
 * folds to a bar, and its height follows a drag of its top edge (remembered between runs, in
 * the layout preferences). The terminals sit in an error boundary.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PaneBoundary } from '../components/pane-boundary';
import { Splitter, useSplitterDrag } from '../components/splitter';
import { useAppStore } from '../state/app-store-context';
import { PANE_SIZE_LIMITS } from '../state/layout-preference';
import { useAppStoreApi } from '../state/use-app-store-api';
import { TerminalPanel } from '../terminal/terminal-panel';

/** The canvas keeps at least this much height above the dock. */
const CANVAS_MIN_HEIGHT_PX = 160;

export function SimDock() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const consoles = useAppStore((state) => state.openConsoles.length);
  const collapsed = useAppStore((state) => state.dockCollapsed);
  const heightPx = useAppStore((state) => state.layout.dockHeightPx);
  const dockRef = useRef<HTMLElement>(null);
  // The splitter is the dock's top edge: dragging up makes it taller.
  const onMove = useSplitterDrag(() => dockRef.current?.getBoundingClientRect().height ?? heightPx, -1, (height) => {
    const columnPx = dockRef.current?.parentElement?.getBoundingClientRect().height ?? Infinity;
    store.getState().setPaneSize('dockHeightPx', Math.min(height, columnPx - CANVAS_MIN_HEIGHT_PX));
  });

  if (consoles === 0) return null;

  return (
    <section ref={dockRef} className={`sim-dock${collapsed ? ' sim-dock--collapsed' : ''}`} style={collapsed ? undefined : { height: `min(${heightPx}px, calc(100% - ${CANVAS_MIN_HEIGHT_PX}px))` }} aria-label={t('dock.label')} data-testid="sim-dock">
      {!collapsed && <Splitter axis="y" label={t('dock.resize')} className="sim-dock__resize" testId="dock-splitter" onMove={onMove} onExtreme={(end) => store.getState().setPaneSize('dockHeightPx', PANE_SIZE_LIMITS.dockHeightPx[end])} />}
      <button type="button" className="sim-dock__fold" aria-expanded={!collapsed} onClick={() => store.getState().setDockCollapsed(!collapsed)} title={collapsed ? t('dock.expand') : t('dock.collapse')}>
        {collapsed ? `▴ ${t('dock.expand')}` : '▾'}
      </button>
      {!collapsed && (
        <div className="sim-dock__panes">
          <PaneBoundary pane="console">
            <TerminalPanel />
          </PaneBoundary>
        </div>
      )}
    </section>
  );
}
