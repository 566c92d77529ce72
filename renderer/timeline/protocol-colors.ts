/**
 * One colour per protocol class, shared by the event list's chips and the envelopes drawn on
 * the links, so a trainee matches them at a glance (NDP green, ICMPv6 blue, ARP amber …).
 */
import type { RowClass } from '../sim/sim-protocol';

export const PROTOCOL_COLORS: Readonly<Record<RowClass, string>> = {
  ARP: '#d08a00',
  NDP: '#1f9d55',
  ICMPv6: '#2563eb',
  ICMP: '#0e7490',
  DHCPv6: '#9333ea',
  DNS: '#c026d3',
  OSPF: '#b45309',
  BGP: '#be123c',
  TCP: '#4b5563',
  UDP: '#64748b',
  tunnel: '#7c3aed',
  STP: '#94a3b8',
  other: '#6b7280',
};
