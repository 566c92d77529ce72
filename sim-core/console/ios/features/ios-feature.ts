/**
 * An IOS feature module in the manner of FRRouting's per-daemon CLI files: one folder per area
 * (`features/<area>/`) declares the commands it adds to each mode, any modes of its own
 * (`router ospfv3 1` later), its lines of the running-config and where they go, and its show
 * commands. The mode table (ios-modes.ts) and the running-config printer (running-config.ts)
 * take every feature from the registry (features/registry.ts), so adding an area's CLI is its
 * folder and one registry line. The feature calls the device's management API through the
 * runtime (`env.runtime.mgmt`) and keeps its slice of the IOS configuration in `IosConfig`.
 * Leaves out (for now): feature-owned slices of `IosConfig` (the fields are still declared in
 * ios-config.ts), and interface-block lines (interface-commands.ts prints those).
 */
import type { DeviceKind } from '../../../devices/catalog';
import type { CommandSpec } from '../../grammar';
import type { IosHandler, IosModeSpec } from '../../ios-dialect';
import type { IosCommandEnv } from '../command-context';
import type { IosConfig } from '../ios-config';

/**
 * Where a feature's running-config section goes, in IOS's order: `before-interfaces` after the
 * global switches and spanning-tree lines (the VLAN database), `after-interfaces` after the
 * interface blocks and `ip forward-protocol nd` (static routes); then the console and vty lines.
 */
export type RunningConfigPlace = 'before-interfaces' | 'after-interfaces';

export interface RunningConfigSection {
  readonly place: RunningConfigPlace;
  /** Lines in IOS's order; an empty section prints nothing (not even its `!`). */
  readonly lines: readonly string[];
}

export interface IosFeature {
  /** The area, as the folder is named (`static-routing`). */
  readonly name: string;
  /** Whether a device kind has the area at all (static routing needs an IP stack). */
  appliesTo(kind: DeviceKind): boolean;
  /** Commands the feature adds, by mode id (`config`, `config-if`, `privileged` …). */
  commands(env: IosCommandEnv): Readonly<Record<string, readonly CommandSpec<IosHandler>[]>>;
  /** Modes of its own (`config-router`), if any. */
  modes?(env: IosCommandEnv): readonly IosModeSpec[];
  /** Its sections of the running-config. */
  runningConfig?(config: IosConfig): readonly RunningConfigSection[];
}
