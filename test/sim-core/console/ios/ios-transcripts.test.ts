/**
 * Golden IOS console transcripts (test/fixtures/transcripts/ios/): a router alone with a peer on
 * GigabitEthernet0/0, an L2 switch, and three routers in a chain loaded from config text (as a
 * lab does) for ping and traceroute. Virtual time advances only where a script says `#! advance`.
 */
import { fileURLToPath } from 'node:url';
import { NS_PER_MS } from '../../../../sim-core/engine/time';
import { createIosConsole } from '../../../../sim-core/console/ios/create-ios-console';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import { Network } from '../../../../sim-core/sim/network';
import { describeTranscripts } from '../transcript-runner';

const fixtures = fileURLToPath(new URL('../../../fixtures/transcripts/ios/', import.meta.url));

function advancer(net: Network): (ms: number) => void {
  return (ms) => void net.runFor(ms * NS_PER_MS);
}

describeTranscripts('IOS router console', `${fixtures}router`, () => {
  const net = new Network({ seed: 7 });
  const r1 = net.addDevice('router', 'R1');
  const peer = net.addDevice('router', 'R2');
  net.connect('R1:g0/0', 'R2:g0/0');
  const loaded = loadIosConfig(peer, 'interface g0/0\n ip address 192.0.2.2 255.255.255.0\n ipv6 address 2001:db8:1::2/64\n no shutdown\n');
  if (loaded.rejected.length > 0) throw new Error(JSON.stringify(loaded.rejected));
  return { session: createIosConsole(r1), advance: advancer(net) };
});

describeTranscripts('IOS switch console', `${fixtures}switch`, () => {
  const net = new Network({ seed: 7 });
  const sw = net.addDevice('switch', 'SW1');
  const r1 = net.addDevice('router', 'R1');
  net.connect('SW1:g1/0/24', 'R1:g0/0');
  loadIosConfig(r1, 'interface g0/0\n no shutdown\n');
  return { session: createIosConsole(sw), advance: advancer(net) };
});

/** PC side of the chain is left out: R1 - R2 - R3, configs as in docs/examples/three-routers-static. */
export const CHAIN_CONFIGS: Readonly<Record<string, string>> = {
  R1: `hostname R1
ipv6 unicast-routing
interface GigabitEthernet0/0
 ip address 192.168.10.1 255.255.255.0
 ipv6 address FE80::1 link-local
 ipv6 address 2001:db8:6803:10::1/64
 no shutdown
interface GigabitEthernet0/1
 ip address 10.68.0.1 255.255.255.252
 ipv6 address 2001:db8:6800:ff00::2/127
 no shutdown
ip route 0.0.0.0 0.0.0.0 10.68.0.2
ipv6 route ::/0 2001:db8:6800:ff00::3
end
`,
  R2: `hostname R2
ipv6 unicast-routing
interface GigabitEthernet0/0
 ip address 10.68.0.2 255.255.255.252
 ipv6 address 2001:db8:6800:ff00::3/127
 no shutdown
interface GigabitEthernet0/1
 ip address 10.68.0.5 255.255.255.252
 ipv6 address 2001:db8:6800:ff01::2/127
 no shutdown
ip route 192.168.10.0 255.255.255.0 10.68.0.1
ip route 192.168.13.0 255.255.255.0 10.68.0.6
ipv6 route 2001:db8:6803:10::/64 2001:db8:6800:ff00::2
ipv6 route 2001:db8:6813:10::/64 2001:db8:6800:ff01::3
end
`,
  R3: `hostname R3
ipv6 unicast-routing
interface GigabitEthernet0/0
 ip address 192.168.13.1 255.255.255.0
 ipv6 address FE80::1 link-local
 ipv6 address 2001:db8:6813:10::1/64
 no shutdown
interface GigabitEthernet0/1
 ip address 10.68.0.6 255.255.255.252
 ipv6 address 2001:db8:6800:ff01::3/127
 no shutdown
ip route 0.0.0.0 0.0.0.0 10.68.0.5
ipv6 route ::/0 2001:db8:6800:ff01::2
end
`,
};

describeTranscripts('IOS consoles across a network', `${fixtures}network`, () => {
  const net = new Network({ seed: 7 });
  for (const name of ['R1', 'R2', 'R3']) {
    const result = loadIosConfig(net.addDevice('router', name), CHAIN_CONFIGS[name]!);
    if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected));
  }
  net.connect('R1:g0/1', 'R2:g0/0', { delayNs: 2 * NS_PER_MS });
  net.connect('R2:g0/1', 'R3:g0/1', { delayNs: 5 * NS_PER_MS });
  net.runFor(5000 * NS_PER_MS);
  return { session: createIosConsole(net.device('R1')), advance: advancer(net) };
});
