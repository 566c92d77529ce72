import { describe, expect, it } from 'vitest';
import { defaultLanguage, readLanguage } from '../../../electron/cli/cli-language';
import { runLabCommand } from '../../../electron/cli/commands/run';
import { runCli } from '../../../electron/cli/program';
import { streamText } from '../../../electron/cli/commands/run';

const BROKEN = 'version: 1\ndevices:\n  - name: R1\n    kind: rooter\n  - name: PC1\n    kind: pc\nlinks:\n  - endpoints: ["R9:g0/0", "PC1:Ethernet0"]\n';

const BAD_CONFIG = `version: 1
devices:
  - name: R1
    kind: router
    config: |
      interface GigabitEthernet0/0
       ipv6 adress 2001:db8::1/64
`;

async function cli(args: readonly string[], env?: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (text) => void (out += text), err: (text) => void (err += text), ...(env === undefined ? {} : { env }) });
  return { code, out, err };
}

describe('the language of v6lab', () => {
  it('defaults to en, or vi when LC_ALL (else LANG) starts with vi', () => {
    expect(defaultLanguage({})).toBe('en');
    expect(defaultLanguage({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(defaultLanguage({ LANG: 'vi_VN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(defaultLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN' })).toBe('vi');
    expect(defaultLanguage({ LANG: 'en_US.UTF-8', LC_ALL: '' })).toBe('en');
    expect(readLanguage('fr')).toEqual({ ok: false, error: "--lang 'fr': expected en or vi" });
  });

  it('v6lab run --lang vi: every problem of a broken lab in Vietnamese, the summary too', () => {
    const outcome = runLabCommand('broken.v6lab.yaml', BROKEN, { lang: 'vi' });
    expect(outcome.exitCode).toBe(1);
    expect(streamText(outcome.output, 'err')).toBe(
      "broken.v6lab.yaml:4:11: lỗi: devices[0].kind: không chấp nhận 'rooter'; cần là một trong router, l3-switch, switch, access-point, pc, server (ý bạn là 'router'?)\n" +
        "broken.v6lab.yaml:8:17: lỗi: đầu link 'R9:g0/0' trỏ tới thiết bị 'R9', thiết bị này không có trong bài lab; ý bạn là 'R1'?\n" +
        '2 lỗi trong broken.v6lab.yaml\n',
    );
  });

  it("v6lab run --lang vi: a refused config line in Vietnamese, the device's own error and caret as IOS prints them", () => {
    const outcome = runLabCommand('bad.v6lab.yaml', BAD_CONFIG, { lang: 'vi' });
    expect(streamText(outcome.output, 'err')).toBe(
      "bad.v6lab.yaml:7:15: lỗi: Dòng 2 trong cấu hình của R1 bị thiết bị từ chối: % Invalid input detected at '^' marker.\n" +
        '     ipv6 adress 2001:db8::1/64\n' +
        '            ^\n' +
        '1 lỗi trong bad.v6lab.yaml\n',
    );
  });

  it('--lang is global: before or after the subcommand, and LANG=vi picks Vietnamese when it is absent', async () => {
    const before = await cli(['--lang', 'vi', 'addr', 'info', '2001:db8::1::1']);
    const after = await cli(['addr', 'info', '2001:db8::1::1', '--lang', 'vi']);
    const fromEnv = await cli(['addr', 'info', '2001:db8::1::1'], { LANG: 'vi_VN.UTF-8' });
    const english = await cli(['addr', 'info', '2001:db8::1::1'], { LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' });
    const expected = "v6lab addr info: '2001:db8::1::1' không phải địa chỉ IPv6: '::' may appear only once\n";
    expect(before).toEqual({ code: 2, out: '', err: expected });
    expect(after.err).toBe(expected);
    expect(fromEnv.err).toBe(expected);
    expect(english.err).toBe("v6lab addr info: '2001:db8::1::1' is not an IPv6 address: '::' may appear only once\n");
    expect((await cli(['addr', 'info', 'hello', '--lang', 'vi'])).err).toBe(
      "v6lab addr info: 'hello' không phải địa chỉ IP: địa chỉ IPv6 có dấu ':' (2001:db8::1), địa chỉ IPv4 có dấu chấm (192.0.2.1)\n",
    );
    expect(await cli(['addr', 'info', '::1', '--lang', 'fr'])).toMatchObject({ code: 2, err: "v6lab addr info: --lang 'fr': expected en or vi\n" });
  });

  it('v6lab addr info/eui64/plan --lang vi: labels, headings and warnings in Vietnamese, values unchanged', async () => {
    const info = await cli(['--lang', 'vi', 'addr', 'info', '2001:db8:1::1/70']);
    expect(info.out).toMatch(/^ {2}dạng đầy đủ: +2001:0db8:0001:0000:0000:0000:0000:0001$/m);
    expect(info.out).toMatch(/^ {2}DNS ngược: +1\.0\.0\.0/m);
    expect(info.out).toMatch(/^cảnh báo: \/70 /m);
    expect(info.out).not.toMatch(/^ {2}(full form|type|reverse DNS):/m);
    const eui = await cli(['--lang', 'vi', 'addr', 'eui64', '00:0c:29:0c:47:d5', '2001:db8::/64']);
    expect(eui.out).toMatch(/^ {2}địa chỉ: +2001:db8::20c:29ff:fe0c:47d5/m);
    expect((await cli(['--lang', 'vi', 'addr', 'eui64', '00:0c:29:0c:47:d5', '2001:db8::/48'])).err).toBe(
      "v6lab addr eui64: '2001:db8::/48' là /48; SLAAC và EUI-64 cải biên cần prefix /64 (ví dụ 2001:db8::/64)\n",
    );
    const plan = await cli(['--lang', 'vi', 'addr', 'plan', '2001:db8:6803::/48', '--into', '52', '--names', 'a,b']);
    expect(plan.out.split('\n').slice(0, 5)).toEqual([
      '2001:db8:6803::/48 chia thành các /52: tổng cộng 16 subnet',
      '  mỗi /52 chứa 2^76 địa chỉ (4,096 LAN /64)',
      '  liệt kê 2 (2 subnet đầu; thêm --count N để xem nhiều hơn)',
      '',
      '#  tên   prefix                   địa chỉ cuối',
    ]);
    // JSON is for scripts: the same in both languages.
    expect((await cli(['--lang', 'vi', 'addr', 'info', '::1', '--json'])).out).toBe((await cli(['addr', 'info', '::1', '--json'])).out);
  });
});
