import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  EXIT,
  loadCommand
} from "./chunks/chunk-GYWSDV3W.js";
import {
  redact
} from "./chunks/chunk-TIJDGYO2.js";
import {
  IpmDbError,
  UsageError,
  describeError
} from "./chunks/chunk-7JDKL6H4.js";
import "./chunks/chunk-2YR2DOPF.js";

// src/cli/commands/index.ts
var commands = [
  {
    name: "run",
    summary: "build, verify and install-test a database package in an IRIS container",
    load: async () => (await import("./chunks/run-I3ULNV42.js")).runCommand
  },
  {
    name: "verify",
    summary: "verify a database package .tgz without extracting it",
    load: async () => (await import("./chunks/verify-E7WWWOEY.js")).verifyCommand
  },
  {
    name: "publish",
    summary: "publish a verified database package to an OCI registry (GHCR) for IPM",
    load: async () => (await import("./chunks/publish-RXK4M3K4.js")).publishCommand((await import("./chunks/verify-Z6WQ5SYX.js")).verifyArchive)
  },
  {
    name: "pull",
    summary: "download a published package and check its digest",
    load: async () => (await import("./chunks/pull-4F5BGLK7.js")).pullCommand((await import("./chunks/verify-Z6WQ5SYX.js")).verifyArchive)
  },
  {
    name: "inspect",
    summary: "show a published package and whether IPM would accept it",
    load: async () => (await import("./chunks/inspect-4TN4JZ2R.js")).inspectCommand
  },
  {
    name: "tags",
    summary: "list the tags of a package repository",
    load: async () => (await import("./chunks/tags-2NGD3FZ5.js")).tagsCommand
  },
  {
    name: "iris-versions",
    summary: "list the IRIS versions to test on (auto from the registry, minus expired licences)",
    load: async () => (await import("./chunks/iris-versions-DXZ7ZPLW.js")).irisVersionsCommand
  },
  {
    name: "legs",
    summary: "summarise or plan publishing of the reusable workflow's matrix legs",
    load: async () => (await import("./chunks/legs-FORWMAX5.js")).legsCommand
  }
];

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
  const listing = list.find((c) => c.name === name);
  if (!listing) {
    io.stderr.write(`ipm-db: unknown command "${name}"

${overview(list)}
`);
    return EXIT.usage;
  }
  const command = await loadCommand(listing);
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
