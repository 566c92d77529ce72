/**
 * IPv6 multicast group membership of an interface (RFC 4291 section 2.8: every node joins
 * all-nodes ff02::1 and the solicited-node group of each of its unicast and anycast addresses;
 * a router also joins all-routers ff02::2). Joins are reference-counted, because two addresses
 * often share a solicited-node group (an EUI-64 link-local and global end in the same 24 bits).
 * A join also accepts the group's 33:33:xx:xx:xx:xx MAC at layer 2 (RFC 2464 section 7), so
 * frames to groups the node has not joined never reach the IPv6 layer; the IPv6 layer checks the
 * group itself too, since several groups share one MAC.
 * Leaves out: MLD (RFC 3810) reports and queries: the simulated switches flood multicast, so
 * nothing depends on them.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { ipv6MulticastMac } from '../../addr/multicast';
import { DataKey, type NetInterface } from '../net-interface';

const MEMBERSHIP = new DataKey<Map<Ipv6Address, number>>('IPv6 multicast membership');

function countsOf(iface: NetInterface): Map<Ipv6Address, number> {
  let counts = iface.getData(MEMBERSHIP);
  if (counts === undefined) {
    counts = new Map();
    iface.setData(MEMBERSHIP, counts);
  }
  return counts;
}

/** Joins `group` on `iface` (once more, if already joined). */
export function joinIpv6Group(iface: NetInterface, group: Ipv6Address): void {
  const counts = countsOf(iface);
  const count = counts.get(group) ?? 0;
  counts.set(group, count + 1);
  if (count === 0) {
    iface.ipv6.joinedGroups.add(group);
    iface.joinMulticastMac(ipv6MulticastMac(group));
  }
}

/** Leaves `group` once; the membership ends when every join has been matched by a leave. */
export function leaveIpv6Group(iface: NetInterface, group: Ipv6Address): void {
  const counts = countsOf(iface);
  const count = counts.get(group) ?? 0;
  if (count === 0) return;
  if (count > 1) {
    counts.set(group, count - 1);
    return;
  }
  counts.delete(group);
  iface.ipv6.joinedGroups.delete(group);
  iface.leaveMulticastMac(ipv6MulticastMac(group));
}

/** True when the interface listens to `group` at the IP level. */
export function isIpv6GroupMember(iface: NetInterface, group: Ipv6Address): boolean {
  return iface.ipv6.joinedGroups.has(group);
}
