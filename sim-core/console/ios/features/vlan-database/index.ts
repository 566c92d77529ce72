/**
 * The VLAN database of a Catalyst (IEEE 802.1Q VLAN ids 1-4094): `vlan N` in global
 * configuration enters `(config-vlan)#`, where `name WORD` (at most 32 characters) names it;
 * `no vlan N` deletes it (VLAN 1 cannot be). The running-config lists each VLAN but 1 after the
 * spanning-tree lines, `vlan N` with its ` name`, each closed by `!`. The VLANs themselves go to
 * the bridge through the management layer (mgmt/switching.ts).
 * Leaves out: VTP, `state suspend`, `show vlan` (show-commands.ts prints it), private VLANs.
 */
import type { CommandSpec } from '../../../grammar';
import type { IosHandler } from '../../../ios-dialect';
import { numberArg, refusal, textArg, type IosCommandEnv } from '../../command-context';
import type { IosConfig } from '../../ios-config';
import type { IosFeature, RunningConfigSection } from '../ios-feature';

function globalCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'vlan <1-4094>',
      help: ['Vlan commands', 'ISL VLAN IDs 1-1005'],
      handler: (args, ctx) => {
        const id = numberArg(args);
        if (id === undefined) return undefined;
        if (args.negated) return refusal(rt.removeVlan(id));
        rt.addVlan(id);
        ctx.enterMode('config-vlan', id);
        return undefined;
      },
      no: true,
    },
  ];
}

function vlanModeCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'name WORD',
      help: ['Ascii name of the VLAN', 'The ascii name for the VLAN'],
      handler: (args, ctx) => {
        const id = typeof ctx.modeData === 'number' ? ctx.modeData : undefined;
        if (id === undefined) return undefined;
        rt.setVlanName(id, args.negated ? undefined : textArg(args, 'word')?.slice(0, 32));
        return undefined;
      },
      no: 'name [WORD]',
    },
  ];
}

function vlanSection(config: IosConfig): RunningConfigSection[] {
  const lines: string[] = [];
  for (const [id, vlan] of [...config.vlans].sort((a, b) => a[0] - b[0])) {
    if (id === 1) continue;
    if (lines.length > 0) lines.push('!');
    lines.push(`vlan ${id}`);
    if (vlan.name !== undefined) lines.push(` name ${vlan.name}`);
  }
  return [{ place: 'before-interfaces', lines }];
}

export const VLAN_DATABASE: IosFeature = {
  name: 'vlan-database',
  appliesTo: (kind) => kind === 'switch' || kind === 'l3-switch',
  commands: (env) => ({ config: globalCommands(env), 'config-vlan': vlanModeCommands(env) }),
  modes: () => [{ id: 'config-vlan', prompt: '(config-vlan)#', parent: 'config', config: true, exitHelp: 'Apply changes, bump revision number, and exit mode', commands: [] }],
  runningConfig: vlanSection,
};
