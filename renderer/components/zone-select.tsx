/**
 * The zone of one or more devices: none, a course zone, or a zone the lab declares.
 */
import { useTranslation } from 'react-i18next';
import { setZone } from '../actions/set-zone';
import { labelZone } from '../canvas/zone-label';
import { COURSE_ZONE_IDS } from '../../sim-core/lab/course-zones';
import { asZoneId } from '../../sim-core/lab/lab-document';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';

export function ZoneSelect({ devices }: { devices: readonly string[] }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lab = useAppStore((state) => state.lab);
  const language = useAppStore((state) => state.language);
  const zones = [...COURSE_ZONE_IDS, ...lab.zones.map((zone) => zone.id).filter((id) => !(COURSE_ZONE_IDS as readonly string[]).includes(id))];
  const current = new Set(lab.devices.filter((device) => devices.includes(device.name)).map((device) => device.zone ?? ''));
  const value = current.size === 1 ? [...current][0]! : '';
  return (
    <label className="field">
      <span className="field__label">{t('properties.zone')}</span>
      <select
        className="field__input"
        value={value}
        data-testid="properties-zone"
        onChange={(event) => {
          const state = store.getState();
          state.applyEdit(setZone(state.lab, { devices, zone: event.target.value === '' ? undefined : asZoneId(event.target.value) }));
        }}
      >
        <option value="">{t('properties.noZone')}</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>{labelZone(zone, lab, language, t)}</option>
        ))}
      </select>
    </label>
  );
}
