/**
 * The `netsh interface ipv4|ipv6` commands a trainee uses, with netsh's own way of reading them:
 * context and command words may be shortened to any unique prefix (`netsh int ipv6 sh addr`);
 * parameters are positional or tagged (`name="Ethernet0"`, tags any case) in the order the
 * command's usage lists them; values are checked as netsh checks them. Messages as netsh prints
 * them: `Ok.` after a change, `The following command was not found: …`, the usage text when a
 * required parameter is missing, `The syntax supplied for this command is not valid. Check help
 * for the correct syntax.` for an unknown tag or too many parameters, `The parameter is
 * incorrect.` for a bad value, `Element not found.` for an unknown interface or entry,
 * `The object already exists.` for a duplicate.
 * The same handlers run typed commands and configuration text (windows-config.ts).
 * Unverified against a real capture: the wording of a bad gateway, and `Ok.` (Windows 10/11 print
 * nothing after some set commands; the lab always confirms).
 * Leaves out: the interactive `netsh>` prompt, `interface ipv4 add address` (secondary
 * addresses), DNS server commands, every other netsh context.
 */
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../addr/ipv6';
import { parseIpv4Mask } from '../../addr/prefix';
import type { InterfaceEntry } from '../../mgmt/mgmt-views';
import { formatNetshShowAddress, formatNetshShowNeighbors, formatNetshShowRoute } from '../output/windows/tables';
import type { WindowsHost } from './windows-host';

export const SYNTAX_ERROR = 'The syntax supplied for this command is not valid. Check help for the correct syntax.';
export const PARAMETER_INCORRECT = 'The parameter is incorrect.';
export const ELEMENT_NOT_FOUND = 'Element not found.';
export const OK = 'Ok.';

interface ParamSpec {
  readonly tag: string;
  readonly required?: boolean;
}

type Values = Readonly<Record<string, string>>;

interface NetshCommand {
  /** Full words after `netsh`: `interface ipv6 add address`. */
  readonly words: readonly string[];
  readonly params: readonly ParamSpec[];
  readonly usage: string;
  /** Runs the command: the text netsh prints (without the final newline), or a refusal. */
  readonly run: (host: WindowsHost, values: Values) => string | Refusal;
}

function enabledDisabled(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  return v === 'enabled' ? true : v === 'disabled' ? false : undefined;
}

/** The adapter a netsh interface parameter names (name or index). */
function adapterOf(host: WindowsHost, text: string | undefined): InterfaceEntry | undefined {
  return text === undefined ? undefined : host.adapterNamed(text);
}

function parseV6WithLength(text: string): { address: Ipv6Address; prefixLength: number } | undefined {
  const slash = text.indexOf('/');
  const address = parseIpv6(slash < 0 ? text : text.slice(0, slash));
  if (!address.ok) return undefined;
  if (slash < 0) return { address: address.value, prefixLength: 64 };
  const lengthText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > 128) return undefined;
  return { address: address.value, prefixLength: Number(lengthText) };
}

/** A refused command: netsh's message. */
interface Refusal {
  readonly refused: string;
}

const refuse = (refused: string): Refusal => ({ refused });

/** A host method's answer: undefined (done, `Ok.`) or the message of a refusal. */
const okOr = (error: string | undefined): string | Refusal => (error === undefined ? OK : refuse(error));

const STORE: ParamSpec = { tag: 'store' };

