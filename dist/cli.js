import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IPM_LAYER_MEDIA_TYPE,
  RegistryClient,
  TITLE_ANNOTATION,
  canonicalJson,
  consoleLogger,
  formatReference,
  ipmAcceptanceViolations,
  parseReference,
  publishPackage,
  verifyArchive
} from "./chunks/chunk-PU4RRU5S.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  redact,
  registerSecret
} from "./chunks/chunk-4UHFFDH5.js";
import "./chunks/chunk-2YR2DOPF.js";

// src/cli/command.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };

// src/cli/registry-options.ts
import { parseArgs } from "node:util";

// src/oci/credentials.ts
var CREDENTIAL_ENV = {
  username: "IPM_DB_REGISTRY_USERNAME",
  password: "IPM_DB_REGISTRY_PASSWORD",
  token: "IPM_DB_REGISTRY_TOKEN"
};
function registryCredentialsFromEnv(env, registry) {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  let creds;
  if (secret) {
    creds = { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || "ipm-db", password: secret };
  } else if (registry.toLowerCase() === "ghcr.io" && env.GITHUB_TOKEN) {
    creds = { username: env.GITHUB_ACTOR || "github-actions", password: env.GITHUB_TOKEN };
  }
  if (creds) registerSecret(creds.password);
  return creds;
}

// src/cli/registry-options.ts
var registryFlags = {
  "plain-http": { type: "boolean" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" }
};
var REGISTRY_ENV_HELP = `Credentials (environment only):
  IPM_DB_REGISTRY_USERNAME   user name
  IPM_DB_REGISTRY_PASSWORD   password, or IPM_DB_REGISTRY_TOKEN for a token
  GITHUB_TOKEN, GITHUB_ACTOR used for ghcr.io when the above are not set
Without credentials the registry is used anonymously.`;
function cliLogger(io, verbose) {
  const inner = consoleLogger({ verbose, stream: io.stderr });
  return {
    info: (m) => inner.info(redact(m)),
    warn: (m, w) => inner.warn(redact(m), w),
    error: (m, w) => inner.error(redact(m), w),
    debug: (m) => inner.debug(redact(m)),
    group: inner.group
  };
}
function registryClient(registry, io, values) {
  const credentials = registryCredentialsFromEnv(io.env, registry);
  return new RegistryClient({
    registry,
    plainHttp: values["plain-http"] === true,
    logger: cliLogger(io, values.verbose === true),
    ...credentials ? { credentials } : {}
  });
}
function printJson(io, value) {
  io.stdout.write(redact(JSON.stringify(value, null, 2)) + "\n");
}
function parseCommandArgs(argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

// src/cli/commands/inspect.ts
var usage = `Usage: ipm-db inspect <registry>/<namespace>/<module>:<tag> [--plain-http] [--json]

Prints the manifest and its annotations, and whether IPM would accept it: each rule it
breaks is listed. Exits 1 when IPM would not accept it.

${REGISTRY_ENV_HELP}
`;
var inspectCommand = {
  name: "inspect",
  summary: "show a published package and whether IPM would accept it",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, registryFlags);
    if (positionals.length !== 1) throw new UsageError("give exactly one <reference>");
    const ref = parseReference(positionals[0], { requireTagOrDigest: true });
    const client = registryClient(ref.registry, io, values);
    const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
    if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
    let manifest;
    try {
      manifest = JSON.parse(fetched.bytes.toString("utf8"));
    } catch {
      manifest = null;
    }
    const violations = ipmAcceptanceViolations(manifest, ref.tag);
    const accepted = violations.length === 0;
    const annotations = manifest?.annotations ?? {};
    if (values.json) {
      printJson(io, {
        reference: formatReference(ref),
        digest: fetched.digest,
        mediaType: fetched.mediaType,
        manifest,
        annotations,
        ipmAccepts: accepted,
        violations
      });
    } else {
      const out = [
        `${formatReference(ref)}`,
        `  digest      ${fetched.digest}`,
        `  media type  ${fetched.mediaType}`
      ];
      for (const layer of manifest?.layers ?? []) {
        out.push(
          `  layer       ${layer.mediaType} ${layer.digest} ${layer.size} bytes ${layer.annotations?.["org.opencontainers.image.title"] ?? ""}`
        );
      }
      out.push("  annotations");
      for (const [k, v] of Object.entries(annotations))
        out.push(`    ${k} = ${String(v).length > 100 ? `${String(v).slice(0, 97)}...` : String(v)}`);
      out.push(accepted ? "IPM would accept this package." : "IPM would NOT accept this package:");
      for (const v of violations) out.push(`  - [${v.rule}] ${v.message}`);
      io.stdout.write(out.join("\n") + "\n");
    }
    return accepted ? EXIT.ok : EXIT.failed;
  }
};

