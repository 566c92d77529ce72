import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LabConsoleDriver, parseEscape, prepareConsole, readSpeed, type ConsoleSpeed } from '../../../electron/cli/commands/console';
import { NS_PER_S } from '../../../sim-core/engine/time';

const THREE_ROUTERS = 'docs/examples/three-routers-static.v6lab.yaml';
const TSX = 'node_modules/.bin/tsx';

function start(options: { raw: boolean; speed?: string; device?: string }): { driver: LabConsoleDriver; output: () => string } {
  let output = '';
  const prepared = prepareConsole(THREE_ROUTERS, readFileSync(THREE_ROUTERS, 'utf8'), { ...(options.speed === undefined ? {} : { speed: options.speed }), ...(options.device === undefined ? {} : { device: options.device }) }, {
    raw: options.raw,
    write: (text) => void (output += text),
  });
  if (!prepared.ok) throw new Error(prepared.error);
  prepared.driver.start(prepared.banner);
  return { driver: prepared.driver, output: () => output };
}

/** The session the driver runs (for the virtual clock). */
function nowNs(driver: LabConsoleDriver): number {
  return (driver as unknown as { session: { nowNs: number } }).session.nowNs;
}

describe('v6lab console: escape commands', () => {
  it('reads ~list, ~attach, ~wait, ~time, ~help, ~quit and their short forms', () => {
    expect(parseEscape('~list')).toEqual({ kind: 'list' });
    expect(parseEscape('  ~ls ')).toEqual({ kind: 'list' });
    expect(parseEscape('~attach PC1')).toEqual({ kind: 'attach', device: 'PC1' });
    expect(parseEscape('~a r2')).toEqual({ kind: 'attach', device: 'r2' });
    expect(parseEscape('~wait 5s')).toEqual({ kind: 'wait', durationNs: 5 * NS_PER_S });
    expect(parseEscape('~time')).toEqual({ kind: 'time' });
    expect(parseEscape('~?')).toEqual({ kind: 'help' });
    expect(parseEscape('~help')).toEqual({ kind: 'help' });
    expect(parseEscape('~quit')).toEqual({ kind: 'quit' });
    expect(parseEscape('~.')).toEqual({ kind: 'quit' });
  });

  it('says what is wrong with a bad one', () => {
    expect(parseEscape('~attach')).toEqual({ kind: 'error', message: '~attach needs a device name, e.g. ~attach PC1' });
    expect(parseEscape('~wait soon')).toMatchObject({ kind: 'error', message: expect.stringMatching(/~wait 'soon': expected a duration/) });
    expect(parseEscape('~frobnicate')).toEqual({ kind: 'error', message: "unknown escape command '~frobnicate'; ~help lists them" });
  });

  it('--speed is a factor (1 = real time, 2x allowed) or max', () => {
    expect(readSpeed(undefined)).toEqual({ ok: true, value: 1 });
    expect(readSpeed('2x')).toEqual({ ok: true, value: 2 });
    expect(readSpeed('max')).toEqual({ ok: true, value: 'max' as ConsoleSpeed });
    for (const bad of ['0', '-1', 'fast', '5000']) expect(readSpeed(bad).ok, bad).toBe(false);
  });
});

describe('v6lab console: line mode (a pipe)', () => {
  it('types each line at the attached console, switches device with ~attach, and ends with the input', () => {
    const { driver, output } = start({ raw: false, speed: 'max' });
    for (const line of ['enable', '~list', '~attach r3', 'show ip interface brief', '~a nosuch', '~time']) driver.inputLine(line);
    expect(driver.finished).toBe(false);
    driver.endInput();
    expect(driver.finished).toBe(true);
    const text = output();
    expect(text).toMatch(/^Attached to R1\. ~help lists the escape commands/m);
    expect(text).toContain('R1>enable\nR1#~list\n* R1      router\n  R2      router\n  R3      router\n  PC1     pc\n  SRV1    server\nR1#~attach r3\n[attached to R3 (router)]\nR3>show ip interface brief\n');
    expect(text).toMatch(/^GigabitEthernet0\/0 +192\.168\.13\.1 +YES manual up +up$/m);
    expect(text).toContain("R3>~a nosuch\nthere is no device 'nosuch' in this lab; the devices are R1, R2, R3, PC1, SRV1\nR3>");
    expect(text).toMatch(/R3>~time\nvirtual time 10\.\d{9} s\nR3>\n$/);
    expect(text).not.toContain('\r');
  });

  it('at 1× the clock runs only while a command runs, following the wall clock, and the next line waits', () => {
    const { driver, output } = start({ raw: false, device: 'R1' });
    const before = nowNs(driver);
    driver.tick(0);
    driver.tick(5000);
    expect(nowNs(driver)).toBe(before); // idle at the prompt: time stands still
    driver.inputLine('ping 192.168.99.1');
    driver.inputLine('show version');
    expect(driver.clockRuns()).toBe(true);
    driver.tick(10_000);
    driver.tick(11_000);
    expect(nowNs(driver)).toBe(before + NS_PER_S);
    expect(output()).not.toContain('show version');
    for (let wall = 12_000; wall < 40_000 && driver.clockRuns(); wall += 500) driver.tick(wall);
    expect(output()).toMatch(/Success rate is 0 percent \(0\/5\)\nR1>show version\n/);
    const after = nowNs(driver);
    driver.tick(60_000);
    driver.tick(70_000);
    expect(nowNs(driver)).toBe(after);
  });

  it('~wait runs the clock for that long, then shows the prompt again', () => {
    const { driver, output } = start({ raw: false, device: 'R2' });
    const before = nowNs(driver);
    driver.inputLine('~wait 3s');
    driver.inputLine('enable');
    driver.tick(0);
    driver.tick(2000);
    expect(output()).not.toContain('R2>enable');
    driver.tick(4000);
    expect(nowNs(driver)).toBe(before + 3 * NS_PER_S);
    expect(output()).toContain('R2>~wait 3s\n[waiting 3.000000000 s of virtual time]\nR2>enable\nR2#');
  });
});

