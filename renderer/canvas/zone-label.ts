/**
 * A zone's label in the current language: course zones through i18n (zone.<id>), zones the lab
 * declares from their own bilingual label, anything else by its id.
 */
import type { TFunction } from 'i18next';
import { isCourseZoneId } from '../../sim-core/lab/course-zones';
import type { Lab, LabText } from '../../sim-core/lab/lab-document';
import type { AppLanguage } from '../../electron/ipc-contract';

export function pickLabText(text: LabText, language: AppLanguage): string {
  return typeof text === 'string' ? text : text[language];
}

export function labelZone(zone: string, lab: Lab, language: AppLanguage, t: TFunction): string {
  if (isCourseZoneId(zone)) return t(`zone.${zone}`);
  const declared = lab.zones.find((candidate) => candidate.id === zone);
  return declared ? pickLabText(declared.label, language) : zone;
}
