/**
 * The lab document slice: the current Lab (sim-core/lab), where it was opened from or saved to,
 * and the edit history. Every edit runs through immer's produceWithPatches; the history keeps
 * each edit's patches and inverse patches, so undo and redo replay exactly what changed (no
 * snapshots, no diffing). "Dirty" is exact too: the document is unsaved when the newest applied
 * history entry is not the one that was current at the last save or load, so undoing back to
 * the saved state makes it clean again. Configuration typed at the devices' consoles is work
 * too: the simulation reports a revision of it (`consoleConfigRevision`), and the lab is unsaved
 * while that differs from the one the last save wrote.
 */
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { LAB_FORMAT_VERSION, type Lab } from '../../sim-core/lab/lab-document';
import type { EditSelection, LabEdit } from '../actions/lab-edit';
import { lockedEditRefusal } from '../scenario/locked-devices';
import { pruneSelection } from './selection-slice';
import type { AppSliceCreator, AppStoreState } from './slice-types';

enablePatches();

export interface HistoryEntry {
  readonly id: number;
  /** i18n key naming the edit. */
  readonly labelKey: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  /** What the edit selected; redo selects it again. */
  readonly select?: EditSelection;
}

/** Edits kept for undo; the oldest fall off. */
export const MAX_HISTORY_ENTRIES = 500;

export const EMPTY_LAB: Lab = { version: LAB_FORMAT_VERSION, zones: [], devices: [], links: [] };

export interface LabState {
  readonly lab: Lab;
  /** The file the lab was opened from or saved to (a desktop path or a browser-store name). */
  readonly filePath: string | null;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  /** Id of the newest applied entry when the lab was last saved or loaded; null: none; -1: never clean. */
  readonly savedEntryId: number | null;
  readonly nextEntryId: number;
  /** Goes up on every change of `lab` (edit, undo, redo, load): autosave and the canvas watch it. */
  readonly revision: number;
  /** Goes up when a whole document replaces the lab (new, open, recover): the canvas fits it to view. */
  readonly documentGeneration: number;
  /** The simulation's revision of the devices' running configurations (0 when a document loads). */
  readonly consoleConfigRevision: number;
  /** `consoleConfigRevision` as of the last save (0 when a document loads). */
  readonly savedConsoleConfigRevision: number;
}

export interface LoadDocumentOptions {
  readonly filePath: string | null;
  /** A recovered autosave differs from its file: it starts unsaved. */
  readonly dirty?: boolean;
}

export interface LabActions {
  /** Applies an edit and records it; a refused edit puts its reason in the status line. Returns whether it applied. */
  applyEdit(edit: LabEdit): boolean;
  undo(): boolean;
  redo(): boolean;
  /** Replaces the document (new, open, recover): history cleared, selection emptied. */
  loadDocument(lab: Lab, options: LoadDocumentOptions): void;
  /**
   * Records a successful save; `consoleConfigRevision` is the configuration revision the saved
   * text holds (default: the current one).
   */
  markSaved(filePath: string, consoleConfigRevision?: number): void;
  /** The simulation says the running configurations changed (a console configured a device). */
  setConsoleConfigRevision(revision: number): void;
}

function newestEntryId(past: readonly HistoryEntry[]): number | null {
  return past.length === 0 ? null : past[past.length - 1]!.id;
}

export function isLabDirty(state: Pick<LabState, 'past' | 'savedEntryId' | 'consoleConfigRevision' | 'savedConsoleConfigRevision'>): boolean {
  return newestEntryId(state.past) !== state.savedEntryId || state.consoleConfigRevision !== state.savedConsoleConfigRevision;
}

export function canUndo(state: Pick<LabState, 'past'>): boolean {
  return state.past.length > 0;
}

export function canRedo(state: Pick<LabState, 'future'>): boolean {
  return state.future.length > 0;
}

export const createLabSlice: AppSliceCreator<LabState & LabActions> = (set, get) => ({
  lab: EMPTY_LAB,
  filePath: null,
  past: [],
  future: [],
  savedEntryId: null,
  nextEntryId: 1,
  revision: 0,
  documentGeneration: 0,
  consoleConfigRevision: 0,
  savedConsoleConfigRevision: 0,

  applyEdit: (edit) => {
    if (!edit.ok) {
      set({ status: edit.error });
      return false;
    }
    const state = get();
    const [lab, patches, inversePatches] = produceWithPatches(state.lab, edit.recipe);
    if (patches.length === 0) return false;
    // A scenario's locked devices (and their cables) may be looked at, not changed.
    const refusal = lockedEditRefusal(state.lab, lab, state.lockedDevices);
    if (refusal !== null) {
      set({ status: refusal });
      return false;
    }
    const entry: HistoryEntry = { id: state.nextEntryId, labelKey: edit.labelKey, patches, inversePatches, ...(edit.select ? { select: edit.select } : {}) };
    const past = [...state.past, entry].slice(-MAX_HISTORY_ENTRIES);
    set({
      lab,
      past,
      future: [],
      nextEntryId: state.nextEntryId + 1,
      revision: state.revision + 1,
      selection: edit.select ?? pruneSelection(state.selection, lab),
      status: { key: 'status.edited', values: { actionKey: edit.labelKey } },
    });
    return true;
  },

  undo: () => {
    const state = get();
    const entry = state.past[state.past.length - 1];
    if (!entry) return false;
    const lab = applyPatches(state.lab, entry.inversePatches);
    set({
      lab,
      past: state.past.slice(0, -1),
      future: [entry, ...state.future],
      revision: state.revision + 1,
      selection: pruneSelection(state.selection, lab),
      status: { key: 'status.undone', values: { actionKey: entry.labelKey } },
    });
    return true;
  },

  redo: () => {
    const state = get();
    const entry = state.future[0];
    if (!entry) return false;
    const lab = applyPatches(state.lab, entry.patches);
    set({
      lab,
      past: [...state.past, entry],
      future: state.future.slice(1),
      revision: state.revision + 1,
      selection: entry.select ?? pruneSelection(state.selection, lab),
      status: { key: 'status.redone', values: { actionKey: entry.labelKey } },
    });
    return true;
  },

  loadDocument: (lab, options) =>
    set((state: AppStoreState) => ({
      lab,
      filePath: options.filePath,
      past: [],
      future: [],
      savedEntryId: options.dirty ? -1 : null,
      revision: state.revision + 1,
      documentGeneration: state.documentGeneration + 1,
      consoleConfigRevision: 0,
      savedConsoleConfigRevision: 0,
      selection: { devices: [], links: [] },
      connectSource: null,
      dialog: null,
    })),

  markSaved: (filePath, consoleConfigRevision) =>
    set((state: AppStoreState) => ({ filePath, savedEntryId: newestEntryId(state.past), savedConsoleConfigRevision: consoleConfigRevision ?? state.consoleConfigRevision })),
  setConsoleConfigRevision: (consoleConfigRevision) => set({ consoleConfigRevision }),
});
