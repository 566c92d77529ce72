/**
 * IOS forwarding switches: `ip routing` and `ipv6 unicast-routing` (RFC 4861 section 6.2.2: a
 * router advertises once it forwards). Static routes are the static-routing feature module
 * (features/static-routing/).
 * Leaves out: `ipv6 unicast-routing` per VRF, `ip cef` switching (printed, not modelled).
 */
import type { CommandSpec } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import { refusal, type IosCommandEnv } from './command-context';

export function routingCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  const specs: CommandSpec<IosHandler>[] = [
    {
      spec: 'ipv6 unicast-routing',
      help: ['Global IPv6 configuration commands', 'Enable unicast routing'],
      handler: (args) => rt.setIpv6UnicastRouting(!args.negated),
      no: true,
    },
    {
      spec: 'ip routing',
      help: ['Global IP configuration subcommands', 'Enable IP routing'],
      handler: (args) => refusal(rt.setIpRouting(!args.negated)),
      no: true,
    },
  ];
  return specs;
}
