/**
 * Zoom in, zoom out and fit, at the canvas's bottom right (also on the keyboard: +, −, F), and
 * the toggle that writes port names on every cable end.
 */
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { ZOOM_STEP } from '../canvas/canvas-adapter';
import { useAppStore } from '../state/app-store-context';

export function ZoomControls() {
  const { t } = useTranslation();
  const { canvas } = useAppServices();
  const showPortNames = useAppStore((state) => state.showPortNames);
  const setShowPortNames = useAppStore((state) => state.setShowPortNames);
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.label')}>
      <button type="button" className="icon-button" title={t('zoom.in')} aria-label={t('zoom.in')} data-testid="zoom-in" onClick={() => canvas.current?.zoomBy(ZOOM_STEP)}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
      </button>
      <button type="button" className="icon-button" title={t('zoom.out')} aria-label={t('zoom.out')} data-testid="zoom-out" onClick={() => canvas.current?.zoomBy(1 / ZOOM_STEP)}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M4 10h12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
      </button>
      <button type="button" className="icon-button" title={t('zoom.fit')} aria-label={t('zoom.fit')} data-testid="zoom-fit" onClick={() => canvas.current?.fit()}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round"><path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" /></svg>
      </button>
      <button
        type="button"
        className="icon-button"
        title={t('zoom.portNames')}
        aria-label={t('zoom.portNames')}
        aria-pressed={showPortNames}
        data-testid="toggle-port-names"
        onClick={() => setShowPortNames(!showPortNames)}
      >
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"><path d="M2 15l16-10" /><rect x="2.5" y="2.5" width="7" height="5" rx="1" /><rect x="10.5" y="12.5" width="7" height="5" rx="1" /></svg>
      </button>
    </div>
  );
}