// src/cli/commands/publish.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var usage2 = `Usage: ipm-db publish <archive.tgz> --registry <host[:port]> --namespace <owner> [options]

Publishes a verified database package in the OCI form IPM installs from:
(only an archive that passes verification, unchanged since, is published)
<registry>/<namespace>/<module lower-case>:<version>_database__<IRIS major.minor>.

Options:
  --registry <host[:port]>  registry, e.g. ghcr.io
  --namespace <owner>       owner path, e.g. your GitHub organisation (lower case)
  --source <url>            repository URL (org.opencontainers.image.source; links a GHCR package)
  --report <file>           the JSON of "ipm-db verify --json" for this archive
                            (without it, the archive is verified now)
  --force                   overwrite an existing tag that holds different content
  --dry-run                 compute and print everything; send nothing
  --plain-http              talk HTTP, not HTTPS (local registries)
  --allow-prerelease        allow versions other than plain X.Y.Z (IPM cannot install them)
  --client <native|oras>    push through the oras CLI instead of the built-in client
  --json                    print the result as JSON
  -v, --verbose             log each registry step

${REGISTRY_ENV_HELP}
`;
function printResult(result, write) {
  const state = result.dryRun ? "would publish" : result.unchanged ? "unchanged" : "published";
  write(`${state} ${result.reference}
`);
  write(`  manifest digest  ${result.digest}
`);
  write(
    `  layer            ${result.layer.digest} (${result.layer.size} bytes${result.layer.uploaded ? ", uploaded" : ""})
`
  );
  write(`  blob bytes sent  ${result.bytesUploaded}
`);
  if (result.dryRun) write(`  manifest         ${canonicalJson(result.manifest)}
`);
}
function publishCommand(verify) {
  return {
    name: "publish",
    summary: "publish a verified database package to an OCI registry (GHCR) for IPM",
    usage: usage2,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        registry: { type: "string" },
        namespace: { type: "string" },
        source: { type: "string" },
        report: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        "allow-prerelease": { type: "boolean" },
        client: { type: "string" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <archive.tgz>");
      if (!values.registry) throw new UsageError("--registry is required", "e.g. --registry ghcr.io");
      if (!values.namespace) throw new UsageError("--namespace is required", "e.g. --namespace my-org");
      if (values.client !== void 0 && values.client !== "native" && values.client !== "oras") {
        throw new UsageError(`--client must be "native" or "oras", not "${values.client}"`);
      }
      const archivePath = resolve(io.cwd, positionals[0]);
      let report;
      if (values.report) {
        const text = await readFile(resolve(io.cwd, values.report), "utf8").catch((err) => {
          throw new UsageError(`cannot read --report ${values.report}: ${err.message}`);
        });
        try {
          report = JSON.parse(text);
        } catch {
          throw new UsageError(`--report ${values.report} is not JSON`, 'Give the output of "ipm-db verify --json".');
        }
      } else if (!verify) {
        throw new UsageError(
          "--report is required",
          'Run "ipm-db verify <archive> --json > report.json" and pass --report report.json.'
        );
      }
      const credentials = values["dry-run"] ? void 0 : registryCredentialsFromEnv(io.env, values.registry);
      const result = await publishPackage({
        archivePath,
        ...report ? { report } : {},
        ...verify ? { verify } : {},
        registry: values.registry,
        namespace: values.namespace,
        ...values.source ? { source: values.source } : {},
        force: values.force === true,
        dryRun: values["dry-run"] === true,
        plainHttp: values["plain-http"] === true,
        allowPrerelease: values["allow-prerelease"] === true,
        client: values.client === "oras" ? "oras" : "native",
        ...credentials ? { credentials } : {},
        logger: cliLogger(io, values.verbose === true)
      });
      if (values.json) printJson(io, result);
      else printResult(result, (s) => io.stdout.write(s));
      return EXIT.ok;
    }
  };
}

// src/cli/commands/pull.ts
import { mkdir } from "node:fs/promises";
import { basename, join, resolve as resolve2 } from "node:path";
var usage3 = `Usage: ipm-db pull <registry>/<namespace>/<module>:<tag> [-o <dir>] [--plain-http] [--json]

