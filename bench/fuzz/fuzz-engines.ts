/**
 * Seeded fuzzing of the three ways input reaches the simulator (issue 17, "in the test suite,
 * bounded"): frames into every device kind's ports, lines typed in every mode of every console
 * dialect, and lab and scenario files through the loaders. Each engine takes a count and a seed,
 * uses only its own generator (the same seed replays the same inputs), catches nothing but counts
 * what it sees: inputs, problems reported the ordinary way (frames dropped, console errors, files
 * refused) and exceptions (a throw is a bug; the first one is kept with the input that caused it).
 * `npm test` runs them small (test/fuzz/); `npm run fuzz` runs the long campaign (campaign.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bootLab } from '../../sim-core/lab/boot-lab';
import type { LabSession } from '../../sim-core/lab/lab-session';
import { loadLab } from '../../sim-core/lab/load-lab';
import { loadScenario } from '../../sim-core/lab/scenario/load-scenario';
import type { Port } from '../../sim-core/stack/port';
import { readIpv4 } from '../../sim-core/addr/ipv4';
import { readIpv6 } from '../../sim-core/addr/ipv6';
import { expectedChecksum, ipv4PseudoHeaderSum, ipv6PseudoHeaderSum } from '../../sim-core/wire/checksum';

export interface FuzzReport {
  readonly name: string;
  readonly inputs: number;
  readonly problems: number;
  readonly exceptions: number;
  /** The first exception and the input that raised it, to replay. */
  readonly firstException?: { readonly message: string; readonly input: string };
}

