/**
 * The left palette: the device kinds a trainee can place, each with its name in the current
 * language and the term in the other one underneath. Click a kind then click the canvas to
 * place one, or drag a kind onto the canvas. It folds to a strip of icons (names as tooltips) to
 * give the canvas room: folded by default while a scenario is open (its lab is already built),
 * open otherwise; the trainee's choice is remembered for each of the two cases.
 */
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, deviceKindDetailKey, deviceKindNameKey } from '../devices/device-kinds';
import { useAppStore } from '../state/app-store-context';
import { DEVICE_KIND_DRAG_TYPE } from './canvas-area';
import { DeviceIcon } from './device-icon';

/** Whether the palette is folded now (a scenario open or not, and the trainee's choice for that case). */
export function usePaletteCollapsed(): boolean {
  return useAppStore((state) => (state.scenarioPane !== 'closed' ? state.layout.paletteCollapsedInScenario : state.layout.paletteCollapsed));
}

export function DevicePalette() {
  const { t } = useTranslation();
  const selected = useAppStore((state) => state.selectedDeviceKind);
  const toggleDeviceKind = useAppStore((state) => state.toggleDeviceKind);
  const inScenario = useAppStore((state) => state.scenarioPane !== 'closed');
  const setPaletteCollapsed = useAppStore((state) => state.setPaletteCollapsed);
  const collapsed = usePaletteCollapsed();
  return (
    <aside className={`palette${collapsed ? ' palette--collapsed' : ''}`} aria-labelledby="palette-title" data-testid="palette" data-collapsed={collapsed}>
      <div className="palette__head">
        <h2 className="palette__title" id="palette-title">
          {t('palette.title')}
        </h2>
        <button
          type="button"
          className="palette__fold"
          aria-expanded={!collapsed}
          aria-controls="palette-list"
          title={collapsed ? t('palette.expand') : t('palette.collapse')}
          aria-label={collapsed ? t('palette.expand') : t('palette.collapse')}
          data-testid="palette-fold"
          onClick={() => setPaletteCollapsed(inScenario, !collapsed)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d={collapsed ? 'M6 3l5 5-5 5' : 'M10 3L5 8l5 5'} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      {!collapsed && <p className="palette__hint">{t('palette.hint')}</p>}
      <ul className="palette__list" id="palette-list" aria-label={t('palette.listLabel')}>
        {DEVICE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette__item palette__item--${kind}`}
              aria-pressed={selected === kind}
              aria-label={collapsed ? `${t(deviceKindNameKey(kind))} (${t(deviceKindDetailKey(kind))})` : undefined}
              title={collapsed ? `${t(deviceKindNameKey(kind))} — ${t(deviceKindDetailKey(kind))}` : undefined}
              data-testid={`palette-${kind}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DEVICE_KIND_DRAG_TYPE, kind);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => toggleDeviceKind(kind)}
            >
              <span className="palette__icon">
                <DeviceIcon kind={kind} />
              </span>
              {!collapsed && (
                <span className="palette__text">
                  <span className="palette__name">{t(deviceKindNameKey(kind))}</span>
                  <span className="palette__detail">{t(deviceKindDetailKey(kind))}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
