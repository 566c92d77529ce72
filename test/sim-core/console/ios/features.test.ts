/**
 * IOS feature modules (console/ios/features/): the registry feeds the mode table and the
 * running-config printer, so a feature's commands work in the modes it names and its lines print
 * where its section goes; static routing is the first module. Print → load → print round-trips.
 */
import { describe, expect, it } from 'vitest';
import { IosDialect } from '../../../../sim-core/console/ios-dialect';
import type { IosFeature } from '../../../../sim-core/console/ios/features/ios-feature';
import { iosFeatures } from '../../../../sim-core/console/ios/features/registry';
import { buildIosModes, iosInterfaceCatalog, IOS_KEYWORD_HELP, IOS_MODE_IDS } from '../../../../sim-core/console/ios/ios-modes';
import { iosRuntimeOf } from '../../../../sim-core/console/ios/ios-runtime';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import { formatConfigBody } from '../../../../sim-core/console/ios/running-config';
import { managementOf } from '../../../../sim-core/mgmt/device-management';
import { Network } from '../../../../sim-core/sim/network';

const ROUTES = [
  'interface GigabitEthernet0/0',
  ' ip address 192.0.2.1 255.255.255.0',
  ' no shutdown',
  'ipv6 unicast-routing',
  'ipv6 route 2001:db8:99::/48 Null0',
  'ip route 198.51.100.0 255.255.255.0 192.0.2.2 20',
  'ip route 10.0.0.0 255.0.0.0 Null0',
  'end',
].join('\n');

describe('IOS feature modules', () => {
  it('static routing is a registered feature, for routers and L3 switches but not L2 switches', () => {
    const feature = iosFeatures().find((f) => f.name === 'static-routing');
    expect(feature).toBeDefined();
    expect(['router', 'l3-switch', 'switch'].map((k) => feature!.appliesTo(k as 'router'))).toEqual([true, true, false]);
  });

  it('its commands work in global configuration and its lines print after `ip forward-protocol nd`, sorted, each family closed by `!`', () => {
    const net = new Network({ seed: 5 });
    const r1 = net.addDevice('router', 'R1');
    expect(loadIosConfig(r1, ROUTES).rejected).toEqual([]);
    const body = formatConfigBody(iosRuntimeOf(r1).config);
    const tail = body.slice(body.indexOf('ip forward-protocol nd'));
    expect(tail.split('\n').slice(0, 7)).toEqual(['ip forward-protocol nd', '!', 'ip route 10.0.0.0 255.0.0.0 Null0', 'ip route 198.51.100.0 255.255.255.0 192.0.2.2 20', '!', 'ipv6 route 2001:DB8:99::/48 Null0', '!']);
  });

  it('print → load → print gives the same text', () => {
    const net = new Network({ seed: 5 });
    const r1 = net.addDevice('router', 'R1');
    const r2 = net.addDevice('router', 'R2');
    loadIosConfig(r1, ROUTES);
    const printed = formatConfigBody(iosRuntimeOf(r1).config).replace('hostname R1', 'hostname R2');
    expect(loadIosConfig(r2, printed).rejected).toEqual([]);
    expect(formatConfigBody(iosRuntimeOf(r2).config)).toBe(printed);
  });

  it('an L2 switch has no `ip route` (the feature does not apply)', () => {
    const net = new Network({ seed: 5 });
    const sw = net.addDevice('switch', 'SW1');
    expect(loadIosConfig(sw, 'ip route 10.0.0.0 255.0.0.0 Null0\nend\n').rejected.map((r) => r.message)).toEqual(["% Invalid input detected at '^' marker."]);
  });

  it('the VLAN database is a feature with a mode of its own: `vlan N` / `name` print before the interfaces, one block per VLAN', () => {
    const net = new Network({ seed: 5 });
    const sw = net.addDevice('switch', 'SW1');
    expect(loadIosConfig(sw, 'vlan 20\n name USERS\nvlan 10\nend\n').rejected).toEqual([]);
    const body = formatConfigBody(iosRuntimeOf(sw).config);
    const from = body.indexOf('spanning-tree extend system-id');
    expect(body.slice(from).split('\n').slice(0, 7)).toEqual(['spanning-tree extend system-id', '!', 'vlan 10', '!', 'vlan 20', ' name USERS', '!']);
    expect(body.indexOf('vlan 10')).toBeLessThan(body.indexOf('interface '));
    expect(managementOf(sw).switching.vlans().map((v) => [v.id, v.name])).toEqual([
      [1, 'default'],
      [10, 'VLAN0010'],
      [20, 'USERS'],
    ]);
  });

  it('a feature may add interface commands (they work on `interface range` too) and a mode of its own; a mode it names that the device lacks is a bug', () => {
    const net = new Network({ seed: 5 });
    const r1 = net.addDevice('router', 'R1');
    const runtime = iosRuntimeOf(r1);
    const seen: string[] = [];
    const feature: IosFeature = {
      name: 'example',
      appliesTo: () => true,
      commands: () => ({
        'config-if': [{ spec: 'example-mark', help: ['Mark this interface'], handler: (_args, ctx) => void seen.push(String(ctx.modeData)) }],
        config: [{ spec: 'router example', help: ['Enable a routing process', 'Example process'], handler: (_args, ctx) => ctx.enterMode('config-router-example', undefined) }],
      }),
      modes: () => [{ id: 'config-router-example', prompt: '(config-router)#', parent: 'config', config: true, commands: [{ spec: 'example-setting', help: ['Example setting'], handler: () => void seen.push('setting') }] }],
    };
    const dialect = new IosDialect({
      hostname: () => runtime.hostname,
      modes: buildIosModes({ runtime }, [feature]),
      userMode: IOS_MODE_IDS.user,
      privilegedMode: IOS_MODE_IDS.privileged,
      configMode: IOS_MODE_IDS.config,
      interfaces: () => iosInterfaceCatalog(r1.kind),
      keywordHelp: IOS_KEYWORD_HELP,
    });
    for (const line of ['enable', 'configure terminal', 'interface range GigabitEthernet0/0 - 1', 'example-mark', 'exit', 'router example', 'example-setting']) {
      expect(dialect.execute(line).output ?? '').not.toMatch(/%/);
    }
    expect(seen).toEqual(['GigabitEthernet0/0', 'GigabitEthernet0/1', 'setting']);
    expect(dialect.prompt()).toBe('R1(config-router)#');
    const broken: IosFeature = { name: 'broken', appliesTo: () => true, commands: () => ({ 'config-nowhere': [] }) };
    expect(() => buildIosModes({ runtime }, [broken])).toThrow(/mode 'config-nowhere'/);
  });
});
