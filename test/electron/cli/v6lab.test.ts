import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../../electron/cli/program';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('v6lab program (in-process)', () => {
  it('prints the result and exits 0', async () => {
    const r = await run('addr', 'info', '2001:db8::1');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('2001:db8::1');
    expect(r.err).toBe('');
  });

  it('prints JSON with --json', async () => {
    const r = await run('addr', '6to4', '192.0.2.4', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ ipv4: '192.0.2.4', prefix: '2002:c000:204::/48' });
  });

  it('exits 2 naming the command and the bad argument', async () => {
    const r = await run('addr', 'info', '2001:db8::1::1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("v6lab addr info: '2001:db8::1::1' is not an IPv6 address: '::' may appear only once\n");
  });

  it('exits 2 on usage errors: missing argument, unknown command, unknown option, missing --into', async () => {
    for (const args of [['addr', 'info'], ['addr', 'bogus'], ['addr', 'info', '--jsn', '::1'], ['addr', 'plan', '2001:db8::/48'], []]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('exits 0 for --help', async () => {
    const r = await run('addr', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/plan/);
  });
});

describe('the real command line', () => {
  const tsx = 'node_modules/.bin/tsx';

  it('npm run v6lab path: first line and exit 0', () => {
    const r = spawnSync(tsx, ['electron/cli/v6lab.ts', 'addr', 'eui64', '00:0c:29:0c:47:d5', 'fe80::/64'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('fe80::20c:29ff:fe0c:47d5');
  });

  it('a bad argument exits 2 with the message on stderr', () => {
    const r = spawnSync(tsx, ['electron/cli/v6lab.ts', 'addr', 'info', '2001:db8::1::1'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe("v6lab addr info: '2001:db8::1::1' is not an IPv6 address: '::' may appear only once");
  });

  it('the published bin (bin.mjs) runs the same program', () => {
    const r = spawnSync(process.execPath, ['electron/cli/bin.mjs', 'addr', 'nat64', '192.0.2.33', '2001:db8:122:344::/64'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('2001:db8:122:344:c0:2:2100:0');
  });
});
