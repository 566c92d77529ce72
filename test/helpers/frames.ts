/**
 * The golden Ethernet frames of test/fixtures/frames.json (copied from the shared vectors: built by
 * Scapy, checked by Wireshark), looked up by name as bytes.
 */
import vectors from '../fixtures/frames.json';

export interface FrameVector {
  readonly name: string;
  readonly note: string;
  readonly hex: string;
  /** "<protocol>: <info>" as Wireshark summarises the frame. */
  readonly wireshark: string;
}

export const frameVectors: readonly FrameVector[] = vectors.frames;

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The whole frame (no FCS) of the named vector; throws on an unknown name (a test bug). */
export function frame(name: string): Uint8Array {
  const vector = frameVectors.find((v) => v.name === name);
  if (!vector) throw new Error(`no frame named ${name} in test/fixtures/frames.json`);
  return hexToBytes(vector.hex);
}
