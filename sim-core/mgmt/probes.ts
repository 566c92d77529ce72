/**
 * Probes a device runs on request: ICMP echo (RFC 792, RFC 4443 section 4.1) and traceroute
 * (UDP or ICMP probes with rising TTL/hop limit, RFC 1393's idea without its option) as the
 * apps in stack/apps send them, asked for with interfaces by name. The dialects choose the OS's
 * defaults and print the events; the probe logic lives once, in the apps.
 * Leaves out: TCP probes, DNS resolution of names (no resolver yet).
 */
import type { Device } from '../devices/device';
import type { NodeStack } from '../stack/node-stack';
import { startPing, type PingListener, type PingOptions, type PingSession } from '../stack/apps/ping';
import { startTraceroute, type TracerouteListener, type TracerouteOptions, type TracerouteSession } from '../stack/apps/traceroute';

export type { PingEvent, PingProbeOutcome, PingResult, PingSession } from '../stack/apps/ping';
export type { TracerouteEvent, TracerouteProbeOutcome, TracerouteResult, TracerouteSession } from '../stack/apps/traceroute';

/** Ping options with interfaces by name. */
export type PingRequest = Omit<PingOptions, 'sourceInterface' | 'iface'> & {
  /** The probes' source is this interface's address (IOS `source`, Linux `-I eth0`, Windows `-S`). */
  readonly sourceInterfaceName?: string;
  /** The zone of a link-local destination: probes leave by this interface (RFC 4007). */
  readonly interfaceName?: string;
  /** Interfaces go by name here (a stack object slipped in through a spread is a type error). */
  readonly iface?: never;
  readonly sourceInterface?: never;
};

export type TracerouteRequest = Omit<TracerouteOptions, 'iface'> & { readonly interfaceName?: string; readonly iface?: never };

export class ProbeManagement {
  constructor(private readonly device: Device) {}

  /** Whether the device can send probes (has an IP stack). */
  get available(): boolean {
    return this.device.stack !== null;
  }

  /** Starts a ping (ask `available` first: a device without an IP stack has none to send from). */
  ping(request: PingRequest, listener?: PingListener): PingSession {
    const stack = this.requireStack();
    const { sourceInterfaceName, interfaceName, ...rest } = request;
    const sourceInterface = sourceInterfaceName === undefined ? undefined : this.device.interface(sourceInterfaceName);
    const iface = interfaceName === undefined ? undefined : this.device.interface(interfaceName);
    return startPing(stack, { ...rest, ...(sourceInterface !== undefined ? { sourceInterface } : {}), ...(iface !== undefined ? { iface } : {}) }, listener);
  }

  /** Starts a traceroute (ask `available` first). */
  traceroute(request: TracerouteRequest, listener?: TracerouteListener): TracerouteSession {
    const stack = this.requireStack();
    const { interfaceName, ...rest } = request;
    const iface = interfaceName === undefined ? undefined : this.device.interface(interfaceName);
    return startTraceroute(stack, { ...rest, ...(iface !== undefined ? { iface } : {}) }, listener);
  }

  private requireStack(): NodeStack {
    // Asking a device without an IP stack to send is a bug in the caller, which checks `available`.
    if (this.device.stack === null) throw new Error(`${this.device.name}: no IP stack to send probes from`);
    return this.device.stack;
  }
}