const COMMANDS: readonly NetshCommand[] = [
  {
    words: ['interface', 'ipv4', 'set', 'address'],
    params: [{ tag: 'name', required: true }, { tag: 'source' }, { tag: 'address' }, { tag: 'mask' }, { tag: 'gateway' }, { tag: 'gwmetric' }, { tag: 'type' }, { tag: 'subinterface' }, STORE],
    usage: `Usage: set address [name=]<string>
             [[source=]dhcp|static]
             [[address=]<IPv4 address>[/<integer>] [[mask=]<IPv4 mask>]
             [[gateway=]<IPv4 address>|none [gwmetric=]<integer>]
             [[type=]unicast|anycast]
             [[subinterface=]<string>]
             [[store=]active|persistent]`,
    run(host, values) {
      const iface = adapterOf(host, values['name']);
      if (iface === undefined) return refuse('The filename, directory name, or volume label syntax is incorrect.');
      const source = (values['source'] ?? (values['address'] !== undefined ? 'static' : '')).toLowerCase();
      if (source === 'dhcp') {
        host.setIpv4Dhcp(iface);
        return OK;
      }
      if (source !== 'static' || values['address'] === undefined) return refuse(PARAMETER_INCORRECT);
      const [addressText, lengthText] = values['address'].split('/');
      const address = parseIpv4(addressText ?? '');
      if (!address.ok) return refuse(PARAMETER_INCORRECT);
      let prefixLength: number;
      if (lengthText !== undefined) {
        if (!/^\d{1,2}$/.test(lengthText) || Number(lengthText) > 32) return refuse(PARAMETER_INCORRECT);
        prefixLength = Number(lengthText);
      } else {
        const mask = parseIpv4Mask(values['mask'] ?? '');
        if (!mask.ok) return refuse(PARAMETER_INCORRECT);
        prefixLength = mask.value;
      }
      let gateway: Ipv4Address | undefined;
      const gatewayText = values['gateway'];
      if (gatewayText !== undefined && gatewayText.toLowerCase() !== 'none') {
        const parsed = parseIpv4(gatewayText);
        if (!parsed.ok) return refuse(PARAMETER_INCORRECT);
        gateway = parsed.value;
      }
      let gatewayMetric: number | undefined;
      if (values['gwmetric'] !== undefined) {
        if (!/^\d+$/.test(values['gwmetric'])) return refuse(PARAMETER_INCORRECT);
        gatewayMetric = Number(values['gwmetric']);
      }
      return okOr(host.setIpv4Static(iface, address.value, prefixLength, gateway, gatewayMetric));
    },
  },
  {
    words: ['interface', 'ipv6', 'add', 'address'],
    params: [{ tag: 'interface', required: true }, { tag: 'address', required: true }, { tag: 'type' }, { tag: 'validlifetime' }, { tag: 'preferredlifetime' }, STORE, { tag: 'skipassource' }],
    usage: `Usage: add address [interface=]<string> [address=]<IPv6 address>[/<integer>]
             [[type=]unicast|anycast]
             [[validlifetime=]<integer>|infinite]
             [[preferredlifetime=]<integer>|infinite]
             [[store=]active|persistent]
             [[skipassource=]true|false]`,
    run(host, values) {
      const iface = adapterOf(host, values['interface']);
      if (iface === undefined) return refuse(ELEMENT_NOT_FOUND);
      const parsed = parseV6WithLength(values['address'] ?? '');
      if (parsed === undefined) return refuse(PARAMETER_INCORRECT);
      return okOr(host.addIpv6Address(iface, parsed.address, parsed.prefixLength));
    },
  },
  {
    words: ['interface', 'ipv6', 'delete', 'address'],
    params: [{ tag: 'interface', required: true }, { tag: 'address', required: true }, STORE],
    usage: `Usage: delete address [interface=]<string> [address=]<IPv6 address>
             [[store=]active|persistent]`,
    run(host, values) {
      const iface = adapterOf(host, values['interface']);
      if (iface === undefined) return refuse(ELEMENT_NOT_FOUND);
      const parsed = parseV6WithLength(values['address'] ?? '');
      if (parsed === undefined) return refuse(PARAMETER_INCORRECT);
      return okOr(host.deleteIpv6Address(iface, parsed.address));
    },
  },
  {
    words: ['interface', 'ipv6', 'add', 'route'],
    params: [{ tag: 'prefix', required: true }, { tag: 'interface', required: true }, { tag: 'nexthop' }, { tag: 'siteprefixlength' }, { tag: 'metric' }, { tag: 'publish' }, { tag: 'validlifetime' }, { tag: 'preferredlifetime' }, STORE],
    usage: `Usage: add route [prefix=]<IPv6 address>/<integer> [interface=]<string>
             [[nexthop=]<IPv6 address>]
             [[siteprefixlength=]<integer>]
             [[metric=]<integer>]
             [[publish=]no|age|yes]
             [[validlifetime=]<integer>|infinite]
             [[preferredlifetime=]<integer>|infinite]
             [[store=]active|persistent]`,
    run(host, values) {
      const route = routeOf(host, values);
      if ('refused' in route) return route;
      return okOr(host.addIpv6Route(route));
    },
  },
  {
    words: ['interface', 'ipv6', 'delete', 'route'],
    params: [{ tag: 'prefix', required: true }, { tag: 'interface', required: true }, { tag: 'nexthop' }, STORE],
    usage: `Usage: delete route [prefix=]<IPv6 address>/<integer> [interface=]<string>
             [[nexthop=]<IPv6 address>]
             [[store=]active|persistent]`,
    run(host, values) {
      const route = routeOf(host, values);
      if ('refused' in route) return route;
      return okOr(host.deleteIpv6Route(route));
    },
  },
  {
    words: ['interface', 'ipv6', 'set', 'interface'],
    params: [{ tag: 'interface', required: true }, { tag: 'forwarding' }, { tag: 'advertise' }, { tag: 'mtu' }, { tag: 'siteprefixlength' }, { tag: 'metric' }, { tag: 'managedaddress' }, { tag: 'otherstateful' }, { tag: 'routerdiscovery' }, { tag: 'dadtransmits' }, STORE],
    usage: `Usage: set interface [interface=]<string>
             [[forwarding=]enabled|disabled]
             [[advertise=]enabled|disabled]
             [[mtu=]<integer>]
             [[siteprefixlength=]<integer>]
             [[metric=]<integer>]
             [[managedaddress=]enabled|disabled]
             [[otherstateful=]enabled|disabled]
             [[routerdiscovery=]enabled|disabled|dhcp]
             [[dadtransmits=]<integer>]
             [[store=]active|persistent]`,
    run(host, values) {
      const iface = adapterOf(host, values['interface']);
      if (iface === undefined) return refuse(ELEMENT_NOT_FOUND);
      const supported = new Set(['interface', 'routerdiscovery', 'store']);
      for (const tag of Object.keys(values)) if (!supported.has(tag)) return refuse(`The lab does not simulate ${tag}=; only routerdiscovery= is supported.`);
      const text = values['routerdiscovery'];
      if (text === undefined) return OK;
      const on = text.toLowerCase() === 'dhcp' ? true : enabledDisabled(text);
      if (on === undefined) return refuse(PARAMETER_INCORRECT);
      host.setRouterDiscovery(iface, on);
      return OK;
    },
  },
  {
    words: ['interface', 'ipv6', 'set', 'global'],
    params: [{ tag: 'defaultcurhoplimit' }, { tag: 'neighborcachelimit' }, { tag: 'routecachelimit' }, { tag: 'reassemblylimit' }, { tag: 'icmpredirects' }, { tag: 'sourceroutingbehavior' }, { tag: 'taskoffload' }, { tag: 'dhcpmediasense' }, { tag: 'randomizeidentifiers' }, STORE],
    usage: `Usage: set global [[defaultcurhoplimit=]<integer>]
             [[neighborcachelimit=]<integer>]
             [[routecachelimit=]<integer>]
             [[reassemblylimit=]<integer>]
             [[icmpredirects=]enabled|disabled]
             [[sourceroutingbehavior=]drop|forward|dontforward]
             [[taskoffload=]enabled|disabled]
             [[dhcpmediasense=]enabled|disabled]
             [[randomizeidentifiers=]enabled|disabled]
             [[store=]active|persistent]`,
    run(host, values) {
      const text = values['randomizeidentifiers'];
      const on = enabledDisabled(text);
      if (text !== undefined && on === undefined) return refuse(PARAMETER_INCORRECT);
      if (on !== undefined) host.setRandomizeIdentifiers(on);
      return OK;
    },
  },
  {
    words: ['interface', 'ipv6', 'set', 'privacy'],
    params: [{ tag: 'state' }, { tag: 'maxdadattempts' }, { tag: 'maxvalidlifetime' }, { tag: 'maxpreferredlifetime' }, { tag: 'regeneratetime' }, { tag: 'maxrandomtime' }, { tag: 'randomtime' }, STORE],
    usage: `Usage: set privacy [[state=]enabled|disabled]
             [[maxdadattempts=]<integer>]
             [[maxvalidlifetime=]<integer>|infinite]
             [[maxpreferredlifetime=]<integer>|infinite]
             [[regeneratetime=]<integer>|infinite]
             [[maxrandomtime=]<integer>|infinite]
             [[randomtime=]<integer>|infinite]
             [[store=]active|persistent]`,
    run(host, values) {
      const text = values['state'];
      const on = enabledDisabled(text);
      if (text !== undefined && on === undefined) return refuse(PARAMETER_INCORRECT);
      if (on !== undefined) host.setPrivacy(on);
      return OK;
    },
  },
  {
    words: ['interface', 'ipv6', 'show', 'address'],
    params: [{ tag: 'interface' }, { tag: 'level' }, STORE],
    usage: `Usage: show address [[interface=]<string>] [[level=]normal|verbose] [[store=]active|persistent]`,
    run(host, values) {
      const only = values['interface'];
      const iface = adapterOf(host, only);
      if (only !== undefined && iface === undefined) return refuse(ELEMENT_NOT_FOUND);
      return formatNetshShowAddress(host.netshAddressViews().filter((v) => iface === undefined || v.name === iface.name));
    },
  },
  {
    words: ['interface', 'ipv6', 'show', 'route'],
    params: [{ tag: 'level' }, STORE],
    usage: `Usage: show route [[level=]normal|verbose] [[store=]active|persistent]`,
    run(host) {
      return formatNetshShowRoute(host.netshRouteViews());
    },
  },
  {
    words: ['interface', 'ipv6', 'show', 'neighbors'],
    params: [{ tag: 'interface' }, { tag: 'address' }, STORE],
    usage: `Usage: show neighbors [[interface=]<string>] [[address=]<IPv6 address>] [[store=]active|persistent]`,
    run(host, values) {
      const only = values['interface'];
      const iface = adapterOf(host, only);
      if (only !== undefined && iface === undefined) return refuse(ELEMENT_NOT_FOUND);
      const views = host.adapterViews().filter((v) => iface === undefined || v.name === iface.name);
      return formatNetshShowNeighbors(views, host.neighborViews());
    },
  },
];

