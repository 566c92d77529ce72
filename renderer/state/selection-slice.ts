/**
 * The selection slice: which devices and links are selected on the canvas. Kept apart from the
 * lab document (selecting is not an edit, it is not undone), and pruned when an edit, undo or
 * load removes what it named.
 */
import type { DeviceName, Lab, LinkId } from '../../sim-core/lab/lab-document';
import type { AppSliceCreator } from './slice-types';

export interface Selection {
  readonly devices: readonly DeviceName[];
  readonly links: readonly LinkId[];
}

export const EMPTY_SELECTION: Selection = { devices: [], links: [] };

export interface SelectionState {
  readonly selection: Selection;
}

export interface SelectionActions {
  setSelection(selection: Selection): void;
  clearSelection(): void;
}

/** The selection without the devices and links the lab no longer has (same object if nothing went). */
export function pruneSelection(selection: Selection, lab: Lab): Selection {
  const devices = selection.devices.filter((name) => lab.devices.some((device) => device.name === name));
  const links = selection.links.filter((id) => lab.links.some((link) => link.id === id));
  return devices.length === selection.devices.length && links.length === selection.links.length ? selection : { devices, links };
}

export function isSelectionEmpty(selection: Selection): boolean {
  return selection.devices.length === 0 && selection.links.length === 0;
}

export const createSelectionSlice: AppSliceCreator<SelectionState & SelectionActions> = (set) => ({
  selection: EMPTY_SELECTION,
  setSelection: (selection) => set({ selection }),
  clearSelection: () => set({ selection: EMPTY_SELECTION }),
});
