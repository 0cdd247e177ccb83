import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  commandSafeStream
} from "./chunks/cli/chunk-RWNQWFBA.js";
import {
  withCliRegistryHint
} from "./chunks/cli/chunk-SCA4I4KM.js";
import {
  EXIT,
  loadCommand,
  redact
} from "./chunks/cli/chunk-KHG3NGCP.js";
import {
  IpmDbError,
  UsageError,
  describeError
} from "./chunks/cli/chunk-PS7E4X32.js";

// src/cli/commands/index.ts
async function archiveVerifier() {
  const { verifyArchive, verifyArchiveStream } = await import("./chunks/cli/verify-R7LJW4E5.js");
  return {
    file: (path) => verifyArchive(path),
    stream: (chunks, fileName) => verifyArchiveStream(chunks, { path: fileName, fileName })
  };
}
var commands = [
  {
    name: "run",
    summary: "build, verify and install-test a database package in an IRIS container",
    load: async () => (await import("./chunks/cli/run-6H6UOFGK.js")).runCommand
  },
  {
    name: "verify",
    summary: "verify a database package .tgz without extracting it",
    load: async () => (await import("./chunks/cli/verify-RR3W43UZ.js")).verifyCommand
  },
  {
    name: "publish",
    summary: "publish a verified database package to an OCI registry (GHCR) for IPM",
    load: async () => (await import("./chunks/cli/publish-XVKT3XFL.js")).publishCommand(await archiveVerifier())
  },
  {
    name: "pull",
    summary: "download a published package and check its digest",
    load: async () => (await import("./chunks/cli/pull-TLRBUSMX.js")).pullCommand((await import("./chunks/cli/verify-R7LJW4E5.js")).verifyArchive)
  },
  {
    name: "inspect",
    summary: "show a published package and whether IPM would accept it",
    load: async () => (await import("./chunks/cli/inspect-GRQE2ZVI.js")).inspectCommand
  },
  {
    name: "tags",
    summary: "list the tags of a package repository",
    load: async () => (await import("./chunks/cli/tags-ZWL3U3UC.js")).tagsCommand
  },
  {
    name: "iris-versions",
    summary: "list the IRIS versions to test on (auto from the registry, minus expired licences)",
    load: async () => (await import("./chunks/cli/iris-versions-TBVICHJJ.js")).irisVersionsCommand
  },
  {
    name: "legs",
    summary: "summarise or plan publishing of the reusable workflow's matrix legs",
    load: async () => (await import("./chunks/cli/legs-K7POYD2E.js")).legsCommand
  },
  {
    name: "iris-upgrade",
    summary: "upgrade-test a package across two IRIS versions on a durable volume (from two archives)",
    load: async () => (await import("./chunks/cli/iris-upgrade-RPTS53HJ.js")).irisUpgradeCommand
  },
  {
    name: "upgrade-pairs",
    summary: "the pairs of consecutive IRIS versions the iris-upgrade scenario runs on",
    load: async () => (await import("./chunks/cli/upgrade-pairs-PZAZLNOF.js")).upgradePairsCommand
  },
  {
    name: "attest-predicate",
    summary: "write the test-result attestation predicate and subjects of what was published",
    load: async () => (await import("./chunks/cli/attest-predicate-HIIR7KL2.js")).attestPredicateCommand
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
async function main(argv, given, list = commands) {
  const io = given.env.GITHUB_ACTIONS === "true" ? { ...given, stderr: commandSafeStream(given.stderr) } : given;
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
    io.stderr.write(`ipm-db ${name}: ${redact(describeError(withCliRegistryHint(err)))}
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
