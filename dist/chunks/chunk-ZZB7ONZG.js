import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/log.ts
function consoleLogger(opts = {}) {
  const out = opts.stream ?? process.stderr;
  const where = (w) => w?.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : "";
  return {
    info: (m) => void out.write(`${m}
`),
    warn: (m, w) => void out.write(`warning: ${where(w)}${m}
`),
    error: (m, w) => void out.write(`error: ${where(w)}${m}
`),
    debug: (m) => {
      if (opts.verbose) out.write(`debug: ${m}
`);
    },
    group: async (title, fn) => {
      out.write(`== ${title}
`);
      return fn();
    }
  };
}
var silentLogger = {
  info: () => {
  },
  warn: () => {
  },
  error: () => {
  },
  debug: () => {
  },
  group: (_title, fn) => fn()
};

export {
  consoleLogger,
  silentLogger
};
