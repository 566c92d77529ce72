import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Simulator } from '../../../sim-core/engine/simulator';
import { msToNs, secondsToNs } from '../../../sim-core/engine/time';

describe('event ordering (ns-3 scheduler: time, then insertion sequence)', () => {
  it('events at equal times run in insertion order', () => {
    const sim = new Simulator({ seed: 1 });
    const order: number[] = [];
    for (let i = 0; i < 10; i++) sim.schedule(100, () => order.push(i));
    sim.runUntilIdle();
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a zero-delay event scheduled by a running event runs after those already queued for now', () => {
    const sim = new Simulator({ seed: 1 });
    const order: string[] = [];
    sim.schedule(5, () => {
      order.push('a');
      sim.schedule(0, () => order.push('c'));
    });
    sim.schedule(5, () => order.push('b'));
    sim.runUntilIdle();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('time never goes back, whatever order events are scheduled in (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 200 }), (delays) => {
        const sim = new Simulator({ seed: 7 });
        const seen: number[] = [];
        for (const delay of delays) sim.schedule(delay, () => seen.push(sim.nowNs));
        sim.runUntilIdle();
        expect(seen).toHaveLength(delays.length);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
        expect(seen).toEqual([...delays].sort((a, b) => a - b));
      }),
    );
  });

  it('an event passes its argument to the callback', () => {
    const sim = new Simulator({ seed: 1 });
    let got = '';
    sim.schedule(1, (text: string) => (got = text), 'frame');
    sim.step();
    expect(got).toBe('frame');
    expect(sim.nowNs).toBe(1);
  });
});

describe('timers', () => {
  it('a cancelled timer never fires', () => {
    const sim = new Simulator({ seed: 1 });
    let fired = false;
    const timer = sim.setTimer(msToNs(10), () => (fired = true));
    expect(timer.pending).toBe(true);
    timer.cancel();
    expect(timer.pending).toBe(false);
    const result = sim.runUntilIdle();
    expect(fired).toBe(false);
    expect(result.status).toBe('idle');
    expect(result.eventsRun).toBe(0);
  });

  it('a timer cancelled by an earlier event at the same time never fires', () => {
    const sim = new Simulator({ seed: 1 });
    let fired = false;
    const later = { timer: sim.setTimer(0, () => undefined) };
    sim.schedule(100, () => later.timer.cancel());
    later.timer = sim.setTimer(100, () => (fired = true));
    sim.runUntilIdle();
    expect(fired).toBe(false);
  });

  it('scheduling in the past is a bug and throws', () => {
    const sim = new Simulator({ seed: 1 });
    sim.schedule(10, () => undefined);
    sim.runUntilIdle();
    expect(() => sim.scheduleAt(5, () => undefined, undefined)).toThrow(RangeError);
    expect(() => sim.schedule(-1, () => undefined)).toThrow(RangeError);
  });
});

describe('runs', () => {
  it('runUntil runs events due at or before t and leaves the clock at t', () => {
    const sim = new Simulator({ seed: 1 });
    const fired: number[] = [];
    sim.schedule(10, () => fired.push(10));
    sim.schedule(20, () => fired.push(20));
    sim.schedule(21, () => fired.push(21));
    const result = sim.runUntil(20);
    expect(fired).toEqual([10, 20]);
    expect(result.status).toBe('time-reached');
    expect(sim.nowNs).toBe(20);
    expect(sim.runUntilIdle().status).toBe('idle');
    expect(fired).toEqual([10, 20, 21]);
  });

  it('runUntil advances the clock to t even when the queue empties earlier', () => {
    const sim = new Simulator({ seed: 1 });
    sim.schedule(10, () => undefined);
    const result = sim.runUntil(1_000);
    expect(result.status).toBe('time-reached');
    expect(sim.nowNs).toBe(1_000);
    expect(sim.runFor(500).nowNs).toBe(1_500);
  });

  it('a run that exceeds its event budget stops and says why instead of freezing', () => {
    const sim = new Simulator({ seed: 1, eventBudget: 1000 });
    const storm = (): void => {
      sim.schedule(1, storm);
      sim.schedule(1, storm);
    };
    sim.schedule(0, storm);
    const result = sim.runUntil(secondsToNs(10));
    expect(result.status).toBe('budget-exhausted');
    expect(result.eventsRun).toBe(1000);
    expect(result.message).toMatch(/broadcast storm or a routing loop/);
    expect(sim.nowNs).toBeLessThan(secondsToNs(10));
  });

  it('a module can stop the run with a reason and details', () => {
    const sim = new Simulator({ seed: 1 });
    sim.schedule(5, () => sim.stop('broadcast storm on SW1 Gi1/0/1', { ports: ['SW1:Gi1/0/1'] }));
    sim.schedule(6, () => undefined);
    const result = sim.runUntilIdle();
    expect(result.status).toBe('stopped');
    expect(result.message).toBe('broadcast storm on SW1 Gi1/0/1');
    expect(result.detail).toEqual({ ports: ['SW1:Gi1/0/1'] });
    expect(sim.nowNs).toBe(5);
    expect(sim.runUntilIdle().status).toBe('idle');
  });

  it('a simulator without a seed is refused', () => {
    expect(() => new Simulator(undefined as never)).toThrow(/seed/);
  });
});
