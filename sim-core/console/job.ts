/**
 * A command whose output arrives over virtual time (ping prints one `!` per reply as the
 * simulation runs). The console sees only this interface: output as it comes, one call when it
 * is over, and a cancel request (Ctrl-C, or Ctrl-Shift-6 on IOS). What drives it — timers of the
 * simulation engine, packets — is the handler's business.
 */

export interface ConsoleJob {
  /** Registers the listener for output text ('\n' line ends); text emitted before registration is kept and delivered. */
  onOutput(listener: (text: string) => void): void;
  /** Registers the listener called once when the job is over (also after a cancel). */
  onDone(listener: () => void): void;
  /** Asks the job to stop; it may still print a summary before it is done. */
  cancel(): void;
}

/** The producer side of a job, for command handlers. */
export interface JobController {
  readonly job: ConsoleJob;
  emit(text: string): void;
  finish(): void;
  /** Called once when the user interrupts; by default the job just finishes. */
  onCancel(handler: () => void): void;
  readonly finished: boolean;
}

/** A job the handler feeds by hand: `emit` text, then `finish`. */
export function createJob(): JobController {
  const pending: string[] = [];
  let outputListener: ((text: string) => void) | undefined;
  let doneListener: (() => void) | undefined;
  let finished = false;
  let doneDelivered = false;
  let cancelHandler: (() => void) | undefined;
  let cancelled = false;
  const deliverDone = (): void => {
    if (finished && doneListener && !doneDelivered) {
      doneDelivered = true;
      doneListener();
    }
  };
  const controller: JobController = {
    job: {
      onOutput(listener) {
        outputListener = listener;
        for (const text of pending.splice(0)) listener(text);
      },
      onDone(listener) {
        doneListener = listener;
        deliverDone();
      },
      cancel() {
        if (finished || cancelled) return;
        cancelled = true;
        if (cancelHandler) cancelHandler();
        else controller.finish();
      },
    },
    emit(text) {
      if (finished) return;
      if (outputListener) outputListener(text);
      else pending.push(text);
    },
    finish() {
      if (finished) return;
      finished = true;
      deliverDone();
    },
    onCancel(handler) {
      cancelHandler = handler;
    },
    get finished() {
      return finished;
    },
  };
  return controller;
}
