import { describe, expect, it } from 'vitest';
import { setLinkProperties, setLinkState } from '../../../renderer/actions/set-link-properties';
import { expectExactEdit, smallLab, storeWith } from './lab-scene';

describe('set-link-properties', () => {
  it('sets delay, bandwidth and MTU, and clearing one removes it from the file', () => {
    const store = storeWith(smallLab());
    const linkId = store.getState().lab.links[0]!.id;
    let after = expectExactEdit(store, (current) => setLinkProperties(current, { linkId, state: 'up', delayNs: 5_000_000, bandwidthBps: 1_000_000_000, mtu: 9000 }));
    expect(after.links[0]).toMatchObject({ delayNs: 5_000_000, bandwidthBps: 1_000_000_000, mtu: 9000 });
    after = expectExactEdit(store, (current) => setLinkProperties(current, { linkId, state: 'up', delayNs: 5_000_000 }));
    expect(after.links[0]!.mtu).toBeUndefined();
    expect('bandwidthBps' in after.links[0]!).toBe(false);
  });

  it('unplugs and replugs the cable (state down ↔ up)', () => {
    const store = storeWith(smallLab());
    const linkId = store.getState().lab.links[0]!.id;
    expect(expectExactEdit(store, (current) => setLinkState(current, linkId, 'down')).links[0]!.state).toBe('down');
    expect(expectExactEdit(store, (current) => setLinkState(current, linkId, 'up')).links[0]!.state).toBe('up');
  });

  it('refuses an MTU below 1280 with the limits in the message', () => {
    const linkId = smallLab().links[0]!.id;
    expect(setLinkProperties(smallLab(), { linkId, state: 'up', mtu: 1000 })).toEqual({ ok: false, error: { key: 'link.error.mtu', values: { min: 1280, max: 9216 } } });
  });
});
