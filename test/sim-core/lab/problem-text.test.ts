import { describe, expect, it } from 'vitest';
import { bootLab, formatBootProblemIn } from '../../../sim-core/lab/boot-lab';
import type { Lab } from '../../../sim-core/lab/lab-document';
import { formatProblems, LAB_PROBLEM_CODES, type LabProblem, type LabProblemCode } from '../../../sim-core/lab/lab-problems';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { parseDelayNsBilingual } from '../../../sim-core/lab/link-units';
import { formatProblemBilingual, formatProblemWithExcerpt } from '../../../sim-core/lab/problem-text';

const FILE = 'lab.v6lab.yaml';

function lab(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

const DEVICES = ['version: 1', 'devices:', '  - name: R1', '    kind: router', '  - name: PC1', '    kind: pc'];
const APS = ['version: 1', 'devices:', '  - name: AP1', '    kind: access-point', '  - name: AP2', '    kind: access-point'];

/** A small bad file per load-time code (the loader tests' fixtures, cut down). */
const LOAD_FIXTURES: Readonly<Partial<Record<LabProblemCode, string>>> = {
  'yaml-syntax': lab('version: 1', 'devices: [', ''),
  'yaml-warning': lab('%FOO bar', '---', 'version: 1'),
  'not-a-lab': lab('- just', '- a list'),
  'unsupported-version': lab('version: 9'),
  schema: lab('version: 1', 'devices:', '  - name: R1', '    kind: rooter'),
  'missing-key': lab('name: x'),
  'unknown-key': lab('version: 1', 'devises: []'),
  'duplicate-device': lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '  - name: r1', '    kind: router'),
  'unknown-device': lab(...DEVICES, 'links:', '  - endpoints: ["R9:g0/0", "PC1:Ethernet0"]'),
  'unknown-interface': lab(...DEVICES, 'links:', '  - endpoints: ["R1:g0/9", "PC1:Ethernet0"]'),
  'not-a-port': lab(...DEVICES, 'links:', '  - endpoints: ["R1:lo0", "PC1:Ethernet0"]'),
  'port-in-use': lab(...DEVICES, '  - name: PC2', '    kind: pc', 'links:', '  - endpoints: ["R1:g0/0", "PC1:Ethernet0"]', '  - endpoints: ["R1:g0/0", "PC2:Ethernet0"]'),
  'self-link': lab(...DEVICES, 'links:', '  - endpoints: ["R1:g0/0", "R1:g0/0"]'),
  'radio-to-radio': lab(...APS, 'links:', '  - endpoints: ["AP1:Dot11Radio0", "AP2:Dot11Radio0"]'),
  'bad-delay': lab(...DEVICES, 'links:', '  - endpoints: ["R1:g0/0", "PC1:Ethernet0"]', '    delay: 20s'),
  'bad-bandwidth': lab(...DEVICES, 'links:', '  - endpoints: ["R1:g0/0", "PC1:Ethernet0"]', '    bandwidth: 10 furlongs'),
  'duplicate-zone': lab('version: 1', 'zones:', '  - {id: lan, label: LAN}', '  - {id: lan, label: LAN}'),
  'unknown-zone': lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '    zone: dmzz'),
};

function loadProblems(text: string): readonly LabProblem[] {
  const result = loadLab(text, FILE);
  return result.ok ? result.warnings : result.problems;
}

function bootProblems(code: 'config-rejected' | 'boot-failed'): readonly LabProblem[] {
  if (code === 'config-rejected') {
    const loaded = loadLab(lab('version: 1', 'devices:', '  - name: R1', '    kind: router', '    config: |', '      interface GigabitEthernet0/0', '       ipv6 adress 2001:db8::1/64'), FILE);
    if (!loaded.ok) throw new Error('the fixture must load');
    return bootLab(loaded.lab, { seed: 1, source: loaded.source }).problems;
  }
  // A device kind the simulator does not know: only a bug could get one past the loader.
  const broken = { version: 1, zones: [], devices: [{ name: 'X1', kind: 'toaster' }], links: [] } as unknown as Lab;
  return bootLab(broken, { seed: 1 }).problems;
}

