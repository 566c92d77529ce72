/**
 * Gives the pane's components the scenario controller (one per window, made with the
 * simulation worker's client), and runs what the pane needs while the app is open: the watch
 * that ends a scenario when another document is opened, the file commands' way to open a
 * scenario once "save or discard?" is answered, and a periodic save of the trainee's
 * work (their consoles change the network without touching the store).
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useAppServices } from '../app-services';
import { SIM_SEED, useSim } from '../sim/sim-runtime';
import { useAppStoreApi } from '../state/use-app-store-api';
import { readLastOpened, type ProgressStorage } from './progress-storage';
import { ScenarioController } from './scenario-controller';

/** How often the open scenario's progress is saved besides after each check and hint. */
const AUTOSAVE_INTERVAL_MS = 20_000;

const ScenarioControllerContext = createContext<ScenarioController | null>(null);

export function useScenarioController(): ScenarioController {
  const controller = useContext(ScenarioControllerContext);
  if (!controller) throw new Error('useScenarioController: no ScenarioProvider above this component');
  return controller;
}

export function browserProgressStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function ScenarioProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const { client } = useSim();
  const storage = useMemo(browserProgressStorage, []);
  const controller = useMemo(() => new ScenarioController({ store, client, storage, seed: SIM_SEED }), [store, client, storage]);

  const { fileCommands } = useAppServices();

  useEffect(() => controller.watchDocuments(), [controller]);
  // "Save / discard?" before a scenario replaces an unsaved lab goes through the file commands' dialog.
  useEffect(() => fileCommands.setScenarioOpener((scenario) => controller.open(scenario, { confirmed: true })), [controller, fileCommands]);
  useEffect(() => {
    // A trainee who stopped in a scenario finds the course open at the start.
    if (readLastOpened(storage) !== null && store.getState().scenarioPane === 'closed') store.getState().setScenarioPane('course');
    const timer = setInterval(() => {
      const state = store.getState();
      if (state.activeScenario !== null && state.scenarioActivity === null) void controller.save();
    }, AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [controller, store, storage]);

  return <ScenarioControllerContext.Provider value={controller}>{children}</ScenarioControllerContext.Provider>;
}
