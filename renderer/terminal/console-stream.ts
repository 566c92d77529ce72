/**
 * One device's console output for a terminal view: the transcript the worker returns on
 * `console-open` (everything the console printed so far, the first prompt included), then only
 * what comes after it. The worker answers in order, so any output posted before the transcript
 * (a `console-resize` sent first opens the console and flushes its first prompt) is already
 * inside the transcript and is dropped: writing it too drew the prompt twice
 * (`C:\Users\Admin>C:\Users\Admin>`). A reset (replay, new session) replaces the screen.
 */
import type { SimClient } from '../sim/sim-client';

export interface ConsoleView {
  write(data: string): void;
  /** Clears the screen and writes `transcript`. */
  reset(transcript: string): void;
}

export interface ConsoleStream {
  /** Settles once the transcript is written (rejects if the console cannot be opened). */
  readonly opened: Promise<void>;
  dispose(): void;
}

/** Subscribes `view` to `device`'s console and asks the worker for its transcript. */
export function streamConsole(client: SimClient, device: string, view: ConsoleView): ConsoleStream {
  let haveTranscript = false;
  const disposers = [
    client.onConsoleData(device, (data) => {
      if (haveTranscript) view.write(data);
    }),
    client.onConsoleReset(device, (transcript) => {
      haveTranscript = true;
      view.reset(transcript);
    }),
  ];
  const opened = client.request('console-open', { device }).then(({ transcript }) => {
    if (haveTranscript) return;
    haveTranscript = true;
    view.write(transcript);
  });
  return {
    opened,
    dispose: () => {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}
