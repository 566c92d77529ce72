import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../sim-core/lab/lab-problems';
import { loadLab, locateConfigLine } from '../../../sim-core/lab/load-lab';

const FILE = 'lab.v6lab.yaml';

/** Lines joined with newlines, so each test shows the file it loads line by line. */
function lab(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The compiler-style report of a file that must fail. */
function problemsOf(text: string): string {
  const result = loadLab(text, FILE);
  if (result.ok) throw new Error('expected the lab to fail');
  return formatProblems(result.problems);
}

const DEVICES = [
  'devices:',
  '  - name: R1', //                  line 3
  '    kind: router',
  '  - name: PC1', //                 line 5
  '    kind: pc',
];

describe('loadLab: a valid lab', () => {
  it('reads devices and links, expanding abbreviated interface names', () => {
    const result = loadLab(
      lab(
        'version: 1',
        'name: {vi: "Thử nghiệm", en: Test}',
        ...DEVICES,
        'links:',
        '  - endpoints: ["R1:g0/0", "PC1:ethernet0"]',
        '    delay: 2 ms',
        '    bandwidth: 1Gbps',
        '    mtu: 1500',
        '    state: down',
      ),
      FILE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lab).toEqual({
      version: 1,
      name: { vi: 'Thử nghiệm', en: 'Test' },
      zones: [],
      devices: [
        { name: 'R1', kind: 'router' },
        { name: 'PC1', kind: 'pc' },
      ],
      links: [
        {
          id: 'R1:GigabitEthernet0/0--PC1:Ethernet0',
          endpoints: [
            { device: 'R1', interface: 'GigabitEthernet0/0' },
            { device: 'PC1', interface: 'Ethernet0' },
          ],
          delayNs: 2_000_000,
          bandwidthBps: 1_000_000_000,
          mtu: 1500,
          state: 'down',
        },
      ],
    });
    expect(result.warnings).toEqual([]);
  });

  it('links default to up; positions are rounded to whole pixels', () => {
    const result = loadLab(
      lab('version: 1', 'devices:', '  - {name: R1, kind: router, position: {x: 10.6, y: -0.4}}', '  - {name: R2, kind: router}', 'links:', '  - endpoints: [R1:g0/0, R2:g0/0]'),
      FILE,
    );
    expect(result.ok && result.lab.devices[0]!.position).toEqual({ x: 11, y: 0 });
    expect(result.ok && result.lab.links[0]!.state).toBe('up');
  });

  it('an empty lab is just a version', () => {
    const result = loadLab('version: 1\n', FILE);
    expect(result.ok && result.lab).toEqual({ version: 1, zones: [], devices: [], links: [] });
  });
});

describe('loadLab: YAML syntax errors use the yaml library positions', () => {
  it('an unclosed flow sequence', () => {
    expect(problemsOf(lab('version: 1', 'links:', '  - endpoints: ["R1:g0/0", "PC1:Ethernet0"', 'devices: []'))).toBe(
      'lab.v6lab.yaml:4:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('a duplicate key', () => {
    expect(problemsOf(lab('version: 1', 'devices: []', 'devices: []'))).toBe('lab.v6lab.yaml:3:1: error: Map keys must be unique');
  });
});

describe('loadLab: file structure', () => {
  it('an empty file', () => {
    expect(problemsOf('')).toBe("lab.v6lab.yaml:1:1: error: the file is empty; a lab file starts with 'version: 1' and lists devices and links");
  });

  it('a file that is a list, not a mapping', () => {
    expect(problemsOf('- R1\n- R2\n')).toBe('lab.v6lab.yaml:1:1: error: a lab file is a mapping of keys (version, devices, links …); found a list');
  });

  it('a missing version is read as the current one, with a warning at 1:1 (in both languages) to add it', () => {
    const result = loadLab(lab('name: {vi: "Lab đầu tiên", en: First lab}', ...DEVICES, 'links:', '  - endpoints: ["R1:g0/0", "PC1:ethernet0"]'), FILE);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.lab.version).toBe(1);
    expect(result.lab.devices.map((d) => d.name)).toEqual(['R1', 'PC1']);
    expect(result.lab.links).toHaveLength(1);
    expect(formatProblems(result.warnings)).toBe(
      "lab.v6lab.yaml:1:1: warning: no 'version' key: read as format version 1 (the one this V6Lab writes); add 'version: 1' as the first line so later V6Labs read the file the same way",
    );
    expect(formatProblems(result.warnings, 'vi')).toMatch(/^lab\.v6lab\.yaml:1:1: .*thiếu khóa 'version': tệp được đọc theo định dạng phiên bản 1 .*hãy thêm 'version: 1' ở dòng đầu/);
    // Errors elsewhere are still reported at their own line, after the version warning.
    expect(problemsOf(lab('devices:', '  - name: R1', '    kind: rooter'))).toMatch(/^lab\.v6lab\.yaml:1:1: warning: no 'version' key[^\n]*\nlab\.v6lab\.yaml:3:11: error: /);
  });

  it('a version from the future', () => {
    expect(problemsOf(lab('version: 7', 'devices: []'))).toBe(
      'lab.v6lab.yaml:1:10: error: this lab file is format version 7, newer than this V6Lab reads (up to version 1); open it with a newer V6Lab',
    );
  });

  it('a version that is not a whole number', () => {
    expect(problemsOf(lab('version: one'))).toBe(
      "lab.v6lab.yaml:1:10: error: version: expected the lab format version, a whole number from 1 (this V6Lab writes 1); got 'one'",
    );
  });
});

describe('loadLab: schema errors point at the offending node', () => {
  it('an unknown key, with a did-you-mean by edit distance (endpoint → endpoints)', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoint: ["R1:g0/0", "PC1:Ethernet0"]'))).toBe(
      "lab.v6lab.yaml:8:5: error: unknown key 'endpoint' in links[0]; did you mean 'endpoints'?",
    );
  });

  it('an unknown key with no close match lists the keys allowed there', () => {
    expect(problemsOf(lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '    colour: red'))).toBe(
      "lab.v6lab.yaml:5:5: error: unknown key 'colour' in devices[0]; expected one of name, kind, position, zone, config",
    );
  });

  it('an unknown key inside a bilingual text', () => {
    expect(problemsOf(lab('version: 1', 'name: {vi: Thử, en: Test, fr: Essai}'))).toBe("lab.v6lab.yaml:2:27: error: unknown key 'fr' in name; expected one of vi, en");
  });

  it('a missing required key points at the mapping that lacks it', () => {
    expect(problemsOf(lab('version: 1', 'devices:', '  - name: R1'))).toBe(
      "lab.v6lab.yaml:3:5: error: devices[0] is missing the required key 'kind'; expected one of router, l3-switch, switch, access-point, pc, server",
    );
  });

  it('an unknown device kind, with a did-you-mean', () => {
    expect(problemsOf(lab('version: 1', 'devices:', '  - name: R1', '    kind: routr'))).toBe(
      "lab.v6lab.yaml:4:11: error: devices[0].kind: 'routr' is not allowed; expected one of router, l3-switch, switch, access-point, pc, server (did you mean 'router'?)",
    );
  });

  it('a wrong type', () => {
    expect(problemsOf(lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '    position: {x: left, y: 10}'))).toBe(
      "lab.v6lab.yaml:5:19: error: devices[0].position.x: expected a number; got 'left'",
    );
  });

  it('a device name that breaks the IOS hostname rules', () => {
    expect(problemsOf(lab('version: 1', 'devices:', '  - name: 1R', '    kind: router'))).toBe(
      "lab.v6lab.yaml:3:11: error: device name '1R' breaks the hostname rules: start with a letter, end with a letter or digit, only letters, digits and hyphens, at most 63 characters",
    );
  });

  it('a link with one endpoint', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: ["R1:g0/0"]'))).toBe(
      'lab.v6lab.yaml:8:16: error: links[0].endpoints: expected exactly 2 endpoints ["DEVICE:INTERFACE", "DEVICE:INTERFACE"]; got 1',
    );
  });

  it('an endpoint without DEVICE:INTERFACE', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1, "PC1:Ethernet0"]'))).toBe(
      "lab.v6lab.yaml:8:17: error: link endpoint 'R1' should read DEVICE:INTERFACE, e.g. R1:GigabitEthernet0/0",
    );
  });

  it('an MTU below the IPv6 minimum', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    mtu: 1000'))).toBe(
      'lab.v6lab.yaml:9:10: error: links[0].mtu: 1000 is too small; expected at least 1280',
    );
  });

  it('a link state that is neither up nor down', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    state: unplugged'))).toBe(
      "lab.v6lab.yaml:9:12: error: links[0].state: 'unplugged' is not allowed; expected one of up, down",
    );
  });
});

