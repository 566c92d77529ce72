/**
 * The editor's toolbar in the top bar: file (new, open, save, save as), edit (undo, redo,
 * delete), the connect tool and Add Simple PDU (a ping from one device to another, no console). The same commands are in the desktop menu and on the keyboard.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSelection } from '../actions/delete-selection';
import { useAppServices } from '../app-services';
import { useAppStore } from '../state/app-store-context';
import { canRedo, canUndo } from '../state/lab-slice';
import { isSelectionEmpty } from '../state/selection-slice';
import { useAppStoreApi } from '../state/use-app-store-api';

const ICONS: Record<string, ReactNode> = {
  new: <path d="M5 2.5h7l4 4v11H5zM12 2.5v4h4M10.5 9.5v5M8 12h5" />,
  open: <path d="M2.5 5.5v10h13l2-7h-13l-2 7M2.5 5.5V4h5l1.5 1.5h6v3" />,
  save: <path d="M3.5 3.5h10l3 3v10h-13zM6.5 3.5v4h6v-4M6 16.5v-5h8v5" />,
  undo: <path d="M7 5 3.5 8.5 7 12M3.5 8.5H12a4.5 4.5 0 0 1 0 9H9" />,
  redo: <path d="m13 5 3.5 3.5L13 12M16.5 8.5H8a4.5 4.5 0 0 0 0 9h3" />,
  connect: <path d="M3 14.5c4 0 3-9 7-9s3 9 7 9M2 13h2.5v3H2zM15.5 4h2.5v3h-2.5z" />,
  pdu: <path d="M2.5 5.5h15v10h-15zM2.5 5.5l7.5 6 7.5-6" />,
  delete: <path d="M4 5.5h12M8 5.5v-2h4v2M5.5 5.5l1 11h7l1-11M8.5 8.5v5M11.5 8.5v5" />,
};

function ToolButton({ icon, label, shortcut, onClick, disabled = false, pressed, testId }: { icon: string; label: string; shortcut?: string; onClick: () => void; disabled?: boolean; pressed?: boolean; testId: string }) {
  return (
    <button type="button" className="tool-button" title={shortcut ? `${label} (${shortcut})` : label} disabled={disabled} aria-pressed={pressed} data-testid={testId} onClick={onClick}>
      <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {ICONS[icon]}
      </svg>
      <span className="tool-button__label">{label}</span>
    </button>
  );
}

export function Toolbar() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { fileCommands } = useAppServices();
  const undoable = useAppStore(canUndo);
  const redoable = useAppStore(canRedo);
  const tool = useAppStore((state) => state.tool);
  const hasSelection = useAppStore((state) => !isSelectionEmpty(state.selection));
  const hasDevices = useAppStore((state) => state.lab.devices.length >= 2);
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar__group">
        <ToolButton icon="new" label={t('toolbar.new')} shortcut="Ctrl+N" testId="toolbar-new" onClick={() => void fileCommands.run({ kind: 'new' })} />
        <ToolButton icon="open" label={t('toolbar.open')} shortcut="Ctrl+O" testId="toolbar-open" onClick={() => void fileCommands.run({ kind: 'open' })} />
        <ToolButton icon="save" label={t('toolbar.save')} shortcut="Ctrl+S" testId="toolbar-save" onClick={() => void fileCommands.save()} />
        <button type="button" className="tool-button tool-button--text" title={t('toolbar.saveAs')} data-testid="toolbar-save-as" onClick={() => void fileCommands.saveAs()}>
          {t('toolbar.saveAsShort')}
        </button>
      </div>
      <div className="toolbar__group">
        <ToolButton icon="undo" label={t('toolbar.undo')} shortcut="Ctrl+Z" testId="toolbar-undo" disabled={!undoable} onClick={() => store.getState().undo()} />
        <ToolButton icon="redo" label={t('toolbar.redo')} shortcut="Ctrl+Y" testId="toolbar-redo" disabled={!redoable} onClick={() => store.getState().redo()} />
      </div>
      <div className="toolbar__group">
        <ToolButton
          icon="connect"
          label={t('toolbar.connect')}
          testId="toolbar-connect"
          pressed={tool === 'connect'}
          disabled={!hasDevices && tool !== 'connect'}
          onClick={() => store.getState().setTool(tool === 'connect' ? 'select' : 'connect')}
        />
        <ToolButton
          icon="pdu"
          label={t('toolbar.pdu')}
          testId="toolbar-pdu"
          pressed={tool === 'pdu'}
          disabled={!hasDevices && tool !== 'pdu'}
          onClick={() => store.getState().setTool(tool === 'pdu' ? 'select' : 'pdu')}
        />
        <ToolButton
          icon="delete"
          label={t('toolbar.delete')}
          shortcut="Del"
          testId="toolbar-delete"
          disabled={!hasSelection}
          onClick={() => store.getState().applyEdit(deleteSelection(store.getState().lab, store.getState().selection))}
        />
      </div>
    </nav>
  );
}
