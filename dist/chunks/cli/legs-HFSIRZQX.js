import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  appendGithubOutput
} from "./chunk-V2PC4JWL.js";
import {
  ipmDatabaseTag
} from "./chunk-XKFX33XW.js";
import {
  parseCommandArgs
} from "./chunk-6Q332AMG.js";
import "./chunk-PV5AJG7C.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import {
  imageTag,
  isDigest
} from "./chunk-MWJ6OVDP.js";
import {
  IpmDbError,
  UsageError,
  errorMessage
} from "./chunk-3IXPJEFV.js";

// src/cli/commands/legs.ts
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join as join2, resolve } from "node:path";

// src/workflow/leg-files.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// src/pipeline/types.ts
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
  if (!r || typeof r.reference !== "string" || typeof r.tag !== "string" || typeof r.digest !== "string" || !isDigest(r.digest))
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
var usage = `Usage: ipm-db legs <summary|publish-plan|publish-outputs> <dir> [options]

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
  usage,
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
        await appendFile(io.env.GITHUB_STEP_SUMMARY, publishedMarkdown(results));
      }
      return EXIT.ok;
    }
    throw new UsageError(`unknown action "${action}"`, "use summary, publish-plan or publish-outputs");
  }
};
export {
  legsCommand
};
