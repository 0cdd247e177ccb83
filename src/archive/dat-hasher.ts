import { createHash } from 'node:crypto';
import { MIN_OWNED_BUFFER } from './free-buffer.js';
import { HashThread, type HashRange, type HashStream } from './hash-thread.js';

/** SHA-256 of IRIS.DAT, fed with views into the decompressed stream as the tar parser meets them. */
export interface DatHasher {
  update(chunk: Buffer): void;
  /** The hex digest, once every update has been hashed. */
  digest(): Promise<string>;
  /** Releases resources when no digest will be asked for. */
  close(): void;
}

/** Hashes on the calling thread: for small IRIS.DAT files, where a thread costs more than it saves. */
export class InlineHasher implements DatHasher {
  private readonly hash = createHash('sha256');
  update(chunk: Buffer): void {
    this.hash.update(chunk);
  }
  async digest(): Promise<string> {
    return this.hash.digest('hex');
  }
  close(): void {}
}

/**
 * Hashes on a worker thread, so that IRIS.DAT's hash runs on the second core beside inflating and the
 * archive's own hash. zlib writes its output into buffers it allocates and never revisits once it has
 * moved on to a new one; observe() sees every output chunk, and when one comes from a new buffer the
 * ranges of IRIS.DAT in the previous one are sent with that buffer transferred, not copied. Bytes in
 * flight are bounded: over maxInFlight, `congested` is true until the worker catches up (onDrain).
 */
export class WorkerHasher implements DatHasher {
  private readonly stream: HashStream;
  /** The thread this hasher started, and stops (null when it shares the caller's). */
  private readonly ownThread: HashThread | null;
  private current: ArrayBuffer | null = null;
  private ranges: HashRange[] = [];
  onDrain: (() => void) | null = null;

  constructor(options: { thread?: HashThread; maxInFlight?: number } = {}) {
    this.maxInFlight = options.maxInFlight ?? 4 * 1024 * 1024;
    this.ownThread = options.thread ? null : new HashThread();
    this.stream = (options.thread ?? this.ownThread!).stream('IRIS.DAT');
    this.stream.onAck = () => {
      if (!this.congested) this.onDrain?.();
    };
  }

  private readonly maxInFlight: number;

  get congested(): boolean {
    return this.stream.error === null && this.stream.inFlight > this.maxInFlight;
  }

  /** Every chunk of decompressed output, in order, before the tar parser sees it. */
  observe(chunk: Buffer): void {
    if (chunk.buffer !== this.current) this.send(false);
  }

  update(chunk: Buffer): void {
    if (chunk.buffer !== this.current) {
      this.send(false);
      this.current = chunk.buffer as ArrayBuffer;
    }
    this.ranges.push([chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length]);
  }

  /** Sends the ranges held; the buffer is transferred only when zlib is done with it (`retired`). */
  private send(lastBuffer: boolean): void {
    const ranges = this.ranges;
    const buffer = this.current;
    this.ranges = [];
    this.current = null;
    if (ranges.length === 0 || this.stream.error) return;
    const sent =
      lastBuffer || buffer!.byteLength < MIN_OWNED_BUFFER
        ? ranges.map(([b, off, len]): HashRange => [new Uint8Array(b, off, len).slice().buffer, 0, len])
        : ranges;
    // A failure surfaces from digest().
    this.stream.send(sent, false).catch(() => undefined);
  }

  /**
   * Call when decompression has finished or was abandoned. The last buffer may still be zlib's, so
   * its ranges are copied rather than transferred.
   */
  async digest(): Promise<string> {
    this.send(true);
    try {
      return await this.stream.digest();
    } finally {
      this.ownThread?.close();
    }
  }

  /** Stops the worker it started, without a digest (verification gave up). */
  close(): void {
    this.ownThread?.close();
  }
}
