/**
 * A small IOS-like command set for the engine's tests (the real IOS command set lives with the
 * router device). It keeps a tiny running-config so `show running-config | section` has text to
 * filter, and its ping is a job driven by a fake virtual clock.
 */
import { formatIpv6 } from '../../../sim-core/addr/ipv6';
import type { InterfaceCatalog } from '../../../sim-core/console/arg-types';
import { hasKeyword } from '../../../sim-core/console/grammar';
import { IosDialect, type IosHandler, type IosModeSpec } from '../../../sim-core/console/ios-dialect';
import { createJob } from '../../../sim-core/console/job';
import { ConsoleSession } from '../../../sim-core/console/session';

/** Timers on virtual milliseconds, advanced by hand. */
export class FakeClock {
  nowMs = 0;
  private timers: { atMs: number; seq: number; run: () => void }[] = [];
  private seq = 0;

  schedule(delayMs: number, run: () => void): () => void {
    const timer = { atMs: this.nowMs + delayMs, seq: this.seq++, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    const until = this.nowMs + ms;
    for (;;) {
      this.timers.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.atMs > until) break;
      this.timers.shift();
      this.nowMs = next.atMs;
      next.run();
    }
    this.nowMs = until;
  }
}

export const SAMPLE_INTERFACES: InterfaceCatalog = {
  types: [
    { name: 'GigabitEthernet', help: 'GigabitEthernet IEEE 802.3z', numberHelp: '<0-3>' },
    { name: 'Loopback', help: 'Loopback interface', numberHelp: '<0-2147483647>' },
    { name: 'Vlan', help: 'Catalyst Vlans', numberHelp: '<1-4094>' },
  ],
};

interface InterfaceConfig {
  description?: string;
  addresses: string[];
  shutdown: boolean;
}

export interface SampleState {
  hostname: string;
  interfaces: Map<string, InterfaceConfig>;
  routes: string[];
  unicastRouting: boolean;
  /** Every handler call, for tests: [handler id, args]. */
  calls: { id: string; negated: boolean; values: Record<string, string>; keywords: readonly string[] }[];
}

function runningConfig(state: SampleState): string {
  const lines = ['Building configuration...', '', 'Current configuration : 512 bytes', '!', `hostname ${state.hostname}`, '!'];
  if (state.unicastRouting) lines.push('ipv6 unicast-routing', '!');
  for (const [name, cfg] of state.interfaces) {
    lines.push(`interface ${name}`);
    if (cfg.description) lines.push(` description ${cfg.description}`);
    if (cfg.addresses.length === 0) lines.push(' no ip address');
    for (const a of cfg.addresses) lines.push(` ipv6 address ${a}`);
    if (cfg.shutdown) lines.push(' shutdown');
    lines.push('!');
  }
  for (const r of state.routes) lines.push(r);
  lines.push('!', 'end');
  return `${lines.join('\n')}\n`;
}

