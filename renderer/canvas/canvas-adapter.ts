/**
 * The cytoscape adapter: turns lab documents into cytoscape calls incrementally and cytoscape's
 * native events into plain callbacks (which the component maps to store actions). Immer keeps
 * unchanged devices and links as the same objects, so `render` compares by reference and
 * touches only what an edit changed: a move updates one position, a rename swaps one node and
 * its edges, a 500-device load is one batched add. No React in here, so it runs against a
 * headless cytoscape in the unit tests.
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { CanvasPosition, DeviceName, Lab, LabLink, LinkId } from '../../sim-core/lab/lab-document';
import type { DeviceMove } from '../actions/move-devices';
import type { Selection } from '../state/selection-slice';
import type { PortLightState } from '../sim/sim-protocol';
import { portLightKey } from '../sim/sim-slice';
import { DEVICE_ICON_PX } from './canvas-style';
import { computeFitViewport } from './fit-viewport';
import { FitMemory } from './fit-memory';
import { deviceElement, deviceNodeId, devicePosition, linkClasses, linkEdgeId, linkElement, linkLightData, listZonesInUse, zoneElement, zoneNodeId, type LightOf } from './lab-elements';

export interface CanvasCallbacks {
  /** A click on empty canvas or on a zone's box (then `zone` names it), at model coordinates. */
  onTapBackground(position: CanvasPosition, zone: string | undefined): void;
  onTapDevice(name: DeviceName): void;
  /** The end of a drag: every device that moved, in one call. */
  onMoveDevices(moves: readonly DeviceMove[]): void;
  onSelectionChange(selection: Selection): void;
  /** A double click on the device's name (below the icon). */
  onDoubleClickLabel(name: DeviceName): void;
  /** A double click on the device's icon. */
  onDoubleClickDevice(name: DeviceName): void;
}

/** How much one zoom step (button or key) scales. */
export const ZOOM_STEP = 1.25;
const MAX_FIT_ZOOM = 1.5;
const ZONE_MARGIN_PX = 32;
const LABEL_HEIGHT_PX = 24;
/** Below this zoom, labs of at least LOD_MIN_DEVICES devices draw devices as dots. */
const LOD_ZOOM = 0.45;
const LOD_MIN_DEVICES = 150;

export class CanvasAdapter {
  private lab: Lab | null = null;
  /** Each cable end's light from the running network (portLightKey → state). */
  private lights: Readonly<Record<string, PortLightState>> = {};
  private readonly lightOf: LightOf = (device, iface) => this.lights[portLightKey(device, iface)] ?? 'none';
  private portNames = false;
  private zoneLabel: (zone: string) => string;
  private pendingMoves = new Set<NodeSingular>();
  private selectionFlushQueued = false;
  private applyingSelection = false;
  private simplified = false;
  /** The viewport of the last fit, to fit again on resize while the view is untouched. */
  private readonly fitMemory = new FitMemory();

  constructor(
    private readonly cy: Core,
    private readonly callbacks: CanvasCallbacks,
    zoneLabel: (zone: string) => string,
  ) {
    this.zoneLabel = zoneLabel;
    this.listen();
  }

  /** Brings the canvas in step with `lab`, touching only what differs from the last render. */
  render(lab: Lab): void {
    const previous = this.lab;
    this.lab = lab;
    if (previous === lab) return;
    const cy = this.cy;
    cy.batch(() => {
      const previousDevices = new Map((previous?.devices ?? []).map((device) => [device.name as string, device]));
      const nextDevices = new Map(lab.devices.map((device) => [device.name as string, device]));
      const previousLinks = new Map((previous?.links ?? []).map((link) => [link.id as string, link]));
      const nextLinks = new Map(lab.links.map((link) => [link.id as string, link]));

      for (const id of previousLinks.keys()) if (!nextLinks.has(id)) cy.getElementById(linkEdgeId(id)).remove();
      for (const name of previousDevices.keys()) if (!nextDevices.has(name)) cy.getElementById(deviceNodeId(name)).remove();

      const zones = listZonesInUse(lab);
      for (const zone of zones) if (cy.getElementById(zoneNodeId(zone)).empty()) cy.add(zoneElement(zone, this.zoneLabel(zone)));

      const added: ReturnType<typeof deviceElement>[] = [];
      let devicesChanged = previous === null;
      lab.devices.forEach((device, index) => {
        const before = previousDevices.get(device.name);
        if (before === device) return;
        devicesChanged = true;
        if (before === undefined) {
          added.push(deviceElement(device, index));
          return;
        }
        const node = cy.getElementById(deviceNodeId(device.name));
        if (before.kind !== device.kind) node.data('kind', device.kind).classes(`device kind-${device.kind}`);
        if (before.zone !== device.zone) node.move({ parent: device.zone === undefined ? null : zoneNodeId(device.zone) });
        const position = devicePosition(device, index);
        const drawn = node.position();
        if (drawn.x !== position.x || drawn.y !== position.y) node.position({ ...position });
      });
      if (added.length > 0) cy.add(added);

      const addedLinks = [];
      for (const link of lab.links) {
        const before = previousLinks.get(link.id);
        if (before === undefined) {
          addedLinks.push(linkElement(link, this.classesOf(link), this.lightOf));
        } else if (before !== link || devicesChanged) {
          this.updateLink(link);
        }
      }
      if (addedLinks.length > 0) cy.add(addedLinks);
      if (added.length > 0 && this.simplified) cy.nodes('.device').addClass('lod');

      const inUse = new Set(zones.map(zoneNodeId));
      cy.nodes('.zone').forEach((zoneNode) => {
        if (!inUse.has(zoneNode.id())) zoneNode.remove();
      });
    });
  }

