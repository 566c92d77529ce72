/**
 * The simulation worker's logic, driven in Node through its message handler (no Worker): the
 * request/reply contract, batching, realtime pacing, stepping, step back as a replay from the
 * seed, topology edits applied to the running network (and replayed), running configurations
 * for saving, a storm that pauses realtime, inspection and capture export.
 */
import { describe, expect, it } from 'vitest';
import type { SimEventMessage, TraceRow } from '../../../renderer/sim/sim-protocol';
import { asDeviceName, asInterfaceName, makeLinkId, type Lab, type LabLink } from '../../../sim-core/lab/lab-document';
import type { LabSession } from '../../../sim-core/lab/lab-session';
import { createHostHarness, parseLab, SWITCH_TRIANGLE_LAB, TWO_LANS_LAB, type HostHarness } from './host-harness';

const lab = parseLab(TWO_LANS_LAB);

function booted(mode: 'realtime' | 'simulation' = 'simulation'): HostHarness {
  const harness = createHostHarness();
  harness.request('set-mode', { mode });
  harness.request('load-lab', { lab, seed: 7 });
  harness.takeEvents();
  return harness;
}

/** What identifies a row for "the same run" comparisons. */
function rowKey(row: TraceRow): string {
  return `${row.seq} ${row.timeNs} ${row.device} ${row.iface} ${row.direction} ${row.frameClass} ${row.summary} ${row.reason ?? ''}`;
}

describe('the request/reply contract', () => {
  it('answers each request once, by its id', () => {
    const harness = createHostHarness();
    const reply = harness.request('load-lab', { lab, seed: 1 });
    expect(reply).toEqual({ generation: 1, problems: [] });
    const replies = harness.messages.filter((message) => message.type === 'reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: 1, ok: true });
  });

  it('gives boot problems in both languages, so the status line follows the app language', () => {
    const harness = createHostHarness();
    const broken = parseLab(TWO_LANS_LAB.replace('ipv6 unicast-routing', 'ipv6 unicast-routin-typo'));
    const reply = harness.request('load-lab', { lab: broken, seed: 1 });
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]!.en).toMatch(/^lab \(R1 config\):2:\d+: error: /);
    expect(reply.problems[0]!.vi).toMatch(/^lab \(R1 config\):2:\d+: lỗi: /);
  });

  it('ignores anything that is not a request (no reply, no throw)', () => {
    const harness = createHostHarness();
    for (const junk of [null, 42, 'load-lab', { type: 'load-lab' }, { id: 1, type: 'format-disk', body: null }, { id: 'x', type: 'inspect', body: { seq: 0 } }]) {
      expect(() => harness.host.handle(junk)).not.toThrow();
    }
    expect(harness.messages.filter((message) => message.type === 'reply')).toEqual([]);
  });

  it('turns a wrong device name into an error reply that lists the devices', () => {
    const harness = booted();
    expect(() => harness.request('console-open', { device: 'R9' })).toThrow(/no device 'R9'.*R1, SRV1, SRV2/);
    const last = harness.messages.filter((message) => message.type === 'reply').pop();
    expect(last).toMatchObject({ ok: false });
  });

  it('refuses requests before a lab is loaded with a reason', () => {
    const harness = createHostHarness();
    expect(() => harness.request('step-forward', {})).toThrow('no lab is running');
  });
});

