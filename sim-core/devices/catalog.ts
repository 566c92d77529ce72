/**
 * The device catalog: every kind of device a lab may contain, with its command-line dialect, its
 * physical ports (what a cable can plug into), the logical interfaces its configuration may
 * create, and its display names in Vietnamese and English. Data only: the lab loader, the editor's
 * palette and the device builders all read this one table, so a port name is written once.
 *
 * Port names follow the Cisco platforms the kinds imitate: an ISR-style router with four
 * GigabitEthernet0/x ports, a Catalyst-style 24-port switch (GigabitEthernet1/0/1 … 1/0/24), an
 * autonomous Aironet-style access point (wired GigabitEthernet0, radios Dot11Radio0 at 2.4 GHz and
 * Dot11Radio1 at 5 GHz, management address on BVI1). Hosts use the names their OS shows:
 * `Ethernet0` for the Windows PC, `eth0` for the Linux server.
 *
 * Wireless: a radio port is a shared medium. Each link to an access point's radio stands for one
 * client's association, so a radio takes up to `maxLinks` links while a copper port takes one.
 * The access point bridges its radios and its uplink into a single VLAN (bridge-group 1).
 *
 * Leaves out: modular line cards, port-channels, serial interfaces, SVIs on the L2 switch (a real
 * 2960 has one management SVI; here the L2 switch has no IP interfaces at all).
 */