describe('v6lab console: log lines during ~wait', () => {
  // shutdown logs %LINEPROTO-5-UPDOWN a second later, inside the wait: the console redraws its
  // prompt after the log line, and the driver must not print it a second time.
  const script = ['enable', 'configure terminal', 'interface GigabitEthernet0/1', 'shutdown', 'end', '~wait 3s', 'show clock'];
  const lineprotoThenPrompt = /%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0\/1, changed state to down\r?\nR1#show clock\r?\n/;

  it('line mode at 1×: the prompt after the log line is printed once', () => {
    const { driver, output } = start({ raw: false, device: 'R1' });
    for (const line of script) driver.inputLine(line);
    driver.tick(0);
    driver.tick(4000);
    expect(output()).toMatch(lineprotoThenPrompt);
    expect(output()).not.toContain('R1#R1#');
    expect(output()).toContain('R1#~wait 3s\n[waiting 3.000000000 s of virtual time]\n*Mar  1 00:00:11.000: %LINEPROTO-5-UPDOWN'); // no blank line
  });

  it('line mode at max speed: the prompt after the log line is printed once', () => {
    const { driver, output } = start({ raw: false, speed: 'max', device: 'R1' });
    for (const line of script) driver.inputLine(line);
    expect(output()).toMatch(lineprotoThenPrompt);
    expect(output()).not.toContain('R1#R1#');
    expect(output()).toContain('R1#~wait 3s\n*Mar  1 00:00:11.000: %LINEPROTO-5-UPDOWN'); // no blank line
  });

  it('raw mode: the prompt after the log line is printed once', () => {
    const { driver, output } = start({ raw: true, device: 'R1' });
    driver.inputKeys('enable\rconfigure terminal\rinterface GigabitEthernet0/1\rshutdown\rend\r~wait 3s\r');
    driver.tick(0);
    driver.tick(4000);
    driver.inputKeys('show clock\r');
    expect(output()).toMatch(lineprotoThenPrompt);
    expect(output()).not.toContain('R1#R1#');
  });
});

describe('v6lab console: raw mode (a terminal)', () => {
  it('passes keystrokes to the console and catches ~ commands at the start of a line', () => {
    const { driver, output } = start({ raw: true, speed: 'max', device: 'R2' });
    driver.inputKeys('en\r');
    expect(output()).toContain('R2>en\r\nR2#');
    driver.inputKeys('~lis');
    driver.inputKeys('\x7f');
    driver.inputKeys('st\r');
    expect(output()).toContain('R2#~lis\b \bst\r\n  R1      router\r\n* R2      router\r\n');
    driver.inputKeys('~~');
    expect(output().endsWith('~\b \b~')).toBe(true); // our echo taken back, the console's own echo
    driver.inputKeys('\x7f');
    driver.inputKeys('~.');
    expect(driver.finished).toBe(true);
  });

  it('a ~ inside a line is an ordinary character; Ctrl-C abandons an escape', () => {
    const { driver, output } = start({ raw: true, speed: 'max', device: 'R2' });
    driver.inputKeys('sh~');
    expect(output().endsWith('sh~')).toBe(true);
    driver.inputKeys('\x15~li\x03');
    expect(output().endsWith('~li^C\r\nR2>')).toBe(true);
    expect(driver.finished).toBe(false);
  });

  it('at 1× virtual time follows the wall clock even at the prompt', () => {
    const { driver } = start({ raw: true, device: 'R1' });
    const before = nowNs(driver);
    driver.tick(1000);
    driver.tick(3500);
    expect(nowNs(driver)).toBe(before + 2.5 * NS_PER_S);
  });
});

