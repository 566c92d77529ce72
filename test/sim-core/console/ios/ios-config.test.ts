/**
 * The IOS configuration model: running-config is the device's truth. Loading text applies each
 * line through the console's handlers and changes the simulated device; `show running-config`
 * prints the configuration back in IOS's layout; print → load → print is stable; rejected
 * lines come back with their line number, caret column and IOS message; the example labs load
 * without a rejected line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../../sim-core/addr/ipv4';
import { formatIpv6 } from '../../../../sim-core/addr/ipv6';
import type { DeviceKind } from '../../../../sim-core/devices/catalog';
import { createIosConsole } from '../../../../sim-core/console/ios/create-ios-console';
import { iosRuntimeOf } from '../../../../sim-core/console/ios/ios-runtime';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import { formatConfigBody, formatShowRunningConfig } from '../../../../sim-core/console/ios/running-config';
import { IPV4_RIB } from '../../../../sim-core/stack/routing/ipv4-rib';
import { IPV6_RIB } from '../../../../sim-core/stack/routing/ipv6-rib';
import { ROUTER_DISCOVERY } from '../../../../sim-core/stack/ipv6/router-discovery';
import { loadLab } from '../../../../sim-core/lab/load-lab';
import { Network } from '../../../../sim-core/sim/network';

function device(kind: DeviceKind, name = 'R1') {
  const net = new Network({ seed: 1 });
  return { net, device: net.addDevice(kind, name) };
}

function bodyOf(kind: DeviceKind, text: string): { body: string; rejected: readonly unknown[] } {
  const { device: d } = device(kind);
  const result = loadIosConfig(d, text);
  return { body: formatConfigBody(iosRuntimeOf(d).config), rejected: result.rejected };
}

describe('loading IOS config text changes the simulated device', () => {
  it('ip address, no shutdown and static routes reach the interface and the RIBs', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(
      r1,
      ['interface GigabitEthernet0/1', ' ip address 10.68.0.1 255.255.255.252', ' ipv6 address 2001:db8:6800:ff00::2/127', ' no shutdown', '!', 'ip route 0.0.0.0 0.0.0.0 10.68.0.2', 'ipv6 route ::/0 2001:db8:6800:ff00::3', 'end'].join('\n'),
    );
    expect(result.rejected).toEqual([]);
    const iface = r1.interface('GigabitEthernet0/1')!;
    expect(iface.adminUp).toBe(true);
    expect(iface.ipv4Addresses.map((a) => `${formatIpv4(a.address)}/${a.prefixLength}`)).toEqual(['10.68.0.1/30']);
    expect(iface.ipv6.addresses.map((a) => formatIpv6(a.address))).toContain('2001:db8:6800:ff00::2');
    expect(r1.stack!.find(IPV4_RIB)!.routes().some((r) => r.source === 'static' && r.prefixLength === 0)).toBe(true);
    expect(r1.stack!.find(IPV6_RIB)!.routes().some((r) => r.source === 'static' && r.prefixLength === 0)).toBe(true);
  });

  it('a subinterface exists on the device only once it has encapsulation dot1Q (IEEE 802.1Q)', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(r1, 'interface g0/0.10\n ip address 10.10.0.1 255.255.255.0\n encapsulation dot1Q 10\n ip address 10.10.0.1 255.255.255.0\n');
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.line).toBe(2);
    expect(result.rejected[0]!.message).toContain('IEEE 802.1Q');
    expect(r1.interface('GigabitEthernet0/0.10')?.vlanId).toBe(10);
    expect(r1.interface('GigabitEthernet0/0.10')?.ipv4Addresses).toHaveLength(1);
  });

  it('switchports take their VLANs on the bridge', () => {
    const { device: sw } = device('switch', 'SW1');
    const result = loadIosConfig(sw, 'vlan 10\n name STAFF\ninterface g1/0/1\n switchport mode access\n switchport access vlan 10\ninterface g1/0/24\n switchport trunk allowed vlan 10,20\n switchport mode trunk\n');
    expect(result.rejected).toEqual([]);
    const access = sw.bridge!.bridgePortOf(sw.port('GigabitEthernet1/0/1')!)!;
    const trunk = sw.bridge!.bridgePortOf(sw.port('GigabitEthernet1/0/24')!)!;
    expect([access.mode, access.accessVlan]).toEqual(['access', 10]);
    expect(trunk.mode).toBe('trunk');
    expect([trunk.allowedVlans.has(10), trunk.allowedVlans.has(20), trunk.allowedVlans.has(30)]).toEqual([true, true, false]);
    expect(sw.bridge!.vlanNames.get(10)).toBe('STAFF');
  });

  it('ip routing is off on an L3 switch until configured, and SVIs come with interface vlan', () => {
    const { device: core } = device('l3-switch', 'CORE1');
    expect(core.stack!.ipv4Forwarding).toBe(false);
    const result = loadIosConfig(core, 'ip routing\nvlan 10\ninterface vlan 10\n ip address 10.10.0.1 255.255.255.0\n');
    expect(result.rejected).toEqual([]);
    expect(core.stack!.ipv4Forwarding).toBe(true);
    expect(core.interface('Vlan10')?.ipv4Addresses).toHaveLength(1);
  });
});

describe('ipv6 nd settings reach router discovery (RFC 4861 section 6.2.1)', () => {
  it('prefix lifetimes and flags, M/O flags, interval, lifetime, suppress all, RDNSS', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(
      r1,
      [
        'ipv6 unicast-routing',
        'interface g0/0',
        ' ipv6 address 2001:db8:10::1/64',
        ' ipv6 nd prefix 2001:db8:10::/64 infinite infinite no-autoconfig',
        ' ipv6 nd managed-config-flag',
        ' ipv6 nd other-config-flag',
        ' ipv6 nd ra interval 30 10',
        ' ipv6 nd ra lifetime 900',
        ' ipv6 nd ra dns server 2001:db8:10::53 600',
        ' ipv6 nd ra suppress all',
      ].join('\n'),
    );
    expect(result.rejected).toEqual([]);
    const rd = r1.stack!.find(ROUTER_DISCOVERY)!;
    const config = rd.config(r1.interface('GigabitEthernet0/0')!);
    expect(config).toMatchObject({ managed: true, other: true, maxIntervalS: 30, minIntervalS: 10, lifetimeS: 900, suppress: true, suppressAll: true });
    expect(config.prefixes).toEqual([{ prefix: 0x20010db8001000000000000000000000n, prefixLength: 64, validLifetimeS: 0xffffffff, preferredLifetimeS: 0xffffffff, noAdvertise: false, noAutoconfig: true, offLink: false }]);
    expect(config.dnsServers).toEqual([{ address: 0x20010db8001000000000000000000053n, lifetimeS: 600 }]);
  });

  it('the preferred lifetime may not exceed the valid one, and the minimum interval stays under 75% of the maximum', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(r1, 'interface g0/0\n ipv6 nd prefix 2001:db8::/64 100 200\n ipv6 nd ra interval 100 90\n');
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('rejected lines carry line, caret column and the IOS message', () => {
  it('a typo gives % Invalid input with the caret column of the first wrong character', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(r1, 'hostname R1\n!\ninterface GigabitEthernet0/0\n ip adress 10.0.0.1 255.255.255.0\n');
    expect(result.rejected).toEqual([
      {
        line: 4,
        column: 7,
        text: ' ip adress 10.0.0.1 255.255.255.0',
        message: "% Invalid input detected at '^' marker.",
        display: " ip adress 10.0.0.1 255.255.255.0\n      ^\n% Invalid input detected at '^' marker.",
      },
    ]);
  });

  it('an incomplete command and a refused value are reported without a column', () => {
    const { device: r1 } = device('router');
    const result = loadIosConfig(r1, 'interface g0/0\n ip address 10.0.0.1\n ip address 10.0.0.0 255.255.255.0\n');
    expect(result.rejected.map((r) => [r.line, r.column, r.message])).toEqual([
      [2, undefined, '% Incomplete command.'],
      [3, undefined, 'Bad mask /24 for address 10.0.0.0'],
    ]);
  });

  it('lines after end are not applied (IOS stops reading a startup-config at end)', () => {
    const { device: r1 } = device('router');
    expect(loadIosConfig(r1, 'hostname A\nend\nhostname B\n').rejected).toEqual([]);
    expect(iosRuntimeOf(r1).hostname).toBe('A');
  });

  it('a layer 2 switch has no IP commands', () => {
    const { device: sw } = device('switch', 'SW1');
    const result = loadIosConfig(sw, 'ipv6 unicast-routing\ninterface g1/0/1\n ip address 10.0.0.1 255.0.0.0\n');
    expect(result.rejected.map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('show running-config prints the configuration in IOS layout', () => {
  it('header, version, hostname, interfaces with no ip address and shutdown, routes, end', () => {
    const { device: r1 } = device('router');
    loadIosConfig(r1, 'ipv6 unicast-routing\ninterface g0/0\n ip address 192.0.2.1 255.255.255.0\n ipv6 address 2001:db8::1/64\n no shutdown\nipv6 route ::/0 2001:db8::2\n');
    const text = formatShowRunningConfig(iosRuntimeOf(r1).config);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['Building configuration...', '', `Current configuration : ${formatConfigBody(iosRuntimeOf(r1).config).length} bytes`, '!', 'version 15.9']);
    expect(text).toContain('hostname R1\n');
    expect(text).toContain('ipv6 unicast-routing\n');
    expect(text).toContain('interface GigabitEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n duplex auto\n speed auto\n media-type rj45\n ipv6 address 2001:DB8::1/64\n!\n');
    expect(text).toContain('interface GigabitEthernet0/1\n no ip address\n shutdown\n');
    expect(text).toContain('ipv6 route ::/0 2001:DB8::2\n');
    expect(text.endsWith('end\n')).toBe(true);
  });

  it('copy running-config startup-config asks for the destination and saves a copy', () => {
    const { device: r1 } = device('router');
    const session = createIosConsole(r1, { logging: false });
    let out = '';
    session.onData((d) => (out += d));
    session.open();
    for (const line of ['enable', 'copy running-config startup-config']) session.writeLine(line);
    expect(out.endsWith('Destination filename [startup-config]? ')).toBe(true);
    expect(iosRuntimeOf(r1).startupConfig).toBeUndefined();
    session.writeLine('');
    expect(out).toContain('Building configuration...\r\n[OK]\r\nR1#');
    expect(iosRuntimeOf(r1).startupConfig).toBe(formatConfigBody(iosRuntimeOf(r1).config));
  });
});

describe('docs/examples IOS configs load with zero rejected lines', () => {
  const dir = fileURLToPath(new URL('../../../../docs/examples/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.v6lab.yaml'));
  it('finds the example labs', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const file of files) {
    it(file, () => {
      const loaded = loadLab(readFileSync(`${dir}${file}`, 'utf8'), file);
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const net = new Network({ seed: 1 });
      for (const d of loaded.lab.devices) {
        if (d.kind === 'pc' || d.kind === 'server' || d.kind === 'access-point' || d.config === undefined) continue;
        const result = loadIosConfig(net.addDevice(d.kind, d.name), d.config);
        expect(result.rejected, `${file} ${d.name}`).toEqual([]);
      }
    });
  }
});

// ---- print → load → print ----

const hex16 = fc.integer({ min: 1, max: 0xfffe }).map((n) => n.toString(16));

interface GeneratedInterface {
  readonly description: string | undefined;
  readonly shutdown: boolean;
  readonly mtu: number | undefined;
  readonly ipv6Host: number;
  readonly eui64: boolean;
  readonly linkLocal: boolean;
  readonly enable: boolean;
  readonly ndPrefix: boolean;
  readonly raSuppress: 0 | 1 | 2;
  readonly managed: boolean;
  readonly raInterval: number | undefined;
}

const interfaceArb: fc.Arbitrary<GeneratedInterface> = fc.record({
  description: fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,30}[A-Za-z0-9]$/), { nil: undefined }),
  shutdown: fc.boolean(),
  mtu: fc.option(fc.integer({ min: 1280, max: 1500 }), { nil: undefined }),
  ipv6Host: fc.integer({ min: 1, max: 0xffff }),
  eui64: fc.boolean(),
  linkLocal: fc.boolean(),
  enable: fc.boolean(),
  ndPrefix: fc.boolean(),
  raSuppress: fc.constantFrom(0 as const, 1 as const, 2 as const),
  managed: fc.boolean(),
  raInterval: fc.option(fc.integer({ min: 4, max: 1800 }), { nil: undefined }),
});

/** A router configuration as a person would type it (each interface in its own subnets). */
const routerConfigArb = fc
  .record({
    hostname: fc.stringMatching(/^[A-Z][A-Za-z0-9-]{0,10}$/),
    unicastRouting: fc.boolean(),
    site: hex16,
    interfaces: fc.array(fc.option(interfaceArb, { nil: undefined }), { minLength: 4, maxLength: 4 }),
    loopbacks: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 3 }),
    subinterfaces: fc.uniqueArray(fc.integer({ min: 2, max: 4094 }), { maxLength: 3 }),
    routes: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 254 }), fc.option(fc.integer({ min: 2, max: 254 }), { nil: undefined })), { maxLength: 4 }),
  })
  .map((c) => {
    const lines = [`hostname ${c.hostname}`];
    if (c.unicastRouting) lines.push('ipv6 unicast-routing');
    c.interfaces.forEach((i, n) => {
      if (i === undefined) return;
      lines.push(`interface GigabitEthernet0/${n}`);
      if (i.description !== undefined) lines.push(` description ${i.description}`);
      if (i.mtu !== undefined) lines.push(` mtu ${i.mtu}`);
      lines.push(` ip address 10.${n}.0.1 255.255.255.0`);
      lines.push(i.shutdown ? ' shutdown' : ' no shutdown');
      if (i.linkLocal) lines.push(` ipv6 address fe80::${n + 1} link-local`);
      lines.push(i.eui64 ? ` ipv6 address 2001:db8:${c.site}:${n}::/64 eui-64` : ` ipv6 address 2001:db8:${c.site}:${n}::${i.ipv6Host.toString(16)}/64`);
      if (i.enable) lines.push(' ipv6 enable');
      if (i.ndPrefix) lines.push(` ipv6 nd prefix 2001:db8:${c.site}:${n}::/64 86400 3600 no-autoconfig`);
      if (i.managed) lines.push(' ipv6 nd managed-config-flag');
      if (i.raInterval !== undefined) lines.push(` ipv6 nd ra interval ${i.raInterval}`);
      if (i.raSuppress > 0) lines.push(i.raSuppress === 2 ? ' ipv6 nd ra suppress all' : ' ipv6 nd ra suppress');
    });
    for (const n of c.loopbacks) lines.push(`interface Loopback${n}`, ` ip address 172.16.${n}.1 255.255.255.255`, ` ipv6 address 2001:db8:ffff:${n}::1/128`);
    for (const vlan of c.subinterfaces) lines.push(`interface GigabitEthernet0/3.${vlan}`, ` encapsulation dot1Q ${vlan}`, ` ip address 10.${100 + (vlan % 100)}.${Math.floor(vlan / 100)}.1 255.255.255.0`);
    for (const [via, net, distance] of c.routes) {
      lines.push(`ip route 192.168.${net}.0 255.255.255.0 10.${via}.0.2${distance === undefined ? '' : ` ${distance}`}`);
      lines.push(`ipv6 route 2001:db8:99:${net.toString(16)}::/64 2001:db8:${c.site}:${via}::2${distance === undefined ? '' : ` ${distance}`}`);
    }
    return `${lines.join('\n')}\nend\n`;
  });

