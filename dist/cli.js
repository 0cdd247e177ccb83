import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  STAGES
} from "./chunks/chunk-XUGW6E7R.js";
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

// src/cli/commands/iris-versions.ts
import { appendFile } from "node:fs/promises";
import { parseArgs } from "node:util";

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
    throw new UsageError(
      releases.length === 0 ? "the registry lists no release tags (YYYY.N) for this image." : `every release tag is in the skip list (${skipped.join(", ")}).`,
      "Check iris-flavour and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list."
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

// src/workflow/registry-tags.ts
function parseChallenge(header) {
  if (!header) return null;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const params = {};
  for (const p of (m[2] ?? "").matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g))
    params[(p[1] ?? "").toLowerCase()] = p[2] ?? p[3] ?? "";
  return { scheme: (m[1] ?? "").toLowerCase(), params };
}
function nextPageUrl(link, base) {
  if (!link) return null;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return m?.[1] ? new URL(m[1], base).toString() : null;
}
function basic(credentials) {
  const { username, password } = credentials ?? { username: "", password: "" };
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}
async function listTags(opts) {
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 3e4;
  const maxPages = opts.maxPages ?? 50;
  if (opts.credentials?.password) registerSecret(opts.credentials.password);
  const origin = `${opts.plainHttp ? "http" : "https"}://${opts.registry}`;
  const where = `${opts.registry}/${opts.repository}`;
  let url = `${origin}/v2/${opts.repository}/tags/list?n=${opts.pageSize ?? 1e3}`;
  let authorization = null;
  const tags = [];
  const get = async (target, headers) => {
    try {
      return await doFetch(target, { headers, redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new IpmDbError("registry-unreachable", `Could not reach ${opts.registry} to list the tags of ${where}.`, {
        hint: "Check the network and iris-image-registry, or give iris-versions as a JSON list instead of auto.",
        cause: err
      });
    }
  };
  for (let page = 0; url !== null; page++) {
    if (page >= maxPages)
      throw new IpmDbError("registry-tags", `${where} has more than ${maxPages} pages of tags; stopped reading.`);
    let res = await get(url, authorization ? { Authorization: authorization } : {});
    if (res.status === 401 && authorization === null) {
      authorization = await answerChallenge(res, opts, get, where);
      res = await get(url, { Authorization: authorization });
    }
    if (res.status === 401 || res.status === 403)
      throw new IpmDbError(
        "registry-denied",
        `${opts.registry} refused to list the tags of ${where} (${res.status}).`,
        {
          hint: "Licensed images need the iris-registry-username and iris-registry-password secrets; community images need none."
        }
      );
    if (res.status === 404)
      throw new IpmDbError("registry-tags", `${where} does not exist (404).`, {
        hint: "Check iris-flavour (e.g. iris-community, irishealth-community) and iris-image-registry."
      });
    if (!res.ok) throw new IpmDbError("registry-tags", `Listing the tags of ${where} failed: HTTP ${res.status}.`);
    const body = await res.json().catch(() => null);
    if (!body || body.tags !== null && body.tags !== void 0 && !Array.isArray(body.tags))
      throw new IpmDbError("registry-tags", `${opts.registry} answered the tag list of ${where} with something else.`);
    for (const t of body.tags ?? []) if (typeof t === "string") tags.push(t);
    url = nextPageUrl(res.headers.get("link"), origin);
  }
  return tags;
}
async function answerChallenge(res, opts, get, where) {
  const challenge = parseChallenge(res.headers.get("www-authenticate"));
  if (challenge?.scheme === "basic") return basic(opts.credentials);
  if (challenge?.scheme !== "bearer" || !challenge.params.realm)
    throw new IpmDbError(
      "registry-denied",
      `${opts.registry} asks for authentication it does not describe (${where}).`
    );
  const tokenUrl = new URL(challenge.params.realm);
  if (challenge.params.service) tokenUrl.searchParams.set("service", challenge.params.service);
  tokenUrl.searchParams.set("scope", challenge.params.scope || `repository:${opts.repository}:pull`);
  const tokenRes = await get(tokenUrl.toString(), opts.credentials ? { Authorization: basic(opts.credentials) } : {});
  if (!tokenRes.ok)
    throw new IpmDbError(
      "registry-denied",
      `${opts.registry} refused a pull token for ${where} (${tokenRes.status}).`,
      {
        hint: "Licensed images need the iris-registry-username and iris-registry-password secrets."
      }
    );
  const body = await tokenRes.json().catch(() => null);
  const token = body?.token || body?.access_token;
  if (!token) throw new IpmDbError("registry-denied", `${opts.registry} sent no token for ${where}.`);
  registerSecret(token);
  return `Bearer ${token}`;
}

// src/cli/commands/iris-versions.ts
var DEFAULT_IMAGE_REGISTRY = "containers.intersystems.com/intersystems";
var usage = `Usage: ipm-db iris-versions [--versions auto|<JSON list>] [options]

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
  usage,
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          versions: { type: "string", default: "auto" },
          flavour: { type: "string", default: "iris-community" },
          "image-registry": { type: "string", default: DEFAULT_IMAGE_REGISTRY },
          skip: { type: "string", default: "default" },
          latest: { type: "string", default: String(DEFAULT_LATEST) },
          "plain-http": { type: "boolean" },
          "github-output": { type: "boolean" }
        },
        strict: true,
        allowPositionals: false
      }));
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const request = parseVersionsRequest(values.versions);
    const skip = parseSkipList(values.skip, values.flavour);
    const latest = parseLatest(values.latest);
    let tags = null;
    if (request.kind === "auto") {
      const { registry, repository } = splitImageRegistry(values["image-registry"], values.flavour);
      const username = io.env.IPM_DB_IRIS_REGISTRY_USERNAME ?? "";
      const password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD ?? "";
      tags = await listTags({
        registry,
        repository,
        plainHttp: values["plain-http"] === true,
        ...username || password ? { credentials: { username, password } } : {}
      });
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
    if (values["github-output"]) {
      const file = io.env.GITHUB_OUTPUT;
      if (!file) throw new UsageError("--github-output needs the GITHUB_OUTPUT environment variable");
      await appendFile(file, `versions=${json}
`);
    }
    return EXIT.ok;
  }
};

// src/cli/commands/legs.ts
import { appendFile as appendFile2, mkdir, writeFile } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

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
var MAX_DEPTH = 6;
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
    const dir = join(root, e.name);
    const files = await walk(dir);
    const reports = [];
    const archives = /* @__PURE__ */ new Map();
    for (const f of files) {
      const name = f.slice(f.lastIndexOf("/") + 1);
      if (name === LEG_REPORT_FILE) reports.push(...parseReportFile(await readFile(f, "utf8"), f));
      else if (name.endsWith(".tgz")) archives.set(name, { path: f, size: (await stat(f)).size });
    }
    const unique = [...new Map(reports.map((r) => [`${r.image} ${r.startedAt}`, r])).values()];
    legs.push({ version: e.name.slice(prefix.length), reports: unique, files: archives });
  }
  return legs.sort((a, b) => a.version.localeCompare(b.version));
}
async function readPublishResults(dir) {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".json")).sort();
  const out = [];
  for (const n of names) out.push(parsePublishResult(await readFile(join(dir, n), "utf8"), join(dir, n)));
  return out;
}

// src/cli/commands/legs.ts
var usage2 = `Usage: ipm-db legs <summary|publish-plan|publish-outputs> <dir> [options]

What the reusable workflow does with its matrix legs' artifacts (one folder per leg, named
<prefix><IRIS version>, each holding the action's ipm-db-report.json and archive):

  summary <dir> --prefix <p> [--expected <json>]
      prints one Markdown table, IRIS version x stage, and every failure
  publish-plan <dir> --prefix <p> --expected <json> --out <dir>
      checks that every expected leg passed with a verified archive, writes each leg's
      verification report to <out>, prints "<archive>\\t<verification report>" lines
  publish-outputs <dir> [--github-output]
      reads the "ipm-db publish --json" results in <dir> and prints the workflow outputs
      published-references, digests and published (name=JSON lines)
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
async function writeOutputs(io, lines, toGithub) {
  io.stdout.write(lines);
  if (!toGithub) return;
  if (!io.env.GITHUB_OUTPUT) throw new UsageError("--github-output needs the GITHUB_OUTPUT environment variable");
  await appendFile2(io.env.GITHUB_OUTPUT, lines);
}
var legsCommand = {
  name: "legs",
  summary: "summarise or plan publishing of the reusable workflow's matrix legs",
  usage: usage2,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs2({
        args: argv,
        options: {
          prefix: { type: "string" },
          expected: { type: "string" },
          out: { type: "string" },
          "github-output": { type: "boolean" }
        },
        strict: true,
        allowPositionals: true
      });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const { values, positionals } = parsed;
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
      const outputs = publishOutputs(await readPublishResults(dir));
      const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}
`).join("");
      await writeOutputs(io, lines, values["github-output"] === true);
      return EXIT.ok;
    }
    throw new UsageError(`unknown action "${action}"`, "use summary, publish-plan or publish-outputs");
  }
};

// src/cli/commands/index.ts
var commands = [irisVersionsCommand, legsCommand];

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
