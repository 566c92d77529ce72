import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../sim-core/lab/lab-problems';
import { loadLab, locateConfigLine } from '../../../sim-core/lab/load-lab';
import { serializeLab } from '../../../sim-core/lab/serialize-lab';

const EXAMPLES = new URL('../../../docs/examples/', import.meta.url);
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.v6lab.yaml'));

function load(name: string) {
  const result = loadLab(readFileSync(new URL(name, EXAMPLES), 'utf8'), name);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result;
}

describe('the example labs in docs/examples', () => {
  it('include the three the course starts with', () => {
    expect(files).toEqual(expect.arrayContaining(['dual-stack-lan.v6lab.yaml', 'three-routers-static.v6lab.yaml', 'router-on-a-stick.v6lab.yaml']));
  });

  it.each(files)('%s loads without errors or warnings', (name) => {
    const result = load(name);
    expect(formatProblems(result.warnings)).toBe('');
    expect(result.lab.devices.length).toBeGreaterThan(0);
    expect(result.lab.links.length).toBeGreaterThan(0);
  });

  it.each(files)('%s survives a save and reload unchanged', (name) => {
    const { lab } = load(name);
    const again = loadLab(serializeLab(lab), name);
    expect(again.ok && again.lab).toEqual(lab);
  });

  it.each(files)('%s gives every device a config whose lines map back to the file', (name) => {
    const text = readFileSync(new URL(name, EXAMPLES), 'utf8').split('\n');
    const { lab, source } = load(name);
    for (const device of lab.devices) {
      const origin = source.configs[device.name];
      expect(origin, device.name).toBeDefined();
      const configLines = device.config!.split('\n');
      configLines.forEach((configLine, index) => {
        if (configLine === '') return;
        const at = locateConfigLine(origin!, index + 1);
        expect(text[at.line - 1]!.slice(at.column - 1)).toBe(configLine);
      });
    }
  });

  it('router-on-a-stick uses subinterfaces g0/0.10 and g0/0.20 on R1', () => {
    const { lab } = load('router-on-a-stick.v6lab.yaml');
    const config = lab.devices.find((device) => device.name === 'R1')!.config!;
    expect(config).toMatch(/^interface GigabitEthernet0\/0\.10\n(?: .*\n)* encapsulation dot1Q 10\n/m);
    expect(config).toMatch(/^interface GigabitEthernet0\/0\.20\n(?: .*\n)* encapsulation dot1Q 20\n/m);
  });

  it('uses documentation address space only (2001:db8::/32, RFC 1918, RFC 5737)', () => {
    for (const name of files) {
      const text = readFileSync(new URL(name, EXAMPLES), 'utf8');
      for (const match of text.matchAll(/\b([0-9a-f]{1,4}):([0-9a-f]{1,4}):[0-9a-f:]*\/\d+|\b(?:\d{1,3}\.){3}\d{1,3}\b/gi)) {
        const address = match[0].toLowerCase();
        const ok = address.startsWith('2001:db8:') || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|255\.|0\.0\.0\.0)/.test(address);
        expect(ok, `${name}: ${address}`).toBe(true);
      }
    }
  });

  it('the complete example in docs/lab-format.md loads without problems', () => {
    const guide = readFileSync(new URL('../../../docs/lab-format.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(guide)![1]!;
    const result = loadLab(example, 'lab-format.md');
    expect(result.ok ? formatProblems(result.warnings) : formatProblems(result.problems)).toBe('');
    expect(result.ok && result.lab.links.map((link) => link.id)).toEqual([
      'R1:GigabitEthernet0/0--SW1:GigabitEthernet1/0/1',
      'PC1:Ethernet0--SW1:GigabitEthernet1/0/2',
      'SRV1:eth0--SW1:GigabitEthernet1/0/3',
    ]);
  });
});
