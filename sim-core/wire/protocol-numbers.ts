/**
 * Every protocol identity the simulator knows, defined once: IP protocol numbers (IANA
 * "Assigned Internet Protocol Numbers", the IPv4 Protocol and IPv6 Next Header field, RFC 791
 * section 3.1 and RFC 8200 section 3) with the names Wireshark prints for them, EtherTypes
 * (IEEE 802 numbers; the 802.1Q/802.1ad TPIDs are in vlan.ts with their codec), the well-known ports that name an application (RFC 6335 registry), and
 * the frame classes of the simulation event list with the rule that gives each. The codecs,
 * the stack, the describer (frame.ts) and the renderer's filter lists all read this file.
 * Leaves out: protocols nothing here decodes or classifies (the IANA table is longer).
 */

// ---- IP protocol numbers ----

export const IP_PROTOCOL_HOP_BY_HOP = 0;
export const IP_PROTOCOL_ICMP = 1;
export const IP_PROTOCOL_IGMP = 2;
/** IPv4 in IP (RFC 2003; over IPv6, RFC 2473). */
export const IP_PROTOCOL_IPV4 = 4;
export const IP_PROTOCOL_TCP = 6;
export const IP_PROTOCOL_UDP = 17;
/** IPv6 in IP (6in4, RFC 4213). */
export const IP_PROTOCOL_IPV6 = 41;
export const IP_PROTOCOL_ROUTING = 43;
export const IP_PROTOCOL_FRAGMENT = 44;
export const IP_PROTOCOL_GRE = 47;
export const IP_PROTOCOL_ESP = 50;
export const IP_PROTOCOL_AH = 51;
export const IP_PROTOCOL_ICMPV6 = 58;
export const IP_PROTOCOL_NO_NEXT_HEADER = 59;
export const IP_PROTOCOL_DESTINATION_OPTIONS = 60;
export const IP_PROTOCOL_OSPF = 89;
export const IP_PROTOCOL_PIM = 103;
export const IP_PROTOCOL_VRRP = 112;
export const IP_PROTOCOL_SCTP = 132;

export interface IpProtocolIdentity {
  readonly number: number;
  /** As Wireshark names it in the IPv4 Protocol field ("GRE", "IPv6 Routing"). */
  readonly ipv4Name: string;
  /** As Wireshark names it in an IPv6 Next Header field ("Generic Routing Encapsulation"). */
  readonly nextHeaderName: string;
  /** An IPv6 extension header (RFC 8200 section 4), walked before the upper layer. */
  readonly ipv6ExtensionHeader?: true;
}

export const IP_PROTOCOL_TABLE: readonly IpProtocolIdentity[] = [
  { number: IP_PROTOCOL_HOP_BY_HOP, ipv4Name: 'IPv6 Hop-by-Hop Option', nextHeaderName: 'IPv6 Hop-by-Hop Option', ipv6ExtensionHeader: true },
  { number: IP_PROTOCOL_ICMP, ipv4Name: 'ICMP', nextHeaderName: 'ICMP' },
  { number: IP_PROTOCOL_IGMP, ipv4Name: 'IGMP', nextHeaderName: 'IGMP' },
  { number: IP_PROTOCOL_IPV4, ipv4Name: 'IPIP', nextHeaderName: 'IPIP' },
  { number: IP_PROTOCOL_TCP, ipv4Name: 'TCP', nextHeaderName: 'TCP' },
  { number: IP_PROTOCOL_UDP, ipv4Name: 'UDP', nextHeaderName: 'UDP' },
  { number: IP_PROTOCOL_IPV6, ipv4Name: 'IPv6', nextHeaderName: 'IPv6' },
  { number: IP_PROTOCOL_ROUTING, ipv4Name: 'IPv6 Routing', nextHeaderName: 'Routing Header for IPv6', ipv6ExtensionHeader: true },
  { number: IP_PROTOCOL_FRAGMENT, ipv4Name: 'IPv6 Fragment', nextHeaderName: 'Fragment Header for IPv6', ipv6ExtensionHeader: true },
  { number: IP_PROTOCOL_GRE, ipv4Name: 'GRE', nextHeaderName: 'Generic Routing Encapsulation' },
  { number: IP_PROTOCOL_ESP, ipv4Name: 'ESP', nextHeaderName: 'Encap Security Payload' },
  { number: IP_PROTOCOL_AH, ipv4Name: 'AH', nextHeaderName: 'Authentication Header', ipv6ExtensionHeader: true },
  { number: IP_PROTOCOL_ICMPV6, ipv4Name: 'ICMPv6', nextHeaderName: 'ICMPv6' },
  { number: IP_PROTOCOL_NO_NEXT_HEADER, ipv4Name: 'IPv6 No Next Header', nextHeaderName: 'No Next Header for IPv6' },
  { number: IP_PROTOCOL_DESTINATION_OPTIONS, ipv4Name: 'IPv6 Destination Options', nextHeaderName: 'Destination Options for IPv6', ipv6ExtensionHeader: true },
  { number: IP_PROTOCOL_OSPF, ipv4Name: 'OSPF IGP', nextHeaderName: 'OSPF IGP' },
  { number: IP_PROTOCOL_PIM, ipv4Name: 'PIM', nextHeaderName: 'PIM' },
  { number: IP_PROTOCOL_VRRP, ipv4Name: 'VRRP', nextHeaderName: 'Virtual Router Redundancy Protocol' },
  { number: IP_PROTOCOL_SCTP, ipv4Name: 'SCTP', nextHeaderName: 'SCTP' },
];

