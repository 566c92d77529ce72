/**
 * Packets drawn on the topology in simulation mode, as Packet Tracer's envelopes: after each
 * step, every frame sent in it moves along its link from the sender toward the other end and
 * waits there ("on the wire"), every frame received sits at its device, every drop is a red
 * cross, each coloured by protocol. One <canvas> over cytoscape, pointer-transparent, redrawn
 * only while something is shown; device positions come from the canvas controls. A click on an
 * envelope (or a cross) opens that frame in the packet inspector, as in Packet Tracer: the
 * canvas area's pointer events are looked at first (capture phase) and one on an envelope goes
 * no further, so cytoscape does not take it for a click on the background.
 */
import { useEffect, useRef } from 'react';
import type { Lab } from '../../sim-core/lab/lab-document';
import { useAppServices, type CanvasControls } from '../app-services';
import { DEVICE_ICON_PX } from '../canvas/canvas-style';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import type { TraceRow } from '../sim/sim-protocol';
import { playIntervalMs } from '../sim/sim-protocol';
import { PROTOCOL_COLORS } from './protocol-colors';

/** How long an envelope takes along its link (wall time), at most: a faster play shortens it. */
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
  /** The trace row it shows (what a click opens). */
  readonly seq: number;
}

/** Where an envelope was drawn last, on screen (canvas-area coordinates). */
interface DrawnBox {
  readonly x: number;
  readonly y: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly seq: number;
}

/** The envelope under a point (the one drawn last, which is on top), if any. */
export function envelopeAt(boxes: readonly DrawnBox[], x: number, y: number): number | undefined {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const box = boxes[i]!;
    if (Math.abs(x - box.x) <= box.halfWidth && Math.abs(y - box.y) <= box.halfHeight) return box.seq;
  }
  return undefined;
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
    if (row.direction === 'drop') envelopes.push({ kind: 'dropped', from: row.device, to: row.device, color, slot: slotAt(row.device), seq: row.seq });
    else if (row.direction === 'rx') envelopes.push({ kind: 'resting', from: row.device, to: row.device, color, slot: slotAt(row.device), seq: row.seq });
    else {
      const peer = peerOf(lab, row.device, row.iface);
      if (peer !== undefined) envelopes.push({ kind: 'moving', from: row.device, to: peer, color, slot: 0, seq: row.seq });
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
    let boxes: DrawnBox[] = [];
    let startedMs = 0;
    let travelMs = TRAVEL_MS;
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
      boxes = [];
      if (canvas === null || envelopes.length === 0) return;
      const progress = Math.min(1, (performance.now() - startedMs) / travelMs);
      for (const envelope of envelopes) {
        const from = centerOf(canvas, envelope.from);
        if (from === null) continue;
        const scale = Math.max(0.6, Math.min(1.4, from.zoom));
        const fan = envelope.slot * 10 * scale;
        let x: number;
        let y: number;
        if (envelope.kind === 'moving') {
          const to = centerOf(canvas, envelope.to);
          if (to === null) continue;
          const along = WAIT_AT * (1 - Math.pow(1 - progress, 2));
          x = from.x + (to.x - from.x) * along;
          y = from.y + (to.y - from.y) * along;
          drawEnvelope(context, x, y, envelope.color, scale);
        } else if (envelope.kind === 'resting') {
          x = from.x + 22 * scale + fan;
          y = from.y - 22 * scale;
          drawEnvelope(context, x, y, envelope.color, scale);
        } else {
          x = from.x + fan;
          y = from.y;
          drawCross(context, x, y, scale);
        }
        boxes.push({ x, y, halfWidth: 13 * scale, halfHeight: 10 * scale, seq: envelope.seq });
      }
      // Where each envelope is ("seq@x,y;…"), for tests and tools that read the page.
      const placed = boxes.map((box) => `${box.seq}@${Math.round(box.x)},${Math.round(box.y)}`).join(';');
      if (element.getAttribute('data-envelopes') !== placed) element.setAttribute('data-envelopes', placed);
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
      // While playing, an envelope arrives before the next step moves it on.
      travelMs = state.simPlaying ? Math.min(TRAVEL_MS, playIntervalMs(state.simPlaySpeed) * 0.8) : TRAVEL_MS;
      redraw();
    });
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (state.simMode !== previous.simMode && state.simMode !== 'simulation') {
        envelopes = [];
        redraw();
      }
    });
    // Clicks on an envelope open its frame; they stop here, before cytoscape sees them.
    const area = element.parentElement;
    const pointAt = (event: MouseEvent) => {
      const rect = element.getBoundingClientRect();
      return envelopeAt(boxes, event.clientX - rect.left, event.clientY - rect.top);
    };
    const swallow = (event: MouseEvent) => {
      if (pointAt(event) === undefined) return;
      event.stopPropagation();
      event.preventDefault();
    };
    const open = (event: MouseEvent) => {
      const seq = pointAt(event);
      if (seq === undefined) return;
      event.stopPropagation();
      event.preventDefault();
      store.getState().inspectEvent(seq);
    };
    const hover = (event: MouseEvent) => {
      if (area) area.classList.toggle('over-envelope', pointAt(event) !== undefined);
    };
    const captured = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick'] as const;
    for (const type of captured) area?.addEventListener(type, swallow, true);
    area?.addEventListener('click', open, true);
    area?.addEventListener('mousemove', hover, true);
    return () => {
      unsubscribe();
      unsubscribeStore();
      for (const type of captured) area?.removeEventListener(type, swallow, true);
      area?.removeEventListener('click', open, true);
      area?.removeEventListener('mousemove', hover, true);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [client, services, store]);

  return <canvas ref={canvasRef} className="packet-overlay" aria-hidden="true" data-testid="packet-overlay" />;
}
