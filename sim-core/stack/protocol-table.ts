/**
 * A table from a protocol number (IPv4 Protocol, IPv6 Next Header) to the handler a module
 * registered for it: ICMP 1, TCP 6, UDP 17, IPv6-in-IPv4 41, GRE 47, ICMPv6 58, OSPF 89.
 * Both IP layers use one, so a module plugs in without editing them. One handler per number.
 */
export class ProtocolTable<H> {
  private readonly handlers = new Map<number, H>();

  constructor(readonly owner: string) {}

  register(protocol: number, handler: H): void {
    if (this.handlers.has(protocol)) throw new Error(`${this.owner}: protocol ${protocol} already has a handler`);
    this.handlers.set(protocol, handler);
  }

  unregister(protocol: number): void {
    this.handlers.delete(protocol);
  }

  get(protocol: number): H | undefined {
    return this.handlers.get(protocol);
  }
}
