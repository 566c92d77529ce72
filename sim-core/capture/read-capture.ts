/**
 * Opens a capture file of either format by its first four bytes: pcapng (Section Header Block
 * type 0x0a0d0d0a, draft-ietf-opsawg-pcapng section 4.1) or classic pcap (magic 0xa1b2c3d4 or
 * 0xa1b23c4d in either byte order, draft-ietf-opsawg-pcap section 4). Never throws.
 * Leaves out: compressed (gzip) captures and other formats (snoop, erf, …).
 */
import type { CaptureReadResult } from './capture';
import { readPcap, readPcapMagic } from './pcap-reader';
import { BLOCK_TYPE } from './pcapng';
import { readPcapng } from './pcapng-reader';

export function readCapture(bytes: Uint8Array): CaptureReadResult {
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === BLOCK_TYPE.sectionHeader) return readPcapng(bytes);
  if (readPcapMagic(bytes) !== undefined) return readPcap(bytes);
  return {
    ok: false,
    error: {
      layer: 'capture',
      kind: bytes.length < 4 ? 'truncated' : 'bad-value',
      offset: 0,
      message: 'capture: not a pcapng or pcap file (the first four bytes are neither a Section Header Block nor a pcap magic number)',
    },
    partial: { format: 'pcapng', interfaces: [], packets: [] },
  };
}