function routeOf(host: WindowsHost, values: Values): Parameters<WindowsHost['addIpv6Route']>[0] | Refusal {
  const prefixText = values['prefix'] ?? '';
  if (!prefixText.includes('/')) return refuse(PARAMETER_INCORRECT);
  const prefix = parseV6WithLength(prefixText);
  if (prefix === undefined) return refuse(PARAMETER_INCORRECT);
  const iface = adapterOf(host, values['interface']);
  if (iface === undefined) return refuse(ELEMENT_NOT_FOUND);
  let nextHop: Ipv6Address | undefined;
  if (values['nexthop'] !== undefined) {
    const hop = parseIpv6(values['nexthop']);
    if (!hop.ok) return refuse(PARAMETER_INCORRECT);
    nextHop = hop.value;
  }
  let metric: number | undefined;
  if (values['metric'] !== undefined) {
    if (!/^\d+$/.test(values['metric'])) return refuse(PARAMETER_INCORRECT);
    metric = Number(values['metric']);
  }
  return { network: prefix.address, prefixLength: prefix.prefixLength, interfaceName: iface.name, ...(nextHop !== undefined ? { nextHop } : {}), ...(metric !== undefined ? { metric } : {}) };
}

/** Context words netsh knows, with aliases (`ip` is the IPv4 context). */
const ALIASES: Readonly<Record<string, string>> = { ip: 'ipv4' };