  /** Shows the store's selection on the canvas (without echoing it back as a change). */
  showSelection(selection: Selection): void {
    const wanted = new Set([...selection.devices.map(deviceNodeId), ...selection.links.map(linkEdgeId)]);
    const current = this.cy.$(':selected');
    if (current.length === wanted.size && current.every((element) => wanted.has((element as { id(): string }).id()))) return;
    this.applyingSelection = true;
    try {
      this.cy.batch(() => {
        current.forEach((element) => {
          if (!wanted.has(element.id())) element.unselect();
        });
        for (const id of wanted) this.cy.getElementById(id).select();
      });
    } finally {
      this.applyingSelection = false;
    }
  }

  setConnectSource(name: string | null): void {
    this.cy.nodes('.connect-source').removeClass('connect-source');
    if (name !== null) this.cy.getElementById(deviceNodeId(name)).addClass('connect-source');
  }

  /**
   * A scenario's locked devices cannot be dragged (the lab slice refuses the edit anyway; this
   * keeps the icon from moving under the pointer). Call after render when the lab changed.
   */
  setLockedDevices(names: readonly string[]): void {
    const locked = new Set(names.map((name) => name.toLowerCase()));
    this.cy.nodes('.device').forEach((node) => {
      if (locked.has(String(node.data('name')).toLowerCase())) node.ungrabify();
      else node.grabify();
    });
  }

  /** Re-reads zone labels (the language changed). */
  relabelZones(zoneLabel: (zone: string) => string): void {
    this.zoneLabel = zoneLabel;
    this.cy.nodes('.zone').forEach((node) => {
      node.data('label', zoneLabel(node.data('zone') as string));
    });
  }

  /**
   * Fits every device in view (zoom at most 1.5). The box comes from the devices' positions
   * plus room for the icon, the name and a zone's frame, not from cytoscape's label-measuring
   * bounding box, which costs seconds on a 500-device lab.
   */
  fit(): void {
    this.fitDevices(this.cy.nodes('.device'));
  }

  /** Fits the view to the devices of one zone (its frame and label included). */
  fitZone(zone: string): void {
    this.fitDevices(this.cy.getElementById(zoneNodeId(zone)).children('.device'));
  }

