/**
 * The status bar: the current status line on the left; device and link counts, the offline
 * badge and which shell the app runs in on the right.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import type { StatusMessage } from '../state/create-app-store';

function useStatusText(status: StatusMessage): string {
  const { t } = useTranslation();
  const values: Record<string, string | number> = { ...status.values };
  // A value named `fooKey` is an i18n key: it is translated and passed as `foo`.
  for (const [name, value] of Object.entries(status.values ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string') values[name.slice(0, -'Key'.length)] = t(value);
  }
  return t(status.key, values);
}

export function StatusBar() {
  const { t } = useTranslation();
  const status = useAppStore((state) => state.status);
  const deviceCount = useAppStore((state) => state.lab.devices.length);
  const linkCount = useAppStore((state) => state.lab.links.length);
  const appInfo = useAppStore((state) => state.appInfo);
  const statusText = useStatusText(status);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-bar__message" role="status" data-testid="status-message">{statusText}</span>
      <span className="status-bar__spacer" />
      <span className="status-bar__item" data-testid="status-devices">{t('status.devices', { count: deviceCount })}</span>
      <span className="status-bar__item" data-testid="status-links">{t('status.links', { count: linkCount })}</span>
      <span className="status-bar__item status-bar__badge">{t('status.offline')}</span>
      <span className="status-bar__item">{appInfo ? t('status.desktop', { version: appInfo.version }) : t('status.browser')}</span>
    </footer>
  );
}
