/**
 * The trainee's work as config text: each device's configuration as it runs now, in the same
 * text a lab file holds (IOS: the running-config body from `!` to `end`; PC and server: the
 * normalised netsh / ip lines), so the saved lab boots back to the same network and
 * `v6lab grade` scores exactly what the trainee did. Runs in the simulation worker.
 */
import { withDeviceConfigs, type Lab } from '../../sim-core/lab/lab-document';
import type { LabSession } from '../../sim-core/lab/lab-session';

/** Device name → its running configuration text. */
export function readRunningConfigs(session: LabSession): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const name of session.deviceNames) {
    const config = session.runningConfig(name);
    if (config.ok) configs[name] = config.value;
  }
  return configs;
}

/** The lab with the running configurations in place of the configs it was booted from. */
export function withRunningConfigs(lab: Lab, configs: Readonly<Record<string, string>>): Lab {
  return withDeviceConfigs(lab, configs);
}
