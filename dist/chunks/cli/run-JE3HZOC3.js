import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  DEFAULT_IPM_REPOSITORY,
  DEFAULT_STAGES,
  Limiter,
  UPGRADE_FIELDS,
  describeOutcome,
  describeSettingsUse,
  directoryCache,
  driverUpgradeEnvironment,
  exportModuleAt,
  gitRevision,
  mapBounded,
  mergeModuleSettings,
  parseInstallerSpec,
  parseIpmCommit,
  parseIpmRepository,
  parseModuleXml,
  readModuleSettings,
  readUpgradeOptions,
  runPipeline,
  runUpgradeScenarios,
  settingsError,
  settingsFileLabel
} from "./chunk-YM7X6SVI.js";
import "./chunk-6Z5O7C5P.js";
import "./chunk-RWNQWFBA.js";
import {
  verifyArchive
} from "./chunk-MLJMLZZA.js";
import "./chunk-UPQPADT4.js";
import {
  formatDuration,
  markdownCode,
  markdownText
} from "./chunk-G7AT5NQ2.js";
import {
  pullPackage
} from "./chunk-ETCAINOH.js";
import "./chunk-TBTJLIKU.js";
import {
  RegistryClient,
  accessForHost,
  cliLogger,
  cliRegistryAccess,
  consoleLogger
} from "./chunk-HY7YMROX.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import {
  imageTag,
  parseReference
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/run.ts
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";
import { parseArgs } from "node:util";

// src/pipeline/defaults.ts
var DEFAULT_IRIS_IMAGE = "containers.intersystems.com/intersystems/iris-community:2026.1";
var DEFAULT_IPM_GIT = {
  commit: "1193db1ca91e1c5116230a69f1a28e63bbee30d6",
  repository: DEFAULT_IPM_REPOSITORY
};

// src/pipeline/parallel.ts
import { availableParallelism, totalmem } from "node:os";
var IRIS_CONTAINER_BYTES = 2 * 1024 ** 3;
var RUNNER_RESERVE_BYTES = 1024 ** 3;
function defaultParallel(machine) {
  const byMemory = Math.floor((machine.memoryBytes - RUNNER_RESERVE_BYTES) / IRIS_CONTAINER_BYTES);
  return Math.max(1, Math.min(machine.cores, byMemory));
}
function thisMachine() {
  return { memoryBytes: totalmem(), cores: availableParallelism() };
}
function containerSlots(parallel) {
  return new Limiter(parallel);
}

