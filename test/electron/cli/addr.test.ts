import { describe, it, expect } from 'vitest';
import { runAddrInfo } from '../../../electron/cli/addr/info';
import { runAddrEui64 } from '../../../electron/cli/addr/eui64';
import { runAddrNat64, runAddrNat64Extract } from '../../../electron/cli/addr/nat64';
import { runAddr6to4 } from '../../../electron/cli/addr/six-to-four';
import { runAddrPlan } from '../../../electron/cli/addr/plan';
import type { CommandOutcome } from '../../../electron/cli/cli-command';

function ok(outcome: CommandOutcome): { text: string; json: Record<string, unknown>; first: string } {
  if (!outcome.ok) throw new Error(outcome.error);
  return { text: outcome.text, json: outcome.json as Record<string, unknown>, first: outcome.text.split('\n')[0]! };
}

function error(outcome: CommandOutcome): string {
  if (outcome.ok) throw new Error(`expected an error, got:\n${outcome.text}`);
  return outcome.error;
}

describe('addr info', () => {
  it('puts the canonical form alone on the first line', () => {
    expect(ok(runAddrInfo('2001:0DB8:0000::0001')).first).toBe('2001:db8::1');
    expect(ok(runAddrInfo('fe80::1%Ethernet0')).first).toBe('fe80::1%Ethernet0');
    expect(ok(runAddrInfo('2001:db8:1::1/64')).first).toBe('2001:db8:1::1/64');
    expect(ok(runAddrInfo('192.0.2.1/24')).first).toBe('192.0.2.1/24');
  });

  it('gives the full form, type, solicited-node group with its MAC, and the ip6.arpa name', () => {
    const { text, json } = ok(runAddrInfo('2001:db8::1'));
    expect(text).toContain('2001:0db8:0000:0000:0000:0000:0000:0001');
    expect(text).toContain('documentation (2001:db8::/32)');
    expect(json.solicitedNode).toBe('ff02::1:ff00:1');
    expect(json.solicitedNodeMac).toBe('33:33:ff:00:00:01');
    expect(json.reverseDns).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it('shows the prefix part in binary with the cut marked, and the reverse zone on a nibble boundary', () => {
    const { text, json } = ok(runAddrInfo('2001:db8:6803::1/50'));
    expect(text).toContain('0010000000000001 0000110110111000 0110100000000011 00|00000000000000');
    expect(json.prefixBits).toBe('00100000000000010000110110111000011010000000001100');
    expect(text).toMatch(/warning: \/50 is not on a nibble boundary/);
    expect(ok(runAddrInfo('2001:db8:6803::1/48')).json.reverseZone).toBe('3.0.8.6.8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it('names the multicast scope and MAC, the IPv4 inside mapped and NAT64 addresses, and the MAC inside an EUI-64 ID', () => {
    expect(ok(runAddrInfo('ff05::1:3')).text).toMatch(/scope: +site-local/);
    expect(ok(runAddrInfo('ff02::1')).json.multicastMac).toBe('33:33:00:00:00:01');
    expect(ok(runAddrInfo('::ffff:c000:201')).json.embeddedIpv4).toBe('192.0.2.1');
    expect(ok(runAddrInfo('64:ff9b::192.0.2.33')).json.embeddedIpv4).toBe('192.0.2.33');
    expect(ok(runAddrInfo('2002:c000:204::1')).json.embeddedIpv4).toBe('192.0.2.4');
    expect(ok(runAddrInfo('fe80::20c:29ff:fe0c:47d5')).json.macFromInterfaceId).toBe('00:0c:29:0c:47:d5');
  });

  it('for IPv4: mask, wildcard, broadcast, and the IPv6 forms that carry it', () => {
    const { json } = ok(runAddrInfo('192.0.2.77/26'));
    expect(json).toMatchObject({ prefix: '192.0.2.64/26', mask: '255.255.255.192', wildcard: '0.0.0.63', broadcast: '192.0.2.127', usableHosts: 62 });
    expect(json).toMatchObject({ ipv4Mapped: '::ffff:192.0.2.77', nat64: '64:ff9b::c000:24d', sixToFourPrefix: '2002:c000:24d::/48', reverseDns: '77.2.0.192.in-addr.arpa' });
  });

  it('names the argument and the problem when it is not an address', () => {
    expect(error(runAddrInfo('2001:db8::1::1'))).toBe("'2001:db8::1::1' is not an IPv6 address: '::' may appear only once");
    expect(error(runAddrInfo('::ffff:256.1.1.1'))).toBe("'::ffff:256.1.1.1' is not an IPv6 address: IPv4 part: 256 is more than 255");
    expect(error(runAddrInfo('2001:db8::/129'))).toBe("'2001:db8::/129' is not an IPv6 address with a prefix length: prefix length 129 is more than 128");
    expect(error(runAddrInfo('192.0.2.300'))).toBe("'192.0.2.300' is not an IPv4 address: 300 is more than 255");
    expect(error(runAddrInfo('router1'))).toMatch(/^'router1' is not an IP address/);
  });
});

describe('addr eui64', () => {
  it('gives the SLAAC address first, then the interface ID and the flipped U/L bit', () => {
    const { first, text, json } = ok(runAddrEui64('00-0C-29-0C-47-D5', 'fe80::/64'));
    expect(first).toBe('fe80::20c:29ff:fe0c:47d5');
    expect(text).toMatch(/interface ID: +020c:29ff:fe0c:47d5/);
    expect(text).toMatch(/first byte 00 → 02/);
    expect(json.universalLocalBit).toEqual({ before: 0, after: 1 });
  });

  it('needs a /64 and a real MAC', () => {
    expect(error(runAddrEui64('00:0c:29:0c:47:d5', '2001:db8::/48'))).toMatch(/^'2001:db8::\/48' is a \/48; SLAAC and modified EUI-64 need a \/64/);
    expect(error(runAddrEui64('00:0c:29:0c:47', 'fe80::/64'))).toMatch(/^'00:0c:29:0c:47' is not a MAC address: has 5 groups/);
  });
});

describe('addr nat64', () => {
  it('embeds under each RFC 6052 length and extracts back', () => {
    expect(ok(runAddrNat64('192.0.2.33', '2001:db8:100::/40')).first).toBe('2001:db8:1c0:2:21::');
    expect(ok(runAddrNat64('192.0.2.33')).first).toBe('64:ff9b::c000:221');
    expect(ok(runAddrNat64Extract('64:ff9b::192.0.2.33')).first).toBe('192.0.2.33');
    expect(ok(runAddrNat64Extract('2001:db8:122:344:c0:2:2100:0', '2001:db8:122:344::/64')).first).toBe('192.0.2.33');
  });

  it('explains the layout, with the zero u octet', () => {
    expect(ok(runAddrNat64('192.0.2.33', '2001:db8:122::/48')).text).toMatch(/bits 48-63 hold the first 16 IPv4 bits; bits 64-71 are the zero u octet; bits 72-87 hold the other 16/);
  });

  it('warns when a private IPv4 address goes under the well-known prefix (RFC 6052 section 3.1)', () => {
    expect(ok(runAddrNat64('10.1.2.3')).json.warnings).toEqual([expect.stringMatching(/section 3\.1/)]);
    expect(ok(runAddrNat64('192.0.2.33')).json.warnings).toEqual([]);
  });

  it('refuses a length RFC 6052 does not allow and an address outside the prefix', () => {
    expect(error(runAddrNat64('192.0.2.33', '2001:db8::/44'))).toMatch(/must be \/32, \/40, \/48, \/56, \/64 or \/96/);
    expect(error(runAddrNat64Extract('2001:db8::1'))).toBe('2001:db8::1 is not inside 64:ff9b::/96');
  });
});

describe('addr 6to4', () => {
  it('IPv4 → 2002:V4ADDR::/48 and back', () => {
    expect(ok(runAddr6to4('203.113.131.1')).first).toBe('2002:cb71:8301::/48');
    expect(ok(runAddr6to4('2002:cb71:8301::1')).first).toBe('203.113.131.1');
    expect(ok(runAddr6to4('192.168.1.1')).json.warnings).toEqual([expect.stringMatching(/needs a public IPv4 address/)]);
    expect(error(runAddr6to4('2001:db8::1'))).toMatch(/not a 6to4 address/);
  });
});

describe('addr plan', () => {
  it('the first line says how many subnets exist in total; the table names them', () => {
    const { first, text, json } = ok(runAddrPlan('2001:db8:6803::/48', { into: '56', names: 'vp-ubnd, so-noi-vu' }));
    expect(first).toBe('2001:db8:6803::/48 into /56: 256 subnets in total');
    expect(text).toMatch(/^1 +so-noi-vu +2001:db8:6803:100::\/56 +2001:db8:6803:1ff:ffff:ffff:ffff:ffff$/m);
    expect(json.subnets).toEqual([
      { index: 0, name: 'vp-ubnd', prefix: '2001:db8:6803::/56' },
      { index: 1, name: 'so-noi-vu', prefix: '2001:db8:6803:100::/56' },
    ]);
  });

  it('warns off nibble boundaries and when the count does not fit', () => {
    const { json } = ok(runAddrPlan('2001:db8:6803::/48', { into: '/50', count: '5' }));
    expect(json.warnings).toEqual([expect.stringMatching(/not on a nibble boundary/), expect.stringMatching(/you asked for 5 subnets .* holds only 4/)]);
  });

  it('prints IPv4 rows with mask, hosts and broadcast', () => {
    expect(ok(runAddrPlan('192.0.2.0/24', { into: '26', count: '1' })).text).toMatch(/^0 +192\.0\.2\.0\/26 +255\.255\.255\.192 +192\.0\.2\.1 - 192\.0\.2\.62 +192\.0\.2\.63 +62$/m);
  });

  it('names the bad argument', () => {
    expect(error(runAddrPlan('2001:db8:6803::1/48', { into: '56' }))).toMatch(/^'2001:db8:6803::1\/48' is not an IPv6 prefix: host bits are set/);
    expect(error(runAddrPlan('2001:db8::/48', { into: 'x' }))).toBe("--into 'x' is not a whole number");
    expect(error(runAddrPlan('2001:db8::/48', { into: '129' }))).toBe('--into 129 is out of range (0 to 128)');
    expect(error(runAddrPlan('2001:db8::/48', { into: '64', count: '0' }))).toBe('--count 0 is out of range (1 to 1000000000)');
    expect(error(runAddrPlan('2001:db8::/48', { into: '56', names: 'a,,b' }))).toMatch(/--names: name 2 is empty/);
  });
});
