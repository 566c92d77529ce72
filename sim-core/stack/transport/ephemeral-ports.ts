/**
 * Ephemeral (dynamic) local ports for sockets that bind port 0 or connect unbound: RFC 6056
 * section 3.3.1 "Algorithm 1: Simple Port Randomization" over the range of the OS's personality
 * (IANA's 49152-65535, RFC 6335 section 6, on Windows and IOS; Linux `ip_local_port_range`
 * 32768-60999): start at a random port of the range, take the first free one counting up and
 * wrapping. The random numbers come from the device's seeded stream (`ephemeral-ports`), so a
 * run is replayable and other modules' streams are untouched.
 * Leaves out: Linux's per-destination offset (RFC 6056 Algorithm 3), reserved-port lists.
 */
import type { SeededRandom } from '../../engine/random';

export class EphemeralPorts {
  constructor(
    private readonly random: SeededRandom,
    readonly firstPort: number,
    readonly lastPort: number,
  ) {
    if (!(firstPort >= 1 && lastPort <= 0xffff && firstPort <= lastPort)) throw new Error(`ephemeral port range ${firstPort}-${lastPort} is not within 1-65535`);
  }

  /** A free port (`inUse` says which are taken), or undefined when the whole range is taken. */
  allocate(inUse: (port: number) => boolean): number | undefined {
    const count = this.lastPort - this.firstPort + 1;
    let port = this.firstPort + this.random.uniformInt(0, count - 1);
    for (let tried = 0; tried < count; tried++) {
      if (!inUse(port)) return port;
      port = port === this.lastPort ? this.firstPort : port + 1;
    }
    return undefined;
  }
}
