import { describe, expect, it } from 'vitest';
import { deleteSelection } from '../../../renderer/actions/delete-selection';
import type { LinkId } from '../../../sim-core/lab/lab-document';
import { asDeviceName } from '../../../sim-core/lab/lab-document';
import { expectExactEdit, smallLab, storeWith } from './lab-scene';

describe('delete-selection', () => {
  it('deletes a device with the links that touch it, and undo brings both back', () => {
    const store = storeWith(smallLab());
    store.getState().setSelection({ devices: [asDeviceName('PC1')], links: [] });
    const after = expectExactEdit(store, (current) => deleteSelection(current, store.getState().selection));
    expect(after.devices.map((d) => d.name)).toEqual(['R1', 'PC2']);
    expect(after.links).toEqual([]);
    expect(store.getState().selection).toEqual({ devices: [], links: [] });
  });

  it('deletes a selected link and keeps its devices', () => {
    const store = storeWith(smallLab());
    const linkId = store.getState().lab.links[0]!.id;
    const after = expectExactEdit(store, (current) => deleteSelection(current, { devices: [], links: [linkId] }));
    expect(after.devices).toHaveLength(3);
    expect(after.links).toEqual([]);
  });

  it('with nothing selected is refused with a reason', () => {
    expect(deleteSelection(smallLab(), { devices: [], links: ['nope' as LinkId] })).toEqual({ ok: false, error: { key: 'edit.error.nothingSelected' } });
  });
});
