/**
 * The addr layer's public API: IPv4, IPv6, MAC and prefix values, their text forms, address
 * types, EUI-64, multicast groups and MACs, RFC 6052 NAT64 embedding, 6to4 and subnet plans.
 * Each module's opening comment names the RFC sections it follows and what it leaves out.
 */
export * from './parse-result';
export * from './ipv4';
export * from './ipv6';
export * from './mac';
export * from './prefix';
export * from './classify';
export * from './eui64';
export * from './multicast';
export * from './nat64';
export * from './six-to-four';
export { planSubnets, usableIpv4Hosts, DEFAULT_PLAN_ROWS, PLAN_MAX_ROWS, type SubnetPlan, type SubnetPlanRequest, type SubnetPlanRow } from './subnet-plan';
