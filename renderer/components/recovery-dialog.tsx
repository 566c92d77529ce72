/**
 * Offered at start when an autosave is waiting (the app closed or crashed with unsaved work):
 * recover it, or discard it.
 */
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { baseName } from '../files/lab-files';
import { useAppStore } from '../state/app-store-context';
import { Modal } from './modal';

export function RecoveryDialog({ text, savedAtMs, sourcePath }: { text: string; savedAtMs: number; sourcePath: string | null }) {
  const { t, i18n } = useTranslation();
  const { files, fileCommands } = useAppServices();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const when = new Date(savedAtMs).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  const discard = async () => {
    closeDialog();
    await files.clearAutosave();
  };
  return (
    <Modal
      title={t('recovery.title')}
      onClose={closeDialog}
      testId="recovery-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => void discard()}>{t('recovery.discard')}</button>
          <button type="button" className="button button--primary" data-testid="recovery-restore" onClick={() => void fileCommands.run({ kind: 'recover', text, sourcePath })}>{t('recovery.restore')}</button>
        </>
      }
    >
      <p>{sourcePath === null ? t('recovery.messageUntitled', { when }) : t('recovery.message', { when, file: baseName(sourcePath) })}</p>
    </Modal>
  );
}