describe('batching', () => {
  it('gathers the trace rows and console output of a flush interval into one batch message', () => {
    const harness = booted('realtime');
    // Addresses leave DAD after a second.
    harness.setWallMs(3000);
    harness.host.tick();
    harness.request('console-open', { device: 'SRV1' });
    harness.takeEvents();
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.takeEvents();
    harness.setWallMs(3100);
    harness.host.tick();
    const events = harness.takeEvents();
    expect(events).toHaveLength(1);
    const batch = events[0]!;
    if (batch.type !== 'batch') throw new Error('expected a batch');
    // Neighbour discovery both sides of R1 and the echo there and back: a dozen frames, one message.
    expect(batch.rows.length).toBeGreaterThan(10);
    expect(batch.rows.map((row) => row.seq)).toEqual(batch.rows.map((_, index) => batch.rows[0]!.seq + index));
    expect(batch.rows.some((row) => row.summary.startsWith('ICMPv6: Echo (ping) reply'))).toBe(true);
    expect(batch.consoles.map((entry) => entry.device)).toEqual(['SRV1']);
    expect(batch.consoles[0]!.data).toContain('1 packets transmitted, 1 received');
    expect(batch.clock.nowNs).toBe(3_100_000_000);
  });

  it('a paused simulation posts nothing on a tick', () => {
    const harness = booted('simulation');
    harness.setWallMs(5000);
    harness.host.tick();
    harness.takeEvents();
    harness.setWallMs(6000);
    harness.host.tick();
    expect(harness.takeEvents()).toEqual([]);
  });

  it('caps the rows of one batch and counts the others as omitted', () => {
    const harness = createHostHarness({ maxRowsPerBatch: 5 });
    harness.request('load-lab', { lab, seed: 7 });
    harness.takeEvents();
    harness.setWallMs(2000);
    harness.host.tick();
    const batch = harness.takeEvents().find((event) => event.type === 'batch');
    if (batch?.type !== 'batch') throw new Error('expected a batch');
    expect(batch.rows).toHaveLength(5);
    expect(batch.omitted).toBeGreaterThan(0);
    // The newest rows are the ones sent.
    expect(batch.rows[4]!.seq).toBe(batch.rows[0]!.seq + 4);
    expect(batch.omitted + 5).toBe(batch.rows[4]!.seq + 1);
  });
});

describe('time', () => {
  it('realtime: virtual time follows the wall clock times the speed (1× then 100×)', () => {
    const harness = booted('realtime');
    harness.setWallMs(1500);
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 100 }).nowNs).toBe(1_500_000_000);
    harness.setWallMs(2500);
    harness.host.tick();
    expect(harness.request('set-playing', { playing: false }).nowNs).toBe(101_500_000_000);
    harness.setWallMs(9000);
    harness.host.tick();
    expect(harness.request('set-playing', { playing: true }).nowNs).toBe(101_500_000_000);
  });

  it('simulation: the clock stands still until a step, which stops at the next instant with frames', () => {
    const harness = booted('simulation');
    harness.setWallMs(60_000);
    harness.host.tick();
    expect(harness.request('set-playing', { playing: false }).nowNs).toBe(0);
    const step = harness.request('step-forward', {});
    expect(step.stepped).toBe(true);
    const rows = harness.takeRows();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: step.endSeq - step.firstSeq }, (_, i) => step.firstSeq + i));
    // Every row of one step happened at one instant.
    expect(new Set(rows.map((row) => row.timeNs)).size).toBe(1);
  });

  it('a step filtered to ICMPv6 runs on past NDP to the echo request', () => {
    const harness = booted('simulation');
    // Let DAD and router discovery finish, then ping.
    for (let i = 0; i < 40; i++) harness.request('step-forward', { classes: ['NDP', 'ICMPv6'] });
    harness.request('console-open', { device: 'SRV1' });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.takeRows();
    const step = harness.request('step-forward', { classes: ['ICMPv6'] });
    expect(step.stepped).toBe(true);
    const rows = harness.takeRows();
    const first = rows.find((row) => row.seq === step.firstSeq)!;
    expect(first.frameClass).toBe('ICMPv6');
    expect(first.summary).toMatch(/^ICMPv6: Echo \(ping\) request/);
    expect(first).toMatchObject({ device: 'SRV1', direction: 'tx' });
  });
});

