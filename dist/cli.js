import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IPM_LAYER_MEDIA_TYPE,
  RegistryClient,
  STAGES,
  TITLE_ANNOTATION,
  canonicalJson,
  consoleLogger,
  formatMs,
  formatReference,
  ipmAcceptanceViolations,
  parseReference,
  publishPackage,
  runPipeline,
  verifyArchive
} from "./chunks/chunk-GTZJAQFE.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  directoryCache,
  errorMessage,
  parseInstallerSpec,
  redact,
  registerSecret
} from "./chunks/chunk-C3HSPD6H.js";
import "./chunks/chunk-74HYMJ5A.js";

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

// src/workflow/iris-versions.ts
var EXPIRED_COMMUNITY_TAGS = ["2023.2", "2023.3", "2024.3", "2025.1", "2025.2"];
var DEFAULT_LATEST = 2;
var RELEASE_TAG_RE = /^(\d{4})\.(\d{1,2})$/;
var IMAGE_TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function parseVersionsRequest(raw) {
  const text = raw.trim();
  if (text === "" || text === "auto") return { kind: "auto" };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `iris-versions "${text}" is neither "auto" nor a JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new UsageError(
      `iris-versions ${text} is not a non-empty JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  const versions = [];
  for (const entry of parsed) {
    const tag = typeof entry === "number" ? String(entry) : entry;
    if (typeof tag !== "string" || !IMAGE_TAG_RE.test(tag.trim()))
      throw new UsageError(
        `iris-versions entry ${JSON.stringify(entry)} is not an image tag.`,
        'Each entry is a tag of the IRIS image, e.g. "2025.3" (quote it: 2025.10 as a number would lose its 0).'
      );
    if (!versions.includes(tag.trim())) versions.push(tag.trim());
  }
  return { kind: "list", versions };
}
function parseSkipList(raw, flavour) {
  const out = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    if (token === "none") continue;
    if (token === "default") {
      if (isCommunityFlavour(flavour)) {
        for (const t of EXPIRED_COMMUNITY_TAGS) if (!out.includes(t)) out.push(t);
      }
      continue;
    }
    if (!IMAGE_TAG_RE.test(token))
      throw new UsageError(
        `skip-versions entry "${token}" is not an image tag.`,
        'Write tags such as 2025.1, separated by commas; "default" adds the expired community tags, "none" skips nothing.'
      );
    if (!out.includes(token)) out.push(token);
  }
  return out;
}
function isCommunityFlavour(flavour) {
  return /-community(?:-arm64)?$/.test(flavour);
}
function parseLatest(raw) {
  const text = raw.trim();
  if (text === "") return DEFAULT_LATEST;
  if (!/^[1-9]\d{0,2}$/.test(text))
    throw new UsageError(
      `latest "${text}" is not a positive whole number.`,
      "Write e.g. 2 to run the two newest versions."
    );
  return Number(text);
}
function releaseKey(tag) {
  const m = RELEASE_TAG_RE.exec(tag);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
function releaseTags(tags) {
  const unique = [...new Set(tags.filter((t) => releaseKey(t) !== null))];
  return unique.sort((a, b) => {
    const [ay, an] = releaseKey(a);
    const [by, bn] = releaseKey(b);
    return by - ay || bn - an;
  });
}
function resolveAuto(tags, skip, latest) {
  const releases = releaseTags(tags);
  const skipped = releases.filter((t) => skip.includes(t));
  const usable = releases.filter((t) => !skip.includes(t));
  if (usable.length === 0)
    throw new IpmDbError(
      "iris-versions",
      releases.length === 0 ? "The registry lists no release tags (YYYY.N) for this image." : `Every release tag is in the skip list (${skipped.join(", ")}).`,
      {
        hint: "Check iris-flavour and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list."
      }
    );
  return { versions: usable.slice(0, latest), skipped, older: usable.slice(latest), warnings: [] };
}
function resolveVersions(request, tags, skip, latest) {
  if (request.kind === "list") {
    const warnings = request.versions.filter((v) => skip.includes(v)).map(
      (v) => `IRIS ${v} is in the skip list (an expired licence, for community images); it runs because iris-versions names it.`
    );
    return { versions: [...request.versions], skipped: [], older: [], warnings };
  }
  if (tags === null) throw new Error('resolveVersions: "auto" needs the registry tag list');
  return resolveAuto(tags, skip, latest);
}

// src/cli/github-output.ts
import { appendFile } from "node:fs/promises";
async function appendGithubOutput(io, lines) {
  if (!io.env.GITHUB_OUTPUT) throw new UsageError("--github-output needs the GITHUB_OUTPUT environment variable");
  await appendFile(io.env.GITHUB_OUTPUT, lines);
}

// src/cli/commands/iris-versions.ts
var DEFAULT_IMAGE_REGISTRY = "containers.intersystems.com/intersystems";
var usage2 = `Usage: ipm-db iris-versions [--versions auto|<JSON list>] [options]

Prints the IRIS versions to test on, as a JSON list (newest first). "auto" reads the image's tag
list from the registry and keeps the newest release tags (YYYY.N) that are not skipped; a JSON list
is checked and printed as given.

Options:
  --versions <auto|json>    auto (default) or e.g. '["2024.1","2025.3"]'
  --flavour <name>          image name: iris-community (default), irishealth-community, iris, ...
  --image-registry <path>   registry and path prefix (default ${DEFAULT_IMAGE_REGISTRY})
  --skip <tags>             tags "auto" leaves out, comma-separated; "default" (the default) stands for
                            the expired community licences ${EXPIRED_COMMUNITY_TAGS.join(", ")}
                            (community flavours only), "none" for nothing
  --latest <n>              how many of the newest versions "auto" keeps (default ${DEFAULT_LATEST})
  --plain-http              talk HTTP to the registry (loopback test registries)
  --github-output           also append versions=<json> to the file named by $GITHUB_OUTPUT

Credentials for licensed images (environment only):
  IPM_DB_IRIS_REGISTRY_USERNAME, IPM_DB_IRIS_REGISTRY_PASSWORD
`;
function splitImageRegistry(raw, flavour) {
  const path = raw.trim().replace(/\/+$/, "");
  const slash = path.indexOf("/");
  const registry = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? "" : path.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]*(?::\d{1,5})?$/.test(registry) || !/^[a-z0-9][a-z0-9._/-]*$|^$/.test(prefix))
    throw new UsageError(`--image-registry "${raw}" is not a registry path`, `e.g. ${DEFAULT_IMAGE_REGISTRY}`);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(flavour))
    throw new UsageError(`--flavour "${flavour}" is not an image name`, "e.g. iris-community or irishealth-community");
  return { registry, repository: prefix ? `${prefix}/${flavour}` : flavour };
}
function warn(io, message) {
  io.stderr.write(io.env.GITHUB_ACTIONS === "true" ? `::warning::${message}
` : `warning: ${message}
`);
}
var irisVersionsCommand = {
  name: "iris-versions",
  summary: "list the IRIS versions to test on (auto from the registry, minus expired licences)",
  usage: usage2,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      versions: { type: "string", default: "auto" },
      flavour: { type: "string", default: "iris-community" },
      "image-registry": { type: "string", default: DEFAULT_IMAGE_REGISTRY },
      skip: { type: "string", default: "default" },
      latest: { type: "string", default: String(DEFAULT_LATEST) },
      "plain-http": { type: "boolean" },
      "github-output": { type: "boolean" }
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const request = parseVersionsRequest(values.versions);
    const skip = parseSkipList(values.skip, values.flavour);
    const latest = parseLatest(values.latest);
    let tags = null;
    if (request.kind === "auto") {
      const { registry, repository } = splitImageRegistry(values["image-registry"], values.flavour);
      const username = io.env.IPM_DB_IRIS_REGISTRY_USERNAME ?? "";
      const password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD ?? "";
      const client = new RegistryClient({
        registry,
        plainHttp: values["plain-http"] === true,
        ...username || password ? { credentials: { username, password } } : {}
      });
      try {
        tags = await client.listTags(repository, 1e3);
      } catch (err) {
        throw new IpmDbError(
          "iris-tags",
          `Reading the tags of ${registry}/${repository} failed: ${errorMessage(err)}`,
          {
            hint: "Licensed images need the iris-registry-username and iris-registry-password secrets; or give iris-versions as a JSON list.",
            cause: err
          }
        );
      }
      io.stderr.write(`${registry}/${repository}: ${tags.length} tags
`);
    }
    const resolved = resolveVersions(request, tags, skip, latest);
    if (resolved.skipped.length) io.stderr.write(`skipped (skip list): ${resolved.skipped.join(", ")}
`);
    if (resolved.older.length) io.stderr.write(`older than the newest ${latest}: ${resolved.older.join(", ")}
`);
    for (const w of resolved.warnings) warn(io, w);
    const json = JSON.stringify(resolved.versions);
    io.stdout.write(`${json}
`);
    if (values["github-output"]) await appendGithubOutput(io, `versions=${json}
`);
    return EXIT.ok;
  }
};

