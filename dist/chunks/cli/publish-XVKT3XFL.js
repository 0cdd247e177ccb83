import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  findOnPath,
  runCommand,
  sha256OfFile
} from "./chunk-UPQPADT4.js";
import {
  withBooleanValues,
  withCurrentFlagNames
} from "./chunk-YN7H3ASS.js";
import {
  formatDuration
} from "./chunk-G7AT5NQ2.js";
import {
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  buildIpmManifest,
  canonicalJson,
  checkModuleVersion,
  ipmAcceptanceViolations,
  serializeManifest
} from "./chunk-NH5HS6UC.js";
import {
  ipmDatabaseTag,
  ipmRepositoryPath
} from "./chunk-ULIA56ZP.js";
import {
  IPM_CONFIG_MEDIA_TYPE,
  IPM_LAYER_MEDIA_TYPE,
  REGISTRY_ENV_HELP,
  RegistryClient,
  TITLE_ANNOTATION,
  cliLogger,
  cliRegistryAccess,
  parseCommandArgs,
  printJson,
  registryAccess,
  registryFlags,
  silentLogger
} from "./chunk-4W7SJPR4.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT,
  redact
} from "./chunk-KHG3NGCP.js";
import {
  DIGEST_SOURCE
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError,
  errorMessage
} from "./chunk-PS7E4X32.js";