describe('step back is a replay from the seed', () => {
  it('stepping back and forward again gives exactly the same events, console input included', () => {
    const harness = booted('simulation');
    const original: TraceRow[] = [];
    for (let i = 0; i < 25; i++) harness.request('step-forward', {});
    harness.request('console-open', { device: 'SRV1' });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 2 2001:db8:2::20\r' });
    for (let i = 0; i < 30; i++) harness.request('step-forward', {});
    original.push(...harness.takeRows());
    const end = original[original.length - 1]!.seq + 1;

    for (let i = 0; i < 12; i++) expect(harness.request('step-back', null).stepped).toBe(true);
    const reset = harness.takeEvents().filter((event) => event.type === 'reset');
    expect(reset).toHaveLength(12);
    const keep = reset[reset.length - 1]!.type === 'reset' ? reset[reset.length - 1]!.keepBelowSeq : -1;
    expect(keep).toBeGreaterThan(0);
    expect(keep).toBeLessThan(end);

    for (let i = 0; i < 12; i++) harness.request('step-forward', {});
    const again = harness.takeRows();
    expect(again.map(rowKey)).toEqual(original.filter((row) => row.seq >= keep).map(rowKey));
  });

  it('stepping back before a command was typed forgets it and redraws the console without it', () => {
    const harness = booted('simulation');
    for (let i = 0; i < 10; i++) harness.request('step-forward', {});
    harness.request('console-open', { device: 'SRV1' });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.request('step-forward', {});
    harness.request('step-forward', {});
    harness.takeEvents();
    // Two steps back is just after the line was typed (its error is on the screen); one more is before.
    harness.request('step-back', null);
    harness.request('step-back', null);
    harness.request('step-back', null);
    const resets = harness.takeEvents().filter((event) => event.type === 'reset');
    const last = resets[resets.length - 1];
    if (last?.type !== 'reset') throw new Error('expected a reset');
    // Back to before the ping: the console shows only its prompt again.
    expect(last.consoles).toEqual([{ device: 'SRV1', transcript: 'admin@SRV1:~$ ' }]);
    expect(harness.request('set-playing', { playing: false }).stepsBack).toBe(9);
  });

  it('with no step to undo, step back says so and changes nothing', () => {
    const harness = booted('simulation');
    expect(harness.request('step-back', null)).toEqual({ stepped: false, endSeq: 0 });
  });
});

