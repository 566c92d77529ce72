/**
 * The autosave schedule with fake timers: written soon after an edit (2 s quiet), never more
 * than 5 s after the first unsaved edit however fast the edits come, a failed write retried
 * until it succeeds, one write at a time, nothing on a fixed clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_TIMING, startAutosaveSchedule } from '../../../renderer/files/autosave-schedule';

let edit: () => void;
let writes: number[];
let failNext: number;
let writeDurationMs: number;
let inFlight: number;
let maxInFlight: number;
let errors: unknown[];

function start(): () => void {
  return startAutosaveSchedule({
    save: async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (writeDurationMs > 0) await new Promise((resolve) => setTimeout(resolve, writeDurationMs));
        if (failNext > 0) {
          failNext--;
          throw new Error('ENOSPC: no space left on device');
        }
        writes.push(Date.now());
        return true;
      } finally {
        inFlight--;
      }
    },
    onEdit: (listener) => {
      edit = listener;
      return () => {
        edit = () => undefined;
      };
    },
    onError: (error) => errors.push(error),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  writes = [];
  failNext = 0;
  writeDurationMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  errors = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave schedule', () => {
  it('uses 2 s of quiet, at most 5 s of delay, and a 5 s retry', () => {
    expect(AUTOSAVE_TIMING).toEqual({ quietMs: 2_000, maxDelayMs: 5_000, retryMs: 5_000 });
  });

  it('writes 2 s after a single edit, not before', async () => {
    start();
    edit();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([2_000]);
  });

  it('writes a burst of edits once, 2 s after the last one', async () => {
    start();
    for (let i = 0; i < 4; i++) {
      edit();
      await vi.advanceTimersByTimeAsync(500);
    }
    // Last edit at 1500 ms.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(writes).toEqual([3_500]);
  });

  it('under a steady stream of edits still writes every 5 s (at most 5 s of work lost)', async () => {
    start();
    for (let t = 0; t < 20_000; t += 1_000) {
      edit();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(writes).toEqual([5_000, 10_000, 15_000, 20_000]);
  });

  it('writes nothing without edits: no fixed clock', async () => {
    start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(writes).toEqual([]);
  });

  it('retries a failed write every 5 s until it succeeds, then stops', async () => {
    start();
    failNext = 2;
    edit();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(errors).toHaveLength(2);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toEqual([12_000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(writes).toEqual([12_000]);
  });

  it('runs one write at a time; edits made during a write are written right after it', async () => {
    writeDurationMs = 4_000;
    start();
    edit();
    await vi.advanceTimersByTimeAsync(2_000); // write starts, ends at 6000
    edit();
    await vi.advanceTimersByTimeAsync(2_000); // quiet time over at 4000, while writing
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(writes).toEqual([6_000]);
    await vi.advanceTimersByTimeAsync(4_000); // the second write, started at 6000
    expect(writes).toEqual([6_000, 10_000]);
    expect(maxInFlight).toBe(1);
  });

  it('stops writing once stopped', async () => {
    const stop = start();
    edit();
    stop();
    edit();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(writes).toEqual([]);
  });
});