// src/cli/commands/publish.ts
import { readFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// src/oci/publish.ts
import { stat } from "node:fs/promises";

// src/oci/oras-cli.ts
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
async function pushWithOras(opts) {
  const timeoutMs = opts.timeoutMs ?? 60 * 6e4;
  const oras = opts.orasPath ?? findOnPath("oras");
  if (!oras) {
    throw new IpmDbError("oras-missing", "no oras binary on PATH", {
      hint: "Install the ORAS CLI (https://oras.land) or publish with the built-in client (omit --client oras)."
    });
  }
  const layer = opts.manifest.layers[0];
  const title = layer?.annotations?.[TITLE_ANNOTATION];
  if (!title) throw new IpmDbError("oras-push", "the manifest has no titled layer");
  const dir = await mkdtemp(join(tmpdir(), "ipm-db-oras-"));
  try {
    await symlink(resolve(opts.archivePath), join(dir, title));
    const annotationFile = join(dir, "annotations.json");
    await writeFile(annotationFile, JSON.stringify({ $manifest: opts.manifest.annotations ?? {} }));
    const args = [
      "push",
      "--image-spec",
      "v1.0",
      "--annotation-file",
      annotationFile,
      "--config",
      `${join(dir, "config.json")}:${IPM_CONFIG_MEDIA_TYPE}`
    ];
    await writeFile(join(dir, "config.json"), "{}");
    if (opts.plainHttp) args.push("--plain-http");
    if (opts.credentials) args.push("--username", opts.credentials.username, "--password-stdin");
    args.push(opts.reference, `${title}:${IPM_LAYER_MEDIA_TYPE}`);
    const run = await runCommand(oras, args, {
      cwd: dir,
      timeoutMs,
      ...opts.credentials ? { input: opts.credentials.password } : {}
    });
    if (run.exitCode !== 0) {
      const why = run.timedOut ? `did not finish within ${formatDuration(timeoutMs)}` : `failed (exit ${run.exitCode})`;
      throw new IpmDbError("oras-push", `oras push ${opts.reference} ${why}`, {
        details: redact(run.stderr.trim())
      });
    }
    const digest = new RegExp(`Digest:\\s*(${DIGEST_SOURCE})`).exec(run.stdout)?.[1];
    if (!digest)
      throw new IpmDbError("oras-push", "oras push printed no manifest digest", { details: redact(run.stdout) });
    return digest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/oci/round-trip.ts
function roundTripDifferences(actual, expected) {
  const out = [];
  const a = actual.layers?.[0];
  const e = expected.layers[0];
  if (a?.digest !== e?.digest || a?.size !== e?.size)
    out.push(`layer is ${a?.digest ?? "missing"} (${a?.size ?? "?"} bytes), expected ${e?.digest} (${e?.size} bytes)`);
  const got = actual.annotations ?? {};
  const want = expected.annotations ?? {};
  for (const key of /* @__PURE__ */ new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (got[key] !== want[key]) out.push(`annotation ${key} differs`);
  }
  return out;
}
function layerReportProblems(report, manifest) {
  const out = [];
  const layer = manifest.layers?.[0];
  const annotations = manifest.annotations ?? {};
  if (!report.valid) out.push(`the layer does not pass verification (${report.errors.length} error(s))`);
  if (layer && `sha256:${report.archive.sha256}` !== layer.digest)
    out.push(`the verifier read bytes with sha256 ${report.archive.sha256}, not ${layer.digest}`);
  const module = report.module;
  if (module?.name !== annotations[TITLE_ANNOTATION]) out.push(`the layer holds module ${module?.name ?? "none"}`);
  if (module?.version !== annotations["org.opencontainers.image.version"])
    out.push(`the layer holds version ${module?.version ?? "none"}`);
  if (module?.irisVersion !== annotations["com.intersystems.ipm.platformVersion"])
    out.push(`the layer is built for IRIS ${module?.irisVersion ?? "none"}`);
  return out;
}
function failed(reference, problems, cause) {
  return new IpmDbError("round-trip", `reading ${reference} back from the registry failed: ${problems.join("; ")}`, {
    hint: "The tag now points at this digest, but the registry does not give back what was verified: do not install it; check the registry (or a proxy in front of it) and publish again with --force.",
    ...cause !== void 0 ? { cause } : {}
  });
}
async function verifyRoundTrip(client, r) {
  const reference = `${client.registry}/${r.repository}@${r.digest}`;
  let fetched;
  try {
    fetched = await client.getManifest(r.repository, r.digest);
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  if (!fetched) throw failed(reference, ["the registry has no manifest with this digest"]);
  let manifest;
  try {
    manifest = JSON.parse(fetched.bytes.toString("utf8"));
  } catch {
    manifest = null;
  }
  const violations = ipmAcceptanceViolations(manifest, r.tag).filter((v) => !r.waivedRules?.includes(v.rule));
  if (violations.length > 0)
    throw failed(
      reference,
      violations.map((v) => `[${v.rule}] ${v.message}`)
    );
  const m = manifest;
  const differences = roundTripDifferences(m, r.expected);
  if (differences.length > 0) throw failed(reference, differences);
  const layer = m.layers?.find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) throw failed(reference, ["no IPM layer"]);
  if (!r.readLayer) {
    const size = await client.blobSize(r.repository, layer.digest);
    if (size !== layer.size)
      throw failed(reference, [`the layer blob is ${size === void 0 ? "missing" : `${size} bytes`}`]);
    return { status: "verified", digest: fetched.digest, layerRead: false };
  }
  let report;
  try {
    const title = layer.annotations?.[TITLE_ANNOTATION] ?? "package.tgz";
    report = await client.readBlob(r.repository, layer.digest, layer.size, (chunks) => r.verifyStream(chunks, title));
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  const problems = layerReportProblems(report, m);
  if (problems.length > 0) throw failed(reference, problems);
  return { status: "verified", digest: fetched.digest, layerRead: true };
}

// src/oci/publish.ts
function notVerified(message, hint) {
  return new IpmDbError("not-verified", message, { hint });
}
function packageFacts(report, opts) {
  if (!report.valid) {
    const first = report.errors[0];
    throw notVerified(
      `the archive did not pass verification (${report.errors.length} error(s)${first ? `, first: ${first.message}` : ""})`,
      'Fix the package and verify it again with "ipm-db verify"; only a valid archive is published.'
    );
  }
  const module = report.module;
  if (!module) throw notVerified("the verification report names no module", "Verify the archive again.");
  if (module.packaging !== "database") {
    throw notVerified(
      `module ${module.name} is not a database package (Packaging is "${module.packaging ?? ""}")`,
      "Build it with IPM's package-database."
    );
  }
  if (!module.irisVersion) {
    throw notVerified(
      `module ${module.name} names no IRIS version (SystemRequirements/@Version)`,
      "IPM needs it to build the tag; package it with IPM's package-database."
    );
  }
  checkModuleVersion(module.version, opts.allowPrerelease);
  const facts = {
    moduleName: module.name,
    version: module.version,
    irisVersion: module.irisVersion,
    description: module.description,
    moduleXml: module.manifestXml,
    created: opts.created,
    layer: { digest: `sha256:${report.archive.sha256}`, size: report.archive.size }
  };
  if (opts.source) facts.source = opts.source;
  return facts;
}
function parseManifest(bytes) {
  try {
    const parsed = JSON.parse(bytes.toString("utf8"));
    return parsed !== null && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function manifestDifferences(existing, next) {
  if (!existing) return "the existing manifest is not JSON";
  const out = [];
  const layer = existing.layers?.[0]?.digest;
  if (layer !== next.layers[0]?.digest) out.push(`layer ${layer ?? "missing"} there, ${next.layers[0]?.digest} here`);
  const a = existing.annotations ?? {};
  const b = next.annotations ?? {};
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => k !== "org.opencontainers.image.created" && a[k] !== b[k]
  );
  if (keys.length > 0) out.push(`annotations differ: ${keys.sort().join(", ")}`);
  if (out.length === 0) out.push("manifest structure differs");
  return out.join("; ");
}
async function publishPackage(opts) {
  const logger = opts.logger ?? silentLogger;
  const { access } = opts;
  const registry = access.host;
  const report = opts.report ?? await opts.verifier.file(opts.archivePath);
  const facts = packageFacts(report, {
    allowPrerelease: opts.allowPrerelease ?? false,
    created: opts.created ?? (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...opts.source ? { source: opts.source } : {}
  });
  const repository = ipmRepositoryPath(access.namespace, facts.moduleName);
  const tag = ipmDatabaseTag(facts.version, facts.irisVersion);
  const reference = `${registry}/${repository}:${tag}`;
  const size = (await stat(opts.archivePath)).size;
  if (size !== report.archive.size) {
    throw notVerified(
      `${opts.archivePath} is ${size} bytes, ${report.archive.size} when it was verified`,
      "The file changed after verification: verify it again."
    );
  }
  let manifest = buildIpmManifest(facts);
  const serialized = serializeManifest(manifest);
  const result = (digest2, unchanged, bytesUploaded, uploaded, roundTrip2) => ({
    reference,
    tag,
    digest: digest2,
    unchanged,
    roundTrip: roundTrip2,
    registry,
    repository,
    dryRun: roundTrip2 === null,
    bytesUploaded,
    layer: { ...facts.layer, uploaded },
    manifest
  });
  if (opts.dryRun) {
    if (await sha256OfFile(opts.archivePath) !== report.archive.sha256) {
      throw notVerified(`${opts.archivePath} changed since it was verified (sha256 differs)`, "Verify it again.");
    }
    logger.info(`dry run: would publish ${reference} (manifest ${serialized.digest}); nothing was sent`);
    return result(serialized.digest, false, 0, false, null);
  }
  const client = new RegistryClient(access, { logger, ...opts.clientOptions });
  const roundTrip = async (digest2, readLayer) => {
    const proof = await verifyRoundTrip(client, {
      repository,
      tag,
      digest: digest2,
      expected: manifest,
      readLayer,
      verifyStream: opts.verifier.stream,
      waivedRules: opts.allowPrerelease ? ["version"] : []
    });
    logger.info(
      `round-trip: verified ${reference}@${proof.digest}${readLayer ? "" : " (layer unchanged, not read again)"}`
    );
    return proof;
  };
  const existing = await client.getManifest(repository, tag, "pull,push");
  if (existing) {
    const existingManifest = parseManifest(existing.bytes);
    const existingCreated = existingManifest?.annotations?.["org.opencontainers.image.created"];
    if (existingCreated !== void 0) {
      const same = buildIpmManifest({ ...facts, created: existingCreated });
      if (serializeManifest(same).digest === existing.digest) {
        manifest = same;
        logger.info(`${reference} already holds this package (${existing.digest}); nothing to upload`);
        return result(existing.digest, true, 0, false, await roundTrip(existing.digest, false));
      }
    }
    if (!opts.force) {
      const differences = manifestDifferences(existingManifest, manifest);
      throw new IpmDbError(
        "tag-exists",
        `${reference} already exists with different content (${existing.digest}): ${differences}`,
        {
          hint: "Released versions are immutable: bump the module version, or set overwrite-tags (--overwrite-tags) to overwrite the tag."
        }
      );
    }
    logger.warn(`${reference} exists with different content (${existing.digest}); overwriting it (--force)`);
  }
  if (opts.client === "oras") {
    const credentials = access.credentialsFor(registry);
    const digest2 = await pushWithOras({
      archivePath: opts.archivePath,
      reference,
      manifest,
      plainHttp: access.plainHttp,
      ...credentials ? { credentials } : {}
    });
    return result(digest2, false, facts.layer.size, true, await roundTrip(digest2, true));
  }
  await client.uploadBlobBytes(repository, EMPTY_CONFIG_DIGEST, EMPTY_CONFIG);
  let upload;
  try {
    upload = await client.uploadBlobFromFile(repository, opts.archivePath, facts.layer.digest, facts.layer.size);
  } catch (err) {
    if (await sha256OfFile(opts.archivePath) !== report.archive.sha256) {
      throw notVerified(
        `${opts.archivePath} changed since it was verified (sha256 differs)`,
        "Verify it again; nothing was tagged."
      );
    }
    throw err;
  }
  if (upload.sha256 !== null && upload.sha256 !== report.archive.sha256) {
    throw notVerified(
      `the bytes uploaded from ${opts.archivePath} are not the ones verified`,
      "Verify it again; nothing was tagged."
    );
  }
  logger.info(
    upload.skipped ? `layer ${facts.layer.digest} already in ${repository}` : `uploaded ${upload.bytesSent} bytes of ${facts.layer.digest}`
  );
  const digest = await client.putManifest(repository, tag, serialized.bytes);
  if (digest !== serialized.digest) {
    throw new IpmDbError(
      "registry-manifest",
      `the registry stored ${reference} as ${digest}, expected ${serialized.digest}`
    );
  }
  return result(digest, false, upload.bytesSent, !upload.skipped, await roundTrip(digest, true));
}

// src/cli/commands/publish.ts
var usage = `Usage: ipm-db publish <archive.tgz> --registry <host[:port]> --registry-namespace <owner> [options]

Publishes a verified database package in the OCI form IPM installs from:
(only an archive that passes verification, unchanged since, is published)
<registry>/<registry-namespace>/<module lower-case>:<version>_database__<IRIS major.minor>.

Options:
  --registry <host[:port]>  registry, e.g. ghcr.io
  --registry-namespace <owner>
                            owner path, e.g. your GitHub organisation (lower case)
  --source-url <url>        repository URL (org.opencontainers.image.source; links a GHCR package)
  --report <file>           the JSON of "ipm-db verify --json" for this archive
                            (without it, the archive is verified now)
  --overwrite-tags          overwrite an existing tag that holds different content
  --dry-run                 compute and print everything; send nothing
  --plain-http              talk HTTP, not HTTPS (local registries)
  --allow-prerelease        allow versions other than plain X.Y.Z (IPM cannot install them)
  --client <native|oras>    push through the oras CLI instead of the built-in client
  --json                    print the result as JSON
  -v, --verbose             log each registry step

${REGISTRY_ENV_HELP}

Former flag names, still accepted with a warning: --namespace (--registry-namespace), --source
(--source-url), --force (--overwrite-tags).
`;
var RENAMES = { namespace: "registry-namespace", source: "source-url", force: "overwrite-tags" };
var BOOLEAN_FLAGS = ["overwrite-tags", "dry-run", "allow-prerelease", "plain-http", "json", "verbose"];
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
  if (result.roundTrip)
    write(
      `  round-trip: verified ${result.roundTrip.digest}${result.roundTrip.layerRead ? "" : " (manifest re-checked, layer unchanged)"}
`
    );
  if (result.dryRun) write(`  manifest         ${canonicalJson(result.manifest)}
`);
}
function publishCommand(verifier) {
  return {
    name: "publish",
    summary: "publish a verified database package to an OCI registry (GHCR) for IPM",
    usage,
    async run(argv, io) {
      const args = withBooleanValues(withCurrentFlagNames(argv, RENAMES, io), BOOLEAN_FLAGS);
      const { values, positionals } = parseCommandArgs(args, {
        ...registryFlags,
        registry: { type: "string" },
        "registry-namespace": { type: "string" },
        "source-url": { type: "string" },
        report: { type: "string" },
        "overwrite-tags": { type: "boolean" },
        "dry-run": { type: "boolean" },
        "allow-prerelease": { type: "boolean" },
        client: { type: "string" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <archive.tgz>");
      if (!values.registry) throw new UsageError("--registry is required", "e.g. --registry ghcr.io");
      if (!values["registry-namespace"])
        throw new UsageError("--registry-namespace is required", "e.g. --registry-namespace my-org");
      if (values.client !== void 0 && values.client !== "native" && values.client !== "oras") {
        throw new UsageError(`--client must be "native" or "oras", not "${values.client}"`);
      }
      const archivePath = resolve2(io.cwd, positionals[0]);
      let report;
      if (values.report) {
        const text = await readFile(resolve2(io.cwd, values.report), "utf8").catch((err) => {
          throw new UsageError(`cannot read --report ${values.report}: ${err.message}`);
        });
        try {
          report = JSON.parse(text);
        } catch {
          throw new UsageError(`--report ${values.report} is not JSON`, 'Give the output of "ipm-db verify --json".');
        }
      }
      const where = { plainHttp: values["plain-http"] === true, namespace: values["registry-namespace"] };
      const access = values["dry-run"] ? registryAccess({ host: values.registry, ...where }) : cliRegistryAccess(io, values.registry, where);
      const result = await publishPackage({
        archivePath,
        ...report ? { report } : {},
        verifier,
        access,
        ...values["source-url"] ? { source: values["source-url"] } : {},
        force: values["overwrite-tags"] === true,
        dryRun: values["dry-run"] === true,
        allowPrerelease: values["allow-prerelease"] === true,
        client: values.client === "oras" ? "oras" : "native",
        logger: cliLogger(io, values.verbose === true)
      });
      if (values.json) printJson(io, result);
      else printResult(result, (s) => io.stdout.write(s));
      return EXIT.ok;
    }
  };
}
export {
  publishCommand
};
