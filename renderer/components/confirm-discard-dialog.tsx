/**
 * "Discard unsaved changes?" before New, Open or the sample replaces a lab with unsaved edits:
 * save first, discard, or cancel.
 */
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../app-services';
import { useAppStore } from '../state/app-store-context';
import type { FileIntent } from '../state/ui-slice';
import { Modal } from './modal';

export function ConfirmDiscardDialog({ then }: { then: FileIntent }) {
  const { t } = useTranslation();
  const { fileCommands } = useAppServices();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const saveThen = async () => {
    closeDialog();
    if (await fileCommands.save()) await fileCommands.run(then, { force: true });
  };
  return (
    <Modal
      title={t('confirm.title')}
      onClose={closeDialog}
      testId="confirm-discard-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>{t('dialog.cancel')}</button>
          <button type="button" className="button button--danger" data-testid="confirm-discard" onClick={() => void fileCommands.run(then, { force: true })}>{t('confirm.discard')}</button>
          <button type="button" className="button button--primary" onClick={() => void saveThen()}>{t('confirm.save')}</button>
        </>
      }
    >
      <p>{t('confirm.message')}</p>
    </Modal>
  );
}
