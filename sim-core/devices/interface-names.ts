/**
 * Interface names: turn what a person typed (`g0/0`, `Gig0/0`, `GigabitEthernet 0/0`,
 * `gigabitethernet0/0.10`, `lo0`, `vlan 10`, `tu0`) into the canonical name of an interface the
 * device has or may create, and print IOS short names (`Gi0/0`, `Lo0`, `Vl10`, `Tu0`) for show
 * commands.
 *
 * IOS rule imitated: an interface type may be abbreviated to any prefix that is unique among the
 * type words IOS knows, case-insensitively, with optional space before the number. The prefix is
 * matched against every IOS type word (not only the device's), so `t0` is ambiguous between
 * TenGigabitEthernet and Tunnel as on a real router, and `fa0/0` resolves to FastEthernet0/0 and
 * then fails with the ports the device really has.
 * Host names: the Windows PC matches its adapter name case-insensitively ignoring spaces
 * (`ethernet 0`); the Linux server matches exactly (Linux names are case-sensitive).
 *
 * Never throws: errors come back as `{ ok: false, error }` with the valid names in the message;
 * `resolveInterfaceNameBilingual` gives the same error in English and Vietnamese (`{en, vi}`).
 * Leaves out: interface ranges (`interface range g1/0/1 - 4`) — the console parses those.
 */
import type { ParseResult } from '../addr/parse-result';
import { getDeviceKindSpec, type BilingualText, type DeviceKind, type DeviceKindSpec, type LogicalInterfaceFamily, type PhysicalPortSpec } from './catalog';

/** IOS interface type words with their short forms (as `show ip interface brief` prints them). */
export const IOS_INTERFACE_TYPES: readonly { readonly name: string; readonly short: string }[] = [
  { name: 'GigabitEthernet', short: 'Gi' },
  { name: 'FastEthernet', short: 'Fa' },
  { name: 'Ethernet', short: 'Et' },
  { name: 'TenGigabitEthernet', short: 'Te' },
  { name: 'Serial', short: 'Se' },
  { name: 'Loopback', short: 'Lo' },
  { name: 'Tunnel', short: 'Tu' },
  { name: 'Vlan', short: 'Vl' },
  { name: 'Port-channel', short: 'Po' },
  { name: 'Dot11Radio', short: 'Do' },
  { name: 'BVI', short: 'BV' },
  { name: 'Null', short: 'Nu' },
];

export type InterfaceRole = 'physical' | LogicalInterfaceFamily['family'];

export interface ResolvedInterface {
  /** The canonical name (`GigabitEthernet0/0.10`). */
  readonly name: string;
  readonly role: InterfaceRole;
  /** The cable-able port: the port itself, or for a subinterface its parent port. */
  readonly port: PhysicalPortSpec | undefined;
}

/** Longest number text accepted before range checks (avoids silently rounding huge numbers). */
const MAX_NUMBER_DIGITS = 10;
/** Longest input echoed in a message. */
const ECHO_MAX_CHARS = 40;

function echo(input: string): string {
  return input.length > ECHO_MAX_CHARS ? `${input.slice(0, ECHO_MAX_CHARS)}…` : input;
}

/**
 * Resolves a typed interface name on a device of this kind. `deviceName` only words the message
 * ("R1 has no interface GigabitEthernet0/5; it has GigabitEthernet0/0 … GigabitEthernet0/3").
 */
export function resolveInterfaceName(kind: DeviceKind, input: string, deviceName = `this ${kind}`): ParseResult<ResolvedInterface> {
  const resolved = resolveInterfaceNameBilingual(kind, input, deviceName);
  return resolved.ok ? resolved : { ok: false, error: resolved.error.en };
}

/** A resolution whose error is in English and Vietnamese. */
export type BilingualParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BilingualText };

/** As resolveInterfaceName, the error in both languages (lab and scenario loaders). */
export function resolveInterfaceNameBilingual(kind: DeviceKind, input: string, deviceName = `this ${kind}`): BilingualParseResult<ResolvedInterface> {
  const spec = getDeviceKindSpec(kind);
  const text = input.trim();
  if (spec.dialect === 'windows' || spec.dialect === 'linux') return resolveHostInterface(spec, text, deviceName);
  return resolveIosInterface(spec, text, deviceName);
}

function parsed<T>(value: T): BilingualParseResult<T> {
  return { ok: true, value };
}

function failure(en: string, vi: string): BilingualParseResult<never> {
  return { ok: false, error: { en, vi } };
}

