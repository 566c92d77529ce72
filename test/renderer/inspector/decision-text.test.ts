/**
 * The device's decision in words, both languages, as the issue words it: "Router R1: forwarded
 * out GigabitEthernet0/1 toward 2001:db8:2::/64 via fe80::2; hop limit 64 → 63", "dropped: no
 * route".
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/setup-i18n';
import { describeDecision, dropReasonText } from '../../../renderer/inspector/decision-text';
import type { PacketDecision } from '../../../renderer/sim/sim-protocol';

const kindOf = (name: string) => (name.startsWith('R') ? ('router' as const) : name.startsWith('SW') ? ('switch' as const) : ('pc' as const));
const en = createI18n('en').t;
const vi = createI18n('vi').t;

const forwarded: PacketDecision = {
  kind: 'forwarded',
  device: 'R1',
  inIface: 'GigabitEthernet0/0',
  outIface: 'GigabitEthernet0/1',
  family: 6,
  hopLimitBefore: 64,
  hopLimitAfter: 63,
  route: { prefix: '2001:db8:2::/64', nextHop: 'fe80::2' },
};

describe('describeDecision', () => {
  it('forwarded: exit interface, the route and next hop, the hop limit before and after', () => {
    expect(describeDecision(forwarded, en, kindOf)).toBe('Router R1: forwarded out GigabitEthernet0/1 toward 2001:db8:2::/64 via fe80::2; hop limit 64 → 63 (came in on GigabitEthernet0/0)');
    expect(describeDecision(forwarded, vi, kindOf)).toBe('Bộ định tuyến R1: chuyển tiếp ra GigabitEthernet0/1 tới 2001:db8:2::/64 qua fe80::2; Hop Limit 64 → 63 (vào từ GigabitEthernet0/0)');
  });

  it('forwarded onto a connected network, IPv4 with TTL', () => {
    const v4: PacketDecision = { ...forwarded, family: 4, hopLimitBefore: 128, hopLimitAfter: 127, route: { prefix: '192.168.20.0/24', nextHop: null } };
    expect(describeDecision(v4, en, kindOf)).toBe('Router R1: forwarded out GigabitEthernet0/1 toward 192.168.20.0/24 (directly connected); TTL 128 → 127 (came in on GigabitEthernet0/0)');
  });

  it('dropped: the reason in words (known reasons translated, unknown ones shown as written)', () => {
    const dropped: PacketDecision = { kind: 'dropped', device: 'R1', iface: 'GigabitEthernet0/0', reason: 'no-route' };
    expect(describeDecision(dropped, en, kindOf)).toBe('Router R1: dropped on GigabitEthernet0/0: no route to the destination');
    expect(describeDecision(dropped, vi, kindOf)).toBe('Bộ định tuyến R1: hủy gói ở GigabitEthernet0/0: không có tuyến tới đích');
    expect(describeDecision({ ...dropped, reason: 'odd-thing' }, en, kindOf)).toBe('Router R1: dropped on GigabitEthernet0/0: odd thing');
  });

  it('switched, sent and received', () => {
    expect(describeDecision({ kind: 'switched', device: 'SW1', inIface: 'Gi1/0/1', outIfaces: ['Gi1/0/2', 'Gi1/0/3'] }, en, kindOf)).toBe('Layer 2 switch SW1: switched the frame from Gi1/0/1 out Gi1/0/2, Gi1/0/3');
    expect(describeDecision({ kind: 'sent', device: 'PC1', iface: 'Ethernet0' }, en, kindOf)).toBe('Workstation (PC) PC1: sent this packet itself, out Ethernet0');
    expect(describeDecision({ kind: 'received', device: 'PC1', iface: 'Ethernet0', multicast: true }, en, kindOf)).toBe('Workstation (PC) PC1: received on Ethernet0 (multicast or broadcast)');
  });
});

describe('drop reasons in words', () => {
  it('every drop reason the simulator names (KnownDropReason) has words in both languages, with no English left in the Vietnamese', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const trace = readFileSync(join(import.meta.dirname, '..', '..', '..', 'sim-core', 'engine', 'trace.ts'), 'utf8');
    const known = /export type KnownDropReason =([\s\S]*?);/.exec(trace)![1]!.match(/'[a-z0-9-]+'/g)!.map((quoted) => quoted.slice(1, -1));
    const more = ['nd-queue-full', 'nd-invalid', 'neighbor-unreachable', 'beyond-scope', 'dad-tentative', 'interface-down', 'no-source-address', 'fragment-overlap', 'reassembly-full', 'ipv6-disabled', 'packet-too-big'];
    const i18nEn = createI18n('en');
    const i18nVi = createI18n('vi');
    for (const reason of [...known, ...more]) {
      expect(i18nEn.exists(`inspector.reason.${reason}`), reason).toBe(true);
      expect(i18nVi.exists(`inspector.reason.${reason}`), reason).toBe(true);
      const viText = dropReasonText(reason, vi);
      expect(viText, reason).not.toBe(reason.replace(/-/g, ' '));
      expect(viText, reason).not.toMatch(/\b(down|neighbou?r|discovery|preferred|not-best)\b/);
    }
  });
});
