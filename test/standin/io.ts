// Synchronous terminal I/O for the stand-in session: stdin read line by line on demand (the IPM
// yes/no prompt takes the next line mid-command), stdout written at once and tracking $X.
import { readSync, writeSync } from 'node:fs';

export class LineReader {
  private buffer = Buffer.alloc(0);
  private done = false;
  linesRead = 0;

  constructor(private readonly fd = 0) {}

  /** A reader over fixed text (in-process tests). */
  static fromText(text: string): LineReader {
    const r = new LineReader(-1);
    r.buffer = Buffer.from(text, 'utf8');
    r.done = true;
    return r;
  }

  /** The next line without its newline, or undefined at end of input. */
  readLine(): string | undefined {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl >= 0) {
        const line = this.buffer.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        this.buffer = this.buffer.subarray(nl + 1);
        this.linesRead++;
        return line;
      }
      if (this.done) {
        if (this.buffer.length === 0) return undefined;
        const line = this.buffer.toString('utf8');
        this.buffer = Buffer.alloc(0);
        this.linesRead++;
        return line;
      }
      const chunk = Buffer.alloc(65536);
      let n: number;
      try {
        n = readSync(this.fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
        if ((e as NodeJS.ErrnoException).code === 'EOF') n = 0;
        else throw e;
      }
      if (n === 0) this.done = true;
      else this.buffer = Buffer.concat([this.buffer, chunk.subarray(0, n)]);
    }
  }
}

export class Terminal {
  /** $X: the column after the last write. */
  column = 0;
  constructor(private readonly sink: (s: string) => void = (s) => void writeSync(1, s)) {}

  write(s: string): void {
    if (!s) return;
    this.sink(s);
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? s.length - nl - 1 : this.column + s.length;
  }

  /** IPM's `write !,...`: a line break, then the text. */
  line(s = ''): void {
    this.write('\n' + s);
  }

  /** Starts a new line unless already at column 0 (as IRIS does before a prompt). */
  freshLine(): void {
    if (this.column !== 0) this.write('\n');
  }
}

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
