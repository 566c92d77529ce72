/**
 * The simulation runtime for the app: one worker client and one timeline buffer for the
 * window's life, given to components by a provider, and the wiring between them and the store:
 * a new document boots a new session at once, a topology edit is sent as an edit (debounced) that
 * the running network takes in, mode/speed/play choices go to the worker, batches fill the
 * timeline, replays cut it back, consoles of removed devices close, the running configurations'
 * revision reaches the lab slice (configuring at a console is unsaved work), the link lights
 * reach the canvas through the store, and a storm's
 * notice opens a message in the app's language.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useAppStoreApi } from '../state/use-app-store-api';
import type { AppStore } from '../state/create-app-store';
import { createWorkerTransport, SimClient, type SimTransport } from './sim-client';
import { ROW_CLASSES } from './sim-protocol';
import type { DeviceName } from '../../sim-core/lab/lab-document';
import { diffLabs } from '../../sim-core/lab/lab-diff';
import { pruneConsoles } from './sim-slice';
import { TimelineBuffer } from './timeline-buffer';
import { topologyKey } from './topology-key';

/** Every session boots from this seed: runs are the same each time the lab is opened. */
export const SIM_SEED = 1;
/** Quiet time after a topology edit before the network restarts (a drag of several edits is one). */
const RELOAD_DELAY_MS = 250;

export interface SimServices {
  readonly client: SimClient;
  readonly timeline: TimelineBuffer;
}

let appRuntime: SimServices | null = null;

/** The window's runtime, made on first use (a worker per window, never torn down). */
function appServices(createTransport: () => SimTransport): SimServices {
  appRuntime ??= { client: new SimClient(createTransport()), timeline: new TimelineBuffer() };
  return appRuntime;
}

/** The window's simulation client (the file commands read running configurations through it). */
export function windowSimClient(): SimClient {
  return appServices(createWorkerTransport).client;
}

const SimContext = createContext<SimServices | null>(null);

export function useSim(): SimServices {
  const services = useContext(SimContext);
  if (!services) throw new Error('useSim: no SimRuntimeProvider above this component');
  return services;
}