describe('v6lab console: starting', () => {
  it('2 for an unknown --device or bad --speed, 1 for a lab with errors', () => {
    const text = readFileSync(THREE_ROUTERS, 'utf8');
    const io = { raw: false, write: () => undefined };
    expect(prepareConsole(THREE_ROUTERS, text, { device: 'R7' }, io)).toMatchObject({ ok: false, exitCode: 2, error: expect.stringMatching(/--device: there is no device 'R7'/) });
    expect(prepareConsole(THREE_ROUTERS, text, { speed: 'warp' }, io)).toMatchObject({ ok: false, exitCode: 2 });
    expect(prepareConsole('x.yaml', 'version: 1\ndevices: 3\n', {}, io)).toMatchObject({ ok: false, exitCode: 1, error: expect.stringMatching(/^x\.yaml:2:\d+: error: /) });
  });

  it('speaks Vietnamese with --lang vi: banner, ~help, escape errors and notices (device output stays as the OS prints it)', () => {
    let output = '';
    const prepared = prepareConsole(THREE_ROUTERS, readFileSync(THREE_ROUTERS, 'utf8'), { speed: 'max', language: 'vi' }, { raw: false, write: (text) => void (output += text) });
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.banner).toMatch(/^V6Lab console: .*, seed 1\. Lúc 10\.000000000 s mạng đã ổn định; lệnh chạy xong ngay\.\nĐang ở R1\. ~help liệt kê các lệnh thoát/);
    prepared.driver.start(prepared.banner);
    for (const line of ['~help', '~time', '~attach R9', '~bogus', '~attach R2', 'show ipv6 route 2001:db8:6803:10::1']) prepared.driver.inputLine(line);
    expect(output).toContain('R1>~help\nLệnh thoát (gõ ở đầu dòng):\n');
    expect(output).toContain('R1>~time\nthời gian ảo 10.000000000 s\n');
    expect(output).toContain("R1>~attach R9\nbài lab này không có thiết bị 'R9'; các thiết bị là R1, R2, R3, PC1, SRV1\n");
    expect(output).toContain("R1>~bogus\nkhông có lệnh thoát '~bogus'; ~help liệt kê các lệnh\n");
    expect(output).toContain('R1>~attach R2\n[đã chuyển sang R2 (router)]\nR2>show ipv6 route 2001:db8:6803:10::1\nRouting entry for 2001:DB8:6803:10::/64\n');
    expect(parseEscape('~wait soon', 'vi')).toEqual({ kind: 'error', message: "~wait 'soon': cần một khoảng thời gian như 30s, 500ms, 2m hoặc 1h (tối đa 24h)" });
    expect(prepareConsole('x.yaml', 'version: 1\ndevices: 3\n', { language: 'vi' }, { raw: false, write: () => undefined })).toMatchObject({ ok: false, error: expect.stringMatching(/\n1 lỗi trong x\.yaml$/) });
  });
});

describe('v6lab console: the real process with a piped script', () => {
  it('runs the script at the device consoles and exits 0 at the end of the input', () => {
    const script = ['enable', 'show ipv6 interface brief', '~attach R3', 'ping 192.168.10.1 source GigabitEthernet0/0', '~list', '~quit', 'show version'].join('\n');
    const r = spawnSync(TSX, ['electron/cli/v6lab.ts', 'console', THREE_ROUTERS, '--speed', 'max'], { input: `${script}\n`, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^V6Lab console: docs\/examples\/three-routers-static\.v6lab\.yaml, seed 1\. At 10\.000000000 s the network has settled/);
    expect(r.stdout).toContain('R1>enable\nR1#show ipv6 interface brief\nGigabitEthernet0/0     [up/up]\n    FE80::1\n    2001:DB8:6803:10::1\n');
    expect(r.stdout).toContain('R1#~attach R3\n[attached to R3 (router)]\nR3>ping 192.168.10.1 source GigabitEthernet0/0\n');
    expect(r.stdout).toMatch(/Success rate is \d+ percent \(\d\/5\)/);
    expect(r.stdout).toMatch(/\* R3 +router/);
    expect(r.stdout).toMatch(/R3>~quit\n$/);
    expect(r.stdout).not.toContain('show version');
  }, 60_000);

  it('--lang fr is a usage error (exit 2) that names the option', () => {
    const r = spawnSync(TSX, ['electron/cli/v6lab.ts', '--lang', 'fr', 'console', THREE_ROUTERS], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--lang 'fr': expected en or vi");
  });

  it('at real speed a ping takes its virtual seconds in wall time, then the input ends it', () => {
    const started = Date.now();
    const r = spawnSync(TSX, ['electron/cli/v6lab.ts', 'console', THREE_ROUTERS, '--device', 'R1'], { input: 'ping 192.168.10.99 repeat 2 timeout 1\n', encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Success rate is 0 percent \(0\/2\)\nR1>\n$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  }, 60_000);
});
