/**
 * A small address form for hosts (PC, server): IPv4 address and gateway, IPv6 automatic (SLAAC)
 * or static with a gateway. Applying it types the equivalent commands at the device's console
 * (host-settings.ts), where the trainee sees them run, so the configuration stays text.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../sim-core/devices/catalog';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import { useSim } from '../sim/sim-runtime';
import { hostSettingsLines, type HostSettings, type HostSettingsError } from './host-settings';

/** Example values shown in the empty fields (addresses read the same in every language). */
const EXAMPLE = { ipv4Address: '192.168.10.11/24', ipv4Gateway: '192.168.10.1', ipv6Address: '2001:db8:6803:10::11/64', ipv6Gateway: 'fe80::1' };

export function HostSettingsForm({ device, kind, onDone }: { device: DeviceName; kind: DeviceKind; onDone: () => void }) {
  const { t } = useTranslation();
  const { client } = useSim();
  const [ifaces, setIfaces] = useState<string[]>([]);
  const [settings, setSettings] = useState<HostSettings>({ iface: '', ipv4Address: '', ipv4Gateway: '', ipv6Mode: 'automatic', ipv6Address: '', ipv6Gateway: '' });
  const [error, setError] = useState<HostSettingsError | null>(null);

  useEffect(() => {
    let live = true;
    client
      .request('interfaces', { device })
      .then((list) => {
        if (!live) return;
        const ports = list.filter((iface) => iface.port).map((iface) => iface.name);
        setIfaces(ports);
        setSettings((current) => (current.iface === '' && ports[0] !== undefined ? { ...current, iface: ports[0] } : current));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, device]);

  const change = (patch: Partial<HostSettings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setError(null);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const result = hostSettingsLines(kind, settings);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const data = result.lines.map((line) => `${line}\r`).join('');
    void client.request('console-input', { device, data });
    onDone();
  };

  return (
    <form className="host-settings" onSubmit={apply} aria-label={t('hostSettings.title', { name: device })} data-testid="host-settings">
      <h3 className="host-settings__title">{t('hostSettings.title', { name: device })}</h3>
      <label className="host-settings__field">
        <span>{t('hostSettings.interface')}</span>
        <select value={settings.iface} onChange={(event) => change({ iface: event.target.value })}>
          {ifaces.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="host-settings__group">
        <legend>{t('hostSettings.ipv4')}</legend>
        <label className="host-settings__field">
          <span>{t('hostSettings.ipv4Address')}</span>
          <input value={settings.ipv4Address} placeholder={EXAMPLE.ipv4Address} aria-invalid={error === 'ipv4-address'} onChange={(event) => change({ ipv4Address: event.target.value })} />
        </label>
        <label className="host-settings__field">
          <span>{t('hostSettings.gateway')}</span>
          <input value={settings.ipv4Gateway} placeholder={EXAMPLE.ipv4Gateway} aria-invalid={error === 'ipv4-gateway'} onChange={(event) => change({ ipv4Gateway: event.target.value })} />
        </label>
      </fieldset>
      <fieldset className="host-settings__group">
        <legend>{t('hostSettings.ipv6')}</legend>
        <div className="host-settings__modes">
          <label>
            <input type="radio" name="ipv6-mode" checked={settings.ipv6Mode === 'automatic'} onChange={() => change({ ipv6Mode: 'automatic' })} /> {t('hostSettings.automatic')}
          </label>
          <label>
            <input type="radio" name="ipv6-mode" checked={settings.ipv6Mode === 'static'} onChange={() => change({ ipv6Mode: 'static' })} /> {t('hostSettings.static')}
          </label>
        </div>
        {settings.ipv6Mode === 'static' && (
          <>
            <label className="host-settings__field">
              <span>{t('hostSettings.ipv6Address')}</span>
              <input value={settings.ipv6Address} placeholder={EXAMPLE.ipv6Address} aria-invalid={error === 'ipv6-address'} onChange={(event) => change({ ipv6Address: event.target.value })} />
            </label>
            <label className="host-settings__field">
              <span>{t('hostSettings.gateway')}</span>
              <input value={settings.ipv6Gateway} placeholder={EXAMPLE.ipv6Gateway} aria-invalid={error === 'ipv6-gateway'} onChange={(event) => change({ ipv6Gateway: event.target.value })} />
            </label>
          </>
        )}
      </fieldset>
      {error !== null && (
        <p className="host-settings__error" role="alert">
          {t(`hostSettings.error.${error}`)}
        </p>
      )}
      <p className="host-settings__note">{t('hostSettings.note')}</p>
      <div className="host-settings__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('hostSettings.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('hostSettings.apply')}
        </button>
      </div>
    </form>
  );
}