  /** Centres the view on a device, zoomed in to at least 1 so its icon and name read. */
  centerOn(name: string): boolean {
    const node = this.cy.getElementById(deviceNodeId(name));
    if (node.empty()) return false;
    this.fitMemory.forget();
    const zoom = Math.max(1, this.cy.zoom());
    const { x, y } = node.position();
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - x * zoom, y: this.cy.height() / 2 - y * zoom } });
    this.updateLevelOfDetail();
    return true;
  }

  private fitDevices(devices: ReturnType<Core['nodes']>): void {
    if (devices.empty()) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    devices.forEach((node) => {
      const { x, y } = node.position();
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    });
    const hasZones = this.cy.nodes('.zone').nonempty();
    const marginX = DEVICE_ICON_PX + (hasZones ? ZONE_MARGIN_PX : 0);
    const marginTop = DEVICE_ICON_PX / 2 + (hasZones ? ZONE_MARGIN_PX + 24 : 0);
    const marginBottom = DEVICE_ICON_PX / 2 + LABEL_HEIGHT_PX + (hasZones ? ZONE_MARGIN_PX : 0);
    const box = { minX: minX - marginX, minY: minY - marginTop, maxX: maxX + marginX, maxY: maxY + marginBottom };
    const viewport = computeFitViewport(box, this.cy.width(), this.cy.height(), { min: this.cy.minZoom(), max: MAX_FIT_ZOOM });
    this.cy.viewport(viewport);
    this.fitMemory.remember(viewport);
    this.updateLevelOfDetail();
  }

  /**
   * The canvas changed size (the dock or the simulation panel opening, the palette folding, the
   * window): the drawing surface follows. A view still as the last fit left it (nobody panned
   * or zoomed since) is fitted to the new size; a view the person set stays exactly as it is
   * (zoom and pan: the devices do not move under the pointer when the dock opens), unless no
   * device is left in sight at all, when it is fitted.
   */
  resized(): void {
    this.cy.resize();
    if (this.cy.width() === 0 || this.cy.height() === 0) return;
    if (this.fitMemory.stillFitted({ zoom: this.cy.zoom(), pan: this.cy.pan() }) || !this.anyDeviceInView()) this.fit();
  }

  /** True when at least one device's centre is inside the canvas. */
  private anyDeviceInView(): boolean {
    const devices = this.cy.nodes('.device');
    if (devices.empty()) return true;
    const width = this.cy.width();
    const height = this.cy.height();
    return devices.some((node) => {
      const { x, y } = (node as NodeSingular).renderedPosition();
      return x >= 0 && y >= 0 && x <= width && y <= height;
    });
  }

  /**
   * Far out on a big lab, devices are drawn as plain coloured dots instead of their icons
   * (`lod` class): the icons would be a few pixels wide anyway, and dots keep panning and
   * zooming smooth.
   */
  private updateLevelOfDetail(): void {
    const devices = this.cy.nodes('.device');
    const simple = this.cy.zoom() < LOD_ZOOM && devices.length >= LOD_MIN_DEVICES;
    if (simple === this.simplified) return;
    this.simplified = simple;
    this.cy.batch(() => {
      if (simple) devices.addClass('lod');
      else devices.removeClass('lod');
    });
  }

  zoomBy(factor: number): void {
    this.fitMemory.forget();
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Model coordinates of a point given relative to the canvas container's top-left corner. */
  modelPosition(rendered: CanvasPosition): CanvasPosition {
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    return { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
  }

  /** Where a device's label is on screen (rendered coordinates), for the inline rename box. */
  labelBox(name: string): { x: number; y: number; zoom: number } | null {
    const node = this.cy.getElementById(deviceNodeId(name));
    if (node.empty()) return null;
    const position = node.renderedPosition();
    const zoom = this.cy.zoom();
    return { x: position.x, y: position.y + ((DEVICE_ICON_PX / 2) + 4) * zoom, zoom };
  }

  /**
   * The running network's lights (every cable end, from the worker): each end of every cable
   * takes its colour, and a link with a shut end is drawn as administratively down.
   */
  setPortLights(lights: Readonly<Record<string, PortLightState>>): void {
    if (lights === this.lights) return;
    this.lights = lights;
    const lab = this.lab;
    if (lab === null) return;
    this.cy.batch(() => {
      for (const link of lab.links) this.updateLink(link);
    });
  }

  /** Port names on every cable end (true), or only on a hovered or selected cable (false). */
  setShowPortNames(show: boolean): void {
    if (show === this.portNames) return;
    this.portNames = show;
    this.cy.batch(() => {
      const edges = this.cy.edges();
      if (show) edges.addClass('port-names');
      else edges.removeClass('port-names');
    });
  }

  private classesOf(link: LabLink): string {
    const classes = linkClasses(link, this.lightOf);
    return this.portNames ? `${classes} port-names` : classes;
  }

  private updateLink(link: LabLink): void {
    const edge = this.cy.getElementById(linkEdgeId(link.id));
    if (edge.empty()) return;
    const classes = this.classesOf(link);
    const hover = edge.hasClass('hover');
    edge.classes(hover ? `${classes} hover` : classes);
    const { sourceLight, targetLight } = linkLightData(link, this.lightOf);
    if (edge.data('sourceLight') !== sourceLight) edge.data('sourceLight', sourceLight);
    if (edge.data('targetLight') !== targetLight) edge.data('targetLight', targetLight);
  }

  private listen(): void {
    const cy = this.cy;
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.callbacks.onTapBackground(event.position, undefined);
    });
    cy.on('tap', 'node.zone', (event: EventObject) => {
      this.callbacks.onTapBackground(event.position, event.target.data('zone') as string);
    });
    cy.on('tap', 'node.device', (event: EventObject) => this.callbacks.onTapDevice(event.target.data('name') as DeviceName));
    cy.on('dbltap', 'node.device', (event: EventObject) => {
      const node = event.target as NodeSingular;
      const name = node.data('name') as DeviceName;
      if (event.position.y > node.position().y + DEVICE_ICON_PX / 2) this.callbacks.onDoubleClickLabel(name);
      else this.callbacks.onDoubleClickDevice(name);
    });
    cy.on('zoom', () => this.updateLevelOfDetail());
    cy.on('mouseover', 'edge', (event: EventObject) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event: EventObject) => event.target.removeClass('hover'));
    cy.on('dragfree', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      const devices = node.hasClass('zone') ? node.children('.device') : node;
      devices.forEach((device) => {
        this.pendingMoves.add(device);
      });
      queueMicrotask(() => this.flushMoves());
    });
    cy.on('select unselect', () => {
      if (this.applyingSelection || this.selectionFlushQueued) return;
      this.selectionFlushQueued = true;
      queueMicrotask(() => {
        this.selectionFlushQueued = false;
        this.callbacks.onSelectionChange(this.readSelection());
      });
    });
  }

  private flushMoves(): void {
    if (this.pendingMoves.size === 0) return;
    const moves: DeviceMove[] = [...this.pendingMoves].filter((node) => node.inside()).map((node) => ({ name: node.data('name') as string, position: { ...node.position() } }));
    this.pendingMoves.clear();
    this.callbacks.onMoveDevices(moves);
  }

  private readSelection(): Selection {
    const selected = this.cy.$(':selected');
    return {
      devices: selected.nodes('.device').map((node) => node.data('name') as DeviceName),
      links: selected.edges().map((edge) => edge.data('linkId') as LinkId),
    };
  }
}
