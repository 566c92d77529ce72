/**
 * The UI slice: language, the palette's placement kind, the canvas tool (select, connect or Add Simple PDU),
 * the status line, the one open dialog, what the desktop shell told us about itself, and the
 * panes' sizes and folds. Plain
 * serializable data: a dialog says what it is about (a file intent, a list of problems), never
 * holds a callback.
 */
import type { AppInfo, AppLanguage } from '../../electron/ipc-contract';
import type { LabProblem } from '../../sim-core/lab/lab-problems';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import type { DeviceKind } from '../devices/device-kinds';
import { clampPaneSize, DEFAULT_PANE_LAYOUT, type PaneLayout, type PaneSize } from './layout-preference';
import type { AppSliceCreator } from './slice-types';

/**
 * A status line as an i18n key plus values, so it re-translates when the language changes.
 * A value named `fooKey` is itself an i18n key, translated and passed as `foo`.
 */
export interface StatusMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export const READY_STATUS: StatusMessage = { key: 'status.ready' };

/** What the person asked for that would replace the current lab (kept while we ask to confirm). */
export type FileIntent =
  | { readonly kind: 'new' }
  | { readonly kind: 'open' }
  | { readonly kind: 'open-path'; readonly path: string }
  | { readonly kind: 'open-sample' }
  | { readonly kind: 'recover'; readonly text: string; readonly sourcePath: string | null }
  /** Opening a course scenario replaces the lab too (the trainee's lab comes back when it closes). */
  | { readonly kind: 'open-scenario'; readonly scenario: Scenario };

export type DialogState =
  | { readonly kind: 'connect'; readonly a: DeviceName; readonly b: DeviceName }
  | { readonly kind: 'problems'; readonly fileName: string; readonly problems: readonly LabProblem[] }
  | { readonly kind: 'confirm-discard'; readonly then: FileIntent }
  | { readonly kind: 'recovery'; readonly text: string; readonly savedAtMs: number; readonly sourcePath: string | null }
  | { readonly kind: 'save-as'; readonly suggestedName: string }
  | { readonly kind: 'open-browser' }
  | { readonly kind: 'rename'; readonly device: DeviceName }
  | { readonly kind: 'message'; readonly message: StatusMessage };

/** `pdu`: Add Simple PDU, pick the source and then the destination of a ping. */
export type CanvasTool = 'select' | 'connect' | 'pdu';

export interface UiState {
  readonly language: AppLanguage;
  /** The kind picked in the palette: the next click on the canvas places one. */
  readonly selectedDeviceKind: DeviceKind | null;
  readonly tool: CanvasTool;
  /** In connect mode (and the PDU tool), the first device picked. */
  readonly connectSource: DeviceName | null;
  /** The family the Add Simple PDU tool pings over. */
  readonly pduFamily: 4 | 6;
  readonly status: StatusMessage;
  readonly dialog: DialogState | null;
  /** The welcome card was closed (it shows over an empty lab until then). */
  readonly welcomeDismissed: boolean;
  /** Null in a plain browser, where there is no desktop shell. */
  readonly appInfo: AppInfo | null;
  /** Pane sizes and folds (remembered between runs: layout-preference.ts). */
  readonly layout: PaneLayout;
}

export interface UiActions {
  setLanguage(language: AppLanguage): void;
  /** Selects a kind in the palette; selecting the selected kind again clears the selection. */
  toggleDeviceKind(kind: DeviceKind): void;
  setTool(tool: CanvasTool): void;
  setConnectSource(device: DeviceName | null): void;
  setPduFamily(family: 4 | 6): void;
  setStatus(status: StatusMessage): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  dismissWelcome(): void;
  setAppInfo(info: AppInfo): void;
  /** Sets one pane size, clamped to its range. */
  setPaneSize(size: PaneSize, value: number): void;
  /** Folds or unfolds the palette for where the trainee is (in a scenario or not). */
  setPaletteCollapsed(inScenario: boolean, collapsed: boolean): void;
  setScenarioFolded(folded: boolean): void;
}

export const createUiSlice: AppSliceCreator<UiState & UiActions> = (set) => ({
  language: 'vi',
  selectedDeviceKind: null,
  tool: 'select',
  connectSource: null,
  pduFamily: 6,
  status: READY_STATUS,
  dialog: null,
  welcomeDismissed: false,
  appInfo: null,
  layout: DEFAULT_PANE_LAYOUT,
  setLanguage: (language) => set({ language }),
  toggleDeviceKind: (kind) =>
    set((state) =>
      state.selectedDeviceKind === kind
        ? { selectedDeviceKind: null, status: READY_STATUS }
        : { selectedDeviceKind: kind, tool: 'select', connectSource: null, status: { key: 'status.selectedKind', values: { nameKey: `device.kind.${kind}` } } },
    ),
  setTool: (tool) =>
    set({
      tool,
      connectSource: null,
      selectedDeviceKind: null,
      status: tool === 'connect' ? { key: 'status.connectPickFirst' } : tool === 'pdu' ? { key: 'status.pduPickSource' } : READY_STATUS,
    }),
  setConnectSource: (connectSource) => set({ connectSource }),
  setPduFamily: (pduFamily) => set({ pduFamily }),
  setStatus: (status) => set({ status }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  dismissWelcome: () => set({ welcomeDismissed: true }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setPaneSize: (size, value) => set((state) => ({ layout: { ...state.layout, [size]: clampPaneSize(size, value) } })),
  setPaletteCollapsed: (inScenario, collapsed) => set((state) => ({ layout: { ...state.layout, [inScenario ? 'paletteCollapsedInScenario' : 'paletteCollapsed']: collapsed } })),
  setScenarioFolded: (scenarioFolded) => set((state) => ({ layout: { ...state.layout, scenarioFolded } })),
});
