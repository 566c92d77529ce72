/**
 * The main area: the topology canvas, and over it the welcome card (while the lab is empty),
 * the hint for the current mode, the zoom controls, the properties panel of the selection and
 * the inline rename box. Devices dragged from the palette are dropped here.
 */
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDevice } from '../actions/add-device';
import { useAppServices } from '../app-services';
import { isDeviceKind } from '../devices/device-kinds';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { CanvasFinder } from './canvas-finder';
import { CanvasHint } from './canvas-hint';
import { PropertiesPanel } from './properties-panel';
import { RenameEditor } from './rename-editor';
import { TopologyCanvas } from './topology-canvas';
import { SampleLabButton, WelcomePanel } from './welcome-panel';
import { ZoomControls } from './zoom-controls';

/** The drag-and-drop type carrying a device kind from the palette. */
export const DEVICE_KIND_DRAG_TYPE = 'application/x-v6lab-device-kind';

export function CanvasArea() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const services = useAppServices();
  const isEmpty = useAppStore((state) => state.lab.devices.length === 0);
  const placing = useAppStore((state) => state.selectedDeviceKind !== null);
  const welcomeDismissed = useAppStore((state) => state.welcomeDismissed);

  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer.types.includes(DEVICE_KIND_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(DEVICE_KIND_DRAG_TYPE);
    const canvas = services.canvas.current;
    if (!isDeviceKind(kind) || !canvas) return;
    event.preventDefault();
    const rect = event.currentTarget.getBoundingClientRect();
    const position = canvas.modelPosition({ x: event.clientX - rect.left, y: event.clientY - rect.top });
    const state = store.getState();
    state.applyEdit(addDevice(state.lab, { kind, position }));
    store.setState({ selectedDeviceKind: null });
  };

  return (
    <main className="canvas-area" aria-label={t('canvas.label')} onDragOver={onDragOver} onDrop={onDrop}>
      <TopologyCanvas />
      {isEmpty && !placing && (
        <div className="canvas-area__empty" data-testid="canvas-empty">
          <p className="canvas-area__empty-title">{t('canvas.emptyTitle')}</p>
          <p className="canvas-area__empty-hint">{t('canvas.emptyHint')}</p>
          {welcomeDismissed ? <SampleLabButton /> : <WelcomePanel />}
        </div>
      )}
      <CanvasHint />
      <CanvasFinder />
      <ZoomControls />
      <PropertiesPanel />
      <RenameEditor />
    </main>
  );
}
