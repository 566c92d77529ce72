/**
 * Finding your way in a big lab (a province of thousands of devices): a search box that finds a
 * device by name (exact, else the first whose name starts with, else contains, what was typed;
 * case does not matter), centres the view on it and selects it; and, when the lab has zones, a
 * list that fits the view to one zone. At the canvas's bottom left, out of the way of the hint and the zoom controls.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import { useAppServices } from '../app-services';
import { listZonesInUse } from '../canvas/lab-elements';
import { labelZone } from '../canvas/zone-label';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';

/** The device a search names: exact match first, then a name that starts with it, then one that contains it. */
export function findDevice(names: readonly string[], query: string): string | undefined {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return undefined;
  return names.find((name) => name.toLowerCase() === wanted) ?? names.find((name) => name.toLowerCase().startsWith(wanted)) ?? names.find((name) => name.toLowerCase().includes(wanted));
}

export function CanvasFinder() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { canvas } = useAppServices();
  const lab = useAppStore((state) => state.lab);
  const language = useAppStore((state) => state.language);
  const [query, setQuery] = useState('');
  if (lab.devices.length === 0) return null;
  const zones = listZonesInUse(lab);

  const find = (event: FormEvent) => {
    event.preventDefault();
    const state = store.getState();
    const name = findDevice(
      state.lab.devices.map((device) => device.name),
      query,
    );
    if (name === undefined || canvas.current?.centerOn(name) !== true) {
      state.setStatus({ key: 'finder.notFound', values: { query: query.trim() } });
      return;
    }
    state.setSelection({ devices: [name as DeviceName], links: [] });
    state.setStatus({ key: 'finder.found', values: { name } });
  };

  return (
    <div className="canvas-finder" data-testid="canvas-finder">
      <form role="search" onSubmit={find}>
        <input
          type="search"
          className="canvas-finder__search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('finder.placeholder')}
          aria-label={t('finder.label')}
          data-testid="device-search"
        />
      </form>
      {zones.length > 0 && (
        <select
          className="canvas-finder__zone"
          aria-label={t('finder.fitZone')}
          data-testid="fit-zone"
          value=""
          onChange={(event) => {
            if (event.target.value !== '') canvas.current?.fitZone(event.target.value);
          }}
        >
          <option value="">{t('finder.fitZone')}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {labelZone(zone, lab, language, t)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
