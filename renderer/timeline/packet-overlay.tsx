/**
 * Packets drawn on the topology in simulation mode, as Packet Tracer's envelopes: after each
 * step, every frame sent in it moves along its link from the sender toward the other end and
 * waits there ("on the wire"), every frame received sits at its device, every drop is a red
 * cross, each coloured by protocol. One <canvas> over cytoscape, pointer-transparent, redrawn
 * only while something is shown; device positions come from the canvas controls.
 */
import { useEffect, useRef } from 'react';
import type { Lab } from '../../sim-core/lab/lab-document';
import { useAppServices, type CanvasControls } from '../app-services';
import { DEVICE_ICON_PX } from '../canvas/canvas-style';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import type { TraceRow } from '../sim/sim-protocol';
import { PROTOCOL_COLORS } from './protocol-colors';

/** How long an envelope takes along its link (wall time). */
const TRAVEL_MS = 650;
/** Where on the link a sent envelope waits for the next step (fraction of the way). */
const WAIT_AT = 0.8;

interface Envelope {
  readonly kind: 'moving' | 'resting' | 'dropped';
  readonly from: string;
  readonly to: string;
  readonly color: string;
  /** Index among envelopes at the same device, to fan them out. */
  readonly slot: number;
}

function isWithin(seq: number, first: number, end: number): boolean {
  return first <= seq && seq < end;
}

/** The device at the other end of `device:iface`'s link, if cabled. */
export function peerOf(lab: Lab, device: string, iface: string): string | undefined {
  for (const link of lab.links) {
    const [a, b] = link.endpoints;
    if (a.device === device && a.interface === iface) return b.device;
    if (b.device === device && b.interface === iface) return a.device;
  }
  return undefined;
}

/** The envelopes one step's rows make (hidden protocol classes left out). */
export function envelopesFor(rows: readonly TraceRow[], lab: Lab, hidden: readonly string[]): Envelope[] {
  const slots = new Map<string, number>();
  const slotAt = (device: string) => {
    const slot = slots.get(device) ?? 0;
    slots.set(device, slot + 1);
    return slot;
  };
  const envelopes: Envelope[] = [];
  for (const row of rows) {
    if (hidden.includes(row.frameClass)) continue;
    const color = PROTOCOL_COLORS[row.frameClass];
    if (row.direction === 'drop') envelopes.push({ kind: 'dropped', from: row.device, to: row.device, color, slot: slotAt(row.device) });
    else if (row.direction === 'rx') envelopes.push({ kind: 'resting', from: row.device, to: row.device, color, slot: slotAt(row.device) });
    else {
      const peer = peerOf(lab, row.device, row.iface);
      if (peer !== undefined) envelopes.push({ kind: 'moving', from: row.device, to: peer, color, slot: 0 });
    }
  }
  return envelopes;
}

function centerOf(canvas: CanvasControls, device: string): { x: number; y: number; zoom: number } | null {
  const label = canvas.labelBox(device);
  if (label === null) return null;
  // labelBox is just under the icon; the icon's centre is half an icon (and the gap) above it.
  return { x: label.x, y: label.y - (DEVICE_ICON_PX / 2 + 4) * label.zoom, zoom: label.zoom };
}

function drawEnvelope(context: CanvasRenderingContext2D, x: number, y: number, color: string, scale: number): void {
  const width = 22 * scale;
  const height = 15 * scale;
  const left = x - width / 2;
  const top = y - height / 2;
  context.fillStyle = color;
  context.strokeStyle = '#ffffff';
  context.lineWidth = 1.5 * scale;
  context.beginPath();
  context.roundRect(left, top, width, height, 2 * scale);
  context.fill();
  context.stroke();
  context.beginPath();
  context.moveTo(left + 1.5 * scale, top + 1.5 * scale);
  context.lineTo(x, top + height * 0.58);
  context.lineTo(left + width - 1.5 * scale, top + 1.5 * scale);
  context.stroke();
}

function drawCross(context: CanvasRenderingContext2D, x: number, y: number, scale: number): void {
  const r = 9 * scale;
  context.strokeStyle = '#d0343a';
  context.lineWidth = 4 * scale;
  context.lineCap = 'round';
  context.beginPath();
  context.moveTo(x - r, y - r);
  context.lineTo(x + r, y + r);
  context.moveTo(x + r, y - r);
  context.lineTo(x - r, y + r);
  context.stroke();
}

export function PacketOverlay() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const services = useAppServices();
  const store = useAppStoreApi();
  const { client } = useSim();

  useEffect(() => {
    const element = canvasRef.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let envelopes: Envelope[] = [];
    let startedMs = 0;
    let frame = 0;

    const draw = () => {
      frame = 0;
      const width = element.clientWidth;
      const height = element.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
        element.width = Math.round(width * ratio);
        element.height = Math.round(height * ratio);
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      const canvas = services.canvas.current;
      if (canvas === null || envelopes.length === 0) return;
      const progress = Math.min(1, (performance.now() - startedMs) / TRAVEL_MS);
      for (const envelope of envelopes) {
        const from = centerOf(canvas, envelope.from);
        if (from === null) continue;
        const scale = Math.max(0.6, Math.min(1.4, from.zoom));
        const fan = envelope.slot * 10 * scale;
        if (envelope.kind === 'moving') {
          const to = centerOf(canvas, envelope.to);
          if (to === null) continue;
          const along = WAIT_AT * (1 - Math.pow(1 - progress, 2));
          drawEnvelope(context, from.x + (to.x - from.x) * along, from.y + (to.y - from.y) * along, envelope.color, scale);
        } else if (envelope.kind === 'resting') {
          drawEnvelope(context, from.x + 22 * scale + fan, from.y - 22 * scale, envelope.color, scale);
        } else {
          drawCross(context, from.x + fan, from.y, scale);
        }
      }
      // Keep drawing while envelopes are shown: the canvas may pan and zoom under them.
      frame = requestAnimationFrame(draw);
    };
    const redraw = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };

    const unsubscribe = client.onEvent((event) => {
      const state = store.getState();
      if (event.type === 'reset' || state.simMode !== 'simulation') {
        envelopes = [];
        redraw();
        return;
      }
      if (event.type !== 'batch' || event.step === undefined) return;
      // The step's rows travel in the same batch.
      const { firstSeq, endSeq } = event.step;
      const rows = event.rows.filter((row) => isWithin(row.seq, firstSeq, endSeq));
      envelopes = envelopesFor(rows, state.lab, state.hiddenClasses);
      startedMs = performance.now();
      redraw();
    });
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (state.simMode !== previous.simMode && state.simMode !== 'simulation') {
        envelopes = [];
        redraw();
      }
    });
    return () => {
      unsubscribe();
      unsubscribeStore();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [client, services, store]);

  return <canvas ref={canvasRef} className="packet-overlay" aria-hidden="true" data-testid="packet-overlay" />;
}
