import type { FindingCode } from './findings.js';
import { BLOCK_SIZE, isAllZero, isZeroBlock, parsePaxRecords, parseTarHeader, type TarHeader } from './tar-header.js';

/** Receives one entry's data in order; chunks are views into the decompressed stream (copy to keep). */
export interface EntryDataSink {
  data(chunk: Buffer): void;
  end(): void;
}

export interface TarEntry extends TarHeader {
  /** Byte offset of the entry's header in the decompressed stream. */
  offset: number;
}

export interface TarVisitor {
  /** A real entry (pax and GNU long-name records already applied). Return a sink, null to skip its data, or "abort". */
  entry(entry: TarEntry): EntryDataSink | null | 'abort';
  problem(code: FindingCode, message: string, entry?: string): void;
}

export interface TarStreamLimits {
  maxEntries: number;
  maxTotalSize: number;
  maxHeaderExtensionSize: number;
}

type State = 'header' | 'data' | 'padding' | 'extension' | 'end' | 'stopped';

/**
 * A push parser for a tar stream: feed decompressed chunks with write(), then call end().
 * Accepts ustar, GNU (long names, base-256 sizes) and pax, and IPM's quirks (prefix ending in "/",
 * no end-of-archive blocks). After a fatal problem it ignores the rest of the stream.
 */
export class TarStreamParser {
  private state: State = 'header';
  private readonly headerBuf = Buffer.alloc(BLOCK_SIZE);
  private headerFill = 0;
  private remaining = 0;
  private entry: TarEntry | null = null;
  private sink: EntryDataSink | null = null;
  private extension: {
    kind: 'pax-header' | 'gnu-longname' | 'gnu-longlink' | 'skip';
    buf: Buffer;
    fill: number;
  } | null = null;
  private pendingPath: string | null = null;
  private pendingLink: string | null = null;
  private pendingSize: number | null = null;
  private position = 0;
  private entries = 0;
  private zeroBlocks = 0;

  constructor(
    private readonly visitor: TarVisitor,
    private readonly limits: TarStreamLimits,
  ) {}

  /** Number of real entries seen so far. */
  get entryCount(): number {
    return this.entries;
  }

  /** Bytes of decompressed stream consumed so far. */
  get bytesSeen(): number {
    return this.position;
  }

  /** End-of-archive zero blocks seen (0 for IPM's own writer). */
  get endBlocks(): number {
    return this.zeroBlocks;
  }

  /** Whether parsing stopped on a fatal problem (the rest of the stream is being ignored). */
  get stopped(): boolean {
    return this.state === 'stopped';
  }

  write(chunk: Buffer): void {
    if (this.state === 'stopped') return;
    if (this.position + chunk.length > this.limits.maxTotalSize) {
      const allowed = this.limits.maxTotalSize - this.position;
      this.consume(chunk.subarray(0, allowed));
      if (!this.stopped) {
        this.fail(
          'limit-total-size',
          `the decompressed archive exceeds limits.maxTotalSize (${this.limits.maxTotalSize} bytes); verification stopped there. ` +
            'A genuine package this large needs a larger maxTotalSize; otherwise this is a decompression bomb.',
        );
      }
      return;
    }
    this.consume(chunk);
  }

