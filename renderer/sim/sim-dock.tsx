/**
 * The bottom dock of the canvas column: the terminal tabs. It shows once a console is open,
 * folds to a bar, and its height follows a drag of its top edge.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { TerminalPanel } from '../terminal/terminal-panel';

const MIN_HEIGHT_PX = 160;
const DEFAULT_HEIGHT_PX = 300;

export function SimDock() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const consoles = useAppStore((state) => state.openConsoles.length);
  const collapsed = useAppStore((state) => state.dockCollapsed);
  const [heightPx, setHeightPx] = useState(DEFAULT_HEIGHT_PX);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  if (consoles === 0) return null;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { startY: event.clientY, startHeight: heightPx };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    const limit = Math.max(MIN_HEIGHT_PX, window.innerHeight - 260);
    setHeightPx(Math.min(limit, Math.max(MIN_HEIGHT_PX, drag.current.startHeight + drag.current.startY - event.clientY)));
  };

  return (
    <section className={`sim-dock${collapsed ? ' sim-dock--collapsed' : ''}`} style={collapsed ? undefined : { height: heightPx }} aria-label={t('dock.label')} data-testid="sim-dock">
      {!collapsed && (
        <div
          className="sim-dock__resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label={t('dock.resize')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
        />
      )}
      <button type="button" className="sim-dock__fold" aria-expanded={!collapsed} onClick={() => store.getState().setDockCollapsed(!collapsed)} title={collapsed ? t('dock.expand') : t('dock.collapse')}>
        {collapsed ? `▴ ${t('dock.expand')}` : '▾'}
      </button>
      {!collapsed && (
        <div className="sim-dock__panes">
          <TerminalPanel />
        </div>
      )}
    </section>
  );
}
