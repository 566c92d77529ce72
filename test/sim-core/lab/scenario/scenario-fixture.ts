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

/** SMALL_SCENARIO with a third task of three question checks (40 points; 70 in all). */
export const QUESTION_SCENARIO = withReplaced(
  withReplaced(SMALL_SCENARIO, 'totalPoints: 30', 'totalPoints: 70'),
  'solution:\n',
  `  - id: quiz
    title: {vi: "Câu hỏi", en: "Questions"}
    points: 40
    checks:
      - kind: question
        id: why-64
        type: single
        prompt: {vi: "Vì sao mạng LAN dùng /64?", en: "Why does a LAN use a /64?"}
        choices:
          - {id: a, text: {vi: "Để tiết kiệm địa chỉ", en: "To save addresses"}}
          - {id: b, text: {vi: "SLAAC cần 64 bit định danh giao diện", en: "SLAAC needs a 64-bit interface identifier"}}
        correct: [b]
        explanation: {vi: "RFC 4291 mục 2.5.1: định danh giao diện 64 bit.", en: "RFC 4291 section 2.5.1: 64-bit interface identifiers."}
      - kind: question
        id: router-address
        type: short
        match: address
        prompt: {vi: "Địa chỉ của R1 trên LAN?", en: "R1's address on the LAN?"}
        accepted: ["2001:db8:6803:10::1"]
        explanation: {vi: "Xem show ipv6 interface brief.", en: "See show ipv6 interface brief."}
      - kind: question
        id: lan-prefix
        type: short
        match: prefix
        prompt: {vi: "Prefix của LAN?", en: "The LAN prefix?"}
        accepted: ["2001:db8:6803:10::/64"]
        explanation: {vi: "/64 của VLAN 10.", en: "The /64 of VLAN 10."}
solution:
`,
);
