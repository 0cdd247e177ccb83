import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  pullPackage
} from "./chunk-COTTLKH6.js";
import {
  registryClient
} from "./chunk-VXRYH2VA.js";
import {
  DEFAULT_STAGES,
  RUN_LABEL,
  attributeChanges,
  checkLine,
  diffFingerprints,
  expectedStepsLine,
  exportModuleAt,
  fileExistsLine,
  fingerprintGlobalLine,
  formatClassMethod,
  formatMs,
  gitRevision,
  listGlobalsLine,
  moduleStateLine,
  newPackageNamespace,
  parseSessionOutput,
  parseUpgradeOptions,
  previousReference,
  readModuleIdentity,
  removeRun,
  runPipeline,
  seedLine,
  selectGlobals,
  setUpIpm,
  startPipelineIris,
  toDataFingerprint,
  undeclaredChangeProblems,
  updateStepLines,
  upgradeFromInputs
} from "./chunk-Z6QG6HRH.js";
import {
  consoleLogger,
  parseReference
} from "./chunk-EHNJM54D.js";
import {
  directoryCache,
  parseInstallerSpec
} from "./chunk-F2C5E5TJ.js";
import "./chunk-W44NYYNB.js";
import {
  EXIT
} from "./chunk-GYWSDV3W.js";
import "./chunk-TIJDGYO2.js";
import {
  verifyArchive
} from "./chunk-GZD2VCLG.js";
import {
  IpmDbError,
  UsageError,
  describeError
} from "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";

// src/cli/commands/run.ts
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3, resolve as resolve2 } from "node:path";
import { parseArgs } from "node:util";

// src/cli/upgrade-flags.ts
import { resolve } from "node:path";