/** The IOS short form of a canonical name: GigabitEthernet0/0.10 → Gi0/0.10; other names unchanged. */
export function shortInterfaceName(canonicalName: string): string {
  for (const type of IOS_INTERFACE_TYPES) {
    if (canonicalName.startsWith(type.name) && /^\d/.test(canonicalName.slice(type.name.length))) {
      return type.short + canonicalName.slice(type.name.length);
    }
  }
  return canonicalName;
}

/**
 * The device's ports in words, runs of numbered ports shortened:
 * `GigabitEthernet0/0 … GigabitEthernet0/3`, `GigabitEthernet0, Dot11Radio0, Dot11Radio1`.
 */
export function describePhysicalPorts(kind: DeviceKind): string {
  const ports = getDeviceKindSpec(kind).physicalPorts.map((port) => port.name);
  const groups: string[][] = [];
  for (const name of ports) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (last !== undefined && previous !== undefined && isNextInRun(previous, name)) last.push(name);
    else groups.push([name]);
  }
  return groups.map((group) => (group.length >= 3 ? `${group[0]} … ${group[group.length - 1]}` : group.join(', '))).join(', ');
}

/** The logical interfaces a kind may create, in words (empty string when none). */
export function describeLogicalInterfaces(kind: DeviceKind): string {
  const spec = getDeviceKindSpec(kind);
  return spec.logicalInterfaces
    .map((family) => {
      if (family.family === 'subinterface') return `subinterfaces such as ${spec.physicalPorts[0]!.name}.10`;
      if (family.minNumber === family.maxNumber) return `${family.typeName}${family.minNumber}`;
      return `${family.typeName}${family.minNumber} … ${family.typeName}${family.maxNumber}`;
    })
    .join(', ');
}

function isNextInRun(previous: string, next: string): boolean {
  const a = /^(.*?)(\d+)$/.exec(previous);
  const b = /^(.*?)(\d+)$/.exec(next);
  return a !== null && b !== null && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1;
}

function resolveHostInterface(spec: DeviceKindSpec, text: string, deviceName: string): BilingualParseResult<ResolvedInterface> {
  const squash = (name: string): string => name.replace(/\s+/g, '').toLowerCase();
  const port =
    spec.dialect === 'windows'
      ? spec.physicalPorts.find((candidate) => squash(candidate.name) === squash(text))
      : spec.physicalPorts.find((candidate) => candidate.name === text);
  if (port !== undefined) return parsed({ name: port.name, role: 'physical', port });
  const ports = describePhysicalPorts(spec.kind);
  return failure(`${deviceName} has no interface ${echo(text)}; it has ${ports}`, `${deviceName} không có interface ${echo(text)}; thiết bị này có ${ports}`);
}

interface IosNameParts {
  readonly typeName: string;
  readonly numbers: readonly string[];
  readonly subinterface: string | undefined;
}

function resolveIosInterface(spec: DeviceKindSpec, text: string, deviceName: string): BilingualParseResult<ResolvedInterface> {
  const split = splitIosName(text);
  // The list of what the device has is only for error text: made when an error needs it.
  const all = (): BilingualText => describeAll(spec);
  if (!split.ok) return failure(`${split.error.en}; ${deviceName} has ${all().en}`, `${split.error.vi}; ${deviceName} có ${all().vi}`);
  const parts = split.value;
  const base = `${parts.typeName}${parts.numbers.join('/')}`;
  const canonical = parts.subinterface === undefined ? base : `${base}.${parts.subinterface}`;
  const noSuch = (): BilingualParseResult<never> =>
    failure(`${deviceName} has no interface ${canonical}; it has ${all().en}`, `${deviceName} không có interface ${canonical}; thiết bị này có ${all().vi}`);

  if (parts.subinterface !== undefined) {
    const family = spec.logicalInterfaces.find((candidate) => candidate.family === 'subinterface');
    const parent = spec.physicalPorts.find((port) => port.name === base);
    if (family === undefined) {
      return failure(
        `${deviceName} has no interface ${canonical}: a ${spec.displayName.en.toLowerCase()} has no subinterfaces; it has ${all().en}`,
        `${deviceName} không có interface ${canonical}: ${spec.displayName.vi.charAt(0).toLowerCase()}${spec.displayName.vi.slice(1)} không có subinterface; thiết bị này có ${all().vi}`,
      );
    }
    if (parent === undefined || parent.medium !== 'copper') return noSuch();
    if (!inRange(parts.subinterface, family)) {
      return failure(
        `${deviceName} has no interface ${canonical}: subinterface numbers run from ${family.minNumber} to ${family.maxNumber}`,
        `${deviceName} không có interface ${canonical}: số subinterface từ ${family.minNumber} đến ${family.maxNumber}`,
      );
    }
    return parsed({ name: canonical, role: 'subinterface', port: parent });
  }

  const port = spec.physicalPorts.find((candidate) => candidate.name === canonical);
  if (port !== undefined) return parsed({ name: canonical, role: 'physical', port });

  const family = spec.logicalInterfaces.find((candidate) => candidate.typeName === parts.typeName);
  if (family !== undefined && parts.numbers.length === 1) {
    if (!inRange(parts.numbers[0]!, family)) {
      return failure(
        `${deviceName} has no interface ${canonical}: ${family.typeName} numbers run from ${family.minNumber} to ${family.maxNumber}`,
        `${deviceName} không có interface ${canonical}: số ${family.typeName} từ ${family.minNumber} đến ${family.maxNumber}`,
      );
    }
    return parsed({ name: canonical, role: family.family, port: undefined });
  }
  return noSuch();
}

