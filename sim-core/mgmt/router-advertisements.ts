/**
 * Router Advertisement settings of one router (RFC 4861 section 6.2.1 AdvSendAdvertisements,
 * MaxRtrAdvInterval, MinRtrAdvInterval, AdvManagedFlag, AdvOtherConfigFlag, AdvDefaultLifetime,
 * AdvPrefixList; RFC 4191 section 2.2 router preference; RFC 8106 RDNSS) per interface, and the
 * router's own address autoconfiguration from RAs it hears (IOS `ipv6 address autoconfig
 * [default]`). The router-discovery module (stack/ipv6/router-discovery.ts) sends and schedules;
 * this slice only sets what it sends.
 * Leaves out: RFC 4191 Route Information options, per-prefix timers that decrement in real time.
 */
import type { Device } from '../devices/device';
import { ROUTER_DISCOVERY, type RaInterfaceConfig, type RaPrefixConfig } from '../stack/ipv6/router-discovery';

export type { RaPrefixConfig } from '../stack/ipv6/router-discovery';

/** What an interface advertises (undefined fields: the module's IOS defaults). */
export interface RaSettings {
  /** No periodic RAs (solicited ones are still sent). */
  readonly suppress: boolean;
  /** No RAs at all. */
  readonly suppressAll: boolean;
  readonly maxIntervalS?: number;
  readonly minIntervalS?: number;
  readonly lifetimeS?: number;
  readonly managed: boolean;
  readonly other: boolean;
  readonly preference: 'high' | 'medium' | 'low';
  readonly prefixes: readonly RaPrefixConfig[];
  readonly dnsServers: readonly { readonly address: RaPrefixConfig['prefix']; readonly lifetimeS: number }[];
}

export class RouterAdvertisementManagement {
  constructor(private readonly device: Device) {}

  /** Whether the device has router discovery at all. */
  get available(): boolean {
    return this.device.stack?.find(ROUTER_DISCOVERY) !== undefined;
  }

  /** Sets what an interface advertises and re-evaluates whether it advertises now. */
  configure(interfaceName: string, settings: RaSettings): void {
    const rd = this.device.stack?.find(ROUTER_DISCOVERY);
    const iface = this.device.interface(interfaceName);
    if (rd === undefined || iface === undefined) return;
    const config: RaInterfaceConfig = rd.config(iface);
    config.suppress = settings.suppress;
    config.suppressAll = settings.suppressAll;
    config.maxIntervalS = settings.maxIntervalS;
    config.minIntervalS = settings.minIntervalS;
    config.lifetimeS = settings.lifetimeS;
    config.managed = settings.managed;
    config.other = settings.other;
    config.preference = settings.preference;
    config.prefixes = settings.prefixes.map((p) => ({ ...p }));
    config.dnsServers = settings.dnsServers.map((d) => ({ address: d.address, lifetimeS: d.lifetimeS }));
  }

  /** A router interface forms addresses from RAs it hears (`ipv6 address autoconfig [default]`). */
  setAutoconfig(interfaceName: string, on: boolean, installDefault: boolean): void {
    const rd = this.device.stack?.find(ROUTER_DISCOVERY);
    const iface = this.device.interface(interfaceName);
    if (rd !== undefined && iface !== undefined) rd.setAutoconfig(iface, on, installDefault);
  }

  /** Re-evaluates advertising on one interface, or all (after forwarding or settings change). */
  refresh(interfaceName?: string): void {
    const rd = this.device.stack?.find(ROUTER_DISCOVERY);
    if (rd === undefined) return;
    if (interfaceName === undefined) return rd.refresh();
    const iface = this.device.interface(interfaceName);
    if (iface !== undefined) rd.refresh(iface);
  }
}
