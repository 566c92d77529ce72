/**
 * Simulation mode's play speed: Play steps once per interval of wall time, and the interval is
 * what the speed control chose (slow 1.6 s, normal 0.8 s, fast 0.25 s).
 */
import { describe, expect, it } from 'vitest';
import { createHostHarness, parseLab, TWO_LANS_LAB } from './host-harness';

/** Steps Play makes in `wallMs` of wall time at `speed`, ticking every 50 ms. */
function stepsIn(speed: string, wallMs: number): number {
  const harness = createHostHarness();
  harness.request('set-mode', { mode: 'simulation' });
  harness.request('load-lab', { lab: parseLab(TWO_LANS_LAB), seed: 3 });
  const clock = harness.request('set-play-speed', { speed: speed as 'normal' });
  expect(clock.mode).toBe('simulation');
  harness.request('set-playing', { playing: true });
  harness.takeEvents();
  let steps = 0;
  for (let ms = 50; ms <= wallMs; ms += 50) {
    harness.setWallMs(ms);
    harness.host.tick();
    for (const event of harness.takeEvents()) if (event.type === 'batch' && event.step !== undefined) steps++;
  }
  return steps;
}

describe('play speed in simulation mode', () => {
  it('steps every 1.6 s slow, 0.8 s normal, 0.25 s fast', () => {
    expect(stepsIn('slow', 4000)).toBe(2);
    expect(stepsIn('normal', 4000)).toBe(5);
    expect(stepsIn('fast', 4000)).toBe(16);
  });

  it('takes a speed it does not know as normal', () => {
    expect(stepsIn('warp', 4000)).toBe(5);
  });
});
