import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_SEED,
  readCaptureSpec,
  readDuration,
  readExecSpec,
  readSeed,
  runLabCommand,
  streamText,
  type RunLabOptions,
} from '../../../electron/cli/commands/run';
import { tsharkPath } from '../../helpers/external-tools';

const DUAL_STACK = 'docs/examples/dual-stack-lan.v6lab.yaml';
const THREE_ROUTERS = 'docs/examples/three-routers-static.v6lab.yaml';
const TSX = 'node_modules/.bin/tsx';

function run(file: string, options: RunLabOptions, text = readFileSync(file, 'utf8')) {
  const outcome = runLabCommand(file, text, options);
  return { ...outcome, stdout: streamText(outcome.output, 'out'), stderr: streamText(outcome.output, 'err') };
}

const BAD_CONFIG = `version: 1
devices:
  - name: R1
    kind: router
    config: |
      interface GigabitEthernet0/0
       ipv6 adress 2001:db8::1/64
       no shutdown
  - name: R2
    kind: router
links:
  - endpoints: ["R1:g0/0", "R2:g0/0"]
`;

describe('v6lab run: reading the options', () => {
  it('--exec is "<device>: <commands>", split at ";"; colons after the first stay in the command', () => {
    expect(readExecSpec('R1: enable; show ipv6 interface brief')).toEqual({ ok: true, value: { device: 'R1', commands: ['enable', 'show ipv6 interface brief'] } });
    expect(readExecSpec('PC1:ping -6 2001:db8::1')).toEqual({ ok: true, value: { device: 'PC1', commands: ['ping -6 2001:db8::1'] } });
    expect(readExecSpec('R1: show version;')).toEqual({ ok: true, value: { device: 'R1', commands: ['show version'] } });
    // Inner empty pieces are Enter on an empty line: the default answers of IOS's extended ping.
    expect(readExecSpec('R1: ping; ip; 192.0.2.1;;;')).toEqual({ ok: true, value: { device: 'R1', commands: ['ping', 'ip', '192.0.2.1', '', ''] } });
    for (const bad of ['show version', ': show version', 'R1:', 'R1 R2: show version', 'R1:  ; ']) expect(readExecSpec(bad).ok, bad).toBe(false);
  });

  it('--capture is "<device>:<interface>=<file>"; the file may contain "="-free paths, the port abbreviations', () => {
    expect(readCaptureSpec('R1:g0/0=out/r1.pcapng')).toEqual({ ok: true, value: { endpoint: 'R1:g0/0', file: 'out/r1.pcapng' } });
    for (const bad of ['R1:g0/0', 'R1=x.pcapng', 'R1:g0/0=', '=x.pcapng']) expect(readCaptureSpec(bad).ok, bad).toBe(false);
  });

  it('--until reads ns, us, ms, s, m, h (bare number = seconds), at most a day', () => {
    expect(readDuration('--until', '30s')).toEqual({ ok: true, value: 30e9 });
    expect(readDuration('--until', '500ms')).toEqual({ ok: true, value: 500e6 });
    expect(readDuration('--until', '2m')).toEqual({ ok: true, value: 120e9 });
    expect(readDuration('--until', '1.5')).toEqual({ ok: true, value: 1.5e9 });
    expect(readDuration('--until', '24h').ok).toBe(true);
    for (const bad of ['25h', 'soon', '-1s', '10 parsecs', '']) expect(readDuration('--until', bad).ok, bad).toBe(false);
  });

  it('--seed defaults to the documented 1 and takes whole numbers only', () => {
    expect(readSeed(undefined)).toEqual({ ok: true, value: DEFAULT_SEED });
    expect(DEFAULT_SEED).toBe(1);
    expect(readSeed('42')).toEqual({ ok: true, value: 42 });
    for (const bad of ['-1', '1.5', 'x', '9007199254740992']) expect(readSeed(bad).ok, bad).toBe(false);
  });
});

