import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { formatIpv6 } from '../../../sim-core/addr/ipv6';
import { readCapture } from '../../../sim-core/capture/read-capture';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { bootLab, formatBootProblem } from '../../../sim-core/lab/boot-lab';
import { formatEndpoint, type Lab } from '../../../sim-core/lab/lab-document';
import { renderTerminalText, SETTLE_WARMUP_NS, type LabSession } from '../../../sim-core/lab/lab-session';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { BUDGET_REPORT_SAMPLE } from '../../../sim-core/lab/budget-report';

const EXAMPLES = 'docs/examples';

function load(text: string, fileName = 'lab.v6lab.yaml'): ReturnType<typeof loadLab> & { ok: true } {
  const loaded = loadLab(text, fileName);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return loaded;
}

function boot(text: string, seed = 1): LabSession {
  const loaded = load(text);
  return bootLab(loaded.lab, { seed, source: loaded.source });
}

function ipv6Of(session: LabSession, device: string): { address: string; state: string; origin: string }[] {
  return session.network
    .device(device)
    .stack?.interfaces.flatMap((iface) => iface.ipv6.addresses.map((a) => ({ address: formatIpv6(a.address), state: a.state, origin: a.origin }))) ?? [];
}

function exec(session: LabSession, device: string, line: string) {
  const result = session.exec(device, line);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const TWO_ROUTERS = `version: 1
devices:
  - name: R1
    kind: router
    config: |
      hostname R1
      interface GigabitEthernet0/0
       ip address 192.0.2.1 255.255.255.0
       ipv6 adress 2001:db8::1/64
       no shutdown
      interface GigabitEthernet0/1
       ip address 198.51.100.1
  - name: R2
    kind: router
    config: |
      interface GigabitEthernet0/0
       ip address 192.0.2.2 255.255.255.0
       no shutdown
      ip rout 0.0.0.0 0.0.0.0 192.0.2.1
links:
  - endpoints: ["R1:g0/0", "R2:g0/0"]
    delay: 3ms
    bandwidth: 10Mbps
    mtu: 1400
  - endpoints: ["R1:g0/1", "R2:g0/1"]
    state: down
`;

const QUIET_PAIR = `version: 1
devices:
  - name: R1
    kind: router
    config: |
      ipv6 unicast-routing
      interface GigabitEthernet0/0
       ip address 192.0.2.1 255.255.255.0
       ipv6 address 2001:db8::1/64
       no shutdown
  - name: R2
    kind: router
    config: |
      interface GigabitEthernet0/0
       ip address 192.0.2.2 255.255.255.0
       ipv6 address 2001:db8::2/64
       no shutdown
links:
  - endpoints: ["R1:g0/0", "R2:g0/0"]
`;

describe('bootLab on the example labs', () => {
  const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.v6lab.yaml'));

  it('finds the three examples the issue asks for', () => {
    expect(files).toEqual(expect.arrayContaining(['dual-stack-lan.v6lab.yaml', 'router-on-a-stick.v6lab.yaml', 'three-routers-static.v6lab.yaml']));
  });

  for (const file of files) {
    describe(file, () => {
      const loaded = load(readFileSync(`${EXAMPLES}/${file}`, 'utf8'), `${EXAMPLES}/${file}`);
      const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });

      it('boots with no problems (every config line accepted)', () => {
        expect(session.problems.map(formatBootProblem)).toEqual([]);
      });

      it('has every device of the file, by name and kind, and nothing else', () => {
        expect(session.network.allDevices().map((d) => [d.name, d.kind])).toEqual(loaded.lab.devices.map((d) => [d.name, d.kind]));
        expect(session.deviceNames).toEqual(loaded.lab.devices.map((d) => d.name));
      });

      it('cables every link of the file between the named ports, with its delay and bandwidth', () => {
        for (const link of loaded.lab.links) {
          const [a, b] = link.endpoints;
          const cable = session.network.linkAt(formatEndpoint(a));
          expect(session.network.linkAt(formatEndpoint(b))).toBe(cable);
          expect([cable.a.device, cable.a.name, cable.b.device, cable.b.name]).toEqual([a.device, a.interface, b.device, b.interface]);
          if (link.delayNs !== undefined) expect(cable.delayNs).toBe(link.delayNs);
          if (link.bandwidthBps !== undefined) expect(cable.bandwidthBps).toBe(link.bandwidthBps);
        }
      });

      it('settles within the warm-up: every IPv6 address past DAD, time at 10 s', () => {
        const settle = session.runUntilSettled();
        expect(settle.settled).toBe(true);
        expect(settle.nowNs).toBe(SETTLE_WARMUP_NS);
        for (const device of loaded.lab.devices) {
          for (const address of ipv6Of(session, device.name)) expect(address.state, `${device.name} ${address.address}`).not.toBe('tentative');
        }
      });

      it('gives every host a global IPv6 address (SLAAC from the router, or static) after settling', () => {
        for (const device of loaded.lab.devices.filter((d) => d.kind === 'pc' || d.kind === 'server')) {
          const globals = ipv6Of(session, device.name).filter((a) => !a.address.startsWith('fe80') && a.state === 'preferred');
          expect(globals.length, `${device.name}: ${JSON.stringify(ipv6Of(session, device.name))}`).toBeGreaterThan(0);
          expect(ipv6Of(session, device.name).some((a) => a.address.startsWith('fe80:'))).toBe(true);
        }
      });

      it('gives every host the IPv4 address of its config', () => {
        for (const device of loaded.lab.devices.filter((d) => d.kind === 'pc' || d.kind === 'server')) {
          const ipv4 = session.network.interfaces(device.name).flatMap((iface) => iface.ipv4);
          expect(ipv4.length, device.name).toBeGreaterThan(0);
        }
      });
    });
  }

  it('dual-stack LAN: PC1 autoconfigures in R1\'s prefix 2001:db8:6803:10::/64', () => {
    const session = boot(readFileSync(`${EXAMPLES}/dual-stack-lan.v6lab.yaml`, 'utf8'));
    session.runUntilSettled();
    const slaac = ipv6Of(session, 'PC1').filter((a) => a.origin === 'slaac');
    expect(slaac.map((a) => a.address.startsWith('2001:db8:6803:10:'))).toEqual([true]);
  });
});

