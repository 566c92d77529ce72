/**
 * IOS switchport commands (Catalyst; the VLAN database is the vlan-database feature module,
 * features/vlan-database/): switchports (`switchport mode access|trunk`, `switchport access vlan N`,
 * `switchport trunk allowed vlan LIST|add|remove|except|all|none`, `switchport trunk native vlan N`,
 * `switchport trunk encapsulation dot1q`), `no switchport` on an L3 switch, and
 * `spanning-tree portfast`. IEEE 802.1Q VLAN ids 1-4094.
 * VLAN lists read as IOS reads them: `10,20-30`, no blanks.
 * Leaves out: voice VLANs, port security, DTP (`dynamic auto|desirable`), `switchport nonegotiate`.
 */
import type { CommandSpec } from '../grammar';
import { hasKeyword } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import { currentInterface, numberArg, refusal, textArg, type IosCommandEnv } from './command-context';
import type { IosInterfaceConfig } from './ios-config';

/** Parses `10,20-30`; undefined when it is not a VLAN list of 1-4094. */
export function parseVlanList(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
    if (m === null) return undefined;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first < 1 || last > 4094 || last < first) return undefined;
    for (let v = first; v <= last; v++) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

const ALL_VLANS: readonly number[] = Array.from({ length: 4094 }, (_, i) => i + 1);

function onPort(env: IosCommandEnv, run: (i: IosInterfaceConfig, args: Parameters<IosHandler>[0]) => string | undefined | void): IosHandler {
  return (args, ctx) => {
    const i = currentInterface(env, ctx);
    if (i === undefined) return undefined;
    const result = run(i, args);
    return typeof result === 'string' ? result : undefined;
  };
}

const SWITCHPORT = 'Set switching mode characteristics';
const TRUNK = 'Set trunking characteristics of the interface';

export function switchportCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const specs: CommandSpec<IosHandler>[] = [
    {
      spec: 'switchport mode (access|trunk)',
      help: [SWITCHPORT, 'Set trunking mode of the interface', 'Set trunking mode to ACCESS unconditionally', 'Set trunking mode to TRUNK unconditionally'],
      handler: onPort(env, (i, args) => refusal(rt.setSwitchport(i, { mode: args.negated ? undefined : hasKeyword(args, 'trunk') ? 'trunk' : 'access' }))),
      no: 'switchport mode [access|trunk]',
    },
    {
      spec: 'switchport access vlan <1-4094>',
      help: [SWITCHPORT, 'Set access mode characteristics of the interface', 'Set VLAN when interface is in access mode', 'VLAN ID of the VLAN when this port is in access mode'],
      handler: onPort(env, (i, args) => refusal(rt.setSwitchport(i, { accessVlan: args.negated ? 1 : (numberArg(args) ?? 1) }))),
      no: 'switchport access vlan [<1-4094>]',
    },
    {
      spec: 'switchport trunk native vlan <1-4094>',
      help: [SWITCHPORT, TRUNK, 'Set trunking native characteristics when interface is in trunking mode', 'Set native VLAN when interface is in trunking mode', 'VLAN ID of the native VLAN when this port is in trunking mode'],
      handler: onPort(env, (i, args) => refusal(rt.setSwitchport(i, { nativeVlan: args.negated ? 1 : (numberArg(args) ?? 1) }))),
      no: 'switchport trunk native vlan [<1-4094>]',
    },
    {
      spec: 'switchport trunk allowed vlan (WORD$list|add WORD$add|remove WORD$remove|except WORD$except|all|none)',
      help: [
        SWITCHPORT,
        TRUNK,
        'Set allowed VLAN characteristics when interface is in trunking mode',
        'Set allowed VLANs when interface is in trunking mode',
        'VLAN IDs of the allowed VLANs when this port is in trunking mode',
        'add VLANs to the current list',
        'VLAN IDs of the allowed VLANs when this port is in trunking mode',
        'remove VLANs from the current list',
        'VLAN IDs of disallowed VLANS when this port is in trunking mode',
        'all VLANs except the following',
        'VLAN IDs of disallowed VLANS when this port is in trunking mode',
        'all VLANs',
        'no VLANs',
      ],
      handler: onPort(env, (i, args) => {
        const sp = i.switchport;
        if (sp === undefined) return '% Command rejected: not a switchport\n';
        if (args.negated) return refusal(rt.setSwitchport(i, { allowedVlans: undefined }));
        if (hasKeyword(args, 'all')) return refusal(rt.setSwitchport(i, { allowedVlans: undefined }));
        if (hasKeyword(args, 'none')) return refusal(rt.setSwitchport(i, { allowedVlans: [] }));
        const text = textArg(args, 'list') ?? textArg(args, 'add') ?? textArg(args, 'remove') ?? textArg(args, 'except') ?? '';
        const list = parseVlanList(text);
        if (list === undefined) return `Command rejected: Bad VLAN list - character #1 is a non-numeric\ncharacter ('${text[0] ?? ''}').\n`;
        const current = sp.allowedVlans ?? ALL_VLANS;
        let next: number[];
        if (hasKeyword(args, 'add')) next = [...new Set([...current, ...list])].sort((a, b) => a - b);
        else if (hasKeyword(args, 'remove')) next = current.filter((v) => !list.includes(v));
        else if (hasKeyword(args, 'except')) next = ALL_VLANS.filter((v) => !list.includes(v));
        else next = list;
        return refusal(rt.setSwitchport(i, { allowedVlans: next.length === 4094 ? undefined : next }));
      }),
      no: 'switchport trunk allowed vlan',
    },
    {
      spec: 'spanning-tree portfast',
      help: ['Spanning Tree Subsystem', 'Enable an interface to move directly to forwarding on link up'],
      handler: onPort(env, (i, args) => rt.setPortfast(i, !args.negated)),
      no: true,
    },
  ];
  if (rt.device.kind === 'l3-switch') {
    specs.push(
      {
        spec: 'switchport trunk encapsulation dot1q',
        help: [SWITCHPORT, TRUNK, 'Set trunking encapsulation when interface is in trunking mode', 'Interface uses only 802.1q trunking encapsulation when trunking'],
        handler: onPort(env, (i, args) => refusal(rt.setSwitchport(i, { trunkEncapsulationDot1q: !args.negated }))),
        no: true,
      },
      {
        spec: 'switchport',
        help: [SWITCHPORT],
        handler: onPort(env, (i, args) => {
          if (args.negated) return refusal(rt.makeRoutedPort(i));
          if (i.switchport === undefined) return '% Turning a routed port back into a switchport is not supported in this lab\n';
          return undefined;
        }),
        no: true,
      },
    );
  }
  return specs;
}