const switchConfigArb = fc
  .record({
    vlans: fc.uniqueArray(fc.integer({ min: 2, max: 1000 }), { minLength: 1, maxLength: 4 }),
    names: fc.array(fc.option(fc.stringMatching(/^[A-Z][A-Z0-9_-]{0,15}$/), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    ports: fc.array(fc.tuple(fc.integer({ min: 1, max: 24 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 6 }),
  })
  .map((c) => {
    const lines = ['hostname SW1'];
    c.vlans.forEach((v, i) => {
      lines.push(`vlan ${v}`);
      const name = c.names[i];
      if (name !== undefined) lines.push(` name ${name}`);
    });
    for (const [port, trunk, pick, portfast] of c.ports) {
      const vlan = c.vlans[pick % c.vlans.length]!;
      lines.push(`interface GigabitEthernet1/0/${port}`);
      if (trunk) lines.push(` switchport trunk allowed vlan ${[...c.vlans].sort((a, b) => a - b).join(',')}`, ` switchport trunk native vlan ${vlan}`, ' switchport mode trunk');
      else lines.push(' switchport mode access', ` switchport access vlan ${vlan}`);
      if (portfast) lines.push(' spanning-tree portfast');
    }
    return `${lines.join('\n')}\nend\n`;
  });

describe('print → load → print is stable', () => {
  it('over generated router configurations (and no generated line is rejected)', () => {
    fc.assert(
      fc.property(routerConfigArb, (text) => {
        const first = bodyOf('router', text);
        expect(first.rejected).toEqual([]);
        const second = bodyOf('router', first.body);
        expect(second.rejected).toEqual([]);
        expect(second.body).toBe(first.body);
      }),
      { numRuns: 60 },
    );
  });

  it('over generated switch configurations', () => {
    fc.assert(
      fc.property(switchConfigArb, (text) => {
        const first = bodyOf('switch', text);
        expect(first.rejected).toEqual([]);
        const second = bodyOf('switch', first.body);
        expect(second.rejected).toEqual([]);
        expect(second.body).toBe(first.body);
      }),
      { numRuns: 40 },
    );
  });

  it('for an L3 switch with SVIs, a routed port and ip routing', () => {
    const text = 'ip routing\nvlan 10\ninterface vlan 10\n ip address 10.10.0.1 255.255.255.0\n ipv6 address 2001:db8:10::1/64\ninterface g1/0/1\n no switchport\n ip address 10.0.0.1 255.255.255.252\ninterface g1/0/2\n switchport trunk encapsulation dot1q\n switchport mode trunk\n';
    const first = bodyOf('l3-switch', text);
    expect(first.rejected).toEqual([]);
    expect(first.body).toContain('interface GigabitEthernet1/0/1\n no switchport\n ip address 10.0.0.1 255.255.255.252\n');
    expect(first.body).toContain('interface Vlan1\n no ip address\n shutdown\n');
    expect(bodyOf('l3-switch', first.body).body).toBe(first.body);
  });
});

describe('devices share one compiled command grammar and keep their own handlers', () => {
  it('two routers typing the same commands change only themselves', () => {
    const net = new Network({ seed: 1 });
    const r1 = net.addDevice('router', 'R1');
    const r2 = net.addDevice('router', 'R2');
    const type = (d: typeof r1, lines: readonly string[]): string => {
      const session = createIosConsole(d, { logging: false });
      let out = '';
      session.onData((text) => (out += text));
      session.open();
      for (const line of lines) session.writeLine(line);
      return out;
    };
    type(r1, ['enable', 'configure terminal', 'hostname EDGE1', 'interface g0/0', 'ip address 192.0.2.1 255.255.255.0', 'end']);
    const second = type(r2, ['enable', 'configure terminal', 'hostname EDGE2', 'end', 'show ip interface brief']);
    expect(iosRuntimeOf(r1).hostname).toBe('EDGE1');
    expect(iosRuntimeOf(r2).hostname).toBe('EDGE2');
    expect(second).toMatch(/^GigabitEthernet0\/0 +unassigned /m);
    expect(formatConfigBody(iosRuntimeOf(r1).config)).toContain('ip address 192.0.2.1 255.255.255.0');
    expect(formatConfigBody(iosRuntimeOf(r2).config)).not.toContain('192.0.2.1');
  });
});