const BY_NUMBER = new Map(IP_PROTOCOL_TABLE.map((entry) => [entry.number, entry]));

/** The identity of an IP protocol number, when it is in the table. */
export function ipProtocolIdentity(protocol: number): IpProtocolIdentity | undefined {
  return BY_NUMBER.get(protocol);
}

// ---- EtherTypes ----

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV6 = 0x86dd;

// ---- well-known ports that name an application ----

export const PORT_DNS = 53;
export const PORT_BGP = 179;
export const PORT_DHCPV6_CLIENT = 546;
export const PORT_DHCPV6_SERVER = 547;

// ---- frame classes of the event list ----

/**
 * The event-list filter classes, in the order the filter shows them, each with the rule that
 * gives it (classifyFrame in frame.ts applies them).
 */
export const FRAME_CLASS_TABLE = [
  { frameClass: 'ARP', rule: 'EtherType 0x0806' },
  { frameClass: 'NDP', rule: 'ICMPv6 types 133-137 (RFC 4861 section 4)' },
  { frameClass: 'ICMPv6', rule: 'IP protocol 58, other types' },
  { frameClass: 'ICMP', rule: 'IP protocol 1' },
  { frameClass: 'DHCPv6', rule: 'UDP port 546 or 547' },
  { frameClass: 'DNS', rule: 'UDP or TCP port 53' },
  { frameClass: 'OSPF', rule: 'IP protocol 89' },
  { frameClass: 'BGP', rule: 'TCP port 179' },
  { frameClass: 'TCP', rule: 'IP protocol 6, other ports' },
  { frameClass: 'UDP', rule: 'IP protocol 17, other ports' },
  { frameClass: 'tunnel', rule: 'IP protocol 4, 41 or 47 (the outer packet decides)' },
  { frameClass: 'other', rule: 'anything else, or unreadable' },
] as const;

export type FrameClass = (typeof FRAME_CLASS_TABLE)[number]['frameClass'];

/** Every frame class, in filter order. */
export const FRAME_CLASSES: readonly FrameClass[] = FRAME_CLASS_TABLE.map((entry) => entry.frameClass);

/** What an IP protocol number is classed as before ports and types are read. */
export const PROTOCOL_FRAME_CLASS: ReadonlyMap<number, FrameClass> = new Map<number, FrameClass>([
  [IP_PROTOCOL_IPV6, 'tunnel'],
  [IP_PROTOCOL_IPV4, 'tunnel'],
  [IP_PROTOCOL_GRE, 'tunnel'],
  [IP_PROTOCOL_ICMPV6, 'ICMPv6'],
  [IP_PROTOCOL_ICMP, 'ICMP'],
  [IP_PROTOCOL_UDP, 'UDP'],
  [IP_PROTOCOL_TCP, 'TCP'],
  [IP_PROTOCOL_OSPF, 'OSPF'],
]);

/** Ports that name an application class over a transport, first match wins (DHCPv6 before DNS). */
export const PORT_FRAME_CLASSES: ReadonlyMap<number, readonly { readonly port: number; readonly frameClass: FrameClass }[]> = new Map([
  [
    IP_PROTOCOL_UDP,
    [
      { port: PORT_DHCPV6_CLIENT, frameClass: 'DHCPv6' },
      { port: PORT_DHCPV6_SERVER, frameClass: 'DHCPv6' },
      { port: PORT_DNS, frameClass: 'DNS' },
    ],
  ],
  [
    IP_PROTOCOL_TCP,
    [
      { port: PORT_BGP, frameClass: 'BGP' },
      { port: PORT_DNS, frameClass: 'DNS' },
    ],
  ],
]);
