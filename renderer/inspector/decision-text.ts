/**
 * The device's decision in words, from the decision data (sim/packet-decision.ts) and i18n:
 * "Router R1: forwarded out GigabitEthernet0/1 toward 2001:db8:2::/64 via fe80::2; hop limit
 * 64 → 63", "Router R1: dropped: no route". Drop reasons known to the simulator have words in
 * both languages; an unknown one is shown as it is.
 */
import type { TFunction } from 'i18next';
import type { DeviceKind } from '../../sim-core/devices/catalog';
import type { PacketDecision } from '../sim/sim-protocol';

export function describeDecision(decision: PacketDecision, t: TFunction, kindOf: (device: string) => DeviceKind | undefined): string {
  const kind = kindOf(decision.device);
  const who = kind === undefined ? decision.device : t('inspector.decision.who', { kind: t(`device.kind.${kind}`), name: decision.device });
  switch (decision.kind) {
    case 'forwarded': {
      const limit = t(decision.family === 6 ? 'inspector.decision.hopLimit' : 'inspector.decision.ttl', { before: decision.hopLimitBefore, after: decision.hopLimitAfter });
      let toward = '';
      if (decision.route !== undefined) {
        toward = decision.route.nextHop === null ? t('inspector.decision.towardConnected', { prefix: decision.route.prefix }) : t('inspector.decision.towardVia', { prefix: decision.route.prefix, nextHop: decision.route.nextHop });
      }
      return t('inspector.decision.forwarded', { who, out: decision.outIface, inIface: decision.inIface, toward, limit });
    }
    case 'switched':
      return t('inspector.decision.switched', { who, inIface: decision.inIface, out: decision.outIfaces.join(', '), count: decision.outIfaces.length });
    case 'dropped':
      return t('inspector.decision.dropped', { who, iface: decision.iface, reason: dropReasonText(decision.reason, t) });
    case 'sent':
      return t('inspector.decision.sent', { who, iface: decision.iface });
    case 'received':
      return t(decision.multicast ? 'inspector.decision.receivedGroup' : 'inspector.decision.received', { who, iface: decision.iface });
  }
}

/** A drop reason in words (`no-route` → "no route"), or the reason itself when unknown. */
export function dropReasonText(reason: string, t: TFunction): string {
  const key = `inspector.reason.${reason}`;
  const text = t(key);
  return text === key ? reason.replace(/-/g, ' ') : text;
}
