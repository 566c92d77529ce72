/**
 * Injecting a scenario's faults into a booted lab, in file order, before the network settles
 * (as if the network had been found that way): `config` lines applied through the device's
 * dialect loader (the same path as its config text: IOS configuration mode, `no …` removes a
 * line), `unplug` pulls the cable at an endpoint (both ports lose carrier), `shutdown` shuts an
 * interface down (on IOS through the configuration, so `show running-config` says `shutdown`
 * and `no shutdown` fixes it). A refused line is a problem at its scenario file:line.
 */
import { getDeviceKindSpec } from '../../devices/catalog';
import { resolveInterfaceName } from '../../devices/interface-names';
import { dialectSupportFor } from '../dialect-registry';
import type { LabSession } from '../lab-session';
import { locateConfigLine, type SourcePosition } from '../load-lab';
import type { ScenarioSourceMap } from './load-scenario';
import type { Scenario, ScenarioFault } from './scenario-document';
import type { ProblemMessage } from '../problem-text';
import type { ScenarioProblem } from './scenario-problems';

/** Applies every fault; returns the problems (refused lines, names that do not resolve). Never throws on file content. */
export function applyFaults(session: LabSession, scenario: Scenario, source?: ScenarioSourceMap): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const fileName = source?.fileName ?? scenario.id;
  scenario.faults.forEach((fault, index) => {
    const at = source?.faults[index]?.at ?? { line: 1, column: 1 };
    const fail = (message: ProblemMessage, position: SourcePosition = at, excerpt?: string): void => {
      problems.push({
        severity: 'error',
        code: 'fault-rejected',
        file: fileName,
        line: position.line,
        column: position.column,
        message: message.en,
        messageVi: message.vi,
        ...(excerpt === undefined ? {} : { excerpt }),
      });
    };
    try {
      applyFault(session, fault, (line, column, message, text) => {
        const origin = source?.faults[index]?.commands;
        const position = origin === undefined ? at : locateConfigLine(origin, line, column);
        const device = 'device' in fault ? fault.device : '';
        const reason = message.replace(/\n+/g, ' ');
        fail(
          {
            en: `fault ${index + 1} (${fault.kind}) on ${device}: line ${line} refused: ${reason}`,
            vi: `lỗi giả lập ${index + 1} (${fault.kind}) trên ${device}: dòng ${line} bị từ chối: ${reason}`,
          },
          position,
          text,
        );
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      fail({ en: `fault ${index + 1} (${fault.kind}) could not be applied: ${reason}`, vi: `không áp dụng được lỗi giả lập ${index + 1} (${fault.kind}): ${reason}` });
    }
  });
  return problems;
}

type Refused = (line: number, column: number, message: string, text: string) => void;

function applyFault(session: LabSession, fault: ScenarioFault, refused: Refused): void {
  switch (fault.kind) {
    case 'config': {
      const name = session.resolveDeviceName(fault.device);
      if (!name.ok) throw new Error(name.error);
      const device = session.network.device(name.value);
      for (const rejection of dialectSupportFor(device).loadConfig(device, fault.commands)) {
        refused(rejection.line, rejection.column ?? 1, rejection.message, rejection.text);
      }
      return;
    }
    case 'unplug':
      session.network.unplug(canonicalEndpoint(session, fault.link));
      return;
    case 'shutdown': {
      const endpoint = canonicalEndpoint(session, fault.interface);
      const [deviceName, interfaceName] = splitEndpoint(endpoint);
      const device = session.network.device(deviceName);
      if (getDeviceKindSpec(device.kind).dialect === 'ios') {
        for (const rejection of dialectSupportFor(device).loadConfig(device, `interface ${interfaceName}\n shutdown\n`)) refused(1, 1, rejection.message, rejection.text);
      } else session.network.setUp(endpoint, false);
      return;
    }
  }
}

/** `r1:g0/1` → `R1:GigabitEthernet0/1`. */
export function canonicalEndpoint(session: LabSession, endpoint: string): string {
  const [deviceText, interfaceText] = splitEndpoint(endpoint);
  const name = session.resolveDeviceName(deviceText);
  if (!name.ok) throw new Error(name.error);
  const device = session.network.device(name.value);
  const resolved = resolveInterfaceName(device.kind, interfaceText, device.name);
  if (!resolved.ok) throw new Error(resolved.error);
  return `${device.name}:${resolved.value.name}`;
}

function splitEndpoint(endpoint: string): [string, string] {
  const colon = endpoint.indexOf(':');
  return [endpoint.slice(0, colon).trim(), endpoint.slice(colon + 1).trim()];
}