describe('v6lab run: a lab that boots', () => {
  it('prints each --exec transcript with its prompts, under the device name, in order', () => {
    const r = run(DUAL_STACK, { exec: ['R1: enable; show ipv6 interface brief', 'R1: show ip interface brief'] });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('== R1 (at 10.000000000 s) ==');
    expect(lines[1]).toBe('R1>enable');
    expect(lines[2]).toBe('R1#show ipv6 interface brief');
    expect(r.stdout).toMatch(/^GigabitEthernet0\/0 +\[up\/up\]\n {4}FE80::1\n {4}2001:DB8:6803:10::1$/m);
    expect(r.stdout).toMatch(/^R1#show ip interface brief\nInterface +IP-Address +OK\? Method Status +Protocol$/m);
    expect(r.stdout).toMatch(/^GigabitEthernet0\/0 +192\.168\.10\.1 +YES manual up +up$/m);
    expect(r.stdout.match(/== R1/g)).toHaveLength(1);
    expect(r.files).toEqual([]);
  });

  it('PC1: ipconfig /all shows the SLAAC address of R1\'s prefix and R1 as the IPv6 gateway', () => {
    const r = run(DUAL_STACK, { exec: ['PC1: ipconfig /all', 'R1: show ipv6 interface brief'] });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^== PC1 \(at 10\.000000000 s\) ==$/m);
    expect(r.stdout).toMatch(/ipconfig \/all\n/);
    expect(r.stdout).toMatch(/Windows IP Configuration/);
    expect(r.stdout).toMatch(/IPv6 Address[. ]*: 2001:db8:6803:10:[0-9a-f:]+\(Preferred\)/);
    expect(r.stdout).toMatch(/IPv4 Address[. ]*: 192\.168\.10\.11\(Preferred\)/);
    expect(r.stdout).toMatch(/Default Gateway[. ]*: fe80::1%\d+/);
    expect(r.stdout).toMatch(/^== R1 /m);
  });

  it('a ping runs in virtual time between commands: the next device starts later', () => {
    const r = run(THREE_ROUTERS, { exec: ['R1: ping 192.168.13.1', 'R3: show ip interface brief'] });
    expect(r.stdout).toMatch(/^Success rate is \d+ percent \(\d\/5\)/m);
    const r3At = /^== R3 \(at (\d+\.\d+) s\) ==$/m.exec(r.stdout);
    expect(Number(r3At![1])).toBeGreaterThan(10);
  });

  it('--exec-timeout interrupts a command that never ends (Windows ping -t) with Ctrl-C, and the next runs', () => {
    const r = run(DUAL_STACK, { exec: ['PC1: ping -t 192.168.10.1; hostname'], execTimeout: '3s' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Reply from 192\.168\.10\.1: bytes=32 time<1ms TTL=255\n/);
    expect(r.stdout).toMatch(/Control-C\n\^C\n\nC:\\Users\\Admin>hostname\nPC1\n/);
    expect(r.stderr).toContain("v6lab run: 'ping -t 192.168.10.1' on PC1 was still running after 3.000000000 s of virtual time and was interrupted");
    expect(run(DUAL_STACK, { execTimeout: 'forever' }).exitCode).toBe(2);
  });

  it('the same seed gives the same output; --until replaces settling', () => {
    const a = run(THREE_ROUTERS, { exec: ['R1: ping 2001:db8:6813:10::1'], json: true });
    const b = run(THREE_ROUTERS, { exec: ['R1: ping 2001:db8:6813:10::1'], json: true });
    expect(a.stdout).toBe(b.stdout);
    const early = JSON.parse(run(THREE_ROUTERS, { until: '2s', json: true }).stdout);
    expect(early.finalTimeNs).toBe(2e9);
    expect(early.settle).toBeNull();
  });

  it('--json gives transcripts per command, problems, captures, final time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'v6lab-run-'));
    const file = join(dir, 'r1.pcapng');
    const r = run(THREE_ROUTERS, { exec: ['R1: enable; show ipv6 route'], capture: [`R1:g0/1=${file}`], json: true, seed: '7' });
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ lab: THREE_ROUTERS, seed: 7, ok: true, settle: { settled: true, timeNs: 10e9 } });
    expect(report.execs.map((e: { device: string; command: string }) => [e.device, e.command])).toEqual([
      ['R1', 'enable'],
      ['R1', 'show ipv6 route'],
    ]);
    expect(report.execs[1].transcript).toMatch(/^R1#show ipv6 route\nIPv6 Routing Table - default - \d+ entries/);
    expect(report.execs[1].prompt).toBe('R1#');
    expect(report.captures).toEqual([{ endpoint: 'R1:GigabitEthernet0/1', file, frames: expect.any(Number) }]);
    expect(report.finalTime).toMatch(/^\d+\.\d{9} s$/);
    expect(Array.isArray(report.problems)).toBe(true);
    expect(r.files.map((f) => f.path)).toEqual([file]);
  });
});

