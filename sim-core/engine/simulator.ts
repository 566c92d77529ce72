/**
 * The discrete-event simulator: virtual time in integer nanoseconds, the event queue, timers,
 * the seeded generator and the trace. `step()` runs one event; `runUntil(t)` and
 * `runUntilIdle()` run many, within an event budget: a runaway network (broadcast storm,
 * routing loop) ends the run with a reported reason instead of freezing the app. A module can
 * also end the run itself with `stop(reason)` (storm detection does).
 * Follows ns-3's Simulator::Schedule/Run/Stop semantics. Leaves out: real-time pacing (the app
 * paces by calling runUntil in slices) and parallel execution.
 */
import { EventQueue, ScheduledEvent } from './event-queue';
import { createRandom, type SeededRandom } from './random';
import type { TimeNs } from './time';
import { formatTimeNs } from './format-time';
import { TraceSink, type TraceOptions } from './trace';

export interface SimulatorOptions {
  /** Seed of every random choice in the run. Required: runs are replayable by construction. */
  readonly seed: number;
  /** Most events a single run call may execute before it stops (default 50 million). */
  readonly eventBudget?: number;
  readonly trace?: TraceOptions;
}

/** Why a run call returned. */
export type RunStatus =
  /** No event left. */
  | 'idle'
  /** The requested time was reached (events after it remain queued). */
  | 'time-reached'
  /** The event budget ran out: probably a storm or a loop. */
  | 'budget-exhausted'
  /** A module called `stop()`. */
  | 'stopped';

export interface RunResult {
  readonly status: RunStatus;
  /** Events executed by this call. */
  readonly eventsRun: number;
  readonly nowNs: TimeNs;
  /** One sentence for a person, e.g. why a run stopped. */
  readonly message: string;
  /** What the module that stopped the run reported (e.g. the ports of a loop). */
  readonly detail?: unknown;
}

/** What a timer's owner keeps to cancel it. */
export interface Timer {
  cancel(): void;
  readonly pending: boolean;
  readonly timeNs: TimeNs;
}

export const DEFAULT_EVENT_BUDGET = 50_000_000;

export class Simulator {
  private time: TimeNs = 0;
  private sequence = 0;
  private readonly queue = new EventQueue();
  private stopRequest: { message: string; detail?: unknown } | null = null;
  readonly seed: number;
  readonly random: SeededRandom;
  readonly trace: TraceSink;
  readonly eventBudget: number;
  /** Events executed since the start. */
  eventsExecuted = 0;

  constructor(options: SimulatorOptions) {
    if (options === undefined || typeof options.seed !== 'number') throw new TypeError('Simulator needs a seed');
    this.seed = options.seed;
    this.random = createRandom(options.seed);
    this.trace = new TraceSink(options.trace);
    this.eventBudget = options.eventBudget ?? DEFAULT_EVENT_BUDGET;
  }

  /** The current virtual time. */
  get nowNs(): TimeNs {
    return this.time;
  }

  /** Events still queued (cancelled ones not yet popped included). */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /**
   * Calls `callback(argument)` after `delayNs` (a non-negative integer; 0 runs after every event
   * already queued for now). Passing the argument instead of closing over it saves an
   * allocation per frame on hot paths.
   */
  schedule<A>(delayNs: number, callback: (argument: A) => void, argument: A): ScheduledEvent<A>;
  schedule(delayNs: number, callback: () => void): ScheduledEvent<undefined>;
  schedule<A>(delayNs: number, callback: (argument: A) => void, argument?: A): ScheduledEvent<A | undefined> {
    if (!(delayNs >= 0)) throw new RangeError(`schedule: delay must be >= 0 ns, got ${delayNs}`);
    return this.scheduleAt(this.time + Math.round(delayNs), callback as (argument: A | undefined) => void, argument);
  }

  /** Calls `callback(argument)` at absolute time `timeNs` (not in the past). */
  scheduleAt<A>(timeNs: TimeNs, callback: (argument: A) => void, argument: A): ScheduledEvent<A> {
    if (!(timeNs >= this.time)) throw new RangeError(`scheduleAt: ${timeNs} ns is before now (${this.time} ns)`);
    const event = new ScheduledEvent(Math.round(timeNs), this.sequence++, callback, argument);
    this.queue.push(event.timeNs, event.sequence, callback as (argument: never) => void, argument, event as unknown as ScheduledEvent<never>);
    return event;
  }

