/**
 * Listens for the editor's shortcuts on the window and runs them against the store, the file
 * commands and the canvas. Presses inside text fields and consoles are left to them, except
 * saving (Ctrl+S, Ctrl+Shift+S); any press while a dialog is open is left alone (Escape in a
 * dialog closes it there).
 */
import { useEffect } from 'react';
import { deleteSelection } from '../actions/delete-selection';
import { useAppServices } from '../app-services';
import { ZOOM_STEP } from '../canvas/canvas-adapter';
import { useAppStoreApi } from '../state/use-app-store-api';
import { isAppWideShortcut, readShortcut } from './shortcut-command';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useKeyboardShortcuts(hasDesktopMenu: boolean): void {
  const store = useAppStoreApi();
  const { fileCommands, canvas } = useAppServices();
  useEffect(() => {
    const isMac = /Mac/.test(navigator.platform);
    const onKeyDown = (event: KeyboardEvent) => {
      if (store.getState().dialog !== null) return;
      // In a text field or a console (xterm's hidden textarea) only saving is the app's.
      if (isTextField(event.target) && !isAppWideShortcut(event, isMac)) return;
      const command = readShortcut(event, { hasDesktopMenu, isMac });
      if (command === null) return;
      event.preventDefault();
      const state = store.getState();
      switch (command) {
        case 'undo':
          state.undo();
          return;
        case 'redo':
          state.redo();
          return;
        case 'delete':
          state.applyEdit(deleteSelection(state.lab, state.selection));
          return;
        case 'rename':
          if (state.selection.devices.length === 1) state.openDialog({ kind: 'rename', device: state.selection.devices[0]! });
          return;
        case 'escape':
          if (state.selectedDeviceKind !== null || state.tool !== 'select') state.setTool('select');
          else state.clearSelection();
          return;
        case 'fit':
          canvas.current?.fit();
          return;
        case 'zoom-in':
          canvas.current?.zoomBy(ZOOM_STEP);
          return;
        case 'zoom-out':
          canvas.current?.zoomBy(1 / ZOOM_STEP);
          return;
        case 'new':
          void fileCommands.run({ kind: 'new' });
          return;
        case 'open':
          void fileCommands.run({ kind: 'open' });
          return;
        case 'save':
          void fileCommands.save();
          return;
        case 'save-as':
          void fileCommands.saveAs();
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, fileCommands, canvas, hasDesktopMenu]);
}
