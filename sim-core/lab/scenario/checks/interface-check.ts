/**
 * `interface`: an interface's state: `up` (line protocol: administratively up and with carrier,
 * as `show ipv6 interface brief` prints up/up), `adminUp` (not `shutdown`), `mtu` (the interface
 * MTU in bytes; IPv6 needs at least 1280, RFC 8200 section 5) and `ipv6` (IPv6 enabled on the
 * interface: an address or `ipv6 enable`, RFC 4291 section 2.5.6). Only the conditions written are checked;
 * with none, `up: true` is meant.
 */
import { z } from 'zod';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, ENDPOINT_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';
import { validateEndpoint } from './check-validation';
import { findLiveInterface } from './lab-queries';

const schema = z
  .strictObject({
    kind: z.literal('interface'),
    title: CHECK_TITLE_FIELD,
    interface: ENDPOINT_FIELD,
    up: z.boolean().optional().meta({ description: 'Line protocol up (true, the default when nothing else is asked) or down.' }),
    adminUp: z.boolean().optional().meta({ description: 'Administratively up (no shutdown) or down (shutdown).' }),
    mtu: z.number().int().min(68).max(9216).optional().meta({ description: 'The MTU in bytes.' }),
    ipv6: z.boolean().optional().meta({ description: 'IPv6 enabled on the interface.' }),
  })
  .meta({ description: 'An interface is up (or down), with the MTU given, with IPv6 enabled.' });

type InterfaceCheck = z.infer<typeof schema>;

function wantsUp(check: InterfaceCheck): boolean | undefined {
  if (check.up !== undefined) return check.up;
  return check.adminUp === undefined && check.mtu === undefined && check.ipv6 === undefined ? true : undefined;
}

export const INTERFACE_CHECK = defineCheckKind({
  kind: 'interface',
  schema,
  summary: bilingual('Trạng thái giao diện: up/down, MTU, IPv6 đã bật.', 'Interface state: up or down, MTU, IPv6 enabled.'),
  describe(check: InterfaceCheck) {
    const label = check.interface.replace(':', ' ');
    const vi: string[] = [];
    const en: string[] = [];
    const up = wantsUp(check);
    if (up !== undefined) {
      vi.push(up ? 'đang hoạt động' : 'không hoạt động');
      en.push(up ? 'up' : 'down');
    }
    if (check.adminUp !== undefined) {
      vi.push(check.adminUp ? 'không bị shutdown' : 'bị shutdown');
      en.push(check.adminUp ? 'not shut down' : 'shut down');
    }
    if (check.mtu !== undefined) {
      vi.push(`MTU ${check.mtu}`);
      en.push(`MTU ${check.mtu}`);
    }
    if (check.ipv6 !== undefined) {
      vi.push(check.ipv6 ? 'đã bật IPv6' : 'chưa bật IPv6');
      en.push(check.ipv6 ? 'IPv6 enabled' : 'IPv6 not enabled');
    }
    return bilingual(`${label}: ${vi.join(', ')}`, `${label} is ${en.join(', ')}`);
  },
  validate(check, context) {
    validateEndpoint(context, ['interface'], check.interface);
  },
  evaluate(check, session) {
    const live = findLiveInterface(session, check.interface);
    const label = live.ok ? live.value.label : check.interface.replace(':', ' ');
    if (!live.ok) return { passed: false, explanation: bilingual(`${label}: chưa có giao diện này (chưa được cấu hình).`, `${label}: no such interface yet (not configured).`) };
    const iface = live.value.iface;
    const ipv6On = iface.ipv6.enabled;
    const seenVi = `${iface.operUp ? 'đang hoạt động' : 'không hoạt động'}${iface.adminUp ? '' : ' (bị tắt bằng shutdown)'}, MTU ${iface.mtuBytes}, ${ipv6On ? 'IPv6 đã bật' : 'IPv6 chưa bật'}`;
    const seenEn = `${iface.operUp ? 'up' : 'down'}${iface.adminUp ? '' : ' (shut down)'}, MTU ${iface.mtuBytes}, IPv6 ${ipv6On ? 'enabled' : 'not enabled'}`;
    const up = wantsUp(check);
    const passed =
      (up === undefined || up === iface.operUp) &&
      (check.adminUp === undefined || check.adminUp === iface.adminUp) &&
      (check.mtu === undefined || check.mtu === iface.mtuBytes) &&
      (check.ipv6 === undefined || check.ipv6 === ipv6On);
    return { passed, explanation: bilingual(`${label}: ${seenVi}.`, `${label}: ${seenEn}.`) };
  },
});
