/**
 * The file flows of the editor: New, Open (dialog, recent path, sample, recovered autosave),
 * Save and Save as, with "discard unsaved changes?" before anything replaces a dirty lab.
 * Opening validates with loadLab: a malformed file never replaces the lab, it opens the
 * problems dialog with each problem at file:line:column. Saving writes serializeLab's text
 * through LabFiles (atomic on the desktop) and clears the autosave.
 *
 * What a save (and an autosave) writes is the document with each device's configuration as it
 * runs now: the simulation answers the running configuration of every device configured at its
 * console (`RunningConfigSource`), which replaces that device's `config`, so reopening the file
 * gives the same network. Devices nobody configured keep their text as written. No autosave is
 * written while a course scenario is open: its lab and configuration are kept by the scenario's
 * progress, and the autosave slot stays the trainee's own lab's.
 *
 * The store holds only data: a pending intent waits in the confirm dialog's state, and the
 * dialog calls `run` again with `force` once the person agrees.
 */
import { withLayout } from '../canvas/auto-layout';
import { loadLab } from '../../sim-core/lab/load-lab';
import type { Lab } from '../../sim-core/lab/lab-document';
import type { Scenario } from '../../sim-core/lab/scenario/scenario-document';
import { serializeLab } from '../../sim-core/lab/serialize-lab';
import { withRunningConfigs } from '../scenario/running-configs';
import type { AppStore } from '../state/create-app-store';
import { EMPTY_LAB, isLabDirty } from '../state/lab-slice';
import type { FileIntent } from '../state/ui-slice';
import { baseName, type LabFiles } from './lab-files';
import { SAMPLE_LAB_FILE_NAME, SAMPLE_LAB_TEXT } from './sample-lab';

export interface FileCommands {
  /** Runs an intent that replaces the lab; asks first when there are unsaved changes (unless forced). */
  run(intent: FileIntent, options?: { readonly force?: boolean }): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Saves under a name chosen in the app's own dialog (browser store). */
  saveTo(path: string): Promise<boolean>;
  /**
   * Opens lab text read from elsewhere (a file picked in the browser): validated once; when it
   * loads, a copy goes into the browser store under `fileName` so Save writes back there.
   */
  openText(text: string, fileName: string): Promise<boolean>;
  /**
   * Offers recovery when an autosave is waiting (call once at start); reports a damaged one
   * and where it was kept (it is never deleted).
   */
  checkRecovery(): Promise<void>;
  /**
   * Writes the autosave if the lab changed since the last successful write; returns whether it
   * wrote. The revision counts as autosaved only once the write succeeded: a failed write
   * rejects and the next call tries again (autosave-schedule.ts retries it).
   */
  autosaveNow(): Promise<boolean>;
  /** Who opens a scenario once the person agreed (the scenario pane registers itself); returns the unregister function. */
  setScenarioOpener(open: (scenario: Scenario) => Promise<void>): () => void;
}

export const UNTITLED_FILE_NAME = 'lab.v6lab.yaml';

/** Where a save gets the devices' running configurations (the simulation worker's `running-configs`). */
export interface RunningConfigSource {
  /** Device name → running configuration, for the devices configured since they booted. */
  runningConfigs(): Promise<Readonly<Record<string, string>>>;
}