/** The device kinds, in palette order. */
export const DEVICE_KINDS = ['router', 'l3-switch', 'switch', 'access-point', 'pc', 'server'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The command-line language a device speaks (the console engine has one grammar per dialect). */
export type Dialect = 'ios' | 'windows' | 'linux';

export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

export type PortMedium = 'copper' | 'radio';

export interface PhysicalPortSpec {
  /** Canonical name, as `show running-config` prints it. */
  readonly name: string;
  readonly medium: PortMedium;
  /** How many links may attach: 1 for a cable, more for a radio (one link per associated client). */
  readonly maxLinks: number;
}

/**
 * A family of interfaces the device's configuration may create (or that always exist, like Null0).
 * Names are `<typeName><number>` with number in [minNumber, maxNumber]; a subinterface family
 * instead takes any copper port name followed by `.<number>`.
 */
export interface LogicalInterfaceFamily {
  readonly family: 'subinterface' | 'vlan' | 'loopback' | 'tunnel' | 'null' | 'bvi';
  /** IOS type word: `Vlan`, `Loopback`, … ; for subinterfaces, empty (the parent port names it). */
  readonly typeName: string;
  readonly minNumber: number;
  readonly maxNumber: number;
}

export interface DeviceKindSpec {
  readonly kind: DeviceKind;
  readonly dialect: Dialect;
  readonly displayName: BilingualText;
  /** Default hostname stem the editor numbers from: `R` → R1, R2 … */
  readonly hostnameStem: string;
  readonly physicalPorts: readonly PhysicalPortSpec[];
  readonly logicalInterfaces: readonly LogicalInterfaceFamily[];
}

/** Largest subinterface number IOS accepts (`interface GigabitEthernet0/0.?` → <0-4294967295>). */
const SUBINTERFACE_MAX = 4294967295;
/** Loopback and Tunnel numbers on IOS: <0-2147483647>. */
const IOS_INTERFACE_NUMBER_MAX = 2147483647;

const ROUTER_PORT_COUNT = 4;
const SWITCH_PORT_COUNT = 24;
/** Associations an access-point radio accepts in a lab; enough for a classroom. */
export const RADIO_MAX_CLIENTS = 32;

function copperPorts(names: readonly string[]): readonly PhysicalPortSpec[] {
  return names.map((name) => ({ name, medium: 'copper', maxLinks: 1 }));
}

function numbered(prefix: string, first: number, last: number): string[] {
  const names: string[] = [];
  for (let n = first; n <= last; n += 1) names.push(`${prefix}${n}`);
  return names;
}

const loopbacks: LogicalInterfaceFamily = { family: 'loopback', typeName: 'Loopback', minNumber: 0, maxNumber: IOS_INTERFACE_NUMBER_MAX };
const tunnels: LogicalInterfaceFamily = { family: 'tunnel', typeName: 'Tunnel', minNumber: 0, maxNumber: IOS_INTERFACE_NUMBER_MAX };
const null0: LogicalInterfaceFamily = { family: 'null', typeName: 'Null', minNumber: 0, maxNumber: 0 };

const CATALOG: Readonly<Record<DeviceKind, DeviceKindSpec>> = {
  router: {
    kind: 'router',
    dialect: 'ios',
    displayName: { vi: 'Bộ định tuyến', en: 'Router' },
    hostnameStem: 'R',
    physicalPorts: copperPorts(numbered('GigabitEthernet0/', 0, ROUTER_PORT_COUNT - 1)),
    logicalInterfaces: [
      { family: 'subinterface', typeName: '', minNumber: 1, maxNumber: SUBINTERFACE_MAX },
      loopbacks,
      tunnels,
      null0,
    ],
  },
  'l3-switch': {
    kind: 'l3-switch',
    dialect: 'ios',
    displayName: { vi: 'Switch lớp 3', en: 'Layer 3 switch' },
    hostnameStem: 'CORE',
    physicalPorts: copperPorts(numbered('GigabitEthernet1/0/', 1, SWITCH_PORT_COUNT)),
    logicalInterfaces: [{ family: 'vlan', typeName: 'Vlan', minNumber: 1, maxNumber: 4094 }, loopbacks, tunnels, null0],
  },
  switch: {
    kind: 'switch',
    dialect: 'ios',
    displayName: { vi: 'Switch lớp 2', en: 'Layer 2 switch' },
    hostnameStem: 'SW',
    physicalPorts: copperPorts(numbered('GigabitEthernet1/0/', 1, SWITCH_PORT_COUNT)),
    logicalInterfaces: [],
  },
  'access-point': {
    kind: 'access-point',
    dialect: 'ios',
    displayName: { vi: 'Điểm truy cập không dây', en: 'Wireless access point' },
    hostnameStem: 'AP',
    physicalPorts: [
      { name: 'GigabitEthernet0', medium: 'copper', maxLinks: 1 },
      { name: 'Dot11Radio0', medium: 'radio', maxLinks: RADIO_MAX_CLIENTS },
      { name: 'Dot11Radio1', medium: 'radio', maxLinks: RADIO_MAX_CLIENTS },
    ],
    // BVI1 always exists: it carries the access point's own (management) addresses.
    logicalInterfaces: [{ family: 'bvi', typeName: 'BVI', minNumber: 1, maxNumber: 1 }],
  },
  pc: {
    kind: 'pc',
    dialect: 'windows',
    displayName: { vi: 'Máy tính (Windows)', en: 'PC (Windows)' },
    hostnameStem: 'PC',
    physicalPorts: copperPorts(['Ethernet0']),
    logicalInterfaces: [],
  },
  server: {
    kind: 'server',
    dialect: 'linux',
    displayName: { vi: 'Máy chủ (Linux)', en: 'Server (Linux)' },
    hostnameStem: 'SRV',
    physicalPorts: copperPorts(['eth0']),
    logicalInterfaces: [],
  },
};

export function isDeviceKind(value: unknown): value is DeviceKind {
  return typeof value === 'string' && (DEVICE_KINDS as readonly string[]).includes(value);
}

/** The catalog entry of a kind. */
export function getDeviceKindSpec(kind: DeviceKind): DeviceKindSpec {
  return CATALOG[kind];
}

/** The physical port of a device kind with this exact canonical name, if any. */
export function findPhysicalPort(kind: DeviceKind, canonicalName: string): PhysicalPortSpec | undefined {
  return CATALOG[kind].physicalPorts.find((port) => port.name === canonicalName);
}