describe('bootLab: links as the file says', () => {
  const session = boot(TWO_ROUTERS);

  it('a link MTU sets both interfaces\' MTU; delay and bandwidth reach the link', () => {
    const cable = session.network.linkAt('R1:GigabitEthernet0/0');
    expect(cable.delayNs).toBe(3_000_000);
    expect(cable.bandwidthBps).toBe(10_000_000);
    expect(session.network.interfaces('R1').find((i) => i.name === 'GigabitEthernet0/0')!.mtuBytes).toBe(1400);
    expect(session.network.interfaces('R2').find((i) => i.name === 'GigabitEthernet0/0')!.mtuBytes).toBe(1400);
  });

  it('a link in state down is cabled but unplugged: no carrier at either end', () => {
    const cable = session.network.linkAt('R1:GigabitEthernet0/1');
    expect(cable.a.carrier).toBe(false);
    expect(cable.b.carrier).toBe(false);
    expect(session.network.linkAt('R1:GigabitEthernet0/0').a.carrier).toBe(true);
  });
});

describe('bootLab: refused config lines are problems at file:line:column', () => {
  const session = boot(TWO_ROUTERS);
  const problems = session.problems;

  it('reports every refused line of every device at once, in file order', () => {
    expect(problems.map((p) => [p.severity, p.code, p.line])).toEqual([
      ['error', 'config-rejected', 9],
      ['error', 'config-rejected', 12],
      ['error', 'config-rejected', 19],
    ]);
  });

  it("invalid input: the column of IOS's caret in the file, the IOS message, the line and caret as excerpt", () => {
    const [first] = problems;
    // `       ipv6 adress …`: config indent 6 + one space; IOS's caret is under the 'r' that does not fit `address`.
    expect(first).toMatchObject({ file: 'lab.v6lab.yaml', line: 9, column: 15 });
    expect(first!.message).toBe("R1's config line 4: % Invalid input detected at '^' marker.");
    expect(first!.excerpt).toBe(' ipv6 adress 2001:db8::1/64\n        ^');
    expect(formatBootProblem(first!)).toBe(
      "lab.v6lab.yaml:9:15: error: R1's config line 4: % Invalid input detected at '^' marker.\n     ipv6 adress 2001:db8::1/64\n            ^",
    );
  });

  it('incomplete command: points at the first word of the line', () => {
    expect(problems[1]).toMatchObject({ line: 12, column: 8, message: "R1's config line 7: % Incomplete command." });
  });

  it('a refused line does not stop the rest: the lines around it are applied', () => {
    const r1 = session.network.interfaces('R1').find((i) => i.name === 'GigabitEthernet0/0')!;
    expect(r1.ipv4).toEqual(['192.0.2.1/24']);
    expect(r1.adminUp).toBe(true);
    expect(problems[2]).toMatchObject({ line: 19, message: "R2's config line 4: % Invalid input detected at '^' marker." });
  });

  it('without a source map, positions are within the device config', () => {
    const lab = load(TWO_ROUTERS).lab;
    const bare = bootLab(lab, { seed: 1 });
    expect(bare.problems[0]).toMatchObject({ file: 'lab (R1 config)', line: 4, column: 9 });
  });

  it('never throws on any config text, and every problem points inside that device\'s config', () => {
    const base = load(QUIET_PAIR).lab;
    const words = ['interface', 'g0/0', 'ip', 'ipv6', 'address', 'route', 'no', 'shutdown', '2001:db8::1/64', '192.0.2.9', '255.255.255.0', 'exit', 'end', 'vlan', '!', '?', '%', 'hostname', 'x'];
    const line = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const config = lines.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n');
        const lab: Lab = { ...base, devices: base.devices.map((d) => (d.name === 'R2' ? { ...d, config } : d)) };
        const booted = bootLab(lab, { seed: 7 });
        for (const problem of booted.problems) {
          expect(problem.file).toBe('lab (R2 config)');
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('LabSession.exec: a line typed at a console, run over virtual time', () => {
  it('returns prompt, echo and output, without the next prompt, and keeps the mode for the next line', () => {
    const session = boot(QUIET_PAIR);
    session.runUntilSettled();
    const first = exec(session, 'R1', 'enable');
    expect(first.transcript).toBe('R1>enable\n');
    expect(first.prompt).toBe('R1#');
    const brief = exec(session, 'R1', 'show ip interface brief');
    expect(brief.transcript.split('\n')[0]).toBe('R1#show ip interface brief');
    expect(brief.transcript).toMatch(/^GigabitEthernet0\/0 +192\.0\.2\.1 +YES manual up +up$/m);
    expect(brief.transcript.endsWith('\n')).toBe(true);
    expect(brief.transcript).not.toMatch(/R1#$/);
  });

  it('what a command sets off at its instant is in its transcript (IOS logs %SYS-5-CONFIG_I after end), with no time passing', () => {
    const session = boot(QUIET_PAIR);
    session.runUntilSettled();
    for (const line of ['enable', 'configure terminal', 'interface g0/1']) exec(session, 'R1', line);
    const start = session.nowNs;
    const end = exec(session, 'R1', 'end');
    expect(end.transcript).toBe('R1(config-if)#end\nR1#\n*Mar  1 00:00:10.000: %SYS-5-CONFIG_I: Configured from console by console\n');
    expect(end.prompt).toBe('R1#');
    expect(session.nowNs).toBe(start);
  });

  it('a ping runs its five probes in virtual time and ends with the summary', () => {
    const session = boot(QUIET_PAIR);
    session.runUntilSettled();
    const start = session.nowNs;
    const ping = exec(session, 'R1', 'ping 192.0.2.2');
    expect(ping.transcript).toMatch(/Success rate is \d+ percent \(\d\/5\)/);
    expect(ping.endNs).toBeGreaterThan(start);
    expect(session.nowNs).toBe(ping.endNs);
    expect(ping.interrupted).toBe(false);
    expect(ping.prompt).toBe('R1>');
  });

  it('a command still running at the timeout is interrupted with the console\'s own key', () => {
    const session = boot(QUIET_PAIR);
    session.runUntilSettled();
    exec(session, 'R1', 'enable');
    const result = session.exec('R1', 'ping 192.0.2.99 repeat 1000', { timeoutNs: 5 * NS_PER_S });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.interrupted).toBe(true);
    expect(result.value.endNs - result.value.startNs).toBeLessThan(20 * NS_PER_S);
    expect(exec(session, 'R1', 'show clock').transcript.startsWith('R1#show clock')).toBe(true);
  });

  it('finds devices without case; an unknown device is an error naming the devices', () => {
    const session = boot(QUIET_PAIR);
    expect(exec(session, 'r2', 'enable').device).toBe('R2');
    const missing = session.exec('R9', 'enable');
    expect(missing).toEqual({ ok: false, error: "there is no device 'R9' in this lab; the devices are R1, R2" });
  });

  it('one console per device, kept: the same object every time', () => {
    const session = boot(QUIET_PAIR);
    const a = session.console('R1');
    const b = session.console('r1');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
  });

  it('the same seed gives the same trace and the same transcripts', () => {
    const run = (seed: number): [string, string] => {
      const session = boot(QUIET_PAIR, seed);
      session.runUntilSettled();
      const text = exec(session, 'R1', 'ping 2001:db8::2').transcript;
      return [session.network.traceHash(), text];
    };
    expect(run(5)).toEqual(run(5));
  });
});

describe('LabSession.runUntilSettled', () => {
  it('runs at least the 10 s warm-up, and again later only checks', () => {
    const session = boot(QUIET_PAIR);
    expect(session.runUntilSettled()).toMatchObject({ settled: true, nowNs: SETTLE_WARMUP_NS });
    session.runFor(3 * NS_PER_S);
    expect(session.runUntilSettled()).toMatchObject({ settled: true, nowNs: SETTLE_WARMUP_NS + 3 * NS_PER_S });
  });
});

describe('LabSession.captureStart', () => {
  it('captures a port from boot and writes pcapng that reads back frame for frame', () => {
    const session = boot(QUIET_PAIR);
    const started = session.captureStart('r1:g0/0');
    if (!started.ok) throw new Error(started.error);
    const capture = started.value;
    session.runUntilSettled();
    exec(session, 'R1', 'ping 192.0.2.2');
    capture.stop();
    expect(capture.endpoint).toBe('R1:GigabitEthernet0/0');
    expect(capture.frameCount).toBeGreaterThan(10);
    const read = readCapture(capture.toPcapng());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.interfaces[0]!.name).toBe('R1 GigabitEthernet0/0');
    expect(read.value.packets.length).toBe(capture.frameCount);
  });

  it('a wrong port is an error with the reason, not a throw', () => {
    const session = boot(QUIET_PAIR);
    for (const endpoint of ['R1', 'R9:g0/0', 'R1:g9/9', 'R1:Loopback0']) {
      const result = session.captureStart(endpoint);
      expect(result.ok, endpoint).toBe(false);
    }
  });
});

describe('renderTerminalText', () => {
  it("shows what a terminal shows: '\\r\\n' line ends, backspace overwrites, bells dropped", () => {
    expect(renderTerminalText('R1#sh\x07ow\r\nline  \r\nab\bc\r\nx')).toBe('R1#show\nline\nac\nx');
    expect(renderTerminalText('abc\rX')).toBe('Xbc');
  });
});

describe('bootLab keeps trace records only as far as someone asks', () => {
  // Two switches cabled twice with spanning tree stopped: a storm makes far more frames than any ring holds.
  const STORM = `
version: 1
devices:
  - { name: SW1, kind: switch }
  - { name: SW2, kind: switch }
  - { name: PC1, kind: pc, config: "netsh interface ipv4 set address \\"Ethernet0\\" static 192.0.2.10 255.255.255.0\\n" }
links:
  - endpoints: ["SW1:GigabitEthernet1/0/1", "SW2:GigabitEthernet1/0/1"]
  - endpoints: ["SW1:GigabitEthernet1/0/2", "SW2:GigabitEthernet1/0/2"]
  - endpoints: ["SW1:GigabitEthernet1/0/4", "PC1:Ethernet0"]
`;
  function storm(traceRecords?: number): LabSession {
    const lab = load(STORM).lab;
    const session = bootLab(lab, { seed: 3, eventBudget: 60_000, ...(traceRecords === undefined ? {} : { traceRecords }) });
    for (const sw of ['SW1', 'SW2']) session.network.device(sw).spanningTree!.stop();
    expect(session.runFor(10 * NS_PER_S).status).toBe('budget-exhausted');
    return session;
  }

  it('by default only the tail the storm report reads, with bytes, so the report still names the loop', () => {
    const session = storm();
    const trace = session.network.simulator.trace;
    expect(trace.total).toBeGreaterThan(BUDGET_REPORT_SAMPLE);
    expect(trace.records()).toHaveLength(BUDGET_REPORT_SAMPLE);
    expect(trace.records().every((r) => r.bytes !== null)).toBe(true);
    expect(session.budgetReport()?.loop).toBe('layer-2');
  });

  it('none when asked for none, more when asked for more, and the same trace hash every way', () => {
    const byDefault = storm();
    const none = storm(0);
    const more = storm(50_000);
    expect(none.network.simulator.trace.records()).toEqual([]);
    expect(more.network.simulator.trace.records()).toHaveLength(Math.min(50_000, more.network.simulator.trace.total));
    expect(more.network.simulator.trace.records().length).toBeGreaterThan(BUDGET_REPORT_SAMPLE);
    expect(none.network.traceHash()).toBe(byDefault.network.traceHash());
    expect(more.network.traceHash()).toBe(byDefault.network.traceHash());
  });
});
