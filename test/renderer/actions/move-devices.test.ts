import { describe, expect, it } from 'vitest';
import { moveDevices, movesChangeLab } from '../../../renderer/actions/move-devices';
import { expectExactEdit, smallLab, storeWith } from './lab-scene';

describe('move-devices', () => {
  it('moves several devices in one edit, rounded to whole pixels, and one undo puts both back', () => {
    const store = storeWith(smallLab());
    const after = expectExactEdit(store, (current) =>
      moveDevices(current, [
        { name: 'PC1', position: { x: 10.2, y: 20.7 } },
        { name: 'PC2', position: { x: -0.4, y: 500 } },
      ]),
    );
    expect(after.devices.map((d) => d.position)).toEqual([{ x: 300, y: 100 }, { x: 10, y: 21 }, { x: 0, y: 500 }]);
    expect(store.getState().past).toHaveLength(1);
  });

  it('a drag that ends where it started changes nothing and records no history', () => {
    const store = storeWith(smallLab());
    const moves = [{ name: 'R1', position: { x: 300.2, y: 99.9 } }];
    expect(movesChangeLab(store.getState().lab, moves)).toBe(false);
    expect(store.getState().applyEdit(moveDevices(store.getState().lab, moves))).toBe(false);
    expect(store.getState().past).toHaveLength(0);
    expect(movesChangeLab(store.getState().lab, [{ name: 'R1', position: { x: 301, y: 100 } }])).toBe(true);
  });
});
