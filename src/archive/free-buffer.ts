/**
 * Buffers smaller than this may be slices of Node's shared allocation pool (Buffer.poolSize, 8 KiB):
 * never transferred to another thread nor freed, whoever holds them; their bytes are copied instead.
 */
export const MIN_OWNED_BUFFER = 64 * 1024;

/**
 * Frees a buffer's memory now instead of at the next garbage collection, where the runtime can
 * (ArrayBuffer.prototype.transfer, Node >= 22): verification moves gigabytes through short-lived
 * buffers, and collections come too rarely to keep their memory bounded by much. The caller must
 * own the whole ArrayBuffer: every view of it becomes empty. Elsewhere a no-op.
 */
export function freeBuffer(buffer: ArrayBufferLike): void {
  if (buffer.byteLength < MIN_OWNED_BUFFER) return;
  const transfer = (buffer as { transfer?: (length: number) => ArrayBuffer }).transfer;
  if (typeof transfer === 'function' && !(buffer as { detached?: boolean }).detached) transfer.call(buffer, 0);
}

/** The same check for the hashing worker's source, which cannot import modules of the bundle. */
export const FREE_BUFFER_SOURCE = `(b) => { if (typeof b.transfer === 'function' && !b.detached) b.transfer(0); }`;
