/**
 * The canvas component: creates one cytoscape instance and its CanvasAdapter when it mounts,
 * and from then on bypasses React: store changes (lab, selection, connect source, language) go
 * straight to the adapter through a store subscription, and the adapter's callbacks become
 * store actions. React renders the container once (memo, no props).
 */
import cytoscape from 'cytoscape';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addDevice } from '../actions/add-device';
import { asZoneId, type DeviceName } from '../../sim-core/lab/lab-document';
import { moveDevices, movesChangeLab } from '../actions/move-devices';
import { useAppServices } from '../app-services';
import { CanvasAdapter, type CanvasCallbacks } from '../canvas/canvas-adapter';
import { CANVAS_STYLE } from '../canvas/canvas-style';
import { labelZone } from '../canvas/zone-label';
import type { AppStore } from '../state/create-app-store';
import { useAppStoreApi } from '../state/use-app-store-api';

/** Rename in place, unless cabling or a dialog is under way (two quick taps there are two picks). */
function startRename(store: AppStore, name: DeviceName): void {
  const state = store.getState();
  if (state.tool === 'select' && state.dialog === null) state.openDialog({ kind: 'rename', device: name });
}

function makeCallbacks(store: AppStore): CanvasCallbacks {
  return {
    onTapBackground: (position, zone) => {
      const kind = store.getState().selectedDeviceKind;
      if (kind === null) return;
      store.setState({ selectedDeviceKind: null });
      // After cytoscape has finished its own tap handling (which clears the selection), so the
      // new device stays selected.
      setTimeout(() => {
        const state = store.getState();
        state.applyEdit(addDevice(state.lab, { kind, position, ...(zone !== undefined ? { zone: asZoneId(zone) } : {}) }));
      }, 0);
    },
    onTapDevice: (name) => {
      const state = store.getState();
      if (state.tool === 'pdu') {
        // Add Simple PDU: source, then destination; the tool stays on for the next one (Esc ends it).
        if (state.connectSource === null) {
          state.setConnectSource(name);
          state.setStatus({ key: 'status.pduPickDestination', values: { name } });
        } else if (state.connectSource !== name) {
          state.sendSimplePdu(state.connectSource, name, state.pduFamily);
          state.setConnectSource(null);
        }
        return;
      }
      if (state.tool !== 'connect') return;
      if (state.connectSource === null) {
        state.setConnectSource(name);
        state.setStatus({ key: 'status.connectPickSecond', values: { name } });
      } else if (state.connectSource !== name) {
        state.openDialog({ kind: 'connect', a: state.connectSource, b: name });
        state.setConnectSource(null);
      }
    },
    onMoveDevices: (moves) => {
      const state = store.getState();
      if (movesChangeLab(state.lab, moves)) state.applyEdit(moveDevices(state.lab, moves));
    },
    onSelectionChange: (selection) => {
      const current = store.getState().selection;
      const same = current.devices.join('\n') === selection.devices.join('\n') && current.links.join('\n') === selection.links.join('\n');
      if (!same) store.getState().setSelection(selection);
    },
    onDoubleClickLabel: (name) => startRename(store, name),
    // A double click on the icon opens the device's console (a terminal tab), as in Packet Tracer.
    onDoubleClickDevice: (name) => {
      const state = store.getState();
      if (state.tool === 'select' && state.dialog === null) state.openConsole(name);
    },
  };
}

function TopologyCanvasView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const services = useAppServices();
  const { t } = useTranslation();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      elements: [],
      style: CANVAS_STYLE,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    const zoneLabeler = () => {
      const state = store.getState();
      return (zone: string) => labelZone(zone, state.lab, state.language, t);
    };
    const adapter = new CanvasAdapter(cy, makeCallbacks(store), zoneLabeler());
    const markRendered = () => {
      const count = store.getState().lab.devices.length;
      requestAnimationFrame(() => container.setAttribute('data-rendered-devices', String(count)));
    };
    // Each cable end's light as an attribute ("R1 GigabitEthernet0/0=up;…"), for tests and tools that read the page.
    const showLights = (lights: Readonly<Record<string, string>>) =>
      container.setAttribute(
        'data-link-lights',
        Object.entries(lights)
          .map(([key, state]) => `${key.replace('\u0000', ' ')}=${state}`)
          .join(';'),
      );
    const initial = store.getState();
    adapter.setPortLights(initial.portLights);
    showLights(initial.portLights);
    adapter.setShowPortNames(initial.showPortNames);
    adapter.render(initial.lab);
    adapter.showSelection(initial.selection);
    if (initial.lab.devices.length > 0) adapter.fit();
    markRendered();

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.lab !== previous.lab) {
        adapter.render(state.lab);
        if (state.documentGeneration !== previous.documentGeneration) adapter.fit();
        markRendered();
      }
      if (state.portLights !== previous.portLights) {
        adapter.setPortLights(state.portLights);
        showLights(state.portLights);
      }
      if (state.showPortNames !== previous.showPortNames) adapter.setShowPortNames(state.showPortNames);
      if (state.selection !== previous.selection) adapter.showSelection(state.selection);
      if (state.connectSource !== previous.connectSource) adapter.setConnectSource(state.connectSource);
      if (state.language !== previous.language || state.lab.zones !== previous.lab.zones) adapter.relabelZones(zoneLabeler());
      if (state.lockedDevices !== previous.lockedDevices || (state.lab !== previous.lab && state.lockedDevices.length > 0)) adapter.setLockedDevices(state.lockedDevices);
    });
    services.canvas.current = {
      fit: () => adapter.fit(),
      zoomBy: (factor) => adapter.zoomBy(factor),
      modelPosition: (rendered) => adapter.modelPosition(rendered),
      labelBox: (name) => adapter.labelBox(name),
      centerOn: (name) => adapter.centerOn(name),
      fitZone: (zone) => adapter.fitZone(zone),
    };
    // Keep the drawing surface in step with the layout (window resize, palette width, the
    // terminal dock); a view nobody has moved since the last fit is fitted again.
    const observer = new ResizeObserver(() => adapter.resized());
    // The view's zoom and pan as attributes, for tests and tools that read the page (the drawing is a canvas).
    let viewportFrame = 0;
    const showViewport = () => {
      if (viewportFrame !== 0) return;
      viewportFrame = requestAnimationFrame(() => {
        viewportFrame = 0;
        container.setAttribute('data-zoom', cy.zoom().toFixed(4));
        container.setAttribute('data-pan', `${cy.pan().x.toFixed(1)},${cy.pan().y.toFixed(1)}`);
      });
    };
    cy.on('viewport', showViewport);
    showViewport();
    observer.observe(container);
    return () => {
      services.canvas.current = null;
      unsubscribe();
      observer.disconnect();
      if (viewportFrame !== 0) cancelAnimationFrame(viewportFrame);
      cy.destroy();
    };
    // Created once; the store and services never change for the app's life.
  }, []);

  return <div ref={containerRef} className="topology-canvas__surface" data-testid="topology-canvas" />;
}

export const TopologyCanvas = memo(TopologyCanvasView, () => true);
