/**
 * The canvas look (cytoscape stylesheet), matched to the app's light theme: device icons with
 * the name below on a light halo, links coloured by state (up grey-blue, admin down dashed grey,
 * unplugged red and dashed), a light at each cable end as in Packet Tracer (green up, amber
 * blocking or coming up, red down or shut: the running network's port state), interface names
 * at both ends on hover or selection (or always, with the port-names toggle), zones as
 * labelled boxes. Labels stop drawing when too small to read, which keeps big labs smooth.
 */
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { DEVICE_KINDS } from '../../sim-core/devices/catalog';
import { deviceGlyphUri, KIND_COLORS } from './device-glyphs';

const FONT = 'system-ui, "Segoe UI", "Noto Sans", Ubuntu, "DejaVu Sans", Arial, sans-serif';
export const DEVICE_ICON_PX = 48;

/** The link lights' colours, by port state (Packet Tracer's: green, amber, red). */
export const LIGHT_COLORS = { up: '#1f9d3a', blocking: '#e08a00', down: '#d0343a', 'admin-down': '#d0343a' } as const;

export const CANVAS_STYLE: StylesheetJson = [
  {
    selector: 'node.device',
    style: {
      shape: 'roundrectangle',
      width: DEVICE_ICON_PX,
      height: DEVICE_ICON_PX,
      'background-opacity': 0,
      'background-fit': 'contain',
      'background-clip': 'none',
      'border-width': 0,
      label: 'data(name)',
      'font-family': FONT,
      'font-size': 13,
      'font-weight': 600,
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 5,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      'overlay-padding': 6,
      'text-events': 'yes',
    },
  },
  ...DEVICE_KINDS.map((kind) => ({ selector: `node.kind-${kind}`, style: { 'background-image': deviceGlyphUri(kind) } })),
  ...DEVICE_KINDS.map((kind) => ({
    selector: `node.kind-${kind}.lod`,
    style: { 'background-image': 'none', 'background-opacity': 1, 'background-color': KIND_COLORS[kind], shape: 'ellipse' as const, width: 36, height: 36 },
  })),
  {
    selector: 'node.device:selected',
    style: { 'background-opacity': 1, 'background-color': '#dbe7fb', 'border-width': 2, 'border-color': '#2557c4', color: '#1747a6' },
  },
  { selector: 'node.device.connect-source', style: { 'background-opacity': 1, 'background-color': '#fff3d6', 'border-width': 2, 'border-color': '#c26a0a', 'border-style': 'dashed' } },
  {
    selector: 'node.zone',
    style: {
      shape: 'roundrectangle',
      'background-color': '#eef3fb',
      'background-opacity': 0.7,
      'border-width': 1.5,
      'border-color': '#9db3d9',
      'border-style': 'dashed',
      padding: '28px',
      label: 'data(label)',
      'font-family': FONT,
      // Large and on its own light band so the zone's name stays readable when the lab is
      // fitted small (1280×720 with the dock open) and over cables that cross the frame.
      'font-size': 15,
      'font-weight': 700,
      color: '#2a4470',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': 22,
      'text-background-color': '#eef3fb',
      'text-background-opacity': 0.95,
      'text-background-padding': '3px',
      'text-background-shape': 'roundrectangle',
      // A long name wraps inside its own box instead of running over the next zone's.
      'text-wrap': 'wrap',
      'text-max-width': (node: NodeSingular) => `${Math.max(150, Math.round(node.width()) - 8)}px`,
      'min-zoomed-font-size': 8,
      events: 'yes',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 2.5,
      'curve-style': 'straight',
      'line-color': '#6b7d99',
      'font-family': FONT,
      'font-size': 11,
      color: '#1f2933',
      'source-text-offset': 34,
      'target-text-offset': 34,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.92,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      'overlay-padding': 5,
      'arrow-scale': 1.1,
    },
  },
  { selector: 'edge.admin-down', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5], 'line-color': '#8d96a3' } },
  { selector: 'edge.unplugged', style: { 'line-color': '#d0343a', 'line-style': 'dashed', 'line-dash-pattern': [3, 5] } },
  { selector: 'edge.hover, edge:selected, edge.port-names', style: { 'source-label': 'data(sourceLabel)', 'target-label': 'data(targetLabel)' } },
  // The link lights: a dot at each cable end, coloured by its port's live state.
  ...(Object.entries(LIGHT_COLORS) as [string, string][]).flatMap(([state, color]) => [
    { selector: `edge[sourceLight = "${state}"]`, style: { 'source-arrow-shape': 'circle' as const, 'source-arrow-color': color, 'source-arrow-fill': 'filled' as const } },
    { selector: `edge[targetLight = "${state}"]`, style: { 'target-arrow-shape': 'circle' as const, 'target-arrow-color': color, 'target-arrow-fill': 'filled' as const } },
  ]),
  { selector: 'edge:selected', style: { width: 4, 'line-color': '#2557c4' } },
  { selector: 'edge.unplugged:selected', style: { 'line-color': '#a3161c' } },
];
