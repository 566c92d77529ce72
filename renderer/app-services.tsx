/**
 * The app's non-state services for components: the file commands (open, save …) and the
 * canvas controls (fit, zoom, where a label is), which the canvas adapter fills in once
 * cytoscape exists. Given by a provider at the root, like the store.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { CanvasPosition } from '../sim-core/lab/lab-document';
import type { FileCommands } from './files/file-commands';
import type { LabFiles } from './files/lab-files';

export interface CanvasControls {
  fit(): void;
  zoomBy(factor: number): void;
  /** Model coordinates of a point relative to the canvas container. */
  modelPosition(rendered: CanvasPosition): CanvasPosition;
  /** Where a device's name is drawn (relative to the container), or null. */
  labelBox(name: string): { x: number; y: number; zoom: number } | null;
  /** Centres the view on a device (zoom at least 1); false when the canvas has no such device. */
  centerOn(name: string): boolean;
  /** Fits the view to one zone's devices. */
  fitZone(zone: string): void;
}

export interface AppServices {
  readonly files: LabFiles;
  readonly fileCommands: FileCommands;
  /** Set by the canvas when it mounts; null before. */
  readonly canvas: { current: CanvasControls | null };
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices: no AppServicesProvider above this component');
  return services;
}
