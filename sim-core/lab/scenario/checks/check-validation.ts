/**
 * Meaning checks the kinds share when a scenario is loaded: a device named in a check exists
 * in the lab, an endpoint names one of its interfaces (ports, or logical interfaces its config
 * may create), prefixes and addresses parse, a ping target is an address, a device or an
 * interface. Each helper reports at the given path through the context and returns the parsed
 * value, or undefined when it reported.
 */
import { parseIpv4 } from '../../../addr/ipv4';
import { parseIpv6 } from '../../../addr/ipv6';
import { parsePrefix, type Prefix } from '../../../addr/prefix';
import { compileUserRegex, type UserRegex } from '../../../console/user-regex';
import { resolveInterfaceNameBilingual } from '../../../devices/interface-names';
import type { LabDevice } from '../../lab-document';
import { suggestClosest } from '../../suggest-name';
import { bilingualMessage as msg, didYouMean } from '../../problem-text';
import type { CheckPath, CheckValidationContext } from './check-kind';
import type { Family } from './check-fields';

export function validateDevice(context: CheckValidationContext, path: CheckPath, name: string): LabDevice | undefined {
  const device = context.findDevice(name);
  if (device !== undefined) return device;
  const suggestion = suggestClosest(name, context.deviceNames);
  const names = context.deviceNames.join(', ');
  const hint = suggestion !== undefined ? didYouMean(suggestion) : msg(`the devices are ${names || '(none)'}`, `các thiết bị là ${names || '(không có)'}`);
  context.error(path, msg(`there is no device '${name}' in this lab; ${hint.en}`, `Thiết bị '${name}' không tồn tại trong bài lab; ${hint.vi}`));
  return undefined;
}

export interface ValidEndpoint {
  readonly device: LabDevice;
  /** Canonical interface name. */
  readonly interfaceName: string;
}

/** `R1:g0/0` → R1 and GigabitEthernet0/0 (logical interfaces the config may create included). */
export function validateEndpoint(context: CheckValidationContext, path: CheckPath, text: string): ValidEndpoint | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) {
    context.error(path, msg(`'${text}' is not DEVICE:INTERFACE, e.g. R1:GigabitEthernet0/0`, `'${text}' không có dạng THIẾT_BỊ:INTERFACE, ví dụ R1:GigabitEthernet0/0`));
    return undefined;
  }
  const device = validateDevice(context, path, text.slice(0, colon).trim());
  if (device === undefined) return undefined;
  const resolved = resolveInterfaceNameBilingual(device.kind, text.slice(colon + 1), device.name);
  if (!resolved.ok) {
    context.error(path, resolved.error);
    return undefined;
  }
  return { device, interfaceName: resolved.value.name };
}

export function validatePrefix(context: CheckValidationContext, path: CheckPath, text: string): Prefix | undefined {
  const parsed = parsePrefix(text.trim());
  if (parsed.ok) return parsed.value;
  context.error(path, msg(`not a prefix: ${parsed.error}`, `không phải prefix hợp lệ: ${parsed.error}`));
  return undefined;
}

/** The family of an address text, or undefined when it is neither. */
export function familyOfAddressText(text: string): Family | undefined {
  if (parseIpv4(text.trim()).ok) return 'ipv4';
  if (parseIpv6(text.trim()).ok) return 'ipv6';
  return undefined;
}

export function validateAddress(context: CheckValidationContext, path: CheckPath, text: string): Family | undefined {
  const family = familyOfAddressText(text);
  if (family === undefined) context.error(path, msg(`'${text}' is not an IPv4 or IPv6 address`, `'${text}' không phải địa chỉ IPv4 hay IPv6`));
  return family;
}

/**
 * A ping or traceroute target: an address (its family must agree with `family` when given), a
 * device (then `family` is required: which of its addresses), or DEVICE:INTERFACE.
 */
export function validateTarget(context: CheckValidationContext, path: CheckPath, familyPath: CheckPath, text: string, family: Family | undefined): void {
  const addressFamily = familyOfAddressText(text);
  if (addressFamily !== undefined) {
    if (family !== undefined && family !== addressFamily) {
      const kind = addressFamily === 'ipv4' ? 'IPv4' : 'IPv6';
      context.error(familyPath, msg(`family is ${family} but ${text} is an ${kind} address`, `family là ${family} nhưng ${text} là địa chỉ ${kind}`));
    }
    return;
  }
  if (family === undefined) {
    context.error(
      path,
      msg(
        `'${text}' is not an address, so the check needs 'family: ipv4' or 'family: ipv6' to know which of its addresses to use`,
        `'${text}' không phải địa chỉ, nên check cần 'family: ipv4' hoặc 'family: ipv6' để biết dùng địa chỉ nào của nó`,
      ),
    );
  }
  if (text.includes(':')) {
    validateEndpoint(context, path, text);
    return;
  }
  if (context.findDevice(text) !== undefined) return;
  const suggestion = suggestClosest(text, context.deviceNames);
  const names = context.deviceNames.join(', ');
  const hint =
    suggestion !== undefined
      ? didYouMean(suggestion)
      : msg(`write an address, a device (${names}) or DEVICE:INTERFACE`, `hãy ghi một địa chỉ, một thiết bị (${names}) hoặc THIẾT_BỊ:INTERFACE`);
  context.error(
    path,
    msg(
      `'${text}' is neither an address nor a device of this lab (DNS names need a dns server in the lab); ${hint.en}`,
      `'${text}' không phải địa chỉ cũng không phải thiết bị của bài lab (tên DNS cần có máy chủ DNS trong bài lab); ${hint.vi}`,
    ),
  );
}

/**
 * A regular expression written in the file, compiled case-insensitively in linear time
 * (console/user-regex.ts, RE2 syntax); undefined (after reporting why) when it cannot be run.
 */
export function validateRegex(context: CheckValidationContext, path: CheckPath, source: string): UserRegex | undefined {
  const compiled = compileUserRegex(source, { caseInsensitive: true });
  if (compiled.ok) return compiled.value;
  context.error(path, msg(`not a valid regular expression: ${compiled.message.en}`, `biểu thức chính quy không hợp lệ: ${compiled.message.vi}`));
  return undefined;
}
