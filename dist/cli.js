import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IpmDbError,
  UsageError,
  describeError,
  redact
} from "./chunks/chunk-4UHFFDH5.js";
import "./chunks/chunk-2YR2DOPF.js";

// src/cli/command.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };

// src/cli/commands/index.ts
var commands = [];

// src/cli/main.ts
function overview(list) {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    "ipm-db: build, verify, test and publish InterSystems IPM database packages",
    "",
    "Usage: ipm-db <command> [options]",
    "",
    "Commands:",
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `Run "ipm-db <command> --help" for a command's options.`
  ].join("\n");
}
async function main(argv, io, list = commands) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(overview(list) + "\n");
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`ipm-db: unknown command "${name}"

${overview(list)}
`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage.trimEnd() + "\n");
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr.write(`ipm-db ${name}: ${redact(describeError(err))}
`);
    if (err instanceof UsageError) {
      io.stderr.write(`
${command.usage.trimEnd()}
`);
      return EXIT.usage;
    }
    if (!(err instanceof IpmDbError) && err instanceof Error && err.stack && io.env.IPM_DB_DEBUG) {
      io.stderr.write(redact(err.stack) + "\n");
    }
    return EXIT.failed;
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
