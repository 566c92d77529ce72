/**
 * One link's properties: its two ends, delay, bandwidth and MTU (applied when leaving a field
 * or on Enter, each change one undoable edit), the cable plugged in or unplugged, and
 * disconnect.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditMessage } from '../actions/lab-edit';
import { disconnect } from '../actions/disconnect';
import { setLinkProperties, setLinkState } from '../actions/set-link-properties';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { formatLinkSettings, LinkSettingsFields, parseLinkSettings, type LinkSettingsText } from './link-settings-fields';

export function LinkProperties({ linkId }: { linkId: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const link = useAppStore((state) => state.lab.links.find((candidate) => candidate.id === linkId));
  const [text, setText] = useState<LinkSettingsText>(() => formatLinkSettings(link ?? {}));
  const [error, setError] = useState<EditMessage | null>(null);
  if (!link) return null;
  const [a, b] = link.endpoints;

  const commit = () => {
    const parsed = parseLinkSettings(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const edit = setLinkProperties(store.getState().lab, { linkId, state: link.state, ...parsed.value });
    if (!edit.ok) {
      setError(edit.error);
      return;
    }
    setError(null);
    store.getState().applyEdit(edit);
  };

  return (
    <>
      <h2 className="properties__title">{t('properties.link')}</h2>
      <dl className="properties__ends">
        <dt>{a.device}</dt>
        <dd>{a.interface}</dd>
        <dt>{b.device}</dt>
        <dd>{b.interface}</dd>
      </dl>
      <LinkSettingsFields value={text} onChange={setText} onCommit={commit} />
      {error && <p className="field__error" role="alert">{t(error.key, { ...error.values })}</p>}
      <label className="toggle">
        <input
          type="checkbox"
          checked={link.state === 'up'}
          data-testid="properties-link-plugged"
          onChange={(event) => store.getState().applyEdit(setLinkState(store.getState().lab, linkId, event.target.checked ? 'up' : 'down'))}
        />
        <span>{link.state === 'up' ? t('properties.plugged') : t('properties.unplugged')}</span>
      </label>
      <button type="button" className="button button--danger" data-testid="properties-disconnect" onClick={() => store.getState().applyEdit(disconnect(store.getState().lab, linkId))}>
        {t('properties.disconnect')}
      </button>
    </>
  );
}
