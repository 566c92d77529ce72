/**
 * `ip route` and `ipv6 route` in global configuration, in every form the management layer's
 * static routes take (mgmt/static-routes.ts): next hop, exit interface, exit interface with next
 * hop (an IPv6 link-local next hop needs its interface, RFC 4007 section 6), Null0, and an
 * administrative distance for a floating static. `no` removes the statics that match what is
 * given (all to the prefix when nothing more is).
 * Leaves out: `permanent`, `tag`, `name`, `track`, VRFs, `ipv6 route static resolve default`.
 */
import { ipv4NetworkPart } from '../../../../addr/prefix';
import type { CommandSpec } from '../../../grammar';
import type { IosHandler } from '../../../ios-dialect';
import { interfaceArg, ipv4Arg, ipv6Arg, ipv6PrefixArg, maskArg, numberArg, refusal, type IosCommandEnv } from '../../command-context';

export function staticRouteCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'ip route A.B.C.D MASK (A.B.C.D$nextHop|INTERFACE [A.B.C.D$nextHop2]) [<1-255>]',
      help: [
        'Global IP configuration subcommands',
        'Establish static routes',
        'Destination prefix',
        'Destination prefix mask',
        "Forwarding router's address",
        'Interface',
        "Forwarding router's address",
        'Distance metric for this route',
      ],
      handler: (args) => {
        const network = ipv4Arg(args);
        const mask = maskArg(args);
        if (network === undefined || mask === undefined) return undefined;
        if (mask.prefixLength === undefined || ipv4NetworkPart(network, mask.prefixLength) !== network) return '%Inconsistent address and mask\n';
        const nextHop = ipv4Arg(args, 'nextHop') ?? ipv4Arg(args, 'nextHop2');
        const interfaceName = interfaceArg(args);
        if (args.negated) return refusal(rt.removeIpRoute({ network, prefixLength: mask.prefixLength, nextHop, interfaceName }));
        return refusal(rt.addIpRoute({ network, prefixLength: mask.prefixLength, nextHop, interfaceName, distance: numberArg(args) }));
      },
      no: 'ip route A.B.C.D MASK [(A.B.C.D$nextHop|INTERFACE [A.B.C.D$nextHop2]) [<1-255>]]',
    },
    {
      spec: 'ipv6 route X:X::X:X/M (X:X::X:X$nextHop|INTERFACE [X:X::X:X$nextHop2]) [<1-254>]',
      help: ['Global IPv6 configuration commands', 'Configure static routes', 'IPv6 prefix', 'IPv6 address of next-hop', 'Interface', 'IPv6 address of next-hop', 'Administrative distance'],
      handler: (args) => {
        const p = ipv6PrefixArg(args);
        if (p === undefined) return undefined;
        const nextHop = ipv6Arg(args, 'nextHop') ?? ipv6Arg(args, 'nextHop2');
        const interfaceName = interfaceArg(args);
        if (args.negated) return refusal(rt.removeIpv6Route({ prefix: p.address, prefixLength: p.prefixLength, nextHop, interfaceName }));
        return refusal(rt.addIpv6Route({ prefix: p.address, prefixLength: p.prefixLength, nextHop, interfaceName, distance: numberArg(args) }));
      },
      no: 'ipv6 route X:X::X:X/M [(X:X::X:X$nextHop|INTERFACE [X:X::X:X$nextHop2]) [<1-254>]]',
    },
  ];
}
