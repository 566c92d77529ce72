/**
 * A terminal's first screen: the console-open transcript holds the first prompt, and output the
 * worker posted before that transcript (a resize sent first opens the console and flushes its
 * prompt) is not written again. Regression: `C:\Users\Admin>C:\Users\Admin>` / `R1>R1>`.
 */
import { describe, expect, it } from 'vitest';
import { SimHost } from '../../../renderer/sim/sim-host';
import { SimClient, type SimTransport } from '../../../renderer/sim/sim-client';
import type { SimOutgoingMessage } from '../../../renderer/sim/sim-protocol';
import { streamConsole } from '../../../renderer/terminal/console-stream';
import { parseLab, TWO_LANS_LAB } from '../sim/host-harness';

/** A Worker-like transport: each posted message is delivered later, in order, as its own task. */
function workerLikeTransport(): SimTransport {
  let listener: (message: SimOutgoingMessage) => void = () => undefined;
  const host = new SimHost((message) => setTimeout(() => listener(message), 0), { nowMs: () => 0 });
  return {
    post: (message) => setTimeout(() => host.handle(message), 0),
    listen: (next) => {
      listener = next;
    },
    terminate: () => undefined,
  };
}

async function bootedClient(): Promise<SimClient> {
  const client = new SimClient(workerLikeTransport());
  await client.request('set-mode', { mode: 'simulation' });
  await client.request('load-lab', { lab: parseLab(TWO_LANS_LAB), seed: 7 });
  return client;
}

function screenOf(client: SimClient, device: string) {
  const screen = { text: '' };
  const stream = streamConsole(client, device, {
    write: (data) => (screen.text += data),
    reset: (transcript) => (screen.text = transcript),
  });
  return { screen, stream };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a console terminal first opened', () => {
  it('shows the prompt once when the terminal sends its size before asking for the transcript', async () => {
    const client = await bootedClient();
    // xterm's fit runs as the terminal opens: its resize reaches the worker first.
    void client.request('console-resize', { device: 'R1', cols: 100, rows: 30 });
    const { screen, stream } = screenOf(client, 'R1');
    await stream.opened;
    await settle();
    expect(screen.text).toBe('R1>');
  });

  it('shows the prompt once when the transcript is asked for first', async () => {
    const client = await bootedClient();
    const { screen, stream } = screenOf(client, 'SRV1');
    void client.request('console-resize', { device: 'SRV1', cols: 100, rows: 30 });
    await stream.opened;
    await settle();
    expect(screen.text.match(/[$#] $/g)).toHaveLength(1);
    expect(screen.text).not.toMatch(/\r?\n/);
  });

  it('writes what the console prints after the transcript exactly once', async () => {
    const client = await bootedClient();
    void client.request('console-resize', { device: 'R1', cols: 100, rows: 30 });
    const { screen, stream } = screenOf(client, 'R1');
    await stream.opened;
    await client.request('console-input', { device: 'R1', data: 'enable\r' });
    await settle();
    expect(screen.text).toBe('R1>enable\r\nR1#');
  });
});
