/**
 * Closing (or reloading) the window while the lab has unsaved changes. The renderer cancels
 * `beforeunload` only while the lab is dirty; Chromium then asks main through the webContents'
 * `will-prevent-unload` event, and main shows a native question in the app's language.
 * Calling preventDefault() on that event lets the page unload anyway (Electron's documented
 * pattern), so "Discard" calls it and "Keep editing" does not.
 *
 * Written against an injected `ask` (dialog.showMessageBoxSync in main) so it runs in Node.
 * Leaves out: offering "Save" from the dialog (the renderer owns saving; autosave still holds
 * the last snapshot, so the lab can be recovered at the next start).
 */
import type { MessageBoxSyncOptions } from 'electron';
import type { AppLanguage } from './ipc-contract';
import { MENU_LABELS } from './menu-labels';

export const DISCARD_BUTTON_INDEX = 0;
export const KEEP_EDITING_BUTTON_INDEX = 1;

/** The native question, with "Keep editing" as the default and the Escape answer. */
export function buildDiscardQuestion(language: AppLanguage): MessageBoxSyncOptions {
  const labels = MENU_LABELS[language];
  const buttons: string[] = [];
  buttons[DISCARD_BUTTON_INDEX] = labels.discardButton;
  buttons[KEEP_EDITING_BUTTON_INDEX] = labels.keepEditingButton;
  return {
    type: 'question',
    title: labels.discardTitle,
    message: labels.discardMessage,
    detail: labels.discardDetail,
    buttons,
    defaultId: KEEP_EDITING_BUTTON_INDEX,
    cancelId: KEEP_EDITING_BUTTON_INDEX,
    noLink: true,
  };
}

/**
 * Handles one `will-prevent-unload`: asks, and lets the page unload (preventDefault) only when
 * the user chose to discard. Returns whether the page may unload.
 */
export function answerWillPreventUnload(
  event: { preventDefault(): void },
  language: AppLanguage,
  ask: (question: MessageBoxSyncOptions) => number,
): boolean {
  const discard = ask(buildDiscardQuestion(language)) === DISCARD_BUTTON_INDEX;
  if (discard) event.preventDefault();
  return discard;
}
