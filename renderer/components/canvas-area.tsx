/**
 * The main area: the topology canvas with an empty-state hint laid over it while the lab has
 * no devices.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import { TopologyCanvas } from './topology-canvas';

export function CanvasArea() {
  const { t } = useTranslation();
  const isEmpty = useAppStore((state) => state.deviceCount === 0);
  return (
    <main className="canvas-area" aria-label={t('canvas.label')}>
      <TopologyCanvas />
      {isEmpty && (
        <div className="canvas-area__empty" data-testid="canvas-empty">
          <p className="canvas-area__empty-title">{t('canvas.emptyTitle')}</p>
          <p className="canvas-area__empty-hint">{t('canvas.emptyHint')}</p>
        </div>
      )}
    </main>
  );
}
