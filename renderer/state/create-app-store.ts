/**
 * The renderer's UI store (zustand, vanilla): language, the palette selection, the status line
 * and what the desktop shell told us about itself. Made by a factory (as xyflow's store), so
 * every test and every window gets its own store; the state is plain serializable data.
 *
 * Leaves out: the lab document, selection on the canvas, simulation and console slices (they
 * arrive with their features; the lab document goes through immer for undo/redo).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, AppLanguage } from '../../electron/ipc-contract';
import type { DeviceKind } from '../devices/device-kinds';

/**
 * A status line as an i18n key plus values, so it re-translates when the language changes.
 * A value named `fooKey` is itself an i18n key, translated and passed as `foo`.
 */
export interface StatusMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface AppState {
  readonly language: AppLanguage;
  readonly selectedDeviceKind: DeviceKind | null;
  readonly status: StatusMessage;
  /** Null in a plain browser, where there is no desktop shell. */
  readonly appInfo: AppInfo | null;
  readonly deviceCount: number;
  readonly linkCount: number;
}

export interface AppActions {
  setLanguage(language: AppLanguage): void;
  /** Selects a kind in the palette; selecting the selected kind again clears the selection. */
  toggleDeviceKind(kind: DeviceKind): void;
  setStatus(status: StatusMessage): void;
  setAppInfo(info: AppInfo): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export const READY_STATUS: StatusMessage = { key: 'status.ready' };

export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState & AppActions>()((set) => ({
    language: 'vi',
    selectedDeviceKind: null,
    status: READY_STATUS,
    appInfo: null,
    deviceCount: 0,
    linkCount: 0,
    ...initial,
    setLanguage: (language) => set({ language }),
    toggleDeviceKind: (kind) =>
      set((state) =>
        state.selectedDeviceKind === kind
          ? { selectedDeviceKind: null, status: READY_STATUS }
          : { selectedDeviceKind: kind, status: { key: 'status.selectedKind', values: { nameKey: `device.kind.${kind}` } } },
      ),
    setStatus: (status) => set({ status }),
    setAppInfo: (appInfo) => set({ appInfo }),
  }));
}
