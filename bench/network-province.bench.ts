/**
 * A province-sized network, from power-on to every host pinging one server: about 300 switches
 * (a core L3 switch with static routes to 20 distribution L3 switches, 278 access switches, a
 * server-farm switch) and 5,000 hosts (Windows PCs and Linux servers alternately, 18 per access
 * LAN, each LAN a VLAN with its SVI gateway on the distribution switch), spanning tree on every
 * switch. Phases: build; run until spanning tree forwards on every uplink and every host has
 * its addresses (IPv4 configured, IPv6 by SLAAC from the distribution switches' RAs; the core
 * routes IPv6 with static /48s too); then every host pings the server twice over each family
 * (its OS defaults) and every ping must get a reply.
 * Reports wall time, simulated time, events and peak memory (the harness samples the probe).
 * Scale shrinks the host count (the smoke test runs a handful of hosts).
 */
import { NS_PER_S } from '../sim-core/engine/time';
import { Network } from '../sim-core/sim/network';
import { startPing, type PingSession } from '../sim-core/stack/apps/ping';
import { defineBenchmark, type LongRunCase, type LongRunStats, type MemoryProbe } from './harness';

const FULL_HOSTS = 5000;
const HOSTS_PER_LAN = 18;
const LANS_PER_DISTRIBUTION = 14;
const SERVER = '192.168.50.10';
const SERVER_V6 = '2001:db8:50::10';

export interface ProvinceRun extends LongRunStats {
  readonly hosts: number;
  readonly switches: number;
  /** Hosts with a reply from the server over both families. */
  readonly hostsReached: number;
  /** Virtual time when every host had its addresses and every uplink forwarded. */
  readonly addressesReadyNs: number;
  readonly wallBuildS: number;
  /** The run's trace hash: a change that should not alter behaviour must leave it as it was. */
  readonly traceHash: string;
}

interface Built {
  readonly net: Network;
  readonly hosts: string[];
  readonly switches: number;
  readonly uplinks: { readonly device: string; readonly port: string }[];
}

/** Builds the network for `hostCount` hosts. */
export function buildProvince(hostCount: number, seed = 68): Built {
  const net = new Network({ seed, trace: { keepRecords: false, retainBytes: false } });
  const accessCount = Math.ceil(hostCount / HOSTS_PER_LAN);
  const distributionCount = Math.ceil(accessCount / LANS_PER_DISTRIBUTION);
  if (distributionCount > 20) throw new Error(`at most 20 distribution switches (${20 * LANS_PER_DISTRIBUTION * HOSTS_PER_LAN} hosts)`);
  const uplinks: { device: string; port: string }[] = [];
  net.addDevice('l3-switch', 'CORE');
  net.setIpv4Routing('CORE', true);
  // Server farm: CORE Gi1/0/23 (VLAN 500) — SF — SRV.
  net.addDevice('switch', 'SF');
  net.addDevice('server', 'SRV');
  net.connect('CORE:Gi1/0/23', 'SF:Gi1/0/24');
  net.connect('SRV:eth0', 'SF:Gi1/0/1');
  uplinks.push({ device: 'SF', port: 'GigabitEthernet1/0/24' });
  net.configureSwitchport('CORE:Gi1/0/23', { mode: 'access', accessVlan: 500 });
  net.addSvi('CORE', 500);
  net.addIpv4Address('CORE:Vlan500', '192.168.50.1/24');
  net.addIpv4Address('SRV:eth0', `${SERVER}/24`);
  net.setDefaultGateway('SRV', '192.168.50.1');
  net.setIpv6Routing('CORE', true);
  net.addIpv6Address('CORE:Vlan500', '2001:db8:50::1/64');
  net.addIpv6Address('SRV:eth0', `${SERVER_V6}/64`);
  const hosts: string[] = [];
  let access = 0;
  for (let d = 0; d < distributionCount; d++) {
    const dist = `D${d + 1}`;
    net.addDevice('l3-switch', dist);
    net.setIpv4Routing(dist, true);
    const transitVlan = 1000 + d;
    net.connect(`CORE:Gi1/0/${d + 1}`, `${dist}:Gi1/0/24`);
    uplinks.push({ device: dist, port: 'GigabitEthernet1/0/24' });
    net.configureSwitchport(`CORE:Gi1/0/${d + 1}`, { mode: 'access', accessVlan: transitVlan });
    net.configureSwitchport(`${dist}:Gi1/0/24`, { mode: 'access', accessVlan: transitVlan });
    net.addSvi('CORE', transitVlan);
    net.addSvi(dist, transitVlan);
    net.addIpv4Address(`CORE:Vlan${transitVlan}`, `172.16.${d}.1/30`);
    net.addIpv4Address(`${dist}:Vlan${transitVlan}`, `172.16.${d}.2/30`);
    net.addIpv4Route('CORE', `10.${d}.0.0/16`, { nextHop: `172.16.${d}.2` });
    net.addIpv4Route(dist, '0.0.0.0/0', { nextHop: `172.16.${d}.1` });
    const site = (0x6800 + d).toString(16);
    net.setIpv6Routing(dist, true);
    net.addIpv6Address(`CORE:Vlan${transitVlan}`, `2001:db8:ff00:${d.toString(16)}::1/64`);
    net.addIpv6Address(`${dist}:Vlan${transitVlan}`, `2001:db8:ff00:${d.toString(16)}::2/64`);
    net.addIpv6Route('CORE', `2001:db8:${site}::/48`, { nextHop: `2001:db8:ff00:${d.toString(16)}::2` });
    net.addIpv6Route(dist, '::/0', { nextHop: `2001:db8:ff00:${d.toString(16)}::1` });
    for (let l = 0; l < LANS_PER_DISTRIBUTION && access < accessCount; l++, access++) {
      const sw = `A${d + 1}-${l + 1}`;
      const vlan = 10 + l;
      net.addDevice('switch', sw);
      net.connect(`${dist}:Gi1/0/${l + 1}`, `${sw}:Gi1/0/24`);
      uplinks.push({ device: sw, port: 'GigabitEthernet1/0/24' });
      net.configureSwitchport(`${dist}:Gi1/0/${l + 1}`, { mode: 'access', accessVlan: vlan });
      net.addSvi(dist, vlan);
      net.addIpv4Address(`${dist}:Vlan${vlan}`, `10.${d}.${l}.1/24`);
      net.addIpv6Address(`${dist}:Vlan${vlan}`, `2001:db8:${site}:${l.toString(16)}::1/64`);
      for (let h = 0; h < HOSTS_PER_LAN && hosts.length < hostCount; h++) {
        const name = `H${hosts.length + 1}`;
        const windows = hosts.length % 2 === 0;
        net.addDevice(windows ? 'pc' : 'server', name);
        const nic = windows ? 'Ethernet0' : 'eth0';
        net.connect(`${name}:${nic}`, `${sw}:Gi1/0/${h + 1}`);
        net.addIpv4Address(`${name}:${nic}`, `10.${d}.${l}.${10 + h}/24`);
        net.setDefaultGateway(name, `10.${d}.${l}.1`);
        hosts.push(name);
      }
    }
  }
  return { net, hosts, switches: 2 + distributionCount + accessCount, uplinks };
}

