import { Worker } from 'node:worker_threads';
import { IpmDbError } from '../util/errors.js';
import { FREE_BUFFER_SOURCE } from './free-buffer.js';

/** A range of bytes to hash: [buffer, byteOffset, length]. */
export type HashRange = [ArrayBuffer, number, number];

// The worker keeps one SHA-256 per stream and hashes the ranges of each batch in order. Buffers
// the sender keeps go back with the acknowledgement; the others are freed here where the runtime
// can (freeBuffer), else handed back too: the main thread's collector frees them promptly, a
// near-idle worker heap would not.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const free = ${FREE_BUFFER_SOURCE};
const canFree = typeof ArrayBuffer.prototype.transfer === 'function';
const hashes = new Map();
parentPort.on('message', (m) => {
  let hash = hashes.get(m.stream);
  if (!hash) hashes.set(m.stream, (hash = createHash('sha256')));
  if (m.type === 'digest') return parentPort.postMessage({ type: 'digest', stream: m.stream, hex: hash.digest('hex') });
  let bytes = 0;
  const buffers = new Set();
  for (const [buffer, offset, length] of m.ranges) {
    hash.update(new Uint8Array(buffer, offset, length));
    bytes += length;
    buffers.add(buffer);
  }
  if (m.keep || !canFree) return parentPort.postMessage({ type: 'ack', stream: m.stream, bytes, ranges: m.ranges }, [...buffers]);
  for (const buffer of buffers) free(buffer);
  parentPort.postMessage({ type: 'ack', stream: m.stream, bytes, ranges: [] });
});
`;

type Reply =
  { type: 'ack'; stream: number; bytes: number; ranges: HashRange[] } | { type: 'digest'; stream: number; hex: string };

/**
 * A worker thread computing SHA-256s, one per stream, beside the thread that feeds it. Batches of
 * ranges are sent with their buffers transferred (never copied) and come back, buffers and all, in
 * the order they were sent. A worker that fails (or exits early) fails every batch still waiting
 * and every digest asked for with the same error.
 */
export class HashThread {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly streams: HashStream[] = [];
  private failure: Error | null = null;
  private closed = false;

  constructor() {
    this.worker.on('message', (m: Reply) => {
      const stream = this.streams[m.stream]!;
      if (m.type === 'ack') stream.acked(m.bytes, m.ranges);
      else stream.digested(m.hex);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`the hashing thread exited with code ${code}`));
    });
  }

  /** A new SHA-256 on this thread; `what` names the hashed bytes in errors. */
  stream(what: string): HashStream {
    const stream = new HashStream(this.streams.length, what, (message, transfer) => {
      if (this.failure) throw this.failure;
      if (this.closed) throw new Error('the hashing thread was already stopped');
      this.worker.postMessage(message, transfer);
    });
    this.streams.push(stream);
    return stream;
  }

  /** The error the thread failed with, if it did. */
  get failed(): Error | null {
    return this.failure;
  }

  /** Stops the thread; digests not yet answered are never answered. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }

  private fail(cause: Error): void {
    if (this.failure || this.closed) return;
    this.failure = cause;
    for (const s of this.streams) s.failed(cause);
    this.close();
  }
}

type Post = (message: unknown, transfer: ArrayBuffer[]) => void;

/** One SHA-256 computed by a HashThread. */
export class HashStream {
  private readonly waiting: { resolve: (ranges: HashRange[]) => void; reject: (err: Error) => void }[] = [];
  private digestWaiter: { resolve: (hex: string) => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Bytes sent and not yet acknowledged. */
  inFlight = 0;
  /** Called after each acknowledgement, and once when the thread fails. */
  onAck: (() => void) | null = null;

  constructor(
    private readonly id: number,
    private readonly what: string,
    private readonly post: Post,
  ) {}

  /** The error hashing failed with, if it did. */
  get error(): Error | null {
    return this.failure;
  }

  /**
   * Hashes `ranges` after everything sent before; once hashed, resolves with the same ranges
   * (their buffers handed back) when `keep`, else with none or some (their buffers freed or handed
   * back to be collected). Every buffer named is transferred: the caller must own it whole.
   */
  send(ranges: HashRange[], keep: boolean): Promise<HashRange[]> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = ranges.reduce((n, r) => n + r[2], 0);
    const acked = new Promise<HashRange[]>((resolve, reject) => this.waiting.push({ resolve, reject }));
    try {
      this.post({ type: 'data', stream: this.id, ranges, keep }, [...new Set(ranges.map((r) => r[0]))]);
    } catch (err) {
      this.waiting.pop();
      return Promise.reject(err as Error);
    }
    this.inFlight += bytes;
    return acked;
  }

  /** The hex digest of everything sent. */
  digest(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      try {
        this.post({ type: 'digest', stream: this.id }, []);
      } catch (err) {
        this.digestWaiter = null;
        reject(err as Error);
      }
    });
  }

  /** @internal */
  acked(bytes: number, ranges: HashRange[]): void {
    this.inFlight -= bytes;
    this.waiting.shift()?.resolve(ranges);
    this.onAck?.();
  }

  /** @internal */
  digested(hex: string): void {
    this.digestWaiter?.resolve(hex);
    this.digestWaiter = null;
  }

  /** @internal */
  failed(cause: Error): void {
    this.failure = new IpmDbError(
      'archive-verifier-failed',
      `hashing ${this.what} on a worker thread failed: ${cause.message}`,
      {
        hint: 'This is a bug in ipm-db, or the machine ran out of memory; please report it.',
        cause,
      },
    );
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.digestWaiter?.reject(this.failure);
    this.digestWaiter = null;
    this.onAck?.();
  }
}
