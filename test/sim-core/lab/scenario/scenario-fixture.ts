// A small valid scenario (one router, one PC) for the scenario tests, and a helper that finds
// the 1-based line of a piece of text in it, so expected positions follow the fixture.
export const SMALL_SCENARIO = `version: 1
id: small-lab
title: {vi: "Bài nhỏ", en: "Small lab"}
summary: {vi: "Một router và một máy trạm.", en: "One router and one PC."}
level: beginner
minutes: 10
planStep: 6
instructions:
  vi: "Bật IPv6 trên R1."
  en: "Enable IPv6 on R1."
totalPoints: 30
locked: [SW1]
tasks:
  - id: router
    title: {vi: "Địa chỉ router", en: "Router address"}
    points: 10
    checks:
      - kind: address
        interface: R1:g0/0
        address: 2001:db8:6803:10::1
        length: 64
    hints:
      - {vi: "Dùng ipv6 address.", en: "Use ipv6 address."}
  - id: pc
    title: {vi: "Máy trạm", en: "The PC"}
    points: 20
    checks:
      - kind: ping
        from: PC1
        to: 2001:db8:6803:10::1
      - kind: config
        device: R1
        match: '^ipv6 unicast-routing$'
solution:
  - device: R1
    commands: |
      enable
      configure terminal
      ipv6 unicast-routing
      interface GigabitEthernet0/0
       ipv6 address 2001:db8:6803:10::1/64
      end
devices:
  - name: R1
    kind: router
    config: |
      hostname R1
      interface GigabitEthernet0/0
       no shutdown
      end
  - name: SW1
    kind: switch
  - name: PC1
    kind: pc
links:
  - endpoints: ["R1:g0/0", "SW1:Gi1/0/1"]
  - endpoints: ["PC1:Ethernet0", "SW1:Gi1/0/2"]
`;

/** 1-based line of the first line containing `needle` (after `from`, when given). */
export function lineOf(text: string, needle: string, from = ''): number {
  const lines = text.split('\n');
  const start = from === '' ? 0 : lines.findIndex((line) => line.includes(from));
  const index = lines.findIndex((line, i) => i >= start && line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' not in the fixture`);
  return index + 1;
}

/** The fixture with one exact piece of text replaced (fails loudly when it is not there). */
export function withReplaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`'${from}' not in the fixture`);
  return text.replace(from, to);
}