function describeAll(spec: DeviceKindSpec): BilingualText {
  const ports = describePhysicalPorts(spec.kind);
  if (spec.logicalInterfaces.length === 0) return { en: ports, vi: ports };
  return { en: `${ports} (and may create ${describeLogicalInterfaces(spec.kind)})`, vi: `${ports} (và có thể tạo ${describeLogicalInterfacesVi(spec)})` };
}

function describeLogicalInterfacesVi(spec: DeviceKindSpec): string {
  return spec.logicalInterfaces
    .map((family) => {
      if (family.family === 'subinterface') return `subinterface như ${spec.physicalPorts[0]!.name}.10`;
      if (family.minNumber === family.maxNumber) return `${family.typeName}${family.minNumber}`;
      return `${family.typeName}${family.minNumber} … ${family.typeName}${family.maxNumber}`;
    })
    .join(', ');
}

function inRange(numberText: string, family: LogicalInterfaceFamily): boolean {
  const value = Number(numberText);
  return numberText.length <= MAX_NUMBER_DIGITS && value >= family.minNumber && value <= family.maxNumber;
}

/** Splits `gi 0/0.10` into its type word (expanded), slot/port numbers and subinterface number. */
function splitIosName(text: string): BilingualParseResult<IosNameParts> {
  const lower = text.toLowerCase();
  // Try a full type word first: Dot11Radio contains digits, so "dot11radio0" must not split at "dot".
  let typeName: string;
  let rest: string;
  const full = IOS_INTERFACE_TYPES.filter((type) => lower.startsWith(type.name.toLowerCase())).sort((a, b) => b.name.length - a.name.length)[0];
  if (full !== undefined && /^\s*\d/.test(text.slice(full.name.length))) {
    typeName = full.name;
    rest = text.slice(full.name.length);
  } else {
    const word = /^[a-z-]+/.exec(lower)?.[0];
    if (word === undefined) return failure(`'${echo(text)}' is not an interface name`, `'${echo(text)}' không phải tên interface`);
    const matches = IOS_INTERFACE_TYPES.filter((type) => type.name.toLowerCase().startsWith(word));
    rest = text.slice(word.length);
    if (matches.length === 0) {
      return failure(
        `'${echo(text)}' is not an interface name: no interface type starts with '${word}'`,
        `'${echo(text)}' không phải tên interface: không có loại interface nào bắt đầu bằng '${word}'`,
      );
    }
    if (matches.length > 1) {
      const numbers = rest.trim();
      return failure(
        `'${echo(text)}' is ambiguous: it could be ${matches.map((type) => `${type.name}${numbers}`).join(' or ')}`,
        `'${echo(text)}' chưa rõ ràng: có thể là ${matches.map((type) => `${type.name}${numbers}`).join(' hoặc ')}`,
      );
    }
    typeName = matches[0]!.name;
  }
  const numbers = /^\s*(\d{1,12}(?:\/\d{1,12})*)(?:\.(\d{1,12}))?$/.exec(rest);
  if (numbers === null) {
    return failure(
      `'${echo(text)}' is not an interface name: expected ${typeName} followed by numbers such as 0/0 or 0/0.10`,
      `'${echo(text)}' không phải tên interface: cần ${typeName} và theo sau là số, ví dụ 0/0 hoặc 0/0.10`,
    );
  }
  return parsed({
    typeName,
    numbers: numbers[1]!.split('/').map((digits) => String(Number(digits))),
    subinterface: numbers[2] === undefined ? undefined : String(Number(numbers[2])),
  });
}
