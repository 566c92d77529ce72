/**
 * The inline rename box, drawn over the device's name on the canvas (double click the name, or
 * F2). It checks the IOS hostname rules while typing and says what is wrong in the current
 * language; Enter renames (one undoable edit), Escape cancels.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameDevice } from '../actions/rename-device';
import { useAppServices } from '../app-services';
import { checkDeviceName } from '../devices/device-naming';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';

function RenameBox({ device }: { device: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { canvas } = useAppServices();
  const lab = useAppStore((state) => state.lab);
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [name, setName] = useState(device);
  const trimmed = name.trim();
  const problem = trimmed === device ? null : checkDeviceName(lab, trimmed, device);
  const box = canvas.current?.labelBox(device) ?? { x: 200, y: 200, zoom: 1 };

  const commit = () => {
    if (problem) return;
    const state = store.getState();
    if (trimmed !== device) state.applyEdit(renameDevice(state.lab, { from: device, to: trimmed }));
    state.closeDialog();
  };

  return (
    <div className="rename" style={{ left: box.x, top: box.y }} data-testid="rename-editor">
      <input
        className={problem ? 'rename__input rename__input--invalid' : 'rename__input'}
        value={name}
        autoFocus
        spellCheck={false}
        maxLength={80}
        aria-label={t('rename.label', { name: device })}
        aria-invalid={problem !== null}
        data-testid="rename-input"
        onFocus={(event) => event.target.select()}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') closeDialog();
          event.stopPropagation();
        }}
        onBlur={() => (problem ? closeDialog() : commit())}
      />
      {problem ? (
        <p className="rename__error" role="alert" data-testid="rename-error">{t(problem.key, { ...problem.values })}</p>
      ) : (
        <p className="rename__help">{t('rename.help')}</p>
      )}
    </div>
  );
}

export function RenameEditor() {
  const device = useAppStore((state) => (state.dialog?.kind === 'rename' ? state.dialog.device : null));
  return device === null ? null : <RenameBox key={device} device={device} />;
}
