/**
 * One device's properties: name (renamed on Enter or when leaving the field, checked against
 * the IOS hostname rules as you type), kind, a hint that double-clicking it opens its console,
 * zone, and its ports with what each is cabled to.
 * Part 2 adds the console and the host settings form below.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameDevice } from '../actions/rename-device';
import { DeviceIcon } from './device-icon';
import { checkDeviceName } from '../devices/device-naming';
import { deviceKindNameKey } from '../devices/device-kinds';
import { getDeviceKindSpec } from '../../sim-core/devices/catalog';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { ZoneSelect } from './zone-select';

export function DeviceProperties({ name }: { name: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lab = useAppStore((state) => state.lab);
  const device = lab.devices.find((candidate) => candidate.name === name);
  const [draft, setDraft] = useState(name);
  if (!device) return null;
  const trimmed = draft.trim();
  const problem = trimmed === name ? null : checkDeviceName(lab, trimmed, name);
  const commit = () => {
    if (problem || trimmed === name) return;
    const state = store.getState();
    state.applyEdit(renameDevice(state.lab, { from: name, to: trimmed }));
  };
  const peers = new Map<string, string>();
  for (const link of lab.links) {
    const [a, b] = link.endpoints;
    if (a.device === name) peers.set(a.interface, `${b.device} ${b.interface}`);
    if (b.device === name) peers.set(b.interface, `${a.device} ${a.interface}`);
  }
  return (
    <>
      <div className="properties__head">
        <span className={`properties__icon palette__item--${device.kind}`}><DeviceIcon kind={device.kind} /></span>
        <div>
          <h2 className="properties__title">{device.name}</h2>
          <p className="properties__subtitle">{t(deviceKindNameKey(device.kind))}</p>
        </div>
      </div>
      <p className="properties__hint" data-testid="properties-console-hint">
        {t('properties.consoleHint')}
      </p>
      <label className="field">
        <span className="field__label">{t('properties.name')}</span>
        <input
          className="field__input"
          value={draft}
          spellCheck={false}
          aria-invalid={problem !== null}
          data-testid="properties-name"
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
        {problem && <span className="field__error" role="alert">{t(problem.key, { ...problem.values })}</span>}
      </label>
      <ZoneSelect devices={[name]} />
      <h3 className="properties__section">{t('properties.ports')}</h3>
      <ul className="properties__ports">
        {getDeviceKindSpec(device.kind).physicalPorts.map((port) => (
          <li key={port.name}>
            <span className="properties__port">{port.name}</span>
            <span className={peers.has(port.name) ? 'properties__peer' : 'properties__peer properties__peer--free'}>{peers.get(port.name) ?? t('properties.portFree')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
