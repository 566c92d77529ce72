/**
 * Edits of the lab document as change objects (as Excalidraw's actions and xyflow's changes):
 * an action looks at the current lab and its arguments and returns either a recipe that
 * changes an immer draft, or a reason it cannot apply (an i18n key with values, so the message
 * is bilingual). The lab slice runs the recipe through immer's produceWithPatches, which is
 * what makes undo and redo exact. One file per user action, each with its test beside it in
 * test/renderer/actions/.
 */
import type { Draft } from 'immer';
import type { DeviceName, Lab, LabDevice, LinkId } from '../../sim-core/lab/lab-document';

/** A message for the person, through i18n: a key and its values (`fooKey` values are keys too). */
export interface EditMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** What should be selected once the edit is applied (the new device, the renamed one …). */
export interface EditSelection {
  readonly devices: readonly DeviceName[];
  readonly links: readonly LinkId[];
}

export type LabEdit =
  | {
      readonly ok: true;
      /** i18n key naming the edit, for the history ("Undo: add device"). */
      readonly labelKey: string;
      readonly recipe: (draft: Draft<Lab>) => void;
      readonly select?: EditSelection;
    }
  | { readonly ok: false; readonly error: EditMessage };

export function editOk(labelKey: string, recipe: (draft: Draft<Lab>) => void, select?: EditSelection): LabEdit {
  return select === undefined ? { ok: true, labelKey, recipe } : { ok: true, labelKey, recipe, select };
}

export function editError(key: string, values?: Readonly<Record<string, string | number>>): LabEdit {
  return { ok: false, error: values === undefined ? { key } : { key, values } };
}

/** Device names are unique case-insensitively (IOS hostnames are). */
export function sameDeviceName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function findDevice(lab: Lab, name: string): LabDevice | undefined {
  return lab.devices.find((device) => device.name === name);
}
