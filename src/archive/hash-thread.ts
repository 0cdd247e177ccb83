import { Worker } from 'node:worker_threads';
import { IpmDbError } from '../util/errors.js';

/** A range of bytes to hash: [buffer, byteOffset, length]. */
export type HashRange = [ArrayBuffer, number, number];

// The worker hashes the ranges of each batch in order and hands every buffer back with its
// acknowledgement: the main thread frees them promptly (a near-idle worker heap would not), or
// uses them again (the archive's own hash passes the file's chunks on to the inflater).
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
  parentPort.postMessage({ type: 'ack', bytes, ranges: m.ranges }, [...buffers]);
});
`;

type Reply = { type: 'ack'; bytes: number; ranges: HashRange[] } | { type: 'digest'; hex: string };

/**
 * One SHA-256 computed on a worker thread. Batches of ranges are sent with their buffers
 * transferred (never copied) and come back, buffers and all, in the order they were sent. A worker
 * that fails (or exits early) fails every batch still waiting and the digest with the same error.
 */
export class HashThread {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly waiting: { resolve: (ranges: HashRange[]) => void; reject: (err: Error) => void }[] = [];
  private digestWaiter: { resolve: (hex: string) => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;
  private closed = false;
  /** Bytes sent and not yet acknowledged. */
  inFlight = 0;
  /** Called after each acknowledgement. */
  onAck: (() => void) | null = null;

  constructor(private readonly what: string) {
    this.worker.on('message', (m: Reply) => {
      if (m.type === 'ack') {
        this.inFlight -= m.bytes;
        this.waiting.shift()?.resolve(m.ranges);
        this.onAck?.();
      } else {
        this.digestWaiter?.resolve(m.hex);
        this.digestWaiter = null;
        this.close();
      }
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`the hashing thread exited with code ${code}`));
    });
  }

  /** The error the thread failed with, if it did. */
  get failed(): Error | null {
    return this.failure;
  }

  /**
   * Hashes `ranges` after everything sent before; resolves with the same ranges (their buffers
   * handed back) once hashed. Every buffer named is transferred: the caller must own it whole.
   */
  send(ranges: HashRange[]): Promise<HashRange[]> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = ranges.reduce((n, r) => n + r[2], 0);
    this.inFlight += bytes;
    const acked = new Promise<HashRange[]>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage({ type: 'data', ranges }, [...new Set(ranges.map((r) => r[0]))]);
    return acked;
  }

  /** The hex digest of everything sent; the thread then stops. */
  digest(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      this.worker.postMessage({ type: 'digest' });
    });
  }

  /** Stops the thread (no digest will be asked for). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }

  private fail(cause: Error): void {
    if (this.failure || this.closed) return;
    this.failure = new IpmDbError(
      'archive-verifier-failed',
      `hashing ${this.what} on a worker thread failed: ${cause.message}`,
      {
        hint: 'This is a bug in ipm-db or the machine ran out of memory; please report it.',
        cause,
      },
    );
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.digestWaiter?.reject(this.failure);
    this.digestWaiter = null;
    this.onAck?.();
    this.close();
  }
}