/** True when every host has its addresses and every uplink port forwards (spanning tree settled). */
function ready(built: Built): boolean {
  for (const { device, port } of built.uplinks) {
    const status = built.net.spanningTree(device);
    const state = status?.ports.find((p) => p.portName === port)?.state;
    if (state !== undefined && state !== 'forwarding') return false;
  }
  for (const host of built.hosts) {
    const iface = built.net.device(host).stack!.interfaces[0]!;
    if (iface.ipv4Addresses.length === 0 || !iface.operUp) return false;
    // A preferred SLAAC address from the LAN's Router Advertisement (RFC 4862 section 5.5.3).
    if (!iface.ipv6.addresses.some((a) => a.origin === 'slaac' && a.state === 'preferred')) return false;
  }
  return true;
}

export function runProvince(hostCount: number, probe?: MemoryProbe, wallClock: () => number = () => 0): ProvinceRun {
  const buildStart = wallClock();
  const built = buildProvince(hostCount);
  const wallBuildS = wallClock() - buildStart;
  const { net, hosts } = built;
  probe?.sample();
  // Power-on to addresses: run in 1 s slices until everything is ready.
  while (!ready(built)) {
    if (net.nowNs > 120 * NS_PER_S) throw new Error('province: not ready after 120 s of virtual time');
    net.runFor(NS_PER_S);
  }
  const addressesReadyNs = net.nowNs;
  probe?.sample();
  // Every host pings the server twice over each family, starts spread over one second.
  const sessions: PingSession[] = [];
  const random = net.simulator.random.derive('bench-starts');
  const serverIface = net.device('SRV').stack!.interfaces[0]!;
  const server = serverIface.ipv4Addresses[0]!.address;
  const serverV6 = serverIface.ipv6.addresses.find((a) => a.origin === 'static')!.address;
  for (const host of hosts) {
    const stack = net.device(host).stack!;
    net.simulator.schedule(random.uniformInt(0, NS_PER_S - 1), () => {
      sessions.push(startPing(stack, { destination: server, count: 2 }));
      sessions.push(startPing(stack, { destination: serverV6, count: 2 }));
    });
  }
  for (let guard = 0; guard < 600; guard++) {
    net.runFor(NS_PER_S);
    probe?.sample();
    if (sessions.length === 2 * hosts.length && sessions.every((s) => s.done)) break;
  }
  const unanswered = sessions.filter((s) => s.result().received === 0);
  const hostsReached = hosts.length - new Set(unanswered.map((s) => s.stack.context.deviceName)).size;
  if (unanswered.length > 0) {
    const example = unanswered[0]!;
    throw new Error(`province: ${unanswered.length} of ${sessions.length} pings got no reply (e.g. ${example.stack.context.deviceName} over ${example.family}, ${SERVER} / ${SERVER_V6})`);
  }
  return {
    operations: hosts.length,
    simulatedNs: net.nowNs,
    events: net.simulator.eventsExecuted,
    hosts: hosts.length,
    switches: built.switches,
    hostsReached,
    addressesReadyNs,
    wallBuildS,
    traceHash: net.traceHash(),
  };
}

export default defineBenchmark({
  name: 'network-province',
  description: '~300 switches and 5,000 hosts: power-on to addresses, then every host pings one server',
  async prepare(): Promise<LongRunCase> {
    return {
      kind: 'long-run',
      unit: 'hosts',
      run(scale, probe) {
        return runProvince(Math.max(3, Math.round(FULL_HOSTS * scale)), probe);
      },
    };
  },
});
