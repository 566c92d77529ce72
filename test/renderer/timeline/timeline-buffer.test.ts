/**
 * The event list's rows outside React (batches append, replays cut back, a cap keeps memory
 * bounded) and the envelopes a step draws on the links.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../../sim-core/lab/lab-document';
import type { TraceRow } from '../../../renderer/sim/sim-protocol';
import { filterRows, TimelineBuffer } from '../../../renderer/sim/timeline-buffer';
import { envelopesFor, peerOf } from '../../../renderer/timeline/packet-overlay';
import { shortInterfaceName } from '../../../renderer/timeline/event-list';
import { formatClock, formatEventTime } from '../../../renderer/timeline/time-format';
import { parseLab } from '../sim/host-harness';

function row(seq: number, patch: Partial<TraceRow> = {}): TraceRow {
  return { seq, timeNs: seq * 1000, device: 'R1', iface: 'GigabitEthernet0/0', direction: 'tx', frameClass: 'NDP', summary: 'ICMPv6: x', length: 86, reason: null, ...patch };
}

describe('TimelineBuffer', () => {
  it('appends a batch with one version bump and one notification', () => {
    const buffer = new TimelineBuffer();
    let notified = 0;
    buffer.subscribe(() => notified++);
    buffer.append([row(0), row(1), row(2)], 0, { firstSeq: 1, endSeq: 3 });
    expect([buffer.size, buffer.version, notified]).toEqual([3, 1, 1]);
    expect(buffer.lastStep).toEqual({ firstSeq: 1, endSeq: 3 });
    buffer.append([]);
    expect(notified).toBe(1);
  });

  it('a replay cuts the rows from the kept seq on', () => {
    const buffer = new TimelineBuffer();
    buffer.append([0, 1, 2, 3, 4].map((seq) => row(seq)));
    buffer.truncate(3);
    expect(buffer.all().map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(buffer.lastStep).toBeNull();
  });

  it('keeps at most its cap, newest last, and still finds rows by seq', () => {
    const buffer = new TimelineBuffer(4);
    buffer.append([0, 1, 2, 3, 4, 5].map((seq) => row(seq)), 7);
    expect(buffer.all().map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    expect(buffer.omitted).toBe(7);
    expect(buffer.find(4)?.seq).toBe(4);
    expect(buffer.find(1)).toBeUndefined();
  });

  it('the filter hides whole protocol classes', () => {
    expect(filterRows([row(0), row(1, { frameClass: 'ICMPv6' }), row(2, { frameClass: 'STP' })], ['NDP', 'STP']).map((r) => r.seq)).toEqual([1]);
  });
});

describe('envelopes of a step', () => {
  const lab: Lab = parseLab(`
version: 1
devices:
  - name: R1
    kind: router
  - name: PC1
    kind: pc
links:
  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]
`);

  it('a sent frame moves toward the device at the other end of its link; received ones rest; drops are crosses', () => {
    expect(peerOf(lab, 'R1', 'GigabitEthernet0/0')).toBe('PC1');
    expect(peerOf(lab, 'PC1', 'Ethernet0')).toBe('R1');
    expect(peerOf(lab, 'R1', 'GigabitEthernet0/1')).toBeUndefined();
    const envelopes = envelopesFor([row(0), row(1, { device: 'PC1', iface: 'Ethernet0', direction: 'rx' }), row(2, { direction: 'drop', reason: 'no-route' }), row(3, { frameClass: 'STP' })], lab, ['STP']);
    expect(envelopes.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['moving', 'R1', 'PC1'],
      ['resting', 'PC1', 'PC1'],
      ['dropped', 'R1', 'R1'],
    ]);
  });
});

describe('time and names as the timeline prints them', () => {
  it('clock h:mm:ss.mmm and event times in seconds with microseconds', () => {
    expect(formatClock(3_723_456_000_000)).toBe('1:02:03.456');
    expect(formatEventTime(12_004_396_123)).toBe('12.004396');
  });

  it('short IOS interface names keep the number', () => {
    expect(['GigabitEthernet0/1', 'FastEthernet0/0', 'TenGigabitEthernet1/0/1', 'eth0', 'Ethernet0'].map(shortInterfaceName)).toEqual(['Gi0/1', 'Fa0/0', 'Te1/0/1', 'eth0', 'Ethernet0']);
  });
});
