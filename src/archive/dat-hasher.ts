import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

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

// The worker: hashes the ranges it is sent, answers "digest". Each acknowledgement hands the
// buffers back: the main thread's collector frees them promptly, a near-idle worker heap would not.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (m) => {
  if (m.type === 'digest') return parentPort.postMessage({ type: 'digest', hex: hash.digest('hex') });
  let bytes = 0;
  const buffers = new Set();
  for (const [buffer, offset, length] of m.ranges) {
    hash.update(new Uint8Array(buffer, offset, length));
    bytes += length;
    buffers.add(buffer);
  }
  parentPort.postMessage({ type: 'ack', bytes }, [...buffers]);
});
`;

/** Buffers this small may come from Node's shared allocation pool: their ranges are copied, never transferred. */
const MIN_TRANSFER = 64 * 1024;

type Range = [ArrayBuffer, number, number];

/**
 * Hashes on a worker thread, so that IRIS.DAT's hash runs on the second core beside inflating and the
 * archive's own hash. zlib writes its output into buffers it allocates and never revisits once it has
 * moved on to a new one; observe() sees every output chunk, and when one comes from a new buffer the
 * ranges of IRIS.DAT in the previous one are sent with that buffer transferred, not copied. Bytes in
 * flight are bounded: over maxInFlight, `congested` is true until the worker catches up (onDrain).
 */
export class WorkerHasher implements DatHasher {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private current: ArrayBuffer | null = null;
  private ranges: Range[] = [];
  private inFlight = 0;
  private failure: Error | null = null;
  private digestWaiter: { resolve: (hex: string) => void; reject: (err: Error) => void } | null = null;
  onDrain: (() => void) | null = null;

  constructor(private readonly maxInFlight = 8 * 1024 * 1024) {
    this.worker.on('message', (m: { type: 'ack'; bytes: number } | { type: 'digest'; hex: string }) => {
      if (m.type === 'ack') {
        const was = this.congested;
        this.inFlight -= m.bytes;
        if (was && !this.congested) this.onDrain?.();
      } else {
        this.digestWaiter?.resolve(m.hex);
        void this.worker.terminate();
      }
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.digestWaiter?.reject(err);
      this.onDrain?.();
    });
  }

  get congested(): boolean {
    return this.failure === null && this.inFlight > this.maxInFlight;
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
    if (ranges.length === 0 || this.failure) return;
    const bytes = ranges.reduce((n, r) => n + r[2], 0);
    this.inFlight += bytes;
    if (lastBuffer || buffer!.byteLength < MIN_TRANSFER) {
      const copies: Range[] = ranges.map(([b, off, len]) => {
        const copy = new ArrayBuffer(len);
        new Uint8Array(copy).set(new Uint8Array(b, off, len));
        return [copy, 0, len];
      });
      this.worker.postMessage(
        { type: 'data', ranges: copies },
        copies.map((r) => r[0]),
      );
    } else {
      this.worker.postMessage({ type: 'data', ranges }, [buffer!]);
    }
  }

  /**
   * Call when decompression has finished or was abandoned. The last buffer may still be zlib's, so
   * its ranges are copied rather than transferred.
   */
  digest(): Promise<string> {
    this.send(true);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      this.worker.postMessage({ type: 'digest' });
    });
  }

  /** Stops the worker without a digest (verification gave up). */
  close(): void {
    void this.worker.terminate();
  }
}
