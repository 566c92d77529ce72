/**
 * `route`: a device's routing table (the RIB, as `show ipv6 route` / `show ip route` /
 * `route print` / `ip -6 route` show it) has, or has not, a route to exactly `prefix`, usable
 * (installed in the FIB) unless `installed: false`, optionally with a next hop, an exit
 * interface and a source (`connected`, `static`, `nd` for a default route learned from Router
 * Advertisements, RFC 4861 section 6.3.4, `nd-prefix` for an on-link prefix, later `ospfv3`,
 * `bgp`). The family follows the prefix. `interface` is the name on the device (`g0/1`) or the
 * `DEVICE:INTERFACE` form used everywhere else (`R1:g0/1`, the device being the check's).
 * `nextHop` is an address, or a device name: the route's next hop must then be an address that
 * device holds (its address on the shared link, global or link-local; a link-local address the
 * named device holds on another link would also match: a limit of this check).
 */
import { z } from 'zod';
import { parsePrefix } from '../../../addr/prefix';
import { resolveInterfaceName, resolveInterfaceNameBilingual } from '../../../devices/interface-names';
import type { RibEntry } from '../../../stack/routing/route';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, DEVICE_FIELD, PRESENCE_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';
import { validateAddress, validateDevice, validatePrefix } from './check-validation';
import { findLiveDevice, formatAddress, listShort, parseAddress } from './lab-queries';
import type { IpAddress } from '../../../stack/apps/probe-transport';
import type { Device } from '../../../devices/device';

const schema = z
  .strictObject({
    kind: z.literal('route'),
    title: CHECK_TITLE_FIELD,
    device: DEVICE_FIELD,
    prefix: z.string().min(1).meta({ description: 'The destination prefix, exactly.', examples: ['::/0', '2001:db8:6801:10::/64', '0.0.0.0/0'] }),
    nextHop: z.string().optional().meta({ description: 'The next-hop address (after recursion, or as configured), or the name of the next-hop device.', examples: ['2001:db8:6800:ff00::3', 'fe80::1', 'R2'] }),
    interface: z.string().optional().meta({ description: 'The exit interface, as named on the device or as DEVICE:INTERFACE.', examples: ['GigabitEthernet0/1', 'Ethernet0', 'R1:g0/1'] }),
    source: z.string().optional().meta({ description: 'Where the route comes from: connected, local, static, nd, nd-prefix, ospfv3, bgp …', examples: ['static', 'nd'] }),
    installed: z.boolean().optional().meta({ description: 'The route must be the one forwarding uses (default true).' }),
    expect: PRESENCE_FIELD,
  })
  .meta({ description: "A device's routing table has (or has not) a route to the prefix, with the next hop, interface or source given." });

type RouteCheck = z.infer<typeof schema>;

/** The interface part of `interface` (`R1:g0/1` → `g0/1`), and the device it names if any. */
function splitInterface(text: string): { readonly device?: string; readonly name: string } {
  const colon = text.indexOf(':');
  return colon > 0 ? { device: text.slice(0, colon), name: text.slice(colon + 1) } : { name: text };
}

/** Whether a device holds an address on one of its interfaces. */
function deviceHolds(device: Device, address: IpAddress): boolean {
  return (device.stack?.interfaces ?? []).some((iface) => (typeof address === 'bigint' ? iface.ipv6.addresses.some((entry) => entry.address === address) : iface.ipv4Addresses.some((entry) => entry.address === address)));
}