/** Matches `word` against `candidates` by unique prefix (an exact match wins); undefined when none or ambiguous. */
function matchWord(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const alias = ALIASES[w];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  if (candidates.includes(w)) return w;
  const hits = [...new Set(candidates.filter((c) => c.startsWith(w)))];
  return hits.length === 1 ? hits[0] : undefined;
}

/** The context and command words known at a depth, given the words matched so far. */
function nextWords(prefix: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of COMMANDS) {
    if (prefix.every((w, i) => c.words[i] === w) && c.words.length > prefix.length) out.add(c.words[prefix.length]!);
  }
  if (prefix.length === 0) out.add('dump');
  return [...out];
}

/** netsh's help for a context: the commands available there. */
function contextHelp(prefix: readonly string[]): string {
  const lines = ['', 'The following commands are available:', '', 'Commands in this context:'];
  for (const w of nextWords(prefix).sort()) lines.push(`${w.padEnd(15)}- ${prefix.length === 0 ? 'Changes to the' : 'Runs'} \`${[...prefix, w].join(' ')}' ${prefix.length === 0 ? 'context.' : 'command.'}`);
  lines.push('', 'To view help for a command, type the command, followed by a space, and then', ' type ?.');
  return lines.join('\n');
}

/** Splits `tag=value` words and assigns positional ones in order. */
function bindParameters(command: NetshCommand, words: readonly string[]): { ok: true; values: Values } | { ok: false; output: string } {
  const values: Record<string, string> = {};
  let position = 0;
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const tag = word.slice(0, eq).toLowerCase();
      const spec = command.params.find((p) => p.tag === tag);
      if (spec === undefined || values[tag] !== undefined) return { ok: false, output: SYNTAX_ERROR };
      values[tag] = word.slice(eq + 1);
      continue;
    }
    while (position < command.params.length && values[command.params[position]!.tag] !== undefined) position++;
    const spec = command.params[position];
    if (spec === undefined) return { ok: false, output: SYNTAX_ERROR };
    values[spec.tag] = word;
    position++;
  }
  if (command.params.some((p) => p.required === true && values[p.tag] === undefined)) return { ok: false, output: command.usage };
  return { ok: true, values };
}

