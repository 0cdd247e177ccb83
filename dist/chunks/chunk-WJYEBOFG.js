import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  pullPackage
} from "./chunk-COTTLKH6.js";
import {
  describeOutcome,
  driverUpgradeEnvironment,
  exportModuleAt,
  gitRevision,
  runUpgradeScenarios
} from "./chunk-NVJ62KWG.js";
import {
  parseReference
} from "./chunk-EHNJM54D.js";
import {
  IpmDbError
} from "./chunk-7JDKL6H4.js";

// src/pipeline/upgrade/stage.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/pipeline/upgrade/markdown.ts
var TITLE = {
  database: "database -> database",
  source: "source -> database",
  fresh: "fresh install",
  "container-replacement": "container replacement (Durable %SYS)",
  "iris-upgrade": "IRIS version upgrade (Durable %SYS, new IRIS image)"
};
var OUTPUT_LINES = 40;
var NODE_LINES = 10;
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function code(text) {
  return text === "" ? "" : `\`${cell(text).replace(/`/g, "'")}\``;
}
function shortHash(hash) {
  return hash === "" ? "absent" : code(hash.slice(0, 12));
}
function version(result) {
  const before = result.moduleBefore ? result.moduleBefore.version : result.previous.version ?? "-";
  const after = result.moduleAfter ? `${result.moduleAfter.version} (${result.moduleAfter.packaging})` : "-";
  return result.scenario === "fresh" ? after : `${before} -> ${after}`;
}
function summaryRow(result) {
  const ranSteps = result.steps.filter((s) => s.outcome === "ran").length;
  const badSteps = result.steps.filter((s) => !s.ok).length;
  const steps = result.steps.length === 0 ? "-" : `${ranSteps} ran, ${result.steps.length - ranSteps - badSteps} seeded/kept${badSteps ? `, **${badSteps} wrong**` : ""}`;
  const failedChecks = result.checks.filter((c) => !c.ok).length;
  const checks = result.checks.length === 0 ? "-" : `${result.checks.length - failedChecks}/${result.checks.length}`;
  const undeclared = result.changes.filter((c) => c.declaredBy.length === 0).length;
  const data = result.after === null ? "-" : `${Object.keys(result.after.globals).length} globals, ${result.changes.length} changed${undeclared ? `, **${undeclared} undeclared**` : ""}`;
  return `| ${TITLE[result.scenario]} | ${result.ok ? "passed" : "**failed**"} | ${cell(version(result))} | ${steps} | ${checks} | ${data} |`;
}
function fingerprintTable(before, after, changes) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(before?.globals ?? {}), ...Object.keys(after?.globals ?? {})])].sort();
  if (names.length === 0) return [];
  const byGlobal = new Map(changes.map((c) => [c.global, c]));
  const lines = [
    "| global | nodes before | hash before | nodes after | hash after | change |",
    "|---|---:|---|---:|---|---|"
  ];
  for (const name of names) {
    const b = before?.globals[name];
    const a = after?.globals[name];
    const change = byGlobal.get(name);
    const verdict = !change ? "same" : change.declaredBy.length > 0 ? `${change.kind}, declared by ${change.declaredBy.map(code).join(", ")}` : `**${change.kind}, undeclared**`;
    lines.push(
      `| ${code(name)} | ${b ? b.nodes : "-"} | ${b ? shortHash(b.hash) : "-"} | ${a ? a.nodes : "-"} | ${a ? shortHash(a.hash) : "-"} | ${verdict} |`
    );
  }
  for (const change of changes) {
    if (!change.nodeChanges || change.nodeChanges.length === 0) continue;
    lines.push("", `${code(change.global)}:`);
    for (const node of change.nodeChanges.slice(0, NODE_LINES)) lines.push(`- ${node.kind} ${code(node.node)}`);
    if (change.nodeChanges.length > NODE_LINES) lines.push(`- and ${change.nodeChanges.length - NODE_LINES} more`);
  }
  return lines;
}
function scenarioSection(result) {
  const lines = [`### ${TITLE[result.scenario]}: ${result.ok ? "passed" : "failed"}`, "", cell(result.message), ""];
  if (result.previous.source !== "none")
    lines.push(`Previous release: ${code(result.previous.reference)} (${result.previous.source})`, "");
  if (result.namespace) lines.push(`Namespace: ${code(result.namespace)}`, "");
  if (result.problems.length > 0) {
    lines.push("Problems:", ...result.problems.map((p) => `- ${cell(p)}`), "");
  }
  const data = fingerprintTable(result.before, result.after, result.changes);
  if (data.length > 0) lines.push("Data fingerprints:", "", ...data, "");
  if (result.steps.length > 0) {
    lines.push("| update step | outcome | before (start / end) | after (start / end) |", "|---|---|---|---|");
    const times = (row) => row ? `${row.timeStampStart || "(seeded)"} / ${row.timeStampEnd || "-"}` : "-";
    for (const step of result.steps) {
      const outcome = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${code(step.step)} | ${outcome} | ${times(step.before)} | ${times(step.after)} |`);
    }
    lines.push("");
  }
  if (result.checks.length > 0) {
    lines.push("| check | returned | result |", "|---|---|---|");
    for (const check of result.checks)
      lines.push(`| ${code(check.check)} | ${code(check.returned) || "(empty)"} | ${check.ok ? "ok" : "**failed**"} |`);
    lines.push("");
  }
  if (result.output) {
    const tail = result.output.split("\n").slice(-OUTPUT_LINES).join("\n").replace(/```/g, "'''");
    lines.push(
      "<details><summary>IRIS output of the failing step</summary>",
      "",
      "```",
      tail,
      "```",
      "",
      "</details>",
      ""
    );
  }
  if (result.backup)
    lines.push(`Swap backup: ${code(result.backup.path)} ${result.backup.exists ? "exists" : "**is missing**"}`, "");
  return lines;
}
function renderUpgradeMarkdown(results) {
  if (results.length === 0) return "## Upgrade tests\n\nNo upgrade scenario ran.\n";
  const lines = [
    "## Upgrade tests",
    "",
    "| scenario | result | module | update steps | checks | data |",
    "|---|---|---|---|---|---|",
    ...results.map(summaryRow),
    ""
  ];
  for (const result of results) lines.push(...scenarioSection(result));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

// src/pipeline/upgrade/stage.ts
function updatePackageOf(moduleXml) {
  const match = /<UpdatePackage>\s*([^<\s]+)\s*<\/UpdatePackage>/.exec(moduleXml);
  return match ? match[1] : null;
}
function registryPuller(clientFor) {
  return async (reference, dir) => {
    const ref = parseReference(reference, { requireTagOrDigest: true });
    return (await pullPackage(clientFor(ref.registry), ref, dir)).file;
  };
}
function upgradeStage(options, pull) {
  return {
    name: "upgrade",
    skip: () => options.scenarios.length === 0 ? "no upgrade scenario requested" : null,
    async run(ctx) {
      const module = ctx.module;
      const archive = ctx.archive;
      const setup = ctx.setup;
      if (!module || !archive || !setup)
        throw new IpmDbError(
          "pipeline-order",
          "Internal: the upgrade stage needs a built package; an earlier stage did not run."
        );
      const updatePackage = ctx.report.verification?.module?.updatePackage ?? updatePackageOf(await readFile(join(ctx.options.moduleDir, "module.xml"), "utf8"));
      const revision = options.previous.sourceDir ? gitRevision(options.previous.sourceDir) : null;
      const exported = revision ? await exportModuleAt(ctx.options.moduleDir, revision) : null;
      let results;
      try {
        const resolved = exported ? {
          ...options,
          previous: { ...options.previous, sourceDir: exported.dir, sourceLabel: options.previous.sourceDir }
        } : options;
        results = await runUpgradeScenarios(
          driverUpgradeEnvironment(ctx, pull),
          resolved,
          {
            moduleName: module.name,
            version: module.version,
            packagePath: archive.hostPath,
            updatePackage,
            irisMajorMinor: setup.iris.majorMinor
          },
          ctx.logger
        );
      } finally {
        await exported?.remove();
      }
      ctx.report.upgrade = results;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) {
        throw new IpmDbError(
          "upgrade-failed",
          `${failed.length} of ${results.length} upgrade scenario(s) failed: ${failed.map((r) => `${r.scenario}: ${r.message}`).join("; ")}`,
          {
            details: renderUpgradeMarkdown(results)
          }
        );
      }
      return `${results.length} upgrade scenario(s) passed: ${results.map((r) => r.scenario).join(", ")}`;
    }
  };
}

export {
  renderUpgradeMarkdown,
  registryPuller,
  upgradeStage
};
