/**
 * Drives the simulation worker's logic (SimHost) in Node without a Worker: requests are handled
 * synchronously, replies and events are collected, and the wall clock is a number the test sets.
 */
import { loadLab } from '../../../sim-core/lab/load-lab';
import type { Lab } from '../../../sim-core/lab/lab-document';
import { SimHost, type SimHostOptions } from '../../../renderer/sim/sim-host';
import type { SimEventMessage, SimOutgoingMessage, SimReplyOf, SimRequestOf, SimRequestType, TraceRow } from '../../../renderer/sim/sim-protocol';

export interface HostHarness {
  readonly host: SimHost;
  readonly messages: SimOutgoingMessage[];
  /** Sends a request; returns its reply, or throws with the worker's error. */
  request<T extends SimRequestType>(type: T, body: SimRequestOf<T>): SimReplyOf<T>;
  /** Every event posted since the last call. */
  takeEvents(): SimEventMessage[];
  /** Rows of every batch posted since the last call. */
  takeRows(): TraceRow[];
  /** Console output posted for a device since the last call. */
  takeConsole(device: string): string;
  setWallMs(ms: number): void;
}

export function parseLab(yaml: string): Lab {
  const loaded = loadLab(yaml, 'test.v6lab.yaml');
  if (!loaded.ok) throw new Error(`test lab does not load: ${JSON.stringify(loaded)}`);
  return loaded.lab;
}

export function createHostHarness(options: SimHostOptions = {}): HostHarness {
  const messages: SimOutgoingMessage[] = [];
  let wallMs = 0;
  let read = 0;
  let nextId = 1;
  const host = new SimHost((message) => messages.push(message), { nowMs: () => wallMs }, options);
  const consoleText = new Map<string, string>();
  let rows: TraceRow[] = [];
  const drain = () => {
    const fresh = messages.slice(read).filter((message): message is SimEventMessage => message.type !== 'reply');
    read = messages.length;
    for (const event of fresh) {
      if (event.type === 'batch') {
        rows.push(...event.rows);
        for (const { device, data } of event.consoles) consoleText.set(device, (consoleText.get(device) ?? '') + data);
      }
    }
    return fresh;
  };
  const pendingEvents: SimEventMessage[] = [];
  return {
    host,
    messages,
    request(type, body) {
      const id = nextId++;
      host.handle({ id, type, body });
      const reply = messages.find((message) => message.type === 'reply' && message.id === id);
      pendingEvents.push(...drain());
      if (reply === undefined || reply.type !== 'reply') throw new Error(`no reply to ${type}`);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as never;
    },
    takeEvents() {
      pendingEvents.push(...drain());
      return pendingEvents.splice(0);
    },
    takeRows() {
      pendingEvents.push(...drain());
      const taken = rows;
      rows = [];
      return taken;
    },
    takeConsole(device) {
      pendingEvents.push(...drain());
      const text = consoleText.get(device) ?? '';
      consoleText.delete(device);
      return text;
    },
    setWallMs(ms) {
      wallMs = ms;
    },
  };
}

/**
 * Two LANs joined by R1: SRV1 (2001:db8:1::10) on GigabitEthernet0/0, SRV2 (2001:db8:2::20) on
 * GigabitEthernet0/1, both with R1's link-local fe80::1 as default router.
 */
export const TWO_LANS_LAB = `
version: 1
devices:
  - name: R1
    kind: router
    config: |
      hostname R1
      ipv6 unicast-routing
      interface GigabitEthernet0/0
       ipv6 address FE80::1 link-local
       ipv6 address 2001:db8:1::1/64
       no shutdown
      interface GigabitEthernet0/1
       ipv6 address FE80::1 link-local
       ipv6 address 2001:db8:2::1/64
       no shutdown
      end
  - name: SRV1
    kind: server
    config: |
      ip link set dev eth0 up
      ip -6 address add 2001:db8:1::10/64 dev eth0
      ip -6 route add default via fe80::1 dev eth0
  - name: SRV2
    kind: server
    config: |
      ip link set dev eth0 up
      ip -6 address add 2001:db8:2::20/64 dev eth0
      ip -6 route add default via fe80::1 dev eth0
links:
  - endpoints: ["R1:GigabitEthernet0/0", "SRV1:eth0"]
  - endpoints: ["R1:GigabitEthernet0/1", "SRV2:eth0"]
`;

/** Three switches in a triangle with PC1 (192.0.2.10/24) on SW1: a loop that spanning tree must block. */
export const SWITCH_TRIANGLE_LAB = `
version: 1
devices:
  - name: SW1
    kind: switch
  - name: SW2
    kind: switch
  - name: SW3
    kind: switch
  - name: PC1
    kind: pc
    config: |
      netsh interface ipv4 set address "Ethernet0" static 192.0.2.10 255.255.255.0
links:
  - endpoints: ["SW1:GigabitEthernet1/0/1", "SW2:GigabitEthernet1/0/1"]
  - endpoints: ["SW2:GigabitEthernet1/0/2", "SW3:GigabitEthernet1/0/2"]
  - endpoints: ["SW3:GigabitEthernet1/0/3", "SW1:GigabitEthernet1/0/3"]
  - endpoints: ["SW1:GigabitEthernet1/0/4", "PC1:Ethernet0"]
`;