/** Connects the store and the runtime; returns the function that disconnects them. */
export function connectSimRuntime(store: AppStore, services: SimServices, reloadDelayMs = RELOAD_DELAY_MS): () => void {
  const { client, timeline } = services;
  let loadedKey: string | null = null;
  /** The document generation the worker runs (an edit of it is sent as an edit). */
  let loadedDocument: number | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Batches of sessions older than this generation speak of another document. */
  let acceptFromGeneration = 0;
  let latestGeneration = 0;

  const load = () => {
    reloadTimer = undefined;
    const state = store.getState();
    const key = topologyKey(state.lab);
    const sameDocument = loadedDocument === state.documentGeneration;
    if (key === loadedKey && sameDocument) return;
    loadedKey = key;
    loadedDocument = state.documentGeneration;
    client
      .request(sameDocument ? 'edit-lab' : 'load-lab', { lab: state.lab, seed: SIM_SEED })
      .then((reply) => {
        if (reply.problems.length > 0) store.getState().setStatus({ key: 'sim.bootProblems', values: { count: reply.problems.length, first: reply.problems[0]![store.getState().language] } });
      })
      .catch((error: unknown) => store.getState().setStatus({ key: 'sim.failed', values: { message: String(error instanceof Error ? error.message : error) } }));
  };
  const scheduleLoad = (immediately: boolean) => {
    if (reloadTimer !== undefined) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, immediately ? 0 : reloadDelayMs);
  };

  const initial = store.getState();
  void client.request('set-speed', { speed: initial.simSpeed });
  void client.request('set-mode', { mode: initial.simMode });
  void client.request('set-play-speed', { speed: initial.simPlaySpeed });
  scheduleLoad(true);

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.documentGeneration !== previous.documentGeneration) acceptFromGeneration = latestGeneration + 1;
    if (state.lab !== previous.lab) {
      // A new document starts at once; edits wait for a quiet moment.
      scheduleLoad(state.documentGeneration !== previous.documentGeneration);
      let openConsoles = pruneConsoles(state.openConsoles, state.lab);
      if (openConsoles !== state.openConsoles) {
        // A renamed device keeps its console tab (the worker keeps its console under the new name).
        const renamed = new Map<string, DeviceName>();
        if (state.documentGeneration === previous.documentGeneration) {
          for (const change of diffLabs(previous.lab, state.lab)) if (change.kind === 'rename-device') renamed.set(change.from, change.to);
        }
        const follow = (name: DeviceName | null) => (name === null ? null : (renamed.get(name) ?? name));
        openConsoles = pruneConsoles(
          state.openConsoles.map((name) => follow(name)!),
          state.lab,
        );
        const active = follow(state.activeConsole);
        store.setState({ openConsoles, activeConsole: active !== null && openConsoles.includes(active) ? active : (openConsoles[0] ?? null) });
      }
    }
    if (state.simMode !== previous.simMode) void client.request('set-mode', { mode: state.simMode });
    if (state.simSpeed !== previous.simSpeed) void client.request('set-speed', { speed: state.simSpeed });
    if (state.pduRequest !== previous.pduRequest && state.pduRequest !== null) {
      const { from, to, family } = state.pduRequest;
      client
        .request('send-pdu', { from, to, family })
        .then((reply) => {
          const current = store.getState();
          if (reply.sent) current.setStatus({ key: 'sim.pduSent', values: { from, to, address: reply.destination } });
          else current.setStatus({ key: 'sim.pduNotSent', values: { message: reply.problem[current.language] } });
        })
        .catch((error: unknown) => store.getState().setStatus({ key: 'sim.failed', values: { message: String(error instanceof Error ? error.message : error) } }));
    }
    if (state.simPlaySpeed !== previous.simPlaySpeed) void client.request('set-play-speed', { speed: state.simPlaySpeed });
    if (state.simPlaying !== previous.simPlaying && client.clock?.playing !== state.simPlaying) {
      void client.request('set-playing', { playing: state.simPlaying, classes: ROW_CLASSES.filter((c) => !state.hiddenClasses.includes(c)) });
    }
  });

  const unsubscribeClient = client.onEvent((event) => {
    const state = store.getState();
    if (event.type !== 'notice') {
      latestGeneration = Math.max(latestGeneration, event.clock.generation);
      if (event.clock.generation >= acceptFromGeneration && event.clock.configRevision !== state.consoleConfigRevision) state.setConsoleConfigRevision(event.clock.configRevision);
    }
    if (event.type !== 'notice' && event.ports !== undefined && event.clock.generation >= acceptFromGeneration) state.setPortLights(event.ports);
    if (event.type === 'batch') {
      timeline.append(event.rows, event.omitted, event.step);
      // Playing stops by itself when nothing is left to step.
      if (event.clock.mode === state.simMode && event.clock.playing !== state.simPlaying) state.setSimPlaying(event.clock.playing);
    } else if (event.type === 'reset') {
      timeline.truncate(event.keepBelowSeq);
      if (state.inspectedSeq !== null && state.inspectedSeq >= event.keepBelowSeq) state.inspectEvent(null);
    } else {
      const message = event.message[state.language];
      state.setStatus({ key: 'sim.notice', values: { message } });
      if (event.kind === 'storm') {
        state.setSimPlaying(false);
        state.openDialog({ kind: 'message', message: { key: 'sim.stormPaused', values: { report: message } } });
      }
    }
  });

  return () => {
    if (reloadTimer !== undefined) clearTimeout(reloadTimer);
    unsubscribeStore();
    unsubscribeClient();
  };
}

export function SimRuntimeProvider({ children, createTransport = createWorkerTransport }: { children: ReactNode; createTransport?: () => SimTransport }) {
  const store = useAppStoreApi();
  const services = appServices(createTransport);
  useEffect(() => connectSimRuntime(store, services), [store, services]);
  return <SimContext.Provider value={services}>{children}</SimContext.Provider>;
}
