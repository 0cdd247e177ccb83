import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  IPM_LAYER_MEDIA_TYPE,
  RegistryClient,
  TITLE_ANNOTATION,
  buildIpmManifest,
  checkModuleVersion,
  ipmAcceptanceViolations,
  serializeManifest,
  silentLogger
} from "./chunk-NC66LQRX.js";
import {
  redact
} from "./chunk-TIJDGYO2.js";
import {
  DIGEST_SOURCE,
  ipmDatabaseTag,
  ipmRepositoryPath,
  validateRegistryHost
} from "./chunk-JM3CD6EF.js";
import {
  IpmDbError
} from "./chunk-7JDKL6H4.js";

// src/oci/publish.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

// src/oci/oras-cli.ts
import { spawn } from "node:child_process";
import { access, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
async function findOras(env = process.env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "oras");
    try {
      await access(candidate, 1);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function runTool(command, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => stdout += d.toString());
    child.stderr.on("data", (d) => stderr += d.toString());
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}
async function pushWithOras(opts) {
  const oras = opts.orasPath ?? await findOras();
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
      `${join(dir, "config.json")}:application/vnd.unknown.config.v1+json`
    ];
    await writeFile(join(dir, "config.json"), "{}");
    if (opts.plainHttp) args.push("--plain-http");
    if (opts.credentials) args.push("--username", opts.credentials.username, "--password-stdin");
    args.push(opts.reference, `${title}:${IPM_LAYER_MEDIA_TYPE}`);
    const run = await runTool(oras, args, {
      cwd: dir,
      ...opts.credentials ? { stdin: opts.credentials.password } : {}
    });
    if (run.code !== 0) {
      throw new IpmDbError("oras-push", `oras push ${opts.reference} failed (exit ${run.code})`, {
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

// src/oci/publish.ts
async function sha256OfFile(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest("hex");
}
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
  const registry = validateRegistryHost(opts.registry);
  let report = opts.report;
  if (!report) {
    if (!opts.verify)
      throw notVerified(
        "publish was given neither a verification report nor a verifier",
        'Pass the report of "ipm-db verify".'
      );
    report = await opts.verify(opts.archivePath);
  }
  const facts = packageFacts(report, {
    allowPrerelease: opts.allowPrerelease ?? false,
    created: opts.created ?? (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...opts.source ? { source: opts.source } : {}
  });
  const repository = ipmRepositoryPath(opts.namespace, facts.moduleName);
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
  const result = (digest2, unchanged, bytesUploaded, uploaded, dryRun = false) => ({
    reference,
    tag,
    digest: digest2,
    unchanged,
    registry,
    repository,
    dryRun,
    bytesUploaded,
    layer: { ...facts.layer, uploaded },
    manifest
  });
  if (opts.dryRun) {
    if (await sha256OfFile(opts.archivePath) !== report.archive.sha256) {
      throw notVerified(`${opts.archivePath} changed since it was verified (sha256 differs)`, "Verify it again.");
    }
    logger.info(`dry run: would publish ${reference} (manifest ${serialized.digest}); nothing was sent`);
    return result(serialized.digest, false, 0, false, true);
  }
  const client = new RegistryClient({
    registry,
    plainHttp: opts.plainHttp ?? false,
    logger,
    ...opts.credentials ? { credentials: opts.credentials } : {},
    ...opts.retry ? { retry: opts.retry } : {},
    ...opts.monolithicLimit !== void 0 ? { monolithicLimit: opts.monolithicLimit } : {},
    ...opts.chunkSize !== void 0 ? { chunkSize: opts.chunkSize } : {},
    ...opts.idleTimeoutMs !== void 0 ? { idleTimeoutMs: opts.idleTimeoutMs } : {}
  });
  const existing = await client.getManifest(repository, tag, "pull,push");
  if (existing) {
    const existingManifest = parseManifest(existing.bytes);
    const existingCreated = existingManifest?.annotations?.["org.opencontainers.image.created"];
    if (existingCreated !== void 0) {
      const same = buildIpmManifest({ ...facts, created: existingCreated });
      if (serializeManifest(same).digest === existing.digest) {
        manifest = same;
        logger.info(`${reference} already holds this package (${existing.digest}); nothing to upload`);
        return result(existing.digest, true, 0, false);
      }
    }
    if (!opts.force) {
      const differences = manifestDifferences(existingManifest, manifest);
      throw new IpmDbError(
        "tag-exists",
        `${reference} already exists with different content (${existing.digest}): ${differences}`,
        {
          hint: "Released versions are immutable: bump the module version, or pass --force to overwrite the tag."
        }
      );
    }
    logger.warn(`${reference} exists with different content (${existing.digest}); overwriting it (--force)`);
  }
  if (opts.client === "oras") {
    const digest2 = await pushWithOras({
      archivePath: opts.archivePath,
      reference,
      manifest,
      plainHttp: opts.plainHttp ?? false,
      ...opts.credentials ? { credentials: opts.credentials } : {}
    });
    const pushed = await client.getManifest(repository, tag);
    const violations = pushed ? ipmAcceptanceViolations(JSON.parse(pushed.bytes.toString("utf8")), tag) : [];
    if (!pushed || violations.length > 0) {
      throw new IpmDbError("oras-push", `oras pushed ${reference} in a form IPM would not accept`, {
        details: violations.map((v) => `${v.rule}: ${v.message}`).join("\n")
      });
    }
    return result(digest2, false, facts.layer.size, true);
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
  return result(digest, false, upload.bytesSent, !upload.skipped);
}

export {
  publishPackage
};