/** mulberry32: small, fast, seeded (the fuzzer's own; sim-core keeps its generator). */
export class FuzzRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function readRepoFile(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

// --- the lab every engine uses: every device kind, linked and addressed ----------------------------

export const FUZZ_LAB = `version: 1
devices:
  - name: R1
    kind: router
    config: |
      hostname R1
      ipv6 unicast-routing
      interface GigabitEthernet0/0
       ip address 10.1.0.1 255.255.255.0
       ipv6 address 2001:db8:1::1/64
       no shutdown
      interface GigabitEthernet0/1
       ip address 10.9.0.1 255.255.255.252
       ipv6 address 2001:db8:9::1/64
       no shutdown
      ipv6 route 2001:db8:20::/48 2001:db8:9::2
      ip route 10.20.0.0 255.255.0.0 10.9.0.2
  - name: CORE
    kind: l3-switch
    config: |
      hostname CORE
      ip routing
      ipv6 unicast-routing
      vlan 20
      interface Vlan20
       ip address 10.20.0.1 255.255.255.0
       ipv6 address 2001:db8:20::1/64
       no shutdown
      interface GigabitEthernet1/0/2
       switchport mode access
       switchport access vlan 20
      interface GigabitEthernet1/0/24
       no switchport
       ip address 10.9.0.2 255.255.255.252
       ipv6 address 2001:db8:9::2/64
       no shutdown
      ipv6 route ::/0 2001:db8:9::1
      ip route 0.0.0.0 0.0.0.0 10.9.0.1
  - name: SW1
    kind: switch
  - name: AP1
    kind: access-point
  - name: PC1
    kind: pc
  - name: SRV1
    kind: server
    config: |
      ip addr add 10.1.0.10/24 dev eth0
      ip -6 addr add 2001:db8:1::10/64 dev eth0
      ip route add default via 10.1.0.1
  - name: PC2
    kind: pc
links:
  - endpoints: ["R1:g0/0", "SW1:g1/0/1"]
  - endpoints: ["PC1:Ethernet0", "SW1:g1/0/2"]
  - endpoints: ["SRV1:eth0", "SW1:g1/0/3"]
  - endpoints: ["AP1:GigabitEthernet0", "SW1:g1/0/4"]
  - endpoints: ["R1:g0/1", "CORE:g1/0/24"]
  - endpoints: ["PC2:Ethernet0", "CORE:g1/0/2"]
`;

export function bootFuzzLab(seed: number): LabSession {
  const loaded = loadLab(FUZZ_LAB, 'fuzz.v6lab.yaml');
  if (!loaded.ok) throw new Error(`fuzz lab: ${loaded.problems[0]!.message}`);
  return bootLab(loaded.lab, { seed, source: loaded.source });
}

// --- frames ---------------------------------------------------------------------------------------

/** Frames the lab really sends (RA, NS, ARP, ping, DAD …) plus the golden vectors: what mutations start from. */
function frameCorpus(session: LabSession): Uint8Array[] {
  const corpus: Uint8Array[] = [];
  const stops = session.network.allDevices().flatMap((device) => device.ports.map((port) => port.addTap((frame) => corpus.push(frame.bytes.slice()))));
  session.runFor(20e9);
  for (const [device, line] of [
    ['PC1', 'ping -n 2 10.1.0.1'],
    ['PC1', 'ping -n 2 2001:db8:1::1'],
    ['SRV1', 'ping -c 2 10.20.0.1'],
    ['SRV1', 'ping -c 2 2001:db8:20::1'],
    ['PC2', 'ping -n 1 2001:db8:1::10'],
  ] as const) {
    session.exec(device, line, { timeoutNs: 20e9 });
  }
  for (const stop of stops) stop();
  const vectors = JSON.parse(readRepoFile('test/fixtures/frames.json')) as { frames: { hex: string }[] };
  for (const vector of vectors.frames) corpus.push(Uint8Array.from(vector.hex.match(/../g)!.map((h) => parseInt(h, 16))));
  return corpus;
}

const INTERESTING_BYTES = [0, 1, 0x7f, 0x80, 0x81, 0xfe, 0xff, 128, 129, 64, 255, 0x86, 0xdd, 0x08, 0x3a];

/** One to four edits: bit flips, boundary bytes, truncation, extension, splices; sometimes noise. */
export function mutateFrame(random: FuzzRandom, corpus: readonly Uint8Array[]): Uint8Array {
  if (random.chance(0.05)) return Uint8Array.from({ length: random.int(1600) }, () => random.int(256));
  let bytes = random.pick(corpus).slice();
  const edits = 1 + random.int(4);
  for (let e = 0; e < edits; e++) {
    const at = bytes.length === 0 ? 0 : random.int(bytes.length);
    switch (random.int(7)) {
      case 0:
        if (bytes.length > 0) bytes[at] = bytes[at]! ^ (1 << random.int(8));
        break;
      case 1:
        if (bytes.length > 0) bytes[at] = random.pick(INTERESTING_BYTES);
        break;
      case 2:
        if (bytes.length > 0) bytes[at] = random.int(256);
        break;
      case 3:
        bytes = bytes.slice(0, at);
        break;
      case 4: {
        const extra = Uint8Array.from({ length: 1 + random.int(64) }, () => random.int(256));
        const grown = new Uint8Array(bytes.length + extra.length);
        grown.set(bytes.subarray(0, at));
        grown.set(extra, at);
        grown.set(bytes.subarray(at), at + extra.length);
        bytes = grown;
        break;
      }
      case 5: {
        const other = random.pick(corpus);
        const from = random.int(Math.max(1, other.length));
        const chunk = other.subarray(from, from + 1 + random.int(80));
        const spliced = bytes.slice();
        spliced.set(chunk.subarray(0, Math.max(0, spliced.length - at)), at);
        bytes = spliced;
        break;
      }
      case 6:
        // A 16-bit length or count field set to a boundary value.
        if (bytes.length > 1) {
          const value = random.pick([0, 1, 0xffff, 0x8000, bytes.length, bytes.length - 14, 40, 1280, 1500]);
          bytes[at] = value >>> 8;
          if (at + 1 < bytes.length) bytes[at + 1] = value & 0xff;
        }
        break;
    }
  }
  return bytes;
}

/** Where each upper layer keeps its checksum: ICMPv6/ICMP 2, UDP 6, TCP 16. */
const CHECKSUM_FIELD: Readonly<Record<number, number>> = { 58: 2, 1: 2, 17: 6, 6: 16 };

/**
 * Rewrites the IPv4 header checksum and the ICMP/ICMPv6/UDP/TCP checksum of a mutated frame
 * (untagged or one 802.1Q tag, no IPv6 extension headers), so the mutation reaches the
 * protocol code behind the checksum check instead of stopping at it.
 */
export function fixChecksums(bytes: Uint8Array): void {
  let offset = 14;
  if (bytes.length < offset) return;
  let etherType = (bytes[12]! << 8) | bytes[13]!;
  if (etherType === 0x8100 && bytes.length >= 18) {
    etherType = (bytes[16]! << 8) | bytes[17]!;
    offset = 18;
  }
  const write = (at: number, value: number): void => {
    bytes[at] = value >>> 8;
    bytes[at + 1] = value & 0xff;
  };
  if (etherType === 0x86dd && bytes.length >= offset + 40) {
    const nextHeader = bytes[offset + 6]!;
    const field = CHECKSUM_FIELD[nextHeader];
    const start = offset + 40;
    const end = Math.min(bytes.length, start + ((bytes[offset + 4]! << 8) | bytes[offset + 5]!));
    if (field === undefined || nextHeader === 1 || end - start < field + 2) return;
    const sum = expectedChecksum(bytes, start, end, start + field, ipv6PseudoHeaderSum(readIpv6(bytes, offset + 8), readIpv6(bytes, offset + 24), end - start, nextHeader));
    write(start + field, nextHeader === 17 && sum === 0 ? 0xffff : sum);
  } else if (etherType === 0x0800 && bytes.length >= offset + 20) {
    const headerLength = (bytes[offset]! & 0x0f) * 4;
    if (headerLength < 20 || bytes.length < offset + headerLength) return;
    write(offset + 10, expectedChecksum(bytes, offset, offset + headerLength, offset + 10));
    const protocol = bytes[offset + 9]!;
    const field = CHECKSUM_FIELD[protocol];
    const start = offset + headerLength;
    const end = Math.min(bytes.length, offset + ((bytes[offset + 2]! << 8) | bytes[offset + 3]!));
    if (field === undefined || protocol === 58 || end - start < field + 2) return;
    const pseudo = protocol === 1 ? 0 : ipv4PseudoHeaderSum(readIpv4(bytes, offset + 12), readIpv4(bytes, offset + 16), end - start, protocol);
    write(start + field, expectedChecksum(bytes, start, end, start + field, pseudo));
  }
}

function totalDrops(session: LabSession): number {
  let drops = 0;
  for (const device of session.network.allDevices()) {
    for (const port of device.ports) drops += port.counters.drops;
    for (const iface of device.stack?.interfaces ?? []) drops += iface.counters.drops;
  }
  return drops;
}

/** `count` mutated frames, each delivered to a port of some device (every kind gets them), the network run between batches. */
export function fuzzFrames(count: number, seed: number): FuzzReport {
  const random = new FuzzRandom(seed);
  const session = bootFuzzLab(seed);
  const corpus = frameCorpus(session);
  const ports: Port[] = session.network.allDevices().flatMap((device) => device.ports.filter((port) => port.attachment !== null));
  const dropsBefore = totalDrops(session);
  let exceptions = 0;
  let firstException: FuzzReport['firstException'];
  for (let i = 0; i < count; i++) {
    const port = random.pick(ports);
    const bytes = mutateFrame(random, corpus);
    // Often addressed to the port itself, so unicast frames get past the MAC filter.
    if (bytes.length >= 6 && random.chance(0.4)) for (let b = 0; b < 6; b++) bytes[b] = Number((BigInt(port.mac) >> BigInt(8 * (5 - b))) & 0xffn);
    if (random.chance(0.6)) fixChecksums(bytes);
    try {
      port.deliver(bytes);
      if (i % 64 === 63) session.runFor(random.chance(0.1) ? 2e9 : 5e6);
    } catch (error) {
      exceptions++;
      firstException ??= { message: `${port.device}:${port.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, input: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
    }
  }
  try {
    session.runFor(5e9);
  } catch (error) {
    exceptions++;
    firstException ??= { message: `after the frames: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, input: '' };
  }
  return { name: 'frames', inputs: count, problems: totalDrops(session) - dropsBefore, exceptions, ...(firstException !== undefined && { firstException }) };
}

// --- console lines --------------------------------------------------------------------------------

interface ConsoleMode {
  readonly device: string;
  readonly name: string;
  /** Lines that reach the mode from a fresh prompt. */
  readonly enter: readonly string[];
  /** Lines that leave it (back to where `enter` starts). */
  readonly leave: readonly string[];
}

const IOS_ENTER = {
  exec: [],
  privileged: ['enable'],
  config: ['enable', 'configure terminal'],
  interface: ['enable', 'configure terminal', 'interface GigabitEthernet0/0'],
  subinterface: ['enable', 'configure terminal', 'interface GigabitEthernet0/0.10'],
  loopback: ['enable', 'configure terminal', 'interface Loopback0'],
  line: ['enable', 'configure terminal', 'line con 0'],
} as const;

const SWITCH_ENTER = {
  exec: [],
  privileged: ['enable'],
  config: ['enable', 'configure terminal'],
  interface: ['enable', 'configure terminal', 'interface GigabitEthernet1/0/5'],
  range: ['enable', 'configure terminal', 'interface range GigabitEthernet1/0/5 - 8'],
  vlan: ['enable', 'configure terminal', 'vlan 30'],
  svi: ['enable', 'configure terminal', 'interface Vlan20'],
} as const;

export const CONSOLE_MODES: readonly ConsoleMode[] = [
  ...Object.entries(IOS_ENTER).map(([name, enter]) => ({ device: 'R1', name: `router ${name}`, enter, leave: ['end', 'disable'] })),
  ...Object.entries(SWITCH_ENTER).map(([name, enter]) => ({ device: 'CORE', name: `l3-switch ${name}`, enter, leave: ['end', 'disable'] })),
  ...Object.entries(SWITCH_ENTER).map(([name, enter]) => ({ device: 'SW1', name: `switch ${name}`, enter: name === 'svi' ? ['enable', 'configure terminal', 'interface Vlan1'] : enter, leave: ['end', 'disable'] })),
  ...Object.entries(IOS_ENTER)
    .filter(([name]) => name === 'exec' || name === 'privileged' || name === 'config' || name === 'line')
    .map(([name, enter]) => ({ device: 'AP1', name: `access-point ${name}`, enter, leave: ['end', 'disable'] })),
  { device: 'AP1', name: 'access-point interface', enter: ['enable', 'configure terminal', 'interface Dot11Radio0'], leave: ['end', 'disable'] },
  { device: 'PC1', name: 'windows cmd', enter: [], leave: [] },
  // (Windows has one mode: netsh runs whole commands, its interactive prompt is not simulated.)
  { device: 'PC2', name: 'windows cmd (CORE side)', enter: [], leave: [] },
  { device: 'SRV1', name: 'linux bash', enter: [], leave: [] },
];

const IOS_WORDS = [
  'show', 'ip', 'ipv6', 'interface', 'interfaces', 'route', 'address', 'brief', 'running-config', 'startup-config', 'no', 'shutdown', 'description', 'hostname',
  'ping', 'traceroute', 'debug', 'undebug', 'all', 'nd', 'ra', 'suppress', 'prefix', 'neighbors', 'unicast-routing', 'router', 'ospf', 'area', 'network', 'static',
  'switchport', 'mode', 'access', 'trunk', 'vlan', 'allowed', 'native', 'encapsulation', 'dot1Q', 'spanning-tree', 'portfast', 'mac', 'address-table', 'clear',
  'copy', 'write', 'memory', 'reload', 'exit', 'end', 'do', 'default', 'link-local', 'eui-64', 'anycast', 'autoconfig', 'dhcp', 'tunnel', 'source', 'destination',
  'standby', 'access-list', 'permit', 'deny', 'any', 'host', 'range', 'Null0', 'Loopback1', 'GigabitEthernet0/1', 'g1/0/3', 'Vlan20', 'Tunnel0', 'line', 'vty',
  'banner', 'motd', 'logging', 'synchronous', 'terminal', 'length', '0', '1', '10', '64', '128', '129', '255', '65535', '4294967296', '-1', '?', '|', 'include',
  'exclude', 'begin', 'section', 'count', '^(.+)+!$', '(a)\\1', '[', '2001:db8::1', '2001:db8::/64', '::/0', 'fe80::1', 'ff02::1', '10.1.0.1', '255.255.255.0',
  '0.0.0.0', '::', '2001:db8:1::/129', '1.2.3.4.5', 'ggg::1', 'repeat', 'timeout', 'size', 'df-bit', 'validate', 'source', 'metric', 'distance', 'cost',
];
const WINDOWS_WORDS = [
  'ipconfig', '/all', '/release6', '/renew6', '/flushdns', 'ping', '-n', '-6', '-4', '-l', '-t', 'tracert', '-d', 'route', 'print', 'add', 'delete', 'netsh',
  'interface', 'ipv6', 'ipv4', 'show', 'address', 'addresses', 'neighbors', 'route', 'set', 'privacy', 'state=disabled', 'store=active', 'Ethernet0', '"Ethernet0"',
  'nslookup', 'arp', '-a', 'hostname', 'cls', 'ver', 'exit', 'help', '?', 'dir', 'echo', 'timeout', '/t', '1', '2001:db8:1::1', '10.1.0.1', 'fe80::1%2', '::/0',
  'getmac', 'netstat', '-r', 'curl', 'http://[2001:db8:1::10]/', 'type', 'C:\\x', '%PATH%', '&&', '>', 'nul', '-1', '65536',
];
const LINUX_WORDS = [
  'ip', '-6', '-4', 'addr', 'address', 'add', 'del', 'show', 'dev', 'eth0', 'lo', 'route', 'neigh', 'link', 'set', 'up', 'down', 'via', 'default', 'ping', '-c',
  '-W', '-s', 'ping6', 'traceroute', 'tracepath', 'sysctl', '-w', 'net.ipv6.conf.all.forwarding=1', 'net.ipv6.conf.eth0.accept_ra=2', 'cat', '/etc/resolv.conf',
  '/etc/hosts', '/proc/net/if_inet6', 'echo', 'hostname', 'whoami', 'sudo', 'clear', 'sleep', '1', 'dig', 'AAAA', 'curl', 'ss', '-tlnp', 'ifconfig', 'exit',
  '2001:db8:1::1', '10.1.0.1', '2001:db8:1::10/64', 'fe80::1%eth0', '::/0', '0.0.0.0/0', '|', 'grep', '>', '/dev/null', ';', '&&', '$(whoami)', '`id`', "'", '"',
  'man', 'help', '--help', '-999999', 'nc', '-l', 'systemctl', 'restart', 'networking', 'resolvectl', 'status',
];


function wordsFor(device: string): readonly string[] {
  if (device === 'PC1' || device === 'PC2') return WINDOWS_WORDS;
  if (device === 'SRV1') return LINUX_WORDS;
  return IOS_WORDS;
}

/** A random line: words of the dialect, sometimes random characters, odd spacing, a `?` or a pipe. */
export function randomConsoleLine(random: FuzzRandom, words: readonly string[]): string {
  const parts: string[] = [];
  const length = 1 + random.int(7);
  for (let i = 0; i < length; i++) {
    if (random.chance(0.08)) parts.push(Array.from({ length: 1 + random.int(12) }, () => String.fromCharCode(32 + random.int(95))).join(''));
    else if (random.chance(0.03)) parts.push(String.fromCharCode(random.int(0x3000)));
    else parts.push(random.pick(words));
  }
  let line = parts.join(random.chance(0.1) ? '  ' : ' ');
  if (random.chance(0.05)) line = line.slice(0, random.int(line.length + 1));
  if (random.chance(0.05)) line = `${line} ?`;
  return line;
}

/** `count` random lines typed in every mode of every dialect (round robin), with its console's answers counted. */
export function fuzzConsoles(count: number, seed: number): FuzzReport {
  const random = new FuzzRandom(seed);
  const session = bootFuzzLab(seed);
  session.runFor(5e9);
  let problems = 0;
  let exceptions = 0;
  let done = 0;
  let firstException: FuzzReport['firstException'];
  /** Types a line; true when the console answered with an error (IOS `%`, cmd, bash). */
  const type = (device: string, line: string): boolean => {
    try {
      const result = session.exec(device, line, { timeoutNs: 20e9 });
      return !result.ok || /(^|\n)(%|Invalid|bash:|'.*' is not recognized|The syntax|Error|Usage)/.test(result.value.transcript);
    } catch (error) {
      exceptions++;
      firstException ??= { message: `${device}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, input: `${device}> ${line}` };
      return false;
    }
  };
  let round = 0;
  while (done < count) {
    const mode = CONSOLE_MODES[round++ % CONSOLE_MODES.length]!;
    for (const line of mode.enter) type(mode.device, line);
    const batch = Math.min(count - done, 1 + random.int(12));
    for (let i = 0; i < batch; i++) {
      // Now and then raw keys (Tab, arrows, history, Ctrl keys) into the half-typed line, then Ctrl-U to clear it.
      if (random.chance(0.05)) {
        const console = session.console(mode.device);
        if (console.ok) {
          try {
            console.value.write(`${randomConsoleLine(random, wordsFor(mode.device))}${random.pick(['\t', '\x1b[A', '\x1b[B', '\x1b[D', '\x01', '\x05', '\x17', '\x10', '?', '\x7f'])}\x15`);
          } catch (error) {
            exceptions++;
            firstException ??= { message: `${mode.device} keys: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, input: mode.name };
          }
        }
      }
      if (type(mode.device, randomConsoleLine(random, wordsFor(mode.device)))) problems++;
      done++;
    }
    for (const line of mode.leave) type(mode.device, line);
  }
  return { name: 'console lines', inputs: done, problems, exceptions, ...(firstException !== undefined && { firstException }) };
}

