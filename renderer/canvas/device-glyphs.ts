/**
 * The canvas icons of the device kinds, drawn here as small SVGs and handed to cytoscape as
 * data: URIs (the CSP allows data: images; nothing is fetched). Shapes follow the network-diagram
 * conventions trainees know from Packet Tracer: a router is a disc with four arrows, a switch a
 * box with two opposed arrows, a layer 3 switch the box with the router's arrows, an access
 * point a disc with radio waves, a PC a monitor, a server a tower. Each kind has its own colour
 * too, so kinds stay apart when the icons are small.
 */
import type { DeviceKind } from '../../sim-core/devices/catalog';

const WHITE = '#ffffff';

/** The fill colour of each kind (also used for the palette's icon tint). */
export const KIND_COLORS: Readonly<Record<DeviceKind, string>> = {
  router: '#1d5fbf',
  'l3-switch': '#6b3fb8',
  switch: '#0f7a6c',
  'access-point': '#c26a0a',
  pc: '#334155',
  server: '#3f4d63',
};

const arrowStroke = `fill="none" stroke="${WHITE}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"`;

const bodies: Readonly<Record<DeviceKind, (color: string) => string>> = {
  router: (c) =>
    `<circle cx="32" cy="32" r="27" fill="${c}"/><ellipse cx="32" cy="24" rx="22" ry="10" fill="${WHITE}" opacity=".14"/>` +
    `<path ${arrowStroke} d="M24 24 14 14M14 21v-7h7M40 40l10 10M50 43v7h-7M40 24l9-9M43 15h6v6M24 40l-9 9M21 49h-6v-6"/>`,
  switch: (c) =>
    `<rect x="5" y="15" width="54" height="34" rx="6" fill="${c}"/>` +
    `<path ${arrowStroke} d="M15 26h30M39 20l6 6-6 6M49 38H19M25 32l-6 6 6 6"/>`,
  'l3-switch': (c) =>
    `<rect x="5" y="9" width="54" height="46" rx="7" fill="${c}"/>` +
    `<path ${arrowStroke} d="M25 25 16 17M16 23v-6h6M39 39l9 8M48 41v6h-6M39 25l9-8M42 17h6v6M25 39l-9 8M22 47h-6v-6"/>`,
  'access-point': (c) =>
    `<circle cx="32" cy="32" r="27" fill="${c}"/>` +
    `<circle cx="32" cy="41" r="3.6" fill="${WHITE}"/>` +
    `<path ${arrowStroke} d="M24.5 34a10.5 10.5 0 0 1 15 0M18.5 28a19 19 0 0 1 27 0M12.5 22a27.5 27.5 0 0 1 39 0"/>`,
  pc: (c) =>
    `<rect x="6" y="8" width="52" height="36" rx="4" fill="${c}"/><rect x="11" y="13" width="42" height="26" rx="1.5" fill="#7fb4ee"/>` +
    `<path d="M13 15h38v9c-10-4-25 4-38 0z" fill="${WHITE}" opacity=".35"/>` +
    `<path d="M28 44h8l2 8H26z" fill="${c}"/><rect x="18" y="51" width="28" height="5" rx="2" fill="${c}"/>`,
  server: (c) =>
    `<rect x="14" y="4" width="36" height="56" rx="4" fill="${c}"/>` +
    `<g fill="none" stroke="${WHITE}" stroke-width="2.4" stroke-linecap="round" opacity=".9"><path d="M20 14h18M20 22h18M20 30h18"/></g>` +
    `<circle cx="43" cy="14" r="2.2" fill="#5ee08a"/><circle cx="43" cy="22" r="2.2" fill="#5ee08a"/><circle cx="43" cy="30" r="2.2" fill="#f5c451"/>` +
    `<rect x="20" y="42" width="24" height="10" rx="2" fill="${WHITE}" opacity=".22"/>`,
};

/** The SVG text of a kind's icon (64×64, transparent around the shape). */
export function drawDeviceGlyph(kind: DeviceKind): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">${bodies[kind](KIND_COLORS[kind])}</svg>`;
}

const uriCache = new Map<DeviceKind, string>();

/** The icon as a data: URI for cytoscape's background-image (made once per kind). */
export function deviceGlyphUri(kind: DeviceKind): string {
  let uri = uriCache.get(kind);
  if (uri === undefined) {
    uri = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawDeviceGlyph(kind))}`;
    uriCache.set(kind, uri);
  }
  return uri;
}
