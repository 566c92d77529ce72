/**
 * The connect dialog: after picking two devices in connect mode, choose a free port on each
 * side (the catalog's ports minus cabled ones, the first free copper port proposed) and,
 * optionally, the link's delay, bandwidth and MTU. Refusals come back as the action's i18n
 * reason, shown in the dialog.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connect } from '../actions/connect';
import type { EditMessage } from '../actions/lab-edit';
import { chooseDefaultPort, listFreePorts } from '../devices/free-ports';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import { Modal } from './modal';
import { LinkSettingsFields, parseLinkSettings, type LinkSettingsText } from './link-settings-fields';

function PortPicker({ device, value, onChange, testId }: { device: DeviceName; value: string; onChange: (port: string) => void; testId: string }) {
  const { t } = useTranslation();
  const lab = useAppStore((state) => state.lab);
  const free = listFreePorts(lab, device);
  const kind = lab.devices.find((candidate) => candidate.name === device)?.kind;
  return (
    <label className="field connect__side">
      <span className="field__label">{t('connect.portOf', { name: device })}</span>
      {kind && <span className="field__help">{t(`device.kind.${kind}`)}</span>}
      {free.length === 0 ? (
        <span className="field__error">{t('connect.noFreePort', { name: device })}</span>
      ) : (
        <select className="field__input" value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
          {free.map((port) => (
            <option key={port.name} value={port.name}>
              {port.medium === 'radio' ? t('connect.radioPort', { port: port.name }) : port.name}
            </option>
          ))}
        </select>
      )}
    </label>
  );
}

export function ConnectDialog({ a, b }: { a: DeviceName; b: DeviceName }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [portA, setPortA] = useState(() => chooseDefaultPort(listFreePorts(store.getState().lab, a))?.name ?? '');
  const [portB, setPortB] = useState(() => chooseDefaultPort(listFreePorts(store.getState().lab, b))?.name ?? '');
  const [settings, setSettings] = useState<LinkSettingsText>({ delayMs: '', bandwidthMbps: '', mtu: '' });
  const [error, setError] = useState<EditMessage | null>(null);

  const submit = () => {
    const parsed = parseLinkSettings(settings);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const state = store.getState();
    const edit = connect(state.lab, { a: { device: a, port: portA }, b: { device: b, port: portB }, ...parsed.value });
    if (!edit.ok) {
      setError(edit.error);
      return;
    }
    state.applyEdit(edit);
    state.closeDialog();
    // Cable mode stays on for the next cable (as Packet Tracer's "keep the tool"); Esc ends it.
    state.setTool('connect');
    state.setStatus({ key: 'status.connectAdded', values: { a, portA, b, portB } });
  };

  return (
    <Modal
      title={t('connect.title', { a, b })}
      onClose={closeDialog}
      testId="connect-dialog"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>{t('dialog.cancel')}</button>
          <button type="button" className="button button--primary" data-testid="connect-confirm" disabled={portA === '' || portB === ''} onClick={submit}>{t('connect.confirm')}</button>
        </>
      }
    >
      <div className="connect__sides">
        <PortPicker device={a} value={portA} onChange={setPortA} testId="connect-port-a" />
        <span className="connect__cable" aria-hidden="true" />
        <PortPicker device={b} value={portB} onChange={setPortB} testId="connect-port-b" />
      </div>
      <details className="connect__more">
        <summary>{t('connect.more')}</summary>
        <LinkSettingsFields value={settings} onChange={setSettings} />
      </details>
      {error && <p className="field__error" role="alert" data-testid="connect-error">{t(error.key, { ...error.values })}</p>}
    </Modal>
  );
}
