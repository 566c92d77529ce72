import { describe, it, expect } from 'vitest';
import { planSubnets, usableIpv4Hosts, DEFAULT_PLAN_ROWS } from '../../../sim-core/addr/subnet-plan';
import { formatPrefix, parsePrefix, type Prefix } from '../../../sim-core/addr/prefix';

function p(text: string): Prefix {
  const r = parsePrefix(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('subnet plans (COURSE.md planning rules)', () => {
  it('the provincial LAN: a /56 per department from 2001:db8:6803::/48, named in order', () => {
    const r = planSubnets({ parent: p('2001:db8:6803::/48'), newLength: 56, names: ['vp-ubnd', 'so-noi-vu', 'so-tttt'] });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.totalSubnets).toBe(256n);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.rows.map((row) => [row.index, row.name, formatPrefix(row.prefix)])).toEqual([
      [0, 'vp-ubnd', '2001:db8:6803::/56'],
      [1, 'so-noi-vu', '2001:db8:6803:100::/56'],
      [2, 'so-tttt', '2001:db8:6803:200::/56'],
    ]);
  });

  it('lists the first 16 when no count is given, and says how many exist in total', () => {
    const r = planSubnets({ parent: p('2001:db8:6800::/40'), newLength: 48 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.length).toBe(DEFAULT_PLAN_ROWS);
    expect(r.value.totalSubnets).toBe(256n);
    expect(formatPrefix(r.value.rows[15]!.prefix)).toBe('2001:db8:680f::/48');
  });

  it('warns when a cut is not on a nibble boundary', () => {
    const r = planSubnets({ parent: p('2001:db8:6803::/48'), newLength: 50, count: 2 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.warnings).toEqual([expect.stringMatching(/^\/50 is not on a nibble boundary .* prefer \/48 or \/52$/)]);
    const parent = planSubnets({ parent: p('2001:db8::/46'), newLength: 48 });
    expect(parent.ok && parent.value.warnings[0]).toMatch(/parent 2001:db8::\/46 does not end on a nibble boundary/);
  });

  it('warns that subnets longer than /64 break SLAAC, but not for /127 and /128', () => {
    const r = planSubnets({ parent: p('2001:db8:6803:1::/64'), newLength: 112, count: 1 });
    expect(r.ok && r.value.warnings).toEqual([expect.stringMatching(/longer than \/64 break SLAAC/)]);
    const links = planSubnets({ parent: p('2001:db8:6800:ff00::/64'), newLength: 127, count: 1 });
    expect(links.ok && links.value.warnings.filter((w) => w.includes('SLAAC'))).toEqual([]);
  });

  it('warns when the count asked for does not fit, and lists all that do', () => {
    const r = planSubnets({ parent: p('2001:db8:6803::/48'), newLength: 52, count: 20 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.length).toBe(16);
    expect(r.value.warnings).toEqual([expect.stringMatching(/you asked for 20 subnets but 2001:db8:6803::\/48 holds only 16 of \/52/)]);
  });

  it('warns about names beyond the count', () => {
    const r = planSubnets({ parent: p('192.0.2.0/24'), newLength: 26, count: 2, names: ['a', 'b', 'c'] });
    expect(r.ok && r.value.warnings).toEqual(["3 names but only 2 subnets listed; names after 'b' are not used"]);
  });

  it('refuses a subnet length shorter than the parent or past the family width', () => {
    expect(planSubnets({ parent: p('2001:db8::/48'), newLength: 40 })).toMatchObject({ ok: false, error: expect.stringMatching(/shorter than the parent/) });
    expect(planSubnets({ parent: p('2001:db8::/48'), newLength: 129 })).toEqual({ ok: false, error: 'prefix length 129 is more than 128' });
    expect(planSubnets({ parent: p('2001:db8::/48'), newLength: 64, count: 0 })).toMatchObject({ ok: false });
  });

  it('IPv4 usable hosts: /24 has 254, /30 has 2, /31 has 2 (RFC 3021), /32 has 1', () => {
    expect([24, 30, 31, 32].map(usableIpv4Hosts)).toEqual([254, 2, 2, 1]);
  });
});