Downloads the package layer into <dir> (default: the current directory) under its title,
checking its size and sha256 against the manifest before the file appears, then verifies the
archive (exit 1 when it does not pass).

${REGISTRY_ENV_HELP}
`;
function safeFileName(title, fallback) {
  const name = title === void 0 ? "" : basename(title.replace(/\\/g, "/"));
  return name && name !== "." && name !== ".." && /^[\w.+-]+$/.test(name) ? name : fallback;
}
function pullCommand(verify) {
  return {
    name: "pull",
    summary: "download a published package and check its digest",
    usage: usage3,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        output: { type: "string", short: "o" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <reference>");
      const ref = parseReference(positionals[0], { requireTagOrDigest: true });
      const client = registryClient(ref.registry, io, values);
      const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
      if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
      const manifest = JSON.parse(fetched.bytes.toString("utf8"));
      const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
      if (!layer) {
        throw new IpmDbError("not-an-ipm-package", `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
          hint: 'Check it with "ipm-db inspect".'
        });
      }
      const dir = resolve2(io.cwd, values.output ?? ".");
      await mkdir(dir, { recursive: true });
      const fallback = `${ref.repository.split("/").pop() ?? "package"}-${ref.tag ?? "package"}.tgz`;
      const file = join(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
      await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
      const verification = verify ? await verify(file) : null;
      const result = {
        reference: formatReference(ref),
        manifestDigest: fetched.digest,
        file,
        size: layer.size,
        layerDigest: layer.digest,
        verification
      };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(`pulled ${result.reference} -> ${file} (${layer.size} bytes, ${layer.digest} checked)
`);
        if (verification)
          io.stdout.write(
            `verification: ${verification.valid ? "valid" : `INVALID (${verification.errors.length} error(s))`}
`
          );
      }
      return verification && !verification.valid ? EXIT.failed : EXIT.ok;
    }
  };
}

// src/cli/commands/tags.ts
var usage4 = `Usage: ipm-db tags <registry>/<namespace>/<module> [--plain-http] [--json]

Lists every tag of a repository (all pages), sorted.

${REGISTRY_ENV_HELP}
`;
var tagsCommand = {
  name: "tags",
  summary: "list the tags of a package repository",
  usage: usage4,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, registryFlags);
    if (positionals.length !== 1) throw new UsageError("give exactly one <registry>/<repository>");
    const ref = parseReference(positionals[0]);
    if (ref.tag !== void 0 || ref.digest !== void 0)
      throw new UsageError("give a repository without a tag or digest");
    const tags = (await registryClient(ref.registry, io, values).listTags(ref.repository)).sort();
    if (values.json) printJson(io, { registry: ref.registry, repository: ref.repository, tags });
    else io.stdout.write(tags.map((t) => `${t}
`).join(""));
    return EXIT.ok;
  }
};

// src/cli/commands/verify.ts
import { parseArgs as parseArgs2 } from "node:util";
import { resolve as resolve3 } from "node:path";

