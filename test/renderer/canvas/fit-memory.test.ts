import { describe, expect, it } from 'vitest';
import { FitMemory } from '../../../renderer/canvas/fit-memory';

describe('FitMemory: fit again on resize only while the view is the fitted one', () => {
  const fitted = { zoom: 1.25, pan: { x: 120, y: 48 } };

  it('nothing fitted yet: a resize keeps the view', () => {
    expect(new FitMemory().stillFitted(fitted)).toBe(false);
  });

  it('the viewport of the last fit (up to float noise) is still fitted', () => {
    const memory = new FitMemory();
    memory.remember(fitted);
    expect(memory.stillFitted({ zoom: 1.25, pan: { x: 120.2, y: 47.9 } })).toBe(true);
  });

  it('a pan or a zoom by the person ends it, and so does forget() (zoom buttons)', () => {
    const memory = new FitMemory();
    memory.remember(fitted);
    expect(memory.stillFitted({ zoom: 1.25, pan: { x: 180, y: 48 } })).toBe(false);
    expect(memory.stillFitted({ zoom: 1.5, pan: { x: 120, y: 48 } })).toBe(false);
    memory.forget();
    expect(memory.stillFitted(fitted)).toBe(false);
  });

  it('keeps its own copy: a viewport object changed later does not change what was fitted', () => {
    const memory = new FitMemory();
    const viewport = { zoom: 1, pan: { x: 0, y: 0 } };
    memory.remember(viewport);
    viewport.pan.x = 300;
    expect(memory.stillFitted({ zoom: 1, pan: { x: 0, y: 0 } })).toBe(true);
  });
});
