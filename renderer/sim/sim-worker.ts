/**
 * The simulation Web Worker: sim-core runs here, off the UI thread. Requests come in as
 * messages (sim-protocol.ts) and go to the SimHost; time advances on a 16 ms interval (about
 * one animation frame), which also flushes trace rows and console output to the UI in batches.
 */
import { SimHost } from './sim-host';

/** About one animation frame: realtime slices and flushes run this often. */
const TICK_MS = 16;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SimHost((message) => scope.postMessage(message), { nowMs: () => performance.now() });
scope.onmessage = (event: MessageEvent<unknown>) => host.handle(event.data);
setInterval(() => host.tick(), TICK_MS);
