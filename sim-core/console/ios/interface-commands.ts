/**
 * IOS interface configuration commands (`R1(config-if)#`, `R1(config-subif)#`): description,
 * shutdown, mtu, duplex/speed, `encapsulation dot1Q`, `ip address`, and the IPv6 address
 * commands (`ipv6 address P/L [eui-64]`, `… link-local`, `autoconfig [default]`, `ipv6 enable`,
 * `ipv6 mtu`). Each handler changes the configuration and the device through IosRuntime.
 * IPv6 addresses follow RFC 4291 section 2.5 (EUI-64 interface identifiers, appendix A) and
 * RFC 4862 (autoconfig); `ipv6 mtu` is bounded below by 1280 (RFC 8200 section 5).
 * Leaves out: `ip address dhcp`, `ipv6 address dhcp`, anycast addresses, general prefixes.
 */
import type { CommandSpec } from '../grammar';
import { hasKeyword } from '../grammar';
import type { IosHandler } from '../ios-dialect';
import { currentInterface, ipv4Arg, ipv6Arg, ipv6PrefixArg, maskArg, numberArg, refusal, textArg, type IosCommandEnv } from './command-context';
import type { IosInterfaceConfig } from './ios-config';

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** Wraps a handler so it gets the interface of its sub-mode. */
function onInterface(env: IosCommandEnv, run: (i: IosInterfaceConfig, args: Parameters<IosHandler>[0]) => string | undefined | void): IosHandler {
  return (args, ctx) => {
    const i = currentInterface(env, ctx);
    if (i === undefined) return undefined;
    const result = run(i, args);
    return typeof result === 'string' ? result : undefined;
  };
}

const IPV6_ADDRESS_HELP = ['IPv6 interface subcommands', 'Configure IPv6 address on interface'];

/** Commands every interface kind has (ports, subinterfaces, loopbacks, SVIs, switchports). */
export function commonInterfaceCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'description LINE',
      help: ['Interface specific description', 'Up to 240 characters describing this interface'],
      handler: onInterface(env, (i, args) => rt.setDescription(i, args.negated ? undefined : textArg(args, 'line')?.slice(0, 240))),
      no: 'description [LINE]',
    },
    {
      spec: 'shutdown',
      help: ['Shutdown the selected interface'],
      handler: onInterface(env, (i, args) => rt.setShutdown(i, !args.negated)),
      no: true,
    },
  ];
}