// src/cli/commands/legs.ts
import { appendFile as appendFile2, mkdir, writeFile } from "node:fs/promises";
import { join as join2, resolve } from "node:path";

// src/workflow/leg-files.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// src/workflow/legs.ts
var STATUS_MARK = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
var MESSAGE_MAX = 300;
function parseReportFile(text, source) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError("leg-report", `${source} is not JSON.`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const r of list)
    if (!r || typeof r !== "object" || r.schema !== "ipm-db/run-report@1")
      throw new IpmDbError("leg-report", `${source} is not an ipm-db run report (schema ipm-db/run-report@1).`);
  return list;
}
function orderedVersions(legs, expected) {
  const out = [...expected];
  for (const leg of legs) if (!out.includes(leg.version)) out.push(leg.version);
  return out;
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > MESSAGE_MAX ? `${flat.slice(0, MESSAGE_MAX - 1)}\u2026` : flat;
  return cut.replace(/\|/g, "\\|").replace(/</g, "&lt;");
}
function formatDuration(ms) {
  if (ms < 1e3) return `${ms} ms`;
  const s = Math.round(ms / 1e3);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
function summaryTable(legs, expected) {
  const byVersion = new Map(legs.map((l) => [l.version, l]));
  const lines = [
    "## IPM database package: every IRIS version",
    "",
    `| IRIS | ${STAGES.join(" | ")} | result | time |`,
    `| --- | ${STAGES.map(() => ":-:").join(" | ")} | --- | --- |`
  ];
  const failures = [];
  let passed = 0;
  const versions = orderedVersions(legs, expected);
  for (const version of versions) {
    const reports = byVersion.get(version)?.reports ?? [];
    if (reports.length === 0) {
      lines.push(`| ${oneLine(version)} | ${STAGES.map(() => "\u2014").join(" | ")} | \u274C no report | |`);
      failures.push(
        `- **${oneLine(version)}**: the leg left no report (it was cancelled, timed out or failed before the action ran); see its job log.`
      );
      continue;
    }
    for (const r of reports) {
      const label = r.irisVersion && r.irisVersion !== version ? `${version} (${r.irisVersion})` : version;
      const cells = STAGES.map((stage) => {
        const s = r.stages.find((x) => x.stage === stage);
        return s ? STATUS_MARK[s.status] : "\u2014";
      });
      if (r.ok) passed++;
      lines.push(
        `| ${oneLine(label)} | ${cells.join(" | ")} | ${r.ok ? "\u2705 passed" : "\u274C failed"} | ${formatDuration(r.durationMs)} |`
      );
      for (const s of r.stages)
        if (s.status === "failed")
          failures.push(`- **${oneLine(label)}**, ${s.stage}: ${oneLine(s.message ?? "failed")}`);
    }
  }
  const total = versions.reduce((n, v) => n + Math.max(1, byVersion.get(v)?.reports.length ?? 0), 0);
  lines.push("", `${passed} of ${total} IRIS versions passed. \u2705 passed, \u274C failed, \u23ED\uFE0F skipped, \u2014 not reached.`);
  const module = legs.flatMap((l) => l.reports).find((r) => r.module)?.module;
  if (module) lines.push("", `Module \`${oneLine(module.name)}\` ${oneLine(module.version)}.`);
  if (failures.length) lines.push("", "### Failures", "", ...failures);
  return lines.join("\n") + "\n";
}
function publishPlan(legs, expected) {
  const problems = [];
  const items = [];
  const byVersion = new Map(legs.map((l) => [l.version, l]));
  if (expected.length === 0) problems.push("no IRIS versions were expected (empty matrix).");
  for (const version of expected) {
    const leg = byVersion.get(version);
    const report = leg?.reports[0];
    if (!leg || !report) {
      problems.push(`IRIS ${version}: no leg report was downloaded.`);
      continue;
    }
    if (leg.reports.length !== 1) {
      problems.push(`IRIS ${version}: the leg holds ${leg.reports.length} run reports; one was expected.`);
      continue;
    }
    if (!report.ok) {
      problems.push(`IRIS ${version}: the leg failed; nothing is published unless every version passed.`);
      continue;
    }
    const { archive, verification, module, irisVersion } = report;
    if (!archive || !verification || !module || !irisVersion) {
      problems.push(`IRIS ${version}: the report has no verified archive.`);
      continue;
    }
    if (!verification.valid) {
      problems.push(`IRIS ${version}: the archive did not pass verification.`);
      continue;
    }
    const file = leg.files.get(archive.fileName);
    if (!file) {
      problems.push(`IRIS ${version}: ${archive.fileName} is not in the leg's artifact.`);
      continue;
    }
    if (file.size !== archive.size) {
      problems.push(`IRIS ${version}: ${archive.fileName} is ${file.size} bytes; the report says ${archive.size}.`);
      continue;
    }
    items.push({
      version,
      archivePath: file.path,
      verification,
      tag: `${module.version.replace(/\+/g, "_")}_database__${irisVersion}`
    });
  }
  for (const extra of legs)
    if (!expected.includes(extra.version)) problems.push(`IRIS ${extra.version}: not in the matrix.`);
  const modules = new Set(
    legs.flatMap((l) => l.reports).map((r) => r.module ? `${r.module.name} ${r.module.version}` : null).filter(Boolean)
  );
  if (modules.size > 1) problems.push(`the legs built different modules or versions: ${[...modules].join(", ")}.`);
  const seen = /* @__PURE__ */ new Map();
  for (const item of items) {
    const other = seen.get(item.tag);
    if (other)
      problems.push(`IRIS ${other} and ${item.version} would both publish tag ${item.tag} (same IRIS major.minor).`);
    else seen.set(item.tag, item.version);
  }
  if (problems.length)
    throw new IpmDbError("publish-plan", `Nothing was published:
  - ${problems.join("\n  - ")}`, {
      hint: "Publishing needs every IRIS version green; fix the failing legs and re-run the workflow."
    });
  return items;
}
function publishOutputs(results) {
  return {
    "published-references": JSON.stringify(results.map((r) => r.reference)),
    digests: JSON.stringify(results.map((r) => r.digest)),
    published: JSON.stringify(
      results.map((r) => ({ reference: r.reference, tag: r.tag, digest: r.digest, unchanged: r.unchanged }))
    )
  };
}
function publishedMarkdown(results) {
  const lines = ["## Published", "", "| reference | digest | |", "| --- | --- | --- |"];
  for (const r of results)
    lines.push(
      `| \`${oneLine(r.reference)}\` | \`${oneLine(r.digest)}\` | ${r.unchanged ? "unchanged (already there)" : "pushed"} |`
    );
  if (results.length === 0) lines.push("| (nothing) | | |");
  return lines.join("\n") + "\n";
}
function parsePublishResult(text, source) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError("publish-result", `${source} is not JSON.`);
  }
  const r = parsed;
  if (!r || typeof r.reference !== "string" || typeof r.tag !== "string" || typeof r.digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(r.digest))
    throw new IpmDbError("publish-result", `${source} is not the JSON of "ipm-db publish --json".`);
  return { reference: r.reference, tag: r.tag, digest: r.digest, unchanged: r.unchanged === true };
}

