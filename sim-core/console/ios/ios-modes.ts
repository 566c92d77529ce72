/**
 * The IOS command set of a device as mode data for the IOS dialect: user and privileged exec,
 * global configuration, interface and subinterface configuration, VLAN and line sub-modes, with
 * the commands each device kind has (a layer-2 switch has no IP commands; only switches have
 * VLANs and switchports; only routers have subinterfaces), and the interface catalog the
 * grammar's INTERFACE argument reads (types and numbers as `interface ?` lists them on IOS).
 * `interface range` enters `config-if-range`, whose commands are the interface commands applied
 * to each interface of the range (interface-range.ts).
 * Leaves out: `router …` modes (dynamic routing comes later).
 */
import type { InterfaceCatalog, InterfaceType } from '../arg-types';
import type { IosModeSpec } from '../ios-dialect';
import { resolveInterfaceName } from '../../devices/interface-names';
import type { DeviceKind } from '../../devices/catalog';
import type { IosCommandEnv } from './command-context';
import { privilegedExecCommands, userExecCommands } from './exec-commands';
import { globalCommands, lineCommands } from './global-commands';
import { commonInterfaceCommands, layer3InterfaceCommands, portCommands, subinterfaceCommands } from './interface-commands';
import { rangeCommands } from './interface-range';
import { ndCommands } from './nd-commands';
import { pingTracerouteCommands } from './ping-commands';
import { routingCommands } from './routing-commands';
import { iosFeatures } from './features/registry';
import type { IosFeature } from './features/ios-feature';
import { showCommands } from './show-commands';
import { switchportCommands } from './switching-commands';

export const IOS_MODE_IDS = { user: 'user', privileged: 'privileged', config: 'config' } as const;

/** Help for keywords that some spec leaves without its own. */
export const IOS_KEYWORD_HELP: Readonly<Record<string, string>> = {
  show: 'Show running system information',
  ip: 'Interface Internet Protocol config commands',
  ipv6: 'IPv6 interface subcommands',
  interface: 'Select an interface to configure',
};

const GIGABIT: InterfaceType = { name: 'GigabitEthernet', help: 'GigabitEthernet IEEE 802.3z' };
const LOOPBACK: InterfaceType = { name: 'Loopback', help: 'Loopback interface', numberHelp: '<0-2147483647>' };
const NULL: InterfaceType = { name: 'Null', help: 'Null interface', numberHelp: '<0-0>' };
const VLAN: InterfaceType = { name: 'Vlan', help: 'Catalyst Vlans', numberHelp: '<1-4094>' };

/** The interface types a device kind offers at the IOS prompt. */
export function iosInterfaceCatalog(kind: DeviceKind): InterfaceCatalog {
  const types: InterfaceType[] =
    kind === 'router'
      ? [{ ...GIGABIT, numberHelp: '<0-0>' }, LOOPBACK, NULL]
      : kind === 'l3-switch'
        ? [{ ...GIGABIT, numberHelp: '<1-9>' }, LOOPBACK, NULL, VLAN]
        : [{ ...GIGABIT, numberHelp: '<1-9>' }];
  return {
    types,
    accepts: (name) => {
      const resolved = resolveInterfaceName(kind, name);
      return resolved.ok && resolved.value.role !== 'tunnel';
    },
  };
}

/** Every mode of an IOS device of `env.runtime.device.kind`, with the feature modules' commands and modes (the registry's unless given). */
export function buildIosModes(env: IosCommandEnv, features: readonly IosFeature[] = iosFeatures()): IosModeSpec[] {
  const kind = env.runtime.device.kind;
  const hasIp = kind !== 'switch';
  const isSwitch = kind === 'switch' || kind === 'l3-switch';
  const layer3 = hasIp ? [...layer3InterfaceCommands(env), ...ndCommands(env)] : [];
  const interfaceCommands = [...commonInterfaceCommands(env), ...layer3, ...(kind === 'router' ? portCommands(env) : []), ...(isSwitch ? switchportCommands(env) : [])];
  const modes: IosModeSpec[] = [
    { id: 'user', prompt: '>', exec: true, commands: [...showCommands(env, true), ...userExecCommands(), ...(hasIp ? pingTracerouteCommands(env, false) : [])] },
    { id: 'privileged', prompt: '#', exec: true, commands: [...showCommands(env, false), ...userExecCommands(), ...privilegedExecCommands(env), ...(hasIp ? pingTracerouteCommands(env, true) : [])] },
    {
      id: 'config',
      prompt: '(config)#',
      parent: 'privileged',
      config: true,
      commands: [...globalCommands(env), ...(hasIp ? routingCommands(env) : [])],
    },
    {
      id: 'config-if',
      prompt: '(config-if)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from interface configuration mode',
      commands: interfaceCommands,
    },
    {
      id: 'config-if-range',
      prompt: '(config-if-range)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from interface configuration mode',
      commands: rangeCommands(interfaceCommands),
    },
    { id: 'config-line', prompt: '(config-line)#', parent: 'config', config: true, exitHelp: 'Exit from line configuration mode', commands: lineCommands(env) },
  ];
  if (kind === 'router') {
    modes.push({
      id: 'config-subif',
      prompt: '(config-subif)#',
      parent: 'config',
      config: true,
      exitHelp: 'Exit from interface configuration mode',
      commands: [...commonInterfaceCommands(env), ...subinterfaceCommands(env), ...layer3],
    });
  }
  // The feature modules add their commands to the modes they name, and their own modes.
  for (const feature of features) {
    if (!feature.appliesTo(kind)) continue;
    modes.push(...(feature.modes?.(env) ?? []));
    for (const [modeId, commands] of Object.entries(feature.commands(env))) {
      const at = modes.findIndex((m) => m.id === modeId);
      if (at < 0) throw new Error(`IOS feature ${feature.name} adds commands to mode '${modeId}', which ${kind} has not`);
      modes[at] = { ...modes[at]!, commands: [...modes[at]!.commands, ...commands] };
      // An interface command works on `interface range` too (once per interface of the range).
      const range = modeId === 'config-if' ? modes.findIndex((m) => m.id === 'config-if-range') : -1;
      if (range >= 0) modes[range] = { ...modes[range]!, commands: [...modes[range]!.commands, ...rangeCommands(commands)] };
    }
  }
  return modes;
}
