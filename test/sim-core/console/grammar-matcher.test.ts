/**
 * The grammar compiler and matcher: spec syntax, typed arguments, abbreviations, ambiguity,
 * IOS's caret positions (the deepest character any path reached), `no` forms, help and Tab.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSpec, compileMode, compileModeShared, hasKeyword, type CommandSpec } from '../../../sim-core/console/grammar';
import { completeLine, helpFor, matchCommand } from '../../../sim-core/console/matcher';
import { SAMPLE_INTERFACES } from './sample-ios';

const ctx = { interfaces: SAMPLE_INTERFACES };
const specs: CommandSpec<string>[] = [
  { spec: 'ipv6 address X:X::X:X/M [eui-64]', handler: 'addr', no: 'ipv6 address [X:X::X:X/M]' },
  { spec: 'ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) [<1-254>]', handler: 'route', no: true },
  { spec: 'ipv6 access-list WORD', handler: 'acl' },
  { spec: 'interface INTERFACE', handler: 'if' },
  { spec: 'ping [ipv6] WORD {repeat <1-2147483647>$count|size <16-18024>|source INTERFACE}', handler: 'ping' },
  { spec: 'show ipv6 interface [brief] [INTERFACE]', handler: 'sh6' },
  { spec: 'show ip interface brief', handler: 'sh4' },
  { spec: 'show inventory', handler: 'inv' },
  { spec: 'description LINE', handler: 'desc' },
  { spec: 'ip address A.B.C.D MASK', handler: 'ip4' },
  { spec: 'ip route A.B.C.D/M A.B.C.D', handler: 'ip4r' },
  { spec: 'mac-address H.H.H', handler: 'mac' },
];
const graph = compileMode(specs);
const match = (line: string) => matchCommand(graph, line, ctx);

describe('spec syntax', () => {
  it('accepts keywords, arguments, [optional], (a|b) and {any order}', () => {
    for (const s of specs) expect(checkSpec(s.spec)).toEqual({ ok: true });
  });
  it('rejects unbalanced brackets with a message naming the spec', () => {
    const r = checkSpec('ipv6 route [X:X::X:X/M');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('ipv6 route [X:X::X:X/M');
  });
});

describe('matching and typed arguments', () => {
  it('binds a command to its handler with typed values', () => {
    const r = match('ipv6 route 2001:db8::/32 2001:db8::1 200');
    expect(r.kind).toBe('command');
    if (r.kind !== 'command') return;
    expect(r.command.handler).toBe('route');
    expect(r.args.values['ipv6Prefix']).toMatchObject({ kind: 'ipv6-prefix', prefixLength: 32 });
    expect(r.args.values['ipv6Address']).toMatchObject({ kind: 'ipv6', text: '2001:db8::1' });
    expect(r.args.values['number']).toMatchObject({ kind: 'range', value: 200 });
  });
  it('records optional keywords typed (eui-64)', () => {
    const r = match('ipv6 addr 2001:db8::/64 eui');
    expect(r.kind === 'command' && hasKeyword(r.args, 'eui-64')).toBe(true);
  });
  it.each(['g0/0', 'gi0/0', 'GigabitEthernet 0/0', 'GigabitEthernet0/0', 'g0/0.10'])('reads interface name %s', (name) => {
    const r = match(`interface ${name}`);
    expect(r.kind).toBe('command');
    if (r.kind === 'command') expect(r.args.values['interface']).toMatchObject({ kind: 'interface', name: `GigabitEthernet${name.replace(/^\D+\s*/, '')}` });
  });
  it('takes any-order options once each, with $names', () => {
    const r = match('ping ipv6 2001:db8::1 source lo0 size 1500 repeat 3');
    expect(r.kind === 'command' && r.args.values).toMatchObject({ count: { value: 3 }, number: { value: 1500 }, interface: { name: 'Loopback0' } });
    expect(match('ping 2001:db8::1 repeat 3 repeat 4').kind).toBe('invalid');
  });
  it('LINE takes the rest of the line, blanks and all', () => {
    const r = match('description to ISP  | VNIX');
    expect(r.kind === 'command' && r.args.values['line']?.text).toBe('to ISP  | VNIX');
  });
  it('reads IPv4 address, mask, prefix and Cisco MAC', () => {
    expect(match('ip address 192.0.2.1 255.255.255.0')).toMatchObject({ kind: 'command', args: { values: { mask: { prefixLength: 24 } } } });
    expect(match('ip route 192.0.2.0/24 192.0.2.254').kind).toBe('command');
    expect(match('mac-address 0011.2233.4455').kind).toBe('command');
    expect(match('mac-address 0011.2233').kind).toBe('invalid');
  });
});

describe('IOS error kinds and caret positions', () => {
  it('prefix-length-129 is invalid at the start of the argument', () => {
    expect(match('ipv6 address 2001:db8::1/129')).toMatchObject({ kind: 'invalid', errorIndex: 13 });
  });
  it('two :: in an address puts the caret under the argument', () => {
    expect(match('ipv6 address 2001:db8::1::1/64')).toMatchObject({ kind: 'invalid', errorIndex: 13 });
  });
  it('a misspelt keyword marks the first letter no keyword shares (ipv6 adress → the d after a of access-list/address)', () => {
    // `adress` shares "ad" with `address`: the caret goes under the r.
    expect(match('ipv6 adress 2001:db8::1/64')).toMatchObject({ kind: 'invalid', errorIndex: 7 });
  });
  it('a number over its range marks the digit that went over (range-1-254)', () => {
    expect(match('ipv6 route ::/0 2001:db8::1 300')).toMatchObject({ kind: 'invalid', errorIndex: 30 });
    expect(match('ipv6 route ::/0 2001:db8::1 0')).toMatchObject({ kind: 'invalid', errorIndex: 28 });
  });
  it('a word after a complete command is invalid where it starts', () => {
    expect(match('show inventory now')).toMatchObject({ kind: 'invalid', errorIndex: 15 });
  });
  it('a command cut short is incomplete', () => {
    expect(match('ipv6 route 2001:db8::/32').kind).toBe('incomplete');
    expect(match('interface GigabitEthernet').kind).toBe('incomplete');
  });
  it('a word abbreviating two keywords is ambiguous; a full keyword is not (show ip ≠ show ipv6)', () => {
    expect(match('sh i').kind).toBe('ambiguous');
    expect(match('show ip int brief')).toMatchObject({ kind: 'command', command: { handler: 'sh4' } });
    expect(match('sh ipv int br')).toMatchObject({ kind: 'command', command: { handler: 'sh6' } });
  });
});

describe('no forms', () => {
  it('no + the same spec reaches the same handler, negated', () => {
    expect(match('no ipv6 route 2001:db8::/32 g0/0')).toMatchObject({ kind: 'command', command: { handler: 'route' }, args: { negated: true, keywords: ['ipv6', 'route'] } });
  });
  it('a shorter no spec lets arguments be left out', () => {
    expect(match('no ipv6 address')).toMatchObject({ kind: 'command', command: { handler: 'addr' }, args: { negated: true } });
    expect(match('ipv6 address').kind).toBe('incomplete');
  });
  it('commands without a no form reject no', () => {
    expect(match('no description x').kind).toBe('invalid');
  });
});

describe('help and completion', () => {
  it('lists next tokens sorted as IOS does, arguments before keywords, <cr> last', () => {
    const r = helpFor(graph, 'ipv6 address 2001:db8::/64 ', ctx);
    expect(r).toEqual({ kind: 'list', entries: [{ token: 'eui-64', help: '' }, { token: '<cr>', help: '' }] });
    const top = helpFor(graph, 'ipv6 ', ctx);
    expect(top.kind === 'list' && top.entries.map((e) => e.token)).toEqual(['access-list', 'address', 'route']);
  });
  it('partial help lists the completions of the last word', () => {
    expect(helpFor(graph, 'sh', ctx)).toEqual({ kind: 'list', entries: [{ token: 'show', help: '' }] });
    expect(helpFor(graph, 'zz', ctx).kind).toBe('unrecognized');
  });
  it('Tab completes a unique keyword with a space and does nothing when ambiguous', () => {
    expect(completeLine(graph, 'sh', ctx)).toBe('show ');
    expect(completeLine(graph, 'show i', ctx)).toBeUndefined();
    expect(completeLine(graph, 'interface g', ctx)).toBe('interface GigabitEthernet');
  });
});

describe('never throws (properties)', () => {
  const alphabet = fc.constantFrom(...'ipv6 adrsoute:0123456789abcdef/.|?-GgLlXxM <>[](){}$\t'.split(''));
  it('any line matches, helps and completes without throwing', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.string({ maxLength: 40 }), (structured, random) => {
        for (const line of [structured, random, `ipv6 route ${random}`]) {
          matchCommand(graph, line, ctx);
          helpFor(graph, line, ctx);
          completeLine(graph, line, ctx);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('a mode compiled once and shared (compileModeShared)', () => {
  const withHandlers = <H>(handlers: readonly H[]): CommandSpec<H>[] => specs.map((spec, i) => ({ ...spec, handler: handlers[i]! }));

  it('gives every caller with the same specs the same graph, whose commands carry their index', () => {
    const first = compileModeShared(withHandlers(specs.map((s) => `${s.handler}-device1`)));
    const second = compileModeShared(withHandlers(specs.map((s) => () => s.handler)));
    expect(second).toBe(first);
    const matched = matchCommand(first, 'ipv6 route ::/0 2001:db8::1', ctx);
    expect(matched.kind === 'command' && matched.command.handler).toBe(1);
    expect(matched.kind === 'command' && specs[matched.command.handler]!.handler).toBe('route');
  });

  it('matches, helps and completes as the graph compiled for one caller does', () => {
    const shared = compileModeShared(specs);
    const own = compileMode(specs);
    for (const line of ['sh ipv6 int br', 'ipv6 route 2001:db8::/32 g0/0 5', 'no ipv6 address', 'show i', 'ping 2001:db8::1 repeat 5 size 100']) {
      const a = matchCommand(shared, line, ctx);
      const b = matchCommand(own, line, ctx);
      expect(a.kind).toBe(b.kind);
      if (a.kind === 'command' && b.kind === 'command') {
        expect(specs[a.command.handler]!.handler).toBe(b.command.handler);
        expect(a.args).toEqual(b.args);
      }
      expect(helpFor(shared, line, ctx)).toEqual(helpFor(own, line, ctx));
      expect(completeLine(shared, line, ctx)).toEqual(completeLine(own, line, ctx));
    }
  });

  it('compiles apart when the specs, their help or the keyword help differ', () => {
    const base = compileModeShared(specs);
    expect(compileModeShared(specs.slice(1))).not.toBe(base);
    expect(compileModeShared(specs.map((s, i) => (i === 0 ? { ...s, help: ['Other help'] } : s)))).not.toBe(base);
    expect(compileModeShared(specs, { keywordHelp: { show: 'Show running system information' } })).not.toBe(base);
  });
});
