/**
 * "Save as" in the browser build (the desktop shows its native dialog instead): a name for the
 * lab in the browser's store; `.v6lab.yaml` is added when missing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { useAppStore } from '../state/app-store-context';
import { Modal } from './modal';

export const LAB_FILE_SUFFIX = '.v6lab.yaml';

export function withLabSuffix(name: string): string {
  const trimmed = name.trim();
  return /\.ya?ml$/i.test(trimmed) ? trimmed : `${trimmed}${LAB_FILE_SUFFIX}`;
}

export function SaveAsDialog({ suggestedName }: { suggestedName: string }) {
  const { t } = useTranslation();
  const { fileCommands } = useAppServices();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [name, setName] = useState(suggestedName);
  const valid = name.trim().length > 0 && !/[\\/]/.test(name);
  const submit = () => {
    if (valid) void fileCommands.saveTo(withLabSuffix(name));
  };
  return (
    <Modal
      title={t('saveAs.title')}
      onClose={closeDialog}
      testId="save-as-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>{t('dialog.cancel')}</button>
          <button type="button" className="button button--primary" data-testid="save-as-confirm" disabled={!valid} onClick={submit}>{t('saveAs.save')}</button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">{t('saveAs.name')}</span>
        <input
          className="field__input"
          data-autofocus
          data-testid="save-as-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && submit()}
        />
      </label>
      <p className="field__help">{t('saveAs.help')}</p>
    </Modal>
  );
}
