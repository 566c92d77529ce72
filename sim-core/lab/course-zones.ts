/**
 * The zones of the provincial network the course simulates (see the course description: Internet
 * edge, DMZ, IDC core, management, provincial LAN, government WAN, districts). A device's `zone`
 * names one of these, or a zone the lab declares itself; the canvas draws each zone as a box.
 */
import type { BilingualText } from '../devices/catalog';

export const COURSE_ZONE_IDS = ['internet-edge', 'dmz', 'idc-core', 'management', 'provincial-lan', 'wan', 'district'] as const;
export type CourseZoneId = (typeof COURSE_ZONE_IDS)[number];

export const COURSE_ZONE_LABELS: Readonly<Record<CourseZoneId, BilingualText>> = {
  'internet-edge': { vi: 'Biên Internet', en: 'Internet edge' },
  dmz: { vi: 'Vùng DMZ', en: 'DMZ' },
  'idc-core': { vi: 'Lõi trung tâm dữ liệu (IDC)', en: 'IDC core' },
  management: { vi: 'Vùng quản trị', en: 'Management' },
  'provincial-lan': { vi: 'Mạng LAN cấp tỉnh', en: 'Provincial LAN' },
  wan: { vi: 'Mạng truyền số liệu chuyên dùng (WAN)', en: 'Government WAN' },
  district: { vi: 'Cấp huyện', en: 'District' },
};

export function isCourseZoneId(id: string): id is CourseZoneId {
  return (COURSE_ZONE_IDS as readonly string[]).includes(id);
}
