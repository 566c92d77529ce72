import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { eui64Address, formatInterfaceId, interfaceIdFromMac, macFromInterfaceId } from '../../../sim-core/addr/eui64';
import { formatIpv6 } from '../../../sim-core/addr/ipv6';
import { mac, parseMac, type MacAddress } from '../../../sim-core/addr/mac';
import { parseIpv6Prefix, type Ipv6Prefix } from '../../../sim-core/addr/prefix';
import vectors from '../../fixtures/vectors/rfc4291-eui64.json';

function m(text: string): MacAddress {
  const r = parseMac(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function p(text: string): Ipv6Prefix {
  const r = parseIpv6Prefix(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('modified EUI-64 (RFC 4291 appendix A, RFC 2464 section 4): vectors', () => {
  for (const c of vectors.cases) {
    it(`${c.mac} under ${c.prefix} → ${c.address}`, () => {
      const id = interfaceIdFromMac(m(c.mac));
      expect(formatInterfaceId(id)).toBe(c.interfaceId);
      const address = eui64Address(p(c.prefix), m(c.mac));
      expect(address.ok && formatIpv6(address.value)).toBe(c.address);
      expect(macFromInterfaceId(id)).toBe(m(c.mac));
    });
  }
});

describe('modified EUI-64 rules', () => {
  it('inverts the U/L bit: universal 00:… gets 02, local 02:… gets 00', () => {
    expect(formatInterfaceId(interfaceIdFromMac(m('00:00:00:00:00:00')))).toBe('0200:00ff:fe00:0000');
    expect(formatInterfaceId(interfaceIdFromMac(m('02:00:00:00:00:00')))).toBe('0000:00ff:fe00:0000');
  });

  it('needs a /64 (RFC 4291 section 2.5.1)', () => {
    const r = eui64Address(p('2001:db8::/48'), m('00:0c:29:0c:47:d5'));
    expect(r).toEqual({ ok: false, error: '2001:db8::/48 is a /48; a modified EUI-64 address needs a /64 prefix (RFC 4291 section 2.5.1)' });
  });

  it('finds no MAC in an identifier without ff:fe in the middle', () => {
    expect(macFromInterfaceId(0x1234n)).toBeUndefined();
  });

  it('MAC → interface ID → MAC round-trips for any MAC', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (n) => {
      expect(macFromInterfaceId(interfaceIdFromMac(mac(n)))).toBe(n);
    }));
  });
});
