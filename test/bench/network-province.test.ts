/**
 * The province benchmark's network at a small size: the same build and run `npm run bench`
 * times, checked for what it must do rather than how fast.
 */
import { describe, expect, it } from 'vitest';
import { runProvince } from '../../bench/network-province.bench';

describe('province benchmark network (small)', () => {
  it('every host gets its addresses and reaches the server over both families; the same seed gives the same trace', () => {
    const first = runProvince(40);
    expect(first.hosts).toBe(40);
    expect(first.hostsReached).toBe(40);
    // Spanning tree forwards and SLAAC addresses are preferred within the first seconds.
    expect(first.addressesReadyNs).toBeLessThanOrEqual(5e9);
    const second = runProvince(40);
    expect(second.traceHash).toBe(first.traceHash);
    expect(second.events).toBe(first.events);
  });
});