describe('a topology edit applies to the running network', () => {
  /** R1's free port Gi0/2 gets SRV3 (2001:db8:3::30) — the lab as the editor leaves it after "add a server" and a cable. */
  const withServer: Lab = {
    ...lab,
    devices: [
      ...lab.devices,
      {
        name: asDeviceName('SRV3'),
        kind: 'server',
        position: { x: 400, y: 300 },
        config: 'ip link set dev eth0 up\nip -6 address add 2001:db8:3::30/64 dev eth0\nip -6 route add default via fe80::1 dev eth0\n',
      },
    ],
    links: [...lab.links, link('R1', 'GigabitEthernet0/2', 'SRV3', 'eth0')],
  };

  function link(a: string, aIface: string, b: string, bIface: string): LabLink {
    const ends = [
      { device: asDeviceName(a), interface: asInterfaceName(aIface) },
      { device: asDeviceName(b), interface: asInterfaceName(bIface) },
    ] as const;
    return { id: makeLinkId(ends[0], ends[1]), endpoints: ends, state: 'up' };
  }

  /** Realtime, 10 s in, a ping from SRV1 to SRV2 answered. */
  function pingedOnce(): HostHarness {
    const harness = booted('realtime');
    harness.setWallMs(10_000);
    harness.host.tick();
    harness.request('console-open', { device: 'SRV1' });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.setWallMs(12_000);
    harness.host.tick();
    expect(harness.takeConsole('SRV1')).toContain('1 packets transmitted, 1 received');
    return harness;
  }

  it('adding a server powers it on alone: virtual time, console history and the ping carry on', () => {
    const harness = pingedOnce();
    harness.request('console-open', { device: 'R1' });
    const r1Before = harness.request('console-open', { device: 'R1' }).transcript;
    const srv1Before = harness.request('console-open', { device: 'SRV1' }).transcript;
    const before = harness.request('set-speed', { speed: 1 }).nowNs;
    expect(before).toBe(12_000_000_000);

    const reply = harness.request('edit-lab', { lab: withServer, seed: 7 });
    expect(reply).toEqual({ generation: 1, problems: [] });
    // No new session: no reset, and the clock did not go back.
    expect(harness.takeEvents().filter((event) => event.type === 'reset')).toEqual([]);
    expect(harness.request('set-speed', { speed: 1 }).nowNs).toBe(before);
    expect(harness.request('console-open', { device: 'SRV1' }).transcript).toBe(srv1Before);
    // R1 did not boot again: no boot log reprinted on its console.
    expect(harness.request('console-open', { device: 'R1' }).transcript).toBe(r1Before);

    // The trainee brings up R1's port to the new server.
    harness.request('console-input', {
      device: 'R1',
      data: 'enable\rconfigure terminal\rinterface GigabitEthernet0/2\ripv6 address FE80::1 link-local\ripv6 address 2001:db8:3::1/64\rno shutdown\rend\r',
    });
    harness.setWallMs(16_000);
    harness.host.tick();
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.setWallMs(18_000);
    harness.host.tick();
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:3::30\r' });
    harness.setWallMs(20_000);
    harness.host.tick();
    const output = harness.takeConsole('SRV1');
    expect(output.match(/1 packets transmitted, 1 received/g)).toHaveLength(2);
    expect(output).not.toMatch(/failure|unreachable/i);
  });

  it('deleting a device takes it and its cable away; the device at the other end sees its port go down', () => {
    const harness = pingedOnce();
    harness.request('console-open', { device: 'SRV2' });
    const without: Lab = { ...lab, devices: lab.devices.filter((device) => device.name !== 'SRV2'), links: lab.links.filter((l) => !l.id.includes('SRV2')) };
    harness.request('edit-lab', { lab: without, seed: 7 });
    expect(() => harness.request('console-open', { device: 'SRV2' })).toThrow(/there is no device 'SRV2'/);
    expect(harness.request('interfaces', { device: 'R1' }).find((i) => i.name === 'GigabitEthernet0/1')).toMatchObject({ up: false });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 -W 1 2001:db8:2::20\r' });
    harness.setWallMs(16_000);
    harness.host.tick();
    expect(harness.takeConsole('SRV1')).toContain('1 packets transmitted, 0 received');
    // Undo: it comes back with its config, and answers again.
    harness.request('edit-lab', { lab, seed: 7 });
    harness.setWallMs(22_000);
    harness.host.tick();
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.setWallMs(24_000);
    harness.host.tick();
    expect(harness.takeConsole('SRV1')).toContain('1 packets transmitted, 1 received');
  });

  it('unplugging a cable in the editor takes the port down; plugging it back brings it up', () => {
    const harness = pingedOnce();
    const unplugged: Lab = { ...lab, links: lab.links.map((l) => (l.id.includes('SRV2') ? { ...l, state: 'down' as const } : l)) };
    harness.request('edit-lab', { lab: unplugged, seed: 7 });
    expect(harness.request('interfaces', { device: 'R1' }).find((i) => i.name === 'GigabitEthernet0/1')?.up).toBe(false);
    harness.request('edit-lab', { lab, seed: 7 });
    expect(harness.request('interfaces', { device: 'R1' }).find((i) => i.name === 'GigabitEthernet0/1')?.up).toBe(true);
  });

  it('renaming a device does not reboot it: its console follows it and its frames carry the new name', () => {
    const harness = pingedOnce();
    const srv1Before = harness.request('console-open', { device: 'SRV1' }).transcript;
    const renamed: Lab = {
      ...lab,
      devices: lab.devices.map((device) => (device.name === 'SRV1' ? { ...device, name: asDeviceName('WEB1') } : device)),
      links: lab.links.map((l) => (l.id.includes('SRV1') ? link('R1', 'GigabitEthernet0/0', 'WEB1', 'eth0') : l)),
    };
    harness.takeRows();
    harness.request('edit-lab', { lab: renamed, seed: 7 });
    expect(harness.request('console-open', { device: 'WEB1' }).transcript).toBe(srv1Before);
    harness.request('console-input', { device: 'WEB1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.setWallMs(14_000);
    harness.host.tick();
    expect(harness.takeConsole('WEB1')).toContain('1 packets transmitted, 1 received');
    const rows = harness.takeRows();
    expect(rows.some((row) => row.device === 'WEB1' && row.summary.includes('Echo (ping) request'))).toBe(true);
    expect(rows.some((row) => row.device === 'SRV1')).toBe(false);
  });

  it('step back replays the edits at the points they happened: the same events again', () => {
    const harness = booted('simulation');
    const withoutSrv2: Lab = { ...withServer, devices: withServer.devices.filter((d) => d.name !== 'SRV2'), links: withServer.links.filter((l) => !l.id.includes('SRV2')) };
    for (let i = 0; i < 20; i++) harness.request('step-forward', {});
    harness.request('edit-lab', { lab: withServer, seed: 7 });
    for (let i = 0; i < 10; i++) harness.request('step-forward', {});
    const beforeRemoval = harness.takeRows();
    expect(beforeRemoval.some((row) => row.device === 'SRV2')).toBe(true);
    harness.request('edit-lab', { lab: withoutSrv2, seed: 7 });
    for (let i = 0; i < 20; i++) harness.request('step-forward', {});
    const afterRemoval = harness.takeRows();
    expect(afterRemoval.some((row) => row.device === 'SRV2')).toBe(false);
    const original = [...beforeRemoval, ...afterRemoval];

    // Back to after both edits: the replay boots the original lab and applies both where they happened.
    for (let i = 0; i < 15; i++) expect(harness.request('step-back', null).stepped).toBe(true);
    expect(harness.messages.some((message) => message.type === 'notice')).toBe(false);
    const resets = harness.takeEvents().filter((event) => event.type === 'reset');
    const keep = resets[resets.length - 1]!.type === 'reset' ? resets[resets.length - 1]!.keepBelowSeq : -1;
    expect(keep).toBeGreaterThan(beforeRemoval[beforeRemoval.length - 1]!.seq);
    for (let i = 0; i < 15; i++) harness.request('step-forward', {});
    expect(harness.takeRows().map(rowKey)).toEqual(original.filter((row) => row.seq >= keep).map(rowKey));
  });

  it('stepping back to before an edit keeps the network what the document says', () => {
    const harness = booted('simulation');
    for (let i = 0; i < 10; i++) harness.request('step-forward', {});
    harness.request('edit-lab', { lab: withServer, seed: 7 });
    for (let i = 0; i < 5; i++) harness.request('step-forward', {});
    for (let i = 0; i < 8; i++) harness.request('step-back', null);
    expect(harness.request('interfaces', { device: 'SRV3' }).map((i) => i.name)).toContain('eth0');
  });

  it('a new document (load-lab) boots afresh: a new generation, its consoles start empty', () => {
    const harness = pingedOnce();
    expect(harness.request('load-lab', { lab, seed: 7 }).generation).toBe(2);
    const reset = harness.takeEvents().find((event) => event.type === 'reset');
    if (reset?.type !== 'reset') throw new Error('expected a reset');
    expect(reset.clock.nowNs).toBe(0);
    expect(reset.consoles).toEqual([{ device: 'SRV1', transcript: 'admin@SRV1:~$ ' }]);
  });
});

describe('running configurations for saving', () => {
  it('answers the configuration of each device configured at its console, and counts configuration changes', () => {
    const harness = booted('realtime');
    harness.request('console-open', { device: 'R1' });
    harness.request('console-input', { device: 'R1', data: 'enable\rshow running-config\r' });
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 1 }).configRevision).toBe(0);
    expect(harness.request('running-configs', null)).toEqual({});
    harness.request('console-input', { device: 'R1', data: 'configure terminal\rhostname EDGE1\rend\r' });
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 1 }).configRevision).toBe(1);
    const configs = harness.request('running-configs', null);
    expect(Object.keys(configs)).toEqual(['R1']);
    expect(configs.R1).toMatch(/^!\n[\s\S]*\nhostname EDGE1\n[\s\S]*\nend\n$/);
    harness.request('console-input', { device: 'R1', data: 'show ipv6 interface brief\r' });
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 1 }).configRevision).toBe(1);
  });
});

