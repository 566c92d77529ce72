/**
 * Test helpers for the ping and traceroute sessions: run the network until a session is done
 * (in slices of virtual time, with a ceiling so a bug cannot spin forever).
 */
import { NS_PER_S } from '../../../../sim-core/engine/time';
import type { Network } from '../../../../sim-core/sim/network';

export function runUntilDone(net: Network, session: { readonly done: boolean }, maxSeconds = 600): void {
  const limit = net.nowNs + maxSeconds * NS_PER_S;
  while (!session.done && net.nowNs < limit) net.runFor(NS_PER_S / 10);
  if (!session.done) throw new Error(`session not done after ${maxSeconds} s of virtual time`);
}
