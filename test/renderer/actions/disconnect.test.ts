import { describe, expect, it } from 'vitest';
import { disconnect } from '../../../renderer/actions/disconnect';
import { expectExactEdit, smallLab, storeWith } from './lab-scene';

describe('disconnect', () => {
  it('removes the cable and keeps both devices; undo plugs it back', () => {
    const store = storeWith(smallLab());
    const id = store.getState().lab.links[0]!.id;
    const after = expectExactEdit(store, (current) => disconnect(current, id));
    expect(after.links).toEqual([]);
    expect(after.devices).toHaveLength(3);
  });

  it('an unknown link is refused', () => {
    expect(disconnect(smallLab(), 'X:eth0--Y:eth0')).toEqual({ ok: false, error: { key: 'edit.error.noLink' } });
  });
});
