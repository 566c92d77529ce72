/**
 * The properties of the selection, floating at the canvas's top right: one device (name, kind,
 * zone; the console and settings come later), one link (its ends, delay, bandwidth, MTU, the
 * cable plugged or not), or several things (how many, a zone for all, delete).
 */
import { useTranslation } from 'react-i18next';
import { deleteSelection } from '../actions/delete-selection';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { DeviceProperties } from './device-properties';
import { LinkProperties } from './link-properties';
import { ZoneSelect } from './zone-select';

function MultipleProperties() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const selection = useAppStore((state) => state.selection);
  return (
    <>
      <h2 className="properties__title">{t('properties.multiple', { devices: selection.devices.length, links: selection.links.length })}</h2>
      {selection.devices.length > 0 && <ZoneSelect devices={selection.devices} />}
      <button type="button" className="button button--danger" onClick={() => store.getState().applyEdit(deleteSelection(store.getState().lab, selection))}>
        {t('toolbar.delete')}
      </button>
    </>
  );
}

export function PropertiesPanel() {
  const { t } = useTranslation();
  const selection = useAppStore((state) => state.selection);
  const count = selection.devices.length + selection.links.length;
  if (count === 0) return null;
  const oneDevice = count === 1 && selection.devices.length === 1;
  const oneLink = count === 1 && selection.links.length === 1;
  return (
    <aside className="properties" aria-label={t('properties.label')} data-testid="properties-panel">
      {oneDevice && <DeviceProperties key={selection.devices[0]} name={selection.devices[0]!} />}
      {oneLink && <LinkProperties key={selection.links[0]} linkId={selection.links[0]!} />}
      {count > 1 && <MultipleProperties />}
    </aside>
  );
}
