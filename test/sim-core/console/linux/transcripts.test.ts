/**
 * Golden transcripts of the Linux server's shell (test/fixtures/transcripts/linux/): EUI-64
 * SLAAC in `ip -6 addr`, RA routes in `ip -6 route`, `ping -6 -c 3`, `traceroute6`, static
 * configuration with sudo, and iproute2/bash errors. Reviewed against iproute2 6.1 / iputils
 * 20221126 run in network namespaces on Debian 12.
 */
import { fileURLToPath } from 'node:url';
import { createLinuxConsole } from '../../../../sim-core/console/linux/linux-console';
import { describeTranscripts } from '../transcript-runner';
import { buildHostLab } from '../windows/host-lab';

const fixtures = fileURLToPath(new URL('../../../fixtures/transcripts/linux/', import.meta.url));

describeTranscripts('Linux server shell', fixtures, () => {
  const lab = buildHostLab();
  return { session: createLinuxConsole(lab.server), advance: (ms) => void lab.net.runFor(ms * 1e6) };
});
