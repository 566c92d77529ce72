/**
 * The engine at a realistic queue depth: about 40,000 pending events (a province during address
 * autoconfiguration), the classic "hold" model: every event that runs posts one new event a
 * seeded 1 ns – 1 ms later, so the depth stays put. The same holds run through a bare binary heap
 * written here (keys in Float64Arrays, the payload in an Int32Array, ordered by time then
 * insertion sequence like the engine), with the same delays, and the two must run the events in
 * the same order (a digest of the order is compared). Prints both rates and the engine's ratio to
 * the bare heap (1.0 = as fast as the bare heap), measured alternately in one sitting, in
 * process CPU time (steadier than wall time on a shared machine).
 */
import { createRandom } from '../sim-core/engine/random';
import { Simulator } from '../sim-core/engine/simulator';
import { defineBenchmark, type ReportCase } from './harness';

const DEPTH = 40_000;
const FULL_HOLDS = 1_000_000;
const ROUNDS = 3;

/** CPU seconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export interface DepthRun {
  readonly events: number;
  /** Digest of the order the events ran in (their numbers, mixed). */
  readonly orderDigest: number;
  /** CPU seconds the run took. */
  readonly wallS: number;
}

/** The delays and first times of a run: the same for the engine and the bare heap. */
function plan(holds: number): { readonly start: Float64Array; readonly delays: Float64Array } {
  const random = createRandom(19).derive('engine-depth');
  const start = new Float64Array(DEPTH);
  for (let i = 0; i < DEPTH; i++) start[i] = random.uniformInt(0, 1_000_000);
  const delays = new Float64Array(holds);
  for (let i = 0; i < holds; i++) delays[i] = random.uniformInt(1, 1_000_000);
  return { start, delays };
}

function mix(digest: number, id: number): number {
  return (Math.imul(digest ^ id, 0x9e3779b1) + 0x7f4a7c15) | 0;
}

/** The holds through the simulator (post: no handle, as a frame on a link is posted). */
export function runEngineDepth(holds: number, planned = plan(holds)): DepthRun {
  const sim = new Simulator({ seed: 19 });
  const { start, delays } = planned;
  let posted = 0;
  let digest = 0;
  let nextId = DEPTH;
  const onEvent = (id: number): void => {
    digest = mix(digest, id);
    if (posted < holds) sim.post(sim.nowNs + delays[posted++]!, onEvent, nextId++);
  };
  const begin = cpuSeconds();
  for (let i = 0; i < DEPTH; i++) sim.post(start[i]!, onEvent, i);
  sim.runUntilIdle(Infinity);
  return { events: sim.eventsExecuted, orderDigest: digest, wallS: cpuSeconds() - begin };
}

/** A bare binary min-heap on typed arrays, ordered by (time, sequence): the baseline. */
class BareHeap {
  count = 0;
  times: Float64Array;
  sequences: Float64Array;
  payloads: Int32Array;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.sequences = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  push(time: number, sequence: number, payload: number): void {
    const times = this.times;
    const sequences = this.sequences;
    const payloads = this.payloads;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && sequences[parent]! < sequence)) break;
      times[i] = pt;
      sequences[i] = sequences[parent]!;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    times[i] = time;
    sequences[i] = sequence;
    payloads[i] = payload;
  }

  /** Removes the top (its time and payload are read before). */
  pop(): void {
    const times = this.times;
    const sequences = this.sequences;
    const payloads = this.payloads;
    const last = --this.count;
    if (last === 0) return;
    const lt = times[last]!;
    const ls = sequences[last]!;
    const lp = payloads[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < last) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && sequences[right]! < sequences[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (lt < ct || (lt === ct && ls < sequences[child]!)) break;
      times[i] = ct;
      sequences[i] = sequences[child]!;
      payloads[i] = payloads[child]!;
      i = child;
    }
    times[i] = lt;
    sequences[i] = ls;
    payloads[i] = lp;
  }
}

/** The same holds through the bare heap. */
export function runBareHeap(holds: number, planned = plan(holds)): DepthRun {
  const { start, delays } = planned;
  const heap = new BareHeap(DEPTH + 1);
  let sequence = 0;
  let posted = 0;
  let digest = 0;
  let nextId = DEPTH;
  let events = 0;
  const begin = cpuSeconds();
  for (let i = 0; i < DEPTH; i++) heap.push(start[i]!, sequence++, i);
  while (heap.count > 0) {
    const now = heap.times[0]!;
    const id = heap.payloads[0]!;
    heap.pop();
    events++;
    digest = mix(digest, id);
    if (posted < holds) heap.push(now + delays[posted++]!, sequence++, nextId++);
  }
  return { events, orderDigest: digest, wallS: cpuSeconds() - begin };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default defineBenchmark({
  name: 'engine-depth',
  description: 'hold model at 40,000 pending events: the engine against a bare typed-array binary heap',
  async prepare(): Promise<ReportCase> {
    return {
      kind: 'report',
      run(scale) {
        const holds = Math.max(1000, Math.round(FULL_HOLDS * scale));
        const planned = plan(holds);
        runEngineDepth(Math.min(holds, 100_000), planned); // warm-up
        runBareHeap(Math.min(holds, 100_000), planned);
        const engine: number[] = [];
        const bare: number[] = [];
        for (let round = 0; round < (scale >= 1 ? ROUNDS : 1); round++) {
          const e = runEngineDepth(holds, planned);
          const b = runBareHeap(holds, planned);
          if (e.orderDigest !== b.orderDigest || e.events !== b.events) {
            throw new Error(`engine-depth: the engine ran ${e.events} events in another order than the bare heap (${e.events} vs ${b.events})`);
          }
          engine.push(e.events / e.wallS);
          bare.push(b.events / b.wallS);
        }
        const ratios = engine.map((rate, i) => rate / bare[i]!);
        const rate = (r: number): string => `${(r / 1e6).toFixed(2)} M events/s`;
        return [
          `engine ${rate(median(engine))}   bare heap ${rate(median(bare))}   depth ${DEPTH.toLocaleString('en-US')}   events ${(holds + DEPTH).toLocaleString('en-US')} x ${engine.length}`,
          `engine / bare heap ${median(ratios).toFixed(2)}x (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; target >= 0.80x)`,
        ];
      },
    };
  },
});