// src/workflow/leg-files.ts
var LEG_REPORT_FILE = "ipm-db-report.json";
var MAX_DEPTH = 12;
async function walk(dir, depth = 0) {
  if (depth > MAX_DEPTH) return [];
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await walk(p, depth + 1));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
async function readLegs(root, prefix) {
  const entries = await readdir(root, { withFileTypes: true }).catch((err) => {
    throw new IpmDbError("leg-report", `Cannot read the leg artifacts in ${root}: ${err.message}`);
  });
  const legs = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(prefix) || e.name.length === prefix.length) continue;
    legs.push(await readLeg(join(root, e.name), e.name.slice(prefix.length)));
  }
  if (legs.length === 0) {
    const single = await readLeg(root, "");
    const image = single.reports[0]?.image;
    if (image) legs.push({ ...single, version: imageTag(image) ?? single.reports[0]?.irisVersion ?? image });
  }
  return legs.sort((a, b) => a.version.localeCompare(b.version));
}
function imageTag(image) {
  return /:([A-Za-z0-9_][A-Za-z0-9._-]*)(?:@sha256:[0-9a-f]{64})?$/.exec(image)?.[1] ?? null;
}
async function readLeg(dir, version) {
  const reports = [];
  const archives = /* @__PURE__ */ new Map();
  for (const f of await walk(dir)) {
    const name = f.slice(f.lastIndexOf("/") + 1);
    if (name === LEG_REPORT_FILE) reports.push(...parseReportFile(await readFile(f, "utf8"), f));
    else if (name.endsWith(".tgz")) archives.set(name, { path: f, size: (await stat(f)).size });
  }
  const unique = [...new Map(reports.map((r) => [`${r.image} ${r.startedAt}`, r])).values()];
  return { version, reports: unique, files: archives };
}
async function readPublishResults(dir) {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".json")).sort();
  const out = [];
  for (const n of names) out.push(parsePublishResult(await readFile(join(dir, n), "utf8"), join(dir, n)));
  return out;
}

