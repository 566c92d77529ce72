/**
 * The renderer's store (zustand, vanilla), made by a factory (as xyflow's store) so every test
 * and every window gets its own, and composed of one slice per concern: the lab document with
 * its undo history (lab-slice.ts), the canvas selection (selection-slice.ts) and the UI
 * (ui-slice.ts). The state is plain serializable data.
 *
 * The simulation view and open consoles are one more slice (renderer/sim/sim-slice.ts).
 * High-rate streams (trace, console output) stay out of the store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLabSlice, type LabActions, type LabState } from './lab-slice';
import { createSelectionSlice, type SelectionActions, type SelectionState } from './selection-slice';
import { createUiSlice, type UiActions, type UiState } from './ui-slice';
import { createSimSlice, type SimViewActions, type SimViewState } from '../sim/sim-slice';
import { createScenarioSlice, type ScenarioActions, type ScenarioState } from '../scenario/scenario-slice';

export { READY_STATUS, type StatusMessage } from './ui-slice';

export type AppState = UiState & LabState & SelectionState & SimViewState & ScenarioState;
export type AppActions = UiActions & LabActions & SelectionActions & SimViewActions & ScenarioActions;
export type AppStore = StoreApi<AppState & AppActions>;

export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState & AppActions>()((set, get) => ({
    ...createUiSlice(set, get),
    ...createLabSlice(set, get),
    ...createSelectionSlice(set, get),
    ...createSimSlice(set, get),
    ...createScenarioSlice(set, get),
    ...initial,
  }));
}
