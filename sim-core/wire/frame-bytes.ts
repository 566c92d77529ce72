/**
 * Where the encoders get the bytes of the frames and packets they build: a zero-filled
 * Uint8Array, like `new Uint8Array(length)`, made cheaply. A typed array of more than 64 bytes
 * gets its own off-heap ArrayBuffer in V8 (an allocation, zero-filling and bookkeeping the
 * garbage collector must sweep, several hundred nanoseconds), and nearly every frame is bigger
 * than that. So lengths 65-4096 are carved out of shared 16 KB slabs instead (as Node's
 * Buffer pool does): a view costs tens of nanoseconds. A slab is never reused, so every view is
 * zero-filled and no two views overlap; it is freed once no view of it is alive.
 *
 * What callers must know: the view's `byteOffset` is usually not 0 and its `buffer` is shared,
 * so code that reads `bytes.buffer` must honour `byteOffset` and `byteLength` (or copy with
 * `slice()` first), and a frame's buffer must never be transferred (postMessage transfer list).
 * Leaves out: freeing and reuse (views are dropped by the garbage collector like any array).
 */

const SLAB_BYTES = 16 * 1024;
/** V8 keeps typed arrays up to this size on its heap (typed_array_max_size_in_heap): already cheap. */
const ON_HEAP_MAX_BYTES = 64;
const POOLED_MAX_BYTES = 4096;

let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** A zero-filled Uint8Array of `length` bytes (a view into a shared slab for mid-sized lengths). */
export function allocateBytes(length: number): Uint8Array {
  if (length <= ON_HEAP_MAX_BYTES || length > POOLED_MAX_BYTES) return new Uint8Array(length);
  if (slabUsed + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const bytes = new Uint8Array(slab, slabUsed, length);
  // Keep views 8-byte aligned, as a fresh ArrayBuffer would be.
  slabUsed += (length + 7) & ~7;
  return bytes;
}

/** A copy of `bytes` in fresh bytes from `allocateBytes` (for `bytes.slice()` on hot paths). */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const copy = allocateBytes(bytes.length);
  copy.set(bytes);
  return copy;
}
