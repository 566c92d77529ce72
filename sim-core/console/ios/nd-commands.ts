/**
 * IOS `ipv6 nd …` interface commands: what a router puts in its Router Advertisements
 * (RFC 4861 section 6.2.1 AdvPrefixList, MaxRtrAdvInterval/MinRtrAdvInterval, AdvDefaultLifetime,
 * AdvManagedFlag, AdvOtherConfigFlag; RFC 4191 router preference; RFC 8106 RDNSS) and whether
 * it sends them (`ipv6 nd ra suppress [all]`). The settings are kept in the configuration and
 * applied through the IPv6 module (IosRuntime.applyIpv6).
 * Checks as IOS makes them: the preferred lifetime may not exceed the valid one; the minimum RA
 * interval must be below 75% of the maximum (RFC 4861 section 6.2.1).
 * Leaves out: `ipv6 nd prefix default`, `ipv6 nd dad attempts`, `ipv6 nd ns-interval`,
 * `ipv6 nd reachable-time`, DNSSL.
 */
import type { CommandSpec } from '../grammar';
import { hasKeyword } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import { currentInterface, ipv6Arg, ipv6PrefixArg, numberArg, type IosCommandEnv } from './command-context';
import { INFINITE_LIFETIME_S, type IosInterfaceConfig } from './ios-config';

const ND_HELP = ['IPv6 interface subcommands', 'IPv6 interface Neighbor Discovery subcommands'];
const RA_HELP = [...ND_HELP, 'Router Advertisement control'];

function ndHandler(env: IosCommandEnv, run: (i: IosInterfaceConfig, args: Parameters<IosHandler>[0]) => string | undefined | void): IosHandler {
  return (args, ctx) => {
    const i = currentInterface(env, ctx);
    if (i === undefined) return undefined;
    const result = run(i, args);
    if (typeof result === 'string') return result;
    env.runtime.applyIpv6(i);
    return undefined;
  };
}

/** The two lifetimes of `ipv6 nd prefix P [valid preferred]`, each a number or `infinite`. */
function prefixLifetimes(args: Parameters<IosHandler>[0]): { valid?: number; preferred?: number } {
  const valid = numberArg(args, 'valid');
  const preferred = numberArg(args, 'preferred');
  const infinites = args.keywords.filter((k) => k === 'infinite').length;
  if (infinites === 0) return valid === undefined ? {} : { valid, preferred: preferred ?? valid };
  if (infinites === 2) return { valid: INFINITE_LIFETIME_S, preferred: INFINITE_LIFETIME_S };
  // One `infinite`: it stands where the number is missing.
  return valid === undefined ? { valid: INFINITE_LIFETIME_S, preferred: preferred ?? INFINITE_LIFETIME_S } : { valid, preferred: INFINITE_LIFETIME_S };
}