describe('a broadcast storm in realtime', () => {
  it('pauses the run and posts a notice in both languages naming the loop; playing again resumes', () => {
    const harness = createHostHarness({ eventsPerSlice: 20_000 });
    harness.request('set-mode', { mode: 'realtime' });
    harness.request('load-lab', { lab: parseLab(SWITCH_TRIANGLE_LAB), seed: 7 });
    // Spanning tree off on every switch: the triangle is a loop for the PC's first broadcast.
    const session = (harness.host as unknown as { session: LabSession }).session;
    for (const sw of ['SW1', 'SW2', 'SW3']) session.network.device(sw).spanningTree!.stop();
    harness.takeEvents();
    let notice: SimEventMessage | undefined;
    for (let ms = 16; ms <= 2000 && notice === undefined; ms += 16) {
      harness.setWallMs(ms);
      harness.host.tick();
      notice = harness.takeEvents().find((event) => event.type === 'notice');
    }
    if (notice?.type !== 'notice') throw new Error('no notice');
    expect(notice.kind).toBe('storm');
    expect(notice.message.en).toMatch(/^The simulation is paused at .*broadcast storm: frames loop through (SW\d, ){2}SW\d\./);
    expect(notice.message.en).toContain('% of the frames are ARP');
    expect(notice.message.en).toContain('Busiest ports');
    expect(notice.message.vi).toMatch(/^Mô phỏng đã tạm dừng ở .*bão quảng bá/);
    const paused = harness.request('set-speed', { speed: 1 });
    expect(paused.playing).toBe(false);
    // Paused means paused: the wall clock runs on, virtual time does not.
    harness.setWallMs(5000);
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 1 }).nowNs).toBe(paused.nowNs);
    // The trainee pulls one cable of the loop and plays again: the storm dies out, time keeps pace.
    const triangle = parseLab(SWITCH_TRIANGLE_LAB);
    harness.request('edit-lab', { lab: { ...triangle, links: triangle.links.filter((l) => !l.id.includes('SW3:GigabitEthernet1/0/3')) }, seed: 7 });
    harness.request('set-playing', { playing: true });
    harness.takeEvents();
    for (let ms = 5016; ms <= 6000; ms += 16) {
      harness.setWallMs(ms);
      harness.host.tick();
    }
    expect(harness.takeEvents().some((event) => event.type === 'notice')).toBe(false);
    harness.setWallMs(6000);
    const resumed = harness.request('set-speed', { speed: 1 });
    expect(resumed.playing).toBe(true);
    expect(resumed.nowNs).toBeGreaterThan(paused.nowNs);
    harness.setWallMs(7000);
    harness.host.tick();
    expect(harness.request('set-speed', { speed: 1 }).nowNs).toBe(resumed.nowNs + 1_000_000_000);
  });
});

