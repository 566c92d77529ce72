/**
 * The remembered pane layout: read field by field, every size clamped to its range, anything
 * unreadable taken as the defaults, so no stored value can push a pane off the screen.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/state/create-app-store';
import { DEFAULT_PANE_LAYOUT, PANE_SIZE_LIMITS, parsePaneLayout, readPaneLayout, writePaneLayout } from '../../../renderer/state/layout-preference';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('pane layout preference', () => {
  it('nothing stored, broken JSON or a non-object reads as the defaults', () => {
    for (const text of [null, '', '{', '42', '"x"', 'null', '[]']) expect(parsePaneLayout(text)).toEqual(DEFAULT_PANE_LAYOUT);
  });

  it('sizes out of range are clamped to their limits; wrong types take the default', () => {
    const layout = parsePaneLayout(JSON.stringify({ dockHeightPx: 5, scenarioWidthPx: 99_999, eventListShare: 2, inspectorTreeShare: 'big', paletteCollapsed: 'yes', simPanelWidthPx: Number.NaN }));
    expect(layout.dockHeightPx).toBe(PANE_SIZE_LIMITS.dockHeightPx.min);
    expect(layout.scenarioWidthPx).toBe(PANE_SIZE_LIMITS.scenarioWidthPx.max);
    expect(layout.eventListShare).toBe(PANE_SIZE_LIMITS.eventListShare.max);
    expect(layout.inspectorTreeShare).toBe(DEFAULT_PANE_LAYOUT.inspectorTreeShare);
    expect(layout.paletteCollapsed).toBe(DEFAULT_PANE_LAYOUT.paletteCollapsed);
    expect(layout.simPanelWidthPx).toBeNull();
  });

  it('the palette is folded by default inside a scenario and open outside one', () => {
    expect(DEFAULT_PANE_LAYOUT.paletteCollapsedInScenario).toBe(true);
    expect(DEFAULT_PANE_LAYOUT.paletteCollapsed).toBe(false);
  });

  it('the store clamps what a splitter asks for, and a written layout reads back the same', () => {
    const store = createAppStore();
    store.getState().setPaneSize('dockHeightPx', 10_000);
    store.getState().setPaletteCollapsed(true, false);
    store.getState().setScenarioFolded(true);
    const { layout } = store.getState();
    expect(layout.dockHeightPx).toBe(PANE_SIZE_LIMITS.dockHeightPx.max);
    expect(layout.paletteCollapsedInScenario).toBe(false);
    expect(layout.paletteCollapsed).toBe(false);
    expect(layout.scenarioFolded).toBe(true);
    const storage = memoryStorage();
    writePaneLayout(storage, layout);
    expect(readPaneLayout(storage)).toEqual(layout);
  });
});