export const ROUTE_CHECK = defineCheckKind({
  kind: 'route',
  schema,
  summary: bilingual('Bảng định tuyến của thiết bị có (hoặc không có) tuyến tới prefix, với next hop, giao diện hoặc nguồn đã cho.', "A device's routing table has (or has not) a route to a prefix, with the given next hop, interface or source."),
  describe(check: RouteCheck) {
    const via = check.nextHop === undefined ? { vi: '', en: '' } : { vi: ` qua ${check.nextHop}`, en: ` via ${check.nextHop}` };
    return check.expect === 'absent'
      ? bilingual(`${check.device} không có tuyến tới ${check.prefix}${via.vi}`, `${check.device} has no route to ${check.prefix}${via.en}`)
      : bilingual(`${check.device} có tuyến tới ${check.prefix}${via.vi}`, `${check.device} has a route to ${check.prefix}${via.en}`);
  },
  validate(check, context) {
    const device = validateDevice(context, ['device'], check.device);
    const prefix = validatePrefix(context, ['prefix'], check.prefix);
    if (check.nextHop !== undefined) {
      if (parseAddress(check.nextHop) === undefined && /^[A-Za-z]/.test(check.nextHop.trim()) && !check.nextHop.includes(':')) validateDevice(context, ['nextHop'], check.nextHop.trim());
      else {
        const family = validateAddress(context, ['nextHop'], check.nextHop);
        if (prefix !== undefined && family !== undefined && family !== prefix.family) context.error(['nextHop'], bilingual(`next hop là ${family} nhưng prefix là ${prefix.family}`, `the next hop is ${family} but the prefix is ${prefix.family}`));
      }
    }
    if (check.interface !== undefined && device !== undefined) {
      const split = splitInterface(check.interface);
      if (split.device !== undefined && split.device.toLowerCase() !== device.name.toLowerCase()) {
        context.error(['interface'], bilingual(`giao diện ${check.interface} thuộc ${split.device}, không phải thiết bị của kiểm tra (${device.name})`, `interface ${check.interface} is on ${split.device}, not on the check's device (${device.name})`));
      } else {
        const resolved = resolveInterfaceNameBilingual(device.kind, split.name, device.name);
        if (!resolved.ok) context.error(['interface'], resolved.error);
      }
    }
  },
  evaluate(check, session) {
    const wantPresent = check.expect !== 'absent';
    const device = findLiveDevice(session, check.device);
    if (!device.ok) return { passed: !wantPresent, explanation: bilingual(`Không tìm thấy ${check.device}.`, `Cannot find ${check.device}.`) };
    const prefix = parsePrefix(check.prefix.trim());
    if (!prefix.ok) return { passed: false, explanation: bilingual(prefix.error, prefix.error) };
    const family = prefix.value.family === 'ipv4' ? 4 : 6;
    const entries = session.network.ribEntries(device.value.name, family) as RibEntry<IpAddress>[];
    const toPrefix = entries.filter((entry) => entry.route.network === prefix.value.network && entry.route.prefixLength === prefix.value.length);
    const nextHop = check.nextHop === undefined ? undefined : parseAddress(check.nextHop);
    const nextHopDevice = check.nextHop !== undefined && nextHop === undefined ? findLiveDevice(session, check.nextHop.trim()) : undefined;
    const ifaceName = check.interface === undefined ? undefined : resolveInterfaceName(device.value.kind, splitInterface(check.interface).name, device.value.name);
    const hopMatches = (entry: RibEntry<IpAddress>): boolean => {
      if (nextHopDevice !== undefined) {
        if (!nextHopDevice.ok) return false;
        const hops = [entry.route.nextHop, entry.resolvedNextHop].filter((hop): hop is IpAddress => hop !== undefined && hop !== null);
        return hops.some((hop) => deviceHolds(nextHopDevice.value, hop));
      }
      return nextHop === undefined || entry.route.nextHop === nextHop || entry.resolvedNextHop === nextHop;
    };
    const matching = toPrefix.filter(
      (entry) =>
        (check.installed === false || entry.installed) &&
        hopMatches(entry) &&
        (ifaceName === undefined || !ifaceName.ok || entry.resolvedIface?.name === ifaceName.value.name || entry.route.iface?.name === ifaceName.value.name) &&
        (check.source === undefined || entry.route.source === check.source),
    );
    const seen = toPrefix.map(describeEntry);
    if (matching.length > 0) {
      const text = describeEntry(matching[0]!);
      return wantPresent
        ? { passed: true, explanation: bilingual(`${check.device} có tuyến ${text.vi}.`, `${check.device} has the route ${text.en}.`) }
        : { passed: false, explanation: bilingual(`${check.device} vẫn còn tuyến ${text.vi}.`, `${check.device} still has the route ${text.en}.`) };
    }
    if (!wantPresent) return { passed: true, explanation: bilingual(`${check.device} không có tuyến đó tới ${check.prefix}.`, `${check.device} has no such route to ${check.prefix}.`) };
    if (seen.length === 0) {
      return { passed: false, explanation: bilingual(`${check.device} chưa có tuyến nào tới ${check.prefix}.`, `${check.device} has no route to ${check.prefix}.`) };
    }
    return {
      passed: false,
      explanation: bilingual(
        `${check.device} có tuyến tới ${check.prefix} nhưng không đúng yêu cầu: ${listShort(seen.map((text) => text.vi))}.`,
        `${check.device} has a route to ${check.prefix}, but not the one asked for: ${listShort(seen.map((text) => text.en))}.`,
      ),
    };
  },
});

/** Route sources and standby reasons in Vietnamese (English shows the words IOS uses). */
const SOURCE_VI: Readonly<Record<string, string>> = {
  connected: 'nối trực tiếp',
  local: 'địa chỉ của chính thiết bị',
  static: 'tĩnh',
  nd: 'học từ Router Advertisement',
  'nd-prefix': 'prefix on-link học từ Router Advertisement',
  ospfv3: 'OSPFv3',
  ospf: 'OSPF',
  bgp: 'BGP',
  dhcp: 'DHCP',
};
const STANDBY_TEXT: Readonly<Record<string, { vi: string; en: string }>> = {
  'not-best': { vi: 'chưa dùng: có tuyến khác được ưu tiên hơn', en: 'not installed: not-best' },
  'interface-down': { vi: 'chưa dùng: cổng ra không hoạt động', en: 'not installed: interface-down' },
  'next-hop-unresolved': { vi: 'chưa dùng: không tìm được đường tới next hop', en: 'not installed: next-hop-unresolved' },
  'unusable-distance': { vi: 'chưa dùng: distance 255', en: 'not installed: unusable-distance' },
};

/**
 * `2001:db8::/64 via 2001:db8::1 (static, GigabitEthernet0/1)` with `not installed` when
 * standing by; the Vietnamese says the same in words (`qua`, `tĩnh`, `chưa dùng: …`).
 */
function describeEntry(entry: RibEntry<IpAddress>): { vi: string; en: string } {
  const route = entry.route;
  const hop = route.nextHop ?? entry.resolvedNextHop;
  const network = `${formatAddress(route.network)}/${route.prefixLength}`;
  const via = hop !== null && hop !== undefined ? formatAddress(hop) : null;
  const iface = entry.resolvedIface?.name ?? route.iface?.name;
  const source = route.source as string | undefined;
  const en: string[] = [source, iface].filter((part): part is string => part !== undefined && part !== null);
  const vi: string[] = [source === undefined ? undefined : (SOURCE_VI[source] ?? source), iface].filter((part): part is string => part !== undefined && part !== null);
  if (!entry.installed) {
    const standby = STANDBY_TEXT[entry.standby ?? ''] ?? { vi: 'chưa dùng', en: `not installed: ${entry.standby ?? 'standby'}` };
    en.push(standby.en);
    vi.push(standby.vi);
  }
  return {
    en: `${network}${via === null ? '' : ` via ${via}`} (${en.join(', ')})`,
    vi: `${network}${via === null ? '' : ` qua ${via}`} (${vi.join(', ')})`,
  };
}
