/**
 * Multicast groups and their Ethernet addresses: the solicited-node group of an IPv6 address
 * (RFC 4291 section 2.7.1: ff02::1:ff00:0/104 plus the low 24 bits), the IPv6 multicast MAC
 * (RFC 2464 section 7: 33:33 plus the low 32 bits) and the IPv4 multicast MAC (RFC 1112
 * section 6.4: 01:00:5e plus the low 23 bits), and the well-known groups of RFC 4291 section 2.7.1.
 * Left out: MLD and IGMP (stack), embedded-RP and unicast-prefix-based groups (RFC 3306/3956).
 */
import type { Ipv4Address } from './ipv4';
import type { Ipv6Address } from './ipv6';
import { mac, type MacAddress } from './mac';
import type { Ipv6Prefix } from './prefix';

export const ALL_NODES = 0xff020000000000000000000000000001n as Ipv6Address; // ff02::1
export const ALL_ROUTERS = 0xff020000000000000000000000000002n as Ipv6Address; // ff02::2
export const ALL_OSPF_ROUTERS = 0xff020000000000000000000000000005n as Ipv6Address; // ff02::5
export const ALL_OSPF_DR = 0xff020000000000000000000000000006n as Ipv6Address; // ff02::6
export const ALL_MLDV2_ROUTERS = 0xff020000000000000000000000000016n as Ipv6Address; // ff02::16
export const ALL_DHCP_AGENTS = 0xff020000000000000000000000010002n as Ipv6Address; // ff02::1:2
export const SOLICITED_NODE_PREFIX: Ipv6Prefix = { family: 'ipv6', network: 0xff0200000000000000000001ff000000n as Ipv6Address, length: 104 };

/** ff02::1:ffXX:XXXX, the group a node joins for each of its unicast and anycast addresses. */
export function solicitedNodeGroup(address: Ipv6Address): Ipv6Address {
  return (SOLICITED_NODE_PREFIX.network | (address & 0xffffffn)) as Ipv6Address;
}

/** 33:33 plus the low 32 bits of the group (RFC 2464 section 7). */
export function ipv6MulticastMac(group: Ipv6Address): MacAddress {
  return mac(0x333300000000 + Number(group & 0xffffffffn));
}

/** 01:00:5e plus the low 23 bits of the group (RFC 1112 section 6.4). */
export function ipv4MulticastMac(group: Ipv4Address): MacAddress {
  return mac(0x01005e000000 + (group & 0x7fffff));
}
