/**
 * Shows the one open dialog of the UI slice (at most one at a time).
 */
import { useAppStore } from '../state/app-store-context';
import { ConfirmDiscardDialog } from './confirm-discard-dialog';
import { ConnectDialog } from './connect-dialog';
import { MessageDialog } from './message-dialog';
import { OpenBrowserDialog } from './open-browser-dialog';
import { ProblemsDialog } from './problems-dialog';
import { RecoveryDialog } from './recovery-dialog';
import { SaveAsDialog } from './save-as-dialog';

export function DialogHost() {
  const dialog = useAppStore((state) => state.dialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'connect':
      return <ConnectDialog a={dialog.a} b={dialog.b} />;
    case 'problems':
      return <ProblemsDialog fileName={dialog.fileName} problems={dialog.problems} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog then={dialog.then} />;
    case 'recovery':
      return <RecoveryDialog text={dialog.text} savedAtMs={dialog.savedAtMs} sourcePath={dialog.sourcePath} />;
    case 'save-as':
      return <SaveAsDialog suggestedName={dialog.suggestedName} />;
    case 'open-browser':
      return <OpenBrowserDialog />;
    case 'message':
      return <MessageDialog message={dialog.message} />;
    case 'rename':
      return null; // drawn in place by RenameEditor
  }
}