// src/archive/render-report.ts
function bytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
function findingLines(title, list) {
  if (list.length === 0) return [];
  return [
    "",
    `${title} (${list.length}):`,
    ...list.map((f) => `  - [${f.code}]${f.entry ? ` ${f.entry}:` : ""} ${f.message}`)
  ];
}
function renderReport(r) {
  const roles = /* @__PURE__ */ new Map();
  for (const e of r.entries) roles.set(e.role, (roles.get(e.role) ?? 0) + 1);
  const lines = [
    `${r.valid ? "VALID" : "INVALID"}: ${r.archive.path}`,
    "",
    `Archive   ${bytes(r.archive.size)} compressed, ${bytes(r.archive.uncompressedSize)} in ${r.archive.entryCount} entries` + (r.archive.fullyRead ? "" : " (verification stopped early)"),
    `          sha256 ${r.archive.sha256}`,
    `Entries   ${[...roles].map(([role, n]) => `${n} ${role}`).join(", ") || "none"}`
  ];
  if (r.module) {
    lines.push(
      `Module    ${r.module.name || "(no name)"} ${r.module.version || "(no version)"}, packaging ${r.module.packaging ?? "(none)"}, IRIS ${r.module.irisVersion ?? "(not stated)"}`
    );
    if (r.module.updatePackage) lines.push(`          update steps in ${r.module.updatePackage}`);
  } else {
    lines.push("Module    (module.xml not read)");
  }
  lines.push(
    `IRIS.DAT  ${r.irisDat ? bytes(r.irisDat.size) : "(not found)"}`,
    `Checksum  expected ${r.checksum.expected ?? "(none)"}${r.checksum.algorithm ? ` (${r.checksum.algorithm})` : ""}`,
    `          actual   ${r.checksum.actual ?? "(not computed)"}  ${r.checksum.match ? "MATCH" : "NO MATCH"}`
  );
  if (r.dependencies.length === 0) lines.push("Deps      none");
  for (const [i, d] of r.dependencies.entries()) {
    const declared = d.declaredVersion ? `declared ${d.declaredVersion}` : "transitive";
    const packaged = d.depsFile ? `packaged ${d.packagedVersion ?? "?"} in ${d.depsFile}` : "no deps file";
    lines.push(`${i === 0 ? "Deps     " : "         "} ${d.name}: ${declared}, ${packaged}`);
  }
  const tests = r.builtWithTestResources === null ? "unknown" : r.builtWithTestResources ? "included (-dev)" : "not included";
  lines.push(`Tests     test resources ${tests}`);
  lines.push(
    ...findingLines("Errors", r.errors),
    ...findingLines("Warnings", r.warnings),
    ...findingLines("Notes", r.infos)
  );
  lines.push("", `Verified in ${r.durationMs} ms.`);
  return lines.join("\n");
}

// src/cli/commands/verify.ts
var usage5 = `Usage: ipm-db verify <archive.tgz> [--iris-version X.Y] [--name NAME] [--version VERSION] [--json]

Verifies an IPM database package (.tgz from package-database) in one streaming pass,
without extracting it: IRIS.DAT checksum, module.xml, deps/, unsafe entries, limits.

Options:
  --iris-version X.Y   IRIS major.minor the package must install on (e.g. 2026.1)
  --name NAME          module name the package must have
  --version VERSION    module version the package must have
  --json               print the report as JSON (schema: docs/verify-report.md)

Exit status: 0 valid, 1 invalid (every failing check is listed), 2 usage error or unreadable file.`;
var verifyCommand = {
  name: "verify",
  summary: "verify a database package .tgz without extracting it",
  usage: usage5,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs2({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          "iris-version": { type: "string" },
          name: { type: "string" },
          version: { type: "string" },
          json: { type: "boolean", default: false }
        }
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? "missing <archive.tgz>" : `expected one archive, got ${positionals.length}`,
        "Give the path of the .tgz that IPM package-database wrote."
      );
    }
    const irisVersion = values["iris-version"];
    if (irisVersion !== void 0 && !/^\d{4}\.\d{1,2}(\.[0-9A-Za-z.]*)?$/.test(irisVersion)) {
      throw new UsageError(
        `--iris-version "${irisVersion}" is not an IRIS version`,
        "Give major.minor, e.g. --iris-version 2026.1."
      );
    }
    for (const flag of ["name", "version"]) {
      if (values[flag] !== void 0 && values[flag].trim() === "") throw new UsageError(`--${flag} must not be empty`);
    }
    let report;
    try {
      report = await verifyArchive(resolve3(io.cwd, positionals[0]), {
        ...irisVersion !== void 0 && { expectedIrisVersion: irisVersion },
        ...values.name !== void 0 && { expectedModuleName: values.name },
        ...values.version !== void 0 && { expectedModuleVersion: values.version }
      });
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code !== "archive-unreadable") throw err;
      io.stderr.write(`ipm-db verify: ${redact(describeError(err))}
`);
      return EXIT.usage;
    }
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : `${renderReport(report)}
`);
    return report.valid ? EXIT.ok : EXIT.failed;
  }
};

// src/cli/commands/index.ts
var commands = [
  verifyCommand,
  publishCommand(verifyArchive),
  pullCommand(verifyArchive),
  inspectCommand,
  tagsCommand
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