// src/util/grouped-log.ts
function located(message, where) {
  return where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ${message}` : message;
}
function groupedLogger(sink, prefix) {
  let open = null;
  const emit = (line) => {
    if (open) open.push(line);
    else sink.line({ ...line, text: `${prefix}${line.text}` });
  };
  return {
    info: (m) => emit({ level: "info", text: m }),
    warn: (m, w) => emit({ level: "info", text: `warning: ${located(m, w)}` }),
    error: (m, w) => emit({ level: "info", text: `error: ${located(m, w)}` }),
    debug: (m) => emit({ level: "debug", text: m }),
    async group(title, fn) {
      if (open) {
        open.push({ level: "info", text: `-- ${title}` });
        return fn();
      }
      const lines = [];
      open = lines;
      try {
        return await fn();
      } finally {
        open = null;
        sink.block(`${prefix}${title}`, lines);
      }
    }
  };
}
function streamSink(out, opts = {}) {
  const text = (lines) => lines.filter((l) => l.level === "info" || opts.verbose).map((l) => l.level === "debug" ? `debug: ${l.text}` : l.text);
  return {
    block: (title, lines) => void out.write([`== ${title}`, ...text(lines)].join("\n") + "\n"),
    line: (l) => {
      for (const t of text([l])) out.write(`${t}
`);
    }
  };
}

// src/cli/upgrade-flags.ts
import { resolve } from "node:path";

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
function shortHash(hash) {
  return hash === "" ? "absent" : markdownCode(hash.slice(0, 12));
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
  return `| ${TITLE[result.scenario]} | ${result.ok ? "passed" : "**failed**"} | ${markdownText(version(result))} | ${steps} | ${checks} | ${data} |`;
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
    const verdict = !change ? "same" : change.declaredBy.length > 0 ? `${change.kind}, declared by ${change.declaredBy.map(markdownCode).join(", ")}` : `**${change.kind}, undeclared**`;
    lines.push(
      `| ${markdownCode(name)} | ${b ? b.nodes : "-"} | ${b ? shortHash(b.hash) : "-"} | ${a ? a.nodes : "-"} | ${a ? shortHash(a.hash) : "-"} | ${verdict} |`
    );
  }
  for (const change of changes) {
    if (!change.nodeChanges || change.nodeChanges.length === 0) continue;
    lines.push("", `${markdownCode(change.global)}:`);
    for (const node of change.nodeChanges.slice(0, NODE_LINES)) lines.push(`- ${node.kind} ${markdownCode(node.node)}`);
    if (change.nodeChanges.length > NODE_LINES) lines.push(`- and ${change.nodeChanges.length - NODE_LINES} more`);
  }
  return lines;
}
function scenarioSection(result) {
  const lines = [
    `### ${TITLE[result.scenario]}: ${result.ok ? "passed" : "failed"}`,
    "",
    markdownText(result.message),
    ""
  ];
  if (result.previous.source !== "none")
    lines.push(`Previous release: ${markdownCode(result.previous.reference)} (${result.previous.source})`, "");
  if (result.namespace) lines.push(`Namespace: ${markdownCode(result.namespace)}`, "");
  if (result.problems.length > 0) {
    lines.push("Problems:", ...result.problems.map((p) => `- ${markdownText(p)}`), "");
  }
  const data = fingerprintTable(result.before, result.after, result.changes);
  if (data.length > 0) lines.push("Data fingerprints:", "", ...data, "");
  if (result.steps.length > 0) {
    lines.push("| update step | outcome | before (start / end) | after (start / end) |", "|---|---|---|---|");
    const times = (row) => row ? `${row.timeStampStart || "(seeded)"} / ${row.timeStampEnd || "-"}` : "-";
    for (const step of result.steps) {
      const outcome = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${markdownCode(step.step)} | ${outcome} | ${times(step.before)} | ${times(step.after)} |`);
    }
    lines.push("");
  }
  if (result.checks.length > 0) {
    lines.push("| check | returned | result |", "|---|---|---|");
    for (const check of result.checks)
      lines.push(
        `| ${markdownCode(check.check)} | ${markdownCode(check.returned) || "(empty)"} | ${check.ok ? "ok" : "**failed**"} |`
      );
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
    lines.push(
      `Swap backup: ${markdownCode(result.backup.path)} ${result.backup.exists ? "exists" : "**is missing**"}`,
      ""
    );
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
  return parseModuleXml(moduleXml).updatePackage;
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
function upgradeFlagValues(v) {
  return {
    "upgrade-from": v["upgrade-from"],
    "upgrade-source": either(v, "upgrade-source", "previous-source"),
    "upgrade-scenarios": v["upgrade-scenarios"],
    "seed-methods": either(v, "seed-methods", "seed"),
    "check-methods": either(v, "check-methods", "checks"),
    "declared-changes": v["declared-changes"],
    "upgrade-globals": v["upgrade-globals"],
    "upgrade-exclude-globals": v["upgrade-exclude-globals"]
  };
}
function upgradeStageFromFlags(v, io, merged) {
  const text = {};
  for (const field of UPGRADE_FIELDS) {
    const value = merged.text(field);
    if (value !== void 0) text[field] = value;
  }
  const { options, problems } = readUpgradeOptions(text, {
    resolvePath: (path) => resolve(io.cwd, path),
    pullFrom: v.namespace ? { registry: (v.registry ?? "ghcr.io").replace(/\/+$/, ""), namespace: v.namespace } : null,
    name: (field) => `--${field}`
  });
  const error = settingsError(problems, merged, { name: (field) => `--${field}` });
  if (error) throw error;
  if (options === null) {
    const stray = ["registry", "namespace", "plain-http"].find((name) => v[name] !== void 0);
    if (stray)
      throw new UsageError(
        `--${stray}: is set but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios.`
      );
    return null;
  }
  return upgradeStage(options, cliUpgradePuller(v, io));
}
function cliUpgradePuller(v, io) {
  const access = cliRegistryAccess(io, (v.registry ?? "ghcr.io").replace(/\/+$/, ""), {
    plainHttp: v["plain-http"] === true
  });
  const logger = cliLogger(io, v.verbose === true);
  return registryPuller((host) => new RegistryClient(accessForHost(access, host), { logger }));
}

// src/cli/commands/run.ts
var USAGE = `Usage: ipm-db run --module <dir> [--image <image>] [options]

Starts IRIS in Docker, installs IPM, loads and compiles the module, packages it with
package-database, verifies the archive, installs it into a fresh namespace and (with
--tests) runs the module's tests. Prints each stage and its time.

Options:
  --module <dir>         directory holding the module's module.xml (required)
  --image <image>        IRIS image (default: ${DEFAULT_IRIS_IMAGE}); repeat it to run several IRIS
                         versions concurrently, each in <out>/<image tag>/
  --parallel <n>         IRIS containers at once (default: one per core, memory allowing ~2 GB each)
  --ipm-git <commit>     install IPM from the source tree of this full 40-hex commit, as IPM's CI does
                         (default: ${DEFAULT_IPM_GIT.commit}, database packaging's pull request);
                         "none" uses the IPM already in the image
  --ipm-git-repository <url>
                         repository (or mirror) serving <url>/archive/<commit>.tar.gz
                         (default: ${DEFAULT_IPM_REPOSITORY})
  --ipm <path|version>   IPM installer XML to load, or an IPM release version (needs --ipm-sha256),
                         instead of --ipm-git
  --ipm-sha256 <hex>     pinned SHA-256 of the installer
  --warm-ipm-image       start from a local image with this IRIS image's IPM already installed, and
                         commit one after a fresh install (keyed by the IRIS image id and the IPM pin)
  --out <dir>            where the .tgz, JUnit XML and run-report.json go (default: ./ipm-db-out)
  --dev                  load and package with -dev (packages test resources)
  --tests                run the module's tests (test -only) where it was loaded from source
  --network <name>       docker network for the IRIS container (default: none, or bridge when
                         IPM must download; host publishes IRIS's ports on every interface)
  --docker-arg <arg>     extra docker run argument (repeatable)
  --login <registry>     docker login to this registry first (private images); with --login-user,
                         password from the IPM_DB_REGISTRY_PASSWORD environment variable (sent on stdin)
  --login-user <name>    user name for --login
  --ensemble             interoperability-enable the namespaces created
  --ready-timeout <s>    seconds to wait for IRIS to start (default: 300)
  --keep                 keep the container afterwards (for debugging)
  --verbose              IPM -v on every command, and debug output
  --no-export-python-deps
                         package-database -no-export-python-deps: no requirements.txt wheels (needed without network)
  --no-dev, --no-tests, --no-ensemble, --export-python-deps
                         the other value of those options, to override the module's ipm-db.yml
  --record-transcripts   record every IRIS session and file sent in under <out>/transcripts/
                         (replay against the stand-in: npm run standin:replay <dir>)
  --json                 print the run report as JSON on stdout (upgrade scenarios in "upgrade")

The module's ipm-db.yml (docs/module-settings.md), when it has one, gives the settings these flags leave
out: dev (--dev), run-tests (--tests), interoperability (--ensemble), export-python-deps, and the upgrade
settings below from --upgrade-scenarios on (used when an upgrade runs). A flag that is given wins.

Upgrade testing (docs/upgrade-testing.md; the action's input names; any of the first three adds the stage):
  --upgrade-from <x>     the previous release as a database package: a .tgz path, a full reference
                         (ghcr.io/acme/demo-orders:1.0.0_database__2026.1), or a version pulled from
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
          image: { type: "string", multiple: true },
          parallel: { type: "string" },
          ipm: { type: "string" },
          "ipm-sha256": { type: "string" },
          "ipm-git": { type: "string" },
          "ipm-git-repository": { type: "string" },
          "warm-ipm-image": { type: "boolean" },
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
          "export-python-deps": { type: "boolean" },
          "record-transcripts": { type: "boolean" },
          json: { type: "boolean" },
          ...UPGRADE_FLAGS
        },
        allowPositionals: false,
        // --no-<option> for every boolean option: how a flag turns off what ipm-db.yml turns on.
        allowNegative: true,
        strict: true
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const v = parsed.values;
    if (!v.module) throw new UsageError("--module <dir> is required.");
    const images = [...new Set(v.image ?? [DEFAULT_IRIS_IMAGE])];
    let parallel = defaultParallel(thisMachine());
    if (v.parallel !== void 0) {
      if (!/^[1-9]\d{0,2}$/.test(v.parallel))
        throw new UsageError(`--parallel must be a whole number of IRIS containers from 1, got "${v.parallel}".`);
      parallel = Number(v.parallel);
    }
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
    const flag = (value) => value === void 0 ? void 0 : String(value);
    const given = {
      dev: flag(v.dev),
      "run-tests": flag(v.tests),
      interoperability: flag(v.ensemble),
      "export-python-deps": flag(v["export-python-deps"]),
      ...upgradeFlagValues(v)
    };
    const settings = mergeModuleSettings(
      await readModuleSettings(moduleDir, settingsFileLabel(io.cwd, moduleDir)),
      (name) => given[name]
    );
    const setting = (name, fallback) => (settings.text(name) ?? String(fallback)) === "true";
    const upgrade = upgradeStageFromFlags(v, io, settings);
    if (settings.use) for (const line of describeSettingsUse(settings.use, "flags")) io.stderr.write(`${line}
`);
    const outDir = resolve2(io.cwd, v.out ?? "ipm-db-out");
    if (v.ipm && (v["ipm-git"] !== void 0 || v["ipm-git-repository"] !== void 0))
      throw new UsageError("--ipm and --ipm-git are alternatives; give one.");
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : ipmGitSource(v["ipm-git"], v["ipm-git-repository"]);
    const sink = streamSink(io.stderr, { verbose: v.verbose ?? false });
    const slots = containerSlots(parallel);
    const several = images.length > 1;
    const tags = images.map((image) => (imageTag(image) ?? image).replace(/[^A-Za-z0-9._-]+/g, "-"));
    const keys = tags.map((t, i) => tags.indexOf(t) === tags.lastIndexOf(t) ? t : `${t}-${i + 1}`);
    const reports = await mapBounded(images, slots, async (image, index) => {
      const key = keys[index];
      const imageOut = several ? join2(outDir, key) : outDir;
      await mkdir(imageOut, { recursive: true });
      const report = await runPipeline({
        image,
        moduleDir,
        outDir: imageOut,
        installer,
        warmIpmImage: v["warm-ipm-image"] ?? false,
        installerCache: directoryCache(
          join2(io.env.XDG_CACHE_HOME ?? join2(homedir(), ".cache"), "ipm-db", "installers")
        ),
        dev: setting("dev", false),
        runTests: setting("run-tests", false),
        keepContainer: v.keep ?? false,
        ...v.network ? { network: v.network } : {},
        ...v["docker-arg"] ? { extraDockerArgs: v["docker-arg"] } : {},
        interoperability: setting("interoperability", false),
        ...login ? { login } : {},
        verbose: v.verbose ?? false,
        exportPythonDeps: setting("export-python-deps", true),
        ...v["record-transcripts"] ? { recordTranscripts: true } : {},
        ...readyMs ? { timeouts: { readyMs } } : {},
        ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
        logger: several ? groupedLogger(sink, `[${key}] `) : consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr }),
        verifyArchive,
        containerSlots: slots,
        ...upgrade ? { stages: [...DEFAULT_STAGES, upgrade] } : {}
      });
      if (settings.use) report.moduleSettings = settings.use;
      const reportPath = join2(imageOut, "run-report.json");
      await writeFile(reportPath, JSON.stringify(report, null, 2) + "\n");
      return { report, reportPath };
    });
    const done = reports.filter((r) => r !== void 0);
    if (v.json) {
      const value = several ? done.map((r) => r.report) : done[0].report;
      io.stdout.write(JSON.stringify(value, null, 2) + "\n");
    } else for (const r of done) io.stdout.write(summary(r.report, r.reportPath));
    return done.every((r) => r.report.ok) ? EXIT.ok : EXIT.failed;
  }
};
function ipmGitSource(commit, repository) {
  if (commit === void 0) {
    if (repository !== void 0) throw new UsageError("--ipm-git-repository needs --ipm-git <commit>.");
    return { kind: "git", ...DEFAULT_IPM_GIT };
  }
  if (commit.trim() === "none") {
    if (repository !== void 0) throw new UsageError("--ipm-git-repository does not go with --ipm-git none.");
    return null;
  }
  return {
    kind: "git",
    commit: parseIpmCommit(commit),
    repository: parseIpmRepository(repository ?? DEFAULT_IPM_REPOSITORY)
  };
}
function summary(report, reportPath) {
  const lines = [`${report.ok ? "PASSED" : "FAILED"}  ${report.image}  (${formatDuration(report.durationMs)})`];
  for (const s of report.stages)
    lines.push(
      `  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${formatDuration(s.durationMs).padStart(8)}  ${s.message ?? ""}`
    );
  if (report.upgrade.length > 0) {
    lines.push("upgrade scenarios:");
    for (const u of report.upgrade)
      lines.push(
        `  ${u.scenario.padEnd(21)} ${(u.ok ? "passed" : "failed").padEnd(7)} ${formatDuration(u.durationMs).padStart(8)}  ${u.message}`
      );
  }
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join("\n") + "\n";
}
export {
  ipmGitSource,
  runCommand,
  summary
};
