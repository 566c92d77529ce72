/**
 * A message that needs acknowledging (a file could not be read or written).
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import type { StatusMessage } from '../state/ui-slice';
import { Modal } from './modal';

export function MessageDialog({ message }: { message: StatusMessage }) {
  const { t } = useTranslation();
  const closeDialog = useAppStore((state) => state.closeDialog);
  return (
    <Modal title={t('file.errorTitle')} onClose={closeDialog} testId="message-dialog" footer={<button type="button" className="button button--primary" onClick={closeDialog}>{t('dialog.ok')}</button>}>
      <p>{t(message.key, { ...message.values })}</p>
    </Modal>
  );
}
