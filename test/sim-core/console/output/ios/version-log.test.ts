/** IOS `show version` and timestamped log lines. */
import { describe, expect, it } from 'vitest';
import { formatDuplicateAddressLog, formatIosLogTimestamp, formatShowClock, formatLineProtocolLog, formatLinkStateLog } from '../../../../../sim-core/console/output/ios/log';
import { formatIosUptime, formatShowVersion } from '../../../../../sim-core/console/output/ios/version';
import { iface, v6 } from '../view-builders';

const S = 1_000_000_000;

describe('show version', () => {
  it('says it is simulated on the software line and keeps the IOSv layout', () => {
    const text = formatShowVersion(
      { hostname: 'R1', osVersion: '15.9(3)M', uptimeS: 3900, dnsSearchList: [], ipRoutingEnabled: true },
      [iface('GigabitEthernet0/0'), iface('GigabitEthernet0/1'), iface('GigabitEthernet0/2'), iface('GigabitEthernet0/3'), iface('Loopback0', { kind: 'loopback' })],
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Cisco IOS Software, V6Lab simulated router Software (VIOS-ADVENTERPRISEK9-M), Version 15.9(3)M, RELEASE SOFTWARE (sim)');
    expect(lines).toContain('R1 uptime is 1 hour, 5 minutes');
    expect(lines).toContain('4 Gigabit Ethernet interfaces');
    expect(lines.at(-1)).toBe('Configuration register is 0x2102');
  });
  it('uptime words leave out zero units and always give minutes', () => {
    expect(formatIosUptime(30)).toBe('0 minutes');
    expect(formatIosUptime(60)).toBe('1 minute');
    expect(formatIosUptime((365 * 1440 + 22 * 10080 + 2 * 60 + 14) * 60)).toBe('1 year, 22 weeks, 2 hours, 14 minutes');
    expect(formatIosUptime((2 * 10080 + 3 * 1440 + 15 * 60 + 54) * 60)).toBe('2 weeks, 3 days, 15 hours, 54 minutes');
  });
});

describe('IOS log lines', () => {
  it('timestamps count from *Mar  1 00:00:00.000 at boot with a space-padded day', () => {
    expect(formatIosLogTimestamp(65.123 * S)).toBe('*Mar  1 00:01:05.123');
    expect(formatIosLogTimestamp(0)).toBe('*Mar  1 00:00:00.000');
    expect(formatIosLogTimestamp((9 * 86400 + 13 * 3600 + 22 * 60 + 4.171) * S)).toBe('*Mar 10 13:22:04.171');
    expect(formatIosLogTimestamp(31 * 86400 * S)).toBe('*Apr  1 00:00:00.000');
  });
  it('the DAD message has the real mnemonic and upper-case address (os-outputs.md log capture)', () => {
    expect(formatDuplicateAddressLog(1.5 * S, v6('2010:acad:100:aa::10'), 'GigabitEthernet0/1')).toBe('*Mar  1 00:00:01.500: %IPV6_ND-4-DUPLICATE: Duplicate address 2010:ACAD:100:AA::10 on GigabitEthernet0/1');
  });
  it('link and line-protocol messages', () => {
    expect(formatLinkStateLog(2 * S, 'GigabitEthernet0/0', 'up')).toBe('*Mar  1 00:00:02.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up');
    expect(formatLinkStateLog(2 * S, 'GigabitEthernet0/0', 'administratively down')).toBe('*Mar  1 00:00:02.000: %LINK-5-CHANGED: Interface GigabitEthernet0/0, changed state to administratively down');
    expect(formatLineProtocolLog(3 * S, 'GigabitEthernet0/0', false)).toBe('*Mar  1 00:00:03.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to down');
  });
});

describe('show clock (IOS unset clock: Mon Mar 1 1993 at boot, the log timestamps\' clock)', () => {
  const S = 1_000_000_000;
  it('boot and 5 min 12.345 s later', () => {
    expect(formatShowClock(0)).toBe('*00:00:00.000 UTC Mon Mar 1 1993');
    expect(formatShowClock(312.345 * S)).toBe('*00:05:12.345 UTC Mon Mar 1 1993');
  });
  it('the weekday and the month follow the days; January comes in 1994', () => {
    expect(formatShowClock(86_400 * S)).toBe('*00:00:00.000 UTC Tue Mar 2 1993');
    expect(formatShowClock(31 * 86_400 * S)).toBe('*00:00:00.000 UTC Thu Apr 1 1993');
    expect(formatShowClock(306 * 86_400 * S)).toBe('*00:00:00.000 UTC Sat Jan 1 1994');
  });
  it('reads the same day and time as the log timestamp', () => {
    expect(formatIosLogTimestamp(31 * 86_400 * S + 65_123_000_000)).toBe('*Apr  1 00:01:05.123');
    expect(formatShowClock(31 * 86_400 * S + 65_123_000_000)).toBe('*00:01:05.123 UTC Thu Apr 1 1993');
  });
});
