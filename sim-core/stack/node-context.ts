/**
 * The small context every protocol module of a device gets instead of globals (STYLE.md): the
 * clock, the device's own random stream, timers and the trace. A module built on it can be
 * tested alone with a bare Simulator. Sending is per interface (`NodeStack.sendFrame`), so it
 * lives on the stack, not here.
 */
import type { SeededRandom } from '../engine/random';
import type { Simulator, Timer } from '../engine/simulator';
import type { TimeNs } from '../engine/time';
import type { DropReason } from '../engine/trace';

export interface NodeContext {
  /** The device's name as the lab names it (`R1`); also its trace name. */
  readonly deviceName: string;
  nowNs(): TimeNs;
  /**
   * The device's own random stream (derived from the run's seed and the device name). A module
   * that wants a stream unaffected by others' use takes `random.derive('<module>')`.
   */
  readonly random: SeededRandom;
  /** Calls `callback` after `delayNs`; the returned timer can be cancelled. */
  setTimer(delayNs: number, callback: () => void): Timer;
  /** Records a dropped frame or packet (`interfaceName` as the device names it). */
  traceDrop(interfaceName: string, bytes: Uint8Array, reason: DropReason): void;
  /** The simulator itself, for the rare module that must schedule with an argument or stop the run. */
  readonly simulator: Simulator;
}

/** The context of device `deviceName` in `simulator`. */
export function createNodeContext(simulator: Simulator, deviceName: string): NodeContext {
  const random = simulator.random.derive(deviceName);
  return {
    deviceName,
    nowNs: () => simulator.nowNs,
    random,
    setTimer: (delayNs, callback) => simulator.setTimer(delayNs, callback),
    traceDrop: (interfaceName, bytes, reason) => simulator.trace.record(simulator.nowNs, deviceName, interfaceName, 'drop', bytes, reason),
    simulator,
  };
}