  end(): void {
    const at = this.entry?.path;
    switch (this.state) {
      case 'stopped':
        return;
      case 'header':
        if (this.headerFill > 0 && isAllZero(this.headerBuf.subarray(0, this.headerFill))) {
          this.visitor.problem(
            'tar-trailing-data',
            `${this.headerFill} zero bytes, less than a block, follow the last entry. Something padded the archive: rebuild it with IPM.`,
          );
        } else if (this.headerFill > 0) {
          this.visitor.problem(
            'tar-truncated',
            `the tar stream ends inside a header block (${this.headerFill} of ${BLOCK_SIZE} bytes at offset ${this.position - this.headerFill}). The archive is cut short: rebuild or re-download it.`,
          );
        } else if (this.entries === 0) {
          this.visitor.problem('tar-empty', 'the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.');
        } else {
          this.visitor.problem(
            'tar-no-end-marker',
            "the tar stream ends after its last entry without end-of-archive zero blocks, as IPM's own writer does.",
          );
        }
        return;
      case 'data':
      case 'padding': {
        const what =
          this.state === 'data' ? `${this.remaining} bytes of its data` : `${this.remaining} bytes of padding`;
        this.visitor.problem(
          'tar-truncated',
          `the tar stream ends inside entry "${at}": ${what} are missing. The archive is cut short: rebuild or re-download it.`,
          at,
        );
        return;
      }
      case 'extension':
        this.visitor.problem(
          'tar-truncated',
          'the tar stream ends inside a pax or GNU long-name record. The archive is cut short: rebuild or re-download it.',
        );
        return;
      case 'end':
        if (this.entries === 0) {
          this.visitor.problem('tar-empty', 'the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.');
        }
    }
  }

  /** Stops parsing on a problem found outside the tar layer (e.g. a limit on the gzip layer). */
  stop(code: FindingCode, message: string): void {
    if (this.state !== 'stopped') this.fail(code, message);
  }

  private fail(code: FindingCode, message: string, entry?: string): void {
    this.visitor.problem(code, message, entry);
    this.closeSink();
    this.state = 'stopped';
  }

  private closeSink(): void {
    const sink = this.sink;
    this.sink = null;
    sink?.end();
  }

