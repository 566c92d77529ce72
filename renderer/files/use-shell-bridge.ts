/**
 * Ties the editor to its shell: desktop menu commands run the same commands as the toolbar,
 * autosave runs every 30 s while there are unsaved changes, recovery is offered at start, and
 * in a plain browser leaving with unsaved changes asks first (the desktop keeps an autosave).
 */
import { useEffect } from 'react';
import { useAppServices } from '../app-services';
import { isLabDirty } from '../state/lab-slice';
import { useAppStoreApi } from '../state/use-app-store-api';
import { startAutosave } from './file-commands';

export const AUTOSAVE_INTERVAL_MS = 30_000;

export function useShellBridge(): void {
  const store = useAppStoreApi();
  const { files, fileCommands } = useAppServices();
  useEffect(() => {
    const stopMenu = files.onMenuCommand((command) => {
      const state = store.getState();
      switch (command.command) {
        case 'new':
          void fileCommands.run({ kind: 'new' });
          return;
        case 'open':
          void fileCommands.run({ kind: 'open' });
          return;
        case 'open-recent':
          void fileCommands.run({ kind: 'open-path', path: command.path });
          return;
        case 'save':
          void fileCommands.save();
          return;
        case 'save-as':
          void fileCommands.saveAs();
          return;
        case 'undo':
          state.undo();
          return;
        case 'redo':
          state.redo();
          return;
        case 'export-capture':
          state.setStatus({ key: 'status.exportLater' });
          return;
      }
    });
    const stopAutosave = startAutosave(fileCommands, AUTOSAVE_INTERVAL_MS);
    void fileCommands.checkRecovery().catch((error: unknown) => console.warn('autosave recovery check failed', error));
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (files.kind === 'browser' && isLabDirty(store.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      stopMenu();
      stopAutosave();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [store, files, fileCommands]);
}