export function ndCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  return [
    {
      spec: 'ipv6 nd prefix X:X::X:X/M [(<0-4294967295>$valid|infinite) (<0-4294967295>$preferred|infinite)] {off-link|no-autoconfig|no-advertise}',
      help: [
        ...ND_HELP,
        'Configure IPv6 Routing Prefix Advertisement',
        'IPv6 prefix',
        'Valid Lifetime (secs)',
        'Infinite Valid Lifetime',
        'Preferred Lifetime (secs)',
        'Infinite Preferred Lifetime',
        'Do not use prefix for onlink determination',
        'Do not use prefix for autoconfiguration',
        'Do not advertise prefix in RA',
      ],
      handler: ndHandler(env, (i, args) => {
        const p = ipv6PrefixArg(args);
        if (p === undefined) return undefined;
        const others = i.nd.prefixes.filter((x) => !(x.prefix === p.address && x.prefixLength === p.prefixLength));
        if (args.negated) {
          i.nd.prefixes = others;
          return undefined;
        }
        const life = prefixLifetimes(args);
        if (life.valid !== undefined && life.preferred !== undefined && life.preferred > life.valid) return '% Preferred lifetime must not exceed valid lifetime\n';
        i.nd.prefixes = [
          ...others,
          {
            prefix: p.address,
            prefixLength: p.prefixLength,
            ...(life.valid !== undefined ? { validLifetimeS: life.valid, preferredLifetimeS: life.preferred } : {}),
            offLink: hasKeyword(args, 'off-link'),
            noAutoconfig: hasKeyword(args, 'no-autoconfig'),
            noAdvertise: hasKeyword(args, 'no-advertise'),
          },
        ];
        return undefined;
      }),
      no: 'ipv6 nd prefix X:X::X:X/M [(<0-4294967295>$valid|infinite) (<0-4294967295>$preferred|infinite)] {off-link|no-autoconfig|no-advertise}',
    },
    {
      spec: 'ipv6 nd ra suppress [all]',
      help: [...RA_HELP, 'Suppress IPv6 Router Advertisements', 'Suppress all IPv6 RA'],
      handler: ndHandler(env, (i, args) => void (i.nd.raSuppress = args.negated ? 'none' : hasKeyword(args, 'all') ? 'all' : 'periodic')),
      no: true,
    },
    {
      spec: 'ipv6 nd ra interval <4-1800>$max [<3-1800>$min]',
      help: [...RA_HELP, 'Set IPv6 Router Advertisement Interval', 'RA Interval (sec)', 'Min RA interval (sec)'],
      handler: ndHandler(env, (i, args) => {
        if (args.negated) {
          i.nd.raIntervalS = undefined;
          i.nd.raIntervalMinS = undefined;
          return undefined;
        }
        const max = numberArg(args, 'max');
        const min = numberArg(args, 'min');
        if (max === undefined) return undefined;
        if (min !== undefined && min > 0.75 * max) return '% Min RA interval must be less than 75% of max RA interval\n';
        if (i.nd.raLifetimeS !== undefined && i.nd.raLifetimeS !== 0 && i.nd.raLifetimeS < max) return '% RA interval must be less than RA lifetime\n';
        i.nd.raIntervalS = max;
        i.nd.raIntervalMinS = min;
        return undefined;
      }),
      no: 'ipv6 nd ra interval [<4-1800>$max [<3-1800>$min]]',
    },
    {
      spec: 'ipv6 nd ra lifetime <0-9000>',
      help: [...RA_HELP, 'Set IPv6 Router Advertisement Lifetime', 'RA Lifetime (seconds)'],
      handler: ndHandler(env, (i, args) => {
        const lifetime = args.negated ? undefined : numberArg(args);
        if (lifetime !== undefined && lifetime !== 0 && lifetime < (i.nd.raIntervalS ?? 200)) return '% RA lifetime must be greater than RA interval\n';
        i.nd.raLifetimeS = lifetime;
        return undefined;
      }),
      no: 'ipv6 nd ra lifetime [<0-9000>]',
    },
    {
      spec: 'ipv6 nd ra dns server X:X::X:X [(<0-4294967295>|infinite)]',
      help: [...RA_HELP, 'Configure DNS for IPv6 RAs', 'Configure DNS server', 'IPv6 address of DNS server', 'Lifetime (secs)', 'Infinite lifetime'],
      handler: ndHandler(env, (i, args) => {
        const address = ipv6Arg(args);
        if (address === undefined) return undefined;
        const others = i.nd.dnsServers.filter((d) => d.address !== address);
        if (args.negated) {
          i.nd.dnsServers = others;
          return undefined;
        }
        const lifetime = hasKeyword(args, 'infinite') ? INFINITE_LIFETIME_S : numberArg(args);
        i.nd.dnsServers = [...others, lifetime === undefined ? { address } : { address, lifetimeS: lifetime }];
        return undefined;
      }),
      no: 'ipv6 nd ra dns server X:X::X:X [(<0-4294967295>|infinite)]',
    },
    {
      spec: 'ipv6 nd managed-config-flag',
      help: [...ND_HELP, 'Hosts should use DHCP for address config'],
      handler: ndHandler(env, (i, args) => void (i.nd.managedConfigFlag = !args.negated)),
      no: true,
    },
    {
      spec: 'ipv6 nd other-config-flag',
      help: [...ND_HELP, 'Hosts should use DHCP for non-address config'],
      handler: ndHandler(env, (i, args) => void (i.nd.otherConfigFlag = !args.negated)),
      no: true,
    },
    {
      spec: 'ipv6 nd router-preference (High|Medium|Low)',
      help: [...ND_HELP, 'Set default router preference value', 'High default router preference', 'Medium default router preference', 'Low default router preference'],
      handler: ndHandler(env, (i, args) => {
        const word = args.keywords.find((k) => k === 'High' || k === 'Medium' || k === 'Low') as IosInterfaceConfig['nd']['routerPreference'] | undefined;
        i.nd.routerPreference = args.negated ? 'Medium' : (word ?? 'Medium');
      }),
      no: 'ipv6 nd router-preference [High|Medium|Low]',
    },
  ];
}