// --- files ----------------------------------------------------------------------------------------

const FILE_TOKENS = [':', '- ', '  ', '\n', '"', "'", '{', '[', ']', '}', '&a ', '*a', '!!binary ', '|', '>', '#', '\t', 'version: 2\n', 'R9:', 'g0/7', 'constructor',
  '__proto__', '\u202e', '\u0000', '\x1b[2J', 'null', '~', '1e309', '-1', '.nan', '<<: *a', '? ', '%YAML 1.2\n---\n', '...\n', 'kind: router', 'kind: ping', 'x'.repeat(300)];

function mutateText(random: FuzzRandom, text: string): string {
  let out = text;
  const edits = 1 + random.int(5);
  for (let e = 0; e < edits; e++) {
    const lines = out.split('\n');
    const at = random.int(out.length + 1);
    const line = random.int(lines.length);
    switch (random.int(6)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + random.int(40));
        break;
      case 1:
        out = out.slice(0, at) + random.pick(FILE_TOKENS) + out.slice(at);
        break;
      case 2:
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 3:
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 4: {
        const other = random.int(lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 5:
        out = out.slice(0, at) + String.fromCharCode(random.int(0x250)) + out.slice(at);
        break;
    }
  }
  return out;
}

/** The files mutations start from: the example labs, the fuzz lab and the course's scenarios. */
export function fileCorpus(): { readonly labs: readonly string[]; readonly scenarios: readonly string[] } {
  const labs = ['docs/examples/dual-stack-lan.v6lab.yaml', 'docs/examples/router-on-a-stick.v6lab.yaml', 'docs/examples/three-routers-static.v6lab.yaml'].map(readRepoFile);
  const scenarios = ['m01-address-plan.yaml', 'm02-dual-stack-slaac.yaml', 'm03-static-routing-wan.yaml', 'm04-troubleshooting.yaml'].map((file) => readRepoFile(`scenarios/${file}`));
  return { labs: [...labs, FUZZ_LAB], scenarios };
}

/** `count` mutated lab and scenario files through the loaders; a lab that still loads is booted and run a little. */
export function fuzzFiles(count: number, seed: number): FuzzReport {
  const random = new FuzzRandom(seed);
  const corpus = fileCorpus();
  let problems = 0;
  let exceptions = 0;
  let firstException: FuzzReport['firstException'];
  for (let i = 0; i < count; i++) {
    const scenario = random.chance(0.4);
    const text = mutateText(random, random.pick(scenario ? corpus.scenarios : corpus.labs));
    try {
      if (scenario) {
        const result = loadScenario(text, 'fuzz.yaml');
        if (!result.ok) problems++;
      } else {
        const result = loadLab(text, 'fuzz.v6lab.yaml');
        if (!result.ok) problems++;
        else if (i % 8 === 0) bootLab(result.lab, { seed: 1, source: result.source }).runFor(2e9);
      }
    } catch (error) {
      exceptions++;
      firstException ??= { message: error instanceof Error ? (error.stack ?? error.message) : String(error), input: text };
    }
  }
  return { name: 'files', inputs: count, problems, exceptions, ...(firstException !== undefined && { firstException }) };
}

export function formatFuzzReport(report: FuzzReport): string {
  return `${report.name.padEnd(14)} inputs ${report.inputs.toLocaleString('en-US').padStart(10)}   problems reported ${report.problems.toLocaleString('en-US').padStart(10)}   exceptions ${report.exceptions}`;
}