export function createFileCommands(store: AppStore, files: LabFiles, sim?: RunningConfigSource): FileCommands {
  let scenarioOpener: ((scenario: Scenario) => Promise<void>) | null = null;
  /** Document revision and configuration revision of the last autosave written. */
  let autosavedRevision = autosaveKey();

  function autosaveKey(): string {
    const state = store.getState();
    return `${state.revision}/${state.consoleConfigRevision}`;
  }

  /** The text a save writes: the document with the running configurations, and the configuration revision it holds. */
  const textToSave = async (): Promise<{ readonly text: string; readonly configRevision: number }> => {
    const { lab, consoleConfigRevision } = store.getState();
    return { text: serializeLab(await withRunning(lab)), configRevision: consoleConfigRevision };
  };

  const withRunning = async (lab: Lab): Promise<Lab> => {
    if (sim === undefined) return lab;
    try {
      return withRunningConfigs(lab, await sim.runningConfigs());
    } catch (error) {
      // No network runs (nothing was configured in it): the document is all there is.
      console.warn('running configurations unavailable', error);
      return lab;
    }
  };

  /** Opens a lab's text; false when it does not load, else how many devices were laid out. */
  const openText = (text: string, fileName: string, filePath: string | null, dirty = false): false | { readonly laidOut: number } => {
    const result = loadLab(text, fileName);
    const state = store.getState();
    if (!result.ok) {
      state.openDialog({ kind: 'problems', fileName, problems: result.problems });
      state.setStatus({ key: 'status.openFailed', values: { file: fileName } });
      return false;
    }
    // Devices the file gives no position are laid out (zones as groups) and the layout becomes
    // part of the document: unsaved until saved, then it stays put.
    const { lab, laidOut } = withLayout(result.lab);
    state.loadDocument(lab, { filePath, dirty: dirty || laidOut > 0 });
    state.dismissWelcome();
    state.setStatus(
      laidOut > 0
        ? { key: 'status.openedLaidOut', values: { file: fileName, devices: lab.devices.length, links: lab.links.length, laidOut } }
        : { key: 'status.opened', values: { file: fileName, devices: lab.devices.length, links: lab.links.length } },
    );
    autosavedRevision = autosaveKey();
    return { laidOut };
  };

  const openReply = async (path?: string) => {
    const reply = await files.open(path);
    if (reply.kind === 'opened') openText(reply.text, baseName(reply.path), reply.path);
    else if (reply.kind === 'failed') store.getState().openDialog({ kind: 'message', message: { key: 'file.openError', values: { message: reply.message } } });
  };

  const writeTo = async (path: string | undefined): Promise<boolean> => {
    const { text, configRevision } = await textToSave();
    const reply = await files.save(text, path);
    if (reply.kind === 'saved') {
      store.getState().markSaved(reply.path, configRevision);
      store.getState().setStatus({ key: 'status.saved', values: { file: baseName(reply.path) } });
      await files.clearAutosave();
      autosavedRevision = autosaveKey();
      return true;
    }
    if (reply.kind === 'failed') store.getState().openDialog({ kind: 'message', message: { key: 'file.saveError', values: { message: reply.message } } });
    return false;
  };

  const commands: FileCommands = {
    run: async (intent, options = {}) => {
      const state = store.getState();
      if (!options.force && intent.kind !== 'recover' && isLabDirty(state)) {
        state.openDialog({ kind: 'confirm-discard', then: intent });
        return;
      }
      state.closeDialog();
      switch (intent.kind) {
        case 'new':
          state.loadDocument(EMPTY_LAB, { filePath: null });
          state.setStatus({ key: 'status.newLab' });
          await files.clearAutosave();
          autosavedRevision = autosaveKey();
          return;
        case 'open':
          if (files.kind === 'browser') state.openDialog({ kind: 'open-browser' });
          else await openReply();
          return;
        case 'open-path':
          await openReply(intent.path);
          return;
        case 'open-sample':
          openText(SAMPLE_LAB_TEXT, SAMPLE_LAB_FILE_NAME, null);
          return;
        case 'recover':
          openText(intent.text, intent.sourcePath === null ? UNTITLED_FILE_NAME : baseName(intent.sourcePath), intent.sourcePath, true);
          return;
        case 'open-scenario':
          await scenarioOpener?.(intent.scenario);
          return;
      }
    },
    save: async () => {
      const { filePath } = store.getState();
      return filePath === null ? commands.saveAs() : writeTo(filePath);
    },
    saveAs: async () => {
      const { filePath } = store.getState();
      if (files.kind === 'browser') {
        store.getState().openDialog({ kind: 'save-as', suggestedName: filePath === null ? UNTITLED_FILE_NAME : baseName(filePath) });
        return false;
      }
      return writeTo(undefined);
    },
    saveTo: async (path) => {
      store.getState().closeDialog();
      return writeTo(path);
    },
    openText: async (text, fileName) => {
      const opened = openText(text, fileName, null);
      if (!opened) return false;
      // A lab that was laid out is stored with its layout, so it opens the same way next time.
      const reply = await files.save(opened.laidOut > 0 ? serializeLab(store.getState().lab) : text, fileName);
      if (reply.kind === 'saved') store.getState().markSaved(reply.path);
      return true;
    },
    checkRecovery: async () => {
      const found = await files.readAutosave();
      if (found.kind === 'found') store.getState().openDialog({ kind: 'recovery', text: found.text, savedAtMs: found.savedAtMs, sourcePath: found.sourcePath });
      else if (found.kind === 'damaged') {
        store.getState().openDialog({
          kind: 'message',
          message: found.keptAt === null
            ? { key: 'recovery.damagedNotMoved', values: { message: found.message } }
            : { key: 'recovery.damaged', values: { message: found.message, keptAt: found.keptAt } },
        });
      }
    },
    setScenarioOpener: (open) => {
      scenarioOpener = open;
      return () => {
        if (scenarioOpener === open) scenarioOpener = null;
      };
    },
    autosaveNow: async () => {
      const state = store.getState();
      // A course scenario's lab is not the trainee's own: its work is kept in the scenario's
      // progress (scenario-controller.ts, after each check and hint and every 20 s). Written
      // here it would replace the autosave of the trainee's own lab and come back at the next
      // start as a plain lab, outside the course.
      if (state.activeScenario !== null) return false;
      const key = autosaveKey();
      if (key === autosavedRevision || !isLabDirty(state)) return false;
      const before = autosavedRevision;
      const { text } = await textToSave();
      await files.writeAutosave(text, store.getState().filePath);
      // Only now is it on disk. A save, open or new meanwhile set its own key: keep that.
      if (autosavedRevision === before) autosavedRevision = key;
      return true;
    },
  };
  return commands;
}
