/**
 * IOS global configuration commands that are not routing or switching: `hostname`,
 * `interface` (entering interface mode), `line`, `ip domain lookup`, and the boilerplate lines
 * `show running-config` prints (`version`, `service timestamps …`, `ip cef` …), which a loaded
 * configuration must accept even though they change nothing here.
 * Help texts are IOS 15's.
 * Leaves out: `enable secret`, `username`, `banner`, `service` options other than the printed ones.
 */
import type { CommandSpec } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import { INVALID_INPUT } from '../ios-dialect';
import { interfaceArg, refusal, textArg, type IosCommandEnv } from './command-context';
import { expandInterfaceRange } from './interface-range';

const IGNORED: IosHandler = () => undefined;

/** Sub-mode id of an interface (`config-subif` for `Gi0/0.10`). */
export function interfaceModeOf(name: string): string {
  return name.includes('.') ? 'config-subif' : 'config-if';
}

export function globalCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const isSwitch = rt.device.kind === 'switch' || rt.device.kind === 'l3-switch';
  const spanningTree: CommandSpec<IosHandler>[] = isSwitch
    ? [
        { spec: 'spanning-tree mode (pvst|rapid-pvst)', help: ['Spanning Tree Subsystem', 'Spanning tree operating mode', 'Per-Vlan spanning tree mode', 'Per-Vlan rapid spanning tree mode'], handler: IGNORED },
        { spec: 'spanning-tree extend system-id', help: ['Spanning Tree Subsystem', 'Spanning Tree 802.1t extensions', 'Extend system-id into priority portion of the bridge id (PVST & Rapid PVST only)'], handler: IGNORED },
      ]
    : [];
  return [
    ...spanningTree,
    {
      spec: 'hostname WORD',
      help: ["Set system's network name", "This system's network name"],
      handler: (args) => {
        if (args.negated) rt.setHostname('Router');
        else rt.setHostname(textArg(args, 'word') ?? rt.hostname);
      },
      no: 'hostname [WORD]',
    },
    {
      spec: 'interface INTERFACE',
      help: ['Select an interface to configure'],
      handler: (args, ctx) => {
        const name = interfaceArg(args);
        if (name === undefined) return undefined;
        if (args.negated) return refusal(rt.removeInterface(name));
        const opened = rt.openInterface(name);
        if (!opened.ok) return refusal(opened.error);
        ctx.enterMode(interfaceModeOf(name), name);
        return undefined;
      },
      no: true,
    },
    {
      spec: 'interface range LINE',
      help: ['Select an interface to configure', 'interface range command', 'Interface range'],
      handler: (args, ctx) => {
        const typed = args.values['line'];
        if (typed?.kind !== 'line') return undefined;
        const range = expandInterfaceRange(rt.device.kind, typed.text);
        if (!range.ok) {
          const promptLength = ctx.hostname.length + '(config)#'.length;
          return `${' '.repeat(promptLength + typed.start + range.offset)}^\n${INVALID_INPUT}\n\n`;
        }
        for (const name of range.names) {
          const opened = rt.openInterface(name);
          if (!opened.ok) return refusal(opened.error);
        }
        ctx.enterMode('config-if-range', range.names);
        return undefined;
      },
    },
    {
      spec: 'ip domain lookup',
      help: ['Global IP configuration subcommands', 'IP DNS Resolver', 'Enable IP Domain Name System hostname translation'],
      handler: (args) => void (rt.config.ipDomainLookup = !args.negated),
      no: true,
    },
    {
      spec: 'ip domain-lookup',
      help: ['Global IP configuration subcommands', 'Enable IP Domain Name System hostname translation'],
      handler: (args) => void (rt.config.ipDomainLookup = !args.negated),
      no: true,
    },
    {
      spec: 'line (console|aux|vty) <0-15> [<1-15>]',
      help: ['Configure a terminal line', 'Primary terminal line', 'Auxiliary line', 'Virtual terminal', 'First Line number', 'Last Line number'],
      handler: (args, ctx) => {
        const kind = args.keywords.includes('console') ? 'con' : args.keywords.includes('aux') ? 'aux' : 'vty';
        const first = args.values['number']?.text ?? '0';
        const last = args.values['number2']?.text;
        const header = `line ${kind} ${first}${last === undefined ? '' : ` ${last}`}`;
        let line = rt.config.lines.find((l) => l.header === header);
        if (line === undefined) {
          line = { header, commands: [] };
          rt.config.lines.push(line);
        }
        ctx.enterMode('config-line', header);
      },
    },
    { spec: 'version WORD', help: ['Version', 'Version number'], handler: IGNORED },
    {
      spec: 'service timestamps (debug|log) datetime msec',
      help: ['Modify use of network based services', 'Timestamp debug/log messages', 'Timestamp debug messages', 'Timestamp log messages', 'Timestamp with date and time', 'Include milliseconds in timestamp'],
      handler: IGNORED,
    },
    { spec: 'service password-encryption', help: ['Modify use of network based services', 'Encrypt system passwords'], handler: IGNORED, no: true },
    { spec: 'boot-start-marker', help: ['Boot Start Marker'], handler: IGNORED },
    { spec: 'boot-end-marker', help: ['Boot End Marker'], handler: IGNORED },
    { spec: 'aaa new-model', help: ['Authentication, Authorization and Accounting.', 'Enable NEW access control commands and functions.(Disables OLD commands.)'], handler: IGNORED, no: true },
    { spec: 'ip cef', help: ['Global IP configuration subcommands', 'Cisco Express Forwarding'], handler: IGNORED, no: true },
    { spec: 'ipv6 cef', help: ['Global IPv6 configuration commands', 'Cisco Express Forwarding for IPv6'], handler: IGNORED, no: true },
    { spec: 'ip forward-protocol nd', help: ['Global IP configuration subcommands', 'Controls forwarding of physical and directed IP broadcasts', 'Forward UDP Backup Disk broadcasts'], handler: IGNORED, no: true },
  ];
}

/** `line con 0` sub-mode: the few line settings labs use, kept as typed. */
export function lineCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const setLine = (text: string, on: boolean) => (ctx: { modeData: unknown }) => {
    const line = rt.config.lines.find((l) => l.header === ctx.modeData);
    if (line === undefined) return;
    const key = text.split(' ')[0]!;
    line.commands = line.commands.filter((c) => c.split(' ')[0] !== key);
    if (on) line.commands.push(text);
  };
  return [
    { spec: 'login', help: ['Enable password checking'], handler: (args, ctx) => setLine('login', !args.negated)(ctx), no: true },
    { spec: 'logging synchronous', help: ['Modify message logging facilities', 'Synchronized message output'], handler: (args, ctx) => setLine('logging synchronous', !args.negated)(ctx), no: true },
    {
      spec: 'exec-timeout <0-35791> [<0-2147483>]',
      help: ['Set the EXEC timeout', 'Timeout in minutes', 'Timeout in seconds'],
      handler: (args, ctx) => setLine(`exec-timeout ${args.values['number']?.text ?? '10'} ${args.values['number2']?.text ?? '0'}`, !args.negated)(ctx),
      no: 'exec-timeout',
    },
  ];
}