export type NetshOutcome = { readonly ok: boolean; readonly output: string };

/**
 * Runs `netsh <words…>` (words already split, quotes removed). `ok` is false when netsh refused
 * the command (the config loader reports those lines). `dump` prints the configuration text.
 */
export function runNetsh(host: WindowsHost, words: readonly string[], dump: () => string): NetshOutcome {
  if (words.length === 0) return { ok: false, output: 'The interactive netsh prompt is not simulated; type a full command, e.g. netsh interface ipv6 show address' };
  const matched: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (word === '?' || word.toLowerCase() === 'help' || word === '/?') return { ok: true, output: contextHelp(matched) };
    const candidates = nextWords(matched);
    if (candidates.length === 0) break;
    const hit = matchWord(word, candidates);
    if (hit === undefined) return { ok: false, output: `The following command was not found: ${words.join(' ')}.` };
    matched.push(hit);
    if (matched.length === 1 && hit === 'dump') return { ok: true, output: dump() };
    if (COMMANDS.some((c) => c.words.length === matched.length && c.words.every((w, k) => w === matched[k]))) {
      i++;
      break;
    }
  }
  const command = COMMANDS.find((c) => c.words.length === matched.length && c.words.every((w, k) => w === matched[k]));
  if (command === undefined) {
    // A context alone (`netsh interface ipv6`) would open the interactive prompt: show its commands.
    return { ok: i === words.length, output: i === words.length ? contextHelp(matched) : `The following command was not found: ${words.join(' ')}.` };
  }
  const rest = words.slice(i);
  if (rest.some((w) => w === '?' || w === '/?')) return { ok: true, output: command.usage };
  const bound = bindParameters(command, rest);
  if (!bound.ok) return { ok: false, output: bound.output };
  const result = command.run(host, bound.values);
  return typeof result === 'string' ? { ok: true, output: result } : { ok: false, output: result.refused };
}

/** Quotes a netsh value when it holds blanks (interface names do: `"Ethernet 2"`). */
export function quoteNetshValue(text: string): string {
  return `"${text}"`;
}
