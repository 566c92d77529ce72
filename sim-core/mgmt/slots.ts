/**
 * The places later management slices go, typed now so a dialect or a scenario check can ask
 * for them and find an empty list instead of a missing property: routing processes (OSPFv3,
 * BGP — issue 9), tunnel interfaces (6in4, 6to4, GRE — issue 10's transition work), NAT44 and
 * NAT64 translators and CLAT (RFC 6146, RFC 6877), access lists, and services (DHCPv6, DHCPv4,
 * DNS, HTTP — issue 8). Nothing fills them yet: each slice that lands replaces its slot type
 * with its own configuration record and its own file beside this one.
 */

/** A routing process (`router ospfv3 1`, `router bgp 65000`), by kind and the name it is configured under. */
export interface RoutingProcessSlot {
  readonly kind: 'ospfv3' | 'bgp' | (string & Record<never, never>);
  readonly name: string;
}

/** A tunnel interface's endpoints and mode. */
export interface TunnelSlot {
  readonly interfaceName: string;
  readonly mode: '6in4' | '6to4' | 'gre' | (string & Record<never, never>);
}

/** A translator (NAT44, NAT64, CLAT) attached to the IP hooks. */
export interface TranslatorSlot {
  readonly kind: 'nat44' | 'nat64' | 'clat' | (string & Record<never, never>);
  readonly name: string;
}

/** A named access list and where it is applied. */
export interface AccessListSlot {
  readonly name: string;
  readonly family: 'ipv4' | 'ipv6';
}

/** A service running on the device (a server on a port). */
export interface ServiceSlot {
  readonly kind: 'dhcpv6' | 'dhcpv4' | 'dns' | 'http' | (string & Record<never, never>);
  readonly name: string;
}
