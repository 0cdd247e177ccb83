import * as zlib from 'node:zlib';
import type { FindingCode } from './findings.js';
import { isAllZero } from './tar-header.js';

export type GzipHeaderResult = { complete: false } | { complete: true; length: number } | { error: string };

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;
const MAX_HEADER = 64 * 1024;

/** Parses the RFC 1952 member header at the start of `buf`. */
export function parseGzipHeader(buf: Buffer): GzipHeaderResult {
  if (buf.length >= 1 && buf[0] !== 0x1f) return { error: 'it does not start with the gzip magic bytes 1f 8b' };
  if (buf.length >= 2 && buf[1] !== 0x8b) return { error: 'it does not start with the gzip magic bytes 1f 8b' };
  if (buf.length >= 3 && buf[2] !== 8) return { error: `compression method ${buf[2]} is not deflate (8)` };
  if (buf.length >= 4 && buf[3]! & RESERVED) return { error: 'reserved gzip header flag bits are set' };
  if (buf.length < 10) return { complete: false };
  const flags = buf[3]!;
  let pos = 10;
  if (flags & FEXTRA) {
    if (buf.length < pos + 2) return { complete: false };
    pos += 2 + buf.readUInt16LE(pos);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const nul = buf.indexOf(0, pos);
    if (nul < 0)
      return buf.length > MAX_HEADER ? { error: 'the gzip header name/comment never ends' } : { complete: false };
    pos = nul + 1;
  }
  if (flags & FHCRC) pos += 2;
  if (pos > MAX_HEADER) return { error: 'the gzip header is implausibly long' };
  return buf.length < pos ? { complete: false } : { complete: true, length: pos };
}

