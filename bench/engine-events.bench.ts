/**
 * Engine events per second: a million events through the simulator's queue, shaped like a busy
 * network: 1000 flows each re-arm a next-event timer (1 µs – 1 ms ahead) and most arm a timeout
 * (0.1 – 2 ms) that the flow's next event cancels, so about half of the timers set are cancelled
 * and the heap carries cancelled entries as it does in a real run (ns-3 style cancel by flag).
 */
import { Simulator, type Timer } from '../sim-core/engine/simulator';
import { defineBenchmark, type LongRunCase, type MemoryProbe } from './harness';

const FULL_EVENTS = 1_000_000;
const FLOWS = 1000;

/** Runs until `targetEvents` flow events have executed; returns what the engine did. */
export function runEngineScenario(targetEvents: number, probe?: MemoryProbe): { events: number; simulatedNs: number; timersCancelled: number } {
  const sim = new Simulator({ seed: 42 });
  const random = sim.random.derive('bench');
  const timeouts: (Timer | undefined)[] = new Array(FLOWS).fill(undefined);
  let flowEvents = 0;
  let timersCancelled = 0;
  const onTimeout = (): void => {};
  const onFlowEvent = (flow: number): void => {
    flowEvents++;
    if (probe !== undefined && (flowEvents & 0x3fff) === 0) probe.sample();
    const timeout = timeouts[flow];
    if (timeout !== undefined && timeout.pending) {
      timeout.cancel();
      timersCancelled++;
    }
    if (flowEvents >= targetEvents) return;
    sim.schedule(random.uniformInt(1_000, 1_000_000), onFlowEvent, flow);
    timeouts[flow] = random.nextUint32() % 4 === 0 ? undefined : sim.setTimer(random.uniformInt(100_000, 2_000_000), onTimeout);
  };
  for (let flow = 0; flow < FLOWS; flow++) sim.schedule(flow, onFlowEvent, flow);
  const result = sim.runUntilIdle();
  if (result.status !== 'idle' || flowEvents < targetEvents) {
    throw new Error(`engine benchmark: expected ${targetEvents} flow events and an idle queue, got ${flowEvents} (${result.message})`);
  }
  return { events: sim.eventsExecuted, simulatedNs: sim.nowNs, timersCancelled };
}

export default defineBenchmark({
  name: 'engine-events',
  description: 'schedule and run 1 million simulator events, timers and cancelled timers mixed',
  async prepare(): Promise<LongRunCase> {
    return {
      kind: 'long-run',
      unit: 'events',
      run(scale, probe) {
        const { events, simulatedNs } = runEngineScenario(Math.max(1, Math.round(FULL_EVENTS * scale)), probe);
        return { operations: events, events, simulatedNs };
      },
    };
  },
});