export function createSampleIos(clock = new FakeClock()): { session: ConsoleSession; dialect: IosDialect; state: SampleState; clock: FakeClock } {
  const state: SampleState = {
    hostname: 'R1',
    interfaces: new Map([
      ['GigabitEthernet0/0', { addresses: [], shutdown: true }],
      ['GigabitEthernet0/1', { addresses: [], shutdown: true }],
      ['Loopback0', { addresses: ['2001:DB8:FFFF::1/128'], shutdown: false }],
    ]),
    routes: [],
    unicastRouting: false,
    calls: [],
  };
  const record =
    (id: string, then?: IosHandler): IosHandler =>
    (args, ctx) => {
      state.calls.push({ id, negated: args.negated, keywords: args.keywords, values: Object.fromEntries(Object.entries(args.values).map(([k, v]) => [k, v.kind === 'interface' ? v.name : v.text])) });
      return then?.(args, ctx);
    };
  const currentInterface = (ctx: { modeData: unknown }): InterfaceConfig => {
    const name = String(ctx.modeData);
    let cfg = state.interfaces.get(name);
    if (!cfg) {
      cfg = { addresses: [], shutdown: false };
      state.interfaces.set(name, cfg);
    }
    return cfg;
  };

  const ping: IosHandler = (args) => {
    const target = args.values['word']?.text ?? '';
    const v6 = /:/.test(target);
    const shown = v6 ? target.toUpperCase() : target;
    const count = args.values['repeat']?.kind === 'range' ? (args.values['repeat'] as { value: number }).value : 5;
    const size = args.values['size']?.kind === 'range' ? (args.values['size'] as { value: number }).value : 100;
    const ctl = createJob();
    ctl.emit(`Type escape sequence to abort.\nSending ${count}, ${size}-byte ICMP Echos to ${shown}, timeout is 2 seconds:\n`);
    let sent = 0;
    let cancelTimer = (): void => undefined;
    const summary = (): void => {
      ctl.emit(`\nSuccess rate is ${Math.floor((sent * 100) / count)} percent (${sent}/${count}), round-trip min/avg/max = 1/1/1 ms\n`);
      ctl.finish();
    };
    const tick = (): void => {
      sent++;
      ctl.emit('!');
      if (sent < count) cancelTimer = clock.schedule(1, tick);
      else summary();
    };
    cancelTimer = clock.schedule(1, tick);
    ctl.onCancel(() => {
      cancelTimer();
      summary();
    });
    return { job: ctl.job };
  };

  const showIpv6InterfaceBrief: IosHandler = (args) => {
    const only = args.values['interface'];
    const rows: string[] = [];
    for (const [name, cfg] of state.interfaces) {
      if (only?.kind === 'interface' && only.name !== name) continue;
      const status = cfg.shutdown ? '[administratively down/down]' : '[up/up]';
      rows.push(`${name.padEnd(22)} ${status}`);
      if (cfg.addresses.length === 0) rows.push('    unassigned');
      for (const a of cfg.addresses) rows.push(`    ${a.split('/')[0]}`);
    }
    return `${rows.join('\n')}\n`;
  };

  const exec: IosModeSpec['commands'] = [
    {
      spec: 'show ipv6 interface [brief] [INTERFACE]',
      help: ['Show running system information', 'IPv6 information', 'IPv6 interface status and configuration', 'Brief summary of IPv6 status and configuration'],
      handler: record('show-ipv6-interface', showIpv6InterfaceBrief),
      filterable: true,
    },
    {
      spec: 'ping [ipv6] WORD {repeat <1-2147483647>$repeat|size <16-18024>$size|source INTERFACE}',
      help: ['Send echo messages', 'IPv6 echo', 'Ping destination address or hostname', 'specify repeat count', 'Repeat count', 'specify datagram size', 'Datagram size', 'specify source address or name', 'Interface'],
      handler: record('ping', ping),
    },
  ];
  const privileged: IosModeSpec['commands'] = [
    ...exec,
    { spec: 'show running-config', help: ['Show running system information', 'Current operating configuration'], handler: record('show-run', () => runningConfig(state)), filterable: true },
    { spec: 'show interfaces [INTERFACE]', help: ['Show running system information', 'Interface status and configuration'], handler: record('show-interfaces', () => ''), filterable: true },
    { spec: 'show inventory', help: ['Show running system information', 'Show the physical inventory'], handler: record('show-inventory', () => ''), filterable: true },
  ];
  const modes: IosModeSpec[] = [
    { id: 'user', prompt: '>', exec: true, commands: exec },
    { id: 'privileged', prompt: '#', exec: true, commands: privileged },
    {
      id: 'config',
      prompt: '(config)#',
      parent: 'privileged',
      config: true,
      commands: [
        {
          spec: 'interface INTERFACE',
          help: ['Select an interface to configure'],
          handler: record('interface', (args, ctx) => {
            const v = args.values['interface'];
            const name = v?.kind === 'interface' ? v.name : '';
            ctx.enterMode(name.includes('.') ? 'config-subif' : 'config-if', name);
          }),
        },
        { spec: 'hostname WORD', help: ['Set system\'s network name', 'This system\'s network name'], handler: record('hostname', (args) => void (state.hostname = args.values['word']?.text ?? state.hostname)) },
        { spec: 'ipv6 unicast-routing', help: ['Global IPv6 configuration commands', 'Enable unicast routing'], handler: record('ipv6-unicast-routing', (args) => void (state.unicastRouting = !args.negated)), no: true },
        {
          spec: 'ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) [<1-254>]',
          help: ['Global IPv6 configuration commands', 'Configure static routes', 'IPv6 prefix', 'IPv6 address of next-hop', 'Interface', 'Administrative distance'],
          handler: record('ipv6-route', (args, _ctx) => {
            const p = args.values['ipv6Prefix'];
            if (p?.kind !== 'ipv6-prefix') return;
            const hop = args.values['ipv6Address'] ?? args.values['interface'];
            const hopText = hop?.kind === 'ipv6' ? formatIpv6(hop.address).toUpperCase() : hop?.kind === 'interface' ? hop.name : '';
            const line = `ipv6 route ${formatIpv6(p.address).toUpperCase()}/${p.prefixLength} ${hopText}`;
            if (args.negated) state.routes = state.routes.filter((r) => !r.startsWith(`ipv6 route ${formatIpv6(p.address).toUpperCase()}/${p.prefixLength}`));
            else state.routes.push(line);
          }),
          no: 'ipv6 route X:X::X:X/M [X:X::X:X|INTERFACE] [<1-254>]',
        },
        { spec: 'ipv6 access-list WORD', help: ['Global IPv6 configuration commands', 'Configure access lists', 'User selected string identifying this access list'], handler: record('ipv6-acl'), no: true },
        { spec: 'vlan <1-4094>', help: ['Vlan commands', 'ISL VLAN IDs 1-1005'], handler: record('vlan', (args, ctx) => ctx.enterMode('config-vlan', args.values['number']?.text)) },
        { spec: 'router ospf <1-65535>', help: ['Enable a routing process', 'Open Shortest Path First (OSPF)', 'Process ID'], handler: record('router-ospf', (args, ctx) => ctx.enterMode('config-rtr', args.values['number']?.text)) },
        { spec: 'line (console|vty) <0-15> [<1-15>]', help: ['Configure a terminal line', 'Primary terminal line', 'Virtual terminal', 'First Line number', 'Last Line number'], handler: record('line', (_a, ctx) => ctx.enterMode('config-line')) },
      ],
    },
    {
      id: 'config-if',
      prompt: '(config-if)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from interface configuration mode',
      commands: [
        {
          spec: 'ipv6 address X:X::X:X/M [eui-64]',
          help: ['IPv6 interface subcommands', 'Configure IPv6 address on interface', 'IPv6 prefix', 'Use eui-64 interface identifier'],
          handler: record('ipv6-address', (args, ctx) => {
            const p = args.values['ipv6Prefix'];
            const cfg = currentInterface(ctx);
            if (args.negated) cfg.addresses = [];
            else if (p?.kind === 'ipv6-prefix') cfg.addresses.push(`${formatIpv6(p.address).toUpperCase()}/${p.prefixLength}${hasKeyword(args, 'eui-64') ? ' eui-64' : ''}`);
          }),
          no: 'ipv6 address [X:X::X:X/M] [eui-64]',
        },
        { spec: 'ipv6 address X:X::X:X link-local', help: ['IPv6 interface subcommands', 'Configure IPv6 address on interface', 'IPv6 link-local address', 'Use link-local address'], handler: record('ipv6-address-ll'), no: true },
        { spec: 'ipv6 enable', help: ['IPv6 interface subcommands', 'Enable IPv6 on interface'], handler: record('ipv6-enable'), no: true },
        { spec: 'description LINE', help: ['Interface specific description', 'Up to 240 characters describing this interface'], handler: record('description', (args, ctx) => void (currentInterface(ctx).description = args.negated ? undefined : args.values['line']?.text)), no: 'description [LINE]' },
        { spec: 'shutdown', help: ['Shutdown the selected interface'], handler: record('shutdown', (args, ctx) => void (currentInterface(ctx).shutdown = !args.negated)), no: true },
      ],
    },
    {
      id: 'config-subif',
      prompt: '(config-subif)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from interface configuration mode',
      commands: [
        { spec: 'encapsulation dot1Q <1-4094>', help: ['Set encapsulation type for an interface', 'IEEE 802.1Q Virtual LAN', 'IEEE 802.1Q VLAN ID'], handler: record('encapsulation') },
        { spec: 'ipv6 address X:X::X:X/M [eui-64]', help: ['IPv6 interface subcommands', 'Configure IPv6 address on interface', 'IPv6 prefix', 'Use eui-64 interface identifier'], handler: record('ipv6-address') },
      ],
    },
    { id: 'config-vlan', prompt: '(config-vlan)#', parent: 'config', config: true, exitHelp: 'Apply changes, bump revision number, and exit mode', commands: [{ spec: 'name WORD', help: ['Ascii name of the VLAN', 'The ascii name for the VLAN'], handler: record('vlan-name') }] },
    {
      id: 'config-rtr',
      prompt: '(config-rtr)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from routing protocol configuration mode',
      commands: [
        { spec: 'router-id A.B.C.D', help: ['router-id for this OSPF process', 'OSPF router-id in IP address format'], handler: record('router-id'), no: 'router-id' },
        { spec: 'network A.B.C.D MASK area <0-4294967295>', help: ['Enable routing on an IP network', 'Network number', 'OSPF wild card bits', 'Set the OSPF area ID', 'OSPF area ID as a decimal value'], handler: record('network') },
      ],
    },
    {
      id: 'config-line',
      prompt: '(config-line)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from line configuration mode',
      commands: [
        { spec: 'logging synchronous', help: ['Modify message logging facilities', 'Synchronized message output'], handler: record('logging-sync'), no: true },
        { spec: 'exec-timeout <0-35791> [<0-2147483>]', help: ['Set the EXEC timeout', 'Timeout in minutes', 'Timeout in seconds'], handler: record('exec-timeout'), no: 'exec-timeout' },
      ],
    },
  ];
  const dialect = new IosDialect({
    hostname: () => state.hostname,
    modes,
    userMode: 'user',
    privilegedMode: 'privileged',
    configMode: 'config',
    interfaces: () => SAMPLE_INTERFACES,
  });
  return { session: new ConsoleSession(dialect), dialect, state, clock };
}
