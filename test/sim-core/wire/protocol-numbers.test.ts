/**
 * The one table of protocol identities (protocol-numbers.ts): numbers defined once, the names
 * Wireshark prints read from it, the extension-header walk and the event-list classes agreeing
 * with it.
 */
import { describe, expect, it } from 'vitest';
import { ipProtocolName } from '../../../sim-core/wire/ipv4';
import { ipProtocolText, isIpv6ExtensionHeaderType } from '../../../sim-core/wire/ipv6-extension-headers';
import { FRAME_CLASSES, FRAME_CLASS_TABLE, IP_PROTOCOL_TABLE, ipProtocolIdentity, PORT_FRAME_CLASSES, PROTOCOL_FRAME_CLASS } from '../../../sim-core/wire/protocol-numbers';

describe('IP protocol numbers', () => {
  it('each number appears once', () => {
    const numbers = IP_PROTOCOL_TABLE.map((entry) => entry.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the IPv4 Protocol and IPv6 Next Header names come from the table, as Wireshark prints them', () => {
    expect(ipProtocolName(47)).toBe('GRE');
    expect(ipProtocolText(47)).toBe('Generic Routing Encapsulation (47)');
    expect(ipProtocolName(58)).toBe('ICMPv6');
    expect(ipProtocolText(44)).toBe('Fragment Header for IPv6 (44)');
    expect(ipProtocolName(253)).toBe('Unknown');
    expect(ipProtocolText(253)).toBe('Unknown (253)');
    for (const entry of IP_PROTOCOL_TABLE) expect(ipProtocolName(entry.number)).toBe(entry.ipv4Name);
  });

  it('the IPv6 extension-header walk follows the table flag for every value 0-255', () => {
    for (let value = 0; value < 256; value++) expect([value, isIpv6ExtensionHeaderType(value)]).toEqual([value, ipProtocolIdentity(value)?.ipv6ExtensionHeader === true]);
  });
});

describe('frame classes', () => {
  it('are listed once, in the filter order, ending with other', () => {
    expect(FRAME_CLASSES).toEqual(['ARP', 'NDP', 'ICMPv6', 'ICMP', 'DHCPv6', 'DNS', 'OSPF', 'BGP', 'TCP', 'UDP', 'tunnel', 'other']);
    expect(FRAME_CLASS_TABLE.every((entry) => entry.rule.length > 0)).toBe(true);
  });

  it('every class a protocol or a port gives is one of them, and each protocol named is in the number table', () => {
    for (const [protocol, frameClass] of PROTOCOL_FRAME_CLASS) {
      expect(FRAME_CLASSES).toContain(frameClass);
      expect(ipProtocolIdentity(protocol)).toBeDefined();
    }
    for (const entries of PORT_FRAME_CLASSES.values()) for (const entry of entries) expect(FRAME_CLASSES).toContain(entry.frameClass);
  });
});
