/**
 * Golden transcripts of the console engine: the sample IOS-like command set and a small
 * Linux-like line dialect (test/fixtures/transcripts/engine/).
 */
import { fileURLToPath } from 'node:url';
import { createJob } from '../../../sim-core/console/job';
import { ConsoleSession, type ConsoleDialect } from '../../../sim-core/console/session';
import { createSampleIos, FakeClock } from './sample-ios';
import { describeTranscripts } from './transcript-runner';

const fixtures = fileURLToPath(new URL('../../fixtures/transcripts/engine/', import.meta.url));

describeTranscripts('IOS-like dialect transcripts', `${fixtures}ios`, () => {
  const { session, clock } = createSampleIos();
  return { session, advance: (ms) => clock.advance(ms) };
});

/** A Linux-like shell: no `?` help, Ctrl-C interrupts, `bash: x: command not found`. */
export function createSampleLinux(clock: FakeClock): ConsoleDialect {
  return {
    interruptKey: '\x03',
    interruptEcho: '^C',
    prompt: () => 'admin@srv1:~$ ',
    controlKey: (key) => (key === 'ctrl-c' ? { echo: '^C' } : undefined),
    execute(line) {
      const [cmd, ...rest] = line.trim().split(/\s+/);
      if (cmd === undefined || cmd === '') return {};
      if (cmd === 'echo') return { output: `${rest.join(' ')}\n` };
      if (cmd === 'ping') {
        const target = rest[rest.length - 1] ?? '';
        const ctl = createJob();
        ctl.emit(`PING ${target}(${target}) 56 data bytes\n`);
        let seq = 0;
        let stop = (): void => undefined;
        const tick = (): void => {
          seq++;
          ctl.emit(`64 bytes from ${target}: icmp_seq=${seq} ttl=64 time=1.00 ms\n`);
          stop = clock.schedule(1, tick);
        };
        stop = clock.schedule(1, tick);
        ctl.onCancel(() => {
          stop();
          ctl.emit(`\n--- ${target} ping statistics ---\n${seq} packets transmitted, ${seq} received, 0% packet loss, time ${seq}ms\n`);
          ctl.finish();
        });
        return { job: ctl.job };
      }
      return { output: `bash: ${cmd}: command not found\n` };
    },
  };
}

describeTranscripts('Linux-like dialect transcripts', `${fixtures}linux`, () => {
  const clock = new FakeClock();
  return { session: new ConsoleSession(createSampleLinux(clock)), advance: (ms) => clock.advance(ms) };
});
