/**
 * The result of decoding untrusted bytes. Decoders never throw on bad input: they return
 * `{ ok: false, error }` naming the layer, what was wrong and where. A throw means a bug.
 */
export type DecodeErrorKind = 'truncated' | 'bad-value' | 'bad-checksum' | 'unsupported';

export interface DecodeError {
  readonly layer: string;
  readonly kind: DecodeErrorKind;
  /** Byte offset, within the bytes given to the decoder, where the problem was found. */
  readonly offset: number;
  readonly message: string;
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DecodeError };

export function decoded<T>(value: T): Decoded<T> {
  return { ok: true, value };
}

export function decodeError(layer: string, kind: DecodeErrorKind, offset: number, message: string): Decoded<never> {
  return { ok: false, error: { layer, kind, offset, message } };
}

/** A truncation error with the standard wording. */
export function truncated(layer: string, needed: number, available: number): Decoded<never> {
  return decodeError(layer, 'truncated', available, `${layer}: needs ${needed} bytes, only ${available} present`);
}
