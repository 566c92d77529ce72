/**
 * IOS `configure` typed alone asks where the configuration comes from (the wording quoted in
 * issue 18 from a real router); Enter or `terminal` (or a prefix of it) enters configuration
 * mode with the usual banner (os-outputs.md, "CLI errors" capture); `configure terminal` does
 * not ask.
 */
import { describe, expect, it } from 'vitest';
import { createIosConsole } from '../../../../sim-core/console/ios/create-ios-console';
import { Network } from '../../../../sim-core/sim/network';
import { renderScreen } from '../transcript-runner';

function router() {
  const net = new Network({ seed: 1 });
  const r1 = net.addDevice('router', 'R1');
  const session = createIosConsole(r1);
  let out = '';
  session.onData((d) => {
    out += d;
  });
  session.open();
  const type = (keys: string): string[] => {
    out = '';
    session.write(keys);
    return renderScreen(out).split('\n');
  };
  type('enable\r');
  return { r1, type };
}

describe('IOS configure', () => {
  it('alone: asks "Configuring from terminal, memory, or network [terminal]?"; Enter takes the default', () => {
    const { type } = router();
    expect(type('configure\r')).toEqual(['configure', 'Configuring from terminal, memory, or network [terminal]?']);
    expect(type('\r')).toEqual(['', 'Enter configuration commands, one per line.  End with CNTL/Z.', 'R1(config)#']);
  });
  it('alone, answered `t` or `terminal`: configuration mode; `configure terminal` and `conf t` go straight in', () => {
    const { type } = router();
    type('configure\r');
    expect(type('t\r').at(-1)).toBe('R1(config)#');
    type('end\r');
    type('configure\r');
    expect(type('terminal\r').at(-1)).toBe('R1(config)#');
    type('end\r');
    expect(type('conf t\r')).toEqual(['conf t', 'Enter configuration commands, one per line.  End with CNTL/Z.', 'R1(config)#']);
  });
  it('an answer that is no source stays in exec mode', () => {
    const { type } = router();
    type('configure\r');
    expect(type('bogus\r')).toEqual(['bogus', '?Must be "terminal", "memory" or "network"', 'R1#']);
  });
});
