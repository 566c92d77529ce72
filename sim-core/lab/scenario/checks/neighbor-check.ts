/**
 * `neighbor`: an interface's neighbour cache (IPv6, RFC 4861 section 7.3; `show ipv6 neighbors`,
 * `netsh interface ipv6 show neighbors`, `ip -6 neigh`) or ARP cache (IPv4, RFC 826) has an
 * entry for an address, resolved (any state but INCOMPLETE) unless `state` lists the states
 * allowed (REACHABLE, STALE, DELAY, PROBE, PERMANENT, INCOMPLETE), optionally marked as a
 * router (the R flag of the Neighbor Advertisement). `absent` asks that there is no entry.
 * Leaves out: making traffic so the entry exists; put a ping check before it in the task.
 */
import { z } from 'zod';
import { formatMac } from '../../../addr/mac';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, ENDPOINT_FIELD, PRESENCE_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';
import { validateAddress, validateEndpoint } from './check-validation';
import { findLiveInterface, listShort, parseAddress, formatAddress } from './lab-queries';

const NEIGHBOR_STATES = ['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT'] as const;

const schema = z
  .strictObject({
    kind: z.literal('neighbor'),
    title: CHECK_TITLE_FIELD,
    interface: ENDPOINT_FIELD.meta({ description: 'The interface whose cache is read, DEVICE:INTERFACE.' }),
    address: z.string().min(1).meta({ description: "The neighbour's address.", examples: ['fe80::1', '2001:db8:6803:10::1', '192.168.10.1'] }),
    state: z.array(z.enum(NEIGHBOR_STATES)).min(1).optional().meta({ description: 'States allowed (IPv6; default: any but INCOMPLETE).' }),
    router: z.boolean().optional().meta({ description: 'The entry must (true) or must not (false) be marked as a router (IPv6).' }),
    expect: PRESENCE_FIELD,
  })
  .meta({ description: "An interface's neighbour (or ARP) cache has an entry for the address, in one of the states given." });

type NeighborCheck = z.infer<typeof schema>;

export const NEIGHBOR_CHECK = defineCheckKind({
  kind: 'neighbor',
  schema,
  summary: bilingual('Bảng neighbor (hoặc ARP) của một giao diện có mục cho địa chỉ, ở trạng thái đã cho.', "An interface's neighbour (or ARP) cache has an entry for an address, in the given state."),
  describe(check: NeighborCheck) {
    const label = check.interface.replace(':', ' ');
    return check.expect === 'absent'
      ? bilingual(`${label} không có neighbor ${check.address}`, `${label} has no neighbour entry for ${check.address}`)
      : bilingual(`${label} đã phân giải neighbor ${check.address}`, `${label} has resolved the neighbour ${check.address}`);
  },
  validate(check, context) {
    validateEndpoint(context, ['interface'], check.interface);
    const family = validateAddress(context, ['address'], check.address);
    if (family === 'ipv4' && check.router !== undefined) context.error(['router'], bilingual("'router' chỉ áp dụng cho neighbour IPv6", "'router' applies to IPv6 neighbours only"));
  },
  evaluate(check, session) {
    const wantPresent = check.expect !== 'absent';
    const live = findLiveInterface(session, check.interface);
    const label = live.ok ? live.value.label : check.interface.replace(':', ' ');
    if (!live.ok) return { passed: !wantPresent, explanation: bilingual(`${label}: chưa có giao diện này (chưa được cấu hình).`, `${label}: no such interface yet (not configured).`) };
    const address = parseAddress(check.address);
    const endpoint = `${live.value.device.name}:${live.value.iface.name}`;
    let entries: { address: string; state: string; router: boolean; mac: string; match: boolean }[];
    if (typeof address === 'bigint') {
      entries = session.network.ipv6Neighbors(endpoint).map((entry) => ({
        address: formatAddress(entry.address),
        state: entry.state,
        router: entry.isRouter,
        mac: entry.linkLayerAddress === null ? '-' : formatMac(entry.linkLayerAddress),
        match: entry.address === address,
      }));
    } else {
      entries = session.network.arpTable(endpoint).map((entry) => ({
        address: formatAddress(entry.ip),
        state: entry.state === 'incomplete' ? 'INCOMPLETE' : entry.state === 'static' ? 'PERMANENT' : 'REACHABLE',
        router: false,
        mac: entry.mac === null ? '-' : formatMac(entry.mac),
        match: entry.ip === address,
      }));
    }
    const entry = entries.find((candidate) => candidate.match);
    const allowed: readonly string[] = check.state ?? NEIGHBOR_STATES.filter((state) => state !== 'INCOMPLETE');
    const ok = entry !== undefined && allowed.includes(entry.state) && (check.router === undefined || check.router === entry.router);
    const others = listShort(entries.map((candidate) => `${candidate.address} ${candidate.state}`));
    if (entry === undefined) {
      return wantPresent
        ? { passed: false, explanation: bilingual(`${label} chưa có mục nào cho ${check.address}${others === '' ? ' (bảng trống)' : `; có: ${others}`}.`, `${label} has no entry for ${check.address}${others === '' ? ' (the cache is empty)' : `; it has ${others}`}.`) }
        : { passed: true, explanation: bilingual(`${label} không có mục cho ${check.address}.`, `${label} has no entry for ${check.address}.`) };
    }
    const seen = `${entry.address} ${entry.state}${entry.router ? ' router' : ''} (${entry.mac})`;
    if (!wantPresent) return { passed: false, explanation: bilingual(`${label} vẫn có ${seen}.`, `${label} still has ${seen}.`) };
    return ok
      ? { passed: true, explanation: bilingual(`${label} có ${seen}.`, `${label} has ${seen}.`) }
      : { passed: false, explanation: bilingual(`${label} có ${seen}, nhưng cần trạng thái ${allowed.join('/')}${check.router === undefined ? '' : check.router ? ' và cờ router' : ' và không có cờ router'}.`, `${label} has ${seen}, but ${allowed.join('/')}${check.router === undefined ? '' : check.router ? ' with the router flag' : ' without the router flag'} is needed.`) };
  },
});
