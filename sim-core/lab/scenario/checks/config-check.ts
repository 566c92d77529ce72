/**
 * `config`: a line of a device's running configuration matches a regular expression (or, with
 * `expect: absent`, no line does), optionally only inside sections whose header line matches
 * `section` (`^interface GigabitEthernet0/0$`). Patterns are RE2 syntax, run in linear time
 * (console/user-regex.ts: no backreferences or lookaround). Matching is case-insensitive, line by line,
 * with leading spaces removed, against the configuration as `show running-config` prints it
 * (IOS prints IPv6 addresses in upper case: `ipv6 address 2001:DB8:6803:10::1/64`).
 * The configuration is read from the device's model, not typed at its console, so a trainee's
 * console is left as it was.
 * Leaves out: host devices (the Windows PC and Linux server have no running-config to read
 * here yet; check their state with address and route checks).
 */
import { z } from 'zod';
import { getDeviceKindSpec } from '../../../devices/catalog';
import { iosRuntimeOf } from '../../../console/ios/ios-runtime';
import { compileUserRegex } from '../../../console/user-regex';
import { formatConfigBody } from '../../../console/ios/running-config';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, DEVICE_FIELD, PRESENCE_FIELD } from './check-fields';
import { defineCheckKind } from './check-kind';
import { validateDevice, validateRegex } from './check-validation';
import { findLiveDevice } from './lab-queries';

const schema = z
  .strictObject({
    kind: z.literal('config'),
    title: CHECK_TITLE_FIELD,
    device: DEVICE_FIELD.meta({ description: 'An IOS device (router or switch).' }),
    match: z.string().min(1).meta({ description: 'A regular expression one line must match (case-insensitive).', examples: ['^ipv6 unicast-routing$', 'ipv6 nd ra suppress'] }),
    section: z.string().min(1).optional().meta({ description: 'Only lines inside sections whose header matches this regular expression.', examples: ['^interface GigabitEthernet0/0$'] }),
    expect: PRESENCE_FIELD,
  })
  .meta({ description: "A line of a device's running-config matches (or no line matches) a regular expression." });

type ConfigCheck = z.infer<typeof schema>;

/** The running-config lines of a device, each with its section header ('' at top level). */
export function runningConfigLines(text: string): { readonly line: string; readonly section: string }[] {
  const out: { line: string; section: string }[] = [];
  let header = '';
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || raw.trim() === '!') {
      header = '';
      continue;
    }
    if (/^\s/.test(raw)) out.push({ line: raw.trim(), section: header });
    else {
      header = raw.trim();
      out.push({ line: header, section: '' });
    }
  }
  return out;
}

export const CONFIG_CHECK = defineCheckKind({
  kind: 'config',
  schema,
  summary: bilingual('Một dòng trong running-config của thiết bị khớp (hoặc không dòng nào khớp) một biểu thức chính quy.', "A line of a device's running-config matches (or no line matches) a regular expression."),
  describe(check: ConfigCheck) {
    const where = check.section === undefined ? { vi: '', en: '' } : { vi: ` (trong ${check.section})`, en: ` (in ${check.section})` };
    return check.expect === 'absent'
      ? bilingual(`Cấu hình ${check.device} không có dòng /${check.match}/${where.vi}`, `${check.device}'s configuration has no line /${check.match}/${where.en}`)
      : bilingual(`Cấu hình ${check.device} có dòng /${check.match}/${where.vi}`, `${check.device}'s configuration has a line /${check.match}/${where.en}`);
  },
  validate(check, context) {
    const device = validateDevice(context, ['device'], check.device);
    if (device !== undefined && getDeviceKindSpec(device.kind).dialect !== 'ios') {
      context.error(
        ['device'],
        bilingual(
          `kiểm tra config đọc running-config của IOS; ${device.name} là ${device.kind} (hãy kiểm tra địa chỉ và route của nó)`,
          `config checks read an IOS running-config; ${device.name} is a ${device.kind} (check its addresses and routes instead)`,
        ),
      );
    }
    validateRegex(context, ['match'], check.match);
    if (check.section !== undefined) validateRegex(context, ['section'], check.section);
  },
  evaluate(check, session) {
    const wantPresent = check.expect !== 'absent';
    const device = findLiveDevice(session, check.device);
    if (!device.ok) return { passed: false, explanation: bilingual(`Không tìm thấy ${check.device}.`, `Cannot find ${check.device}.`) };
    if (getDeviceKindSpec(device.value.kind).dialect !== 'ios') {
      return { passed: false, explanation: bilingual(`${check.device} không phải thiết bị IOS.`, `${check.device} is not an IOS device.`) };
    }
    // Validated when the scenario loaded (validate above); an uncompilable pattern matches nothing.
    const match = compileUserRegex(check.match, { caseInsensitive: true });
    const section = check.section === undefined ? undefined : compileUserRegex(check.section, { caseInsensitive: true });
    if (!match.ok || (section !== undefined && !section.ok)) {
      const problem = !match.ok ? match.message : section !== undefined && !section.ok ? section.message : { vi: '', en: '' };
      return { passed: false, explanation: bilingual(`${check.device}: biểu thức chính quy không chạy được: ${problem.vi}`, `${check.device}: the regular expression cannot be run: ${problem.en}`) };
    }
    const lines = runningConfigLines(formatConfigBody(iosRuntimeOf(device.value).config));
    const found = lines.find((entry) => (section === undefined || section.value.test(entry.section)) && match.value.test(entry.line));
    const where = found?.section ? ` (${found.section})` : '';
    if (found !== undefined) {
      return wantPresent
        ? { passed: true, explanation: bilingual(`${check.device}: có dòng "${found.line}"${where}.`, `${check.device}: found "${found.line}"${where}.`) }
        : { passed: false, explanation: bilingual(`${check.device}: vẫn còn dòng "${found.line}"${where}.`, `${check.device}: "${found.line}"${where} is still there.`) };
    }
    const scope = check.section === undefined ? { vi: '', en: '' } : { vi: ` trong ${check.section}`, en: ` in ${check.section}` };
    return wantPresent
      ? { passed: false, explanation: bilingual(`${check.device}: running-config chưa có dòng nào khớp /${check.match}/${scope.vi}.`, `${check.device}: no running-config line matches /${check.match}/${scope.en}.`) }
      : { passed: true, explanation: bilingual(`${check.device}: không có dòng nào khớp /${check.match}/${scope.vi}.`, `${check.device}: no line matches /${check.match}/${scope.en}.`) };
  },
});
