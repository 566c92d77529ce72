/**
 * The pending-event set: a binary min-heap ordered by (time, insertion sequence), as ns-3's
 * `core/model/scheduler.h` orders events. Two events at the same time run in the order they
 * were scheduled. Cancelling only sets a flag (ns-3 style): the event stays in the heap and is
 * skipped when it reaches the top, so cancel is O(1) and the heap never needs a search.
 *
 * Laid out for speed, as a heap of preallocated entries: the heap itself holds only keys (time
 * and sequence in Float64Arrays) and the number of an entry slot (Int32Array), so sifting moves
 * numbers, never objects; the slot holds the callback, its argument and, for events a caller
 * may cancel, the `ScheduledEvent` handle, side by side in one array (one cache line per event
 * run). Freed slots are reused from a typed-array stack. An event posted without a
 * handle (a frame on a link) allocates nothing.
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

type Callback = (argument: never) => void;

const INITIAL_CAPACITY = 1024;

/** A min-heap of events by (time, sequence). */
export class EventQueue {
  private count = 0;
  private heapTime = new Float64Array(INITIAL_CAPACITY);
  private heapSequence = new Float64Array(INITIAL_CAPACITY);
  private heapSlot = new Int32Array(INITIAL_CAPACITY);
  // Entry slots, three words a slot (callback, argument, handle) side by side, so running an
  // event reads one place in memory rather than three arrays.
  private entries: unknown[] = [];
  private slotCount = 0;
  // Free slot numbers, a stack on a typed array (no array push/pop per event).
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;

  get size(): number {
    return this.count;
  }

  /** Queues `callback(argument)` at (`timeNs`, `sequence`); `handle` is what a caller cancels, if any. */
  push(timeNs: TimeNs, sequence: number, callback: Callback, argument: unknown, handle: ScheduledEvent<never> | null): void {
    let slot: number;
    const entries = this.entries;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount]!;
      const at = 3 * slot;
      entries[at] = callback;
      entries[at + 1] = argument;
      entries[at + 2] = handle;
    } else {
      slot = this.slotCount++;
      entries.push(callback, argument, handle);
    }
    if (this.count === this.heapTime.length) this.grow();
    const times = this.heapTime;
    const sequences = this.heapSequence;
    const slots = this.heapSlot;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < timeNs || (parentTime === timeNs && sequences[parent]! < sequence)) break;
      times[i] = parentTime;
      sequences[i] = sequences[parent]!;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = timeNs;
    sequences[i] = sequence;
    slots[i] = slot;
  }

  /** Time of the earliest event (cancelled ones included); Infinity when empty. */
  peekTime(): TimeNs {
    return this.count === 0 ? Infinity : this.heapTime[0]!;
  }

  /** True when the earliest event was cancelled (false when empty). */
  topCancelled(): boolean {
    if (this.count === 0) return false;
    const handle = this.entries[3 * this.heapSlot[0]! + 2] as ScheduledEvent<never> | null;
    return handle !== null && handle.cancelled;
  }

  /**
   * Removes the earliest event and returns its slot number; its callback, argument and handle
   * stay readable through `callbackOf`/`argumentOf`/`handleOf` until `release(slot)`.
   * Returns -1 when empty.
   */
  popSlot(): number {
    const n = this.count;
    if (n === 0) return -1;
    const times = this.heapTime;
    const sequences = this.heapSequence;
    const slots = this.heapSlot;
    const top = slots[0]!;
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      const lastTime = times[last]!;
      const lastSequence = sequences[last]!;
      const lastSlot = slots[last]!;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= last) break;
        let child = left;
        let childTime = times[left]!;
        const right = left + 1;
        if (right < last) {
          const rightTime = times[right]!;
          if (rightTime < childTime || (rightTime === childTime && sequences[right]! < sequences[left]!)) {
            child = right;
            childTime = rightTime;
          }
        }
        if (lastTime < childTime || (lastTime === childTime && lastSequence < sequences[child]!)) break;
        times[i] = childTime;
        sequences[i] = sequences[child]!;
        slots[i] = slots[child]!;
        i = child;
      }
      times[i] = lastTime;
      sequences[i] = lastSequence;
      slots[i] = lastSlot;
    }
    return top;
  }

  callbackOf(slot: number): Callback {
    return this.entries[3 * slot] as Callback;
  }

  argumentOf(slot: number): unknown {
    return this.entries[3 * slot + 1];
  }

  handleOf(slot: number): ScheduledEvent<never> | null {
    return this.entries[3 * slot + 2] as ScheduledEvent<never> | null;
  }

  /** Frees a popped slot for reuse (and lets its callback and argument be collected). */
  release(slot: number): void {
    const at = 3 * slot;
    const entries = this.entries;
    entries[at] = undefined;
    entries[at + 1] = undefined;
    entries[at + 2] = null;
    if (this.freeCount === this.freeSlots.length) {
      const grown = new Int32Array(this.freeSlots.length * 2);
      grown.set(this.freeSlots);
      this.freeSlots = grown;
    }
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Pops cancelled events off the top, so `peekTime()` shows the next event that will run. */
  discardCancelledTop(): void {
    while (this.topCancelled()) {
      const slot = this.popSlot();
      this.handleOf(slot)!.done = true;
      this.release(slot);
    }
  }

  clear(): void {
    this.count = 0;
    this.entries = [];
    this.slotCount = 0;
    this.freeCount = 0;
  }

  private grow(): void {
    const capacity = this.heapTime.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.heapTime);
    const sequences = new Float64Array(capacity);
    sequences.set(this.heapSequence);
    const slots = new Int32Array(capacity);
    slots.set(this.heapSlot);
    this.heapTime = times;
    this.heapSequence = sequences;
    this.heapSlot = slots;
  }
}
