/**
 * IOS exec commands other than `show`, `ping` and `traceroute`: saving the configuration
 * (`copy running-config startup-config` with IOS's `Destination filename [startup-config]?`
 * question, `write [memory]` with `Building configuration...` / `[OK]`), `debug ipv6 nd` /
 * `undebug all`, `clear ipv6 neighbors`, `clear arp-cache`, `terminal length`.
 * Leaves out: `reload`, `erase`, copies to or from TFTP/flash, other debug categories.
 */
import type { CommandSpec } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import type { IosCommandEnv } from './command-context';

const BUILDING = 'Building configuration...\n[OK]\n';

export function userExecCommands(): CommandSpec<IosHandler>[] {
  return [
    {
      spec: 'terminal length <0-512>',
      help: ['Set terminal line parameters', 'Set number of lines on a screen', 'Number of lines on screen (0 for no pausing)'],
      handler: () => undefined,
    },
  ];
}

export function privilegedExecCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const hasIp = rt.mgmt.hasIpStack;
  const specs: CommandSpec<IosHandler>[] = [
    {
      spec: 'copy running-config startup-config',
      help: ['Copy from one file to another', 'Copy from current system configuration', 'Copy to startup configuration'],
      handler: () => {
        const save = (): string => {
          rt.saveStartupConfig();
          return BUILDING;
        };
        if (env.ask === undefined) return save();
        env.ask({ prompt: 'Destination filename [startup-config]? ', answer: () => ({ output: save() }) });
        return undefined;
      },
    },
    {
      spec: 'write [memory]',
      help: ['Write running configuration to memory, network, or terminal', 'Write to NV memory'],
      handler: () => {
        rt.saveStartupConfig();
        return BUILDING;
      },
    },
    {
      spec: 'undebug all',
      help: ["Disable debugging functions (see also 'debug')", 'Disable all debugging'],
      handler: () => {
        rt.setDebugIpv6Nd(false);
        return 'All possible debugging has been turned off\n';
      },
    },
  ];
  if (hasIp) {
    specs.push(
      {
        spec: 'debug ipv6 nd',
        help: ["Debugging functions (see also 'undebug')", 'IPv6 debug', 'IPv6 Neighbor Discovery debugging'],
        handler: (args) => {
          rt.setDebugIpv6Nd(!args.negated);
          return `  ICMP Neighbor Discovery events debugging is ${args.negated ? 'off' : 'on'}\n`;
        },
        no: true,
      },
      {
        spec: 'undebug ipv6 nd',
        help: ["Disable debugging functions (see also 'debug')", 'IPv6 debug', 'IPv6 Neighbor Discovery debugging'],
        handler: () => {
          rt.setDebugIpv6Nd(false);
          return '  ICMP Neighbor Discovery events debugging is off\n';
        },
      },
      {
        spec: 'clear ipv6 neighbors',
        help: ['Reset functions', 'IPv6 clear commands', 'Clear IPv6 neighbor cache'],
        handler: () => void rt.ipv6Hooks?.clearNeighbors?.(rt),
      },
      {
        spec: 'clear arp-cache',
        help: ['Reset functions', 'Clear the entire ARP cache'],
        handler: () => {
          rt.mgmt.neighbors.clearArp();
        },
      },
    );
  }
  return specs;
}