/** Layer-3 commands: addresses, MTU, IPv6 (not offered on a layer-2 switch). */
export function layer3InterfaceCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'mtu <68-9216>',
      help: ['Set the interface Maximum Transmission Unit (MTU)', 'MTU size in bytes'],
      handler: onInterface(env, (i, args) => rt.setMtu(i, args.negated ? undefined : numberArg(args))),
      no: 'mtu [<68-9216>]',
    },
    {
      spec: 'ip address A.B.C.D MASK [secondary]',
      help: ['Interface Internet Protocol config commands', 'Set the IP address of an interface', 'IP address', 'IP subnet mask', 'Make this IP address a secondary address'],
      handler: onInterface(env, (i, args) => {
        const address = ipv4Arg(args);
        const mask = maskArg(args);
        if (args.negated) return refusal(rt.removeIpv4Address(i, address));
        if (address === undefined || mask === undefined) return undefined;
        if (mask.prefixLength === undefined) return `Bad mask 0x${hex8(mask.mask)} for address ${args.values['ipv4Address']?.text ?? ''}\n`;
        return refusal(rt.setIpv4Address(i, address, mask.prefixLength, hasKeyword(args, 'secondary')));
      }),
      no: 'ip address [A.B.C.D MASK [secondary]]',
    },
    {
      spec: 'ipv6 address X:X::X:X/M [eui-64]',
      help: [...IPV6_ADDRESS_HELP, 'IPv6 prefix', 'Use eui-64 interface identifier'],
      handler: onInterface(env, (i, args) => {
        const p = ipv6PrefixArg(args);
        if (args.negated) {
          if (p === undefined) {
            i.ipv6Addresses = [];
            i.ipv6LinkLocal = undefined;
            i.ipv6Autoconfig = undefined;
          } else {
            const before = i.ipv6Addresses.length;
            i.ipv6Addresses = i.ipv6Addresses.filter((a) => !(a.address === p.address && a.prefixLength === p.prefixLength));
            if (i.ipv6Addresses.length === before) return '% Address not found\n';
          }
          rt.applyIpv6(i);
          return undefined;
        }
        if (p === undefined) return undefined;
        const eui64 = hasKeyword(args, 'eui-64');
        if (eui64 && p.prefixLength > 64) return '% Prefix length must be 64 or less for eui-64 addresses\n';
        const overlap = rt.ipv6OverlapOf(i, p.address, p.prefixLength);
        if (overlap !== undefined) return `${overlap}\n`;
        i.ipv6Addresses = [...i.ipv6Addresses.filter((a) => !(a.address === p.address && a.prefixLength === p.prefixLength)), { address: p.address, prefixLength: p.prefixLength, eui64 }];
        rt.applyIpv6(i);
        return undefined;
      }),
      no: 'ipv6 address [X:X::X:X/M [eui-64]]',
    },
    {
      spec: 'ipv6 address X:X::X:X link-local',
      help: [...IPV6_ADDRESS_HELP, 'IPv6 link-local address', 'Use link-local address'],
      handler: onInterface(env, (i, args) => {
        const address = ipv6Arg(args);
        if (args.negated) {
          i.ipv6LinkLocal = undefined;
        } else {
          if (address === undefined) return undefined;
          // RFC 4291 section 2.5.6: link-local addresses are in fe80::/10.
          if (address >> 118n !== 0x3fan) return '% Invalid link-local address\n';
          i.ipv6LinkLocal = address;
        }
        rt.applyIpv6(i);
        return undefined;
      }),
      no: true,
    },
    {
      spec: 'ipv6 address autoconfig [default]',
      help: [...IPV6_ADDRESS_HELP, 'Obtain address using autoconfiguration', 'Insert default route'],
      handler: onInterface(env, (i, args) => {
        i.ipv6Autoconfig = args.negated ? undefined : { default: hasKeyword(args, 'default') };
        rt.applyIpv6(i);
      }),
      no: 'ipv6 address autoconfig [default]',
    },
    {
      spec: 'ipv6 enable',
      help: ['IPv6 interface subcommands', 'Enable IPv6 on interface'],
      handler: onInterface(env, (i, args) => {
        i.ipv6Enable = !args.negated;
        rt.applyIpv6(i);
      }),
      no: true,
    },
    {
      spec: 'ipv6 mtu <1280-9216>',
      help: ['IPv6 interface subcommands', 'Set IPv6 Maximum Transmission Unit', 'MTU (bytes)'],
      handler: onInterface(env, (i, args) => {
        const mtu = args.negated ? undefined : numberArg(args);
        if (mtu !== undefined && mtu > (i.mtuBytes ?? 1500)) return `% Maximum MTU allowed is ${i.mtuBytes ?? 1500}\n`;
        i.ipv6MtuBytes = mtu;
        rt.applyIpv6(i);
        return undefined;
      }),
      no: 'ipv6 mtu [<1280-9216>]',
    },
  ];
}

/** Physical router port extras that IOSv prints in every port block. */
export function portCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'duplex (auto|full|half)',
      help: ['Configure duplex operation.', 'Enable AUTO duplex configuration', 'Force full duplex operation', 'Force half-duplex operation'],
      handler: onInterface(env, (i, args) => rt.setDuplex(i, args.negated ? 'auto' : ((args.keywords.find((k) => k === 'auto' || k === 'full' || k === 'half') ?? 'auto') as IosInterfaceConfig['duplex']))),
      no: 'duplex [auto|full|half]',
    },
    {
      spec: 'speed (10|100|1000|auto)',
      help: ['Configure speed operation.', 'Force 10 Mbps operation', 'Force 100 Mbps operation', 'Force 1000 Mbps operation', 'Enable AUTO speed configuration'],
      handler: onInterface(env, (i, args) => rt.setSpeed(i, args.negated ? 'auto' : ((args.keywords.find((k) => ['10', '100', '1000', 'auto'].includes(k)) ?? 'auto') as IosInterfaceConfig['speed']))),
      no: 'speed [10|100|1000|auto]',
    },
    { spec: 'media-type rj45', help: ['Media type', 'Use RJ45 connector'], handler: () => undefined, no: true },
  ];
}

/** `encapsulation dot1Q N [native]` (subinterfaces). */
export function subinterfaceCommands(env: IosCommandEnv): CommandSpec<IosHandler>[] {
  const rt = env.runtime;
  return [
    {
      spec: 'encapsulation dot1Q <1-4094> [native]',
      help: ['Set encapsulation type for an interface', 'IEEE 802.1Q Virtual LAN', 'IEEE 802.1Q VLAN ID', 'Make this as native vlan'],
      handler: onInterface(env, (i, args) => {
        if (args.negated) return '% Removing the encapsulation of a subinterface is not supported; use "no interface"\n';
        const vlan = numberArg(args);
        if (vlan === undefined) return undefined;
        return refusal(rt.setEncapsulation(i, vlan, hasKeyword(args, 'native')));
      }),
      no: 'encapsulation dot1Q [<1-4094>]',
    },
  ];
}
