/**
 * When the autosave is written: soon after each edit, not on a fixed clock. An edit starts a
 * short quiet wait (`quietMs`, 2 s) that each further edit restarts, so a burst of typing is
 * written once; a steady stream of edits is still written `maxDelayMs` (5 s) after the first
 * unsaved one, so a kill loses at most about 5 s of work. A write that fails is retried after
 * `retryMs` until one succeeds; only one write runs at a time, and edits made during a write
 * are written after it.
 *
 * `save` is FileCommands.autosaveNow: it writes when the lab changed since the last successful
 * autosave and marks that revision saved only once the write succeeded.
 *
 * Leaves out: writing when the window closes (closing with unsaved changes asks first).
 */

export interface AutosaveTiming {
  /** Quiet time after the last edit before writing. */
  readonly quietMs: number;
  /** Longest time an unsaved edit waits, however often the lab keeps changing. */
  readonly maxDelayMs: number;
  /** Wait before trying a failed write again. */
  readonly retryMs: number;
}

export const AUTOSAVE_TIMING: AutosaveTiming = { quietMs: 2_000, maxDelayMs: 5_000, retryMs: 5_000 };

export interface AutosaveScheduleOptions {
  /** Writes the autosave if needed; resolves true when it wrote, false when there was nothing to write; rejects when the write failed. */
  readonly save: () => Promise<boolean>;
  /** Calls the listener after each edit of the lab; returns a function that stops listening. */
  readonly onEdit: (listener: () => void) => () => void;
  readonly timing?: AutosaveTiming;
  /** Told about each failed write (it is retried). */
  readonly onError?: (error: unknown) => void;
}

/** Starts the schedule; returns a function that stops it (a write under way still finishes). */
export function startAutosaveSchedule(options: AutosaveScheduleOptions): () => void {
  const timing = options.timing ?? AUTOSAVE_TIMING;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let dueWhileWriting = false;
  let stopped = false;

  const clearTimers = () => {
    clearTimeout(quietTimer);
    clearTimeout(deadlineTimer);
    quietTimer = undefined;
    deadlineTimer = undefined;
  };

  /** Writes at `quietMs` after now or at the pending deadline, whichever comes first. */
  const schedule = (quietMs: number, maxDelayMs: number) => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(run, quietMs);
    deadlineTimer ??= setTimeout(run, maxDelayMs);
  };

  async function run(): Promise<void> {
    if (stopped) return;
    clearTimers();
    if (writing) {
      dueWhileWriting = true;
      return;
    }
    writing = true;
    let failed = false;
    try {
      await options.save();
    } catch (error) {
      failed = true;
      options.onError?.(error);
    } finally {
      writing = false;
    }
    const due = dueWhileWriting;
    dueWhileWriting = false;
    if (stopped) return;
    if (failed) schedule(timing.retryMs, timing.retryMs);
    else if (due) await run();
  }

  const stopListening = options.onEdit(() => {
    if (!stopped) schedule(timing.quietMs, timing.maxDelayMs);
  });
  return () => {
    stopped = true;
    clearTimers();
    stopListening();
  };
}
