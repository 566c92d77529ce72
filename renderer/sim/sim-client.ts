/**
 * The UI side of the simulation worker: typed requests that resolve with their replies, and
 * the worker's batches handed to listeners as they come (trace rows to the timeline buffer,
 * console output straight to each device's terminal), without going through React state.
 * The transport is the real Worker in the app and a direct SimHost in the tests.
 */
import type { SimClock, SimEventMessage, SimOutgoingMessage, SimReplyOf, SimRequestMessage, SimRequestOf, SimRequestType } from './sim-protocol';

export interface SimTransport {
  post(message: SimRequestMessage): void;
  /** Calls `listener` for every message from the worker. */
  listen(listener: (message: SimOutgoingMessage) => void): void;
  terminate(): void;
}

/** The app's transport: sim-worker.ts in a module Worker (Vite bundles it as its own file). */
export function createWorkerTransport(): SimTransport {
  const worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module', name: 'v6lab-simulation' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (listener) => {
      worker.onmessage = (event: MessageEvent<SimOutgoingMessage>) => listener(event.data);
      worker.onerror = (event) => console.error('simulation worker failed', event.message);
    },
    terminate: () => worker.terminate(),
  };
}

type ConsoleListener = (data: string) => void;
type ConsoleResetListener = (transcript: string) => void;

export class SimClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly consoleListeners = new Map<string, Set<ConsoleListener>>();
  private readonly consoleResetListeners = new Map<string, Set<ConsoleResetListener>>();
  private readonly eventListeners = new Set<(event: SimEventMessage) => void>();
  private lastClock: SimClock | null = null;

  constructor(private readonly transport: SimTransport) {
    transport.listen((message) => this.receive(message));
  }

  /** The clock as of the last batch. */
  get clock(): SimClock | null {
    return this.lastClock;
  }

  request<T extends SimRequestType>(type: T, body: SimRequestOf<T>): Promise<SimReplyOf<T>> {
    const id = this.nextId++;
    return new Promise<SimReplyOf<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.transport.post({ id, type, body } as SimRequestMessage);
    });
  }

  /** Output of one device's console; returns the unsubscribe function. */
  onConsoleData(device: string, listener: ConsoleListener): () => void {
    return addTo(this.consoleListeners, device, listener);
  }

  /** The console's whole screen after a replay or a new session: clear and write it. */
  onConsoleReset(device: string, listener: ConsoleResetListener): () => void {
    return addTo(this.consoleResetListeners, device, listener);
  }

  /** Every batch, reset and notice. */
  onEvent(listener: (event: SimEventMessage) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  dispose(): void {
    this.transport.terminate();
    for (const { reject } of this.pending.values()) reject(new Error('the simulation was closed'));
    this.pending.clear();
  }

  private receive(message: SimOutgoingMessage): void {
    if (message.type === 'reply') {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.error));
      return;
    }
    if (message.type === 'batch') {
      this.lastClock = message.clock;
      for (const { device, data } of message.consoles) for (const listener of this.consoleListeners.get(device) ?? []) listener(data);
    } else if (message.type === 'reset') {
      this.lastClock = message.clock;
      for (const { device, transcript } of message.consoles) for (const listener of this.consoleResetListeners.get(device) ?? []) listener(transcript);
    }
    for (const listener of this.eventListeners) listener(message);
  }
}

function addTo<L>(map: Map<string, Set<L>>, key: string, listener: L): () => void {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}