describe('loadLab: meaning', () => {
  it('a link naming a device that is not in the lab suggests the closest name', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: ["R2:g0/0", "PC1:Ethernet0"]'))).toBe(
      "lab.v6lab.yaml:8:17: error: link endpoint 'R2:g0/0' names device 'R2', which is not in this lab; did you mean 'R1'?",
    );
  });

  it('an unknown device with no close match lists the devices', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: ["CORE-SWITCH:g0/0", "PC1:Ethernet0"]'))).toBe(
      "lab.v6lab.yaml:8:17: error: link endpoint 'CORE-SWITCH:g0/0' names device 'CORE-SWITCH', which is not in this lab; the devices are R1, PC1",
    );
  });

  it('an unknown interface lists the valid ports, pointing at the interface part', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: ["R1:GigabitEthernet0/5", "PC1:Ethernet0"]'))).toBe(
      'lab.v6lab.yaml:8:21: error: R1 has no interface GigabitEthernet0/5; it has GigabitEthernet0/0 … GigabitEthernet0/3 (and may create subinterfaces such as GigabitEthernet0/0.10, Loopback0 … Loopback2147483647, Tunnel0 … Tunnel2147483647, Null0)',
    );
  });

  it('a logical interface cannot be cabled', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:lo0, PC1:Ethernet0]'))).toBe(
      'lab.v6lab.yaml:8:20: error: R1:Loopback0 is a logical interface, not a port a cable can plug into; R1 has GigabitEthernet0/0 … GigabitEthernet0/3',
    );
  });

  it('a port cabled twice, even under two spellings', () => {
    expect(
      problemsOf(
        lab(
          'version: 1',
          ...DEVICES,
          '  - name: PC2',
          '    kind: pc',
          'links:',
          '  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]', // line 10
          '  - endpoints: ["R1:gi0/0", "PC2:Ethernet0"]',
        ),
      ),
    ).toBe('lab.v6lab.yaml:11:17: error: port R1:GigabitEthernet0/0 is already cabled by the link at line 10; a port takes one cable');
  });

  it('a radio takes many clients; two radios cannot be linked', () => {
    const clients = lab(
      'version: 1',
      'devices:',
      '  - {name: AP1, kind: access-point}',
      '  - {name: AP2, kind: access-point}',
      '  - {name: PC1, kind: pc}',
      '  - {name: PC2, kind: pc}',
      'links:',
      '  - endpoints: [PC1:Ethernet0, AP1:Dot11Radio0]',
      '  - endpoints: [PC2:Ethernet0, AP1:Dot11Radio0]',
    );
    expect(loadLab(clients, FILE).ok).toBe(true);
    expect(problemsOf(`${clients}  - endpoints: [AP1:Dot11Radio1, AP2:Dot11Radio1]\n`)).toBe(
      "lab.v6lab.yaml:10:34: error: link 3 joins two radios (AP1:Dot11Radio1 and AP2:Dot11Radio1); a radio link joins an access point's radio to a client's port",
    );
  });

  it('a link from a port to itself', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/1, R1:GigabitEthernet0/1]'))).toBe(
      'lab.v6lab.yaml:8:26: error: link 1 connects R1:GigabitEthernet0/1 to itself; a link joins two different ports',
    );
  });

  it('a device may be cabled to itself on two different ports', () => {
    expect(loadLab(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/1, R1:g0/2]'), FILE).ok).toBe(true);
  });

  it('duplicate device names, compared without case', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, '  - name: r1', '    kind: router'))).toBe(
      "lab.v6lab.yaml:7:11: error: device name 'r1' clashes with 'R1' (names are compared without case); the first is at line 3",
    );
    expect(problemsOf(lab('version: 1', ...DEVICES, '  - name: PC1', '    kind: pc'))).toBe("lab.v6lab.yaml:7:11: error: device name 'PC1' is used twice; the first is at line 5");
  });

  it('a delay with an unknown unit', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    delay: 2 sec'))).toBe(
      "lab.v6lab.yaml:9:12: error: delay '2 sec' has an unknown unit 'sec'; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)",
    );
  });

  it('a delay too long', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    delay: 20s'))).toBe(
      "lab.v6lab.yaml:9:12: error: delay '20s' is too long; the longest link delay is 10s",
    );
  });

  it('a bandwidth with no unit, and one out of range', () => {
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    bandwidth: "100"'))).toBe(
      "lab.v6lab.yaml:9:16: error: bandwidth '100' has no unit; expected a number and a unit bps, kbps, Mbps or Gbps (e.g. 1Gbps, 100Mbps, 64kbps)",
    );
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    bandwidth: 1Tbps'))).toBe(
      "lab.v6lab.yaml:9:16: error: bandwidth '1Tbps' has an unknown unit 'Tbps'; expected a number and a unit bps, kbps, Mbps or Gbps (e.g. 1Gbps, 100Mbps, 64kbps)",
    );
    expect(problemsOf(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]', '    bandwidth: 500Gbps'))).toBe(
      "lab.v6lab.yaml:9:16: error: bandwidth '500Gbps' is out of range; links run from 1kbps to 400Gbps",
    );
  });

  it('a zone declared twice', () => {
    expect(problemsOf(lab('version: 1', 'zones:', '  - {id: so-tttt, label: Sở TTTT}', '  - {id: so-tttt, label: Sở TT&TT}'))).toBe(
      "lab.v6lab.yaml:4:10: error: zone 'so-tttt' is declared twice; the first is at line 3",
    );
  });

  it('an undeclared zone that is not a course zone is a warning, with a did-you-mean', () => {
    const result = loadLab(lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '    zone: dmzz'), FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(formatProblems(result.warnings)).toBe("lab.v6lab.yaml:5:11: warning: zone 'dmzz' is not a course zone and is not declared under 'zones'; did you mean 'dmz'?");
  });

  it('course zones and declared zones are accepted silently', () => {
    const result = loadLab(lab('version: 1', 'zones:', '  - {id: so-tttt, label: {vi: Sở TTTT, en: DIC}}', 'devices:', '  - {name: R1, kind: router, zone: so-tttt}', '  - {name: R2, kind: router, zone: idc-core}'), FILE);
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe('loadLab: every problem at once', () => {
  it('reports problems from all passes in file order', () => {
    const text = lab(
      'version: 1',
      'devices:',
      '  - name: R1',
      '    kind: routr', //                                    4: bad kind
      '  - name: PC1',
      '    kind: pc',
      '    zone: dmzz', //                                     7: warning
      'links:',
      '  - endpoints: ["PC1:eth0", "SW9:g1/0/1"]', //          9: unknown interface, unknown device
      '    delay: 1 minute', //                                10: bad unit
    );
    expect(problemsOf(text)).toBe(
      [
        "lab.v6lab.yaml:4:11: error: devices[0].kind: 'routr' is not allowed; expected one of router, l3-switch, switch, access-point, pc, server (did you mean 'router'?)",
        "lab.v6lab.yaml:7:11: warning: zone 'dmzz' is not a course zone and is not declared under 'zones'; did you mean 'dmz'?",
        'lab.v6lab.yaml:9:22: error: PC1 has no interface eth0; it has Ethernet0',
        "lab.v6lab.yaml:9:29: error: link endpoint 'SW9:g1/0/1' names device 'SW9', which is not in this lab; the devices are R1, PC1",
        "lab.v6lab.yaml:10:12: error: delay '1 minute' has an unknown unit 'minute'; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)",
      ].join('\n'),
    );
  });
});

describe('loadLab: where each config starts, for errors inside configs', () => {
  const text = lab(
    'version: 1',
    'devices:',
    '  - name: R1',
    '    kind: router',
    '    config: |', //                   line 5
    '      hostname R1', //               line 6: config line 1
    '      !',
    '      interface GigabitEthernet0/0', // line 8: config line 3
    '       ipv6 address 2001:db8::1/64',
    '  - name: R2',
    '    kind: router',
    '    config: "hostname R2"', //       line 12
  );

  it('a literal block: config line n is file line first + n - 1, at the block indentation', () => {
    const result = loadLab(text, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const origin = result.source.configs.R1!;
    expect(origin).toEqual({ line: 6, column: 7, exact: true });
    expect(locateConfigLine(origin, 3)).toEqual({ line: 8, column: 7 });
    expect(locateConfigLine(origin, 4, 2)).toEqual({ line: 9, column: 8 });
  });

  it('a quoted one-line config starts after the quote', () => {
    const result = loadLab(text, FILE);
    expect(result.ok && result.source.configs.R2).toEqual({ line: 12, column: 14, exact: false });
  });

  it('devices and links are located too', () => {
    const result = loadLab(lab('version: 1', ...DEVICES, 'links:', '  - endpoints: [R1:g0/0, PC1:Ethernet0]'), FILE);
    expect(result.ok && result.source.devices).toEqual({ R1: { line: 3, column: 5 }, PC1: { line: 5, column: 5 } });
    expect(result.ok && result.source.links).toEqual({ 'R1:GigabitEthernet0/0--PC1:Ethernet0': { line: 8, column: 5 } });
  });
});
