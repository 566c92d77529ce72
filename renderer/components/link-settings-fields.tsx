/**
 * The optional link settings as a person types them: delay in milliseconds, bandwidth in
 * Mbit/s, MTU in bytes; empty means the simulator's default. Parsing turns them into the
 * document's units (nanoseconds, bits per second) or an i18n reason.
 */
import { useTranslation } from 'react-i18next';
import type { LinkSettings } from '../actions/connect';
import type { EditMessage } from '../actions/lab-edit';
import { MAX_LINK_MTU, MIN_LINK_MTU } from '../../sim-core/lab/lab-document';

export interface LinkSettingsText {
  readonly delayMs: string;
  readonly bandwidthMbps: string;
  readonly mtu: string;
}

type Parsed = { readonly ok: true; readonly value: LinkSettings } | { readonly ok: false; readonly error: EditMessage };

const DECIMAL = /^\d+(\.\d+)?$/;

export function parseLinkSettings(text: LinkSettingsText): Parsed {
  const value: { delayNs?: number; bandwidthBps?: number; mtu?: number } = {};
  const delay = text.delayMs.trim().replace(',', '.');
  if (delay !== '') {
    if (!DECIMAL.test(delay)) return { ok: false, error: { key: 'link.error.delay' } };
    value.delayNs = Math.round(Number(delay) * 1e6);
  }
  const bandwidth = text.bandwidthMbps.trim().replace(',', '.');
  if (bandwidth !== '') {
    if (!DECIMAL.test(bandwidth)) return { ok: false, error: { key: 'link.error.bandwidth' } };
    value.bandwidthBps = Math.round(Number(bandwidth) * 1e6);
  }
  const mtu = text.mtu.trim();
  if (mtu !== '') {
    if (!/^\d+$/.test(mtu)) return { ok: false, error: { key: 'link.error.mtu', values: { min: MIN_LINK_MTU, max: MAX_LINK_MTU } } };
    value.mtu = Number(mtu);
  }
  return { ok: true, value };
}

export function formatLinkSettings(settings: LinkSettings): LinkSettingsText {
  return {
    delayMs: settings.delayNs === undefined ? '' : String(settings.delayNs / 1e6),
    bandwidthMbps: settings.bandwidthBps === undefined ? '' : String(settings.bandwidthBps / 1e6),
    mtu: settings.mtu === undefined ? '' : String(settings.mtu),
  };
}

export function LinkSettingsFields({ value, onChange, onCommit }: { value: LinkSettingsText; onChange: (next: LinkSettingsText) => void; onCommit?: () => void }) {
  const { t } = useTranslation();
  const field = (key: keyof LinkSettingsText, labelKey: string, placeholderKey: string) => (
    <label className="field field--inline">
      <span className="field__label">{t(labelKey)}</span>
      <input
        className="field__input field__input--number"
        inputMode="decimal"
        value={value[key]}
        placeholder={t(placeholderKey)}
        data-testid={`link-${key}`}
        onChange={(event) => onChange({ ...value, [key]: event.target.value })}
        onBlur={onCommit}
        onKeyDown={(event) => event.key === 'Enter' && onCommit?.()}
      />
    </label>
  );
  return (
    <div className="link-settings">
      {field('delayMs', 'link.delayMs', 'link.default')}
      {field('bandwidthMbps', 'link.bandwidthMbps', 'link.default')}
      {field('mtu', 'link.mtu', 'link.default')}
    </div>
  );
}
