import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  formatDuration,
  markdownCode,
  markdownText
} from "./chunk-G7AT5NQ2.js";
import {
  ipmDatabaseTag
} from "./chunk-ULIA56ZP.js";
import {
  imageTag,
  isDigest
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  errorMessage
} from "./chunk-PS7E4X32.js";

// src/pipeline/run-report.ts
var STAGES = ["start", "ipm", "load", "package", "verify", "install", "test", "upgrade", "publish"];

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
  return markdownText(cut);
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
  const skippedNotes = [];
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
      const result = r.ok ? "\u2705 passed" : r.skipped ? "\u23ED\uFE0F skipped (licence expired)" : "\u274C failed";
      lines.push(`| ${oneLine(label)} | ${cells.join(" | ")} | ${result} | ${formatDuration(r.durationMs)} |`);
      if (r.skipped) skippedNotes.push(`- **${oneLine(label)}**: ${oneLine(r.skipped.reason)}`);
      else
        for (const s of r.stages)
          if (s.status === "failed")
            failures.push(`- **${oneLine(label)}**, ${s.stage}: ${oneLine(s.message ?? "failed")}`);
    }
  }
  const total = versions.reduce((n, v) => n + Math.max(1, byVersion.get(v)?.reports.length ?? 0), 0);
  lines.push("", `${passed} of ${total} IRIS versions passed. \u2705 passed, \u274C failed, \u23ED\uFE0F skipped, \u2014 not reached.`);
  const module = legs.flatMap((l) => l.reports).find((r) => r.module)?.module;
  if (module) lines.push("", `Module ${markdownCode(module.name)} ${oneLine(module.version)}.`);
  if (skippedNotes.length) lines.push("", "### Skipped", "", ...skippedNotes);
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
    if (report.skipped) continue;
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
    let tag;
    try {
      tag = ipmDatabaseTag(module.version, irisVersion);
    } catch (err) {
      problems.push(`IRIS ${version}: ${errorMessage(err)}.`);
      continue;
    }
    items.push({ version, archivePath: file.path, verification, tag });
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
  if (items.length === 0 && problems.length === 0 && expected.length > 0)
    problems.push("every IRIS version was skipped (expired community licences); no package was built.");
  if (problems.length)
    throw new IpmDbError("publish-plan", `Nothing was published:
  - ${problems.join("\n  - ")}`, {
      hint: "Publishing needs every IRIS version green; fix the failing legs and re-run the workflow."
    });
  return items;
}
function roundTripStatus(r) {
  return r.roundTrip?.status === "verified" && r.roundTrip.digest === r.digest ? "verified" : "not verified";
}
function publishOutputs(results) {
  return {
    "published-references": JSON.stringify(results.map((r) => r.reference)),
    digests: JSON.stringify(results.map((r) => r.digest)),
    published: JSON.stringify(
      results.map((r) => ({ reference: r.reference, tag: r.tag, digest: r.digest, unchanged: r.unchanged }))
    ),
    "round-trip": JSON.stringify(
      results.map((r) => ({
        reference: r.reference,
        digest: r.digest,
        status: roundTripStatus(r),
        layerRead: r.roundTrip?.layerRead ?? false
      }))
    )
  };
}
function publishedMarkdown(results) {
  const lines = ["## Published", "", "| reference | digest | | round-trip |", "| --- | --- | --- | --- |"];
  for (const r of results)
    lines.push(
      `| ${markdownCode(r.reference)} | ${markdownCode(r.digest)} | ${r.unchanged ? "unchanged (already there)" : "pushed"} | ${roundTripStatus(r)} |`
    );
  if (results.length === 0) lines.push("| (nothing) | | | |");
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
  if (!r || typeof r.reference !== "string" || typeof r.tag !== "string" || typeof r.digest !== "string" || !isDigest(r.digest))
    throw new IpmDbError("publish-result", `${source} is not the JSON of "ipm-db publish --json".`);
  return {
    reference: r.reference,
    tag: r.tag,
    digest: r.digest,
    unchanged: r.unchanged === true,
    roundTrip: parseRoundTrip(r.roundTrip)
  };
}
function parseRoundTrip(value) {
  const t = value;
  if (!t || t.status !== "verified" || typeof t.digest !== "string" || !isDigest(t.digest)) return null;
  return { status: "verified", digest: t.digest, layerRead: t.layerRead === true };
}

// src/workflow/leg-files.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
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

export {
  summaryTable,
  publishPlan,
  roundTripStatus,
  publishOutputs,
  publishedMarkdown,
  readLegs,
  readPublishResults
};
