/**
 * Logs of runs that share one output (IRIS versions run concurrently): each group's lines are
 * held until the group ends and then written as one block, so two runs never interleave line by
 * line. Lines outside any group are written at once, each whole, with the run's prefix.
 */
import type { Logger, SourceLocation } from './log.js';

export interface LogLine {
  level: 'info' | 'debug';
  text: string;
}

/** Where finished blocks and single lines go (the Actions log, a terminal). Both are synchronous. */
export interface BlockSink {
  block(title: string, lines: LogLine[]): void;
  line(line: LogLine): void;
}

function located(message: string, where?: SourceLocation): string {
  return where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ${message}` : message;
}

/** A Logger for one run; `prefix` (e.g. "[2026.1] ") starts its block titles and single lines. */
export function groupedLogger(sink: BlockSink, prefix: string): Logger {
  let open: LogLine[] | null = null;
  const emit = (line: LogLine) => {
    if (open) open.push(line);
    else sink.line({ ...line, text: `${prefix}${line.text}` });
  };
  return {
    info: (m) => emit({ level: 'info', text: m }),
    warn: (m, w) => emit({ level: 'info', text: `warning: ${located(m, w)}` }),
    error: (m, w) => emit({ level: 'info', text: `error: ${located(m, w)}` }),
    debug: (m) => emit({ level: 'debug', text: m }),
    async group(title, fn) {
      // A group inside a group stays in the outer block, under a heading line.
      if (open) {
        open.push({ level: 'info', text: `-- ${title}` });
        return fn();
      }
      const lines: LogLine[] = [];
      open = lines;
      try {
        return await fn();
      } finally {
        open = null;
        sink.block(`${prefix}${title}`, lines);
      }
    },
  };
}

/** A sink writing to a stream: "== title", then the block's lines; debug lines only when verbose. */
export function streamSink(out: NodeJS.WritableStream, opts: { verbose?: boolean } = {}): BlockSink {
  const text = (lines: LogLine[]) =>
    lines
      .filter((l) => l.level === 'info' || opts.verbose)
      .map((l) => (l.level === 'debug' ? `debug: ${l.text}` : l.text));
  return {
    block: (title, lines) => void out.write([`== ${title}`, ...text(lines)].join('\n') + '\n'),
    line: (l) => {
      for (const t of text([l])) out.write(`${t}\n`);
    },
  };
}
