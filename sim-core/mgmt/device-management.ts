/**
 * The management API of one device: one typed, OS-neutral way to configure and query it, used
 * by the IOS, Linux and Windows dialects (which only parse their syntax, call this, and print
 * its views in their OS's words), by the programmatic builder (sim/network.ts) and so by the
 * tests and benchmarks. Each area is a slice in its own file:
 * interfaces (state, MTU, description, creation), addresses (IPv4, IPv6 with states and
 * lifetimes), routing (forwarding, static routes, the routing table), neighbours (IPv6
 * neighbour cache, ARP), switching (VLANs, switchports), router advertisements, host settings
 * (SLAAC/temporary addresses, DNS servers), probes (ping, traceroute) and observation (line
 * protocol changes, device reports, port taps); and the empty slots
 * later issues fill (tunnels, translators, access lists, services; routing processes live in
 * `routing.processes`).
 * One management object per device, made on first use; it holds only what the stack has no
 * place for (descriptions, the configured static routes) and reads everything else live.
 * Leaves out: configuration transactions and rollback (a change applies at once, as on IOS).
 */
import type { Device } from '../devices/device';
import { AddressManagement } from './addresses';
import { HostManagement } from './host-settings';
import { InterfaceManagement } from './interfaces';
import { NeighborManagement } from './neighbors';
import { ObservationManagement } from './observation';
import { ProbeManagement } from './probes';
import { RouterAdvertisementManagement } from './router-advertisements';
import { RoutingManagement } from './routing';
import type { AccessListSlot, ServiceSlot, TranslatorSlot, TunnelSlot } from './slots';
import { SwitchingManagement } from './switching';

export class DeviceManagement {
  readonly interfaces: InterfaceManagement;
  readonly addresses: AddressManagement;
  readonly routing: RoutingManagement;
  readonly neighbors: NeighborManagement;
  readonly switching: SwitchingManagement;
  readonly routerAdvertisements: RouterAdvertisementManagement;
  readonly host: HostManagement;
  readonly probes: ProbeManagement;
  readonly observation: ObservationManagement;
  /** Tunnel interfaces by interface name (6in4, 6to4, GRE): filled by a later issue. */
  readonly tunnels = new Map<string, TunnelSlot>();
  /** NAT44 / NAT64 / CLAT translators by name: filled by a later issue. */
  readonly translators = new Map<string, TranslatorSlot>();
  /** Access lists by name: filled by a later issue. */
  readonly accessLists = new Map<string, AccessListSlot>();
  /** Services (DHCPv6, DHCPv4, DNS, HTTP) by name: filled by a later issue. */
  readonly services = new Map<string, ServiceSlot>();

  constructor(readonly device: Device) {
    this.interfaces = new InterfaceManagement(device);
    this.addresses = new AddressManagement(device);
    this.routing = new RoutingManagement(device);
    this.neighbors = new NeighborManagement(device);
    this.switching = new SwitchingManagement(device);
    this.routerAdvertisements = new RouterAdvertisementManagement(device);
    this.host = new HostManagement(device);
    this.probes = new ProbeManagement(device);
    this.observation = new ObservationManagement(device);
  }

  get name(): string {
    return this.device.name;
  }

  get kind(): Device['kind'] {
    return this.device.kind;
  }

  /** Whether the device has an IP stack (routers, L3 switches, hosts; not L2 switches). */
  get hasIpStack(): boolean {
    return this.device.stack !== null;
  }
}

const managed = new WeakMap<Device, DeviceManagement>();

/** The management API of a device (made on first use, one per device). */
export function managementOf(device: Device): DeviceManagement {
  let m = managed.get(device);
  if (m === undefined) {
    m = new DeviceManagement(device);
    managed.set(device, m);
  }
  return m;
}
