/**
 * The `ip` command of iproute2 6.1 for the objects a trainee uses: `address`, `link`, `route`,
 * `neigh`. Words are matched as iproute2's `matches()` does: any prefix of the full word, the
 * first object or command in iproute2's own table order winning (`ip a` address, `ip r` route,
 * `ip n` neigh, `ip l` link, `ip a a` add, `ip r g` get). Options `-4`, `-6`, `-f inet|inet6`,
 * `-family …`. Errors are the texts iproute2 6.1 and Linux 6.1 print (checked in a network
 * namespace): `Object "x" is unknown, try "ip help".`, `Command "x" is unknown, try "ip
 * address help".`, `Error: either "local" is duplicate, or "x" is a garbage.`, `Error: any valid
 * prefix is expected rather than "x".`, `Cannot find device "eth9"`, `Device "eth9" does not
 * exist.`, `Not enough information: "dev" argument is required.`, `RTNETLINK answers: File
 * exists`, `RTNETLINK answers: No such process`, `Error: Nexthop has invalid gateway.`,
 * `RTNETLINK answers: Operation not permitted` for a user without root.
 * Leaves out: `-s`, `-d`, `-br`, `-j`, `-o` output modes, `flush`, `replace`/`change`, address
 * labels, `scope`/`proto`/`table`/`src` route attributes, and every other object.
 */
import { parseIpv4, type Ipv4Address } from '../../addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../addr/ipv6';
import { formatIpAddr, formatIpLink, formatIpNeigh, formatIpNeigh4, formatIpRoute, formatIpRouteGet } from '../output/linux/ip';
import type { AddressFamily, ArpView, RouteView } from '../views';
import type { LinuxHost } from './linux-host';

/** What `ip` printed and whether it succeeded (exit status 0). */
export interface IpOutcome {
  readonly ok: boolean;
  readonly output: string;
}

const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tuntap', 'token', 'tcpmetrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats'];

/** iproute2 `matches(arg, word)`: arg is a non-empty prefix of word. */
export function matchesWord(arg: string, word: string): boolean {
  return arg.length > 0 && word.startsWith(arg);
}

const ok = (output: string): IpOutcome => ({ ok: true, output });
const err = (output: string): IpOutcome => ({ ok: false, output });

type Family = AddressFamily | 'any';

const FAMILY_NAME: Readonly<Record<Family, string>> = { any: 'any valid', ipv4: 'inet', ipv6: 'inet6' };

/** An address or prefix as iproute2's get_prefix reads it, in the family asked for (or guessed). */
function parsePrefixArg(text: string, family: Family, defaultLength: 'host' | 'none'): { family: AddressFamily; address: Ipv4Address | Ipv6Address; prefixLength: number | undefined } | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const lengthText = slash < 0 ? undefined : text.slice(slash + 1);
  const v4 = family !== 'ipv6' ? parseIpv4(addressText) : undefined;
  const v6 = family !== 'ipv4' && (v4 === undefined || !v4.ok) ? parseIpv6(addressText) : undefined;
  const parsedFamily: AddressFamily | undefined = v4?.ok === true ? 'ipv4' : v6?.ok === true ? 'ipv6' : undefined;
  if (parsedFamily === undefined) return undefined;
  const bits = parsedFamily === 'ipv4' ? 32 : 128;
  let prefixLength: number | undefined = defaultLength === 'host' ? bits : undefined;
  if (lengthText !== undefined) {
    if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > bits) return undefined;
    prefixLength = Number(lengthText);
  }
  const address = parsedFamily === 'ipv4' ? (v4 as { ok: true; value: Ipv4Address }).value : (v6 as { ok: true; value: Ipv6Address }).value;
  return { family: parsedFamily, address, prefixLength };
}

function prefixExpected(family: Family, text: string): IpOutcome {
  return err(`Error: ${FAMILY_NAME[family]} prefix is expected rather than "${text}".`);
}

function addressExpected(family: Family, text: string): IpOutcome {
  return err(`Error: ${FAMILY_NAME[family]} address is expected rather than "${text}".`);
}

