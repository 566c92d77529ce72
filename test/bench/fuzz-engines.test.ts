/**
 * The fuzz engines of `npm run fuzz`, run small and seeded in `npm test` (issue 17): mutated frames
 * into every device kind's ports, random lines in every mode of every console dialect, mutated lab
 * and scenario files through the loaders. Nothing may throw; each engine must also really reach
 * its target (frames dropped and answered, console errors printed, files refused and accepted),
 * so a broken engine cannot pass by doing nothing. A failure prints the input that replays it.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_MODES, FuzzRandom, fuzzConsoles, fuzzFiles, fuzzFrames, mutateFrame, type FuzzReport } from '../../bench/fuzz/fuzz-engines';
import { DEVICE_KINDS } from '../../sim-core/devices/catalog';
import { loadLab } from '../../sim-core/lab/load-lab';
import { FUZZ_LAB } from '../../bench/fuzz/fuzz-engines';

function expectNoException(report: FuzzReport): void {
  expect(report.firstException, report.firstException === undefined ? '' : `${report.firstException.message}\ninput: ${report.firstException.input.slice(0, 4000)}`).toBeUndefined();
  expect(report.exceptions).toBe(0);
}

describe('fuzzing (seeded, bounded)', () => {
  it('the fuzz lab holds every device kind, and the console modes cover every dialect', () => {
    const loaded = loadLab(FUZZ_LAB, 'fuzz.v6lab.yaml');
    expect(loaded.ok && [...new Set(loaded.lab.devices.map((d) => d.kind))].sort()).toEqual([...DEVICE_KINDS].sort());
    const devices = new Set(CONSOLE_MODES.map((mode) => mode.device));
    expect([...devices].sort()).toEqual(['AP1', 'CORE', 'PC1', 'PC2', 'R1', 'SRV1', 'SW1']);
    expect(CONSOLE_MODES.length).toBeGreaterThanOrEqual(20);
  });

  it('frame mutation is seeded: the same seed gives the same frames', () => {
    const corpus = [Uint8Array.from({ length: 60 }, (_, i) => i)];
    const a = new FuzzRandom(9);
    const b = new FuzzRandom(9);
    for (let i = 0; i < 50; i++) expect(mutateFrame(a, corpus)).toEqual(mutateFrame(b, corpus));
  });

  it('60,000 mutated frames into the ports of every device kind: no exception, malformed ones counted as drops', () => {
    const report = fuzzFrames(60_000, 1);
    expectNoException(report);
    expect(report.problems).toBeGreaterThan(1000);
  }, 60_000);

  it('8,000 random lines in every mode of IOS (router, L3 switch, switch, access point), Windows cmd and Linux bash: no exception', () => {
    const report = fuzzConsoles(8_000, 17);
    expectNoException(report);
    expect(report.inputs).toBe(8_000);
    expect(report.problems).toBeGreaterThan(500);
    expect(report.problems).toBeLessThan(8_000);
  }, 60_000);

  it('400 mutated lab and scenario files through the loaders (accepted labs booted): no exception', () => {
    const report = fuzzFiles(400, 17);
    expectNoException(report);
    expect(report.problems).toBeGreaterThan(50);
    expect(report.problems).toBeLessThan(400);
  }, 60_000);
});