describe('v6lab run: exit codes', () => {
  it('1 when the event budget runs out, with the report of what used it', () => {
    // A budget far too small for this lab: the run stops, and the report says it found no loop.
    const r = run(DUAL_STACK, { eventBudget: 20, exec: ['PC1: ipconfig'] });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^v6lab run: the simulation stopped early: stopped after 20 events .*the event budget ran out.*: no loop found: .*Busiest ports in the last \d+ events: /m);
    const json = JSON.parse(run(DUAL_STACK, { eventBudget: 20, json: true }).stdout);
    expect(json.ok).toBe(false);
    expect(json.runMessage).toMatch(/^stopped after 20 events/);
    expect(run(DUAL_STACK, {}).exitCode).toBe(0);
  });

  it('1 with compiler-style problems (file:line:col: error: …, the line and IOS caret) when a config line is refused', () => {
    const r = run('bad.v6lab.yaml', { exec: ['R1: show version'] }, BAD_CONFIG);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "bad.v6lab.yaml:7:15: error: R1's config line 2: % Invalid input detected at '^' marker.\n" +
        '     ipv6 adress 2001:db8::1/64\n' +
        '            ^\n' +
        '1 error in bad.v6lab.yaml\n',
    );
  });

  it('1 for a lab file that does not load, every problem listed; --json gives them as data', () => {
    const text = 'version: 1\ndevices:\n  - name: R1\n    kind: rooter\nlinks:\n  - endpoints: ["R1:g0/0", "R9:g0/0"]\n';
    const r = run('broken.v6lab.yaml', {}, text);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^broken\.v6lab\.yaml:4:11: error: .*rooter/m);
    expect(r.stderr).toMatch(/^broken\.v6lab\.yaml:6:\d+: error: .*R9/m);
    const json = JSON.parse(run('broken.v6lab.yaml', { json: true }, text).stdout);
    expect(json.ok).toBe(false);
    expect(json.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('2 for bad options, naming them: seed, until, exec form, unknown device, unknown port', () => {
    const cases: [RunLabOptions, RegExp][] = [
      [{ seed: 'abc' }, /--seed 'abc'/],
      [{ until: 'later' }, /--until 'later'/],
      [{ exec: ['show version'] }, /--exec 'show version': expected "<device>: <command>"/],
      [{ exec: ['R9: show version'] }, /there is no device 'R9' in this lab; the devices are R1, R2, R3, PC1, SRV1/],
      [{ capture: ['R1:g7/7=x.pcapng'] }, /--capture 'R1:g7\/7=x\.pcapng'/],
    ];
    for (const [options, message] of cases) {
      const r = run(THREE_ROUTERS, options);
      expect(r.exitCode, JSON.stringify(options)).toBe(2);
      expect(r.stderr, JSON.stringify(options)).toMatch(message);
      expect(r.stderr.startsWith('v6lab run: ')).toBe(true);
    }
  });
});

describe('v6lab run: the real command line', () => {
  it('exit 0 and the transcript; 2 for a missing file; 1 for a lab error', () => {
    const ok = spawnSync(TSX, ['electron/cli/v6lab.ts', 'run', THREE_ROUTERS, '--exec', 'R2: show ip route 192.168.13.0'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n').slice(0, 2)).toEqual(['== R2 (at 10.000000000 s) ==', 'R2>show ip route 192.168.13.0']);
    const missing = spawnSync(TSX, ['electron/cli/v6lab.ts', 'run', 'no/such.v6lab.yaml'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("v6lab run: cannot read 'no/such.v6lab.yaml': no such file\n");
    const noLab = spawnSync(TSX, ['electron/cli/v6lab.ts', 'run'], { encoding: 'utf8' });
    expect(noLab.status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'v6lab-run-'));
    const bad = join(dir, 'bad.v6lab.yaml');
    spawnSync('sh', ['-c', `cat > '${bad}'`], { input: BAD_CONFIG });
    const lab = spawnSync(TSX, ['electron/cli/v6lab.ts', 'run', bad], { encoding: 'utf8' });
    expect(lab.status).toBe(1);
    expect(lab.stderr).toContain(`${bad}:7:15: error: R1's config line 2:`);
  }, 60_000);

  it('--capture writes a pcapng that tshark reads with no malformed packet', (context) => {
    const tshark = tsharkPath();
    if (tshark === undefined) return context.skip();
    const dir = mkdtempSync(join(tmpdir(), 'v6lab-run-'));
    const file = join(dir, 'r1-wan.pcapng');
    const r = spawnSync(TSX, ['electron/cli/v6lab.ts', 'run', THREE_ROUTERS, '--exec', 'R1: ping 192.168.13.1; ping 2001:db8:6813:10::1', '--capture', `R1:g0/1=${file}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/captured \d+ frames on R1 GigabitEthernet0\/1 → /);
    expect(existsSync(file)).toBe(true);
    const summary = spawnSync(tshark, ['-r', file], { encoding: 'utf8' });
    expect(summary.status, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/Echo \(ping\) request/);
    expect(summary.stdout).toMatch(/Echo \(ping\) reply/);
    expect(summary.stdout).toMatch(/ICMPv6 .*Echo \(ping\) reply/);
    expect(summary.stdout).toMatch(/Neighbor Solicitation/);
    const malformed = spawnSync(tshark, ['-r', file, '-Y', '_ws.malformed || _ws.expert.severity >= "error"'], { encoding: 'utf8' });
    expect(malformed.status, malformed.stderr).toBe(0);
    expect(malformed.stdout.trim()).toBe('');
  }, 90_000);
});
