/**
 * The sizes and folds of the app's panes (palette, scenario pane, simulation panel, console
 * dock, the event list over the inspector, the inspector's layers over its bytes), kept between
 * runs in localStorage so a trainee who made room for the console finds it as they left it.
 * Every size is clamped to its own range when read, so a value from an older or edited storage
 * can never push a pane off the screen; anything unreadable reads as the defaults.
 */

export interface PaneLayout {
  /** The palette folded to a strip of icons, outside a scenario and inside one. */
  readonly paletteCollapsed: boolean;
  readonly paletteCollapsedInScenario: boolean;
  /** The scenario pane folded to a strip at the window's right edge. */
  readonly scenarioFolded: boolean;
  /** Null: the pane's width follows the window's (wider windows, wider panes). */
  readonly scenarioWidthPx: number | null;
  readonly simPanelWidthPx: number | null;
  readonly dockHeightPx: number;
  /** The event list's share of the simulation panel while the inspector is open. */
  readonly eventListShare: number;
  /** The layer tree's share of the inspector (the bytes get the rest). */
  readonly inspectorTreeShare: number;
}

export type PaneSize = 'scenarioWidthPx' | 'simPanelWidthPx' | 'dockHeightPx' | 'eventListShare' | 'inspectorTreeShare';

/** The range each size may take (shares are fractions of their pane). */
export const PANE_SIZE_LIMITS: Readonly<Record<PaneSize, { readonly min: number; readonly max: number }>> = {
  scenarioWidthPx: { min: 280, max: 760 },
  simPanelWidthPx: { min: 320, max: 900 },
  dockHeightPx: { min: 120, max: 900 },
  eventListShare: { min: 0.15, max: 0.85 },
  inspectorTreeShare: { min: 0.2, max: 0.85 },
};

export const DEFAULT_PANE_LAYOUT: PaneLayout = {
  paletteCollapsed: false,
  paletteCollapsedInScenario: true,
  scenarioFolded: false,
  scenarioWidthPx: null,
  simPanelWidthPx: null,
  dockHeightPx: 240,
  eventListShare: 0.3,
  inspectorTreeShare: 0.58,
};

const STORAGE_KEY = 'v6lab.layout';

export function clampPaneSize(size: PaneSize, value: number): number {
  const { min, max } = PANE_SIZE_LIMITS[size];
  return Math.min(max, Math.max(min, value));
}

/** Reads a stored layout field by field: a missing or bad field takes its default. */
export function parsePaneLayout(text: string | null | undefined): PaneLayout {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const flag = (key: keyof PaneLayout & ('paletteCollapsed' | 'paletteCollapsedInScenario' | 'scenarioFolded')) => (typeof record[key] === 'boolean' ? record[key] : DEFAULT_PANE_LAYOUT[key]);
  const size = <K extends PaneSize>(key: K): PaneLayout[K] => {
    const value = record[key];
    return (typeof value === 'number' && Number.isFinite(value) ? clampPaneSize(key, value) : DEFAULT_PANE_LAYOUT[key]) as PaneLayout[K];
  };
  return {
    paletteCollapsed: flag('paletteCollapsed'),
    paletteCollapsedInScenario: flag('paletteCollapsedInScenario'),
    scenarioFolded: flag('scenarioFolded'),
    scenarioWidthPx: size('scenarioWidthPx'),
    simPanelWidthPx: size('simPanelWidthPx'),
    dockHeightPx: size('dockHeightPx'),
    eventListShare: size('eventListShare'),
    inspectorTreeShare: size('inspectorTreeShare'),
  };
}

export function readPaneLayout(storage: Pick<Storage, 'getItem'> | undefined): PaneLayout {
  try {
    return parsePaneLayout(storage?.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_PANE_LAYOUT;
  }
}

export function writePaneLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: PaneLayout): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the sizes last for this run only.
  }
}
