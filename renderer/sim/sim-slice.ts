/**
 * The simulation view slice: what the person asked of the running network (realtime or
 * simulation mode, speed, play/pause), which device consoles are open as terminal tabs and
 * which one is in front, the event list's protocol filter and the event open in the packet
 * inspector. Low-rate, serializable choices only: the trace rows, console output and the clock
 * stream past React (sim-client.ts, timeline-buffer.ts).
 */
import type { DeviceName, Lab } from '../../sim-core/lab/lab-document';
import type { AppSliceCreator } from '../state/slice-types';
import type { PlaySpeed, PortLight, PortLightState, RowClass, SimMode } from './sim-protocol';

export interface SimViewState {
  readonly simMode: SimMode;
  /** Virtual seconds per wall second in realtime mode. */
  readonly simSpeed: number;
  /** Realtime: the clock runs; simulation: auto-stepping. */
  readonly simPlaying: boolean;
  /** Simulation mode: how fast Play steps. */
  readonly simPlaySpeed: PlaySpeed;
  /** Device consoles open as terminal tabs, in tab order. */
  readonly openConsoles: readonly DeviceName[];
  readonly activeConsole: DeviceName | null;
  /** Protocol classes the event list hides (and steps skip). */
  readonly hiddenClasses: readonly RowClass[];
  /** The event (trace seq) open in the packet inspector. */
  readonly inspectedSeq: number | null;
  /** The bottom dock (terminals, event list) is folded away. */
  readonly dockCollapsed: boolean;
  /** Each cable end's live light, by portLightKey(device, interface); empty until the network runs. */
  readonly portLights: Readonly<Record<string, PortLightState>>;
  /** Cable ends carry their port names all the time (not only on hover or selection). */
  readonly showPortNames: boolean;
  /** The last Add Simple PDU asked for (the runtime sends it to the worker; `serial` tells two alike apart). */
  readonly pduRequest: { readonly from: DeviceName; readonly to: DeviceName; readonly family: 4 | 6; readonly serial: number } | null;
}

export interface SimViewActions {
  /** Opens a device's console in a terminal tab (or brings its tab to the front). */
  openConsole(device: DeviceName): void;
  closeConsole(device: DeviceName): void;
  setActiveConsole(device: DeviceName): void;
  setSimMode(mode: SimMode): void;
  setSimSpeed(speed: number): void;
  setSimPlaying(playing: boolean): void;
  setSimPlaySpeed(speed: PlaySpeed): void;
  toggleHiddenClass(frameClass: RowClass): void;
  setHiddenClasses(classes: readonly RowClass[]): void;
  inspectEvent(seq: number | null): void;
  setDockCollapsed(collapsed: boolean): void;
  /** The worker's lights (every cable end): replaces the ones known. */
  setPortLights(lights: readonly PortLight[]): void;
  setShowPortNames(show: boolean): void;
  /** Add Simple PDU: `from` pings `to` once over `family`, with no console. */
  sendSimplePdu(from: DeviceName, to: DeviceName, family: 4 | 6): void;
}

/** The key of a cable end in `portLights`. */
export function portLightKey(device: string, iface: string): string {
  return `${device}\u0000${iface}`;
}

/** Spanning tree's hellos every 2 s would bury everything else: hidden until asked for. */
export const DEFAULT_HIDDEN_CLASSES: readonly RowClass[] = ['STP'];

export const createSimSlice: AppSliceCreator<SimViewState & SimViewActions> = (set) => ({
  simMode: 'realtime',
  simSpeed: 1,
  simPlaying: true,
  simPlaySpeed: 'normal',
  openConsoles: [],
  activeConsole: null,
  hiddenClasses: DEFAULT_HIDDEN_CLASSES,
  inspectedSeq: null,
  dockCollapsed: false,
  portLights: {},
  showPortNames: false,
  pduRequest: null,
  openConsole: (device) =>
    set((state) => ({
      openConsoles: state.openConsoles.includes(device) ? state.openConsoles : [...state.openConsoles, device],
      activeConsole: device,
      dockCollapsed: false,
    })),
  closeConsole: (device) =>
    set((state) => {
      const index = state.openConsoles.indexOf(device);
      if (index < 0) return {};
      const openConsoles = state.openConsoles.filter((name) => name !== device);
      const activeConsole = state.activeConsole === device ? (openConsoles[Math.min(index, openConsoles.length - 1)] ?? null) : state.activeConsole;
      return { openConsoles, activeConsole };
    }),
  setActiveConsole: (device) => set({ activeConsole: device, dockCollapsed: false }),
  setSimMode: (simMode) => set({ simMode, simPlaying: simMode === 'realtime', inspectedSeq: null, dockCollapsed: false }),
  setSimSpeed: (simSpeed) => set({ simSpeed }),
  setSimPlaying: (simPlaying) => set({ simPlaying }),
  setSimPlaySpeed: (simPlaySpeed) => set({ simPlaySpeed }),
  toggleHiddenClass: (frameClass) =>
    set((state) => ({
      hiddenClasses: state.hiddenClasses.includes(frameClass) ? state.hiddenClasses.filter((c) => c !== frameClass) : [...state.hiddenClasses, frameClass],
    })),
  setHiddenClasses: (hiddenClasses) => set({ hiddenClasses }),
  inspectEvent: (inspectedSeq) => set({ inspectedSeq }),
  setDockCollapsed: (dockCollapsed) => set({ dockCollapsed }),
  setPortLights: (lights) => set({ portLights: Object.fromEntries(lights.map((light) => [portLightKey(light.device, light.iface), light.state])) }),
  setShowPortNames: (showPortNames) => set({ showPortNames }),
  sendSimplePdu: (from, to, family) => set((state) => ({ pduRequest: { from, to, family, serial: (state.pduRequest?.serial ?? 0) + 1 } })),
});

/** The open consoles without the devices `lab` no longer has (same array if none went). */
export function pruneConsoles(openConsoles: readonly DeviceName[], lab: Lab): readonly DeviceName[] {
  const kept = openConsoles.filter((name) => lab.devices.some((device) => device.name === name));
  return kept.length === openConsoles.length ? openConsoles : kept;
}
