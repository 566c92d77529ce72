import { describe, expect, it } from 'vitest';
import { iosRuntimeOf } from '../../../../sim-core/console/ios/ios-runtime';
import { formatConfigBody } from '../../../../sim-core/console/ios/running-config';
import { CHECK_KINDS, CHECK_SCHEMA } from '../../../../sim-core/lab/scenario/checks/registry';
import type { ScenarioCheck } from '../../../../sim-core/lab/scenario/checks/registry';
import { loadScenario } from '../../../../sim-core/lab/scenario/load-scenario';
import { evaluateCheck, runChecks } from '../../../../sim-core/lab/scenario/run-checks';
import type { Scenario } from '../../../../sim-core/lab/scenario/scenario-document';
import { applySolution } from '../../../../sim-core/lab/scenario/solution';
import { startScenario } from '../../../../sim-core/lab/scenario/start-scenario';
import type { LabSession } from '../../../../sim-core/lab/lab-session';
import { SMALL_SCENARIO } from './scenario-fixture';

function scenario(): Scenario {
  const loaded = loadScenario(SMALL_SCENARIO, 'small.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return loaded.scenario;
}

function solved(): { scenario: Scenario; session: LabSession } {
  const s = scenario();
  const { session } = startScenario(s, { seed: 7 });
  expect(applySolution(session, s).problems).toEqual([]);
  session.runFor(60e9);
  return { scenario: s, session };
}

function check(data: Record<string, unknown>): ScenarioCheck {
  return data as unknown as ScenarioCheck;
}

describe('the check registry', () => {
  it('has one entry per kind, each a strict schema with its kind literal and a bilingual summary', () => {
    const names = CHECK_KINDS.map((kind) => kind.kind);
    expect(names).toEqual(['ping', 'traceroute', 'address', 'route', 'neighbor', 'config', 'interface', 'question']);
    for (const kind of CHECK_KINDS) {
      expect(kind.schema.safeParse({ kind: kind.kind, bogus: 1 }).success).toBe(false);
      expect(kind.summary.vi).not.toBe(kind.summary.en);
    }
  });

  it('feeds the scenario schema: the union tells kinds apart by `kind`', () => {
    expect(CHECK_SCHEMA.safeParse({ kind: 'ping', from: 'PC1', to: '2001:db8::1' }).success).toBe(true);
    expect(CHECK_SCHEMA.safeParse({ kind: 'ping', device: 'PC1' }).success).toBe(false);
    expect(CHECK_SCHEMA.safeParse({ kind: 'dns', name: 'kiengiang.gov.vn' }).success).toBe(false);
  });
});

describe('checks on the starting state and after the solution', () => {
  it('address: fails saying what the interface has, in both languages; passes once configured', () => {
    const s = scenario();
    const { session } = startScenario(s, { seed: 7 });
    const addressCheck = s.tasks[0]!.checks[0]!;
    const before = evaluateCheck(addressCheck, session);
    expect(before.passed).toBe(false);
    expect(before.explanation.en).toBe('R1 GigabitEthernet0/0 does not have 2001:db8:6803:10::1/64 in the preferred state; it has no IPv6 address at all.');
    expect(before.explanation.vi).toBe('R1 GigabitEthernet0/0 chưa có 2001:db8:6803:10::1/64 ở trạng thái dùng được (đã qua kiểm tra trùng lặp); chưa có địa chỉ IPv6 nào.');
    const after = solved();
    expect(evaluateCheck(addressCheck, after.session)).toEqual({ passed: true, explanation: { vi: 'R1 GigabitEthernet0/0 có 2001:db8:6803:10::1/64.', en: 'R1 GigabitEthernet0/0 has 2001:db8:6803:10::1/64.' } });
  });

  it('address: a SLAAC address of the PC, and "it has only fe80::…" before', () => {
    const slaac = check({ kind: 'address', interface: 'PC1:Ethernet0', prefix: '2001:db8:6803:10::/64', type: 'slaac' });
    const s = scenario();
    const { session } = startScenario(s, { seed: 7 });
    expect(evaluateCheck(slaac, session).explanation.en).toMatch(/^PC1 Ethernet0 does not have a SLAAC address in 2001:db8:6803:10::\/64 in the preferred state; it has only fe80::[0-9a-f:]+\/64 \(link-local, preferred\)\.$/);
    // The Vietnamese says it in Vietnamese words: no English state or origin names.
    expect(evaluateCheck(slaac, session).explanation.vi).toMatch(/^PC1 Ethernet0 chưa có .* ở trạng thái dùng được \(đã qua kiểm tra trùng lặp\); chỉ có fe80::[0-9a-f:]+\/64 \(link-local, dùng được\)\.$/);
    expect(evaluateCheck(slaac, solved().session).passed).toBe(true);
    expect(evaluateCheck(check({ ...slaac, type: 'static' }), solved().session).passed).toBe(false);
  });

  it('ping: success after the solution; before, the reason the probes died', () => {
    const ping = check({ kind: 'ping', from: 'PC1', to: '2001:db8:6803:10::1' });
    const s = scenario();
    const { session } = startScenario(s, { seed: 7 });
    const before = evaluateCheck(ping, session);
    expect(before.passed).toBe(false);
    expect(before.explanation.en).toContain('no replies (0/5)');
    expect(evaluateCheck(check({ ...ping, expect: 'failure' }), session).passed).toBe(true);
    const after = evaluateCheck(ping, solved().session);
    expect(after).toEqual({ passed: true, explanation: { vi: 'PC1 → 2001:db8:6803:10::1 (IPv6): 5/5 gói có phản hồi.', en: 'PC1 → 2001:db8:6803:10::1 (IPv6): 5/5 replies.' } });
  });

  it('ping: a device as the target uses its global address of the family', () => {
    const { session } = solved();
    expect(evaluateCheck(check({ kind: 'ping', from: 'PC1', to: 'R1', family: 'ipv6' }), session).explanation.en).toContain('2001:db8:6803:10::1');
  });

  it('config: present and absent lines, inside a section', () => {
    const { session } = solved();
    expect(evaluateCheck(check({ kind: 'config', device: 'R1', match: '^ipv6 unicast-routing$' }), session).passed).toBe(true);
    expect(evaluateCheck(check({ kind: 'config', device: 'R1', section: '^interface GigabitEthernet0/0$', match: '^ipv6 address 2001:db8:6803:10::1/64$' }), session).passed).toBe(true);
    expect(evaluateCheck(check({ kind: 'config', device: 'R1', section: '^interface GigabitEthernet0/1$', match: '^ipv6 address' }), session).passed).toBe(false);
    expect(evaluateCheck(check({ kind: 'config', device: 'R1', match: 'ipv6 nd ra suppress', expect: 'absent' }), session).passed).toBe(true);
  });

  it('route: the PC learned its default router from RAs (source nd); absent routes', () => {
    const { session } = solved();
    expect(evaluateCheck(check({ kind: 'route', device: 'PC1', prefix: '::/0', source: 'nd' }), session).passed).toBe(true);
    expect(evaluateCheck(check({ kind: 'route', device: 'PC1', prefix: '::/0', source: 'static' }), session).explanation.en).toMatch(/^PC1 has a route to ::\/0, but not the one asked for: ::\/0 via fe80::/);
    expect(evaluateCheck(check({ kind: 'route', device: 'R1', prefix: '2001:db8:6801::/48', expect: 'absent' }), session).passed).toBe(true);
  });

  it('neighbor: an entry appears once traffic has flowed (a ping first)', () => {
    const { session } = solved();
    const neighbor = check({ kind: 'neighbor', interface: 'PC1:Ethernet0', address: '2001:db8:6803:10::1' });
    evaluateCheck(check({ kind: 'ping', from: 'PC1', to: '2001:db8:6803:10::1' }), session);
    const outcome = evaluateCheck(neighbor, session);
    expect(outcome.passed).toBe(true);
    expect(outcome.explanation.en).toMatch(/^PC1 Ethernet0 has 2001:db8:6803:10::1 (REACHABLE|STALE|DELAY|PROBE) router/);
    expect(evaluateCheck(check({ ...neighbor, address: '2001:db8:6803:10::99' }), session).passed).toBe(false);
  });

  it('interface: up by default; a port left shut and uncabled is down', () => {
    const { session } = solved();
    expect(evaluateCheck(check({ kind: 'interface', interface: 'R1:g0/0' }), session).passed).toBe(true);
    const down = evaluateCheck(check({ kind: 'interface', interface: 'R1:g0/1' }), session);
    expect(down).toEqual({ passed: false, explanation: { vi: 'R1 GigabitEthernet0/1: không hoạt động (bị tắt bằng shutdown), MTU 1500, IPv6 chưa bật.', en: 'R1 GigabitEthernet0/1: down (shut down), MTU 1500, IPv6 not enabled.' } });
    expect(evaluateCheck(check({ kind: 'interface', interface: 'R1:g0/1', up: false, adminUp: false }), session).passed).toBe(true);
  });

  it('traceroute: the path goes through the router', () => {
    const { session } = solved();
    const outcome = evaluateCheck(check({ kind: 'traceroute', from: 'PC1', to: 'R1', family: 'ipv6', via: ['R1'] }), session);
    expect(outcome.passed).toBe(true);
    expect(outcome.explanation.en).toBe('Path to 2001:db8:6803:10::1: R1 (2001:db8:6803:10::1).');
  });

  it('an unknown kind fails with an explanation instead of throwing', () => {
    const { session } = solved();
    expect(evaluateCheck(check({ kind: 'bgp-session', device: 'R1' }), session)).toEqual({ passed: false, explanation: { vi: "Loại kiểm tra 'bgp-session' không có trong phiên bản V6Lab này.", en: "This V6Lab has no 'bgp-session' check." } });
  });
});

describe('checks look and probe, never change', () => {
  it("leave the configuration and the consoles as they were (a trainee's half-done config mode stays)", () => {
    const { scenario: s, session } = solved();
    session.exec('R1', 'enable');
    session.exec('R1', 'configure terminal');
    session.exec('R1', 'interface GigabitEthernet0/1');
    const configBefore = formatConfigBody(iosRuntimeOf(session.network.device('R1')).config);
    const promptBefore = session.promptOf('R1');
    const results = runChecks(s, session);
    expect(results.every((task) => task.passed)).toBe(true);
    expect(formatConfigBody(iosRuntimeOf(session.network.device('R1')).config)).toBe(configBefore);
    expect(session.promptOf('R1')).toEqual(promptBefore);
    expect(promptBefore).toEqual({ ok: true, value: 'R1(config-if)#' });
  });
});