  /**
   * Calls `callback(argument)` at absolute time `timeNs` (an integer, not in the past), like
   * `scheduleAt` but with no handle to cancel it: nothing is allocated, for the hottest paths
   * (a frame on a link).
   */
  post<A>(timeNs: TimeNs, callback: (argument: A) => void, argument: A): void {
    if (!(timeNs >= this.time) || !Number.isInteger(timeNs)) throw new RangeError(`post: ${timeNs} ns is before now (${this.time} ns) or not whole`);
    this.queue.push(timeNs, this.sequence++, callback as (argument: never) => void, argument, null);
  }

  /** A cancellable timer (same as schedule, typed as a Timer). */
  setTimer(delayNs: number, callback: () => void): Timer {
    return this.schedule(delayNs, callback);
  }

  /** Ends the current run after the event that is running; the run reports `message`. */
  stop(message: string, detail?: unknown): void {
    if (this.stopRequest === null) this.stopRequest = { message, detail };
  }

  /** Runs the next event, if any (skipping cancelled ones). Returns false when there was none. */
  step(): boolean {
    const queue = this.queue;
    for (;;) {
      const time = queue.peekTime();
      const slot = queue.popSlot();
      if (slot < 0) return false;
      const handle = queue.handleOf(slot);
      if (handle !== null) {
        handle.done = true;
        if (handle.cancelled) {
          queue.release(slot);
          continue;
        }
      }
      const callback = queue.callbackOf(slot) as (argument: unknown) => void;
      const argument = queue.argumentOf(slot);
      queue.release(slot);
      this.time = time;
      this.eventsExecuted++;
      callback(argument);
      return true;
    }
  }

  /** Runs the earliest event, known to be due at `timeNs` and not cancelled (run's inner step). */
  private runTop(timeNs: TimeNs): void {
    const queue = this.queue;
    const slot = queue.popSlot();
    const handle = queue.handleOf(slot);
    if (handle !== null) handle.done = true;
    const callback = queue.callbackOf(slot) as (argument: unknown) => void;
    const argument = queue.argumentOf(slot);
    queue.release(slot);
    this.time = timeNs;
    this.eventsExecuted++;
    callback(argument);
  }

  /** Runs every event due at or before `timeNs`, then sets the clock to `timeNs` (even when idle before it). */
  runUntil(timeNs: TimeNs, budget = this.eventBudget): RunResult {
    if (timeNs < this.time) throw new RangeError(`runUntil: ${timeNs} ns is before now (${this.time} ns)`);
    return this.run(timeNs, budget);
  }

  /** Runs for `durationNs` of virtual time from now. */
  runFor(durationNs: number, budget = this.eventBudget): RunResult {
    return this.runUntil(this.time + Math.round(durationNs), budget);
  }

  /** Runs until no event is left (periodic protocols never let that happen: prefer runUntil). */
  runUntilIdle(budget = this.eventBudget): RunResult {
    return this.run(Infinity, budget);
  }

  private run(limitNs: number, budget: number): RunResult {
    this.stopRequest = null;
    let eventsRun = 0;
    for (;;) {
      if (this.stopRequest !== null) {
        const request: { message: string; detail?: unknown } = this.stopRequest;
        this.stopRequest = null;
        return { status: 'stopped', eventsRun, nowNs: this.time, message: request.message, detail: request.detail };
      }
      this.queue.discardCancelledTop();
      const nextTimeNs = this.queue.peekTime();
      if (this.queue.size === 0 && limitNs === Infinity) {
        return { status: 'idle', eventsRun, nowNs: this.time, message: `no more events at ${formatTimeNs(this.time)}` };
      }
      if (this.queue.size === 0 || nextTimeNs > limitNs) {
        this.time = limitNs;
        return { status: 'time-reached', eventsRun, nowNs: this.time, message: `reached ${formatTimeNs(limitNs)}` };
      }
      if (eventsRun >= budget) {
        return {
          status: 'budget-exhausted',
          eventsRun,
          nowNs: this.time,
          message:
            `stopped after ${eventsRun} events at ${formatTimeNs(this.time)}: the event budget ran out, ` +
            'so the network is probably in a broadcast storm or a routing loop',
        };
      }
      this.runTop(nextTimeNs);
      eventsRun++;
    }
  }
}