// src/pipeline/upgrade/stage.ts
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/pipeline/upgrade/driver-binding.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DURABLE_MOUNT = "/durable";
async function runUpgradeLines(sessions, namespace, lines, doing, timeoutMs) {
  const result = await sessions.run({
    namespace,
    operations: lines.map((text) => ({ kind: "surfaceLine", text })),
    timeoutMs,
    purpose: doing
  });
  return result.raw;
}
function irisOf(ctx, current, homeNamespace) {
  const timeoutMs = ctx.options.timeouts?.shortMs ?? 3e5;
  return {
    createNamespace: () => newPackageNamespace(ctx, current().target, homeNamespace, "UPG"),
    run: (namespace, lines, doing) => runUpgradeLines(current().target.sessions, namespace, lines, doing, timeoutMs),
    loadModule: async (namespace, hostDir) => {
      await current().ops.loadModule(namespace, hostDir);
    },
    loadPackage: (namespace, hostTgz) => current().ops.loadPackage(namespace, hostTgz),
    updateModule: (namespace, moduleName, hostTgz) => current().ops.updateModule(namespace, moduleName, hostTgz)
  };
}
function startOnVolume(ctx, runId, volume) {
  return startPipelineIris(ctx, runId, {
    // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
    // containers need none (packages are copied in, previous releases pulled on the host).
    network: "none",
    mounts: [{ source: volume, target: DURABLE_MOUNT }],
    env: { ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` }
  });
}
async function startDurable(ctx) {
  const setup = ctx.setup;
  if (!setup) throw new IpmDbError("pipeline-order", "Internal: IPM is not set up; the ipm stage did not run.");
  const suffix = ctx.nextPostfix("D").toLowerCase();
  const volume = `ipm-db-${ctx.runId}-${suffix}`;
  ctx.options.onResource?.({ kind: "volume", name: volume });
  await ctx.docker.check("docker-volume-failed", "docker volume create", [
    "volume",
    "create",
    "--label",
    `${RUN_LABEL}=${ctx.runId}`,
    volume
  ]);
  await ctx.docker.check(
    "docker-volume-failed",
    "Giving the durable volume to irisowner",
    [
      "run",
      "--rm",
      "--network",
      "none",
      "--user",
      "root",
      "--label",
      `${RUN_LABEL}=${ctx.runId}`,
      "--mount",
      `type=volume,source=${volume},target=${DURABLE_MOUNT}`,
      "--entrypoint",
      "/bin/sh",
      ctx.options.image,
      "-c",
      `command -v chown >/dev/null 2>&1 || exit 0; chown irisowner ${DURABLE_MOUNT}`
    ],
    { timeoutMs: 12e4 }
  );
  const runIds = [`${ctx.runId}-${suffix}a`, `${ctx.runId}-${suffix}b`];
  let generation = 0;
  let parts = null;
  const dispose = async () => {
    for (const runId of runIds) await removeRun(ctx.docker, runId).catch(() => void 0);
    await ctx.docker.call(["volume", "rm", "-f", volume], { timeoutMs: 6e4 }).catch(() => void 0);
  };
  try {
    const first = await startOnVolume(ctx, runIds[0], volume);
    parts = first;
    await setUpIpm(ctx, first.target, setup.installedFrom, setup.homeNamespace);
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace() {
      const old = current().container;
      await ctx.docker.check("docker-stop-failed", `Stopping ${old.name}`, ["stop", "-t", "120", old.name], {
        timeoutMs: 18e4
      });
      await removeRun(ctx.docker, runIds[generation]);
      generation++;
      parts = await startOnVolume(ctx, runIds[generation], volume);
    },
    dispose
  };
}
function driverUpgradeEnvironment(ctx, pull) {
  const { container, target, ops, setup } = ctx;
  if (!container || !target || !ops || !setup) {
    throw new IpmDbError("pipeline-order", "Internal: the container is not ready; an earlier stage did not run.");
  }
  return {
    iris: irisOf(ctx, () => ({ container, target, ops }), setup.homeNamespace),
    startDurable: () => startDurable(ctx),
    pull,
    tempDir: () => mkdtemp(join(tmpdir(), "ipm-db-previous-"))
  };
}

// src/pipeline/upgrade/steps.ts
var key = (row) => `${row.className}:${row.methodName}`;
function rowsOfPackage(rows, updatePackage) {
  const prefix = `${updatePackage}.V`;
  return rows.filter((row) => row.className.startsWith(prefix));
}
function done(row) {
  return row !== null && row.timeStampEnd !== "" && row.statusOk;
}
function outcome(mode, before, after, newInRelease) {
  if (after === null || after.timeStampEnd === "") return "missing";
  if (!after.statusOk) return "failed";
  if (mode === "fresh") return after.timeStampStart === "" ? "seeded" : "ran-on-fresh-install";
  if (done(before)) {
    const untouched = after.timeStampStart === before.timeStampStart && after.timeStampEnd === before.timeStampEnd;
    if (!untouched) return "ran-again";
    return newInRelease ? "done-before-release" : "kept";
  }
  return after.timeStampStart === "" ? "seeded-not-run" : "ran";
}
var GOOD = { fresh: ["seeded"], upgrade: ["ran", "kept"] };
function judgeSteps(mode, expected, before, after, previousSteps = null) {
  const beforeByKey = new Map(before.map((row) => [key(row), row]));
  const afterByKey = new Map(after.map((row) => [key(row), row]));
  return expected.map((step) => {
    const b = beforeByKey.get(step) ?? null;
    const a = afterByKey.get(step) ?? null;
    const result = outcome(mode, b, a, previousSteps !== null && !previousSteps.includes(step));
    return { step, outcome: result, ok: GOOD[mode].includes(result), before: b, after: a };
  });
}
var EXPLANATION = {
  seeded: "was seeded",
  ran: "ran once",
  kept: "was done before and not run again",
  "ran-again": "had already run (or been seeded) before the upgrade and ran again",
  "ran-on-fresh-install": "ran on a fresh install, where IPM must only seed it",
  "seeded-not-run": "is new in this upgrade but was only seeded: its migration never ran",
  "done-before-release": "is new in this release but was already marked done before the upgrade (an earlier install seeded it), so its migration never ran",
  missing: "is declared by the installed step classes but IPM never recorded it as done",
  failed: "ended with an error status"
};
function stepProblems(verdicts) {
  return verdicts.filter((v) => !v.ok).map((v) => `update step ${v.step} ${EXPLANATION[v.outcome]}`);
}
function stepsThatRan(verdicts) {
  return verdicts.filter((v) => v.outcome === "ran" || v.outcome === "ran-again" || v.outcome === "ran-on-fresh-install").map((v) => v.step);
}
function describeOutcome(value) {
  return EXPLANATION[value];
}

// src/pipeline/upgrade/markdown.ts
var TITLE = {
  database: "database -> database",
  source: "source -> database",
  fresh: "fresh install",
  "container-replacement": "container replacement (Durable %SYS)"
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
      const outcome2 = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${code(step.step)} | ${outcome2} | ${times(step.before)} | ${times(step.after)} |`);
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

// src/pipeline/upgrade/parse.ts
function ipmdbLines(output) {
  return parseSessionOutput(output).results;
}
function values(output, key2) {
  return ipmdbLines(output).filter((line) => line.key === key2).map((line) => line.value);
}
function reportedErrors(output) {
  return values(output, "error").map((value) => {
    const bar = value.indexOf("|");
    return bar < 0 ? value : `${value.slice(0, bar)}: ${value.slice(bar + 1)}`;
  });
}
function throwOnReportedErrors(output, doing) {
  const errors = reportedErrors(output);
  if (errors.length > 0) {
    throw new IpmDbError("upgrade-objectscript", `${doing} failed in IRIS: ${errors.join("; ")}`, { details: output });
  }
}
function parseGlobalNames(output) {
  const names = values(output, "gname").map((name) => name.startsWith("^") ? name : `^${name}`);
  return [...new Set(names)].sort();
}
function parseFingerprints(output) {
  const result = [];
  let nodes = {};
  for (const { key: key2, value } of ipmdbLines(output)) {
    if (key2 === "node") {
      const bar = value.lastIndexOf("|");
      if (bar > 0) nodes[value.slice(0, bar)] = value.slice(bar + 1);
    } else if (key2 === "global") {
      const [name, count, hash, extra] = value.split("|");
      const nodeCount = Number(count);
      if (!name || extra !== void 0 || hash === void 0 || !Number.isInteger(nodeCount) || nodeCount < 0) {
        throw new IpmDbError("upgrade-parse", `unreadable fingerprint line "##IPMDB global=${value}"`);
      }
      result.push({ name, nodes: nodeCount, hash, nodeHashes: nodes });
      nodes = {};
    }
  }
  return result;
}
function parseModuleState(output) {
  const [value] = values(output, "module");
  if (value === void 0) throw new IpmDbError("upgrade-parse", "IRIS printed no module state line");
  if (value === "") return null;
  const bar = value.lastIndexOf("|");
  return { version: value.slice(0, bar), packaging: value.slice(bar + 1) };
}
function parseUpdateSteps(output) {
  return values(output, "step").map((value) => {
    const fields = value.split("|");
    if (fields.length !== 6 || fields[0] !== "any" && fields[0] !== "primary") {
      throw new IpmDbError("upgrade-parse", `unreadable update-step line "##IPMDB step=${value}"`);
    }
    const [kind, className, methodName, timeStampStart, timeStampEnd, ok] = fields;
    return {
      className,
      methodName,
      primaryOnly: kind === "primary",
      timeStampStart,
      timeStampEnd,
      statusOk: ok === "1"
    };
  });
}
function parseExpectedSteps(output) {
  const steps = [];
  for (const value of values(output, "expected")) {
    const [className, ordered, primaryOnly, extra] = value.split("|");
    for (const list of [ordered, primaryOnly]) {
      let methods;
      try {
        methods = JSON.parse(list ?? "");
      } catch {
        methods = null;
      }
      if (extra !== void 0 || !Array.isArray(methods) || !methods.every((m) => typeof m === "string")) {
        throw new IpmDbError(
          "upgrade-parse",
          `step class ${className}: GetOrderedMethods did not return a JSON array of names ("${value}")`
        );
      }
      for (const method of methods) steps.push(`${className}:${method}`);
    }
  }
  return steps;
}
function parseSeeded(output) {
  return values(output, "seeded");
}
function parseChecks(output) {
  return values(output, "check").map((value) => {
    const bar = value.indexOf("|");
    const returned = bar < 0 ? "" : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === "1" };
  });
}
function parseFileExists(output) {
  const result = {};
  for (const value of values(output, "exists")) {
    const bar = value.lastIndexOf("|");
    result[value.slice(0, bar)] = value.slice(bar + 1) === "1";
  }
  return result;
}

// src/pipeline/upgrade/scenarios.ts
var Scenario = class {
  constructor(scenario, previous, options, release) {
    this.options = options;
    this.release = release;
    this.result = {
      scenario,
      ok: false,
      message: "",
      previous,
      namespace: null,
      moduleBefore: null,
      moduleAfter: null,
      before: null,
      after: null,
      changes: [],
      steps: [],
      checks: [],
      backup: null,
      problems: [],
      durationMs: 0
    };
  }
  options;
  release;
  result;
  started = Date.now();
  async snapshot(iris, namespace, alsoGlobals, when) {
    const listing = await iris.run(namespace, [listGlobalsLine()], `listing the globals ${when}`);
    throwOnReportedErrors(listing, `Listing the globals ${when}`);
    const globals = [
      .../* @__PURE__ */ new Set([...selectGlobals(parseGlobalNames(listing), this.options.globals), ...alsoGlobals])
    ].sort();
    const lines = [
      moduleStateLine(this.release.moduleName),
      ...updateStepLines(),
      ...globals.map((g) => fingerprintGlobalLine(g, this.options.nodeLimit))
    ];
    const output = await iris.run(namespace, lines, `fingerprinting the data ${when}`);
    throwOnReportedErrors(output, `Fingerprinting the data ${when}`);
    const fingerprints = parseFingerprints(output);
    const missing = globals.filter((g) => !fingerprints.some((f) => f.name === g));
    if (missing.length > 0) {
      throw new IpmDbError(
        "upgrade-fingerprint-incomplete",
        `IRIS printed no fingerprint for ${missing.join(", ")} ${when}`,
        { details: output }
      );
    }
    const steps = this.release.updatePackage ? rowsOfPackage(parseUpdateSteps(output), this.release.updatePackage) : [];
    return { module: parseModuleState(output), steps, fingerprint: toDataFingerprint(fingerprints), globals };
  }
  async seed(iris, namespace) {
    if (this.options.seed.length === 0) return;
    const output = await iris.run(namespace, this.options.seed.map(seedLine), "writing data");
    throwOnReportedErrors(output, "Writing data with the seed methods");
    const seeded = parseSeeded(output);
    const notRun = this.options.seed.map(formatClassMethod).filter((s) => !seeded.includes(s));
    if (notRun.length > 0)
      throw new IpmDbError("upgrade-seed-failed", `seed method(s) ${notRun.join(", ")} did not return`, {
        details: output
      });
  }
  async expectedSteps(iris, namespace) {
    if (!this.release.updatePackage) return [];
    const output = await iris.run(
      namespace,
      [expectedStepsLine(this.release.updatePackage)],
      "reading the update step classes"
    );
    throwOnReportedErrors(output, `Reading the update step classes of ${this.release.updatePackage}`);
    return parseExpectedSteps(output);
  }
  async runChecks(iris, namespace) {
    if (this.options.checks.length === 0) return [];
    const output = await iris.run(namespace, this.options.checks.map(checkLine), "running the checks");
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return this.options.checks.map(formatClassMethod).map((check) => {
      const found = returned.find((r) => r.check === check);
      if (found) return found;
      const error = errors.find((e) => e.startsWith(`${check}: `));
      return { check, returned: error ? error.slice(check.length + 2) : "(no result printed)", ok: false };
    });
  }
  async checkBackup(iris, namespace, swap) {
    if (!swap.backupPath) {
      this.result.problems.push(
        'the swap printed no "Backup:" line, so no backup of the replaced routines database can be shown'
      );
      return;
    }
    const output = await iris.run(namespace, [fileExistsLine(swap.backupPath)], "checking the swap backup");
    const exists = parseFileExists(output)[swap.backupPath] === true;
    this.result.backup = { path: swap.backupPath, exists };
    if (!exists) this.result.problems.push(`the swap backup ${swap.backupPath} does not exist after the upgrade`);
  }
  checkModule(state, version2, packaging, when) {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version2)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version2}`
      );
    if (packaging !== null && state.packaging !== packaging) {
      this.result.problems.push(
        `${this.release.moduleName} has Packaging "${state.packaging}" ${when}, expected "${packaging}"`
      );
    }
  }
  finish(success) {
    this.result.ok = this.result.problems.length === 0;
    this.result.message = this.result.ok ? success : this.result.problems[0];
    this.result.durationMs = Date.now() - this.started;
    return this.result;
  }
  fail(error) {
    this.result.problems.push(describeError(error).replace(/\n\s*/g, " "));
    if (error instanceof IpmDbError && error.details) this.result.output = error.details;
    return this.finish("");
  }
};
async function proveUpgrade(s, iris, install, options, release, betweenHook) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  await install(iris, namespace);
  await s.seed(iris, namespace);
  const previousSteps = await s.expectedSteps(iris, namespace);
  const before = await s.snapshot(iris, namespace, [], "before the upgrade");
  r.moduleBefore = before.module;
  r.before = before.fingerprint;
  if (options.previous.version) s.checkModule(before.module, options.previous.version, null, "before the upgrade");
  if (betweenHook) await betweenHook();
  const swap = await iris.updateModule(namespace, release.moduleName, release.packagePath);
  const after = await s.snapshot(iris, namespace, before.globals, "after the upgrade");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the upgrade");
  r.steps = judgeSteps("upgrade", await s.expectedSteps(iris, namespace), before.steps, after.steps, previousSteps);
  r.problems.push(...stepProblems(r.steps));
  r.changes = attributeChanges(
    diffFingerprints(before.fingerprint, after.fingerprint),
    stepsThatRan(r.steps),
    options.declared
  );
  r.problems.push(...undeclaredChangeProblems(r.changes));
  r.checks = await s.runChecks(iris, namespace);
  r.problems.push(
    ...r.checks.filter((c) => !c.ok).map((c) => `check ${c.check} returned ${c.returned === "" ? "nothing" : `"${c.returned}"`}, not 1`)
  );
  await s.checkBackup(iris, namespace, swap);
  const ran = r.steps.filter((v) => v.outcome === "ran").length;
  return s.finish(
    `${release.moduleName} ${before.module?.version ?? "?"} -> ${release.version}: ${after.globals.length} global(s) fingerprinted, ${r.changes.length} changed (all declared), ${ran} update step(s) ran once, ${r.checks.length} check(s) returned 1`
  );
}
async function proveFreshInstall(s, iris, release) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  const swap = await iris.loadPackage(namespace, release.packagePath);
  const after = await s.snapshot(iris, namespace, [], "after the install");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the install");
  r.steps = judgeSteps("fresh", await s.expectedSteps(iris, namespace), [], after.steps);
  r.problems.push(...stepProblems(r.steps));
  await s.checkBackup(iris, namespace, swap);
  return s.finish(
    `${release.moduleName} ${release.version} installed into an empty namespace: ${r.steps.length} update step(s) seeded, none run`
  );
}
async function runUpgradeScenarios(env, options, release, logger) {
  const prev = options.previous;
  const registryReference = prev.reference ?? (prev.repository && prev.version ? previousReference(prev.repository, prev.version, release.irisMajorMinor) : null);
  const reference = prev.packagePath ?? registryReference;
  let pulled = null;
  const previousPackage = () => {
    if (prev.packagePath) return Promise.resolve(prev.packagePath);
    if (!registryReference) throw new IpmDbError("upgrade-no-previous", "no previous database package was given");
    pulled ??= env.tempDir().then((dir) => env.pull(registryReference, dir));
    return pulled;
  };
  const loadPrevious = async (iris, namespace) => {
    await iris.loadPackage(namespace, await previousPackage());
  };
  const loadPreviousSource = async (iris, namespace) => {
    await iris.loadModule(namespace, prev.sourceDir);
  };
  const packageOrigin = () => ({
    source: prev.packagePath ? "path" : "registry",
    reference: reference ?? "",
    version: prev.version
  });
  const sourceOrigin = () => ({
    source: "source-directory",
    reference: prev.sourceLabel ?? prev.sourceDir ?? "",
    version: prev.version
  });
  const results = [];
  for (const scenario of options.scenarios) {
    logger.info(`upgrade scenario: ${scenario}`);
    let result;
    if (scenario === "fresh") {
      const s = new Scenario(scenario, { source: "none", reference: "", version: null }, options, release);
      result = await proveFreshInstall(s, env.iris, release).catch((e) => s.fail(e));
    } else if (scenario === "database") {
      const s = new Scenario(scenario, packageOrigin(), options, release);
      result = await proveUpgrade(s, env.iris, loadPrevious, options, release).catch((e) => s.fail(e));
    } else if (scenario === "source") {
      const s = new Scenario(scenario, sourceOrigin(), options, release);
      result = await proveUpgrade(s, env.iris, loadPreviousSource, options, release).catch((e) => s.fail(e));
    } else {
      const fromPackage = reference !== null;
      const s = new Scenario(scenario, fromPackage ? packageOrigin() : sourceOrigin(), options, release);
      result = await proveInReplacedContainer(
        s,
        env,
        fromPackage ? loadPrevious : loadPreviousSource,
        options,
        release
      ).catch((e) => s.fail(e));
    }
    logger.info(`upgrade scenario ${scenario}: ${result.ok ? "passed" : "FAILED"}: ${result.message}`);
    results.push(result);
  }
  return results;
}
async function proveInReplacedContainer(s, env, install, options, release) {
  const iris = await env.startDurable();
  try {
    return await proveUpgrade(s, iris, install, options, release, () => iris.replace());
  } finally {
    await iris.dispose();
  }
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
      const updatePackage = ctx.report.verification?.module?.updatePackage ?? updatePackageOf(await readFile(join2(ctx.options.moduleDir, "module.xml"), "utf8"));
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

// src/cli/upgrade-flags.ts
var UPGRADE_FLAGS = {
  "upgrade-from": { type: "string" },
  "upgrade-source": { type: "string" },
  "previous-source": { type: "string" },
  "upgrade-scenarios": { type: "string" },
  "seed-methods": { type: "string" },
  seed: { type: "string" },
  "check-methods": { type: "string" },
  checks: { type: "string" },
  "declared-changes": { type: "string" },
  "upgrade-globals": { type: "string" },
  "upgrade-exclude-globals": { type: "string" },
  registry: { type: "string" },
  namespace: { type: "string" },
  "plain-http": { type: "boolean" }
};
function either(v, name, alias) {
  const a = v[name];
  const b = v[alias];
  if (a !== void 0 && b !== void 0)
    throw new UsageError(`--${name} and --${alias} are the same option; give one.`);
  return a ?? b;
}
async function upgradeStageFromFlags(v, moduleDir, io) {
  const from = v["upgrade-from"]?.trim() || null;
  const sourceRaw = either(v, "upgrade-source", "previous-source")?.trim() || null;
  const scenarios = v["upgrade-scenarios"]?.trim() || null;
  const seed = either(v, "seed-methods", "seed");
  const checks = either(v, "check-methods", "checks");
  if (!from && !sourceRaw && !scenarios) {
    const stray = [
      "seed-methods",
      "check-methods",
      "declared-changes",
      "upgrade-globals",
      "upgrade-exclude-globals",
      "namespace"
    ].filter((f) => v[f] !== void 0);
    if (seed !== void 0 && !stray.includes("seed-methods")) stray.unshift("seed-methods");
    if (checks !== void 0 && !stray.includes("check-methods")) stray.unshift("check-methods");
    if (stray.length > 0)
      throw new UsageError(
        `--${stray[0]} is given but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios.`
      );
    return null;
  }
  const repository = v.namespace ? `${(v.registry ?? "ghcr.io").replace(/\/+$/, "")}/${v.namespace}/${(await readModuleIdentity(moduleDir)).name}` : null;
  const inputs = {
    ...from ? upgradeFromInputs(from, repository, (path) => resolve(io.cwd, path)) : {},
    ...sourceRaw ? { previousSource: sourceRaw.startsWith("git:") ? sourceRaw : resolve(io.cwd, sourceRaw) } : {},
    ...scenarios ? { scenarios } : {},
    ...seed !== void 0 ? { seed } : {},
    ...checks !== void 0 ? { checks } : {},
    ...v["declared-changes"] !== void 0 ? { declaredChanges: v["declared-changes"] } : {},
    ...v["upgrade-globals"] !== void 0 ? { globals: v["upgrade-globals"] } : {},
    ...v["upgrade-exclude-globals"] !== void 0 ? { excludeGlobals: v["upgrade-exclude-globals"] } : {}
  };
  const options = parseUpgradeOptions(inputs);
  return upgradeStage(
    options,
    registryPuller(
      (registry) => registryClient(registry, io, { "plain-http": v["plain-http"] === true, verbose: v.verbose === true })
    )
  );
}

// src/cli/commands/run.ts
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
  --json                 print the run report as JSON on stdout (upgrade scenarios in "upgrade")

Upgrade testing (docs/upgrade-testing.md; the action's input names; any of the first three adds the stage):
  --upgrade-from <x>     the previous release as a database package: a .tgz path, a full reference
                         (ghcr.io/acme/demo-orders:1.0.0_database__2025.1), or a version pulled from
                         <registry>/<namespace>/<module> (needs --namespace)
  --upgrade-source <x>   the previous release's module directory, or git:<tag or commit> of the module's
                         own repository (also --previous-source)
  --upgrade-scenarios <list>
                         database, source, fresh, container-replacement, or all (default: all the
                         other upgrade options allow)
  --seed-methods <list>  Package.Class:Method that write data after the previous release is installed
                         (also --seed)
  --check-methods <list> Package.Class:Method that must return 1 after the upgrade (also --checks)
  --declared-changes <x> Package.Class:Method=^Global1,^Global2 per update step, separated by ;
  --upgrade-globals <list>, --upgrade-exclude-globals <list>
                         globals to fingerprint / to leave out (^Name or ^Prefix*)
  --registry <host>      registry to pull a previous version from (default: ghcr.io)
  --namespace <ns>       registry namespace (owner) a previous version was published under
  --plain-http           HTTP instead of HTTPS to that registry (a loopback registry only)
  Registry credentials come from IPM_DB_REGISTRY_USERNAME / IPM_DB_REGISTRY_PASSWORD (or _TOKEN).
`;
var runCommand = {
  name: "run",
  summary: "build, verify and install-test a database package in an IRIS container",
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
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
          json: { type: "boolean" },
          ...UPGRADE_FLAGS
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
    const moduleDir = resolve2(io.cwd, v.module);
    const upgrade = await upgradeStageFromFlags(v, moduleDir, io);
    const outDir = resolve2(io.cwd, v.out ?? "ipm-db-out");
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : null;
    const logger = consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr });
    await mkdir(outDir, { recursive: true });
    const report = await runPipeline({
      image: v.image,
      moduleDir,
      outDir,
      installer,
      installerCache: directoryCache(join3(io.env.XDG_CACHE_HOME ?? join3(homedir(), ".cache"), "ipm-db", "installers")),
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
      verifyArchive,
      ...upgrade ? { stages: [...DEFAULT_STAGES, upgrade] } : {}
    });
    const reportPath = join3(outDir, "run-report.json");
    await writeFile(reportPath, JSON.stringify(report, null, 2) + "\n");
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
  if (report.upgrade.length > 0) {
    lines.push("upgrade scenarios:");
    for (const u of report.upgrade)
      lines.push(
        `  ${u.scenario.padEnd(21)} ${(u.ok ? "passed" : "failed").padEnd(7)} ${formatMs(u.durationMs).padStart(8)}  ${u.message}`
      );
  }
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join("\n") + "\n";
}
export {
  runCommand,
  summary
};
