/**
 * "Open" in the browser build (the desktop shows its native dialog): the labs saved in this
 * browser, most recent first, or a file from the computer.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { useAppStore } from '../state/app-store-context';
import { Modal } from './modal';

export function OpenBrowserDialog() {
  const { t } = useTranslation();
  const { files, fileCommands } = useAppServices();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [recent, setRecent] = useState<readonly string[] | null>(null);

  useEffect(() => {
    void files.listRecent().then(setRecent);
  }, [files]);

  const openLocalFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    await fileCommands.openText(await file.text(), file.name);
  };

  return (
    <Modal title={t('openBrowser.title')} onClose={closeDialog} testId="open-browser-dialog" footer={<button type="button" className="button" onClick={closeDialog}>{t('dialog.cancel')}</button>}>
      <h3 className="modal__section">{t('openBrowser.saved')}</h3>
      {recent !== null && recent.length === 0 && <p className="field__help">{t('openBrowser.none')}</p>}
      <ul className="file-list">
        {(recent ?? []).map((name) => (
          <li key={name}>
            <button type="button" className="file-list__item" data-testid="open-browser-file" onClick={() => void fileCommands.run({ kind: 'open-path', path: name }, { force: true })}>
              {name}
            </button>
          </li>
        ))}
      </ul>
      <h3 className="modal__section">{t('openBrowser.fromComputer')}</h3>
      <input type="file" accept=".yaml,.yml" className="field__file" data-testid="open-browser-input" aria-label={t('openBrowser.fromComputer')} onChange={(event) => void openLocalFile(event)} />
    </Modal>
  );
}