/** Vietnamese letters with diacritics: a Vietnamese sentence has some. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('every lab problem code has an English and a Vietnamese text', () => {
  for (const code of LAB_PROBLEM_CODES) {
    it(code, () => {
      const problems = code === 'config-rejected' || code === 'boot-failed' ? bootProblems(code) : loadProblems(LOAD_FIXTURES[code] ?? '');
      const problem = problems.find((entry) => entry.code === code);
      expect(problem, `no ${code} problem from its fixture`).toBeDefined();
      expect(problem!.message.length).toBeGreaterThan(0);
      expect(problem!.messageVi).not.toBe(problem!.message);
      expect(problem!.messageVi).toMatch(VIETNAMESE);
    });
  }
});

describe('Vietnamese problem texts, exact', () => {
  it('an unknown device with a suggestion', () => {
    const problems = loadProblems(lab(...DEVICES, 'links:', '  - endpoints: ["R2:g0/0", "PC1:Ethernet0"]'));
    expect(formatProblems(problems, 'vi')).toBe(
      "lab.v6lab.yaml:8:17: lỗi: đầu link 'R2:g0/0' trỏ tới thiết bị 'R2', thiết bị này không có trong bài lab; ý bạn là 'R1'?",
    );
    expect(formatProblems(problems)).toBe(
      "lab.v6lab.yaml:8:17: error: link endpoint 'R2:g0/0' names device 'R2', which is not in this lab; did you mean 'R1'?",
    );
  });

  it('a port cabled twice', () => {
    const problems = loadProblems(LOAD_FIXTURES['port-in-use']!);
    expect(formatProblems(problems, 'vi')).toBe(
      'lab.v6lab.yaml:11:17: lỗi: cổng R1:GigabitEthernet0/0 đã được nối cáp bởi link ở dòng 10; mỗi cổng chỉ cắm một cáp',
    );
  });

  it('a YAML syntax error keeps the library detail after a Vietnamese lead', () => {
    const [problem] = loadProblems(LOAD_FIXTURES['yaml-syntax']!);
    expect(problem!.messageVi).toBe(`Sai cú pháp YAML: ${problem!.message}`);
  });

  it('an interface the device lacks lists the ports in Vietnamese', () => {
    const [problem] = loadProblems(LOAD_FIXTURES['unknown-interface']!);
    expect(problem!.messageVi).toBe(
      'R1 không có interface GigabitEthernet0/9; thiết bị này có GigabitEthernet0/0 … GigabitEthernet0/3 (và có thể tạo subinterface như GigabitEthernet0/0.10, Loopback0 … Loopback2147483647, Tunnel0 … Tunnel2147483647, Null0)',
    );
  });

  it("a refused config line quotes the device's own (English) error", () => {
    const [problem] = bootProblems('config-rejected');
    expect(problem!.messageVi.startsWith('Dòng 2 trong cấu hình của R1 bị thiết bị từ chối: ')).toBe(true);
    expect(formatBootProblemIn(problem! as never, 'vi').split('\n')[0]).toMatch(/^lab\.v6lab\.yaml:7:\d+: lỗi: Dòng 2/);
  });

  it('delay and bandwidth errors exist in both languages', () => {
    expect(parseDelayNsBilingual('5 parsecs')).toEqual({
      ok: false,
      error: {
        en: "delay '5 parsecs' has an unknown unit 'parsecs'; expected a number and a unit ns, us, ms or s (e.g. 1ms, 500us, 2 ms)",
        vi: "độ trễ '5 parsecs' có đơn vị không hợp lệ 'parsecs'; cần một số và đơn vị ns, us, ms hoặc s (ví dụ 1ms, 500us, 2 ms)",
      },
    });
  });
});

describe('a problem with its excerpt, in one or both languages', () => {
  const problem = { file: 'lab.v6lab.yaml', line: 12, column: 3, severity: 'error' as const, message: 'R1 refused this line', messageVi: 'R1 từ chối dòng này', excerpt: 'ip adress 1.2.3.4\n   ^' };

  it('indents the excerpt under the file:line:col line, and both languages keep it', () => {
    expect(formatProblemWithExcerpt(problem, 'en')).toBe('lab.v6lab.yaml:12:3: error: R1 refused this line\n    ip adress 1.2.3.4\n       ^');
    expect(formatProblemBilingual(problem)).toEqual({
      en: formatProblemWithExcerpt(problem, 'en'),
      vi: 'lab.v6lab.yaml:12:3: lỗi: R1 từ chối dòng này\n    ip adress 1.2.3.4\n       ^',
    });
    expect(formatProblemWithExcerpt({ ...problem, excerpt: undefined }, 'en')).toBe('lab.v6lab.yaml:12:3: error: R1 refused this line');
  });
});
