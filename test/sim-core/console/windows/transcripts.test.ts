/**
 * Golden transcripts of the Windows PC's command prompt (test/fixtures/transcripts/windows/):
 * SLAAC with a stable and a temporary address, ipconfig /all, ping both families, tracert,
 * route print, netsh static configuration, and cmd/netsh errors. Reviewed against
 * os-outputs.md (Windows 10/11 captures).
 */
import { fileURLToPath } from 'node:url';
import { createWindowsConsole } from '../../../../sim-core/console/windows/windows-console';
import { describeTranscripts } from '../transcript-runner';
import { buildHostLab } from './host-lab';

const fixtures = fileURLToPath(new URL('../../../fixtures/transcripts/windows/', import.meta.url));

describeTranscripts('Windows PC command prompt', fixtures, () => {
  const lab = buildHostLab();
  return { session: createWindowsConsole(lab.pc), advance: (ms) => void lab.net.runFor(ms * 1e6) };
});