// src/cli/commands/legs.ts
var usage3 = `Usage: ipm-db legs <summary|publish-plan|publish-outputs> <dir> [options]

What the reusable workflow does with its matrix legs' artifacts (one folder per leg, named
<prefix><IRIS version>, each holding the action's ipm-db-report.json and archive):

  summary <dir> --prefix <p> [--expected <json>]
      prints one Markdown table, IRIS version x stage, and every failure
  publish-plan <dir> --prefix <p> --expected <json> --out <dir>
      checks that every expected leg passed with a verified archive, writes each leg's
      verification report to <out>, prints "<archive>\\t<verification report>" lines
  publish-outputs <dir> [--github-output] [--summary]
      reads the "ipm-db publish --json" results in <dir> and prints the workflow outputs
      published-references, digests and published (name=JSON lines); --summary adds a table
      of them to $GITHUB_STEP_SUMMARY
`;
function parseExpected(raw) {
  if (raw === void 0 || raw.trim() === "") return [];
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(`--expected ${raw} is not JSON`, 'Give the matrix versions, e.g. ["2025.3","2026.1"].');
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string"))
    throw new UsageError(`--expected ${raw} is not a JSON list of strings`);
  return parsed;
}
var legsCommand = {
  name: "legs",
  summary: "summarise or plan publishing of the reusable workflow's matrix legs",
  usage: usage3,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      prefix: { type: "string" },
      expected: { type: "string" },
      out: { type: "string" },
      "github-output": { type: "boolean" },
      summary: { type: "boolean" }
    });
    const [action, dirArg] = positionals;
    if (positionals.length !== 2 || !dirArg) throw new UsageError("give an action and one directory");
    const dir = resolve(io.cwd, dirArg);
    const expected = parseExpected(values.expected);
    if (action === "summary" || action === "publish-plan") {
      if (!values.prefix) throw new UsageError("--prefix is required", "e.g. --prefix ipm-db-leg-");
      const legs = await readLegs(dir, values.prefix);
      if (action === "summary") {
        io.stdout.write(summaryTable(legs, expected));
        return EXIT.ok;
      }
      if (!values.out) throw new UsageError("--out is required for publish-plan");
      if (expected.length === 0) throw new UsageError("--expected is required for publish-plan");
      const out = resolve(io.cwd, values.out);
      await mkdir(out, { recursive: true });
      const plan = publishPlan(legs, expected);
      for (const [i, item] of plan.entries()) {
        const reportPath = join2(out, `${i}-${item.version.replace(/[^A-Za-z0-9._-]/g, "_")}.verify.json`);
        await writeFile(reportPath, JSON.stringify(item.verification, null, 2) + "\n");
        io.stdout.write(`${item.archivePath}	${reportPath}
`);
      }
      return EXIT.ok;
    }
    if (action === "publish-outputs") {
      const results = await readPublishResults(dir);
      const outputs = publishOutputs(results);
      const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}
