/**
 * pcapng writer throughput: Enhanced Packet Blocks per second for a live capture of two
 * interfaces, mixing full 1514-byte frames and small 86-byte ones, with the bytes drained every
 * 256 packets as a streaming capture hands them to the file writer.
 */
import { createPcapngWriter, type PcapngWriter } from '../sim-core/capture/pcapng';
import { readCapture } from '../sim-core/capture/read-capture';
import { defineBenchmark, type ThroughputCase } from './harness';

const DRAIN_EVERY = 256;
const FRAMES = [new Uint8Array(1514).fill(0xab), new Uint8Array(86).fill(0x5a)];

function startCapture(): PcapngWriter {
  const writer = createPcapngWriter();
  writer.addInterface({ name: 'R1 GigabitEthernet0/0' });
  writer.addInterface({ name: 'R1 GigabitEthernet0/1' });
  return writer;
}

/** Writes `count` packets, draining as it goes; returns every byte written, chunk by chunk. */
export function writePackets(count: number, firstTimeNs = 0): Uint8Array[] {
  const writer = startCapture();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    writer.addPacket({ interfaceId: i & 1, timeNs: firstTimeNs + i * 1_234, bytes: FRAMES[i & 1]!, direction: 'outbound' });
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) chunks.push(writer.drain());
  }
  chunks.push(writer.finish());
  return chunks;
}

export default defineBenchmark({
  name: 'pcapng-writer',
  description: 'pcapng Enhanced Packet Blocks written per second (streamed, two interfaces)',
  async prepare(): Promise<ThroughputCase> {
    // What is measured must be a valid capture: read a small one back first.
    const chunks = writePackets(300);
    const file = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    chunks.reduce((offset, chunk) => (file.set(chunk, offset), offset + chunk.length), 0);
    const read = readCapture(file);
    if (!read.ok || read.value.packets.length !== 300 || read.value.packets[299]!.timestampNs !== 299n * 1_234n) {
      throw new Error('pcapng benchmark: the streamed capture does not read back');
    }
    let timeNs = 0;
    return {
      kind: 'throughput',
      unit: 'packets',
      run(iterations) {
        writePackets(iterations, timeNs);
        timeNs += iterations * 1_234;
      },
    };
  },
});