let crcTable: Int32Array | null = null;
function crc32Fallback(data: Buffer, crc: number): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** zlib.crc32 where Node has it (>= 20.15), a table-driven fallback elsewhere. */
export const crc32: (data: Buffer, crc: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (zlib as unknown as { crc32: (d: Buffer, c: number) => number }).crc32
    : crc32Fallback;

export interface GzipProblem {
  code: FindingCode;
  message: string;
}

export interface GzipOutcome {
  problems: GzipProblem[];
  /** True when one whole member (header, deflate data, trailer) was read and checked. */
  memberComplete: boolean;
  /** Bytes after the first member's trailer. */
  trailingBytes: number;
}

type Phase = 'header' | 'body' | 'trailer' | 'after' | 'failed';

/**
 * Decodes the first gzip member of a stream fed in order with write(), inflating on the libuv
 * threadpool (zlib) while the caller's onData runs on the main thread for the previous output.
 * Verifies CRC-32 and ISIZE itself, and reports anything after the member (a second member,
 * zero padding, garbage) instead of silently reading or ignoring it.
 */
export class GzipMemberDecoder {
  private phase: Phase = 'header';
  private pending: Buffer = Buffer.alloc(0);
  private inflate: zlib.InflateRaw | null = null;
  private queue: Buffer[] = [];
  private queueStart = 0;
  private crc = 0;
  private outSize = 0;
  private inflateError: Error | null = null;
  private ended: Promise<void> | null = null;
  private afterCount = 0;
  private afterHead = Buffer.alloc(0);
  private afterAllZero = true;
  private readonly problems: GzipProblem[] = [];
  private memberComplete = false;
  private wake: (() => void) | null = null;
  /** zlib output not yet handed to onData (see startInflate). */
  private output: Buffer[] = [];

  constructor(
    private readonly onData: (chunk: Buffer) => void,
    private readonly options: {
      chunkSize: number;
      highWaterMark: number;
      /** Called with each input chunk of deflate data once zlib has consumed it and it is read no more. */
      onInputDone?: (chunk: Buffer) => void;
    },
  ) {}

  /** Whether the decoder still wants input beyond counting trailing bytes. */
  get decoding(): boolean {
    return this.phase === 'header' || this.phase === 'body' || this.phase === 'trailer';
  }

  /** Holds decompressed output back (zlib then stops once its buffers are full) until resumeOutput(). */
  pauseOutput(): void {
    this.inflate?.pause();
  }

  resumeOutput(): void {
    this.inflate?.resume();
  }

  /** Stops decompressing (e.g. the tar layer gave up); later input is only counted. */
  abandon(): void {
    if (this.phase === 'failed') return;
    this.inflate?.destroy();
    this.inflate = null;
    this.phase = 'failed';
  }

  async write(chunk: Buffer): Promise<void> {
    switch (this.phase) {
      case 'failed':
        return;
      case 'after':
        this.noteAfter(chunk);
        return;
      case 'trailer':
        return this.takeTrailer(chunk);
      case 'header': {
        this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        const header = parseGzipHeader(this.pending);
        if ('error' in header)
          return this.failWith('gzip-invalid-header', `the file is not a gzip archive: ${header.error}.`);
        if (!header.complete) return;
        const body = this.pending.subarray(header.length);
        this.pending = Buffer.alloc(0);
        this.startInflate();
        this.phase = 'body';
        if (body.length) await this.feed(body);
        return;
      }
      case 'body':
        return this.feed(chunk);
    }
  }

  /** Call once at the end of input; resolves when everything is decided. */
  async end(): Promise<GzipOutcome> {
    if (this.phase === 'header') {
      const what =
        this.pending.length === 0
          ? 'the file is empty'
          : `the file ends inside the gzip header (${this.pending.length} bytes)`;
      this.failWith('gzip-invalid-header', `${what}; expected a gzip-compressed tar archive.`);
    } else if (this.phase === 'body') {
      this.inflate!.end();
      await this.ended;
      // Still 'body' means the deflate data never ended: cut short, or corrupt.
      if (this.phase === 'body') {
        const cut = !this.inflateError || (this.inflateError as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
        if (cut) {
          const where = this.inflateError
            ? 'inside the compressed data'
            : 'before the gzip trailer (CRC-32 and length)';
          this.failWith(
            'gzip-truncated',
            `the file ends ${where}. The archive is cut short: rebuild or re-download it.`,
          );
        } else {
          this.reportInflateError();
        }
      }
    }
    if (this.phase === 'trailer') {
      this.failWith(
        'gzip-truncated',
        `the file ends inside the 8-byte gzip trailer (${this.pending.length} bytes present). The archive is cut short: rebuild or re-download it.`,
      );
    }
    if (this.afterCount > 0) this.reportAfter();
    return { problems: this.problems, memberComplete: this.memberComplete, trailingBytes: this.afterCount };
  }

  private startInflate(): void {
    const inflate = zlib.createInflateRaw({
      chunkSize: this.options.chunkSize,
      highWaterMark: this.options.highWaterMark,
    } as zlib.ZlibOptions);
    this.inflate = inflate;
    // 'data' hands over each output buffer as zlib filled it (read() would join several into a copy).
    // zlib emits it before it starts inflating the next piece, so the output is taken on the next
    // tick: the threadpool inflates while this thread checks and parses what came before.
    inflate.on('data', (out: Buffer) => {
      this.output.push(out);
      if (this.output.length === 1) process.nextTick(this.takeOutput);
    });
    this.ended = new Promise((resolve) => {
      inflate.once('end', () => {
        this.takeOutput();
        this.onDeflateEnd(inflate);
        this.wake?.();
        resolve();
      });
      inflate.once('error', (err) => {
        this.takeOutput();
        this.inflateError = err;
        this.wake?.();
        resolve();
      });
      inflate.once('close', () => {
        this.takeOutput();
        this.wake?.();
        resolve();
      });
    });
  }

  /** Checks and hands on the output zlib produced so far, in order; none once abandoned. */
  private readonly takeOutput = (): void => {
    const output = this.output;
    this.output = [];
    for (const out of output) {
      if (this.phase !== 'body') return;
      this.crc = crc32(out, this.crc);
      this.outSize += out.length;
      this.onData(out);
    }
  };

  /**
   * Input is queued in zlib (up to highWaterMark) so the threadpool never waits for the main
   * thread; the chunks stay listed until zlib has consumed them, so that when the deflate data
   * ends the bytes after it (trailer, then anything else) can be recovered exactly.
   */
  private async feed(body: Buffer): Promise<void> {
    const inflate = this.inflate!;
    this.queue.push(body);
    if (!inflate.write(body)) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        inflate.once('drain', resolve);
      });
      this.wake = null;
      inflate.removeAllListeners('drain');
    }
    if (this.phase !== 'body') return;
    if (this.inflateError) return this.reportInflateError();
    while (this.queue.length && this.queueStart + this.queue[0]!.length <= inflate.bytesWritten) {
      const done = this.queue.shift()!;
      this.queueStart += done.length;
      this.options.onInputDone?.(done);
    }
  }

  /** The deflate data ended and all its output was read: what zlib did not consume follows it. */
  private onDeflateEnd(inflate: zlib.InflateRaw): void {
    if (this.phase !== 'body') return;
    let consumed = inflate.bytesWritten - this.queueStart;
    const rest: Buffer[] = [];
    for (const chunk of this.queue) {
      if (consumed >= chunk.length) consumed -= chunk.length;
      else {
        rest.push(chunk.subarray(consumed));
        consumed = 0;
      }
    }
    this.queue = [];
    this.inflate = null;
    inflate.destroy();
    this.phase = 'trailer';
    for (const chunk of rest) {
      if (this.phase === 'trailer') this.takeTrailer(chunk);
      else this.noteAfter(chunk);
    }
  }

  private reportInflateError(): void {
    const message = this.inflateError?.message ?? 'decompression stopped';
    this.failWith('gzip-corrupt', `the compressed data is corrupt (${message}). Rebuild or re-download the archive.`);
  }

  private takeTrailer(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.pending.length < 8) return;
    const storedCrc = this.pending.readUInt32LE(0);
    const storedSize = this.pending.readUInt32LE(4);
    const rest = this.pending.subarray(8);
    this.pending = Buffer.alloc(0);
    this.phase = 'after';
    if (storedCrc !== this.crc) {
      this.problems.push({
        code: 'gzip-crc-mismatch',
        message: `the gzip trailer records CRC-32 ${hex8(storedCrc)} but the decompressed data has ${hex8(this.crc)}. The archive is corrupt: rebuild or re-download it.`,
      });
    } else if (storedSize !== this.outSize % 2 ** 32) {
      this.problems.push({
        code: 'gzip-size-mismatch',
        message: `the gzip trailer records ${storedSize} bytes (mod 2^32) but ${this.outSize} were decompressed. The archive is corrupt: rebuild or re-download it.`,
      });
    } else {
      this.memberComplete = true;
    }
    if (rest.length) this.noteAfter(rest);
  }

  private noteAfter(chunk: Buffer): void {
    if (this.afterHead.length < 2)
      this.afterHead = Buffer.concat([this.afterHead, chunk.subarray(0, 2 - this.afterHead.length)]);
    if (this.afterAllZero && !isAllZero(chunk)) this.afterAllZero = false;
    this.afterCount += chunk.length;
  }

  private reportAfter(): void {
    if (this.afterHead[0] === 0x1f && this.afterHead[1] === 0x8b) {
      this.problems.push({
        code: 'gzip-multiple-members',
        message: `a second gzip member (${this.afterCount} bytes) follows the first. IPM writes one member and readers disagree on the rest: rebuild the archive with IPM instead of concatenating.`,
      });
    } else {
      const what = this.afterAllZero ? `${this.afterCount} zero bytes` : `${this.afterCount} bytes of non-gzip data`;
      this.problems.push({
        code: 'gzip-trailing-data',
        message: `${what} follow the gzip member. IPM writes nothing after it: the file was padded or altered, rebuild it.`,
      });
    }
  }

  private failWith(code: FindingCode, message: string): void {
    if (this.phase !== 'failed') this.problems.push({ code, message });
    this.abandon();
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
