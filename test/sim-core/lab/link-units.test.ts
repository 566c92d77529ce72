import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBandwidthBps, formatDelayNs, MAX_BANDWIDTH_BPS, MAX_DELAY_NS, MIN_BANDWIDTH_BPS, parseBandwidthBps, parseDelayNs } from '../../../sim-core/lab/link-units';

describe('link delay', () => {
  it.each([
    ['1ms', 1_000_000],
    ['500us', 500_000],
    ['500µs', 500_000],
    ['2 ms', 2_000_000],
    ['1.5ms', 1_500_000],
    ['0ns', 0],
    ['10s', MAX_DELAY_NS],
  ])('%s = %i ns', (text, delayNs) => {
    expect(parseDelayNs(text)).toEqual({ ok: true, value: delayNs });
  });

  it.each([
    ['2', "delay '2' has no unit; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)"],
    ['2 sec', "delay '2 sec' has an unknown unit 'sec'; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)"],
    ['fast', "delay 'fast' is not a duration; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)"],
    ['0.5ns', "delay '0.5ns' is not a whole number of nanoseconds"],
    ['10.000000001s', "delay '10.000000001s' is too long; the longest link delay is 10s"],
    ['-1ms', "delay '-1ms' is not a duration; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)"],
  ])('%s is refused', (text, error) => {
    expect(parseDelayNs(text)).toEqual({ ok: false, error });
  });

  it('formats with the largest exact unit, and parses back', () => {
    expect(formatDelayNs(1_000_000)).toBe('1ms');
    expect(formatDelayNs(1_500_000)).toBe('1500us');
    expect(formatDelayNs(0)).toBe('0ns');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DELAY_NS }), (delayNs) => {
        expect(parseDelayNs(formatDelayNs(delayNs))).toEqual({ ok: true, value: delayNs });
      }),
    );
  });
});

describe('link bandwidth', () => {
  it.each([
    ['1Gbps', 1e9],
    ['100Mbps', 1e8],
    ['64kbps', 64_000],
    ['2.048 Mbps', 2_048_000],
    ['100mbps', 1e8],
  ])('%s = %i bit/s', (text, bandwidthBps) => {
    expect(parseBandwidthBps(text)).toEqual({ ok: true, value: bandwidthBps });
  });

  it.each([
    ['1Tbps', "bandwidth '1Tbps' has an unknown unit 'Tbps'; expected a number and a unit bps, kbps, Mbps or Gbps (e.g. 1Gbps, 100Mbps, 64kbps)"],
    ['999bps', "bandwidth '999bps' is out of range; links run from 1kbps to 400Gbps"],
    ['1.5bps', "bandwidth '1.5bps' is not a whole number of bits per second"],
  ])('%s is refused', (text, error) => {
    expect(parseBandwidthBps(text)).toEqual({ ok: false, error });
  });

  it('formats with the largest exact unit, and parses back', () => {
    expect(formatBandwidthBps(1e9)).toBe('1Gbps');
    expect(formatBandwidthBps(64_000)).toBe('64kbps');
    fc.assert(
      fc.property(fc.integer({ min: MIN_BANDWIDTH_BPS, max: MAX_BANDWIDTH_BPS }), (bandwidthBps) => {
        expect(parseBandwidthBps(formatBandwidthBps(bandwidthBps))).toEqual({ ok: true, value: bandwidthBps });
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => {
      expect(typeof parseBandwidthBps(text).ok).toBe('boolean');
      expect(typeof parseDelayNs(text).ok).toBe('boolean');
    }));
  });
});