/** Runs `ip <args>` on the host; `root` says whether changes are allowed (root or `sudo`). */
export function runIp(host: LinuxHost, args: readonly string[], root: boolean): IpOutcome {
  let family: Family = 'any';
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const option = args[i]!;
    const name = option.replace(/^--?/, '');
    if (name === '4') family = 'ipv4';
    else if (name === '6') family = 'ipv6';
    else if (matchesWord(name, 'family') || name === 'f') {
      const value = args[++i];
      if (value === 'inet') family = 'ipv4';
      else if (value === 'inet6') family = 'ipv6';
      else return err(`Error: argument "${value ?? ''}" is wrong: invalid protocol family`);
    } else if (matchesWord(name, 'color') || name === 'c') {
      // Colour output only changes escape codes: accepted and ignored.
    } else if (name === 'help' || name === 'h') return ok(IP_USAGE);
    else return err(`Option "${option}" is unknown, try "ip -help".`);
  }
  const objectWord = args[i];
  if (objectWord === undefined) return err(IP_USAGE);
  const object = OBJECTS.find((o) => matchesWord(objectWord, o));
  if (objectWord === 'help') return ok(IP_USAGE);
  if (object === undefined) return err(`Object "${objectWord}" is unknown, try "ip help".`);
  const rest = args.slice(i + 1);
  switch (object) {
    case 'address':
      return runAddress(host, rest, family, root);
    case 'route':
      return runRoute(host, rest, family, root);
    case 'neighbor':
    case 'neighbour':
      return runNeigh(host, rest, family);
    case 'link':
      return runLink(host, rest, root);
    default:
      return err(`ip ${object}: not simulated in this lab (address, link, route and neigh are).`);
  }
}

