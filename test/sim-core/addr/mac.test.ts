import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatMac, formatMacCisco, formatMacWindows, isGroupMac, isLocalMac, mac, parseMac } from '../../../sim-core/addr/mac';

const VMWARE = 0x000c290c47d5;

describe('MAC text in three styles', () => {
  it('reads colon, Windows dash and Cisco dotted forms to the same value', () => {
    for (const text of ['00:0c:29:0c:47:d5', '00-0C-29-0C-47-D5', '000c.290c.47d5', '00:0C:29:0C:47:D5']) {
      expect(parseMac(text)).toEqual({ ok: true, value: VMWARE });
    }
  });

  it('writes colon lower-case, Windows dash upper-case and Cisco dotted', () => {
    expect(formatMac(mac(VMWARE))).toBe('00:0c:29:0c:47:d5');
    expect(formatMacWindows(mac(VMWARE))).toBe('00-0C-29-0C-47-D5');
    expect(formatMacCisco(mac(VMWARE))).toBe('000c.290c.47d5');
  });

  const rejected: [string, RegExp][] = [
    ['', /^empty text/],
    ['00:0c:29:0c:47', /has 5 groups separated by ':'; a MAC address has 6/],
    ['00:0c-29:0c:47:d5', /mixes separators/],
    ['000c.290c', /has 2 groups separated by '.'/],
    ['00:0c:29:0c:47:g5', /'g' is not a hex digit/],
    ['0:c:29:c:47:d5', /group '0' should have 2 hex digits/],
    ['000c29 0c47d5', /space/],
    ['000c290c47d5', /has no separators/],
    ['00::29:0c:47:d5', /is empty/],
  ];
  for (const [text, message] of rejected) {
    it(`rejects ${JSON.stringify(text)}: ${message.source}`, () => {
      const result = parseMac(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('reads the I/G and U/L bits of the first octet (IEEE 802)', () => {
    expect(isGroupMac(mac(0x333300000001))).toBe(true);
    expect(isGroupMac(mac(VMWARE))).toBe(false);
    expect(isLocalMac(mac(0x02005e100000))).toBe(true);
    expect(isLocalMac(mac(VMWARE))).toBe(false);
  });

  it('every style round-trips any 48-bit value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (n) => {
        const m = mac(n);
        for (const text of [formatMac(m), formatMacWindows(m), formatMacCisco(m)]) expect(parseMac(text)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('parse never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseMac(text)), { numRuns: 2000 });
  });
});
