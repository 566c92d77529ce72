/**
 * The link lights come from the running network: the worker posts every cable end's state
 * (green up, amber blocking, red down or shut) when it changes, and typing `no shutdown` at a
 * console turns a red end green — whatever the configuration text in the document says.
 */
import { describe, expect, it } from 'vitest';
import type { PortLight, SimEventMessage } from '../../../renderer/sim/sim-protocol';
import { createHostHarness, parseLab, SWITCH_TRIANGLE_LAB } from './host-harness';

/** R1's Gi0/1 was never given `no shutdown` (a router's ports start shut, as on IOS). */
const FORGOT_NO_SHUTDOWN = parseLab(`
version: 1
devices:
  - name: R1
    kind: router
    config: |
      interface GigabitEthernet0/0
       no shutdown
      end
  - name: PC1
    kind: pc
  - name: PC2
    kind: pc
links:
  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]
  - endpoints: ["R1:GigabitEthernet0/1", "PC2:Ethernet0"]
`);

/** The lights of the last event that carried them, as "device iface" → state. */
function lastLights(events: readonly SimEventMessage[]): Record<string, string> | undefined {
  let lights: readonly PortLight[] | undefined;
  for (const event of events) if (event.type !== 'notice' && event.ports !== undefined) lights = event.ports;
  return lights === undefined ? undefined : Object.fromEntries(lights.map((light) => [`${light.device} ${light.iface}`, light.state]));
}

describe('link lights from the running network', () => {
  it('a port left shut is admin-down (its far end down); `no shutdown` at the console turns both green', () => {
    const harness = createHostHarness();
    harness.request('set-mode', { mode: 'realtime' });
    harness.request('load-lab', { lab: FORGOT_NO_SHUTDOWN, seed: 1 });
    harness.setWallMs(2_000);
    harness.host.tick();
    expect(lastLights(harness.takeEvents())).toEqual({
      'R1 GigabitEthernet0/0': 'up',
      'PC1 Ethernet0': 'up',
      'R1 GigabitEthernet0/1': 'admin-down',
      'PC2 Ethernet0': 'down',
    });
    harness.request('console-open', { device: 'R1' });
    harness.request('console-input', { device: 'R1', data: 'enable\rconfigure terminal\rinterface g0/1\rno shutdown\rend\r' });
    harness.setWallMs(4_000);
    harness.host.tick();
    const after = lastLights(harness.takeEvents());
    expect(after?.['R1 GigabitEthernet0/1']).toBe('up');
    expect(after?.['PC2 Ethernet0']).toBe('up');
  });

  it('posts the lights only when one changes', () => {
    const harness = createHostHarness();
    harness.request('set-mode', { mode: 'realtime' });
    harness.request('load-lab', { lab: FORGOT_NO_SHUTDOWN, seed: 1 });
    harness.setWallMs(2_000);
    harness.host.tick();
    harness.takeEvents();
    harness.setWallMs(3_000);
    harness.host.tick();
    expect(lastLights(harness.takeEvents())).toBeUndefined();
  });

  it('a switch loop: spanning tree blocks one end (amber) once the tree settles, the others forward', () => {
    const harness = createHostHarness();
    harness.request('set-mode', { mode: 'realtime' });
    harness.request('load-lab', { lab: parseLab(SWITCH_TRIANGLE_LAB), seed: 1 });
    const lights: Record<string, string> = {};
    for (let second = 1; second <= 40; second++) {
      harness.setWallMs(second * 1000);
      harness.host.tick();
      Object.assign(lights, lastLights(harness.takeEvents()) ?? {});
    }
    const states = Object.values(lights);
    expect(states.filter((state) => state === 'blocking')).toHaveLength(1);
    expect(states.filter((state) => state === 'up')).toHaveLength(7);
  });
});