describe('inspecting and exporting', () => {
  function pinged(): { harness: HostHarness; rows: TraceRow[] } {
    const harness = booted('realtime');
    harness.setWallMs(5000);
    harness.host.tick();
    harness.request('console-open', { device: 'SRV1' });
    harness.request('console-input', { device: 'SRV1', data: 'ping -c 1 2001:db8:2::20\r' });
    harness.setWallMs(7000);
    harness.host.tick();
    return { harness, rows: harness.takeRows() };
  }

  it('explains a router forwarding an echo request, from either side of it', () => {
    const { harness, rows } = pinged();
    const inbound = rows.find((row) => row.device === 'R1' && row.direction === 'rx' && row.summary.includes('Echo (ping) request'))!;
    const outbound = rows.find((row) => row.device === 'R1' && row.direction === 'tx' && row.summary.includes('Echo (ping) request'))!;
    const expected = {
      kind: 'forwarded',
      device: 'R1',
      inIface: 'GigabitEthernet0/0',
      outIface: 'GigabitEthernet0/1',
      family: 6,
      hopLimitBefore: 64,
      hopLimitAfter: 63,
      route: { prefix: '2001:db8:2::/64', nextHop: null },
    };
    expect(harness.request('inspect', { seq: inbound.seq }).decision).toEqual(expected);
    expect(harness.request('inspect', { seq: outbound.seq }).decision).toEqual(expected);
    const details = harness.request('inspect', { seq: inbound.seq });
    expect(details.layers.map((layer) => layer.protocol)).toEqual(['Ethernet II', 'IPv6', 'ICMPv6']);
    expect(details.bytes.length).toBe(inbound.length);
    const hopLimit = details.layers[1]!.fields.find((field) => field.name === 'Hop Limit')!;
    expect(details.bytes[hopLimit.offset]).toBe(64);
  });

  it('says a host sent the packets it originated and took the ones addressed to it', () => {
    const { harness, rows } = pinged();
    const sent = rows.find((row) => row.device === 'SRV1' && row.direction === 'tx' && row.summary.includes('Echo (ping) request'))!;
    const taken = rows.find((row) => row.device === 'SRV2' && row.direction === 'rx' && row.summary.includes('Echo (ping) request'))!;
    expect(harness.request('inspect', { seq: sent.seq }).decision).toEqual({ kind: 'sent', device: 'SRV1', iface: 'eth0' });
    expect(harness.request('inspect', { seq: taken.seq }).decision).toEqual({ kind: 'received', device: 'SRV2', iface: 'eth0', multicast: false });
  });

  it('exports one port\'s frames as pcapng', () => {
    const { harness, rows } = pinged();
    const exported = harness.request('export-capture', { device: 'srv2', iface: 'eth0' });
    expect(exported.fileName).toBe('SRV2-eth0.pcapng');
    expect(exported.frameCount).toBe(rows.filter((row) => row.device === 'SRV2' && row.direction !== 'drop').length + 0);
    // Section Header Block type, then the byte-order magic (pcapng section 4.1).
    expect([...exported.bytes.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
    expect([...exported.bytes.subarray(8, 12)]).toEqual([0x4d, 0x3c, 0x2b, 0x1a]);
  });
});
