/**
 * The one-line hint at the top of the canvas for the current mode: placing a device, picking
 * the two ends of a cable, or the source and destination of a simple PDU (with the family to
 * ping over: IPv6 or IPv4). It takes no clicks (they go to the canvas underneath) except on the
 * family switch.
 */
import { useTranslation } from 'react-i18next';
import { deviceKindNameKey } from '../devices/device-kinds';
import { useAppStore } from '../state/app-store-context';

export function CanvasHint() {
  const { t } = useTranslation();
  const kind = useAppStore((state) => state.selectedDeviceKind);
  const tool = useAppStore((state) => state.tool);
  const source = useAppStore((state) => state.connectSource);
  const family = useAppStore((state) => state.pduFamily);
  const setPduFamily = useAppStore((state) => state.setPduFamily);
  let text: string | null = null;
  if (kind !== null) text = t('canvas.hintPlace', { name: t(deviceKindNameKey(kind)) });
  else if (tool === 'connect') text = source === null ? t('canvas.hintConnectFirst') : t('canvas.hintConnectSecond', { name: source });
  else if (tool === 'pdu') text = source === null ? t('canvas.hintPduFirst') : t('canvas.hintPduSecond', { name: source });
  if (text === null) return null;
  return (
    <div className="canvas-hint" role="note" data-testid="canvas-hint">
      {text}
      {tool === 'pdu' && (
        <span className="canvas-hint__families" role="radiogroup" aria-label={t('canvas.pduFamily')}>
          {([6, 4] as const).map((value) => (
            <button key={value} type="button" role="radio" aria-checked={family === value} className="canvas-hint__family" data-testid={`pdu-family-${value}`} onClick={() => setPduFamily(value)}>
              IPv{value}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