`).join("");
      io.stdout.write(lines);
      if (values["github-output"]) await appendGithubOutput(io, lines);
      if (values.summary) {
        if (!io.env.GITHUB_STEP_SUMMARY)
          throw new UsageError("--summary needs the GITHUB_STEP_SUMMARY environment variable");
        await appendFile2(io.env.GITHUB_STEP_SUMMARY, publishedMarkdown(results));
      }
      return EXIT.ok;
    }
    throw new UsageError(`unknown action "${action}"`, "use summary, publish-plan or publish-outputs");
  }
};

// src/cli/commands/publish.ts
import { readFile as readFile2 } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
var usage4 = `Usage: ipm-db publish <archive.tgz> --registry <host[:port]> --namespace <owner> [options]

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
    usage: usage4,
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
      const archivePath = resolve2(io.cwd, positionals[0]);
      let report;
      if (values.report) {
        const text = await readFile2(resolve2(io.cwd, values.report), "utf8").catch((err) => {
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
import { resolve as resolve3 } from "node:path";

// src/oci/pull.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { basename, join as join3 } from "node:path";
function safeFileName(title, fallback) {
  const name = title === void 0 ? "" : basename(title.replace(/\\/g, "/"));
  return name && name !== "." && name !== ".." && /^[\w.+-]+$/.test(name) ? name : fallback;
}
async function pullPackage(client, ref, dir) {
  const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
  if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
  const manifest = JSON.parse(fetched.bytes.toString("utf8"));
  const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) {
    throw new IpmDbError("not-an-ipm-package", `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
      hint: 'Check it with "ipm-db inspect".'
    });
  }
  await mkdir2(dir, { recursive: true });
  const fallback = `${ref.repository.split("/").pop() ?? "package"}-${ref.tag ?? "package"}.tgz`;
  const file = join3(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
  await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
  return {
    reference: formatReference(ref),
    manifestDigest: fetched.digest,
    file,
    size: layer.size,
    layerDigest: layer.digest
  };
}

// src/cli/commands/pull.ts
var usage5 = `Usage: ipm-db pull <registry>/<namespace>/<module>:<tag> [-o <dir>] [--plain-http] [--json]

Downloads the package layer into <dir> (default: the current directory) under its title,
checking its size and sha256 against the manifest before the file appears, then verifies the
archive (exit 1 when it does not pass).

${REGISTRY_ENV_HELP}
`;
function pullCommand(verify) {
  return {
    name: "pull",
    summary: "download a published package and check its digest",
    usage: usage5,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        output: { type: "string", short: "o" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <reference>");
      const ref = parseReference(positionals[0], { requireTagOrDigest: true });
      const client = registryClient(ref.registry, io, values);
      const pulled = await pullPackage(client, ref, resolve3(io.cwd, values.output ?? "."));
      const { file } = pulled;
      const verification = verify ? await verify(file) : null;
      const result = { ...pulled, verification };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(
          `pulled ${result.reference} -> ${file} (${pulled.size} bytes, ${pulled.layerDigest} checked)
`
        );
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

// src/cli/commands/run.ts
import { mkdir as mkdir3, writeFile as writeFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join4, resolve as resolve4 } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
var USAGE = `Usage: ipm-db run --module <dir> --image <image> [options]

Starts IRIS in Docker, installs IPM, loads and compiles the module, packages it with
package-database, verifies the archive, installs it into a fresh namespace and (with
--tests) runs the module's tests. Prints each stage and its time.

Options:
  --module <dir>         directory holding the module's module.xml (required)
  --image <image>        IRIS image, e.g. containers.intersystems.com/intersystems/iris-community:2025.1 (required)
  --ipm <path|version>   IPM installer XML to load, or an IPM release version (needs --ipm-sha256)
  --ipm-sha256 <hex>     pinned SHA-256 of the installer
  --out <dir>            where the .tgz, JUnit XML and run-report.json go (default: ./ipm-db-out)
  --dev                  load and package with -dev (packages test resources)
  --tests                run the module's tests (test -only) where it was loaded from source
  --network <name>       docker network for the IRIS container (default: host)
  --docker-arg <arg>     extra docker run argument (repeatable)
  --login <registry>     docker login to this registry first (private images); with --login-user,
                         password from the IPM_DB_REGISTRY_PASSWORD environment variable (sent on stdin)
  --login-user <name>    user name for --login
  --ensemble             interoperability-enable the namespaces created
  --ready-timeout <s>    seconds to wait for IRIS to start (default: 300)
  --keep                 keep the container afterwards (for debugging)
  --verbose              IPM -v on every command, and debug output
  --json                 print the run report as JSON on stdout
`;
var runCommand = {
  name: "run",
  summary: "build, verify and install-test a database package in an IRIS container",
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs2({
        args: argv,
        options: {
          module: { type: "string" },
          image: { type: "string" },
          ipm: { type: "string" },
          "ipm-sha256": { type: "string" },
          out: { type: "string" },
          dev: { type: "boolean" },
          tests: { type: "boolean" },
          network: { type: "string" },
          "docker-arg": { type: "string", multiple: true },
          login: { type: "string" },
          "login-user": { type: "string" },
          ensemble: { type: "boolean" },
          "ready-timeout": { type: "string" },
          keep: { type: "boolean" },
          verbose: { type: "boolean" },
          json: { type: "boolean" }
        },
        allowPositionals: false,
        strict: true
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const v = parsed.values;
    if (!v.module) throw new UsageError("--module <dir> is required.");
    if (!v.image) throw new UsageError("--image <image> is required.");
    if (v["ipm-sha256"] && !v.ipm) throw new UsageError("--ipm-sha256 needs --ipm.");
    let login;
    if (v.login || v["login-user"]) {
      const password = io.env.IPM_DB_REGISTRY_PASSWORD;
      if (!v.login || !v["login-user"]) throw new UsageError("--login and --login-user go together.");
      if (!password)
        throw new UsageError("--login needs the password in the IPM_DB_REGISTRY_PASSWORD environment variable.");
      login = { registry: v.login, username: v["login-user"], password };
    }
    let readyMs;
    if (v["ready-timeout"] !== void 0) {
      const s = Number(v["ready-timeout"]);
      if (!Number.isFinite(s) || s <= 0)
        throw new UsageError(`--ready-timeout must be a number of seconds, got "${v["ready-timeout"]}".`);
      readyMs = s * 1e3;
    }
    const outDir = resolve4(io.cwd, v.out ?? "ipm-db-out");
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : null;
    const logger = consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr });
    await mkdir3(outDir, { recursive: true });
    const report = await runPipeline({
      image: v.image,
      moduleDir: resolve4(io.cwd, v.module),
      outDir,
      installer,
      installerCache: directoryCache(join4(io.env.XDG_CACHE_HOME ?? join4(homedir(), ".cache"), "ipm-db", "installers")),
      dev: v.dev ?? false,
      runTests: v.tests ?? false,
      keepContainer: v.keep ?? false,
      ...v.network ? { network: v.network } : {},
      ...v["docker-arg"] ? { extraDockerArgs: v["docker-arg"] } : {},
      enableEnsemble: v.ensemble ?? false,
      ...login ? { login } : {},
      verbose: v.verbose ?? false,
      ...readyMs ? { timeouts: { readyMs } } : {},
      ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
      logger,
      verifyArchive
    });
    const reportPath = join4(outDir, "run-report.json");
    await writeFile2(reportPath, JSON.stringify(report, null, 2) + "\n");
    if (v.json) io.stdout.write(JSON.stringify(report, null, 2) + "\n");
    else io.stdout.write(summary(report, reportPath));
    return report.ok ? EXIT.ok : EXIT.failed;
  }
};
function summary(report, reportPath) {
  const lines = [`${report.ok ? "PASSED" : "FAILED"}  ${report.image}  (${formatMs(report.durationMs)})`];
  for (const s of report.stages)
    lines.push(
      `  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${formatMs(s.durationMs).padStart(8)}  ${s.message ?? ""}`
    );
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join("\n") + "\n";
}

// src/cli/commands/tags.ts
var usage6 = `Usage: ipm-db tags <registry>/<namespace>/<module> [--plain-http] [--json]

Lists every tag of a repository (all pages), sorted.

${REGISTRY_ENV_HELP}
`;
var tagsCommand = {
  name: "tags",
  summary: "list the tags of a package repository",
  usage: usage6,
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
import { parseArgs as parseArgs3 } from "node:util";
import { resolve as resolve5 } from "node:path";

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
var usage7 = `Usage: ipm-db verify <archive.tgz> [--iris-version X.Y] [--name NAME] [--version VERSION] [--json]

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
  usage: usage7,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs3({
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
      report = await verifyArchive(resolve5(io.cwd, positionals[0]), {
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
  runCommand,
  verifyCommand,
  publishCommand(verifyArchive),
  pullCommand(verifyArchive),
  inspectCommand,
  tagsCommand,
  irisVersionsCommand,
  legsCommand
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
