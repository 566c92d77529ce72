/**
 * "Add Simple PDU" in the worker: one echo request from a device to another's address, with no
 * console typed at; in simulation mode its frames come out step by step, the echo reply comes
 * back, and a device without an address of the family is a clear message in both languages.
 */
import { describe, expect, it } from 'vitest';
import { createHostHarness, parseLab, TWO_LANS_LAB, type HostHarness } from './host-harness';

/** TWO_LANS_LAB run 10 s in realtime (addresses settled), then in simulation mode. */
function settled(): HostHarness {
  const harness = createHostHarness();
  harness.request('set-mode', { mode: 'realtime' });
  harness.request('load-lab', { lab: parseLab(TWO_LANS_LAB), seed: 5 });
  harness.setWallMs(10_000);
  harness.host.tick();
  harness.request('set-mode', { mode: 'simulation' });
  harness.takeRows();
  return harness;
}

describe('Add Simple PDU', () => {
  it('SRV1 → SRV2 over IPv6: the echo request crosses R1 and the reply comes back, one step at a time', () => {
    const harness = settled();
    const reply = harness.request('send-pdu', { from: 'SRV1', to: 'SRV2', family: 6 });
    expect(reply).toEqual({ sent: true, destination: '2001:db8:2::20' });
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const step = harness.request('step-forward', { classes: ['ICMPv6'] });
      if (!step.stepped) break;
      for (const row of harness.takeRows()) if (row.frameClass === 'ICMPv6' && row.summary.includes('Echo')) seen.push(`${row.device} ${row.direction} ${row.summary.includes('reply') ? 'reply' : 'request'}`);
      if (seen.some((entry) => entry.startsWith('SRV1 rx reply'))) break;
    }
    expect(seen[0]).toBe('SRV1 tx request');
    expect(seen).toContain('R1 rx request');
    expect(seen).toContain('SRV2 rx request');
    expect(seen).toContain('SRV2 tx reply');
    expect(seen[seen.length - 1]).toBe('SRV1 rx reply');
    // Nothing was typed at a console.
    expect(harness.takeConsole('SRV1')).toBe('');
  });

  it('over IPv4 to a device without an IPv4 address: nothing is sent, and it says why in both languages', () => {
    const harness = settled();
    const reply = harness.request('send-pdu', { from: 'SRV1', to: 'SRV2', family: 4 });
    expect(reply).toEqual({
      sent: false,
      problem: { en: 'SRV2 has no IPv4 address yet: nothing to send the IPv4 PDU to.', vi: 'SRV2 chưa có địa chỉ IPv4: không có đích để gửi PDU IPv4.' },
    });
    expect(harness.request('step-forward', { classes: ['ICMP'] }).stepped).toBe(false);
  });

  it('step back and forward again sends the same PDU again (it is replayed like console input)', () => {
    const harness = settled();
    harness.request('send-pdu', { from: 'SRV1', to: 'SRV2', family: 6 });
    // What SRV1 sends at once (its neighbour solicitation for the router) is before the first step.
    harness.takeRows();
    harness.request('step-forward', { classes: ['ICMPv6'] });
    const first = harness.takeRows().map((row) => `${row.seq} ${row.device} ${row.summary}`);
    expect(first.some((row) => row.includes('Echo (ping) request'))).toBe(true);
    harness.request('step-forward', { classes: ['ICMPv6'] });
    harness.request('step-back', null);
    harness.request('step-back', null);
    harness.takeRows();
    harness.request('step-forward', { classes: ['ICMPv6'] });
    expect(harness.takeRows().map((row) => `${row.seq} ${row.device} ${row.summary}`)).toEqual(first);
  });
});