  private consume(chunk: Buffer): void {
    let pos = 0;
    const length = chunk.length;
    while (pos < length && this.state !== 'stopped') {
      switch (this.state) {
        case 'data': {
          const n = Math.min(this.remaining, length - pos);
          this.sink?.data(chunk.subarray(pos, pos + n));
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) this.finishData();
          break;
        }
        case 'padding':
        case 'extension': {
          const n = Math.min(this.remaining, length - pos);
          if (this.state === 'extension' && this.extension!.kind !== 'skip') {
            const ext = this.extension!;
            const take = Math.max(0, Math.min(n, ext.buf.length - ext.fill));
            chunk.copy(ext.buf, ext.fill, pos, pos + take);
            ext.fill += take;
          }
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) {
            if (this.state === 'extension') this.finishExtension();
            else this.state = 'header';
          }
          break;
        }
        case 'header': {
          let block: Buffer;
          if (this.headerFill === 0 && length - pos >= BLOCK_SIZE) {
            block = chunk.subarray(pos, pos + BLOCK_SIZE);
            pos += BLOCK_SIZE;
          } else {
            const n = Math.min(BLOCK_SIZE - this.headerFill, length - pos);
            chunk.copy(this.headerBuf, this.headerFill, pos, pos + n);
            this.headerFill += n;
            pos += n;
            if (this.headerFill < BLOCK_SIZE) {
              this.position += n;
              break;
            }
            this.position += n - BLOCK_SIZE; // counted below with the whole block
            block = this.headerBuf;
          }
          this.headerFill = 0;
          const offset = this.position;
          this.position += BLOCK_SIZE;
          this.onHeader(block, offset);
          break;
        }
        case 'end': {
          const rest = chunk.subarray(pos);
          pos = length;
          this.position += rest.length;
          if (!isAllZero(rest)) {
            this.fail(
              'tar-trailing-data',
              `non-zero data follows the end-of-archive zero block(s) near offset ${this.position - rest.length}. ` +
                'Something was appended to the archive: rebuild it with IPM.',
            );
          } else {
            this.zeroBlocks += Math.floor(rest.length / BLOCK_SIZE);
          }
          break;
        }
      }
    }
  }

  private onHeader(block: Buffer, offset: number): void {
    if (isZeroBlock(block)) {
      this.zeroBlocks = 1;
      this.state = 'end';
      return;
    }
    const parsed = parseTarHeader(block);
    if (!parsed.ok) {
      const hint =
        parsed.code === 'tar-header-checksum'
          ? 'The archive is corrupt or was altered after IPM wrote it: rebuild it.'
          : 'The archive is corrupt: rebuild it.';
      this.fail(parsed.code, `tar header at offset ${offset}: ${parsed.detail}. ${hint}`);
      return;
    }
    const header = parsed.header;
    switch (header.type) {
      case 'pax-header':
      case 'pax-global':
      case 'gnu-longname':
      case 'gnu-longlink':
        this.startExtension(header.type, header.size, offset);
        return;
    }
    const entry: TarEntry = { ...header, offset };
    if (this.pendingPath !== null) entry.path = this.pendingPath;
    if (this.pendingLink !== null) entry.linkname = this.pendingLink;
    if (this.pendingSize !== null && header.type !== 'directory') entry.size = this.pendingSize;
    if (this.pendingPath !== null) entry.nameFieldFull = false;
    this.pendingPath = this.pendingLink = this.pendingSize = null;
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      this.fail(
        'limit-entry-count',
        `the archive holds more than limits.maxEntries (${this.limits.maxEntries}) entries; verification stopped at "${entry.path}". ` +
          'A genuine package this large needs a larger maxEntries.',
        entry.path,
      );
      return;
    }
    this.entry = entry;
    const sink = this.visitor.entry(entry);
    if (sink === 'abort') {
      this.state = 'stopped';
      return;
    }
    this.sink = sink;
    this.remaining = entry.size;
    if (entry.size === 0) this.finishData();
    else this.state = 'data';
  }

  private finishData(): void {
    this.closeSink();
    const pad = (BLOCK_SIZE - (this.entry!.size % BLOCK_SIZE)) % BLOCK_SIZE;
    this.remaining = pad;
    this.state = pad === 0 ? 'header' : 'padding';
  }

  private startExtension(
    kind: 'pax-header' | 'pax-global' | 'gnu-longname' | 'gnu-longlink',
    size: number,
    offset: number,
  ) {
    if (size > this.limits.maxHeaderExtensionSize) {
      this.fail(
        'limit-header-extension-size',
        `the ${kind} record at offset ${offset} is ${size} bytes, over limits.maxHeaderExtensionSize (${this.limits.maxHeaderExtensionSize}). ` +
          'IPM never writes such records: the archive is not from IPM or is hostile.',
      );
      return;
    }
    const padded = size + ((BLOCK_SIZE - (size % BLOCK_SIZE)) % BLOCK_SIZE);
    this.extension = {
      kind: kind === 'pax-global' ? 'skip' : kind,
      buf: Buffer.alloc(kind === 'pax-global' ? 0 : size),
      fill: 0,
    };
    this.remaining = padded;
    if (padded === 0) this.finishExtension();
    else this.state = 'extension';
  }

  private finishExtension(): void {
    const ext = this.extension!;
    this.extension = null;
    this.state = 'header';
    if (ext.kind === 'skip') return;
    if (ext.kind === 'gnu-longname' || ext.kind === 'gnu-longlink') {
      const nul = ext.buf.indexOf(0);
      const text = ext.buf.toString('utf8', 0, nul < 0 ? ext.buf.length : nul);
      if (ext.kind === 'gnu-longname') this.pendingPath = text;
      else this.pendingLink = text;
      return;
    }
    let records: Map<string, string>;
    try {
      records = parsePaxRecords(ext.buf);
    } catch (err) {
      this.fail(
        'tar-extension-invalid',
        `a pax extended header is malformed (${(err as Error).message}); verification stopped there. The archive is corrupt or hostile.`,
      );
      return;
    }
    const path = records.get('path');
    if (path !== undefined) this.pendingPath = path;
    const link = records.get('linkpath');
    if (link !== undefined) this.pendingLink = link;
    const size = records.get('size');
    if (size !== undefined) {
      if (!/^[0-9]{1,16}$/.test(size) || !Number.isSafeInteger(Number(size))) {
        this.fail(
          'tar-extension-invalid',
          `a pax extended header gives size "${size}", not a byte count; verification stopped there.`,
        );
        return;
      }
      this.pendingSize = Number(size);
    }
  }
}
