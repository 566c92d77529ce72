/**
 * The one-line hint at the top of the canvas for the current mode: placing a device, picking
 * the two ends of a cable. It takes no clicks (they go to the canvas underneath).
 */
import { useTranslation } from 'react-i18next';
import { deviceKindNameKey } from '../devices/device-kinds';
import { useAppStore } from '../state/app-store-context';

export function CanvasHint() {
  const { t } = useTranslation();
  const kind = useAppStore((state) => state.selectedDeviceKind);
  const tool = useAppStore((state) => state.tool);
  const source = useAppStore((state) => state.connectSource);
  let text: string | null = null;
  if (kind !== null) text = t('canvas.hintPlace', { name: t(deviceKindNameKey(kind)) });
  else if (tool === 'connect') text = source === null ? t('canvas.hintConnectFirst') : t('canvas.hintConnectSecond', { name: source });
  if (text === null) return null;
  return (
    <div className="canvas-hint" role="note" data-testid="canvas-hint">
      {text}
    </div>
  );
}