const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |
                   macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}`;

const NOT_PERMITTED = err('RTNETLINK answers: Operation not permitted');

// ---- ip address ----

function runAddress(host: LinuxHost, args: readonly string[], family: Family, root: boolean): IpOutcome {
  const command = args[0];
  if (command === undefined || matchesWord(command, 'list') || matchesWord(command, 'show') || matchesWord(command, 'lst')) return showAddress(host, args.slice(1), family);
  if (matchesWord(command, 'add')) return root ? modifyAddress(host, args.slice(1), family, 'add') : NOT_PERMITTED;
  if (matchesWord(command, 'delete')) return root ? modifyAddress(host, args.slice(1), family, 'delete') : NOT_PERMITTED;
  if (command === 'help') return ok('Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n                                                      [ CONFFLAG-LIST ]\n       ip address del IFADDR dev IFNAME [mngtmpaddr]\n       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]');
  return err(`Command "${command}" is unknown, try "ip address help".`);
}

function showAddress(host: LinuxHost, args: readonly string[], family: Family): IpOutcome {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === 'dev') {
      dev = args[++i];
      if (dev === undefined) return err('Command line is not complete. Try option "help"');
    } else if (word === 'up' || word === 'permanent' || word === 'dynamic') continue;
    else if (dev === undefined) dev = word;
    else return err(`Error: either "dev" is duplicate, or "${word}" is a garbage.`);
  }
  let views = host.interfaceViews();
  if (dev !== undefined) {
    views = views.filter((v) => v.name === dev);
    if (views.length === 0) return err(`Device "${dev}" does not exist.`);
  }
  const text = formatIpAddr(views, family === 'any' ? 'all' : family);
  return ok(text);
}

function modifyAddress(host: LinuxHost, args: readonly string[], family: Family, action: 'add' | 'delete'): IpOutcome {
  let local: string | undefined;
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === 'dev') {
      dev = args[++i];
      if (dev === undefined) return err('Command line is not complete. Try option "help"');
      continue;
    }
    if (['brd', 'broadcast', 'label', 'scope', 'valid_lft', 'preferred_lft', 'peer', 'metric'].includes(word)) {
      i++;
      continue;
    }
    if (['nodad', 'noprefixroute', 'home', 'mngtmpaddr', 'optimistic', 'autojoin'].includes(word)) continue;
    let text = word;
    if (word === 'local') {
      const next = args[++i];
      if (next === undefined) return err('Command line is not complete. Try option "help"');
      text = next;
    }
    if (local !== undefined) return err(`Error: either "local" is duplicate, or "${text}" is a garbage.`);
    local = text;
  }
  if (local === undefined) return err('Not enough information: "dev" argument is required.');
  const parsed = parsePrefixArg(local, family, action === 'add' ? 'host' : 'none');
  if (parsed === undefined) return prefixExpected(family, local);
  if (dev === undefined) return err('Not enough information: "dev" argument is required.');
  if (host.link(dev) === undefined) return err(`Cannot find device "${dev}"`);
  if (action === 'add') {
    const problem = host.addAddress({ family: parsed.family, interfaceName: dev, address: parsed.address, prefixLength: parsed.prefixLength! });
    return problem === undefined ? ok('') : err(problem);
  }
  const problem = host.deleteAddress(parsed.family, dev, parsed.address, parsed.prefixLength);
  if (problem !== undefined) return err(problem);
  if (parsed.family === 'ipv4' && parsed.prefixLength === undefined) {
    return ok(
      `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${local}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!`,
    );
  }
  return ok('');
}

// ---- ip link ----

function runLink(host: LinuxHost, args: readonly string[], root: boolean): IpOutcome {
  const command = args[0];
  if (command === undefined || matchesWord(command, 'show') || matchesWord(command, 'list') || matchesWord(command, 'lst')) {
    let dev: string | undefined;
    const rest = args.slice(1);
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word === 'dev') dev = rest[++i];
      else if (word === 'up') continue;
      else if (dev === undefined) dev = word;
      else return err(`Error: either "dev" is duplicate, or "${word}" is a garbage.`);
    }
    let views = host.interfaceViews();
    if (dev !== undefined) {
      views = views.filter((v) => v.name === dev);
      if (views.length === 0) return err(`Device "${dev}" does not exist.`);
    }
    return ok(formatIpLink(views));
  }
  if (matchesWord(command, 'set')) {
    const rest = args.slice(1);
    let dev: string | undefined;
    let up: boolean | undefined;
    let mtu: number | undefined;
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word === 'dev') dev = rest[++i];
      else if (word === 'up') up = true;
      else if (word === 'down') up = false;
      else if (word === 'mtu') {
        const value = rest[++i];
        if (value === undefined || !/^\d+$/.test(value)) return err(`Error: argument "${value ?? ''}" is wrong: Invalid "mtu" value`);
        mtu = Number(value);
      } else if (dev === undefined) dev = word;
      else return err(`Error: either "dev" is duplicate, or "${word}" is a garbage.`);
    }
    if (dev === undefined) return err('Not enough information: "dev" argument is required.');
    const iface = host.link(dev);
    if (dev === 'lo') return up === false && !root ? NOT_PERMITTED : ok('');
    if (iface === undefined) return err(`Cannot find device "${dev}"`);
    if (!root && (up !== undefined || mtu !== undefined)) return NOT_PERMITTED;
    if (mtu !== undefined) {
      const problem = host.setMtu(iface, mtu);
      if (problem !== undefined) return err(problem);
    }
    if (up !== undefined) host.setLinkUp(iface, up);
    return ok('');
  }
  return err(`Command "${command}" is unknown, try "ip link help".`);
}

// ---- ip route ----

interface RouteArgs {
  readonly prefix?: { family: AddressFamily; address: Ipv4Address | Ipv6Address; prefixLength: number };
  readonly via?: Ipv4Address | Ipv6Address;
  readonly dev?: string;
  readonly metric?: number;
}

function parseRouteArgs(args: readonly string[], family: Family): { ok: true; value: RouteArgs; family: Family } | { ok: false; outcome: IpOutcome } {
  let prefixText: string | undefined;
  let prefix: RouteArgs['prefix'];
  let via: Ipv4Address | Ipv6Address | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  let fam = family;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const need = (): string | undefined => args[++i];
    if (word === 'via') {
      let value = need();
      if (value === 'inet' || value === 'inet6') value = need();
      if (value === undefined) return { ok: false, outcome: err('Command line is not complete. Try option "help"') };
      const parsed = parsePrefixArg(value, fam, 'host');
      if (parsed === undefined || parsed.prefixLength !== (parsed.family === 'ipv4' ? 32 : 128)) return { ok: false, outcome: addressExpected(fam, value) };
      via = parsed.address;
      if (fam === 'any') fam = parsed.family;
    } else if (word === 'dev' || word === 'oif') {
      dev = need();
      if (dev === undefined) return { ok: false, outcome: err('Command line is not complete. Try option "help"') };
    } else if (word === 'metric' || word === 'priority' || word === 'preference') {
      const value = need();
      if (value === undefined || !/^\d+$/.test(value)) return { ok: false, outcome: err(`Error: argument "${value ?? ''}" is wrong: "metric" value is invalid`) };
      metric = Number(value);
    } else if (['proto', 'protocol', 'table', 'scope', 'src', 'mtu', 'hoplimit', 'expires'].includes(word)) {
      i++;
    } else if (word === 'onlink') {
      continue;
    } else {
      let text = word;
      if (word === 'to') {
        const value = need();
        if (value === undefined) return { ok: false, outcome: err('Command line is not complete. Try option "help"') };
        text = value;
      }
      if (prefixText !== undefined) return { ok: false, outcome: err(`Error: either "to" is duplicate, or "${text}" is a garbage.`) };
      prefixText = text;
      if (text === 'default' || text === 'all' || text === 'any') {
        prefix = { family: fam === 'ipv6' ? 'ipv6' : 'ipv4', address: (fam === 'ipv6' ? 0n : 0) as Ipv4Address | Ipv6Address, prefixLength: 0 };
      } else {
        const parsed = parsePrefixArg(text, fam, 'host');
        if (parsed === undefined) return { ok: false, outcome: prefixExpected(fam, text) };
        prefix = { family: parsed.family, address: parsed.address, prefixLength: parsed.prefixLength! };
        if (fam === 'any') fam = parsed.family;
      }
    }
  }
  // `default` read before the family was known: IPv6 when the gateway is.
  if (prefix !== undefined && prefix.prefixLength === 0 && fam === 'ipv6' && prefix.family === 'ipv4') prefix = { family: 'ipv6', address: 0n as Ipv6Address, prefixLength: 0 };
  return { ok: true, family: fam, value: { ...(prefix !== undefined ? { prefix } : {}), ...(via !== undefined ? { via } : {}), ...(dev !== undefined ? { dev } : {}), ...(metric !== undefined ? { metric } : {}) } };
}

function runRoute(host: LinuxHost, args: readonly string[], family: Family, root: boolean): IpOutcome {
  const command = args[0];
  if (command === undefined || matchesWord(command, 'list') || matchesWord(command, 'show') || matchesWord(command, 'lst')) {
    const parsed = parseRouteArgs(args.slice(1), family);
    if (!parsed.ok) return parsed.outcome;
    const fam: AddressFamily = parsed.family === 'ipv6' ? 'ipv6' : 'ipv4';
    if (parsed.value.dev !== undefined && host.link(parsed.value.dev) === undefined) return err(`Cannot find device "${parsed.value.dev}"`);
    let routes = host.routeViews(fam);
    const p = parsed.value.prefix;
    if (p !== undefined) routes = routes.filter((r) => r.prefix.network === p.address && r.prefix.length === p.prefixLength);
    return ok(formatIpRoute(routes, fam, parsed.value.dev !== undefined ? { dev: parsed.value.dev } : {}));
  }
  if (matchesWord(command, 'get')) return getRoute(host, args.slice(1), family);
  const adding = matchesWord(command, 'add');
  const deleting = matchesWord(command, 'delete');
  if (!adding && !deleting) {
    if (command === 'help') return ok('Usage: ip route { list | flush } SELECTOR\n       ip route get ADDRESS [ from ADDRESS iif STRING ]\n       ip route { add | del } ROUTE\nROUTE := NODE_SPEC [ INFO_SPEC ]');
    return err(`Command "${command}" is unknown, try "ip route help".`);
  }
  if (!root) return NOT_PERMITTED;
  const parsed = parseRouteArgs(args.slice(1), family);
  if (!parsed.ok) return parsed.outcome;
  const r = parsed.value;
  if (r.prefix === undefined) return err('Command line is not complete. Try option "help"');
  if (r.dev !== undefined && host.link(r.dev) === undefined) return err(`Cannot find device "${r.dev}"`);
  const setting = {
    family: r.prefix.family,
    network: r.prefix.address,
    prefixLength: r.prefix.prefixLength,
    ...(r.via !== undefined ? { via: r.via } : {}),
    ...(r.dev !== undefined ? { dev: r.dev } : {}),
    ...(r.metric !== undefined ? { metric: r.metric } : {}),
  };
  const problem = adding ? host.addRoute(setting) : host.deleteRoute(setting);
  return problem === undefined ? ok('') : err(problem);
}

function getRoute(host: LinuxHost, args: readonly string[], family: Family): IpOutcome {
  const target = args.find((a) => !['from', 'iif', 'oif', 'dev'].includes(a));
  if (target === undefined) return err('need at least a destination address');
  const parsed = parsePrefixArg(target, family, 'host');
  if (parsed === undefined) return addressExpected(family, target);
  const routing = host.mgmt.routing;
  if (!host.mgmt.hasIpStack) return err('RTNETLINK answers: Network is unreachable');
  if (parsed.family === 'ipv4') {
    const address = parsed.address as Ipv4Address;
    const decision = routing.lookupIpv4(address);
    if (decision === undefined) return err('RTNETLINK answers: Network is unreachable');
    const route: RouteView = {
      family: 'ipv4',
      prefix: { family: 'ipv4', network: address, length: 32 },
      code: 'S',
      distance: 1,
      metric: 0,
      nextHops: [{ ...(decision.nextHop !== address ? { address: decision.nextHop } : {}), interfaceName: decision.interfaceName }],
    };
    return ok(formatIpRouteGet(address, route, decision.source));
  }
  const address = parsed.address as Ipv6Address;
  const path = routing.lookupIpv6(address);
  if (path === undefined) return err('RTNETLINK answers: Network is unreachable');
  const table = host.routeViews('ipv6');
  const match = table
    .filter((r) => r.prefix.length === 0 || ((r.prefix.network as Ipv6Address) ^ address) >> BigInt(128 - r.prefix.length) === 0n)
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const route: RouteView = {
    family: 'ipv6',
    prefix: { family: 'ipv6', network: address, length: 128 },
    code: match?.code ?? 'C',
    distance: 0,
    metric: match?.metric ?? 256,
    nextHops: [{ ...(path.nextHop !== address ? { address: path.nextHop } : {}), interfaceName: path.interfaceName }],
  };
  return ok(formatIpRouteGet(address, route, path.source));
}

// ---- ip neigh ----

function runNeigh(host: LinuxHost, args: readonly string[], family: Family): IpOutcome {
  const command = args[0];
  if (command !== undefined && !(matchesWord(command, 'show') || matchesWord(command, 'list') || matchesWord(command, 'lst'))) {
    if (matchesWord(command, 'add') || matchesWord(command, 'delete') || matchesWord(command, 'flush') || matchesWord(command, 'replace') || matchesWord(command, 'change')) {
      return err(`ip neigh ${command}: not simulated in this lab (show is).`);
    }
    return err(`Command "${command}" is unknown, try "ip neigh help".`);
  }
  const rest = args.slice(1);
  let dev: string | undefined;
  for (let i = 0; i < rest.length; i++) if (rest[i] === 'dev') dev = rest[++i];
  if (dev !== undefined && host.link(dev) === undefined) return err(`Cannot find device "${dev}"`);
  const lines: string[] = [];
  if (family !== 'ipv6') {
    const now = host.device.simulator.nowNs;
    const arp: ArpView[] = [];
    for (const iface of host.nics()) {
      if (dev !== undefined && iface.name !== dev) continue;
      for (const e of host.mgmt.neighbors.arp(iface.name)) {
        arp.push({ address: e.address, ...(e.mac !== null ? { mac: e.mac } : {}), ...(e.state === 'complete' ? { ageMin: Math.floor((now - e.updatedNs) / 60e9) } : {}), interfaceName: iface.name, dynamic: e.state !== 'static' });
      }
    }
    const text = formatIpNeigh4(arp);
    if (text !== '') lines.push(text);
  }
  if (family !== 'ipv4') {
    const text = formatIpNeigh(host.neighborViews().filter((n) => dev === undefined || n.interfaceName === dev));
    if (text !== '') lines.push(text);
  }
  return ok(lines.join('\n'));
}
