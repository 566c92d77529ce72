/**
 * The left palette: the device kinds a trainee can place, each with its name in the current
 * language and the term in the other one underneath. Click a kind then click the canvas to
 * place one, or drag a kind onto the canvas.
 */
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, deviceKindDetailKey, deviceKindNameKey } from '../devices/device-kinds';
import { useAppStore } from '../state/app-store-context';
import { DEVICE_KIND_DRAG_TYPE } from './canvas-area';
import { DeviceIcon } from './device-icon';

export function DevicePalette() {
  const { t } = useTranslation();
  const selected = useAppStore((state) => state.selectedDeviceKind);
  const toggleDeviceKind = useAppStore((state) => state.toggleDeviceKind);
  return (
    <aside className="palette" aria-labelledby="palette-title">
      <h2 className="palette__title" id="palette-title">{t('palette.title')}</h2>
      <p className="palette__hint">{t('palette.hint')}</p>
      <ul className="palette__list" aria-label={t('palette.listLabel')}>
        {DEVICE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette__item palette__item--${kind}`}
              aria-pressed={selected === kind}
              data-testid={`palette-${kind}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DEVICE_KIND_DRAG_TYPE, kind);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => toggleDeviceKind(kind)}
            >
              <span className="palette__icon"><DeviceIcon kind={kind} /></span>
              <span className="palette__text">
                <span className="palette__name">{t(deviceKindNameKey(kind))}</span>
                <span className="palette__detail">{t(deviceKindDetailKey(kind))}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
