/**
 * Small line icons for the device kinds, drawn inline (no image files, nothing fetched).
 * They inherit the text colour through `currentColor`.
 */
import type { DeviceKind } from '../devices/device-kinds';

const paths: Record<DeviceKind, React.ReactNode> = {
  router: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 5.5v4M10.5 7 12 5.5 13.5 7M12 18.5v-4M10.5 17l1.5 1.5 1.5-1.5M5.5 12h4M7 10.5 5.5 12 7 13.5M18.5 12h-4M17 10.5l1.5 1.5-1.5 1.5" />
    </>
  ),
  'l3-switch': (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2.5" />
      <path d="M7 10h8.5M14 8.5l1.5 1.5-1.5 1.5M17 14H8.5M10 12.5 8.5 14l1.5 1.5" />
      <path d="M18.2 8.2h1" />
    </>
  ),
  switch: (
    <>
      <rect x="3" y="7" width="18" height="10" rx="2" />
      <path d="M7 10.5h9M14.5 9l1.5 1.5-1.5 1.5M17 13.5H8M9.5 12 8 13.5 9.5 15" />
    </>
  ),
  'access-point': (
    <>
      <circle cx="12" cy="16" r="1.6" />
      <path d="M8.5 12.8a5 5 0 0 1 7 0M6 10.2a8.5 8.5 0 0 1 12 0M3.6 7.6a12 12 0 0 1 16.8 0" />
    </>
  ),
  pc: (
    <>
      <rect x="3.5" y="4.5" width="17" height="11.5" rx="1.5" />
      <path d="M9 20h6M12 16v4" />
    </>
  ),
  server: (
    <>
      <rect x="5" y="3.5" width="14" height="5.5" rx="1.2" />
      <rect x="5" y="9.25" width="14" height="5.5" rx="1.2" />
      <rect x="5" y="15" width="14" height="5.5" rx="1.2" />
      <path d="M8 6.25h.01M8 12h.01M8 17.75h.01" />
    </>
  ),
};

export function DeviceIcon({ kind }: { kind: DeviceKind }) {
  return (
    <svg className="device-icon" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[kind]}
    </svg>
  );
}
