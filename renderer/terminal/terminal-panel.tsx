/**
 * The terminal panel: one tab per open device console (several at once), each an xterm view
 * over the device's console session in the worker. Tabs stay alive when hidden (their screens
 * and scrollback kept); the one in front is fitted to the panel on every resize. Host devices
 * get a settings form beside their terminal; any device can export a port's capture. The tab
 * strip stays one line: tabs scroll sideways, the actions keep their place at its right.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import { CaptureExport } from './capture-export';
import { HostSettingsForm } from './host-settings-form';
import { XtermConsole, type ClipboardAccess } from './xterm-console';
import './terminal.css';

function systemClipboard(): ClipboardAccess | undefined {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  return clipboard ? { writeText: (text) => clipboard.writeText(text), readText: () => clipboard.readText() } : undefined;
}

function TerminalView({ device, active }: { device: DeviceName; active: boolean }) {
  const { client } = useSim();
  const hostRef = useRef<HTMLDivElement>(null);
  const consoleRef = useRef<XtermConsole | null>(null);

  useEffect(() => {
    const element = hostRef.current;
    if (!element) return;
    const view = new XtermConsole(client, device, systemClipboard());
    consoleRef.current = view;
    void view.open(element);
    const observer = new ResizeObserver(() => view.fit());
    observer.observe(element);
    return () => {
      observer.disconnect();
      view.dispose();
      consoleRef.current = null;
    };
  }, [client, device]);

  useEffect(() => {
    if (!active) return;
    const view = consoleRef.current;
    // After the tab is shown: fit to the now-visible box, then take the keyboard.
    const frame = requestAnimationFrame(() => {
      view?.fit();
      view?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [active]);

  return <div ref={hostRef} className="terminal-view" hidden={!active} data-testid={`terminal-${device}`} />;
}

export function TerminalPanel() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const open = useAppStore((state) => state.openConsoles);
  const active = useAppStore((state) => state.activeConsole);
  const activeKind = useAppStore((state) => state.lab.devices.find((device) => device.name === state.activeConsole)?.kind);
  const [settingsFor, setSettingsFor] = useState<DeviceName | null>(null);
  const isHost = activeKind === 'pc' || activeKind === 'server';

  if (open.length === 0) {
    return (
      <section className="terminal-panel terminal-panel--empty" aria-label={t('terminal.title')}>
        <p className="terminal-panel__hint">{t('terminal.hint')}</p>
      </section>
    );
  }

  return (
    <section className="terminal-panel" aria-label={t('terminal.title')} data-testid="terminal-panel">
      <div className="terminal-tabs">
        <div className="terminal-tabs__list" role="tablist" aria-label={t('terminal.tabs')}>
        {open.map((device) => (
          <div key={device} className="terminal-tab" role="presentation" aria-selected={device === active}>
            <button type="button" role="tab" aria-selected={device === active} className="terminal-tab__name" data-testid={`terminal-tab-${device}`} onClick={() => store.getState().setActiveConsole(device)}>
              {device}
            </button>
            <button type="button" className="terminal-tab__close" aria-label={t('terminal.close', { name: device })} title={t('terminal.close', { name: device })} onClick={() => store.getState().closeConsole(device)}>
              ×
            </button>
          </div>
        ))}
        </div>
        {active !== null && isHost && (
          <button type="button" className="terminal-tabs__action" aria-pressed={settingsFor === active} data-testid="host-settings-toggle" onClick={() => setSettingsFor(settingsFor === active ? null : active)}>
            {t('terminal.settings')}
          </button>
        )}
        {active !== null && <CaptureExport device={active} />}
      </div>
      <div className="terminal-panel__body">
        <div className="terminal-panel__screens">
          {open.map((device) => (
            <TerminalView key={device} device={device} active={device === active} />
          ))}
        </div>
        {active !== null && isHost && settingsFor === active && activeKind !== undefined && <HostSettingsForm device={active} kind={activeKind} onDone={() => setSettingsFor(null)} />}
      </div>
    </section>
  );
}
