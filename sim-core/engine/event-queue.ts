/**
 * The pending-event set: a binary min-heap ordered by (time, insertion sequence), as ns-3's
 * `core/model/scheduler.h` orders events. Two events at the same time run in the order they
 * were scheduled. Cancelling only sets a flag (ns-3 style): the event stays in the heap and is
 * skipped when it reaches the top, so cancel is O(1) and the heap never needs a search.
 * Leaves out: calendar queues and other schedulers; a heap is enough at our sizes.
 */
import type { TimeNs } from './time';

/** One scheduled call: `callback(argument)` at `timeNs`. Kept by the caller to cancel it. */
export class ScheduledEvent<A = unknown> {
  /** Set by `cancel()`; a cancelled event is dropped when it comes up and never runs. */
  cancelled = false;
  /** Set once the event ran (or was skipped after cancel). */
  done = false;

  constructor(
    readonly timeNs: TimeNs,
    readonly sequence: number,
    readonly callback: (argument: A) => void,
    readonly argument: A,
  ) {}

  /** Stops the event from running. Cancelling twice, or after it ran, does nothing. */
  cancel(): void {
    this.cancelled = true;
  }

  /** True while the event is still due to run. */
  get pending(): boolean {
    return !this.cancelled && !this.done;
  }
}

function before(a: ScheduledEvent<never>, b: ScheduledEvent<never>): boolean {
  return a.timeNs < b.timeNs || (a.timeNs === b.timeNs && a.sequence < b.sequence);
}

/** A min-heap of events by (time, sequence). */
export class EventQueue {
  private readonly heap: ScheduledEvent<never>[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(event: ScheduledEvent<never>): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  /** The earliest event without removing it (cancelled ones included). */
  peek(): ScheduledEvent<never> | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest event (cancelled ones included). */
  pop(): ScheduledEvent<never> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Pops cancelled events off the top, so `peek()` shows the next event that will run. */
  discardCancelledTop(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop()!.done = true;
  }

  clear(): void {
    this.heap.length = 0;
  }
}
