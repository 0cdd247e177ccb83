/**
 * Where library code reports progress. The action passes one backed by @actions/core
 * (groups, annotations, masking); the CLI passes one that writes to stderr.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string, where?: SourceLocation): void;
  error(message: string, where?: SourceLocation): void;
  debug(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

export function consoleLogger(opts: { verbose?: boolean; stream?: NodeJS.WritableStream } = {}): Logger {
  const out = opts.stream ?? process.stderr;
  const where = (w?: SourceLocation) => (w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '');
  return {
    info: (m) => void out.write(`${m}\n`),
    warn: (m, w) => void out.write(`warning: ${where(w)}${m}\n`),
    error: (m, w) => void out.write(`error: ${where(w)}${m}\n`),
    debug: (m) => {
      if (opts.verbose) out.write(`debug: ${m}\n`);
    },
    group: async (title, fn) => {
      out.write(`== ${title}\n`);
      return fn();
    },
  };
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  group: (_title, fn) => fn(),
};
