/**
 * The simulation worker's scenario requests, driven through a real SimHost (renderer/sim) as the
 * pane drives it: a fresh start injects the faults, Check runs sim-core's checks on the live
 * network with bilingual explanations, a locked device's console refuses configuration but
 * answers `show` and `ping`, the solution typed at the consoles makes every check pass, and the
 * running configurations come back as config text that boots to the same network.
 */
import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../../sim-core/lab/scenario/run-checks';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { runChecks } from '../../../sim-core/lab/scenario/run-checks';
import { withRunningConfigs } from '../../../renderer/scenario/running-configs';
import { SimHost } from '../../../renderer/sim/sim-host';
import { fixtureScenario } from './scenario-fixture';
import type { SimOutgoingMessage, SimReplyOf, SimRequestOf, SimRequestType } from '../../../renderer/sim/sim-protocol';

class HostDriver {
  readonly messages: SimOutgoingMessage[] = [];
  nowMs = 0;
  readonly host = new SimHost((message) => this.messages.push(message), { nowMs: () => this.nowMs });
  private nextId = 1;

  request<T extends SimRequestType>(type: T, body: SimRequestOf<T>): SimReplyOf<T> {
    const id = this.nextId++;
    this.host.handle({ id, type, body });
    const reply = this.messages.find((message) => message.type === 'reply' && message.id === id);
    if (reply === undefined || reply.type !== 'reply') throw new Error(`no reply to ${type}`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as SimReplyOf<T>;
  }

  /** Runs the realtime clock forward by `ms` of wall time. */
  advance(ms: number): void {
    for (let t = 0; t < ms; t += 100) {
      this.nowMs += 100;
      this.host.tick();
    }
  }

  type(device: string, line: string): void {
    this.request('console-input', { device, data: `${line}\r` });
  }

  async screen(device: string): Promise<string> {
    return this.request('console-open', { device }).transcript;
  }
}

const passed = (results: readonly TaskResult[]) => Object.fromEntries(results.map((task) => [task.taskId, task.passed]));

describe('scenario requests in the simulation worker', () => {
  it('a fresh start injects the faults; resuming saved work does not', () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    const configs = driver.request('scenario-configs', null);
    expect(configs.R1).toMatch(/ipv6 nd ra suppress all/);
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: false, seed: 1 });
    expect(driver.request('scenario-configs', null).R1).not.toMatch(/ra suppress/);
  });

  it('Check runs the tasks on the live network, with explanations in both languages', () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    driver.advance(3000);
    const results = driver.request('scenario-check', {});
    expect(passed(results)).toEqual({ 'router-ipv6': false, 'pc-slaac': false, 'ping-v4': true });
    const address = results[0]!.checks[1]!;
    expect(address.passed).toBe(false);
    expect(address.explanation.en).toMatch(/R1 GigabitEthernet0\/0 .*2001:db8:6803:10::1/);
    expect(address.explanation.vi.length).toBeGreaterThan(10);
    expect(driver.request('scenario-check', { taskIds: ['ping-v4'] }).map((task) => task.taskId)).toEqual(['ping-v4']);
  });

  it('the trainee typing part of the configuration passes some tasks and not others', () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    for (const line of ['enable', 'configure terminal', 'ipv6 unicast-routing', 'interface g0/0', 'ipv6 address 2001:db8:6803:10::1/64', 'end']) driver.type('R1', line);
    driver.advance(20_000);
    // RAs are still suppressed by the fault: the PC has no SLAAC address.
    expect(passed(driver.request('scenario-check', {}))).toEqual({ 'router-ipv6': true, 'pc-slaac': false, 'ping-v4': true });
  });

  it("a locked device's console shows a banner, answers show and ping, and refuses configure terminal", async () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    const opened = await driver.screen('R0');
    expect(opened).toContain('R0 is locked in this scenario: view only');
    // The prompt is drawn again under the banner at once, not only after the next key.
    expect(opened).toMatch(/view only[^\n]*\r\n(.*\r\n)*R0>$/);
    driver.type('R0', 'enable');
    driver.type('R0', 'configure terminal');
    driver.type('R0', 'hostname HACKED');
    driver.type('R0', 'show ip interface brief');
    const screen = await driver.screen('R0');
    expect(screen).not.toContain('(config)#');
    expect(screen).toContain('GigabitEthernet0/0');
    expect(driver.request('scenario-configs', null).R0).toMatch(/^hostname R0$/m);
    // The same keys at an unlocked router do configure it.
    driver.type('R1', 'enable');
    driver.type('R1', 'configure terminal');
    expect(await driver.screen('R1')).toContain('R1(config)#');
  });

  it('the solution typed at the consoles makes every check pass', () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    driver.type('R1', 'enable');
    driver.type('R1', 'configure terminal');
    expect(driver.request('scenario-solution', null).lines).toBe(7);
    driver.advance(20_000);
    expect(passed(driver.request('scenario-check', {}))).toEqual({ 'router-ipv6': true, 'pc-slaac': true, 'ping-v4': true });
  });

  it('the running configurations boot back to the same network (what a saved progress file grades)', () => {
    const scenario = fixtureScenario();
    const driver = new HostDriver();
    driver.request('scenario-open', { lab: scenario.lab, scenario, injectFaults: true, seed: 1 });
    driver.request('scenario-solution', null);
    const saved = withRunningConfigs(scenario.lab, driver.request('scenario-configs', null));
    const session = bootLab(saved, { seed: 7 });
    expect(session.problems).toEqual([]);
    session.runUntilSettled();
    session.runFor(20e9);
    expect(runChecks(scenario, session).every((task) => task.passed)).toBe(true);
  });

  it('scenario requests without a scenario are answered with an error, not a crash', () => {
    const driver = new HostDriver();
    const scenario = fixtureScenario();
    driver.request('load-lab', { lab: scenario.lab, seed: 1 });
    expect(() => driver.request('scenario-check', {})).toThrow('no scenario is open');
  });
});
