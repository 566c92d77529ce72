/**
 * "Export capture": pick one of the device's ports and save the frames it sent and received
 * since the network started as a pcapng file (Wireshark opens it). Through the desktop shell's
 * file save when it offers one, else as a browser download.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import type { InterfaceInfo } from '../sim/sim-protocol';
import { onCaptureExportRequest, takeCaptureExportRequest } from './capture-export-request';
import { saveCaptureFile } from './save-capture';

export function CaptureExport({ device }: { device: string }) {
  const { t } = useTranslation();
  const { client } = useSim();
  const store = useAppStoreApi();
  const [ports, setPorts] = useState<readonly InterfaceInfo[] | null>(null);

  const showPorts = async () => {
    try {
      setPorts((await client.request('interfaces', { device })).filter((iface) => iface.port));
    } catch {
      setPorts([]);
    }
  };

  const toggle = async () => {
    if (ports !== null) {
      setPorts(null);
      return;
    }
    await showPorts();
  };

  // File › Export capture in the desktop menu opens this chooser (capture-export-request.ts).
  useEffect(() => {
    const answer = () => {
      if (takeCaptureExportRequest(device)) void showPorts();
    };
    answer();
    return onCaptureExportRequest(answer);
  }, [device, client]); // showPorts reads only these two.

  const exportPort = async (iface: string) => {
    setPorts(null);
    try {
      const capture = await client.request('export-capture', { device, iface });
      if ((await saveCaptureFile(capture.fileName, capture.bytes)) === 'canceled') return;
      store.getState().setStatus({ key: 'capture.saved', values: { name: capture.fileName, count: capture.frameCount } });
    } catch (error) {
      store.getState().setStatus({ key: 'capture.failed', values: { message: error instanceof Error ? error.message : String(error) } });
    }
  };

  return (
    <div className="capture-export">
      <button type="button" className="terminal-tabs__action" aria-expanded={ports !== null} data-testid="capture-export" onClick={() => void toggle()} title={t('capture.hint')}>
        {t('capture.export')}
      </button>
      {ports !== null && (
        <ul className="capture-export__menu" role="menu" aria-label={t('capture.choose')}>
          {ports.length === 0 && <li className="capture-export__empty">{t('capture.none')}</li>}
          {ports.map((port) => (
            <li key={port.name} role="none">
              <button type="button" role="menuitem" data-testid={`capture-${port.name}`} onClick={() => void exportPort(port.name)}>
                {port.name} {port.up ? '' : `(${t('capture.down')})`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
