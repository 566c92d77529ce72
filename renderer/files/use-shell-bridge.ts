/**
 * Ties the editor to its shell: desktop menu commands run the same commands as the toolbar,
 * the autosave is written soon after each edit (autosave-schedule.ts: 2 s after the last
 * edit, at most 5 s after the first unsaved one, failed writes retried), recovery is offered
 * at start, and
 * leaving with unsaved changes asks first: the browser's own prompt, or on the desktop main's
 * native "Discard unsaved changes?" (electron/unsaved-changes.ts), both raised by cancelling
 * beforeunload only while the lab is dirty. File › Export capture opens the port chooser of
 * the active console (or of the selected device, whose console it opens).
 */
import { useEffect } from 'react';
import { useAppServices } from '../app-services';
import { isLabDirty } from '../state/lab-slice';
import { chooseCaptureExportDevice, requestCaptureExport } from '../terminal/capture-export-request';
import { useAppStoreApi } from '../state/use-app-store-api';
import { startAutosaveSchedule } from './autosave-schedule';

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
        case 'export-capture': {
          const device = chooseCaptureExportDevice(state.activeConsole, state.selection.devices);
          if (device === null) {
            state.setStatus({ key: 'capture.openConsoleFirst' });
            return;
          }
          if (state.activeConsole === device) state.setActiveConsole(device);
          else state.openConsole(device);
          requestCaptureExport(device);
          return;
        }
      }
    });
    const stopAutosave = startAutosaveSchedule({
      save: () => fileCommands.autosaveNow(),
      // Every lab edit (and undo, redo, open) moves the revision on; configuring a device at
      // its console moves the configuration revision on.
      onEdit: (listener) =>
        store.subscribe((state, previous) => {
          if (state.revision !== previous.revision || state.consoleConfigRevision !== previous.consoleConfigRevision) listener();
        }),
      onError: (error) => console.warn('autosave failed; trying again shortly', error),
    });
    void fileCommands.checkRecovery().catch((error: unknown) => console.warn('autosave recovery check failed', error));
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!isLabDirty(store.getState())) return;
      event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      stopMenu();
      stopAutosave();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [store, files, fileCommands]);
}
